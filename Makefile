# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The test environment is pinned (constraints/test.txt) so snapshots and property tests are
# reproducible; `make run` installs the app alone, with the same pins, and no test tools.
CONSTRAINTS := constraints/test.txt
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed
# Four workers on the two-core CI machine: the suite spends most of its time waiting (Pilot pauses,
# child processes, timers), not computing; at two workers it used 0.7 of a core and took 3:45 to
# 4:35, at four it takes about 2:45, with every test as before. `--dist worksteal` lets an idle
# worker take tests queued on a busy one, so the slow walks at the end do not leave it idle:
# 189-205 s against 236-239 s for the default, back to back on this machine.
PYTEST_WORKERS ?= 4

.PHONY: run test lint check bench system-deps dist dist-test constraints clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml $(CONSTRAINTS) | $(VENV)/bin/python
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e .
	touch $(APP_STAMP)

$(TEST_STAMP): pyproject.toml $(CONSTRAINTS) | $(VENV)/bin/python
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $(TEST_STAMP) $(APP_STAMP)

run: $(APP_STAMP)
	$(VENV)/bin/send-tui

check: $(APP_STAMP)
	$(VENV)/bin/send-tui check

# The browser print test needs chromium and pdftotext; install them when missing and we can.
system-deps:
	@bash tests/browser/install-deps.sh

# Format and types: `ruff format --check` (the whole tree is formatted by `ruff format`), ruff's
# lint rules, and mypy as configured in pyproject.toml (check_untyped_defs; strict on the model).
lint: $(TEST_STAMP)
	$(VENV)/bin/ruff format --check send_tui tests bench tools
	$(VENV)/bin/ruff check send_tui tests bench tools
	$(VENV)/bin/mypy

test: $(TEST_STAMP) system-deps lint
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal --durations=15

bench: $(TEST_STAMP)
	$(PY) bench/run.py

# The offline bundle: the wheel, every dependency for Windows and Linux x86-64 on Python 3.11 to
# 3.13, and INSTALL.txt, in dist/send-tui-offline/ (and a zip of it). Needs the network once;
# the downloaded wheels are kept in dist/wheel-cache/ for the next build.
dist: $(TEST_STAMP)
	$(PY) tools/build_dist.py

# Installs the bundle with --no-index into a fresh venv and runs `send-tui check` from it.
dist-test: dist
	$(PY) tools/build_dist.py --verify

# Rewrite the pins from what is installed in .venv now (after a deliberate upgrade).
constraints: $(TEST_STAMP)
	{ grep '^#' $(CONSTRAINTS); $(PY) -m pip freeze --exclude-editable | grep -v '^#' | sort -f; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache dist build
