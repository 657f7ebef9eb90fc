"""What a page written by a stranger may put in front of a learner.

Everything under docs/ comes from pull requests by people we do not know, and is read
on shared public PCs. After Markdown has made HTML of a page, and before the theme and
our own hooks add theirs, the HTML goes through two steps:

1. ``find_unsafe`` reads it with a real HTML parser and lists everything outside the
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
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import nh3

from pasapas.model.problems import Problem

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


#: What a contributor should do about each kind of finding.
HINTS = {
    "html-not-allowed": "Pages are Markdown: remove the tag. Scripts, frames, forms and styles are never allowed.",
    "attribute-not-allowed": "Remove it: pages may only give an element #id, .class, lang and dir (and a link its "
    "address, an image its file and description).",
    "attribute-value": "Use a plain value: ids and classes of letters, digits and dashes, a language code for lang.",
    "link-scheme": "Link to a page of this site, or to another site with https://.",
    "link-userinfo": "Write the site's real address, without anything before an '@'.",
    "link-host": "Write the official address in plain Latin letters, as the service writes it.",
    "link-shortener": "Write the full address of the official page, so the learner can read where it leads.",
    "link-tracking": "Remove the part from '?' that follows utm_…, fbclid and the like.",
    "link-text-address": "When the text of a link is an address, the link must lead to that same address.",
    "image-not-local": "Save our own drawing in docs/fr/lecons/images/ and link to it there.",
    "text-bidi-control": "Delete the invisible character: the site sets the direction of mixed text itself.",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    #: A piece of the page's Markdown that most likely wrote it, to find its line.
    needle: str


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
            return [Finding("link-scheme", f"the address {href[:60]} has no https://", href)]
        return []  # a page or a file of the site
    if scheme not in LINK_SCHEMES:
        what = "http:// (not encrypted)" if scheme == "http" else f"'{scheme}:'"
        return [Finding("link-scheme", f"links may use https://, mailto: or tel:, not {what}", href)]
    if scheme != "https":
        return []
    parts = urlsplit(href.strip())
    host = bare_host(parts.hostname or "")
    findings = []
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        findings.append(Finding("link-host", f"the address {href[:60]} has letters that can imitate another site's", href))
    if parts.username or parts.password:
        findings.append(Finding("link-userinfo", f"the address {href[:60]} hides its real site behind an '@'", href))
    if host in URL_SHORTENERS:
        findings.append(Finding("link-shortener", f"{host} is a link shortener: the learner cannot see where it leads", href))
    tracked = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if TRACKING_PARAMETERS.match(key)})
    if tracked:
        findings.append(Finding("link-tracking", f"the address carries tracking parameters ({', '.join(tracked)})", href))
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
        return Finding("link-text-address", f"the link shows {text.strip()[:60]} but leads to {href[:60]}", href)
    target_host = bare_host(urlsplit(href.strip()).hostname or "") if url_scheme(href) else ""
    if target_host == bare_host(shown.group("host")):
        return None
    return Finding(
        "link-text-address", f"the link shows {text.strip()[:60]} but leads to {href[:60] or 'a page of this site'}", href
    )


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.link: tuple[str, list[str]] | None = None  # href, text parts

    def add(self, rule: str, message: str, needle: str) -> None:
        self.findings.append(Finding(rule, message, needle))

    def handle_starttag(self, tag, attrs):
        self.check_tag(tag, attrs)
        if tag == "a":
            self.link = (dict(attrs).get("href") or "", [])

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            href, parts = self.link
            self.link = None
            mismatch = address_mismatch("".join(parts), href)
            if mismatch:
                self.findings.append(mismatch)

    def handle_data(self, data):
        if self.link is not None:
            self.link[1].append(data)
        if BIDI_CONTROLS.search(data):
            self.add(
                "text-bidi-control",
                "the text holds an invisible character that reverses the reading order "
                f"(U+{ord(BIDI_CONTROLS.search(data).group()):04X})",
                BIDI_CONTROLS.search(data).group(),
            )

    def handle_comment(self, data):
        pass  # removed by the sanitiser; harmless

    def handle_decl(self, decl):
        self.add("html-not-allowed", f"'<!{decl[:30]}>' is not allowed in a page", "<!")

    def unknown_decl(self, data):
        self.add("html-not-allowed", f"'<![{data[:30]}]>' is not allowed in a page", "<![")

    def handle_pi(self, data):
        self.add("html-not-allowed", f"'<?{data[:30]}>' is not allowed in a page", "<?")

    def parse_html_declaration(self, i):
        # Python's own reader (3.11) stops with an AssertionError on a '<!' it cannot name,
        # such as '<![<': refused like any other, and what follows is still read.
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            written = self.rawdata[i : i + 30].splitlines()[0]
            self.add("html-not-allowed", f"'{written}' is not allowed in a page", "<!")
            return i + 2

    def check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.add("html-not-allowed", f"<{tag}> is not allowed in a page", f"<{tag}")
            return
        for name, value in attrs:
            value = value or ""
            if not attribute_allowed(tag, name):
                self.add("attribute-not-allowed", f"the attribute '{name}' is not allowed (on <{tag}>)", name)
                continue
            if BIDI_CONTROLS.search(value):
                self.add("text-bidi-control", f"the attribute '{name}' holds a character that reverses the reading order", name)
            problem = self.value_problem(tag, name, value)
            if problem:
                self.add("attribute-value", problem, value[:40] or name)
            if tag == "a" and name == "href":
                self.findings += link_findings(value)
            if tag == "img" and name == "src" and (url_scheme(value) or value.strip().startswith(("//", "\\"))):
                self.add("image-not-local", f"the image {value[:60]} is not a file of this site", value)

    @staticmethod
    def value_problem(tag: str, name: str, value: str) -> str | None:
        if name == "id" and (not ID_VALUE.fullmatch(value) or value.startswith("__") or value in RESERVED_IDS):
            return f"the id '{value[:40]}' is not allowed: use letters, digits and dashes"
        if name == "class" and not all(CLASS_VALUE.fullmatch(c) and not c.startswith(("md-", "pap-")) for c in value.split()):
            return f"the class '{value[:40]}' is not allowed"
        if name in ("lang", "hreflang") and not LANG_VALUE.fullmatch(value):
            return f"'{value[:40]}' is not a language code"
        if name == "dir" and value not in DIR_VALUES:
            return f"dir must be ltr, rtl or auto, not '{value[:40]}'"
        if name in ("width", "height", "colspan", "rowspan", "start") and not NUMBER_VALUE.fullmatch(value):
            return f"{name} must be a number, not '{value[:40]}'"
        if name == "align" and value not in ("left", "right", "center"):
            return f"align must be left, right or center, not '{value[:40]}'"
        if name == "scope" and value not in ("row", "col", "rowgroup", "colgroup"):
            return f"scope cannot be '{value[:40]}'"
        return None


def find_unsafe(html: str) -> list[Finding]:
    """Everything in the HTML of a page's content that the allow-list does not allow."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
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
    return [
        Problem(shown, source_line(source, finding.needle), finding.rule, finding.message, HINTS[finding.rule])
        for finding in find_unsafe(html)
    ]
