"""make links: broken internal links and anchors are caught with a clear message; the
external mode is tested offline against a local server."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

from pasapas.checks.links import Broken, check_external, check_site, report

#: The languages of the small sites below (the real site: its own).
LANGUAGES = ["fr", "ar", "en"]


def page(links: str, ids: str = "") -> str:
    return f'<!doctype html><html><body><h1 id="titre">T</h1>{ids}{links}</body></html>'


@pytest.fixture
def fixture_site(tmp_path):
    site = tmp_path / "site"
    files = {
        "index.html": page('<a href="lecons/x/">x</a> <a href="lecons/x/#etape-2">step</a> <img src="images/ok.svg" alt="ok">'),
        "lecons/x/index.html": page('<a href="../../">home</a>', '<h2 id="etape-2">2</h2>'),
        "lecons/seulement-fr/index.html": page(""),
        "images/ok.svg": "<svg/>",
        "ar/index.html": page('<a href="../lecons/x/">fr</a>'),
        "404.html": page('<a href="/">home</a> <a href="/ar/">ar</a>'),
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def broken_after(site: Path, name: str, links: str):
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(page(links), encoding="utf-8")
    return check_site(site, LANGUAGES)[0]


def test_a_good_site_has_no_broken_link(fixture_site):
    assert check_site(fixture_site, LANGUAGES)[0] == []


def test_a_missing_page_is_reported(fixture_site):
    assert broken_after(fixture_site, "lecons/y/index.html", '<a href="../absente/">a</a>') == [
        Broken("lecons/y/index.html", "../absente/", "no such page or file")
    ]


def test_a_missing_anchor_is_reported(fixture_site):
    assert broken_after(fixture_site, "lecons/y/index.html", '<a href="../x/#etape-9">a</a>') == [
        Broken("lecons/y/index.html", "../x/#etape-9", "no place with id '#etape-9' in lecons/x/index.html")
    ]


def test_a_link_to_a_page_that_exists_only_in_another_language_says_so(fixture_site):
    assert broken_after(fixture_site, "ar/lecons/y/index.html", '<a href="../seulement-fr/">a</a>') == [
        Broken("ar/lecons/y/index.html", "../seulement-fr/", "no such page in this language (it exists in: fr)")
    ]


def test_a_broken_image_is_reported(fixture_site):
    assert broken_after(fixture_site, "lecons/y/index.html", '<img src="../../images/absente.svg" alt="a">') == [
        Broken("lecons/y/index.html", "../../images/absente.svg", "no such page or file")
    ]


def test_links_to_other_sites_are_collected_not_followed(fixture_site):
    (fixture_site / "lecons/y/index.html").parent.mkdir(parents=True)
    (fixture_site / "lecons/y/index.html").write_text(page('<a href="https://www.caf.fr/">CAF</a>'), encoding="utf-8")
    broken, external = check_site(fixture_site, LANGUAGES)
    assert broken == [] and external == {"https://www.caf.fr/": {"lecons/y/index.html"}}


def test_report_groups_broken_links_by_page():
    broken = [
        Broken("a/index.html", "../b/", "no such page or file"),
        Broken("a/index.html", "#x", "no place with id '#x' in a/index.html"),
    ]
    assert report(broken, 3) == (
        "Links: 2 broken link(s) on 1 page(s).\n\na/index.html\n"
        "  → ../b/: no such page or file\n  → #x: no place with id '#x' in a/index.html"
    )


def test_the_real_site_has_no_broken_link_navigation_switcher_and_404_included(site):
    broken, external = check_site(site.dir, list(site.languages))
    assert broken == []
    assert "https://www.caf.fr/" in external


# --- External mode, offline ------------------------------------------------------------------


class Answers(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    in_flight = 0
    max_in_flight = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def answer(self):
        cls = type(self)
        with cls.lock:
            cls.hits[self.path] = cls.hits.get(self.path, 0) + 1
            cls.in_flight += 1
            cls.max_in_flight = max(cls.max_in_flight, cls.in_flight)
        try:
            time.sleep(0.05)
            if self.path == "/never":
                time.sleep(3)  # longer than the client's timeout; bounded so the test ends
                return
            status, location = {
                "/ok": (200, None),
                "/moved": (301, "/ok"),
                "/gone": (404, None),
                "/busy": (429, None),
                "/down": (503, None),
            }.get(self.path, (200, None))
        finally:
            # Before the answer leaves: once the client has it, it may send the next request
            # before this thread runs again, and a busy machine would count one too many.
            with cls.lock:
                cls.in_flight -= 1
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer


@pytest.fixture
def server():
    Answers.hits, Answers.in_flight, Answers.max_in_flight = {}, 0, 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(urls, tmp_path, **options):
    options = {"timeout": 1, "retries": 1, "backoff": 0.01, "cache": tmp_path / "cache.json", "allowlist": set(), **options}
    return {r.url.rsplit("/", 1)[-1].split("?")[0]: (r.state, r.detail) for r in check_external(urls, **options)}


def test_external_links_are_judged_fairly(server, tmp_path):
    names = ["ok", "moved", "gone", "busy", "down", "never"]
    results = run([f"{server}/{n}" for n in names], tmp_path)
    assert {name: state for name, (state, _) in results.items()} == {
        "ok": "ok",
        "moved": "ok",
        "gone": "broken",
        "busy": "could not check",
        "down": "could not check",
        "never": "could not check",
    }
    assert results["busy"][1] == "429" and results["down"][1] == "503"


def test_an_unsure_answer_is_retried_with_backoff(server, tmp_path):
    run([f"{server}/busy"], tmp_path, retries=2)
    assert Answers.hits["/busy"] == 3  # the first try and two retries


def test_a_recent_success_comes_from_the_cache_and_an_old_one_is_checked_again(server, tmp_path):
    url = f"{server}/ok"
    run([url], tmp_path, now=1_000_000)
    assert run([url], tmp_path, now=1_000_000 + 3600) == {"ok": ("ok", "200 (cached)")}
    assert Answers.hits["/ok"] == 1
    assert run([url], tmp_path, now=1_000_000 + 8 * 86400, max_age_days=7) == {"ok": ("ok", "200")}
    assert Answers.hits["/ok"] == 2


def test_no_more_than_two_requests_at_a_time_go_to_one_host(server, tmp_path):
    run([f"{server}/ok?{i}" for i in range(8)], tmp_path, per_host=2, workers=8)
    assert Answers.max_in_flight == 2


def test_an_allowlisted_host_is_not_contacted(server, tmp_path):
    assert run([f"{server}/gone"], tmp_path, allowlist={"127.0.0.1"}) == {
        "gone": ("allowlisted", "not checked (see links_allowlist.yml)")
    }
    assert Answers.hits == {}


def test_the_allowlist_needs_a_reason_for_each_host(tmp_path):
    from pasapas.checks.links import read_allowlist

    path = tmp_path / "allow.yml"
    path.write_text("hosts:\n  - host: example.org\n", encoding="utf-8")
    with pytest.raises(ValueError, match="each allowlisted host needs 'host' and a written 'reason'"):
        read_allowlist(path)
    assert read_allowlist() == set()
