# Pas à pas — every command a newcomer needs. Each target installs what it needs on
# first run (Python venv, pinned packages, npm packages) and does nothing more next time.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_READY := $(VENV)/.installed
NPM_READY := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Material 9.8 prints an end-of-life banner on every run; it changes nothing.
export NO_MKDOCS_2_WARNING := 1
# npm must never download a browser: tests use Debian's chromium.
export PUPPETEER_SKIP_DOWNLOAD := 1

.PHONY: help serve build test lint a11y links links-external bench lesson lesson-translation system-check clean

help:
	@echo "make serve   build and preview the portal on http://$(HOST):$(PORT) (live reload)"
	@echo "make build   build the portal into site/"
	@echo "make test    run every test and check"
	@echo "make lint    check every lesson in every language"
	@echo "make a11y    check every page of every language with pa11y-ci (axe + htmlcs)"
	@echo "make links   check every internal link and anchor of the built site (offline)"
	@echo "make links-external   also check links to official sites (uses the network)"
	@echo "make bench   measure our build and pages beside a plain Material build (N = 10, 100, 300)"
	@echo "make lesson SLUG=envoyer-un-sms TITLE=\"Envoyer un SMS\" [PARCOURS=\"Communiquer\"]"
	@echo "make lesson-translation LANGUAGE=ar SLUG=envoyer-un-sms"

$(PY_READY): requirements.txt
	@$(PYTHON) -c "import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))" 2>/dev/null || { \
	  echo "Python 3.11 or newer with venv is needed. On Debian: sudo apt-get install -y python3 python3-venv"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	@touch $@

$(NPM_READY): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js 20 and npm are needed. On Debian: sudo apt-get install -y nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

system-check: $(PY_READY)
	@$(PY) scripts/system_check.py

serve: $(PY_READY)
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# Built elsewhere and moved into site/ only when everything succeeded: a failed build
# never leaves a site/ that looks publishable.
BUILDING := .cache/site-building
build: $(PY_READY) $(NPM_READY)
	@rm -rf $(BUILDING) site
	$(PY) -m mkdocs build --strict --site-dir $(BUILDING)
	$(PY) scripts/offline.py --into $(BUILDING)
	@mv $(BUILDING) site

lint: $(PY_READY)
	$(PY) scripts/lesson_lint.py

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
	$(PY) scripts/new_lesson.py

lesson-translation: $(PY_READY)
	@test -n "$$LESSON_LANGUAGE" -a -n "$$LESSON_SLUG" || { echo 'Usage: make lesson-translation LANGUAGE=ar SLUG=envoyer-un-sms'; exit 1; }
	$(PY) scripts/new_lesson.py

a11y: $(PY_READY) $(NPM_READY) system-check
	$(PY) scripts/a11y.py

bench: $(PY_READY) system-check
	$(PY) scripts/bench.py

links: $(PY_READY)
	$(PY) scripts/links.py

links-external: $(PY_READY)
	$(PY) scripts/links.py --external

# The checks build the site as it is published: with an address (for QR codes and the
# sitemap). A real SITE_URL from the environment wins.
test: export SITE_URL := $(or $(SITE_URL),https://pasapas.example/)
test: $(PY_READY) $(NPM_READY) system-check lint
	$(PY) -m pytest
	$(PY) scripts/a11y.py
	$(PY) scripts/links.py --reuse

clean:
	rm -rf site .pytest_cache
