"""Bad input: markup in text, missing CSRF tokens; and the production configuration check."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from sistercity.partnerships.models import Partnership
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

SCRIPTS = [
    "<script>alert('x')</script>",
    "富山市との協議<script>document.cookie</script>",
    "Rapat penjajakan <img src=x onerror=alert(1)>",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("text", SCRIPTS)
def test_script_in_a_text_field_is_refused_and_nothing_changes(partnership, sari, client, text):
    client.force_login(sari)
    before = db_snapshot()
    response = client.post(
        reverse("partnerships:advance", args=[partnership.slug]).replace("/id/", "/en/"),
        {"track": "id-ksdpl", "note": text},
        follow=True,
    )
    assert "must not contain HTML or script" in response.content.decode()
    assert db_snapshot() == before


@pytest.mark.parametrize("text", SCRIPTS[:2])
def test_script_in_the_api_is_refused(partnership, sari, client, text):
    client.force_login(sari)
    before = db_snapshot()
    response = client.post(
        reverse("api:partnership-send-back", args=[partnership.slug]),
        {"track": "id-ksdpl", "to_stage": "mapping", "reason": text},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert "HTML" in str(response.json()["reason"])
    assert db_snapshot() == before


def test_plain_japanese_and_indonesian_text_is_fine(partnership, sari):
    from sistercity.partnerships import services

    transition = services.track_advance(
        actor=sari,
        partnership=partnership,
        track="id-ksdpl",
        note="富山市と協議しました。Rapat 3 > 2 & sepakat.",
    )
    assert transition.note.startswith("富山市")


def test_post_without_csrf_token_is_refused(partnership, sari):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)
    before = db_snapshot()
    response = client.post(
        reverse("partnerships:advance", args=[partnership.slug]), {"track": "id-ksdpl"}
    )
    assert response.status_code == 403
    api = client.post(
        reverse("api:partnership-advance", args=[partnership.slug]),
        {"track": "id-ksdpl"},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert db_snapshot() == before
    assert (
        Partnership.objects.get(pk=partnership.pk)
        .tracks.get(track__code="id-ksdpl")
        .current_stage.code
        == "exploration"
    )


def test_check_deploy_is_silent_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a-long-production-secret-key-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "sistercity.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "0"}
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check"],
        cwd=settings.PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_services_refuse_markup_in_translated_content(partnership, sari):
    """parler's full_clean skips translated fields; services validate them too."""
    from sistercity.core.errors import SisterCityError
    from sistercity.partnerships import services

    before = db_snapshot()
    with pytest.raises(SisterCityError):
        services.content_translate(
            actor=sari,
            obj=partnership,
            partnership=partnership,
            language="ja",
            status="reviewed",
            name="<script>alert(1)</script>",
        )
    assert db_snapshot() == before
