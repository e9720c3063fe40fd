# The two commands a person needs are `make run` and `make test`; both start with `make setup`,
# which is idempotent (it only does work when something changed).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in e-mails point at the site being served; set SITE_URL for a public address.
SITE_URL ?= http://127.0.0.1:$(PORT)
# System packages: gettext (catalogues) and Pango (PDFs) for everything, Chromium for the tests.
SYSTEM_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := chromium

.PHONY: setup system-packages run test lint check-migrations messages compilemessages clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

system-packages:
	@sh scripts/system-packages.sh $(SYSTEM_PACKAGES)

setup: system-packages $(VENV)/.installed
	mkdir -p var/mail var/media var/static
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0
	$(BIN)/python manage.py migrate --no-input --verbosity 0

# Serves the site, the background worker and the reminder scheduler; Ctrl-C stops all three.
run: setup
	$(BIN)/python manage.py load_demo
	@echo "Mail sent by the demo is written to var/mail/ (one file per message)."
	@echo "Serving $(SITE_URL) (links in e-mails point there)."
	@trap 'kill 0' INT TERM EXIT; export SITE_URL="$(SITE_URL)"; \
	$(BIN)/python manage.py db_worker --verbosity 0 & \
	$(BIN)/python manage.py run_scheduler & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy sistercity

check-migrations: setup
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 1

test: setup lint check-migrations
	@sh scripts/system-packages.sh $(TEST_PACKAGES)
	$(BIN)/pytest

# Refresh the id and ja catalogues after changing user-facing strings.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l id -l ja --ignore=.venv --ignore=var --no-obsolete

clean:
	rm -rf $(VENV) var db.sqlite3
