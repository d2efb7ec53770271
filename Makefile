# The README's two commands: `make run` and `make test`. Each sets itself up.
VENV ?= .venv
PY := $(VENV)/bin/python
DEV_ENV := DEBUG=1

.PHONY: run test test-sqlite test-postgres lint venv bench

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

# Migrate, load the article's data, print a login, serve on 127.0.0.1:8000.
run: venv
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py loaddata hardcore_henry
	$(DEV_ENV) $(PY) manage.py demo_login
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# Lint, then the whole suite on SQLite, then again on a throwaway PostgreSQL.
test: venv
	bash tests/bin/system-packages.sh
	$(MAKE) lint test-sqlite test-postgres

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

test-sqlite: venv
	$(DEV_ENV) $(PY) -m pytest

test-postgres: venv
	$(DEV_ENV) bash tests/bin/with-postgres.sh $(PY) -m pytest

# Every page in hhprod/shooting/benchmark.py against its bare SQL, on a synthetic production
# of each size: SQLite, then a throwaway PostgreSQL when its server is installed.
# Prints a table per database; JSON in artifacts/bench.json. Not part of the test suite.
BENCH_SIZES ?= 1000,10000,100000
BENCH_RUNS ?= 5
bench: venv
	rm -f artifacts/bench.json
	$(DEV_ENV) $(PY) manage.py benchmark --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
	$(DEV_ENV) bash tests/bin/with-postgres.sh $(PY) manage.py benchmark --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
