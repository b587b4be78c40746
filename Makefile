# The README's commands. Each target sets up what it needs: a .venv from the pinned
# requirements, rebuilt when a requirements file changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000
# make build DATUM=2024-06-15 / make serve DATUM=2024-06-15: the site as it is on that day
# (scripts/as-of sets SOURCE_DATE_EPOCH to its start in Amsterdam; a wrong date is refused in Dutch).
AS_OF  := $(BIN)/python scripts/as-of
# The engine: properdocs (the maintained fork of MkDocs 1.6), or ENGINE=mkdocs (MkDocs 1.6.1, no longer
# developed; the same mkdocs.yml, hooks and output, byte for byte: tests/test_engines.py).
ENGINE ?= properdocs

# Material prints an eight-line English notice about its future on every run; this is its switch.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test content-check unit lint todo screenshots guide-images brand-images bench bench-against new schemas published-ids nieuwsbrief decap clean
.DEFAULT_GOAL := build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per requirements set: make compares its age with the requirements files.
# The core package (src/sto) is installed editable, so `import sto` works everywhere in the .venv.
INSTALL_CORE := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

$(VENV)/.build-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(INSTALL_CORE)
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(INSTALL_CORE)
	touch $@ $(VENV)/.build-deps

$(VENV)/.bench-deps: requirements.txt requirements-bench.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	$(INSTALL_CORE)
	touch $@ $(VENV)/.build-deps

build: $(VENV)/.build-deps  ## the site in site/ [DATUM=JJJJ-MM-DD]
	@$(AS_OF) $(BIN)/$(ENGINE) build --strict --config-file mkdocs.yml

# Not strict: while content is invalid the preview keeps running and every page shows the
# problems (sto.mkdocs.serve_problems); MkDocs' own warnings show in the terminal, and make
# build (strict, as CI) refuses them.
serve: $(VENV)/.build-deps  ## preview with live reload at http://127.0.0.1:8000 [DATUM=JJJJ-MM-DD]
	@$(AS_OF) $(BIN)/$(ENGINE) serve --no-strict --dirty --config-file mkdocs.yml --livereload --dev-addr $(ADDR)

# Test-only tools from npm (axe-core, vnu-jar), exactly as locked. --ignore-scripts: vnu-jar's
# postinstall would try to download a Java runtime; we use the machine's Java instead.
node_modules/.stamp: package.json package-lock.json
	scripts/ensure-system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: lint $(VENV)/.test-deps node_modules/.stamp  ## lint, then every test, as CI runs them
	scripts/ensure-system-deps
	$(BIN)/python -m pytest

# A content-only pull request's verdict (CI: .github/workflows/pull-request.yml), in about a minute
# on a fresh clone: the strict build (every content problem, in Dutch, as annotations in CI), then
# the checks of the real content: invariants, the published-ids contract, the vocabularies.
# No browser, no Node.js. Code changes get the whole `make test` (.github/workflows/tests.yml).
content-check: $(VENV)/.test-deps  ## the verdict on a change to content/ only: strict build and content checks
	@$(AS_OF) $(BIN)/$(ENGINE) build --strict --config-file mkdocs.yml
	$(BIN)/python -m pytest -m content

# ruff over all Python (pyproject.toml [tool.ruff]), mypy --strict over the core (src/sto, with
# pydantic's plugin; [tool.mypy]). Both must report nothing.
lint: $(VENV)/.test-deps  ## ruff and mypy (strict for sto), zero findings
	$(BIN)/ruff check src hooks tests scripts bench
	$(BIN)/mypy

# The fast subset (well under 30 s): the core's unit tests; no MkDocs build, browser or Node.js tool.
unit: $(VENV)/.test-deps  ## the fast tests, while you work
	$(BIN)/python -m pytest -q -m "not site and not browser and not tools"

# What Sterk Techniekonderwijs still has to supply for the privacy and accessibility pages.
todo: $(VENV)/.build-deps  ## the facts still to be supplied (docs-dev/nog-aan-te-leveren.yml)
	@$(BIN)/python scripts/todo

# A new content file: asks for kind and title, or: make new KIND=evenement TITLE="..." [DATE=2024-06-19]
# (make passes command-line variables to the script in its environment, so any title is safe).
new: $(VENV)/.build-deps
	@$(BIN)/python scripts/new

# JSON Schemas for editors' tools, generated from the content models (a test keeps them current).
schemas: $(VENV)/.build-deps
	@$(BIN)/python scripts/schemas

# The web editor's Decap CMS bundle, copied from node_modules (the locked version) into the package,
# so make build needs no Node.js; run after upgrading decap-cms in package.json (scripts/vendor-decap).
decap: node_modules/.stamp
	$(PYTHON) scripts/vendor-decap

# One newsletter edition: make nieuwsbrief VAN=2024-06-01 TOT=2024-06-30 (writes nieuwsbrieven/<period>/;
# make passes VAN and TOT to the script in its environment). Sends no mail.
nieuwsbrief: $(VENV)/.build-deps
	@$(BIN)/python scripts/nieuwsbrief

published-ids: $(VENV)/.build-deps  ## record new feed guids and calendar UIDs (refuses to change published ones)
	$(BIN)/python scripts/record-published-ids

screenshots: $(VENV)/.test-deps  ## home, news item, event, FAQ and Agenda volgen at phone and desktop width, in screenshots/ (or OUT=dir)
	scripts/ensure-system-deps
	$(BIN)/python -m scripts.screenshots $(OUT)

# The editors' guide's picture of the problem page (docs-dev/voorbeeld-met-fouten.png), from the messages
# the validator gives today (committed; rerun after changing a message).
guide-images: $(VENV)/.test-deps
	scripts/ensure-system-deps
	$(BIN)/python -m scripts.guide_images

# The share image and favicon.ico from the wordmark and colours (committed; rerun after changing them).
brand-images: $(VENV)/.test-deps
	scripts/ensure-system-deps
	$(BIN)/python -m scripts.brand_images

# Not part of make test: builds a synthetic corpus (N = 1000 and 5000) three times each with this
# project and with plain mkdocs-material, then a warm build (one item changed) and the preview's
# save-to-visible at +700 and +5,000 items; prints the table, writes bench-out/. About 10 minutes.
# Then the site search on a throttled phone profile (bench/search.py, Chromium): a few minutes more.
bench: $(VENV)/.bench-deps $(VENV)/.test-deps  ## build-time benchmark against plain mkdocs-material, and search on a phone
	$(BIN)/python -m bench.run
	scripts/ensure-system-deps
	$(BIN)/python -m bench.search 1000 5000

# Two commits side by side: this checkout and REV, build by build in one run (bench/against.py):
# cold against plain Material, warm against cold, preview. N = 1,000: about 5 minutes.
bench-against: $(VENV)/.bench-deps $(VENV)/.test-deps  ## this checkout against another commit: make bench-against REV=<commit>
	@test -n "$(REV)" || { echo "Which revision? make bench-against REV=<commit>"; exit 2; }
	$(BIN)/python -m bench.against $(REV) $(ARGS)

clean:
	rm -rf site $(VENV) .pytest_cache node_modules
