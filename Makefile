# The two commands of the README: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsprism demo

# The store's tests run against SQLite and against a throwaway PostgreSQL server.
test: $(STAMP)
	bash scripts/install_browser.sh
	bash scripts/with_postgres.sh $(BIN)/pytest

# The README's pictures of the report and of the app.
screenshots: $(STAMP)
	bash scripts/install_browser.sh
	$(BIN)/pip install --quiet pillow
	$(BIN)/python scripts/screenshots.py
	NEWSPRISM_SCREENSHOTS=docs $(BIN)/pytest -q tests/browser

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) newsprism-demo
