"""Several machines may run the scheduler: each period's jobs are enqueued once, by whichever
scheduler claims the period first; the next period is claimed afresh."""

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core.management import call_command

from sistercity.core import scheduler
from sistercity.core.models import SchedulerTick
from sistercity.core.registry import registry
from sistercity.testing import RQ_BACKEND

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 12, 2, 12, 0, 5, tzinfo=dt.UTC)


def _queued() -> int:
    """How many tasks wait in the configured backend's queue."""
    if settings.TASKS["default"]["BACKEND"] == RQ_BACKEND:
        import django_rq

        return django_rq.get_queue("default").count
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="READY").count()


def test_two_schedulers_ticking_in_the_same_period_enqueue_once(settings):
    settings.REMINDER_CHECK_SECONDS = 3600
    jobs = len(registry.scheduled_jobs())
    assert jobs >= 3

    assert scheduler.tick(NOON, claimed_by="web-1") is True
    assert scheduler.tick(NOON + dt.timedelta(minutes=40), claimed_by="web-2") is False
    assert _queued() == jobs
    assert SchedulerTick.objects.get().claimed_by == "web-1"

    # The next hour is a new period: one of them claims it, once.
    assert scheduler.tick(NOON + dt.timedelta(hours=1), claimed_by="web-2") is True
    assert scheduler.tick(NOON + dt.timedelta(hours=1, minutes=1), claimed_by="web-1") is False
    assert _queued() == 2 * jobs


def test_periods_are_the_same_on_every_machine():
    start = scheduler.period_start(NOON, 3600)
    assert start == dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    assert scheduler.next_period_in(NOON, 3600) == pytest.approx(3595)


def test_old_claims_are_cleared(settings):
    settings.REMINDER_CHECK_SECONDS = 3600
    SchedulerTick.objects.create(period_start=NOON - dt.timedelta(days=40), claimed_by="old")
    scheduler.tick(NOON, claimed_by="web-1")
    assert list(SchedulerTick.objects.values_list("claimed_by", flat=True)) == ["web-1"]


def test_the_command_says_when_another_scheduler_had_the_period():
    first, second = io.StringIO(), io.StringIO()
    call_command("run_scheduler", once=True, stdout=first)
    call_command("run_scheduler", once=True, stdout=second)
    assert "Enqueued" in first.getvalue()
    assert "already" in second.getvalue()
    assert _queued() == len(registry.scheduled_jobs())
