"""Programme work for "My tasks" (see partnerships/inbox.py, the seam): updates waiting for my
approval, my returned updates to correct, my open action items (overdue or due in two weeks)."""

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, partnership_ids
from sistercity.core.templatetags.sistercity import tr
from sistercity.partnerships import inbox
from sistercity.programs.choices import ActionItemStatus, UpdateStatus
from sistercity.programs.models import ActionItem, IndicatorUpdate

ITEMS_AHEAD = dt.timedelta(days=14)


def _programme_url(update: IndicatorUpdate) -> str:
    programme = update.period.indicator.result.programme
    url = reverse("programs:detail", args=[programme.partnership.slug, programme.code])
    return f"{url}#indicator-{update.period.indicator.code}"


def _updates() -> Any:
    return (
        IndicatorUpdate.objects.select_related("period__indicator__result__programme__partnership")
        .prefetch_related("period__indicator__translations")
        .order_by("submitted_at", "pk")
    )


def _title(update: IndicatorUpdate) -> str:
    period = update.period
    return "{indicator} · {start} – {end}".format(
        indicator=tr(period.indicator, "title", plain=True),
        start=formats.date_format(period.start),
        end=formats.date_format(period.end),
    )


def updates_to_review(user: Any, today: dt.date) -> list[inbox.Task]:
    """Submitted updates of the partnerships the user runs, written by someone else (an
    update is never approved by its author)."""
    updates = _updates().filter(
        period__indicator__result__programme__partnership__in=partnership_ids(user, Action.CHANGE),
        status=UpdateStatus.SUBMITTED,
        period__is_locked=False,
    )
    return [
        inbox.Task(kind=_("Approve or return an update"), title=_title(u), url=_programme_url(u))
        for u in updates.exclude(author=user)
    ]


def updates_to_correct(user: Any, today: dt.date) -> list[inbox.Task]:
    updates = _updates().filter(author=user, status=UpdateStatus.RETURNED, period__is_locked=False)
    return [
        inbox.Task(kind=_("Correct a returned update"), title=_title(u), url=_programme_url(u))
        for u in updates
    ]


def my_action_items(user: Any, today: dt.date) -> list[inbox.Task]:
    items = (
        ActionItem.objects.filter(
            owner=user, status=ActionItemStatus.OPEN, due_on__lte=today + ITEMS_AHEAD
        )
        .select_related("meeting__partnership")
        .order_by("due_on")
    )
    return [
        inbox.Task(
            kind=_("Action item"),
            title=item.description,
            url=reverse("programs:meetings", args=[item.meeting.partnership.slug])
            + f"#meeting-{item.meeting_id}",
            due_on=item.due_on,
            overdue=item.due_on < today,
        )
        for item in items
    ]


for source in (updates_to_review, updates_to_correct, my_action_items):
    if source not in inbox.INBOX_SOURCES:
        inbox.INBOX_SOURCES.append(source)
