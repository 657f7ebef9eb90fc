"""Safe by construction: what a stranger's pull request puts under docs/ can never run
script, send the learner elsewhere, leak a file or crash the build (SECURITY.md).

Each class of problem is planted, and shown refused with `path:line: rule-id` — by the
checker on the Markdown as the site's own extensions render it, by the build of the
site, and by the build of the offline copy — or neutralised by the sanitiser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from pasapas.build.theme_contract import HtmlPolicyError, add_content_security_policy, theme_script_patterns
from pasapas.checks.content_safety import find_unsafe, sanitise

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def render():
    """Markdown → HTML with the site's own extensions and settings (mkdocs.yml)."""
    from pasapas.build.site import load_config

    config = load_config(ROOT)

    def to_html(text: str) -> str:
        return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)

    return to_html


#: (Markdown a contributor might write, the rule that refuses it, text that must not survive the sanitiser)
PLANTED = {
    "script": ("Bonjour.\n\n<script>alert(1)</script>\n", "html-not-allowed", "<script"),
    "tag-split-over-lines": ('Texte\n\n<img\nsrc="images/x.svg"\nonerror="alert(1)">\n', "attribute-not-allowed", "onerror"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>\n', "html-not-allowed", "<iframe"),
    "form": ('<form action="https://evil.example/"><input name="motdepasse"></form>\n', "html-not-allowed", "<form"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', "html-not-allowed", "refresh"),
    "base": ('<base href="https://evil.example/">\n', "html-not-allowed", "<base"),
    "style-element": ("<style>body { display: none }</style>\n", "html-not-allowed", "display"),
    "inline-svg-script": ("<svg><script>alert(1)</script></svg>\n", "html-not-allowed", "alert"),
    "reference-link-javascript": ("Voir [la CAF][caf].\n\n[caf]: javascript:alert(1)\n", "link-scheme", "javascript"),
    "reference-image-elsewhere": ("![Un dessin.][i]\n\n[i]: https://evil.example/pixel.png\n", "image-not-local", None),
    "upper-case-scheme": ("[la CAF](JAVASCRIPT:alert(1))\n", "link-scheme", "JAVASCRIPT"),
    "entity-in-scheme": ('<a href="jav&#x61;script:alert(1)">la CAF</a>\n', "link-scheme", "alert"),
    "data-url": ("[la CAF](data:text/html,<script>alert(1)</script>)\n", "link-scheme", "data:"),
    "attr-list-href": ('[la CAF](https://www.caf.fr/){href="javascript:alert(1)"}\n', "link-scheme", "javascript"),
    "attr-list-srcset": (
        '![Un dessin.](images/x.svg){srcset="https://evil.example/x.png 2x"}\n',
        "attribute-not-allowed",
        "srcset",
    ),
    "attr-list-ping": ('[la CAF](https://www.caf.fr/){ping="https://evil.example/"}\n', "attribute-not-allowed", "ping"),
    "attr-list-style": ('Un paragraphe.\n{style="position:fixed;top:0"}\n', "attribute-not-allowed", "position"),
    "attr-list-event": ("Un paragraphe.\n{onmouseover=alert(1)}\n", "attribute-not-allowed", "onmouseover"),
    "theme-id": ("## Titre {#__config}\n", "attribute-value", None),
    "http-link": ("[la CAF](http://www.caf.fr/)\n", "link-scheme", None),
    "protocol-relative": ("[la CAF](//evil.example/)\n", "link-scheme", None),
    "shortener": ("[la CAF](https://bit.ly/3xYz)\n", "link-shortener", None),
    "tracking": ("[la CAF](https://www.caf.fr/?utm_source=sms&fbclid=x)\n", "link-tracking", None),
    "address-text-elsewhere": ("[https://www.caf.fr](https://www.caf-aides.fr/)\n", "link-text-address", None),
    "address-userinfo": ("[la CAF](https://www.caf.fr@evil.example/)\n", "link-userinfo", None),
    "bidi-override": ("[\u202erf.fac.www//:sptth](https://evil.example/)\n", "text-bidi-control", None),
    "object": ('<object data="https://evil.example/x.swf"></object>\n', "html-not-allowed", "<object"),
    "look-alike-host": ("[la CAF](https://www.c\u0430f.fr/)\n", "link-host", None),
    "punycode-host": ("[la CAF](https://www.xn--cf-7kc.fr/)\n", "link-host", None),
    "zero-width-address-text": ("[caf\u200b.fr](https://evil.example/)\n", "link-text-address", None),
    "full-width-address-text": ("[ｃａｆ．ｆｒ](https://evil.example/)\n", "link-text-address", None),
    "theme-class": ("Texte.\n{: .pap-share }\n", "attribute-value", None),
    "reserved-id": ("## Mes sources {#sources}\n", "attribute-value", None),
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_each_planted_class_is_refused_and_neutralised(render, name):
    text, rule, must_not_survive = PLANTED[name]
    html = render(text)
    assert rule in {finding.rule for finding in find_unsafe(html)}, html
    if must_not_survive:
        assert must_not_survive.lower() not in sanitise(html).lower()


def test_the_allow_list_reads_the_html_as_a_browser_does():
    """A character reference shows the character; what a browser takes for text is not a tag
    (and the element that holds it is refused); a declaration is named as written."""

    def rules(html):
        return sorted(
            (found.rule, dict(found.values).get("written") or dict(found.values).get("tag")) for found in find_unsafe(html)
        )

    assert rules("<p>a &#x202E; b</p>") == [("text-bidi-control", None)]
    assert rules("<textarea><script>x</script></textarea>") == [("html-not-allowed", "textarea")]
    assert rules("<!DOCTYPE html><?php x ?><!-- a comment -->") == [
        ("html-not-allowed", "<!DOCTYPE html>"),
        ("html-not-allowed", "<?php x ?>"),
    ]


def test_the_real_pages_pass_the_allow_list_unchanged_in_meaning(render):
    for page in sorted((ROOT / "docs").rglob("*.md")):
        html = render(page.read_text(encoding="utf-8").split("\n---\n", 1)[-1])
        assert find_unsafe(html) == [], page


def test_a_link_whose_text_is_its_own_address_is_fine(render):
    html = render(
        "[caf.fr](https://www.caf.fr/) [www.impots.gouv.fr](https://www.impots.gouv.fr/accueil) "
        "[contact@exemple.fr](mailto:contact@exemple.fr) [le 3230](tel:3230)\n"
    )
    assert find_unsafe(html) == []


# --- The Content-Security-Policy: the theme's scripts only ----------------------------------------------


SCOPE_SCRIPT = (
    '<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
    'a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>'
)


def material_templates() -> str:
    from material import templates

    return os.path.dirname(templates.__file__)


@pytest.fixture(scope="module")
def theme_scripts():
    """What the theme alone would write (without our empty overrides)."""
    return theme_script_patterns([material_templates()])


def test_the_site_allows_no_inline_script_not_even_the_themes():
    """overrides/partials/javascripts/ empties the theme's inline scripts (issue #17), so
    the site's policy allows none: the theme's own scope script is refused like any other."""
    assert theme_script_patterns([str(ROOT / "overrides"), material_templates()]) == []
    page = f"<html><head>{SCOPE_SCRIPT}</head><body></body></html>"
    with pytest.raises(HtmlPolicyError, match="inline script that is not the theme's"):
        add_content_security_policy(page, [])
    assert "script-src 'self'; style-src" in add_content_security_policy("<html><head></head><body></body></html>", [])


def test_a_theme_template_that_is_gone_stops_the_build(tmp_path):
    with pytest.raises(HtmlPolicyError, match=r"template partials/javascripts/base.html was not found"):
        theme_script_patterns([str(tmp_path)])


def test_the_policy_would_allow_the_themes_own_scripts_at_any_depth(theme_scripts):
    page = f"<html><head>{SCOPE_SCRIPT}</head><body></body></html>"
    assert "'sha256-" in add_content_security_policy(page, theme_scripts)


@pytest.mark.parametrize(
    "planted",
    [
        "<script>alert(1)</script>",
        '<script>__md_scope=new URL("x");alert(1)</script>',
        '<script>__md_scope=new URL("."+alert(1)+"",location)</script>',
    ],
)
def test_a_page_with_any_other_inline_script_is_refused(theme_scripts, planted):
    with pytest.raises(HtmlPolicyError, match="inline script that is not the theme's"):
        add_content_security_policy(f"<html><head></head><body>{planted}</body></html>", theme_scripts)


# --- The build, web and offline, refuses planted problems with path:line ---------------------------------


def run_build(project: Path, *, offline: bool = False) -> subprocess.CompletedProcess:
    from pasapas.project import run_build as build

    return build(project / "out", project, offline=offline, env={"SITE_URL": "https://pasapas.example/"}, capture=True)


def assert_refused(result: subprocess.CompletedProcess, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    for line in expected:
        assert re.search(line, output), f"{line!r} not in:\n{output[-3000:]}"


@pytest.fixture(scope="module")
def planted_files(tmp_path_factory):
    """A copy of the project with one planted problem of each file-level class."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("planted-files"))
    docs = project / "docs"
    (docs / "fr/secret.md").symlink_to("/etc/hostname")
    (docs / "fr/piege.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (docs / "fr/outil.js").write_text("alert(1)", encoding="utf-8")
    (docs / "fr/Mauvais Nom.md").write_text("# x\n", encoding="utf-8")
    (docs / "fr/lecons/images/piege.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onclick="alert(1)"/>'
        '<image href="https://evil.example/x.png"/></svg>',
        encoding="utf-8",
    )
    (docs / "fr/bombe.md").write_text("---\ntitle: &a [x, x]\ndescription: *a\n---\n# x\n", encoding="utf-8")
    (docs / "fr/fuite.md").write_text('---\ntitle: Fuite\n---\n# Fuite\n\n--8<-- ".git/config"\n', encoding="utf-8")
    about = docs / "fr/a-propos.md"
    about.write_text(
        re.sub(
            r"^description: .*$",
            'description: "x\\"><script>alert(1)</script>"',
            about.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        ),
        encoding="utf-8",
    )
    data = docs / "_aide.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("link: https://", "link: http://", 1), encoding="utf-8")
    return project


FILE_CLASSES = [
    r"docs/fr/secret\.md:1: file-symlink:",
    r"docs/fr/piege\.html:1: file-type:",
    r"docs/fr/outil\.js:1: file-type:",
    r"docs/fr/Mauvais Nom\.md:1: file-name:",
    r"docs/fr/lecons/images/piege\.svg:1: svg-unsafe: the drawing holds the element <script>",
    r"docs/fr/lecons/images/piege\.svg:1: svg-unsafe: the drawing holds the event attribute 'onclick'",
    r"docs/fr/lecons/images/piege\.svg:1: svg-unsafe: the drawing holds the element <image>",
    r"docs/fr/bombe\.md:2: front-matter-yaml: '&' and '\*'",
    r"docs/fr/fuite\.md:6: snippet-not-allowed:",
    r"docs/fr/a-propos\.md:\d+: field-markup: 'description' holds HTML",
    r"docs/_aide\.yml:\d+: data-link:",
]


@pytest.mark.slow  # two whole builds
@pytest.mark.parametrize("offline", [False, True], ids=["web", "offline"])
def test_the_build_refuses_every_planted_file_with_its_path_and_line(planted_files, offline):
    assert_refused(run_build(planted_files, offline=offline), *FILE_CLASSES)


def test_the_lesson_checker_says_the_same_without_building(planted_files):
    result = subprocess.run([sys.executable, "-m", "pasapas", "lint"], cwd=planted_files, capture_output=True, text=True)
    assert_refused(result, *FILE_CLASSES)


@pytest.mark.parametrize("offline", [False, True], ids=["web", "offline"])
def test_the_build_refuses_a_script_planted_in_any_page(project_copy, offline):
    project = project_copy("planted-script-offline" if offline else "planted-script")
    about = project / "docs/fr/a-propos.md"
    text = about.read_text(encoding="utf-8") + "\n<div>\n<script>\nalert(document.cookie)\n</script>\n</div>\n"
    about.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<script>") + 1
    assert_refused(
        run_build(project, offline=offline), rf"docs/fr/a-propos\.md:{line}: html-not-allowed: <script> is not allowed"
    )
    assert not (project / "out/a-propos/index.html").exists() or "alert(document.cookie)" not in (
        project / "out/a-propos/index.html"
    ).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def planted_content(tmp_path_factory):
    """A copy of the project whose "À propos" page holds one example of each content class."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("planted-content"))
    about = project / "docs/fr/a-propos.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n" + "\n\n".join(text for text, _, _ in IN_THE_PAGES.values()), encoding="utf-8"
    )
    return project


#: Attribute lists are refused in the source, before anything is built
#: (pasapas/checks/attribute_lists.py): the other classes are found in the built pages.
IN_THE_SOURCE = {name for name in PLANTED if name.startswith("attr-list") or name == "theme-class"}
IN_THE_PAGES = {name: planted for name, planted in PLANTED.items() if name not in IN_THE_SOURCE}


@pytest.mark.slow
def test_an_attribute_list_that_sets_anything_else_is_refused_before_the_build(project_copy):
    project = project_copy("planted-attribute-lists")
    about = project / "docs/fr/a-propos.md"
    planted = [PLANTED[name][0] for name in sorted(IN_THE_SOURCE)]
    about.write_text(about.read_text(encoding="utf-8") + "\n" + "\n\n".join(planted), encoding="utf-8")
    result = run_build(project)
    said = re.findall(r"docs/fr/a-propos\.md:\d+: attribute-not-allowed:", result.stdout + result.stderr)
    assert result.returncode != 0 and len(said) == len(planted), result.stderr[-3000:]


@pytest.mark.slow  # two whole builds
@pytest.mark.parametrize("offline", [False, True], ids=["web", "offline"])
def test_the_build_refuses_every_planted_content_class_at_once_with_its_line(planted_content, offline):
    result = run_build(planted_content, offline=offline)
    assert_refused(result, *sorted({rf"docs/fr/a-propos\.md:\d+: {re.escape(rule)}:" for _, rule, _ in IN_THE_PAGES.values()}))
    text = (planted_content / "docs/fr/a-propos.md").read_text(encoding="utf-8").splitlines()
    script_line = next(number for number, line in enumerate(text, start=1) if line.startswith("<script>alert(1)"))
    assert f"docs/fr/a-propos.md:{script_line}: html-not-allowed: <script> is not allowed" in result.stdout + result.stderr


def test_a_page_without_a_title_is_refused_so_no_heading_reaches_the_menu_as_markup(project_copy):
    project = project_copy("planted-heading")
    page = project / "docs/fr/a-propos.md"
    text = re.sub(r"^title: .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M)
    page.write_text(
        re.sub(r"^# .*$", "# À propos &lt;img src=x onerror=alert(1)&gt;", text, count=1, flags=re.M), encoding="utf-8"
    )
    assert_refused(run_build(project), r"docs/fr/a-propos\.md:1: field-missing: the page has no 'title'")


def test_make_build_leaves_no_site_that_looks_publishable_when_it_fails(project_copy):
    from conftest import with_make

    project = with_make(project_copy("make-build"))
    (project / "site").mkdir()
    (project / "site/index.html").write_text("an old build", encoding="utf-8")
    (project / "docs/fr/piege.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    result = subprocess.run(["make", "-s", "build"], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "docs/fr/piege.html:1: file-type:" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_make_lint_says_what_the_build_would_refuse_in_any_page_without_building(project_copy):
    project = project_copy("lint-rendered")
    glossary = project / "docs/en/glossaire.md"
    text = (
        glossary.read_text(encoding="utf-8")
        + "\nSee [the CAF][caf].\n\n[caf]: JAVASCRIPT:alert(1)\n\n<img\n  src=x\n  onerror=alert(1)>\n"
    )
    glossary.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pasapas", "lint"], cwd=project, capture_output=True, text=True)
    lines = text.splitlines()
    assert_refused(
        result,
        rf"docs/en/glossaire\.md:{lines.index('[caf]: JAVASCRIPT:alert(1)') + 1}: link-scheme:",
        rf"docs/en/glossaire\.md:{lines.index('  onerror=alert(1)>') + 1}: attribute-not-allowed: the attribute 'onerror'",
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("  fr:\n", "  fr: 5\n  ancien_fr:\n", 1),
        lambda text: "- 12\n" + text,
        lambda text: text.replace("- id: france-services", "- id: france-services\n  last_checked: hier", 1),
    ],
    ids=["language-not-a-group", "entry-not-a-group", "duplicate-field"],
)
def test_broken_help_data_stops_the_build_with_a_message_not_a_traceback(project_copy, change):
    project = project_copy("broken-help-data")
    data = project / "docs/_aide.yml"
    data.write_text(change(data.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "docs/_aide.yml" in result.stdout + result.stderr


def test_a_glossary_term_without_id_is_a_message_in_lint_and_build(project_copy):
    project = project_copy("broken-glossary")
    page = project / "docs/ar/glossaire.md"
    text = page.read_text(encoding="utf-8") + "\nكلمة { .bold }\n:   تعريف.\n"
    page.write_text(text, encoding="utf-8")
    line = len(text.splitlines()) - 1
    expected = rf"docs/ar/glossaire\.md:{line}: glossary-term:"
    assert_refused(
        subprocess.run([sys.executable, "-m", "pasapas", "lint"], cwd=project, capture_output=True, text=True), expected
    )
    assert_refused(run_build(project), expected)
