# Two entry points for a fresh machine:
#   make run   - create .venv, install requirements, start the dashboard
#   make test  - create .venv, install requirements + test tools + Debian's chromium, lint, run all tests
VENV    := .venv
PY      := $(VENV)/bin/python
PORT    ?= 8501

.PHONY: run test lint bench chromium clean mutation mutation-ci postgis run-team compiled

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The browser tests drive Debian's chromium through Playwright (Playwright cannot download one here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The store tests start a throwaway PostgreSQL + PostGIS from Debian's packages (pytest-postgresql's executor).
postgis:
	@{ ls /usr/lib/postgresql/*/bin/pg_ctl && ls /usr/share/postgresql/*/extension/postgis.control; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql postgis postgresql-postgis >/dev/null; }

# The extraction modules compiled by mypyc into build/compiled/ (about 40 s, only when a source changed; without a
# C compiler it warns and the plain sources run). geo/claims/compiled.py loads a build only while it matches the sources.
compiled: $(VENV)/.runtime
	$(PY) tools/compile_extraction.py

run: $(VENV)/.runtime compiled
	$(PY) -m geo validate
	$(PY) -c 'from pathlib import Path; from geo.views.offline import ensure_static; ensure_static(Path("static"))'
	$(PY) -m streamlit run app.py --server.port $(PORT)

# mypy covers the packages held strict in pyproject.toml (the rest of geo/ is not yet clean);
# its cache in .mypy_cache keeps repeat runs under a second.
lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy geo/data geo/routes geo/workspace.py

test: $(VENV)/.dev chromium postgis lint compiled
	$(PY) -m pytest -n 2

# The whole suite again on the team store: a throwaway PostgreSQL + PostGIS per worker, data/ and seeds/ imported,
# GEO_STORE set for every test (tests/conftest.py, --store=postgis). About 9-10 min on 2 cores.
.PHONY: test-store
test-store: $(VENV)/.dev chromium postgis compiled
	$(PY) -m pytest -n 2 --store=postgis

# The dashboard for a team: a local PostgreSQL + PostGIS kept in .pgdata/ (data/ imported on first start),
# then Streamlit with GEO_STORE pointing at it. Stop the server with: $(PY) -m geo store local --stop
PGPORT  ?= 54329
TEAM_STORE = postgresql://postgres@/geo?host=$(CURDIR)/.pgdata&port=$(PGPORT)
run-team: $(VENV)/.dev postgis compiled
	$(PY) -m geo store local --dir .pgdata --port $(PGPORT)
	GEO_STORE='$(TEAM_STORE)' $(PY) -m geo store import --if-empty
	$(PY) -c 'from pathlib import Path; from geo.views.offline import ensure_static; ensure_static(Path("static"))'
	GEO_STORE='$(TEAM_STORE)' $(PY) -m streamlit run app.py --server.port $(PORT)

bench: $(VENV)/.dev
	$(PY) benchmarks/run_all.py

# Mutation testing (mutmut): scores per module in test-output/mutation/scores.json; see docs/QUALITY.md.
# `make mutation` is the full run (long). mutation-ci, run by .ci/run after `make test`, is a fixed sample of
# 25 mutants of each of four core modules (seed 1) and fails when a module's sampled score is below the floor
# (25 mutants: 80 % is at most 5 survivors).
MUTATION_FLOOR ?= 80
MUTATION_SAMPLE ?= 25
mutation: $(VENV)/.dev
	$(PY) benchmarks/mutation.py

mutation-ci: $(VENV)/.dev
	$(PY) benchmarks/mutation.py --floor $(MUTATION_FLOOR) --sample $(MUTATION_SAMPLE) --seed 1 scenario metrics evidence url_state

clean:
	rm -rf $(VENV) test-output .pytest_cache .ruff_cache .mypy_cache
