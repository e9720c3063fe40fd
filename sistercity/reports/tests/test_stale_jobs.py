"""A job whose worker was killed does not stay "running" for ever: it is marked failed with a
message and can be tried again (issue 10, finding 9)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sistercity.core.errors import SisterCityError
from sistercity.reports import services
from sistercity.reports.models import Job, JobKind, JobStatus

pytestmark = pytest.mark.django_db


def _running(partnership, user, started_minutes_ago):
    return Job.objects.create(
        kind=JobKind.ME_REPORT,
        partnership=partnership,
        requested_by=user,
        language="en",
        params={"format": "pdf", "year": 2026},
        status=JobStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(minutes=started_minutes_ago),
    )


def test_a_long_running_job_is_marked_failed_and_a_recent_one_is_not(partnership, sari):
    stale = _running(partnership, sari, 120)
    recent = _running(partnership, sari, 1)
    assert services.jobs_fail_stale() == 1
    stale.refresh_from_db()
    recent.refresh_from_db()
    assert stale.status == JobStatus.FAILED and "Try again" in stale.message
    assert stale.finished_at is not None
    assert recent.status == JobStatus.RUNNING


def test_the_job_page_stops_polling_a_dead_job(client, partnership, sari):
    stale = _running(partnership, sari, 120)
    client.force_login(sari)
    page = client.get(reverse("reports:job", args=[stale.pk])).content.decode()
    stale.refresh_from_db()
    assert stale.status == JobStatus.FAILED
    assert "Try again" in page or stale.message in page


def test_a_failed_job_can_be_tried_again_by_who_asked(partnership, sari, yamada):
    stale = _running(partnership, sari, 120)
    services.jobs_fail_stale()
    stale.refresh_from_db()
    with pytest.raises(SisterCityError):
        services.job_retry(actor=yamada, job=stale)
    again = services.job_retry(actor=sari, job=stale)
    assert again.pk != stale.pk and again.status == JobStatus.QUEUED
    assert again.params == stale.params and again.kind == stale.kind
    with pytest.raises(SisterCityError) as refused:
        services.job_retry(actor=sari, job=again)
    assert refused.value.code == "not_failed"
