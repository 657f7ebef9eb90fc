"""The HTML the build adds to pages, as Jinja partials: one small template per fragment in
this folder (the summary line, the step tools, the sources…), rendered by `render()`.

- Every value is escaped. A value that is already HTML (a partial rendered first, segno's
  SVG) is passed as `markupsafe.Markup`, where the caller says why it is safe.
- A value the template names and the caller did not give stops the build
  (StrictUndefined), instead of printing nothing.
- Line breaks in a partial, and the spaces and tabs around them, are layout only: they are
  not output. A fragment comes out on one line, byte for byte as the build has always
  written it, however the partial is indented. A space that matters is written inside a
  line; a newline that must be output is written `{{ "\\n" }}`. What is inside `{{ }}`,
  `{% %}` and `{# #}` is left as written.
- The partials are compiled once per process, the first time each is used.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup

FOLDER = Path(__file__).parent
#: A Jinja tag, expression or comment, possibly over several lines.
JINJA_SYNTAX = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.DOTALL)
LAYOUT_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class LayoutLineBreaks(Extension):
    """Drops each line break between markup, with its indentation, when a partial is
    compiled. It becomes an empty comment holding the newline, so that error messages
    still give the partial's own line numbers."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        parts = JINJA_SYNTAX.split(source)  # markup at even indexes, Jinja syntax at odd ones
        return "".join(part if index % 2 else LAYOUT_BREAK.sub("{#\n#}", part) for index, part in enumerate(parts))


def escaped(value) -> Markup:
    """A value as html.escape writes it (&quot;, &#x27;), as the build always has. Jinja's
    own escaping (markupsafe) would write &#34; and &#39;: the same to a browser, but every
    page of the site would change. Markup passes through as it is."""
    if type(value) is str:  # nearly every value: the quick way
        return Markup(html.escape(value))
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))  # str() of a missing value raises (StrictUndefined)


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FOLDER, encoding="utf-8"),
        autoescape=True,  # also what escapes a value if `finalize` is ever removed
        finalize=escaped,
        undefined=jinja2.StrictUndefined,
        extensions=[LayoutLineBreaks],
        keep_trailing_newline=False,
        auto_reload=False,  # no look at the file at each use: the build renders thousands
    )
    # A partial sees only the values it is given (not range, dict, lipsum…): each render
    # copies the globals into its context, a quarter of the cost of a small partial.
    env.globals.clear()
    return env


@functools.cache
def template(name: str) -> jinja2.Template:
    return environment().get_template(name)


def render(name: str, /, **values) -> str:
    """The partial `name` (such as "step_tools.html") with `values`, as a plain str (never
    Markup, which would escape the page it is added to)."""
    return str(template(name).render(values))


def names() -> list[str]:
    """Every partial in the folder."""
    return sorted(path.name for path in FOLDER.glob("*.html"))
