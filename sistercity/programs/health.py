"""Programme data feeds the partnership health (see partnerships/health.py, the seam):
joint meetings and visits are joint activity; open action items past their date are overdue."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sistercity.partnerships import health
from sistercity.programs.choices import ActionItemStatus
from sistercity.programs.models import ActionItem, Meeting


def last_joint_meeting(today):
    return Subquery(
        Meeting.objects.filter(partnership=OuterRef("pk"), is_joint=True, held_on__lte=today)
        .order_by("-held_on")
        .values("held_on")[:1]
    )


def overdue_action_items(today):
    return Coalesce(
        Subquery(
            ActionItem.objects.filter(
                meeting__partnership=OuterRef("pk"), status=ActionItemStatus.OPEN, due_on__lt=today
            )
            .values("meeting__partnership")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def overdue_action_item_list(partnership, today) -> list[health.OverdueItem]:
    """The items ``overdue_action_items`` counts, for the Deadlines tab."""
    url = reverse("programs:meetings", args=[partnership.slug])
    items = ActionItem.objects.filter(
        meeting__partnership=partnership, status=ActionItemStatus.OPEN, due_on__lt=today
    ).order_by("due_on")
    return [
        health.OverdueItem(
            due_on=item.due_on,
            kind=_("Action item"),
            description=item.description,
            url=f"{url}#meeting-{item.meeting_id}",
        )
        for item in items
    ]


if last_joint_meeting not in health.LAST_ACTIVITY_SOURCES:
    health.LAST_ACTIVITY_SOURCES.append(last_joint_meeting)
if overdue_action_items not in health.OVERDUE_SOURCES:
    health.OVERDUE_SOURCES.append(overdue_action_items)
if overdue_action_item_list not in health.OVERDUE_LISTS:
    health.OVERDUE_LISTS.append(overdue_action_item_list)
