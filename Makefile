# The README's two commands: `make run` and `make test`. Each sets itself up.
VENV ?= .venv
PY := $(VENV)/bin/python
DEV_ENV := DEBUG=1

.PHONY: run run-setup serve migrate test test-quick test-sqlite test-postgres lint venv bench

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

# Migrate, load the article's data, print a login, serve on 127.0.0.1:8000 with a worker for the
# background work (imports, big files): Procfile.dev, run by honcho, each line of output labelled
# "web" or "worker"; one Ctrl-C stops both.
run: run-setup
	$(DEV_ENV) PYTHON=$(PY) WEB_BIND=127.0.0.1:8000 $(VENV)/bin/honcho --procfile Procfile.dev start

# make run's steps before serving, safe to repeat over a database in use: the seed goes only
# into an empty database and a demo login is made (and its password printed) only once.
# tests/project/test_run.py runs this target twice with an edit in between.
run-setup: venv
	$(DEV_ENV) $(MAKE) --no-print-directory migrate
	$(DEV_ENV) $(PY) manage.py seed
	$(DEV_ENV) $(PY) manage.py demo_login

# Production settings (DEBUG off, HTTPS hardening on) under gunicorn, static files by
# WhiteNoise, and one worker (Procfile, run by honcho: output labelled, one Ctrl-C stops both). SQLite db.sqlite3 unless DATABASE_URL. The key must come from the
# environment: one made up here would change at each start and differ between workers.
# No gunicorn control socket: its one fixed path in $HOME is shared by every gunicorn here.
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
PROD_ENV := DEBUG=0
serve: venv
	@[ -n "$$SECRET_KEY" ] || { \
	    echo "make serve uses production settings: set SECRET_KEY in the environment and keep it, e.g." >&2; \
	    echo "  export SECRET_KEY=\"\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\"" >&2; \
	    exit 1; }
	$(PROD_ENV) $(MAKE) --no-print-directory migrate
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@[ "$${SECURE:-1}" = 0 ] || echo "SECURE is on: plain HTTP is redirected to HTTPS. Serve behind an HTTPS proxy" \
	    "that sets X-Forwarded-Proto, or run SECURE=0 make serve to try it over plain HTTP on this machine."
	$(PROD_ENV) VENV=$(VENV) PYTHON=$(PY) WEB_BIND=$(HOST):$(PORT) WEB_WORKERS=$(WORKERS) \
	    $(VENV)/bin/honcho --procfile Procfile start

# Both databases: the site's, and the task queue's (on SQLite a file of its own; on PostgreSQL the
# same database, which the first command has already migrated).
migrate: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py migrate --database tasks --noinput

# Lint, then the whole suite on SQLite, then again (less the browser) on a throwaway PostgreSQL.
test: venv
	bash tests/bin/system-packages.sh
	$(MAKE) lint test-sqlite test-postgres

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

test-sqlite: venv
	$(DEV_ENV) $(PY) -m pytest

# While working: SQLite only, without the browser and the system tests (a real server, `make` in a
# subprocess). CI runs `make test`, which runs them all.
test-quick: venv
	$(DEV_ENV) $(PY) -m pytest -m "not system" --ignore=tests/browser

# The browser tests run in the SQLite pass only: they drive the same pages on either
# database, and the rest of the suite covers what differs between the two.
test-postgres: venv
	$(DEV_ENV) bash tests/bin/with-postgres.sh $(PY) -m pytest --ignore=tests/browser

# Every page in hhprod/devdata/benchmark.py against its bare SQL, on a synthetic production
# of each size: SQLite, then a throwaway PostgreSQL when its server is installed.
# Prints a table per database; JSON in artifacts/bench.json. Not part of the test suite.
BENCH_SIZES ?= 1000,10000,100000
BENCH_RUNS ?= 5
bench: venv
	rm -f artifacts/bench.json
	$(DEV_ENV) $(PY) manage.py benchmark --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
	$(DEV_ENV) bash tests/bin/with-postgres.sh $(PY) manage.py benchmark --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
