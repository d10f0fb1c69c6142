# Every target sets itself up: a fresh machine needs only Python 3.11 and make.
#   make serve   generate the pages and serve them on http://127.0.0.1:8000
#   make build   generate the pages and build the site into site/ (strict),
#                with the offline bundle in site/downloads/
#   make offline build the offline bundle dist/NAME-offline.zip (+ .sha256)
#   make test    run the whole test suite (installs Chromium if missing)
#   make bench   measure build time next to the naive one-page site
#   make clean   remove everything generated
# SOURCE=path/to/text.md builds another document in the same format.

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

.PHONY: serve build generate offline test bench clean

$(VENV)/.build-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# The iframe-worker shim that the offline bundle ships, pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

generate: $(VENV)/.build-deps
	$(PY) -m build_scripts --source "$(SOURCE)"

# Build into a fresh directory and swap it in only when everything succeeded,
# so a failed build leaves the previous site/ as it was. The online site
# offers the offline bundle for download.
build: offline
	rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	mkdir -p site.tmp/downloads
	cp dist/$(BUNDLE).zip dist/$(BUNDLE).zip.sha256 site.tmp/downloads/
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.tmp site
	rm -rf site.old

# dist/NAME.zip and NAME.zip.sha256: the site as .html files for file://,
# pruned, with the pinned iframe-worker shim; reproducible byte for byte.
offline: generate node_modules/.package-lock.json
	rm -rf dist.tmp
	$(PY) -m mkdocs build --strict -f mkdocs.offline.yml --site-dir dist.tmp/$(BUNDLE)
	$(PY) -m build_scripts.bundle --site dist.tmp/$(BUNDLE) --name $(BUNDLE) --out dist
	rm -rf dist.tmp

serve: generate
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.test-deps node_modules/.package-lock.json
	tools/ensure-chromium.sh
	$(PY) -m pytest

# Figures, not pass/fail: timings are noisy here and never fail a test.
bench: $(VENV)/.build-deps generate
	$(PY) bench/build_time.py

clean:
	rm -rf site site.tmp site.old dist dist.tmp .generated .pytest_cache
	if [ -f docs/.generated.json ]; then \
	  $(PYTHON) -c 'import json,pathlib; [pathlib.Path("docs",p).unlink(missing_ok=True) for p in json.load(open("docs/.generated.json"))]'; \
	  rm -f docs/.generated.json; \
	  find docs -type d -empty -delete; \
	fi
