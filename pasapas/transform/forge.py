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


def new_issue_url(repo_url: str, title: str, body: str) -> str:
    host = urlsplit(repo_url).hostname or ""
    path, title_field, body_field = ISSUE_FORMS.get(host, DEFAULT_ISSUE_FORM)
    return repo_url.rstrip("/") + path + "?" + urlencode({title_field: title, body_field: body})


def step_report_url(repo_url: str, ui: dict, page_address: str, source_path: str, step_id: str, language: str) -> str:
    """A new issue that says which page, step and language, in the reader's language."""
    values = {"page": source_path, "address": page_address, "step": step_id, "language": language}
    return new_issue_url(repo_url, ui["report_issue_title"].format(**values), ui["report_issue_body"].format(**values))
