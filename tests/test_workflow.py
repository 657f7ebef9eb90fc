"""The GitHub workflow and the pull request template: what a contributor who never opens a
terminal relies on. Each job must install what its `make` targets need (read from the
Makefile itself), the lesson check must stay fast, every pull request gets a preview, and
the workflow keeps least privilege and pinned actions."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/checks.yml"
COMMENT_WORKFLOW = ROOT / ".github/workflows/preview-comment.yml"
MAKEFILE = ROOT / "Makefile"
PR_TEMPLATE = ROOT / ".github/pull_request_template.md"

#: What a Makefile "ready file" asks of the machine, keyed by the Makefile variable that
#: names it (its path is read from the Makefile). Why: $(PY_READY) makes the venv with the
#: system's `python3 -m venv`, and Debian ships venv apart from python3; $(NPM_READY) runs
#: `npm ci`, which needs Node.js 20 and npm.
READY_FILE_NEEDS = {
    "PY_READY": ("python3", "python3-venv"),
    "NPM_READY": ("Node.js and npm",),
}
#: What a Makefile target asks of the machine by itself. Why: system-check (and the
#: accessibility checks after it) drive Debian's chromium, Arabic pages need the Noto fonts,
#: and the HTML check (make html, in make test) runs on Java.
TARGET_NEEDS = {
    "system-check": ("chromium", "fonts-noto-core", "default-jre-headless"),
}
#: Running `make` at all needs Debian's make package.
MAKE_ITSELF = "make"
#: Node.js is there when the job uses actions/setup-node, or installs both from Debian.
NODE = "Node.js and npm"
NODE_FROM_DEBIAN = {"nodejs", "npm"}


def load_workflow(path=WORKFLOW) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` mapping (YAML 1.1 reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


# --- Reading the Makefile ---------------------------------------------------------------------

VARIABLE = re.compile(r"^(?:override\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|::=|\?=|=)\s*(.*?)\s*$")
RULE = re.compile(r"^([^\s#=:][^=:]*?)\s*:(?![:=])\s*(.*?)\s*$")
REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def makefile_variables(makefile_text: str) -> dict[str, str]:
    """Simple `NAME := value`, `NAME ?= value` and `NAME = value` lines (first definition wins)."""
    variables: dict[str, str] = {}
    for line in makefile_text.splitlines():
        match = VARIABLE.match(line)
        if match and not line.startswith("\t"):
            variables.setdefault(match[1], match[2])
    return variables


def expand(text: str, variables: dict[str, str], depth: int = 0) -> str:
    if depth > 10:
        return text
    expanded = REFERENCE.sub(lambda m: variables.get(m[1], m[0]), text)
    return expanded if expanded == text else expand(expanded, variables, depth + 1)


def makefile_rules(makefile_text: str) -> dict[str, list[str]]:
    """Each target's prerequisites, variables expanded; several rules for a target add up.
    Target-specific variables (`test: export SITE_URL := …`) and special targets are skipped."""
    variables = makefile_variables(makefile_text)
    rules: dict[str, list[str]] = {}
    for line in makefile_text.splitlines():
        if line.startswith("\t") or line.lstrip().startswith("#"):
            continue
        match = RULE.match(line)
        if not match or "=" in match[2] or match[2].startswith(("export ", "unexport ")):
            continue
        prerequisites = expand(match[2].split("#")[0].replace("|", " "), variables).split()
        for target in expand(match[1], variables).split():
            if not target.startswith("."):
                rules.setdefault(target, []).extend(prerequisites)
    return rules


def target_needs(target: str, makefile_text: str) -> dict[str, str]:
    """What `make <target>` needs installed, each with the prerequisite chain that asks for it,
    e.g. {"Node.js and npm": "build → $(NPM_READY)"}."""
    variables = makefile_variables(makefile_text)
    rules = makefile_rules(makefile_text)
    ready_files = {expand(f"$({name})", variables): f"$({name})" for name in READY_FILE_NEEDS}
    by_name = {path: READY_FILE_NEEDS[name[2:-1]] for path, name in ready_files.items()}
    by_name.update(TARGET_NEEDS)
    needs: dict[str, str] = {MAKE_ITSELF: "make itself"}
    seen: set[str] = set()

    def visit(name: str, chain: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for need in by_name.get(name, ()):
            needs.setdefault(need, chain)
        for prerequisite in rules.get(name, ()):
            visit(prerequisite, f"{chain} → {ready_files.get(prerequisite, prerequisite)}")

    visit(target, target)
    return needs


# --- Reading a job ------------------------------------------------------------------------------


def run_scripts(job: dict) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if isinstance(step.get("run"), str)]


def commands(job: dict) -> list[list[str]]:
    """The words of each shell command of the job's run steps (split at newlines, ;, && and |)."""
    found = []
    for script in run_scripts(job):
        for command in re.split(r"[\n;&|]+", script.replace("\\\n", " ")):
            try:
                words = shlex.split(command, comments=True)
            except ValueError:  # a quote opened in one command and closed in the next
                words = command.split()
            while words and (words[0] == "sudo" or re.fullmatch(r"\w+=\S*", words[0])):
                words = words[1:]  # `sudo` and `DEBIAN_FRONTEND=noninteractive` come before the command
            if words:
                found.append(words)
    return found


def make_targets(job: dict) -> list[str]:
    """Every target of every `make …` command (options and VAR=value skipped; "" for a bare `make`)."""
    targets = []
    for words in commands(job):
        if words[0] == "make":
            named = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
            targets.extend(named or [""])
    return targets


def installed(job: dict) -> set[str]:
    """Debian packages installed by `apt-get install` in the job, plus Node.js if set up."""
    provided: set[str] = set()
    for words in commands(job):
        if words[0] in ("apt-get", "apt") and "install" in words:
            provided.update(w for w in words[words.index("install") + 1 :] if not w.startswith(("-", ">")))
    uses = [str(step.get("uses", "")) for step in job.get("steps", [])]
    if any(u.startswith("actions/setup-node@") for u in uses) or NODE_FROM_DEBIAN <= provided:
        provided.add(NODE)
    return provided


def missing_installs(workflow: dict, makefile_text: str) -> list[str]:
    """One plain sentence for each thing a job's `make` target needs and the job does not install."""
    rules = makefile_rules(makefile_text)
    problems = []
    for name, job in workflow.get("jobs", {}).items():
        provided = installed(job)
        for target in make_targets(job):
            target = target or next(iter(rules))  # a bare `make` runs the first target
            if target not in rules:
                problems.append(f"Job '{name}' runs `make {target}`, but the Makefile has no target '{target}'.")
                continue
            for need, chain in target_needs(target, makefile_text).items():
                if need not in provided:
                    how = (
                        "add actions/setup-node (or apt-get install nodejs npm)"
                        if need == NODE
                        else f"add {need} to its apt-get install line"
                    )
                    problems.append(
                        f"Job '{name}' runs `make {target}`, which needs {need} ({chain}), "
                        f"but the job does not install it: {how}."
                    )
    return problems


# --- What each job installs ---------------------------------------------------------------------


def test_each_job_installs_what_its_make_targets_need():
    workflow = load_workflow()
    assert any(make_targets(job) for job in workflow["jobs"].values())
    problems = missing_installs(workflow, MAKEFILE.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_the_needs_table_still_matches_the_makefile():
    """If the Makefile renames a ready file or system-check, the table above must follow."""
    text = MAKEFILE.read_text(encoding="utf-8")
    variables, rules = makefile_variables(text), makefile_rules(text)
    prerequisites = {p for ps in rules.values() for p in ps}
    for name in READY_FILE_NEEDS:
        assert name in variables, f"The Makefile no longer defines {name}: update READY_FILE_NEEDS."
        assert expand(variables[name], variables) in prerequisites, f"No target depends on $({name})."
    for target in TARGET_NEEDS:
        assert target in rules, f"The Makefile no longer has the target {target}: update TARGET_NEEDS."
    assert {"python3", "python3-venv"} <= set(target_needs("lint", text))
    assert {NODE, "chromium", "fonts-noto-core"} <= set(target_needs("test", text))


def test_a_job_that_builds_without_node_is_reported():
    text = MAKEFILE.read_text(encoding="utf-8")
    python_only = "apt-get update\napt-get install -y --no-install-recommends make python3 python3-venv\n"
    workflow = {
        "jobs": {
            "publish": {
                "steps": [{"run": python_only}, {"uses": "actions/checkout@" + "0" * 40}, {"name": "Build", "run": "make build"}]
            },
            "everything": {
                "steps": [
                    {"run": python_only.replace("venv\n", "venv chromium fonts-noto-core default-jre-headless nodejs npm\n")},
                    {"run": "make test"},
                ]
            },
            "no-make": {"steps": [{"run": "apt-get install -y python3 python3-venv"}, {"run": "make lint"}]},
        }
    }
    problems = missing_installs(workflow, text)
    assert len(problems) == 2, problems
    assert "Job 'publish' runs `make build`, which needs Node.js and npm" in problems[0]
    assert "actions/setup-node" in problems[0]
    assert "Job 'no-make' runs `make lint`, which needs make" in problems[1]


# --- The jobs a contributor sees on a pull request ----------------------------------------------


def test_lint_job_needs_no_browser_and_is_fast():
    workflow = load_workflow()
    job = workflow["jobs"]["lint"]
    assert "pull_request" in triggers(workflow) and "push" in triggers(workflow)
    assert "if" not in job and "needs" not in job, "the lesson check runs on every pull request and push, at once"
    assert job["timeout-minutes"] <= 5
    assert "make lint" in [s.strip() for s in run_scripts(job)]
    provided = installed(job)
    assert not provided & {"chromium", "chromium-driver", "fonts-noto-core", "nodejs", "npm", NODE}, provided
    uses = [str(step.get("uses", "")) for step in job["steps"]]
    assert not any("setup-node" in u for u in uses), uses


def test_a_mistake_in_a_lesson_turns_one_check_red():
    """Every job that builds the site, and would fail on the lesson check's errors, waits
    for the lesson check and is skipped when it fails; the preview builds past them."""
    jobs = load_workflow()["jobs"]
    fails_on_lesson_errors = {
        name for name, job in jobs.items() if {"test", "second-engine", "build"} & set(make_targets(job)) and name != "lint"
    }
    assert fails_on_lesson_errors >= {"test", "second-engine"}

    def waits_for(name: str) -> set[str]:
        needs = jobs[name].get("needs", [])
        direct = {needs} if isinstance(needs, str) else set(needs)
        return direct.union(*(waits_for(need) for need in direct))

    for name in fails_on_lesson_errors:
        assert "lint" in waits_for(name), f"job '{name}' would turn red on the same lesson mistake as 'lint'"
    assert "preview" in make_targets(jobs["preview"]) and "needs" not in jobs["preview"]


def test_lint_job_has_the_history_to_find_the_files_a_pull_request_changes():
    job = load_workflow()["jobs"]["lint"]
    checkout = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the merge base with the target branch needs the history"
    assert any("safe.directory" in script for script in run_scripts(job))


def preview_folder() -> str:
    """The folder `make preview` writes, read from the Makefile (`--into <folder>`)."""
    text = MAKEFILE.read_text(encoding="utf-8")
    recipe = re.search(r"^preview:.*\n((?:\t.*\n)+)", text, re.M)
    assert recipe, "the Makefile has no `preview` target"
    return re.search(r"--into\s+(\S+)", recipe[1])[1].rstrip("/")


def preview_upload(workflow: dict) -> tuple[int, dict]:
    steps = workflow["jobs"]["preview"]["steps"]
    return next((i, s) for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/upload-artifact@"))


def test_preview_job_uploads_the_site_folder_as_one_artifact():
    workflow = load_workflow()
    job = workflow["jobs"]["preview"]
    assert "pull_request" in triggers(workflow)
    assert "pull_request" in job.get("if", "github.event_name == 'pull_request'")
    steps = job["steps"]
    build = next(i for i, s in enumerate(steps) if str(s.get("run", "")).strip() == "make preview")
    upload, step = preview_upload(workflow)
    assert build < upload
    # A folder (the offline copy, whose index.html opens from disk), zipped once by GitHub:
    # no zip inside the zip.
    assert step["with"]["path"].rstrip("/") == preview_folder()
    assert not step["with"]["path"].endswith(".zip")
    assert step["with"]["name"] == "preview-site"
    # Built even when the lesson check fails: nothing makes the job wait for it.
    assert "needs" not in job


# --- The comment that links to the preview --------------------------------------------------------


def test_comment_job_is_triggered_by_the_checks_run_and_may_write_on_pull_requests_only():
    comment = load_workflow(COMMENT_WORKFLOW)
    assert set(triggers(comment)) == {"workflow_run"}
    assert triggers(comment)["workflow_run"]["workflows"] == [load_workflow()["name"]]
    assert comment["permissions"] == {}
    (job,) = comment["jobs"].values()
    written = {scope for scope, access in job["permissions"].items() if access != "read"}
    assert written == {"pull-requests"} and job["permissions"]["pull-requests"] == "write"
    assert "pull_request" in job["if"]


def test_comment_job_never_checks_out_or_runs_the_contributors_code():
    (job,) = load_workflow(COMMENT_WORKFLOW)["jobs"].values()
    assert run_scripts(job) == [], "no shell step: nothing of the repository runs"
    uses = [str(step.get("uses", "")) for step in job["steps"]]
    assert uses and all(u.startswith("actions/github-script@") for u in uses), uses
    script = "\n".join(step["with"]["script"] for step in job["steps"])
    for forbidden in ("checkout", "child_process", "exec(", "require(", "import(", "downloadArtifact", "getContent"):
        assert forbidden not in script, forbidden
    # It links to the artifact the preview job uploads, and finds its own comment again.
    assert f'"{preview_upload(load_workflow())[1]["with"]["name"]}"' in script
    assert "updateComment" in script and "createComment" in script


def how_to_open(script: str, first_words: str) -> str:
    """The words of the comment from `first_words` to the end of the line that names
    index.html, the script's string pieces joined."""
    start = script.index(first_words)
    end = script.index('",', script.index("index.html", start))
    return re.sub(r'"\s*\+\s*"', "", script[start:end]).strip("*")


def test_comment_says_in_two_sentences_how_to_open_the_preview():
    (job,) = load_workflow(COMMENT_WORKFLOW)["jobs"].values()
    script = "\n".join(step["with"]["script"] for step in job["steps"])
    for first_words in ("Décompressez-le", "Unzip it"):
        text = how_to_open(script, first_words)
        assert "`index.html`" in text
        assert len(re.findall(r"[.!?](?:\s|$)", text.replace("index.html", "index_html"))) == 2, text


# --- Schema, privileges, pinned actions ---------------------------------------------------------


@pytest.mark.parametrize("workflow", [WORKFLOW, COMMENT_WORKFLOW], ids=lambda p: p.name)
def test_workflow_is_valid_against_the_github_schema(workflow):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: The issue chooser's settings, beside the forms (its own schema).
ISSUE_CONFIG = ROOT / ".github/ISSUE_TEMPLATE/config.yml"


@pytest.mark.parametrize(
    "form", sorted(p for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p != ISSUE_CONFIG), ids=lambda p: p.name
)
def test_issue_forms_are_valid_against_the_github_schema(form):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms", str(form)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_chooser_settings_are_valid_and_keep_blank_issues_for_the_step_links():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-config", str(ISSUE_CONFIG)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Each step's "report a problem" link opens a blank issue, filled in (pasapas/transform/forge.py).
    assert yaml.safe_load(ISSUE_CONFIG.read_text(encoding="utf-8"))["blank_issues_enabled"] is True


def test_the_live_check_form_asks_for_what_a_lesson_records():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/refait-sur-le-vrai-site.yml").read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    # live_checks: date, by (a role), steps (that matched), note (what differed); and which page.
    assert {"page", "date", "by", "steps", "differed"} <= ids


def test_workflow_grants_nothing_by_default_and_each_job_only_what_it_needs():
    workflow = load_workflow()
    assert workflow["permissions"] == {}
    assert {name: job["permissions"] for name, job in workflow["jobs"].items()} == {
        "lint": {"contents": "read"},
        "preview": {"contents": "read"},
        "second-engine": {"contents": "read"},
        "test": {"contents": "read"},
        "build": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


def test_workflow_runs_the_readme_test_command_and_pins_every_action():
    workflow = load_workflow()
    assert "make test" in [s.strip() for job in workflow["jobs"].values() for s in run_scripts(job)]
    text = WORKFLOW.read_text(encoding="utf-8") + COMMENT_WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", comment), f"{action}: the tag belongs in a comment: {comment!r}"


# --- The pull request template ------------------------------------------------------------------


def offline_zip_name() -> str:
    """The offline copy's file name, as the Python code that makes it names it."""
    skipped = {".venv", "node_modules", "site", ".cache", ".git", "tests", "docs"}
    for folder in sorted(p for p in ROOT.iterdir() if p.is_dir() and p.name not in skipped):
        for path in sorted(folder.rglob("*.py")):
            match = re.search(r'^ZIP_NAME\s*=\s*"([^"]+\.zip)"', path.read_text(encoding="utf-8"), re.M)
            if match:
                return match[1]
    raise AssertionError('No ZIP_NAME = "….zip" found in the project\'s Python code')


def test_pull_request_template_has_the_checklist():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    for item in ("make test", "make serve", "Tab", "mot de passe", "relue par une personne qui parle la langue"):
        assert item in text
    assert text.count("- [ ]") >= 4
    first = text.split("- [ ]")[1]
    assert "vertes" in first and "green" in first, "the first item asks for green checks, not a terminal"


def test_pull_request_template_says_how_to_open_the_preview():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    _, upload = preview_upload(load_workflow())
    # First the comment's link (the comment job's words), then the way by the Checks tab.
    comment = "\n".join(step["with"]["script"] for step in load_workflow(COMMENT_WORKFLOW)["jobs"]["comment"]["steps"])
    for link in ("Télécharger l'aperçu du site", "Download the site preview"):
        assert link in text and link in comment
    for language in ("« Checks »", '"Checks"'):
        assert language in text
    assert text.count("Artifacts") >= 2
    assert text.count(f"`{upload['with']['name']}`") == 2
    # The preview is the offline copy itself, a folder: its index.html opens from disk, and
    # there is no zip inside the zip to unzip.
    assert text.count("`index.html`") == 2
    assert offline_zip_name() not in text
