# One command runs the demo, one runs the whole test suite; both set themselves up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.installed-runtime

.PHONY: install install-runtime player player-runtime browser demo test test-postgres test-stack install-check lint format migrations-check screenshots ci clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Python 3.11 or newer is needed ($(PYTHON) is missing or older; set PYTHON=python3.11)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## What the site runs (the demo): the project and its runtime dependencies only
$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME_STAMP)

## Everything for development and tests: the `dev` extra (pytest, Playwright, ruff...)
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP) $(RUNTIME_STAMP)

install-runtime: $(RUNTIME_STAMP) player-runtime

install: $(STAMP) player

NPM_CI := npm ci --ignore-scripts --no-audit --no-fund --silent
NPM_MISSING := echo "Node.js 18+ with npm is needed: the H5P player and the SCORM runtime come from the npm registry (apt-get install nodejs npm)." >&2; exit 1

## The self-hosted H5P player (h5p-standalone) and SCORM runtime (scorm-again), from npm,
## served from node_modules as static files; never committed
player-runtime:
	@[ -f node_modules/h5p-standalone/dist/main.bundle.js ] && [ -d node_modules/scorm-again/dist ] || { command -v npm >/dev/null 2>&1 || { $(NPM_MISSING); }; $(NPM_CI) --omit=dev; }

## The same, with axe-core for the accessibility checks of the browser tests
player:
	@[ -f node_modules/h5p-standalone/dist/main.bundle.js ] && [ -d node_modules/scorm-again/dist ] && [ -f node_modules/axe-core/axe.min.js ] || { command -v npm >/dev/null 2>&1 || { $(NPM_MISSING); }; $(NPM_CI); }

## Debian's Chromium and gettext for the tests (axe-core comes with `player`); Playwright never downloads a browser
browser: player
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ] || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; \
		else sudo apt-get -o DPkg::Lock::Timeout=600 update -qq && sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; fi; \
	fi

## Install what the site runs, build the demo site on SQLite and serve it on http://127.0.0.1:8000/
demo: install-runtime
	@echo "Migrating the SQLite database (db.sqlite3)..."
	@$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Install and run the whole test suite (SQLite unless DATABASE_URL is set)
test: install browser
	$(BIN)/pytest -n auto

## The same suite on the local PostgreSQL service
test-postgres: install browser
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/teacher_training} $(BIN)/pytest -n auto

## Install the apps into a new `wagtail start` site with only the settings docs/installing.md gives
install-check: install
	$(BIN)/python scripts/install_check.py

## The production stack: its own PostgreSQL cluster, Redis DB 5, two gunicorn servers, workers
test-stack: install
	$(BIN)/pytest tests/production/stack -m stack -p no:xdist

## Benchmarks: build the scale data set, serve with gunicorn, measure with wrk (docs/benchmarks.md)
## BENCH_SCALE passes sizes to seed_scale (default: the full 50,000-learner set)
BENCH_SCALE ?=
BENCH_ARGS ?= --duration 10
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/teacher_training_bench
BENCH_ENV := DJANGO_SETTINGS_MODULE=portal.settings.bench
## BENCH_PEER: the peer, wagtail-lms, measured in the same rounds (built once under var/peer/
## in its own venv from PyPI, served by that venv's gunicorn); empty to leave it out
BENCH_PEER ?= --peer

bench: bench-sqlite bench-postgres

## What each middleware costs a bare view, against Django's default stack (in-process, no database)
bench-middleware: install
	$(BENCH_ENV) $(BIN)/python manage.py bench_middleware

## The page cache and the compiled queries, on and off, in one process (demo data in var/internals.sqlite3)
bench-internals: install
	mkdir -p var && rm -f var/internals.sqlite3
	DATABASE_URL=sqlite:///$(CURDIR)/var/internals.sqlite3 $(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(CURDIR)/var/internals.sqlite3 $(BENCH_ENV) $(BIN)/python manage.py seed_demo --no-users --learners 0
	DATABASE_URL=sqlite:///$(CURDIR)/var/internals.sqlite3 $(BENCH_ENV) $(BIN)/python manage.py bench_internals

## This site and the peer on SQLite, whatever BENCH_PEER says
bench-peer: BENCH_PEER = --peer
bench-peer: bench-sqlite

bench-tools: install
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk; \
		else sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk; fi; }

bench-sqlite: bench-tools
	mkdir -p var && rm -f var/bench.sqlite3
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py seed_demo --no-users --learners 0
	$(BENCH_ENV) $(BIN)/python manage.py seed_scale $(BENCH_SCALE)
	$(BENCH_ENV) $(BIN)/python manage.py bench_http $(BENCH_ARGS) $(BENCH_PEER)

bench-postgres: bench-tools
	$(BIN)/python -c "import psycopg, sys; u = sys.argv[1]; base, name = u.rsplit('/', 1); c = psycopg.connect(base + '/postgres', autocommit=True); c.execute(f'DROP DATABASE IF EXISTS {name}'); c.execute(f'CREATE DATABASE {name}')" $(BENCH_PG)
	$(BENCH_ENV) DATABASE_URL=$(BENCH_PG) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$(BENCH_PG) $(BIN)/python manage.py seed_demo --no-users --learners 0
	$(BENCH_ENV) DATABASE_URL=$(BENCH_PG) $(BIN)/python manage.py seed_scale $(BENCH_SCALE)
	$(BENCH_ENV) DATABASE_URL=$(BENCH_PG) $(BIN)/python manage.py bench_http $(BENCH_ARGS) $(BENCH_PEER)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates */templates modules/*/templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates */templates modules/*/templates

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

## Retake the README's screenshots (docs/screenshots/) from a fresh demo site
screenshots: install browser
	$(BIN)/python scripts/screenshots.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var db.sqlite3 .pytest_cache .ruff_cache
