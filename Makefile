# Every target creates and uses .venv/ itself; only Python 3.11 and make are needed.
# `make serve` and `make test` are the two commands a newcomer runs (see README.md).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
# axe-core and vnu-jar for the quality gates, pinned in tests/npm/package-lock.json.
NPM_STAMP := tests/npm/node_modules/.installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock
SRC ?=
OUT ?= dossier-data/
SIZES ?=
VERVANG ?=
DOSSIERS ?=

.PHONY: serve site test test-snel check import bench relevantie lint schema lock clean

$(SITE_STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP)
	$(PIP) -e '.[test]'
	touch $@

$(NPM_STAMP): tests/npm/package.json tests/npm/package-lock.json
	sh .ci/ensure-node-java
	npm ci --prefix tests/npm --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# --dirty: a rebuild after an edit renders only the pages whose output changed (the plugin
# decides which; see plugins/kwalificatiedossiers/plugin/plugin.py).
serve: $(SITE_STAMP)  ## install, build and serve on http://127.0.0.1:8000 with live reload [DOSSIERS="<id> …"]
	KD_DOSSIERS="$(DOSSIERS)" $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The build time in the output (sitemap dates, the gzip header of sitemap.xml.gz) is the last
# commit's, so the same commit builds the same bytes; a SOURCE_DATE_EPOCH already set wins.
site: $(SITE_STAMP)  ## install and build the static site into site/ (strict)
	SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)}" \
	  $(BIN)/mkdocs build --strict

test: $(TEST_STAMP) $(NPM_STAMP)  ## install everything the tests need and run the whole suite
	sh .ci/ensure-chromium
	sh .ci/ensure-ocr
	$(BIN)/ruff check plugins scripts tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup

test-snel: $(TEST_STAMP)  ## the unit and golden tiers only: the fast loop while working
	sh .ci/ensure-ocr
	KD_SNEL=1 $(BIN)/python -m pytest -n 2 -m "unit or golden" -q

check: $(SITE_STAMP)  ## validate all of dossier-data/ and print every problem
	$(BIN)/dossier-check dossier-data

import: $(SITE_STAMP)  ## make import SRC="<source file(s)>" OUT=<folder> [VERVANG=1]
	@test -n "$(SRC)" || { echo 'gebruik: make import SRC="<bronbestand(en)>" OUT=dossier-data/ [VERVANG=1]'; exit 2; }
	@sh .ci/ensure-ocr
	$(BIN)/dossier-import $(SRC) --out $(OUT) $(if $(VERVANG),--vervang,)

bench: $(TEST_STAMP)  ## build generated corpora at national size and print the figures
	sh .ci/ensure-chromium
	$(BIN)/python -m dossierbench $(if $(SIZES),--sizes $(SIZES),)

relevantie: $(TEST_STAMP)  ## search quality: top-1, top-3 and MRR of the relevance set in Chromium
	sh .ci/ensure-chromium
	$(BIN)/python -m dossierbench.relevantie $(ARGS)

schema: $(SITE_STAMP)  ## regenerate the JSON Schemas from the model
	$(BIN)/dossier-check --schema dossier-data

lock: $(TEST_STAMP)  ## re-pin every dependency into requirements.lock
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache tests/npm/node_modules
