"""What the culture app contributes to the platform (``core.registry``): the culture pillar's
indicator feeds (events held, registrations, attendance, visitors), the upcoming events on the
partnership's public page, and the daily erasure of registrants' personal data."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, OpenDataTable, Panel, Sector
from sistercity.culture import selectors, services
from sistercity.culture.choices import EventStatus, RegistrationStatus
from sistercity.culture.models import Event, Registration, VisitorFigure
from sistercity.culture.tasks import erase_registrant_data


def _events(partnership: Any, pillar: Any) -> Any:
    events = Event.objects.filter(partnership=partnership)
    return events.filter(pillar=pillar) if pillar is not None else events


def events_held(partnership: Any, pillar: Any) -> int:
    """Events that took place (ended, not cancelled)."""
    return (
        _events(partnership, pillar)
        .filter(ends_at__lt=timezone.now())
        .exclude(status=EventStatus.CANCELLED)
        .count()
    )


def registered_people(partnership: Any, pillar: Any) -> int:
    """People with a confirmed place (still counted after their names are erased)."""
    rows = Registration.objects.filter(
        event__in=_events(partnership, pillar), status=RegistrationStatus.CONFIRMED
    )
    return int(rows.aggregate(n=Sum("people"))["n"] or 0)


def attendance(partnership: Any, pillar: Any) -> int:
    """People who came, as counted on the day by the organisers."""
    rows = _events(partnership, pillar).filter(~Q(status=EventStatus.CANCELLED))
    return int(rows.aggregate(n=Sum("attendance"))["n"] or 0)


def visitors(partnership: Any, pillar: Any) -> int:
    """Visitors counted in the partner cities' tourism figures (all origins, all months)."""
    rows = VisitorFigure.objects.filter(partnership=partnership)
    return int(rows.aggregate(n=Sum("visitors"))["n"] or 0)


def upcoming_section(request: Any, partnership: Any) -> dict[str, Any] | None:
    events = list(
        selectors.with_counts(selectors.upcoming(selectors.partnership_events(partnership)))[:5]
    )
    if not events and not Event.objects.filter(partnership=partnership).exists():
        return None
    return {"partnership": partnership, "events": events}


def events_table(partnerships: Any) -> Iterator[Sequence[Any]]:
    """Open data: the public partnerships' events with their counts (nobody's name)."""
    yield [
        "uid", "partnership", "slug", "title", "kind", "city", "starts_at", "ends_at",
        "time_zone", "status", "capacity", "places_taken", "attendance",
    ]  # fmt: skip
    events = selectors.with_counts(
        selectors.public_events().filter(partnership__in=list(partnerships))
    )
    for e in events:
        yield [
            str(e.uid), e.partnership.slug, e.slug, str(e), e.kind, e.city.slug,
            e.starts_at.astimezone(e.zone).isoformat(), e.ends_at.astimezone(e.zone).isoformat(),
            e.time_zone, e.status, e.capacity, e.taken or 0, e.attendance,
        ]  # fmt: skip


def visitors_table(partnerships: Any) -> Iterator[Sequence[Any]]:
    """Open data: monthly visitor figures with their sources."""
    yield ["partnership", "city", "month", "origin", "visitors", "source"]
    rows = VisitorFigure.objects.filter(partnership__in=list(partnerships)).select_related(
        "partnership", "city"
    )
    for f in rows:
        yield [f.partnership.slug, f.city.slug, f.month.isoformat(), f.origin, f.visitors, f.source]


INDICATOR_FEEDS = [
    IndicatorFeed("culture:events_held", _("culture: events held"), events_held),
    IndicatorFeed(
        "culture:registrations", _("culture: people registered for events"), registered_people
    ),
    IndicatorFeed("culture:attendance", _("culture: event attendance"), attendance),
    IndicatorFeed("culture:visitors", _("culture: visitors counted"), visitors),
]


def personal_data(user: Any) -> dict[str, Any]:
    """Event registrations made with the person's e-mail address (a registration needs no
    account, so the address is what ties them to the person)."""
    registrations = (
        Registration.objects.filter(email__iexact=user.email)
        .select_related("event")
        .prefetch_related("event__translations")
        .order_by("created_at")
    )
    rows = [
        {
            "event": r.event.safe_translation_getter("title", any_language=True),
            "starts_at": r.event.starts_at.isoformat(),
            "full_name": r.full_name,
            "email": r.email,
            "people": r.people,
            "language": r.language,
            "status": r.status,
            "registered_at": r.created_at.isoformat(),
            "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
        }
        for r in registrations
    ]
    return {"event_registrations": rows} if rows else {}


def erase_personal_data(user: Any) -> dict[str, int]:
    """The culture part of "delete my account": the name and address of every registration made
    with the person's address are erased now; status and number of people stay, so the events'
    counts do not change (as after the retention period)."""
    erased = Registration.objects.filter(email__iexact=user.email, erased_at__isnull=True).update(
        full_name="", email="", erased_at=timezone.now()
    )
    return {"event_registrations": erased} if erased else {}


SECTOR = Sector(
    app_label="culture",
    pillar="culture",
    indicator_feeds=INDICATOR_FEEDS,
    public_sections=[Panel("culture/_upcoming.html", upcoming_section, position=50)],
    open_data_tables=[
        OpenDataTable("culture-events.csv", events_table),
        OpenDataTable("culture-visitor-figures.csv", visitors_table),
    ],
    scheduled_jobs=[erase_registrant_data],
    personal_data=[personal_data],
    erase_personal_data=[erase_personal_data],
    retention=[services.registrations_erase_due],
)
