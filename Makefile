# Every target sets itself up: a fresh machine needs only Python 3.11 and make.
#   make serve   generate the pages and serve them on http://127.0.0.1:8000
#   make build   generate the pages and build the site into site/ (strict)
#   make test    run the whole test suite (installs Chromium if missing)
#   make bench   measure build time next to the naive one-page site
#   make clean   remove everything generated
# SOURCE=path/to/text.md builds another document in the same format.

SOURCE ?= source/ecosoc-resolution-2010-18.md
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export SOURCE

.PHONY: serve build generate test bench clean

$(VENV)/.build-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

generate: $(VENV)/.build-deps
	$(PY) -m build_scripts --source "$(SOURCE)"

# Build into a fresh directory and swap it in only when MkDocs succeeded, so a
# failed build leaves the previous site/ as it was.
build: generate
	rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.tmp site
	rm -rf site.old

serve: generate
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.test-deps
	tools/ensure-chromium.sh
	$(PY) -m pytest

# Figures, not pass/fail: timings are noisy here and never fail a test.
bench: $(VENV)/.build-deps generate
	$(PY) bench/build_time.py

clean:
	rm -rf site site.tmp site.old dist .generated .pytest_cache
	if [ -f docs/.generated.json ]; then \
	  $(PYTHON) -c 'import json,pathlib; [pathlib.Path("docs",p).unlink(missing_ok=True) for p in json.load(open("docs/.generated.json"))]'; \
	  rm -f docs/.generated.json; \
	  find docs -type d -empty -delete; \
	fi
