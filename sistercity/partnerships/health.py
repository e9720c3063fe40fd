"""Partnership health: months since the last joint activity, overdue items, dormancy.

The seam for later modules: ``LAST_ACTIVITY_SOURCES`` and ``OVERDUE_SOURCES`` hold functions that
return a subquery per partnership (``OuterRef("pk")``); the programmes module adds meetings and
action items to them. Everything is computed with one query for any number of partnerships.
``OVERDUE_LISTS`` names the same overdue items one by one (for the Deadlines tab), so the count
in the header and the list a person reads come from the same rules.

Joint activity is what both sides did together: a joint meeting or visit, a signed document.
A stage change is one side's click, so it does not count: otherwise one click would silence
the dormancy warning.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from sistercity.partnerships.models import Deadline, Document


def _last_signed_document(today):
    return Subquery(
        Document.objects.filter(partnership=OuterRef("pk"), signed_on__lte=today)
        .order_by("-signed_on")
        .values("signed_on")[:1]
    )


def _overdue_deadlines(today):
    return Coalesce(
        Subquery(
            Deadline.objects.filter(partnership=OuterRef("pk"), is_done=False, due_on__lt=today)
            .values("partnership")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


LAST_ACTIVITY_SOURCES: list[Callable] = [_last_signed_document]
OVERDUE_SOURCES: list[Callable] = [_overdue_deadlines]


@dataclass(frozen=True)
class OverdueItem:
    """One overdue item other than a deadline, as the Deadlines tab lists it."""

    due_on: dt.date
    kind: Any  # translated: "Action item"
    description: str
    url: str  # where it is done


# Functions (partnership, today) -> list[OverdueItem]; one per OVERDUE_SOURCES entry after
# the deadlines, which the tab lists itself.
OVERDUE_LISTS: list[Callable[[Any, dt.date], list[OverdueItem]]] = []


def other_overdue_items(partnership, today: dt.date | None = None) -> list[OverdueItem]:
    today = today or timezone.localdate()
    items = [item for source in OVERDUE_LISTS for item in source(partnership, today)]
    return sorted(items, key=lambda item: item.due_on)


def with_health(queryset, today: dt.date | None = None):
    """Annotate partnerships with one column per activity and overdue source."""
    today = today or timezone.localdate()
    annotations = {f"_activity_{i}": f(today) for i, f in enumerate(LAST_ACTIVITY_SOURCES)}
    annotations |= {f"_overdue_{i}": f(today) for i, f in enumerate(OVERDUE_SOURCES)}
    return queryset.annotate(**annotations)


@dataclass(frozen=True)
class Health:
    last_activity: dt.date | None
    months_since: int | None
    overdue: int
    dormant: bool


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def health_of(partnership, today: dt.date | None = None) -> Health:
    """Read the annotations of ``with_health`` (or compute them for a single partnership)."""
    today = today or timezone.localdate()
    if not hasattr(partnership, "_overdue_0"):
        partnership = with_health(type(partnership).objects.filter(pk=partnership.pk), today).get()
    dates = []
    for i in range(len(LAST_ACTIVITY_SOURCES)):
        value = getattr(partnership, f"_activity_{i}")
        if isinstance(value, str):  # SQLite returns text for casted dates
            value = dt.date.fromisoformat(value[:10])
        elif isinstance(value, dt.datetime):
            value = value.date()
        if value:
            dates.append(value)
    last = max(dates, default=None)
    months = months_between(last, today) if last else None
    overdue = sum(getattr(partnership, f"_overdue_{i}") or 0 for i in range(len(OVERDUE_SOURCES)))
    dormant = months is None or months >= settings.DORMANT_AFTER_MONTHS
    return Health(last_activity=last, months_since=months, overdue=overdue, dormant=dormant)
