"""An applicant deletes her account (UU 27/2022 and APPI: the right to erasure): her personal
data goes in every app, her log-in ends, and what legal retention keeps — the decisions, the
counts, the change log and the access log, nameless — stays, as the page explains."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from sistercity.accounts import tokens
from sistercity.accounts.models import ApiToken, User
from sistercity.culture.models import Event, Registration
from sistercity.culture.services.registrations import registration_submit
from sistercity.exchange import selectors
from sistercity.exchange.demo import CALL_SLUG
from sistercity.exchange.models import Application, ApplicationFile, Call
from sistercity.exchange.tests.conftest import submitted
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

PASSWORD = "sistercity-demo"  # noqa: S105 (the demo's)
URL = reverse("accounts:delete_account")
APPS = ("accounts", "exchange", "culture", "auditlog")


@pytest.fixture
def dewi_with_data(demo):
    dewi = demo.users["dewi"]
    call = Call.objects.get(slug=CALL_SLUG)
    submitted(call, dewi, phone="+62 812 0000 1111")
    tokens.api_token_issue(actor=dewi, name="my script")
    registration_submit(
        event=Event.objects.get(slug="lokakarya-batik-rifaiyah"),
        full_name="Dewi Lestari",
        email=dewi.email,
        people=2,
        language="id",
    )
    return dewi


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_the_page_says_what_goes_and_what_stays(client, dewi_with_data, language):
    client.force_login(dewi_with_data)
    with translation.override(language):
        page = client.get(reverse("accounts:delete_account"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-test="what-goes"' in html and 'data-test="what-stays"' in html
    assert 'id="delete-account-form"' in html and "UU 27/2022" in html
    link = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-test="delete-account-link"' in link


def test_a_wrong_password_deletes_nothing(client, dewi_with_data):
    client.force_login(dewi_with_data)
    before = db_snapshot(*APPS)
    email = dewi_with_data.email
    response = client.post(URL, {"password": "not-it"})
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("id"):
        from django.utils.translation import gettext

        assert gettext("That is not your password; nothing was deleted.") in html
    assert db_snapshot(*APPS) == before
    dewi_with_data.refresh_from_db()
    assert dewi_with_data.is_active and dewi_with_data.email == email
    assert Application.objects.get(applicant=dewi_with_data).phone


def test_deleting_the_account_erases_the_person_and_keeps_the_record(
    client, dewi_with_data, django_capture_on_commit_callbacks
):
    dewi = dewi_with_data
    email, name = dewi.email, dewi.full_name
    application = Application.objects.get(applicant=dewi)
    counts = selectors.exchange_counts(partnership=application.call.partnership)
    registration = Registration.objects.get(email=email)
    client.force_login(dewi)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 302

    dewi.refresh_from_db()
    assert not dewi.is_active and not dewi.has_usable_password()
    assert dewi.email != email and dewi.full_name == ""
    assert not ApiToken.objects.filter(user=dewi).exists()
    # The session is over, and the old address and password open nothing.
    assert client.get(reverse("accounts:profile")).status_code == 302
    client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
    assert client.get(reverse("accounts:profile")).status_code == 302

    application.refresh_from_db()
    assert application.erased_at is not None and application.phone == ""
    assert application.status == "submitted"  # the decision record stays, nameless
    assert not ApplicationFile.objects.filter(application=application).exists()
    assert selectors.exchange_counts(partnership=application.call.partnership) == counts
    registration.refresh_from_db()
    assert (registration.full_name, registration.email, registration.people) == ("", "", 2)
    assert registration.erased_at is not None

    # The change log keeps its entries about the account, without her name or address.
    entries = LogEntry.objects.get_for_object(dewi)
    assert entries.exists()
    for entry in entries:
        text = f"{entry.object_repr} {entry.changes} {entry.serialized_data}"
        assert email not in text and name not in text


def test_a_member_of_an_organisation_is_sent_to_an_administrator(client, sari):
    client.force_login(sari)
    page = client.get(URL).content.decode()
    assert 'data-test="member-account"' in page and 'id="delete-account-form"' not in page
    before = db_snapshot(*APPS)
    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 400
    assert db_snapshot(*APPS) == before
    assert User.objects.get(pk=sari.pk).is_active
