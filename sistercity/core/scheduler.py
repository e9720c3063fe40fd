"""The scheduler's tick: enqueue every registered periodic job once per period, however many
machines run ``run_scheduler``.

Time is cut into periods of REMINDER_CHECK_SECONDS counted from the epoch, so every machine
agrees on which period it is in; the first scheduler to insert the period's row enqueues, the
others see the unique constraint refuse theirs and do nothing.
"""

import datetime as dt
import os
import socket

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from sistercity.core.models import SchedulerTick
from sistercity.core.registry import registry

# Claims older than this are deleted as new ones are made; they serve no purpose after the
# period has passed except to show when the scheduler last ran.
KEEP_TICKS = dt.timedelta(days=30)


def period_start(now: dt.datetime, seconds: int) -> dt.datetime:
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def next_period_in(now: dt.datetime, seconds: int) -> float:
    """Seconds from ``now`` until the next period begins."""
    return seconds - now.timestamp() % seconds


def tick(now: dt.datetime | None = None, claimed_by: str | None = None) -> bool:
    """Enqueue the periodic jobs if this period is not claimed yet; True if this call did."""
    now = now or timezone.now()
    start = period_start(now, settings.REMINDER_CHECK_SECONDS)
    claimed_by = claimed_by or f"{socket.gethostname()}:{os.getpid()}"
    try:
        with transaction.atomic():
            SchedulerTick.objects.create(period_start=start, claimed_by=claimed_by)
    except IntegrityError:
        return False
    SchedulerTick.objects.filter(period_start__lt=start - KEEP_TICKS).delete()
    for job in registry.scheduled_jobs():
        job.enqueue()
    return True
