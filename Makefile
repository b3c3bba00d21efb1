# One command runs the demo, one runs the whole test suite; both set themselves up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install player browser demo test test-postgres test-stack lint format migrations-check ci clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) player

## The self-hosted H5P player (h5p-standalone from npm, served from node_modules as static files)
player:
	@[ -f node_modules/h5p-standalone/dist/main.bundle.js ] || npm ci --ignore-scripts --no-audit --no-fund --silent

## Debian's Chromium and gettext, and axe-core (npm), for the tests; Playwright never downloads a browser
browser:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ] || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; \
		else sudo apt-get -o DPkg::Lock::Timeout=600 update -qq && sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; fi; \
	fi
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --ignore-scripts --no-audit --no-fund --silent

## Install, build the demo site on SQLite and serve it on http://127.0.0.1:8000/
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Install and run the whole test suite (SQLite unless DATABASE_URL is set)
test: install browser
	$(BIN)/pytest -n auto

## The same suite on the local PostgreSQL service
test-postgres: install browser
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/teacher_training} $(BIN)/pytest -n auto

## The production stack: its own PostgreSQL cluster, Redis DB 5, two gunicorn servers, workers
test-stack: install
	$(BIN)/pytest tests/production/stack -m stack -p no:xdist

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates */templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates */templates

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var db.sqlite3 .pytest_cache .ruff_cache
