"""Reminders before a permit or certificate expires, to the enterprise's owner and the pillar's
agency officers, in each one's language. A P-IRT can be renewed from six months before its
expiry, so its reminder comes then; other permits get theirs 60 days before."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from sistercity.accounts.models import User
from sistercity.core.mail import send_templated_mail
from sistercity.trade.choices import PermitKind
from sistercity.trade.models import PILLAR, Permit

PIRT_RENEWAL_MONTHS = 6
OTHER_NOTICE_DAYS = 60


def reminder_date(permit: Permit) -> dt.date | None:
    """The day the permit's reminder is due (None: it does not expire)."""
    if permit.expires_on is None:
        return None
    if permit.kind == PermitKind.PIRT:
        month = permit.expires_on.month - PIRT_RENEWAL_MONTHS
        year = permit.expires_on.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return dt.date(year, month, min(permit.expires_on.day, 28))
    return permit.expires_on - dt.timedelta(days=OTHER_NOTICE_DAYS)


def _recipients(permit: Permit) -> list[Any]:
    enterprise = permit.enterprise
    officers = User.objects.filter(
        memberships__role="agency_officer",
        memberships__pillars__code=PILLAR,
        memberships__organisation__parent__partnerships=enterprise.partnership_id,
    )
    people = [enterprise.owner_user] if enterprise.owner_user else []
    people += [u for u in officers.distinct() if u not in people]
    return [p for p in people if p.email]


def permits_remind_due(*, today: dt.date | None = None) -> int:
    """Send each due reminder once (``reminded_on``); returns how many permits were reminded."""
    today = today or timezone.localdate()
    sent = 0
    due = Permit.objects.filter(
        expires_on__isnull=False, expires_on__gte=today, reminded_on__isnull=True
    ).select_related("enterprise__owner_user")
    for permit in due:
        day = reminder_date(permit)
        if day is None or day > today:
            continue
        with transaction.atomic():
            for person in _recipients(permit):
                send_templated_mail(
                    to_user=person,
                    template="trade/mail/permit_expiring",
                    context={"permit": permit, "enterprise": permit.enterprise},
                )
            permit.reminded_on = today
            permit.save(update_fields=["reminded_on"])
        sent += 1
    return sent
