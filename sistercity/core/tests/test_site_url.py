"""E-mail links point at the site being served: ``make run PORT=…`` hands its address to the
server, the worker and the scheduler, and without SITE_URL the settings build it from PORT."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def settings_site_url(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT")} | env
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    environment["DJANGO_SETTINGS_MODULE"] = "sistercity.config.settings"
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_without_site_url_links_follow_the_port():
    assert settings_site_url(PORT="8123") == "http://127.0.0.1:8123"
    assert settings_site_url() == "http://127.0.0.1:8000"
    assert settings_site_url(PORT="8123", SITE_URL="https://sc.example.org/") == (
        "https://sc.example.org"
    )


def test_make_run_gives_every_process_the_address_it_serves():
    # The project's own Makefile, as a dry run (-n: commands printed, nothing executed).
    dry_run = ["make", "-n", "run", "PORT=8123"]
    commands = subprocess.run(  # noqa: S603
        dry_run,  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert 'export SITE_URL="http://127.0.0.1:8123"' in commands
    assert "runserver 127.0.0.1:8123" in commands
    assert commands.index("export SITE_URL") < commands.index("db_worker")  # the worker mails
