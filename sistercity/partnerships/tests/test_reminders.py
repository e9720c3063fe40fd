"""Deadline reminders: sent through the task worker at each offset, never twice, none lost."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sistercity.partnerships import services
from sistercity.partnerships.models import Deadline, ReminderSent
from sistercity.partnerships.tasks import send_due_reminders
from sistercity.testing import run_queued_tasks

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def renewal(partnership, sari):
    return services.deadline_create(
        actor=sari,
        partnership=partnership,
        kind="renewal",
        due_on=TODAY + dt.timedelta(days=90),
        note="Renewal decision",
    )


def test_reminder_goes_to_both_sides_in_their_language(renewal):
    sent = services.reminders_send_due(today=TODAY)
    assert sent == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"sari@batang.example", "yamada@toyama.example"}
    assert "90" in by_recipient["sari@batang.example"].subject
    assert "富山市" in by_recipient["yamada@toyama.example"].body
    assert "Kota Toyama" not in by_recipient["yamada@toyama.example"].body


def test_never_twice_for_the_same_offset(renewal):
    services.reminders_send_due(today=TODAY)
    services.reminders_send_due(today=TODAY)
    services.reminders_send_due(today=TODAY + dt.timedelta(days=1))
    assert len(mail.outbox) == 2
    # 180 days before had already passed when the deadline was set: covered by the same e-mail.
    assert sorted(ReminderSent.objects.values_list("offset_days", flat=True)) == [90, 180]


def test_offsets_follow_each_other(renewal):
    for day in (0, 30, 60):  # 90, 60 and 30 days before
        services.reminders_send_due(today=TODAY + dt.timedelta(days=day))
    assert sorted(ReminderSent.objects.values_list("offset_days", flat=True)) == [30, 90, 180]
    assert len(mail.outbox) == 4


def test_nothing_is_lost_when_the_worker_was_down(partnership, sari):
    """The 180- and 90-day dates passed unseen: one catch-up reminder covers both."""
    deadline = services.deadline_create(
        actor=sari,
        partnership=partnership,
        kind="term_end",
        due_on=TODAY + dt.timedelta(days=40),
    )
    services.reminders_send_due(today=TODAY)
    assert sorted(deadline.reminders.values_list("offset_days", flat=True)) == [90, 180]
    assert len(mail.outbox) == 2 and "40" in mail.outbox[0].subject


def test_done_and_past_deadlines_send_nothing(partnership, sari, renewal):
    services.deadline_complete(actor=sari, deadline=renewal)
    Deadline.objects.create(partnership=partnership, kind="report", due_on=TODAY - dt.timedelta(1))
    assert services.reminders_send_due(today=TODAY) == 0
    assert mail.outbox == []


# The worker closes its database connection after each task, as in production; so this test
# commits for real instead of running inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_the_background_worker_sends_them(partnership, sari):
    services.deadline_create(
        actor=sari,
        partnership=partnership,
        kind="renewal",
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    send_due_reminders.enqueue()
    assert mail.outbox == []  # nothing happens until the worker runs
    run_queued_tasks()
    assert len(mail.outbox) == 2
    call_command("run_scheduler", once=True)
    run_queued_tasks()
    # The tick runs every sector's jobs (an investment follow-up goes to its own officer);
    # the deadline's two reminders are not sent again.
    sides = {"sari@batang.example", "yamada@toyama.example"}
    assert len([m for m in mail.outbox if m.to[0] in sides]) == 2
