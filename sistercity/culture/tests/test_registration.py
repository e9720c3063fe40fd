"""Public registration: places, the waitlist moving up, e-mails in the registrant's language,
the cancel link, spam protection and the erasure of personal data."""

import datetime as dt

import pytest
from django.core import mail
from django.http import Http404
from django.utils import timezone

from sistercity.core.errors import SisterCityError
from sistercity.culture import services
from sistercity.culture.models import Registration
from sistercity.culture.tests.conftest import register
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_last_place_is_confirmed_then_the_next_visitor_waits(batik):
    first = register(batik, "tanaka@example.jp", language="ja", name="田中 一郎")
    second = register(batik, "wati@example.org", language="id", name="Wati")
    assert first.status == "confirmed" and second.status == "waitlisted"
    assert services.confirmed_people(batik) == 4  # never over capacity
    assert len(mail.outbox) == 2
    confirmation, waitlist = mail.outbox
    assert confirmation.to == ["tanaka@example.jp"]
    assert "確定" in confirmation.subject
    assert f"/ja/culture/registrations/{first.token}/" in confirmation.body
    assert "JST" in confirmation.body and "WIB" in confirmation.body
    assert waitlist.to == ["wati@example.org"]
    assert "daftar tunggu" in waitlist.subject.lower()


def test_a_group_larger_than_the_free_places_goes_to_the_waitlist(batik):
    registration = register(batik, "group@example.org", people=2)
    assert registration.status == "waitlisted"
    assert services.confirmed_people(batik) == 3


def test_cancelling_moves_the_first_waitlisted_up_and_tells_them(glass):
    waiting = glass.registrations.get(status="waitlisted")
    confirmed = glass.registrations.filter(status="confirmed").first()
    later = register(glass, "later@example.org", language="en")
    mail.outbox.clear()
    services.registration_cancel(token=confirmed.token)
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == "confirmed" and later.status == "waitlisted"
    assert {m.to[0] for m in mail.outbox} == {confirmed.email, waiting.email}
    promoted = next(m for m in mail.outbox if m.to == [waiting.email])
    assert "kini terkonfirmasi" in promoted.body  # Rahmat registered in Indonesian


def test_cancelling_twice_is_refused(glass):
    confirmed = glass.registrations.filter(status="confirmed").first()
    services.registration_cancel(token=confirmed.token)
    with pytest.raises(SisterCityError) as error:
        services.registration_cancel(token=confirmed.token)
    assert error.value.code == "cancelled"


def test_an_unknown_cancel_token_is_404(demo):
    with pytest.raises(Http404):
        services.registration_cancel(token="not-a-token")


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        ({"email": "siti@example.org"}, "duplicate", "already registered"),
        ({"email": "SITI@example.org"}, "duplicate", "already registered"),
        ({"email": "not-an-address"}, "invalid", "e-mail address"),
        ({"people": 0}, "people", "between 1 and 20"),
        ({"people": 21}, "people", "between 1 and 20"),
        ({"name": "  "}, "name", "your name"),
        ({"name": "<script>x</script>"}, "invalid", "check your name"),
        ({"language": "fr"}, "language", "languages offered"),
        ({"honeypot": "http://spam.example"}, "spam", "could not be accepted"),
    ],
)
def test_bad_registrations_are_refused_and_nothing_is_saved(batik, overrides, code, message):
    before = db_snapshot("culture")
    values = {"email": "new@example.org", "people": 1, "name": "Tamu", "language": "id"}
    values.update(overrides)
    email = values.pop("email")
    with pytest.raises(SisterCityError) as error:
        register(batik, email, **values)
    assert error.value.code == code
    assert message in str(error.value)
    assert db_snapshot("culture") == before
    assert mail.outbox == []


def test_refusals_are_translated(batik):
    from django.utils import translation

    with translation.override("ja"):
        with pytest.raises(SisterCityError) as error:
            register(batik, "siti@example.org")
        assert "既に" in str(error.value)  # the message is lazy: read in the reader's language


def test_the_rate_limit_stops_a_flood_from_one_connection(batik, settings):
    settings.CULTURE_REGISTRATION_RATE_LIMIT = 2
    register(batik, "a@example.org", client="203.0.113.9")
    register(batik, "b@example.org", client="203.0.113.9")
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        register(batik, "c@example.org", client="203.0.113.9")
    assert error.value.code == "rate_limited"
    assert db_snapshot("culture") == before
    # Another connection is not held back.
    assert register(batik, "d@example.org", client="198.51.100.7").pk


def test_a_cancelled_event_takes_no_registration(cancelled_visit):
    with pytest.raises(SisterCityError) as error:
        register(cancelled_visit, "x@example.org")
    assert error.value.code == "event_cancelled"


def test_a_past_event_takes_no_registration(demo):
    from sistercity.culture.models import Event

    past = Event.objects.get(slug="festival-pantai-sigandu")
    with pytest.raises(SisterCityError) as error:
        register(past, "x@example.org")
    assert error.value.code == "started"


def test_an_event_of_a_private_partnership_is_404(batik):
    batik.partnership.is_public = False
    batik.partnership.save()
    with pytest.raises(Http404):
        register(batik, "x@example.org")


def test_personal_data_is_erased_after_the_retention_time_and_counts_stay(batik, settings):
    settings.CULTURE_REGISTRATION_RETENTION_DAYS = 10
    taken = services.confirmed_people(batik)
    rows = batik.registrations.count()
    # Not yet: the event has not even taken place.
    assert services.registrations_erase_due() == 0
    later = batik.ends_at + dt.timedelta(days=11)
    assert services.registrations_erase_due(now=later) == rows
    assert not Registration.objects.filter(event=batik).exclude(full_name="").exists()
    assert not Registration.objects.filter(event=batik).exclude(email="").exists()
    assert services.confirmed_people(batik) == taken
    assert services.registrations_erase_due(now=later) == 0  # idempotent


def test_the_erasure_job_is_registered_with_the_scheduler():
    from sistercity.core.registry import registry
    from sistercity.culture.tasks import erase_registrant_data

    assert erase_registrant_data in registry.scheduled_jobs()


def test_the_erasure_job_runs_the_service(batik, settings):
    from sistercity.culture.tasks import erase_registrant_data

    settings.CULTURE_REGISTRATION_RETENTION_DAYS = 0
    batik.starts_at = timezone.now() - dt.timedelta(days=2)
    batik.ends_at = timezone.now() - dt.timedelta(days=1)
    batik.save()
    assert erase_registrant_data.call() == 2
    assert not Registration.objects.filter(event=batik).exclude(full_name="").exists()


def test_the_change_log_keeps_no_name_or_address(batik):
    from auditlog.models import LogEntry

    registration = register(batik, "private@example.org", name="Nama Rahasia")
    services.registration_cancel(token=registration.token)
    entries = LogEntry.objects.filter(
        object_pk=str(registration.pk), content_type__model="registration"
    )
    assert entries.count() >= 2
    text = " ".join(f"{e.object_repr} {e.changes}" for e in entries)
    assert "Rahasia" not in text and "private@example.org" not in text
