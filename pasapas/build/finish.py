"""The last pass of a build: what is done on the finished site, file by file, with no
engine object — so that a change of engine (ProperDocs, Zensical…) keeps it unchanged.

For every HTML page: its search points at its own language's index, its QR code moves to
a file beside it, the theme's markup gets its accessibility fixes and the document its
direction, the theme's settings are trimmed and its icons drawn from the stylesheet,
whitespace is collapsed and the Content-Security-Policy is added. Then the search index
is split per language, the stylesheets are pruned and minified, and ours gets the icons'
drawings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pasapas.build import theme_contract
from pasapas.transform import css_prune, image_sizes, search_index, step_tools


@dataclass(frozen=True)
class SiteLanguages:
    source: str
    others: tuple[str, ...]
    skip_to_content: dict[str, str] = field(default_factory=dict)
    #: Each language's interface words (its _interface.yml), for what search says when it finds nothing.
    interface: dict[str, dict[str, str]] = field(default_factory=dict)

    def of_page(self, relative: str) -> str:
        first = relative.split("/", 1)[0]
        return first if first in self.others else self.source


def finish_page(
    html: str,
    relative: str,
    languages: SiteLanguages,
    policy: dict | None,
    site_dir: Path | None = None,
    icons: dict[str, str] | None = None,
) -> str:
    """One page, `relative` to the site root (e.g. 'ar/lecons/sms/index.html'). Without
    `policy` (the live preview) no CSP is added: the preview's reload script needs none.
    The theme's icons it draws from the stylesheet are recorded in `icons`."""
    language = languages.of_page(relative)
    if language != languages.source and not relative.endswith("404.html"):
        # The 404 page is served at any address: its links are absolute already.
        page_url = relative.removesuffix("index.html")
        html = search_index.point_search_at_language(html, page_url, f"{language}/")
    if site_dir is not None:
        folder = (site_dir / relative).parent
        qr_file = PurePosixPath(relative).stem + ".qr.svg"
        html, qr_drawing = step_tools.move_qr_code_to_file(html, qr_file)
        if qr_drawing is not None:
            (folder / qr_file).write_text(qr_drawing, encoding="utf-8")
        html = image_sizes.size_images(html, lambda src: None if "://" in src else (folder / src.split("#")[0]).resolve())
    html = theme_contract.copy_direction_to_html(html)
    html = theme_contract.fix_theme_accessibility(html, languages.skip_to_content[language])
    html = theme_contract.load_theme_script_at_first_gesture(html)
    html = theme_contract.trim_theme_config(html)
    html = theme_contract.draw_theme_icons_from_stylesheet(html, {} if icons is None else icons)
    html = theme_contract.collapse_whitespace(html)
    if policy is None:
        return html
    extra = ()
    if policy.get("shim_source"):
        shim_hash = theme_contract.worker_shim_hash(html, policy["shim_source"])
        extra = (shim_hash,) if shim_hash else ()
    return theme_contract.add_content_security_policy(html, policy["theme_scripts"], extra)


def finish_pages(site_dir: Path, languages: SiteLanguages, policy: dict | None, wanted=lambda language: True, icons=None) -> None:
    """The pages of the languages `wanted` accepts: a language built in a process of its
    own has its pages finished there (pasapas/build/workers.py). The theme's icons drawn
    from the stylesheet are recorded in `icons` (class -> drawing).
    Raises theme_contract.HtmlPolicyError naming the page when one cannot be finished."""
    icons = {} if icons is None else icons
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if not wanted(languages.of_page(relative)):
            continue
        try:
            finished = finish_page(path.read_text(encoding="utf-8"), relative, languages, policy, site_dir, icons)
        except theme_contract.HtmlPolicyError as error:
            raise theme_contract.HtmlPolicyError(f"{relative}: {error}") from None
        path.write_text(finished, encoding="utf-8")


def finish_site(
    site_dir: Path, languages: SiteLanguages, policy: dict | None, pages_of=lambda language: True, icons=None
) -> None:
    """`pages_of(language)`: false for a language whose pages are finished already;
    `icons`: the theme's icons their finishing recorded."""
    icons = {} if icons is None else dict(icons)
    finish_pages(site_dir, languages, policy, pages_of, icons)
    search_index.split(site_dir, languages.source, [languages.source, *languages.others], languages.interface)
    for stylesheet in (site_dir / "assets/stylesheets").glob("main.*.min.css"):
        stylesheet.write_text(css_prune.prune(stylesheet.read_text(encoding="utf-8")), encoding="utf-8")
    ours = site_dir / "assets/stylesheets/pasapas.css"
    if ours.exists():
        # The theme's icons, drawn from here rather than in every page (issue #17).
        css = css_prune.minify(ours.read_text(encoding="utf-8")) + theme_contract.icon_stylesheet(icons)
        ours.write_text(css, encoding="utf-8")
