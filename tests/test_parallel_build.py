"""Every language is built in a process of its own, at the same time (pasapas/build/workers.py),
and the site is the one the sequential build makes, page for page. A language that fails
stops the build with its message, and leaves no folder or process behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS, build

from pasapas.tools.compare_sites import compare_sites

#: A hook the tests add to a copy of the project: it records which process builds each
#: page, and when; and stops one language's build when told to.
RECORDER = """
import os, signal, time
from mkdocs.exceptions import PluginError

LANGUAGES = {languages!r}


def on_page_markdown(markdown, page, config, files):
    first = page.url.split("/", 1)[0]
    language = first if first in LANGUAGES else LANGUAGES[0]
    with open(os.environ["RECORD_PAGES"], "a", encoding="utf-8") as record:
        record.write(f"{{os.getpid()}} {{language}} {{time.monotonic()}}\\n")
    planted = os.environ.get("PLANT_FAILURE", "")
    if planted == f"{{language}}:error":
        raise PluginError(f"docs/{{page.file.src_uri}}:1: planted: this language fails")
    if planted == f"{{language}}:kill":
        os.kill(os.getpid(), signal.SIGKILL)
    return markdown
"""

SOURCE_DATE_EPOCH = "1767225600"


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """A copy of the project whose pages say which process built them."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("recorded"))
    (project / "record_pages.py").write_text(RECORDER.format(languages=LANGUAGES), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - pasapas/build/hooks.py\n" in text
    config.write_text(text.replace("  - pasapas/build/hooks.py\n", "  - pasapas/build/hooks.py\n  - record_pages.py\n", 1))
    return project


def built_by(record: Path) -> dict[str, tuple[set[int], float, float]]:
    """language -> (the processes that built its pages, first and last page time)."""
    found: dict[str, tuple[set[int], float, float]] = {}
    for line in record.read_text(encoding="utf-8").splitlines():
        pid, language, moment = line.split()
        pids, first, last = found.get(language, (set(), float(moment), float(moment)))
        found[language] = (pids | {int(pid)}, min(first, float(moment)), max(last, float(moment)))
    return found


def run(project: Path, name: str, **environment: str):
    record = project / f"{name}.record"
    record.unlink(missing_ok=True)
    result = build(project, project / name, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, RECORD_PAGES=str(record), **environment)
    return result, record


@pytest.mark.slow  # two whole builds
def test_languages_are_built_at_once_in_processes_of_their_own_and_make_the_sequential_site(recorded):
    parallel, parallel_record = run(recorded, "parallel")
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    sequential, sequential_record = run(recorded, "sequential", PASAPAS_PARALLEL="0")
    assert sequential.returncode == 0, sequential.stderr[-3000:]

    assert compare_sites(recorded / "sequential", recorded / "parallel") == []

    assert len({pid for pids, _, _ in built_by(sequential_record).values() for pid in pids}) == 1
    languages = built_by(parallel_record)
    assert set(languages) == set(LANGUAGES)
    processes = [pids for pids, _, _ in languages.values()]
    assert all(len(pids) == 1 for pids in processes), languages
    assert len(set.union(*processes)) == len(LANGUAGES), f"one process per language: {languages}"
    for language in TRANSLATIONS:
        _, first, last = languages[language]
        overlapping = [
            other for other, (_, start, end) in languages.items() if other != language and start < last and first < end
        ]
        assert overlapping, f"'{language}' was built while no other language was: {languages}"


def assert_stopped_cleanly(project: Path, result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    for line in expected:
        assert re.search(line, output), f"{line!r} not in:\n{output[-3000:]}"
    assert not list(project.glob(".failing-*")), "a worker's folder was left beside the site"
    for command in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            assert str(project / "failing") not in command.read_text(errors="replace"), "a worker outlived the build"
        except OSError:  # the process has ended
            pass


@pytest.mark.parametrize("language", [TRANSLATIONS[0], TRANSLATIONS[-1]])
def test_a_language_that_fails_stops_the_build_with_its_message(recorded, language):
    result, _ = run(recorded, "failing", PLANT_FAILURE=f"{language}:error")
    assert_stopped_cleanly(
        recorded,
        result,
        rf"docs/{language}/[^:]+\.md:1: planted: this language fails",
        rf"The '{language}' build failed",
    )
    assert not (recorded / "failing" / language).exists()


def test_a_language_whose_worker_dies_stops_the_build_and_is_not_published(recorded):
    language = TRANSLATIONS[-1]
    result, _ = run(recorded, "failing", PLANT_FAILURE=f"{language}:kill")
    assert_stopped_cleanly(recorded, result, rf"The '{language}' build \(process \d+\) was stopped by signal 9")
    assert not (recorded / "failing" / language).exists()


def test_a_failing_source_language_stops_the_workers_too(recorded):
    result, _ = run(recorded, "failing", PLANT_FAILURE=f"{SOURCE_LANGUAGE}:error")
    assert_stopped_cleanly(recorded, result, rf"docs/{SOURCE_LANGUAGE}/[^:]+\.md:1: planted: this language fails")
    assert not any((recorded / "failing" / language).exists() for language in TRANSLATIONS)


def test_the_sitemaps_of_languages_built_apart_are_merged_in_their_order(tmp_path):
    import gzip

    from pasapas.build.i18n_plugin import I18nContractError, merge_sitemaps

    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    sitemap = {language: f"{head}\n    <url>{language}</url>\n</urlset>" for language in ("fr", "ar", "en")}
    merge_sitemaps(tmp_path, sitemap["fr"], [sitemap["ar"], sitemap["en"]], 1767225600)
    merged = f"{head}\n    <url>fr</url>\n    <url>ar</url>\n    <url>en</url>\n</urlset>"
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == merged
    with gzip.open(tmp_path / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == merged
    assert packed.mtime == 1767225600
    with pytest.raises(I18nContractError, match="sitemap"):
        merge_sitemaps(tmp_path, sitemap["fr"], ["<urlset>something else</urlset>"], 0)


#: Problems planted in each language: what the lesson check refuses before anything is built,
#: and what only the pages' HTML shows (collected from every language's build, then said at the end).
PLANTED = {
    "checked first": {
        "docs/fr/lecons/sms.md": ("title: ", "title: \ntitre: "),
        "docs/ar/lecons/sms.md": ("digcomp: [", 'digcomp: ["9.9", '),
        "docs/en/lecons/antivirus.md": ("digcomp: [", 'digcomp: ["9.9", '),
    },
    "seen in the pages": {
        "docs/fr/a-propos.md": ("\n# ", "\n<script>alert(1)</script>\n\n# "),
        "docs/ar/aide.md": ("\n# ", "\n<script>alert(1)</script>\n\n# "),
        "docs/en/aide.md": ("\n# ", "\n<script>alert(1)</script>\n\n# "),
    },
}


def problem_lines(output: str) -> list[str]:
    """The `path:line: rule: message` lines a build printed, as a sorted set."""
    return sorted({match.group(1) for match in re.finditer(r"^(?:ERROR +-  )?(docs/\S+:\d+: [\w-]+: .+)$", output, re.M)})


@pytest.mark.slow  # six builds
def test_both_ways_of_building_make_the_same_site_and_say_the_same_problems(tmp_path):
    from conftest import copy_project

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    modes = (("parallel", "1"), ("sequential", "0"))
    clean = {mode: build(project, tmp_path / mode, PASAPAS_PARALLEL=flag) for mode, flag in modes}
    assert all(result.returncode == 0 for result in clean.values())
    assert compare_sites(tmp_path / "sequential", tmp_path / "parallel") == []
    pristine = {path: (project / path).read_text(encoding="utf-8") for planted in PLANTED.values() for path in planted}
    for kind, planted in PLANTED.items():
        for path, text in pristine.items():
            (project / path).write_text(text, encoding="utf-8")
        for path, (old, new) in planted.items():
            assert old in pristine[path], f"{path} no longer holds {old!r}"
            (project / path).write_text(pristine[path].replace(old, new, 1), encoding="utf-8")
        said = {}
        for mode, flag in modes:
            result = build(project, tmp_path / f"{mode}-{kind}".replace(" ", "-"), PASAPAS_PARALLEL=flag)
            output = result.stdout + result.stderr
            assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
            said[mode] = problem_lines(output)
        assert said["parallel"] == said["sequential"], kind
        assert {line.split(":")[0] for line in said["parallel"]} == set(planted), kind
        if kind == "checked first":  # each worker checks its language, and the refusal comes before any page
            assert not list((tmp_path / "parallel-checked-first").rglob("*.html")), kind


def test_a_worker_that_stops_before_handing_over_its_language_s_check_stops_the_build(tmp_path):
    import os

    from mkdocs.exceptions import Abort

    from pasapas.build import workers

    def worker_saying(check):
        checked, to_main = os.pipe()
        if check is None:
            os.close(to_main)  # it died before saying anything
        else:
            workers.say_check(to_main, check)
        return workers.Worker("ar", 0, tmp_path, checked)

    cases = [
        (None, "The 'ar' build failed: it stopped before its lessons were checked"),
        (lambda: 1 / 0, r"The 'ar' build failed: an unexpected error in its lessons' check \(ZeroDivisionError: "),
    ]
    try:
        for check, message in cases:
            workers._running[:] = [worker_saying(check)]
            assert workers.checked_languages() == ["ar"]
            with pytest.raises(Abort, match=message):
                workers.language_checks()
        workers._running[:] = [worker_saying(lambda: ["a problem"])]
        assert workers.language_checks() == ["a problem"] and workers.checked_languages() == []
    finally:
        workers._running.clear()


# --- mkdocs-static-i18n through one adapter ------------------------------------------------


class _Plugin:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


class _Config:
    def __init__(self, plugin):
        self.plugins = {"i18n": plugin}


def test_a_release_of_static_i18n_that_renames_an_attribute_stops_the_build_naming_it():
    from pasapas.build import i18n_plugin

    complete = {name: None for name in i18n_plugin.PLUGIN_ATTRIBUTES}
    for missing in i18n_plugin.PLUGIN_ATTRIBUTES:
        plugin = _Plugin(**{name: value for name, value in complete.items() if name != missing})
        with pytest.raises(i18n_plugin.I18nContractError, match=rf"no attribute {missing}\b"):
            i18n_plugin.check_plugin(_Config(plugin))


def test_a_release_of_static_i18n_that_stops_marking_files_stops_the_build_naming_the_file():
    from pasapas.build import i18n_plugin

    file = _Plugin(src_uri="fr/lecons/sms.md", locale="fr", alternates={})
    with pytest.raises(i18n_plugin.I18nContractError, match=r"docs/fr/lecons/sms.md: .*locale_alternate_of"):
        i18n_plugin.check_file(file)
