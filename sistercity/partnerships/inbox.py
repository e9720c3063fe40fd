""" "My tasks": what is waiting for a person's action, each with a link to where it is done.

The seam, as for health: ``INBOX_SOURCES`` holds functions ``(user, today) -> list[Task]``;
this module adds the partnership's deadlines, the programmes module adds updates waiting for
approval, returned updates and action items, the exchange module reviews and unfinished
applications. Each source is one query, whatever the number of partnerships.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, partnership_ids
from sistercity.partnerships.models import Deadline

SOON = dt.timedelta(days=30)  # how far ahead a deadline shows up


@dataclass(frozen=True)
class Task:
    kind: Any  # translated: "Approve an indicator update"
    title: str
    url: str
    due_on: dt.date | None = None
    overdue: bool = False


INBOX_SOURCES: list[Callable[[Any, dt.date], list[Task]]] = []


def tasks_for(user: Any, today: dt.date | None = None) -> list[Task]:
    """Everything waiting for ``user``, the overdue and the soonest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    tasks = [task for source in INBOX_SOURCES for task in source(user, today)]
    return sorted(tasks, key=lambda t: (not t.overdue, t.due_on or dt.date.max, str(t.kind)))


def deadlines_due(user: Any, today: dt.date) -> list[Task]:
    """Open deadlines, overdue or due within 30 days, of the partnerships the user runs."""
    deadlines = (
        Deadline.objects.filter(
            partnership__in=partnership_ids(user, Action.CHANGE),
            is_done=False,
            due_on__lte=today + SOON,
        )
        .select_related("partnership")
        .order_by("due_on")
    )
    return [
        Task(
            kind=_("Deadline"),
            title=f"{d.get_kind_display()}{' · ' + d.note if d.note else ''} · {d.partnership}",
            url=reverse("partnerships:deadlines", args=[d.partnership.slug]),
            due_on=d.due_on,
            overdue=d.due_on < today,
        )
        for d in deadlines
    ]


if deadlines_due not in INBOX_SOURCES:
    INBOX_SOURCES.append(deadlines_due)
