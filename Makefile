# Pas à pas — every command a newcomer needs. Each target installs what it needs on
# first run (Python venv, pinned packages, npm packages) and does nothing more next time.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PASAPAS := $(PY) -m pasapas
PY_READY := $(VENV)/.installed
NPM_READY := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# This checkout's own package, whichever checkout the venv was made in (a fork, a test's copy).
export PYTHONPATH := $(CURDIR)
# Material 9.8 prints an end-of-life banner on every run; it changes nothing.
export NO_MKDOCS_2_WARNING := 1
# npm must never download a browser: tests use Debian's chromium.
export PUPPETEER_SKIP_DOWNLOAD := 1

.PHONY: help serve build preview check second-engine html test lint a11y links links-external bench lesson lesson-translation system-check clean

help:
	@echo "make serve   build and preview the portal on http://$(HOST):$(PORT) (live reload)"
	@echo "make build   build the portal into site/"
	@echo "make preview the pull request's preview in preview-site/ (opens from disk; lists the lesson errors)"
	@echo "make test    run every test and check"
	@echo "make check   the fast tests (no browser, no full build) and ruff, in under a minute"
	@echo "make lint    check every lesson in every language"
	@echo "make html    check the built pages with the Nu HTML Checker (valid HTML)"
	@echo "make second-engine   build with ProperDocs too and compare it with the MkDocs build"
	@echo "make a11y    check every page of every language with pa11y-ci (axe + htmlcs)"
	@echo "make links   check every internal link and anchor of the built site (offline)"
	@echo "make links-external   also check links to official sites (uses the network)"
	@echo "make bench   measure our build and pages beside a plain Material build (N = 10, 100, 300)"
	@echo "make lesson SLUG=envoyer-un-sms TITLE=\"Envoyer un SMS\" [PARCOURS=\"Communiquer\"]"
	@echo "make lesson-translation LANGUAGE=ar SLUG=envoyer-un-sms"

$(PY_READY): requirements.txt pyproject.toml
	@$(PYTHON) -c "import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))" 2>/dev/null || { \
	  echo "Python 3.11 or newer with venv is needed. On Debian: sudo apt-get install -y python3 python3-venv"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	$(PY) -m pip install --disable-pip-version-check --quiet --no-deps --no-build-isolation --editable .
	@touch $@

$(NPM_READY): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js 20 and npm are needed. On Debian: sudo apt-get install -y nodejs npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

system-check: $(PY_READY)
	@$(PASAPAS) doctor

serve: $(PY_READY)
	$(PASAPAS) serve --dev-addr $(HOST):$(PORT)

# Built elsewhere and moved into site/ only when everything succeeded: a failed build
# never leaves a site/ that looks publishable.
BUILDING := .cache/site-building
build: $(PY_READY) $(NPM_READY)
	@rm -rf $(BUILDING) site
	$(PASAPAS) build --site-dir $(BUILDING)
	$(PASAPAS) offline --into $(BUILDING)
	@mv $(BUILDING) site

# The preview of a pull request (the `preview` job of .github/workflows/checks.yml): the
# offline copy in preview-site/, built even past lesson errors, which its first page lists.
preview: $(PY_READY) $(NPM_READY)
	$(PASAPAS) preview --into preview-site

# Every built page (and the offline copy, after make build) through the Nu HTML Checker.
html: $(PY_READY) $(NPM_READY) system-check
	$(PASAPAS) html

# The fast tier: model, checks and build transforms on small fixtures; no browser.
check: $(PY_READY)
	$(PY) -m ruff check pasapas tests
	$(PY) -m ruff format --check pasapas tests
	$(PY) -m pytest -m "not slow" -q

# The exit plan from MkDocs 1.x (MAINTAINING.md): ProperDocs builds the same site today.
# The build date is fixed so that the sitemap of both builds can be compared.
second-engine: export SOURCE_DATE_EPOCH := 1767225600
second-engine: $(PY_READY)
	@rm -rf .cache/site-mkdocs .cache/site-properdocs
	$(PASAPAS) build --quiet --site-dir .cache/site-mkdocs
	$(PASAPAS) build --quiet --engine properdocs --site-dir .cache/site-properdocs
	$(PASAPAS) compare-sites .cache/site-mkdocs .cache/site-properdocs

# make lint LINT_OPTIONS="--lang fr --errors-only"
lint: $(PY_READY)
	$(PASAPAS) lint $(LINT_OPTIONS)

# What a contributor types reaches the scaffold through the environment, unexpanded
# ($(value …)), never through a shell command line: a title is text, whatever it holds.
PARCOURS ?= Premiers pas
# Make would expand them (and run any $(shell …) they hold) to put them in the environment.
unexport SLUG TITLE PARCOURS LANGUAGE
lesson lesson-translation: export LESSON_SLUG := $(value SLUG)
lesson: export LESSON_TITLE := $(value TITLE)
lesson: export LESSON_PARCOURS := $(value PARCOURS)
lesson-translation: export LESSON_LANGUAGE := $(value LANGUAGE)
lesson: $(PY_READY)
	@test -n "$$LESSON_SLUG" -a -n "$$LESSON_TITLE" || { echo 'Usage: make lesson SLUG=envoyer-un-sms TITLE="Envoyer un SMS" [PARCOURS="Communiquer"]'; exit 1; }
	$(PASAPAS) lesson new

lesson-translation: $(PY_READY)
	@test -n "$$LESSON_LANGUAGE" -a -n "$$LESSON_SLUG" || { echo 'Usage: make lesson-translation LANGUAGE=ar SLUG=envoyer-un-sms'; exit 1; }
	$(PASAPAS) lesson translate "$$LESSON_LANGUAGE"

# make a11y A11Y_OPTIONS=--changed: only the pages whose HTML changed since the last run
# with no error (every page when a stylesheet, script or drawing changed).
a11y: $(PY_READY) $(NPM_READY) system-check
	$(PASAPAS) a11y $(A11Y_OPTIONS)

bench: $(PY_READY) system-check
	$(PASAPAS) bench

# make links LINKS_OPTIONS=--changed: only the pages whose HTML changed since the last
# run with no error, and the pages that link to them.
links: $(PY_READY)
	$(PASAPAS) links $(LINKS_OPTIONS)

links-external: $(PY_READY)
	$(PASAPAS) links --external

# The checks build the site as it is published: with an address (for QR codes and the
# sitemap). A real SITE_URL from the environment wins.
test: export SITE_URL := $(or $(SITE_URL),https://pasapas.example/)
# The tests run in TEST_WORKERS processes, a test file each at a time (pytest-xdist): much of
# a browser test is waiting, and CI has 2 cores. TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2
test: $(PY_READY) $(NPM_READY) system-check lint
	$(PY) -m ruff check pasapas tests
	$(PY) -m ruff format --check pasapas tests
	$(PY) -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile
	$(PASAPAS) a11y $(A11Y_OPTIONS)
	$(PASAPAS) links --reuse $(LINKS_OPTIONS)
	$(PASAPAS) html
	$(MAKE) --no-print-directory second-engine

clean:
	rm -rf site .pytest_cache
