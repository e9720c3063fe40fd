"""Reminders before permits expire: a P-IRT six months ahead (when renewal opens), others 60
days; once each, by e-mail in the recipient's language."""

import datetime as dt

import pytest
from django.core import mail

from sistercity.core.registry import registry
from sistercity.trade.models import Permit
from sistercity.trade.services.reminders import permits_remind_due, reminder_date
from sistercity.trade.tasks import remind_expiring_permits

pytestmark = pytest.mark.django_db


def test_pirt_reminder_opens_six_months_before_expiry(partnership):
    pirt = Permit.objects.get(number="206332501012325")
    assert pirt.expires_on == dt.date(2027, 3, 1)
    assert reminder_date(pirt) == dt.date(2026, 9, 1)
    halal = Permit.objects.get(kind="halal")
    assert reminder_date(halal) == halal.expires_on - dt.timedelta(days=60)


def test_due_reminders_are_sent_once_to_the_msme_office(partnership, wulan):
    assert permits_remind_due(today=dt.date(2026, 8, 31)) == 0
    assert permits_remind_due(today=dt.date(2026, 9, 1)) == 1
    assert [m.to for m in mail.outbox] == [[wulan.email]]
    assert "P-IRT" in mail.outbox[0].subject and "2027" in mail.outbox[0].body
    assert permits_remind_due(today=dt.date(2026, 9, 2)) == 0  # not twice
    # An expired permit gets no reminder.
    assert not Permit.objects.filter(expires_on__lt=dt.date(2026, 9, 2), reminded_on__isnull=False)


def test_the_scheduler_runs_the_reminders():
    assert remind_expiring_permits in registry.scheduled_jobs()
