"""What a page written by a stranger may put in front of a learner.

Everything under docs/ comes from pull requests by people we do not know, and is read
on shared public PCs. After Markdown has made HTML of a page, and before the theme and
our own hooks add theirs, the HTML goes through two steps:

1. ``find_unsafe`` reads it as a browser does (html_tokens.py) and lists everything outside the
   allow-list below: tags, attributes, URL schemes, links to other sites that are not
   https, shortened or tracked, whose text shows one address and whose target is another,
   and text-direction control characters. The build refuses the page with
   ``path:line: rule-id: message`` (see SECURITY.md).
2. ``sanitise`` passes it through nh3 (ammonia) with the same allow-list, so that what
   reaches the theme is safe even if step 1 missed something.

The theme's templates and our hooks are trusted: they are not checked here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import nh3

from pasapas.model import messages
from pasapas.model.problems import Problem
from pasapas.transform.html_tokens import pieces

#: Tags that Markdown and our extensions write for page content.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
GENERIC_ATTRIBUTES = {"id", "class", "lang", "dir", "title"}
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "dt": {"data-forms"},  # the glossary's other forms of a word
    "details": {"open"},
}
URL_ATTRIBUTES = {"href", "src"}
#: Schemes allowed in a link; an image is always a file of the site.
LINK_SCHEMES = {"https", "mailto", "tel"}

#: Values of attributes that the theme or the browser would read as instructions.
ID_VALUE = re.compile(r"[^\W_][\w-]*")
CLASS_VALUE = re.compile(r"[A-Za-z][\w-]*")
LANG_VALUE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
DIR_VALUES = {"ltr", "rtl", "auto"}
NUMBER_VALUE = re.compile(r"\d{1,4}")

#: Characters that reorder text on screen: a link that reads "https://www.caf.fr" can
#: hold another address. The build isolates mixed-direction text itself.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

URL_SHORTENERS = {
    "bit.ly",
    "bit.do",
    "buff.ly",
    "cutt.ly",
    "goo.gl",
    "is.gd",
    "lnkd.in",
    "ow.ly",
    "rb.gy",
    "rebrand.ly",
    "s.id",
    "shorturl.at",
    "t.co",
    "t.ly",
    "tiny.cc",
    "tinyurl.com",
    "urlz.fr",
    "v.gd",
    "x.co",
}
TRACKING_PARAMETERS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|ref_src|si)$",
    re.IGNORECASE,
)
ADDRESS_TEXT = re.compile(
    r"^(?:(?:https?://)?(?P<host>(?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+))$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One thing the allow-list refuses: `key` names its message and hint in
    pasapas/model/messages.yml, said with `values` in the contributor's language."""

    key: str
    #: A piece of the page's Markdown that most likely wrote it, to find its line.
    needle: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def rule(self) -> str:
        return messages.rule_of(self.key)

    @property
    def message(self) -> str:
        return messages.words(self.key, **dict(self.values))[2]

    def problem(self, shown: str, line: int) -> Problem:
        return messages.problem(shown, line, self.key, **dict(self.values))


def finding(key: str, needle: str, **values: object) -> Finding:
    return Finding(key, needle, tuple((name, str(value)) for name, value in values.items()))


def attribute_allowed(tag: str, name: str) -> bool:
    return name in GENERIC_ATTRIBUTES or name in TAG_ATTRIBUTES.get(tag, set())


def url_scheme(value: str) -> str | None:
    """The scheme of a URL as a browser reads it (controls, spaces and case ignored)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else None


def bare_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def link_findings(href: str) -> list[Finding]:
    scheme = url_scheme(href)
    if scheme is None:
        if re.sub(r"[\x00-\x20\x7f]+", "", href).startswith(("//", "\\\\", "/\\", "\\/")):
            return [finding("link-scheme", href, address=href[:60])]
        return []  # a page or a file of the site
    if scheme not in LINK_SCHEMES:
        if scheme == "http":
            return [finding("link-scheme.http", href)]
        return [finding("link-scheme.other", href, scheme=scheme)]
    if scheme != "https":
        return []
    parts = urlsplit(href.strip())
    host = bare_host(parts.hostname or "")
    findings = []
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        findings.append(finding("link-host", href, address=href[:60]))
    if parts.username or parts.password:
        findings.append(finding("link-userinfo", href, address=href[:60]))
    if host in URL_SHORTENERS:
        findings.append(finding("link-shortener", href, host=host))
    tracked = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if TRACKING_PARAMETERS.match(key)})
    if tracked:
        findings.append(finding("link-tracking", href, parameters=", ".join(tracked)))
    return findings


INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
#: Ids the theme and our pages use: a page that takes one would break the skip link or
#: the sources' heading.
RESERVED_IDS = {"contenu", "sources"}


def address_mismatch(text: str, href: str) -> Finding | None:
    """A link whose visible text is an address must lead to that address (compared as a
    reader sees it: invisible characters dropped, look-alike full-width letters folded)."""
    shown = ADDRESS_TEXT.match(unicodedata.normalize("NFKC", INVISIBLE.sub("", text)).strip())
    if shown is None:
        return None
    if shown.group("mail"):
        target = href.strip()
        if url_scheme(target) == "mailto" and target.split(":", 1)[1].split("?")[0].lower() == shown.group("mail").lower():
            return None
        return finding("link-text-address", href, shown=text.strip()[:60], target=href[:60])
    target_host = bare_host(urlsplit(href.strip()).hostname or "") if url_scheme(href) else ""
    if target_host == bare_host(shown.group("host")):
        return None
    if not href.strip():
        return finding("link-text-address.empty", href, shown=text.strip()[:60])
    return finding("link-text-address", href, shown=text.strip()[:60], target=href[:60])


class _Reader:
    """What find_unsafe notes while it walks the page's pieces (html_tokens.py)."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.link: tuple[str, list[str]] | None = None  # href, text parts

    def add(self, key: str, needle: str, **values: object) -> None:
        self.findings.append(finding(key, needle, **values))

    def read(self, html: str) -> None:
        for piece in pieces(html):
            if piece.kind == "start":
                self.check_tag(piece.name, list(piece.attrs.items()))
                if piece.name == "a" and not piece.raw.endswith("/>"):
                    self.link = (piece.attrs.get("href") or "", [])
            elif piece.kind == "end":
                if piece.name == "a" and self.link is not None:
                    href, parts = self.link
                    self.link = None
                    mismatch = address_mismatch("".join(parts), href)
                    if mismatch:
                        self.findings.append(mismatch)
            elif piece.kind == "text":
                self.text(unescape(piece.raw) if "&" in piece.raw else piece.raw)
            elif not piece.raw.startswith(("<!--", "</")):  # a comment is removed by the sanitiser: harmless
                written = piece.raw if len(piece.raw) <= 40 else piece.raw[:40] + "…"
                self.add("html-not-allowed", piece.raw[:2], written=written)

    def text(self, data: str) -> None:
        if self.link is not None:
            self.link[1].append(data)
        control = BIDI_CONTROLS.search(data)
        if control:
            self.add("text-bidi-control.page", control.group(), code=f"U+{ord(control.group()):04X}")

    def check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.add("html-not-allowed.tag", f"<{tag}", tag=tag)
            return
        for name, value in attrs:
            value = value or ""
            if not attribute_allowed(tag, name):
                self.add("attribute-not-allowed.html", name, name=name, tag=tag)
                continue
            if BIDI_CONTROLS.search(value):
                self.add("text-bidi-control.attribute", name, name=name)
            refused = self.value_problem(name, value)
            if refused:
                self.add(refused, value[:40] or name, name=name, value=value[:40])
            if tag == "a" and name == "href":
                self.findings += link_findings(value)
            if tag == "img" and name == "src" and (url_scheme(value) or value.strip().startswith(("//", "\\"))):
                self.add("image-not-local", value, address=value[:60])

    @staticmethod
    def value_problem(name: str, value: str) -> str | None:
        """The message key that refuses `value` for the attribute `name`, if any."""
        if name == "id" and (not ID_VALUE.fullmatch(value) or value.startswith("__") or value in RESERVED_IDS):
            return "attribute-value.id"
        if name == "class" and not all(CLASS_VALUE.fullmatch(c) and not c.startswith(("md-", "pap-")) for c in value.split()):
            return "attribute-value.class"
        if name in ("lang", "hreflang") and not LANG_VALUE.fullmatch(value):
            return "attribute-value.lang"
        if name == "dir" and value not in DIR_VALUES:
            return "attribute-value.dir"
        if name in ("width", "height", "colspan", "rowspan", "start") and not NUMBER_VALUE.fullmatch(value):
            return "attribute-value.number"
        if name == "align" and value not in ("left", "right", "center"):
            return "attribute-value.align"
        if name == "scope" and value not in ("row", "col", "rowgroup", "colgroup"):
            return "attribute-value.scope"
        return None


def find_unsafe(html: str) -> list[Finding]:
    """Everything in the HTML of a page's content that the allow-list does not allow."""
    reader = _Reader()
    reader.read(html)
    unique = []
    for finding in reader.findings:
        if finding not in unique:
            unique.append(finding)
    return unique


_NH3_ATTRIBUTES = {tag: GENERIC_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set()) for tag in ALLOWED_TAGS}


def sanitise(html: str) -> str:
    """The same allow-list, applied by a maintained sanitiser: what is not allowed is removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=_NH3_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def source_line(markdown: str, needle: str, first_line: int = 1) -> int:
    """The line of the page's source that most likely wrote `needle` (1 if none does)."""
    if needle:
        lowered = markdown.lower()
        for candidate in (needle, needle.lower(), needle.strip().lower()):
            index = (markdown if candidate is needle else lowered).find(candidate)
            if index >= 0:
                return markdown.count("\n", 0, index) + first_line
    return first_line


def page_problems(html: str, source: str, shown: str) -> list[Problem]:
    """The findings in a page's HTML, said against its source file (`shown`) and line."""
    return [found.problem(shown, source_line(source, found.needle)) for found in find_unsafe(html)]
