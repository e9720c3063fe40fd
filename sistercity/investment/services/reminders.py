"""Overdue next steps: each owner is reminded by e-mail once a day, as deadlines are."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sistercity.core.mail import send_templated_mail
from sistercity.investment import choices as c
from sistercity.investment.models import Lead


def overdue_filter(today: dt.date) -> Q:
    return Q(next_step_due__lt=today) & ~Q(stage__in=[c.Stage.DROPPED, c.Stage.OPERATING])


def next_step_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail every owner of an overdue next step (one e-mail per lead per day); idempotent:
    the day of the reminder is written with the sending, so a rerun sends nothing."""
    today = today or timezone.localdate()
    sent = 0
    leads = (
        Lead.objects.filter(overdue_filter(today))
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .select_related("owner", "partnership")
    )
    for lead in leads:
        with transaction.atomic():
            updated = (
                Lead.objects.filter(pk=lead.pk)
                .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
                .update(reminded_on=today)
            )
            if not updated:
                continue  # another worker reminded first
            send_templated_mail(
                to_user=lead.owner,
                template="investment/email/next_step_overdue",
                context={
                    "lead": lead,
                    "partnership": lead.partnership,
                    "days_late": (today - (lead.next_step_due or today)).days,
                    "site_url": settings.SITE_URL,
                },
            )
            sent += 1
    return sent
