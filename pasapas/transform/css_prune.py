"""Remove from the theme's stylesheet the rules of features this site never uses.

Material ships one stylesheet for all of its features; a learner on prepaid data
downloads it on a first visit. A rule goes only when every one of its selectors belongs
to a feature listed below (content tabs, diagrams, blog, …), so nothing the site uses
can lose its style; @media and @supports blocks are pruned inside and dropped if empty.
"""

from __future__ import annotations

import re

#: Features not enabled in mkdocs.yml (nor produced by our Markdown extensions).
UNUSED_FEATURES = re.compile(
    r"tabbed|mermaid|md-annotation|task-list|\.grid\b|\.card\b|md-tag|md-version|md-source|md-social|"
    r"md-author|md-post|md-blog|md-draft|critic|arithmatex|footnote|highlighttable|linenos|md-banner|"
    r"md-tabs|md-status|md-clipboard|md-code__|twemoji|emojione|gemoji|md-typeset__scrollwrap\s*\.md-typeset__table|"
    r"md-consent|md-feedback|md-sponsorship|md-button|md-dialog|md-top\b"
)


def split_blocks(css: str) -> list[str]:
    """Top-level statements: 'selector{...}' and '@rule ...{...}' (nested braces kept)."""
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(css[start : index + 1])
                start = index + 1
        elif char == ";" and depth == 0:
            blocks.append(css[start : index + 1])
            start = index + 1
    if css[start:].strip():
        blocks.append(css[start:])
    return blocks


def selectors_unused(prelude: str) -> bool:
    selectors = [s.strip() for s in prelude.split(",") if s.strip()]
    return bool(selectors) and all(UNUSED_FEATURES.search(s) for s in selectors)


def prune(css: str) -> str:
    kept = []
    for block in split_blocks(css):
        brace = block.find("{")
        if brace < 0:
            kept.append(block)
            continue
        prelude, body = block[:brace], block[brace + 1 : -1]
        if prelude.lstrip().startswith(("@media", "@supports")):
            inner = prune(body)
            if inner.strip():
                kept.append(prelude + "{" + inner + "}")
        elif prelude.lstrip().startswith("@") or not selectors_unused(prelude):
            kept.append(block)
    return "".join(kept)


COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
SPACE_AROUND_PUNCTUATION = re.compile(r"\s*([{};,])\s*")


def minify(css: str) -> str:
    """Our own stylesheet without its comments and layout whitespace (its source keeps
    the why-comments). Spaces around ':' stay: 'a :hover' and 'a:hover' differ."""
    if '"/*' in css or "'/*" in css:
        raise ValueError("a string in the stylesheet holds '/*': minify would cut it")
    css = COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    return SPACE_AROUND_PUNCTUATION.sub(r"\1", css).strip()
