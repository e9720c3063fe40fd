"""Reminders of equipment inspections and vehicle registration renewals, as the partnership's
deadlines have them: sent once per due date and offset, caught up after a pause."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from sistercity.core.mail import send_templated_mail
from sistercity.core.roles import Role
from sistercity.emergency.choices import PILLAR, VehicleStatus
from sistercity.emergency.models import EquipmentItem, ReminderSent, Vehicle

# Days before the due date; an inspection or a renewal needs weeks, not months, of notice.
OFFSETS_DAYS = (30, 7)


def _due_items(today: dt.date):
    horizon = today + dt.timedelta(days=max(OFFSETS_DAYS))
    for item in EquipmentItem.objects.filter(
        next_inspection_on__gte=today, next_inspection_on__lte=horizon
    ).select_related("post__partnership"):
        yield item.post.partnership, f"inspection:{item.pk}", item.next_inspection_on, item
    for vehicle in (
        Vehicle.objects.filter(
            registration_expires_on__gte=today, registration_expires_on__lte=horizon
        )
        .exclude(status=VehicleStatus.OUT_OF_SERVICE)
        .select_related("partnership")
    ):
        yield (
            vehicle.partnership,
            f"registration:{vehicle.pk}",
            vehicle.registration_expires_on,
            vehicle,
        )


def reminders_send_due(*, today: dt.date | None = None) -> int:
    """Send the inspection and registration reminders that are due; return how many e-mails
    went out. Idempotent: one ReminderSent row per (subject, due date, offset), written in the
    same transaction as the sending."""
    today = today or timezone.localdate()
    sent = 0
    for partnership, subject, due_on, obj in _due_items(today):
        done = set(
            ReminderSent.objects.filter(
                partnership=partnership, subject=subject, due_on=due_on
            ).values_list("offset_days", flat=True)
        )
        due = [o for o in OFFSETS_DAYS if o not in done and due_on - dt.timedelta(days=o) <= today]
        if not due:
            continue
        try:
            with transaction.atomic():
                for offset in due:
                    ReminderSent.objects.create(
                        partnership=partnership, subject=subject, due_on=due_on, offset_days=offset
                    )
                recipients = _recipients(partnership)
                for user in recipients:
                    send_templated_mail(
                        to_user=user,
                        template="emergency/email/reminder",
                        context={
                            "kind": subject.split(":")[0],
                            "obj": obj,
                            "due_on": due_on,
                            "days_left": (due_on - today).days,
                            "partnership": partnership,
                        },
                    )
                sent += len(recipients)
        except IntegrityError:
            continue  # another worker sent it first
    return sent


def _recipients(partnership):
    """The regency's secretariat and the agency officers of the emergency pillar (Damkar)."""
    from django.db.models import Q

    from sistercity.accounts.models import User

    municipalities = partnership.municipalities.filter(country="ID").values("pk")
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(
                memberships__role=Role.SECRETARIAT,
                memberships__organisation__in=municipalities,
            )
            | Q(
                memberships__role=Role.AGENCY_OFFICER,
                memberships__organisation__parent__in=municipalities,
                memberships__pillars__code=PILLAR,
            )
        )
        .distinct()
        .order_by("pk")
    )
