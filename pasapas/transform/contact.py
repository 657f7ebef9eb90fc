"""Where the project lives and how to write to it, in the section `## … {#contact}` of a
page (Contribuer, À propos). Both come from one place, mkdocs.yml: `repo_url` (REPO_URL)
and `extra.contact_email` (CONTACT_EMAIL), set where the site is built. Each is shown only
when set; with neither, the section is taken out, heading included, rather than left
saying nothing."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pasapas.transform.page_sections import append_to_section, remove_section
from pasapas.transform.partials import render

SECTION = "contact"
#: A plain address (as the pages' own mailto: links are checked): letters, digits, . + - and
#: _ before the @, a domain with a dot; nothing that would add a subject or leave the link.
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def email_problem(email: str | None) -> str | None:
    """Why CONTACT_EMAIL cannot be shown, or None when it is unset or an address."""
    if not email or EMAIL.fullmatch(email):
        return None
    return f"extra.contact_email (CONTACT_EMAIL) '{email[:60]}' is not an e-mail address such as pasapas@example.org"


def setting_line(config_text: str) -> int:
    """The line of mkdocs.yml that reads CONTACT_EMAIL, for a `mkdocs.yml:line` message."""
    return next((n for n, line in enumerate(config_text.splitlines(), 1) if line.strip().startswith("contact_email:")), 1)


def forge_shown(forge: str) -> str:
    """'github.com/owner/pas-a-pas': what a reader recognises and could type."""
    parts = urlsplit(forge)
    return ((parts.hostname or "").removeprefix("www.") + parts.path).rstrip("/") or forge


def contact_block(forge: str | None, email: str | None, ui: dict) -> str:
    return render(
        "contact.html",
        forge=forge or None,
        forge_shown=forge_shown(forge) if forge else "",
        email=email or None,
        ui=ui,
    )


def add_contact(html: str, forge: str | None, email: str | None, block: str) -> str:
    """The page with its contact section filled with `block`, or without the section when
    neither the forge nor the e-mail is set."""
    if not forge and not email:
        return remove_section(html, SECTION)
    return append_to_section(html, SECTION, block)


def without_anchor(items: list, anchor: str) -> list:
    """A table of contents (entries with `.id` and `.children`) without the entry `anchor`."""
    kept = [item for item in items if getattr(item, "id", None) != anchor]
    for item in kept:
        item.children = without_anchor(getattr(item, "children", []) or [], anchor)
    return kept
