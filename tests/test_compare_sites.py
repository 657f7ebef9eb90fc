"""Tests for compare_sites on tiny hand-made sites: no engine build needed."""

from __future__ import annotations

from pathlib import Path

from pasapas.tools.compare_sites import compare_sites, main

PAGE = """<!doctype html>
<html lang="fr"><head>
<meta charset="utf-8">
<meta name="generator" content="{generator}">
<title>Accueil</title>
</head><body><p>{text}</p></body></html>
"""
MKDOCS = "mkdocs-1.6.1, mkdocs-material-9.8.2"
PROPERDOCS = "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"


def make_site(root: Path, generator: str, text: str = "Bonjour") -> Path:
    (root / "lecons" / "sms").mkdir(parents=True)
    (root / "index.html").write_text(PAGE.format(generator=generator, text=text), "utf-8")
    (root / "lecons" / "sms" / "index.html").write_text(PAGE.format(generator=generator, text="SMS"), "utf-8")
    (root / "sitemap.xml").write_text("<urlset></urlset>\n", "utf-8")
    return root


def test_identical_apart_from_generator_meta_is_the_same(tmp_path: Path) -> None:
    a = make_site(tmp_path / "a", MKDOCS)
    b = make_site(tmp_path / "b", PROPERDOCS)
    assert compare_sites(a, b) == []
    assert main([str(a), str(b)]) == 0


def test_changed_text_is_reported_with_its_line(tmp_path: Path) -> None:
    a = make_site(tmp_path / "a", MKDOCS)
    b = make_site(tmp_path / "b", PROPERDOCS, text="Salut")
    [problem] = compare_sites(a, b)
    assert problem.startswith("index.html differs: line 6:")
    assert "Bonjour" in problem and "Salut" in problem


def test_missing_page_is_reported(tmp_path: Path) -> None:
    a = make_site(tmp_path / "a", MKDOCS)
    b = make_site(tmp_path / "b", MKDOCS)
    (b / "lecons" / "sms" / "index.html").unlink()
    assert compare_sites(a, b) == [f"only in {a}: lecons/sms/index.html"]
    assert main([str(a), str(b)]) == 1


def test_generator_is_only_ignored_in_html(tmp_path: Path) -> None:
    # Outside HTML the same text is content, not an engine stamp: it must count.
    a = make_site(tmp_path / "a", MKDOCS)
    b = make_site(tmp_path / "b", MKDOCS)
    (a / "notes.txt").write_text(f'<meta name="generator" content="{MKDOCS}">\n', "utf-8")
    (b / "notes.txt").write_text(f'<meta name="generator" content="{PROPERDOCS}">\n', "utf-8")
    assert [p.split(":")[0] for p in compare_sites(a, b)] == ["notes.txt differs"]


def test_binary_difference_reports_sizes(tmp_path: Path) -> None:
    a = make_site(tmp_path / "a", MKDOCS)
    b = make_site(tmp_path / "b", MKDOCS)
    (a / "sitemap.xml.gz").write_bytes(b"\x1f\x8b\x00")
    (b / "sitemap.xml.gz").write_bytes(b"\x1f\x8b\x01\x02")
    assert compare_sites(a, b) == ["sitemap.xml.gz differs: 3 bytes != 4 bytes"]
