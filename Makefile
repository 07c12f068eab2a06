# Bare `make` lists the targets. Every target honours DATABASE_URL and PORT.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 2
# Python threads a granian worker runs requests on. Granian's WSGI default is half a worker's
# share of its backlog (256 a worker of two); the GIL runs one at a time, and each thread it
# started kept its stack, malloc arena and database connection (405-449 MB a worker under
# 16 connections, 170-185 MB with 4).
THREADS ?= 4
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-dev run serve _serve worker topology topology-stop test chromium varnish lint \
	format messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Also install the test and lint tools

run: install ## Migrate, load the demo content and serve the dev server on 127.0.0.1:$PORT
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install ## The same, production-like: DEBUG off, granian, the page cache, whitenoise, the task worker
	DJANGO_SETTINGS_MODULE=ruses.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_COOKIES="$${SECURE_COOKIES:-false}" \
	CACHE_DIR="$${CACHE_DIR:-$(CURDIR)/.cache}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" SECURE_HSTS_SECONDS="$${SECURE_HSTS_SECONDS:-0}" \
	$(MAKE) --no-print-directory _serve

_serve:
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(VENV)/bin/granian --interface wsgi ruses.wsgi:application --host 127.0.0.1 --port $(PORT) \
		--workers $(WORKERS) --blocking-threads $(THREADS) --no-ws --log-level warning

worker: install ## The task worker (e-mail, indexing, purges) for TASKS_BACKEND=django_tasks_db.DatabaseBackend
	$(PY) manage.py db_worker

topology: install varnish ## Varnish, 2 granian app servers, the worker: http://127.0.0.1:$TOPOLOGY_PORT/ (deploy/)
	$(PY) deploy/topology.py start

topology-stop: ## Stop what `make topology` started
	$(PY) deploy/topology.py stop

test: install-dev chromium varnish ## Run the test suite (PYTEST_ARGS="..." passes options to pytest)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium (Playwright cannot download its own here). As root
# it is installed when missing; otherwise they are skipped, except in CI where they fail.
chromium:
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The topology and its tests run Debian's Varnish, installed the same way (as root, when missing).
varnish:
	@command -v varnishd >/dev/null || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; }

lint: install-dev ## Ruff (lint and format) and the import contract (.importlinter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev ## Ruff: fix what it can and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install ## Update the gettext catalogues from the code and compile them
	$(PY) manage.py makemessages --locale ru --locale en --ignore '.venv/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*'
