"""Links to the project's forge, for readers who want to fix or report something: "edit
this page" and "report a problem with this step" (a pre-filled new issue). Plain links:
nothing is requested from the forge until a reader follows one."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

#: host -> path and parameters of a new-issue form (GitHub and Gitea/Forgejo share theirs).
ISSUE_FORMS = {
    "gitlab.com": ("/-/issues/new", "issue[title]", "issue[description]"),
}
DEFAULT_ISSUE_FORM = ("/issues/new", "title", "body")
#: The issue form "J'ai refait cette leçon sur le vrai site" (.github/ISSUE_TEMPLATE/): what a
#: lesson's `live_checks:` entry needs. Issue forms are GitHub's; elsewhere no link is offered.
LIVE_CHECK_FORM = "refait-sur-le-vrai-site.yml"


def new_issue_url(repo_url: str, title: str, body: str) -> str:
    host = urlsplit(repo_url).hostname or ""
    path, title_field, body_field = ISSUE_FORMS.get(host, DEFAULT_ISSUE_FORM)
    return repo_url.rstrip("/") + path + "?" + urlencode({title_field: title, body_field: body})


def live_check_url(repo_url: str, page_address: str, step_id: str) -> str | None:
    """The "I redid this lesson on the real site" form, with the page and the step filled in."""
    if (urlsplit(repo_url).hostname or "") in ISSUE_FORMS:
        return None
    query = urlencode({"template": LIVE_CHECK_FORM, "page": page_address, "steps": step_id.removeprefix("etape-")})
    return repo_url.rstrip("/") + DEFAULT_ISSUE_FORM[0] + "?" + query


def step_report_url(repo_url: str, ui: dict, page_address: str, source_path: str, step_id: str, language: str) -> str:
    """A new issue that says which page, step and language, in the reader's language; its
    text also offers the form for saying that the step matched the real site."""
    values = {"page": source_path, "address": page_address, "step": step_id, "language": language}
    body = ui["report_issue_body"].format(**values)
    live_check = live_check_url(repo_url, page_address, step_id)
    if live_check:
        body += "\n\n" + ui["live_check_issue"].format(url=live_check)
    return new_issue_url(repo_url, ui["report_issue_title"].format(**values), body)
