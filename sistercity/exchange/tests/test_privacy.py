"""Applicants' personal data (issue 10, finding 11; UU 27/2022 and APPI): the ministry observer
reads figures, not people; every opening of a file is logged; personal data is erased after
the retention period, the counts kept."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sistercity.exchange import selectors, services
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application, ApplicationFile, FileAccess, StatusChange
from sistercity.exchange.tests.conftest import submitted
from sistercity.testing import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(call, dewi):
    return submitted(call, dewi, phone="+62 812 0000 1111")


@pytest.fixture
def passport(application, dewi):
    Application.objects.filter(pk=application.pk).update(status=Status.ACCEPTED)
    application.refresh_from_db()
    return services.application_upload(
        actor=dewi, application=application, file=pdf_upload("passport_dewi.pdf"),
        evidence="passport",
    )  # fmt: skip


# --------------------------------------------------------------------------------------
# The observer: figures, not people
# --------------------------------------------------------------------------------------


def test_the_observer_sees_the_calls_figures_but_no_applicant(client, call, application, observer):
    client.force_login(observer)
    page = client.get(reverse("exchange:call", args=[call.slug])).content.decode()
    assert 'id="call-figures"' in page
    assert str(Status.SUBMITTED.label) in page
    assert application.applicant.full_name not in page
    for name in ("manage_call", "participants", "allocation"):
        assert client.get(reverse(f"exchange:{name}", args=[call.slug])).status_code == 404
    for fmt in ("csv", "xlsx"):
        url = reverse("exchange:export_applications", args=[call.slug, fmt])
        assert client.get(url).status_code == 404


def test_the_observer_gets_no_application_through_the_api(client, call, application, observer):
    client.force_login(observer)
    listing = client.get(reverse("api:exchange-application-list"), {"call": call.slug}).json()
    assert listing["results"] == []
    detail = reverse("api:exchange-application-detail", args=[application.reference])
    assert client.get(detail).status_code == 404
    assert client.get(reverse("api:exchange-call-ranking", args=[call.slug])).status_code == 404
    readiness = reverse("exchange:readiness", args=[application.reference])
    assert client.get(readiness).status_code == 404


def test_the_secretariat_still_reads_the_applicants_personal_data(client, call, application, sari):
    client.force_login(sari)
    detail = reverse("api:exchange-application-detail", args=[application.reference])
    data = client.get(detail).json()
    assert data["phone"] == "+62 812 0000 1111"
    assert data["date_of_birth"] == "2003-05-17"
    export = client.get(reverse("exchange:export_applications", args=[call.slug, "csv"]))
    assert export.status_code == 200 and application.applicant.full_name in export.content.decode()
    page = client.get(reverse("exchange:call", args=[call.slug])).content.decode()
    assert 'id="call-figures"' in page


def test_the_public_sees_no_figures(client, call, application):
    page = client.get(reverse("exchange:call", args=[call.slug])).content.decode()
    assert 'id="call-figures"' not in page


# --------------------------------------------------------------------------------------
# The access log of personal files
# --------------------------------------------------------------------------------------


def test_every_download_of_a_personal_file_is_logged(client, application, passport, sari, dewi):
    cv = application.files.get(required_document__code="cv")
    client.force_login(sari)
    assert client.get(reverse("exchange:file", args=[passport.token])).status_code == 200
    assert client.get(reverse("exchange:file", args=[cv.token])).status_code == 200
    rows = list(FileAccess.objects.order_by("pk").values_list("user", "file", "document"))
    assert rows == [(sari.pk, passport.pk, "passport"), (sari.pk, cv.pk, "cv")]
    # Part of the change log too (who and what, not the file's name).
    entries = LogEntry.objects.get_for_model(FileAccess)
    assert entries.count() == 2
    assert all("passport_dewi" not in (e.object_repr + str(e.changes)) for e in entries)


def test_a_refused_download_is_not_logged(client, passport, observer, rina):
    for user in (observer, rina):
        client.force_login(user)
        assert client.get(reverse("exchange:file", args=[passport.token])).status_code == 404
    assert not FileAccess.objects.exists()


def test_the_secretariat_reads_the_log_and_others_do_not(
    client, call, passport, sari, yamada, observer, otto
):
    client.force_login(sari)
    client.get(reverse("exchange:file", args=[passport.token]))
    url = reverse("exchange:file_access", args=[call.slug])
    page = client.get(url).content.decode()
    assert 'id="file-access-log"' in page and sari.full_name in page and "passport" in page
    for user in (yamada, observer, otto):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_the_applicant_sees_who_opened_her_files(client, application, passport, sari, dewi):
    client.force_login(sari)
    client.get(reverse("exchange:file", args=[passport.token]))
    client.force_login(dewi)
    page = client.get(reverse("exchange:application", args=[application.reference]))
    html = page.content.decode()
    assert 'id="file-accesses"' in html
    assert "passport" in html and sari.full_name not in html
    assert list(selectors.file_access_log(user=dewi)) == list(FileAccess.objects.all())


# --------------------------------------------------------------------------------------
# Retention
# --------------------------------------------------------------------------------------


def _settle(application, status, days_ago):
    """The application ended (``status``) ``days_ago`` days ago and its call closed before."""
    when = timezone.now() - dt.timedelta(days=days_ago)
    Application.objects.filter(pk=application.pk).update(status=status)
    StatusChange.objects.create(
        application=application, from_status=Status.SUBMITTED, to_status=status
    )
    StatusChange.objects.filter(application=application).update(created_at=when)
    type(application.call).objects.filter(pk=application.call_id).update(
        closes_at=when - dt.timedelta(days=1), opens_at=when - dt.timedelta(days=30)
    )


def test_settled_applications_are_erased_after_the_retention_period_and_counts_stay(
    settings, call, application, passport, sari, client, django_capture_on_commit_callbacks
):
    settings.EXCHANGE_APPLICATION_RETENTION_DAYS = 100
    client.force_login(sari)
    client.get(reverse("exchange:file", args=[passport.token]))
    names = list(ApplicationFile.objects.values_list("file", flat=True))
    assert all(default_storage.exists(n) for n in names)
    _settle(application, Status.COMPLETED, days_ago=99)
    counts = selectors.exchange_counts(partnership=call.partnership)
    assert services.applications_erase_due() == 0  # not yet
    _settle(application, Status.COMPLETED, days_ago=101)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows have
        assert services.applications_erase_due() == 1
    application.refresh_from_db()
    assert application.erased_at is not None
    assert (application.phone, application.motivation, application.institution) == ("", "", "")
    assert application.date_of_birth is None and application.answers == {}
    assert application.status == Status.COMPLETED
    assert not ApplicationFile.objects.filter(application=application).exists()
    assert not any(default_storage.exists(n) for n in names)
    # The access log stays, pointing at an erased file.
    assert FileAccess.objects.get().file is None
    assert selectors.exchange_counts(partnership=call.partnership) == counts
    assert services.applications_erase_due() == 0  # idempotent


def test_applications_still_in_progress_are_kept(settings, call, application):
    settings.EXCHANGE_APPLICATION_RETENTION_DAYS = 1
    _settle(application, Status.PRE_DEPARTURE, days_ago=400)
    assert services.applications_erase_due() == 0
    application.refresh_from_db()
    assert application.erased_at is None and application.phone


def test_the_command_runs_every_apps_retention_rule(settings, call, application, capsys):
    settings.EXCHANGE_APPLICATION_RETENTION_DAYS = 10
    _settle(application, Status.REJECTED, days_ago=11)
    call_command("erase_expired_personal_data")
    out = capsys.readouterr().out
    assert "exchange: 1 erased" in out and "culture: 0 erased" in out
    application.refresh_from_db()
    assert application.erased_at is not None


def test_the_scheduler_runs_the_erasure(settings):
    from sistercity.core.registry import registry
    from sistercity.exchange.tasks import erase_expired_personal_data

    assert erase_expired_personal_data in registry.scheduled_jobs()


def test_the_history_tab_does_not_name_applicants(client, call, application, observer, sari):
    """Dewi's own writes (her draft, her submission) are in the change log; the History tab,
    which observers read, shows them as an applicant's, and offers only staff as a filter."""
    url = reverse("partnerships:history", args=[call.partnership.slug])
    name = application.applicant.full_name
    for user in (observer, sari):
        client.force_login(user)
        page = client.get(url, {"days": 3650}).content.decode()
        assert name not in page and application.applicant.email not in page
    assert "an applicant or member of the public" in client.get("/en" + url[3:]).content.decode()
