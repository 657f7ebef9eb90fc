"""The two fixes applied to every built page: direction on <html>, and the CSP."""

from __future__ import annotations

import re

import pytest

from pasapas.build.theme_contract import HtmlPolicyError, add_content_security_policy, copy_direction_to_html, script_hash

THEME_SCRIPTS = [re.compile(re.escape("var a=1"))]
PAGE = '<!doctype html>\n<html lang="ar" class="no-js">\n<head>\n<title>t</title>\n<script>var a=1</script>\n</head>\n<body dir="rtl"><script src="x.js"></script><script id="c" type="application/json">{}</script></body></html>'


def test_direction_of_body_is_copied_to_html():
    assert '<html dir="rtl" lang="ar" class="no-js">' in copy_direction_to_html(PAGE)


def test_an_existing_direction_on_html_is_replaced_not_doubled():
    page = PAGE.replace('<html lang="ar"', '<html dir="ltr" lang="ar"')
    assert copy_direction_to_html(page).count("dir=") == 2  # <html> and <body>
    assert '<html dir="rtl" lang="ar" class="no-js">' in copy_direction_to_html(page)


def test_a_page_without_body_direction_is_refused():
    with pytest.raises(HtmlPolicyError, match=r"no <html> tag or no dir= on <body>: did the theme change\?"):
        copy_direction_to_html(PAGE.replace(' dir="rtl"', ""))


def test_policy_allows_each_inline_script_by_hash_and_no_other_script():
    html = add_content_security_policy(PAGE, THEME_SCRIPTS)
    policy = html.split('content="', 1)[1].split('"', 1)[0]
    assert f"script-src 'self' {script_hash('var a=1')};" in policy
    assert policy.startswith("default-src 'self';")
    assert "unsafe" not in policy


def test_policy_refuses_an_inline_script_that_is_not_the_themes():
    with pytest.raises(HtmlPolicyError, match="inline script that is not the theme's"):
        add_content_security_policy(PAGE.replace("var a=1", "var a=2"), THEME_SCRIPTS)


def test_policy_is_the_first_thing_in_head():
    html = add_content_security_policy(PAGE, THEME_SCRIPTS)
    assert html.split("<head>", 1)[1].lstrip().startswith('<meta http-equiv="Content-Security-Policy"')


def test_a_page_without_head_is_refused():
    with pytest.raises(HtmlPolicyError, match=r"no <head> tag: did the theme change\?"):
        add_content_security_policy('<html><body dir="ltr"></body></html>', THEME_SCRIPTS)


def test_whitespace_between_lines_collapses_but_preformatted_text_and_scripts_stay():
    from pasapas.build.theme_contract import collapse_whitespace

    html = "<ul>\n    \n      <li>a</li>\n\n   <li>b c</li>\n</ul><pre>x\n\n    y</pre><script>if (a)\n\n  b()</script>"
    assert collapse_whitespace(html) == (
        "<ul>\n<li>a</li>\n<li>b c</li>\n</ul><pre>x\n\n    y</pre><script>if (a)\n\n  b()</script>"
    )
