# Every target sets itself up: a fresh machine needs only Python 3.11 and make.
#   make serve   generate the pages and serve them on http://127.0.0.1:8000
#   make build   generate the pages and build the site into site/ (strict),
#                with the offline bundle in site/downloads/
#   make offline build the offline bundle dist/NAME-offline.zip (+ .sha256)
#   make test    lint and types (make lint), then the whole test suite
#                (installs Chromium if missing); PYTEST_ARGS="…" passes
#                arguments to pytest, e.g. PYTEST_ARGS="tests/test_golden.py --update-golden"
#   make lint    ruff and mypy, configured in pyproject.toml
#   make mutate  mutation testing (mutmut) of the modules that decide the
#                text, against the fast unit tests; slow, not part of make test
#   make bench   this site next to the naive one-page site: build time,
#                page weight, offline zip, Lighthouse, scaling
#   make clean   remove everything generated
# SOURCE=path/to/text.md builds another document in the same format.
# SITE_URL=https://…/ gives the public address for this build (build,
# offline, serve, generate), over site_url in the document's settings.

SOURCE ?= source/ecosoc-resolution-2010-18.md
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUNDLE := $(basename $(notdir $(SOURCE)))-offline
# Dates MkDocs writes come from the commit, so that two builds of the same
# commit give the same bytes.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export NO_MKDOCS_2_WARNING := 1
export SOURCE SOURCE_DATE_EPOCH
# The generator reads SITE_URL from the environment; empty means unset.
ifdef SITE_URL
export SITE_URL
endif

.PHONY: serve build generate offline ids lint test mutate bench clean

$(VENV)/.build-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(VENV)/.mutate-deps: requirements-mutate.txt requirements-test.txt $(VENV)/.test-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutate.txt
	touch $@

# The iframe-worker shim that the offline bundle ships, pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

generate: $(VENV)/.build-deps
	$(PY) -m build_scripts --source "$(SOURCE)"

# build_scripts.site_build stages docs/, site/ and dist/ and swaps them in
# only when every step succeeded: a failed build leaves them as they were.
# The online site offers the offline bundle for download (site/downloads/).
# The two MkDocs builds run side by side, forked from one process that
# imports what they need once; .cache/ keeps what a rebuild can reuse (the
# generator's last record, converted Markdown, search entries, compiled
# templates, the share card and the settings' YAML, PurgeCSS's results and
# the selectors they depend on, compressed copies), each checked against
# what it was made from.
build: $(VENV)/.build-deps node_modules/.package-lock.json
	$(PY) -m build_scripts.site_build --source "$(SOURCE)"

# dist/NAME.zip and NAME.zip.sha256: the site as .html files for file://,
# pruned, with the pinned iframe-worker shim; reproducible byte for byte.
offline: $(VENV)/.build-deps node_modules/.package-lock.json
	$(PY) -m build_scripts.site_build --source "$(SOURCE)" --offline-only

# Record the current ids as the committed registry (after a deliberate change).
ids: $(VENV)/.build-deps
	$(PY) -m build_scripts --source "$(SOURCE)" --record-ids

serve: generate
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Zero findings: a finding fails make test before any test runs.
lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint node_modules/.package-lock.json
	tools/ensure-chromium.sh
	$(PY) -m pytest $(PYTEST_ARGS)

# Mutants of the modules in [tool.mutmut] (pyproject.toml) run against the
# unit tests listed there; survivors that cannot be killed are explained in
# tests/MUTATION.md. Work happens in mutants/ (ignored by git).
mutate: $(VENV)/.mutate-deps
	$(VENV)/bin/mutmut run --max-children 2
	$(VENV)/bin/mutmut results
	$(PY) tools/mutation-score.py

# Figures, not pass/fail: timings are noisy here and never fail a test.
bench: $(VENV)/.build-deps node_modules/.package-lock.json
	tools/ensure-chromium.sh
	$(PY) -m bench.bench

clean:
	rm -rf site site.next site.old dist dist.next dist.old docs.next docs.old .generated .pytest_cache mutants .mypy_cache .ruff_cache .cache
	if [ -f docs/.generated.json ]; then \
	  $(PYTHON) -c 'import json,pathlib; [pathlib.Path("docs",p).unlink(missing_ok=True) for p in json.load(open("docs/.generated.json"))]'; \
	  rm -f docs/.generated.json; \
	  find docs -type d -empty -delete; \
	fi
