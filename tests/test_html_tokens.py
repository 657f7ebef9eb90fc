"""The build reads a page's HTML as a browser's tokenizer does (pasapas/transform/html_tokens.py),
whatever a contribution holds: the passes that change the page (glossary links, bidi
isolation) then never write inside a tag, a comment or a script's text."""

from __future__ import annotations

import pytest

from pasapas.model.glossary import Entry
from pasapas.transform.bidi import isolate_html
from pasapas.transform.glossary_links import link_terms
from pasapas.transform.html_tokens import pieces


def shape(html: str) -> list[tuple[str, str]]:
    found = pieces(html)
    assert "".join(piece.raw for piece in found) == html
    return [(piece.kind, piece.name or piece.raw) for piece in found]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A ">" inside a quoted value does not end the tag; a quote in a name starts no value.
        ('<p title="a > b">x</p>', [("start", "p"), ("text", "x"), ("end", "p")]),
        ('<p a\'b="x>">x', [("start", "p"), ("text", "x")]),
        # Comments, the empty ones a browser closes at once, and the "--!>" ending.
        ("<!-- <h2> -->x", [("other", "<!-- <h2> -->"), ("text", "x")]),
        ("<!-->x<!--->y", [("other", "<!-->"), ("text", "x"), ("other", "<!--->"), ("text", "y")]),
        ("<!-- a --!>x", [("other", "<!-- a --!>"), ("text", "x")]),
        # What starts no tag is text; "</>" is dropped by a browser; "<?" and "</1" are comments.
        ("a < b <3 </", [("text", "a < b <3 </")]),
        (
            "x</>y<?php z ?>w</1>v",
            [
                ("text", "x"),
                ("other", "</>"),
                ("text", "y"),
                ("other", "<?php z ?>"),
                ("text", "w"),
                ("other", "</1>"),
                ("text", "v"),
            ],
        ),
        # The text of a script, a style, a textarea or a title holds no tag.
        (
            "<script>if (a < b) '<p>';</script>x",
            [("start", "script"), ("text", "if (a < b) '<p>';"), ("end", "script"), ("text", "x")],
        ),
        ("<textarea><b>x</b></TEXTAREA >y", [("start", "textarea"), ("text", "<b>x</b>"), ("end", "textarea"), ("text", "y")]),
        # A tag the page ends inside is no tag.
        ('<p title="x>y', [("other", '<p title="x>y')]),
        ("<P CLASS=x/><BR/>", [("start", "p"), ("start", "br")]),
    ],
)
def test_a_page_is_cut_into_pieces_as_a_browser_reads_it(html, expected):
    assert shape(html) == expected


def test_attributes_are_read_as_a_browser_reads_them():
    first = pieces('<a HREF="x&amp;y" href="second" data-x=1 hidden b="1"c=\'2\'/>')[0]
    assert first.attrs == {"href": "x&y", "data-x": "1", "hidden": None, "b": "1", "c": "2"}
    assert pieces("</p class=x>")[0].attrs == {}


def test_no_pass_writes_inside_a_tag_a_comment_or_a_script():
    entries = [Entry("virus", "virus", (), ".")]
    html = '<p a\'b="virus>">x</p><!-- virus --><textarea>virus</textarea><script>virus</script><p>virus</p>'
    assert link_terms(html, entries, "g/") == html.replace(
        "<p>virus</p>", '<p><a class="pap-glossaire" href="g/#virus">virus</a></p>'
    )
    arabic = '<p a\'b="Wi-Fi>">نص</p><!-- Wi-Fi --><textarea>Wi-Fi</textarea><p>شغّل Wi-Fi</p>'
    assert isolate_html(arabic, "ar") == arabic.replace("<p>شغّل Wi-Fi</p>", "<p>شغّل <bdi>Wi-Fi</bdi></p>")


def test_reading_a_hostile_page_takes_time_in_proportion_to_its_length():
    """Sixty thousand comments, unclosed tags or stray "<": read in one pass each (a search
    that started again from each comment made the first of these quadratic)."""
    import time

    for page in ("<!-- x -->" * 60_000, "<a" * 50_000, "<" * 100_000, "<p title='x" * 20_000):
        started = time.perf_counter()
        found = pieces(page)
        assert "".join(piece.raw for piece in found) == page
        assert time.perf_counter() - started < 2, page[:20]
