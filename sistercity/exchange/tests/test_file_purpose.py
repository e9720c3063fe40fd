"""Application files open only for the people their purpose needs, at addresses nobody can
guess; a blind call hides the names files were uploaded with (issue 10, finding 1)."""

import uuid

import pytest
from django.urls import reverse

from sistercity.exchange import services
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application
from sistercity.exchange.tests.conftest import submitted
from sistercity.testing import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(call, dewi):
    """Dewi's application with her CV (a review document) and, once accepted, her passport."""
    application = submitted(call, dewi)
    # The name she uploaded it under identifies her, as the probe's cv_dewi.pdf did.
    application.files.filter(required_document__code="cv").update(original_name="cv_dewi.pdf")
    cv = application.files.get(required_document__code="cv")
    Application.objects.filter(pk=application.pk).update(status=Status.ACCEPTED)
    application.refresh_from_db()
    passport = services.application_upload(
        actor=dewi,
        application=application,
        file=pdf_upload("passport_dewi.pdf"),
        evidence="passport",
    )
    return application, cv, passport


def _status(client, user, stored):
    client.force_login(user)
    status = client.get(reverse("exchange:file", args=[stored.token])).status_code
    client.logout()
    return status


@pytest.mark.parametrize(
    "persona, cv, passport",
    [
        ("dewi", 200, 200),  # the applicant
        ("sari", 200, 200),  # the secretariat
        ("yamada", 200, 404),  # partner officer: runs the call, needs no passport
        ("rina", 200, 404),  # reviewer: scores documents, never sees a passport
        ("observer", 404, 404),  # ministry observer: no personal files at all
        ("budi", 404, 404),  # agency officer
        ("otto", 404, 404),  # outsider
    ],
)
def test_who_opens_which_file(demo, client, files, persona, cv, passport, otto):
    user = otto if persona == "otto" else demo.users[persona]
    _application, cv_file, passport_file = files
    assert (_status(client, user, cv_file), _status(client, user, passport_file)) == (
        cv,
        passport,
    )


def test_file_addresses_are_random_not_sequential(client, files, sari):
    _application, cv, passport = files
    url = reverse("exchange:file", args=[passport.token])
    assert uuid.UUID(url.rstrip("/").rsplit("/", 1)[-1]) == passport.token
    assert cv.token != passport.token
    client.force_login(sari)
    assert client.get(f"/id/application-files/{passport.pk}/").status_code == 404


def test_blind_call_hides_file_names_from_the_reviewer(call, client, files, rina):
    application, cv, _passport = files
    call.blind_review = True
    call.save()
    client.force_login(rina)
    page = client.get(reverse("exchange:review", args=[application.reference])).content.decode()
    assert reverse("exchange:file", args=[cv.token]) in page
    assert cv.original_name not in page
    download = client.get(reverse("exchange:file", args=[cv.token]))
    assert cv.original_name not in download["Content-Disposition"]
    assert f"cv-{application.short_reference}.pdf" in download["Content-Disposition"]


def test_open_call_shows_file_names_to_the_reviewer(call, client, files, rina):
    application, cv, _passport = files
    call.blind_review = False
    call.save()
    client.force_login(rina)
    page = client.get(reverse("exchange:review", args=[application.reference])).content.decode()
    assert cv.original_name in page


def test_readiness_page_lists_passports_only_for_those_who_may_open_them(
    client, files, sari, yamada
):
    application, _cv, passport = files
    url = reverse("exchange:readiness", args=[application.reference])
    client.force_login(sari)
    assert passport.original_name in client.get(url).content.decode()
    client.force_login(yamada)
    page = client.get(url).content.decode()
    assert passport.original_name not in page
    assert str(passport.token) not in page
