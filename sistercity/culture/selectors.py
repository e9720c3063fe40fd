"""Reads: the public's (events, destinations and figures of public partnerships) and the
organisers' (registrations, only for those who run the culture pillar)."""

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from sistercity.core.access import Action
from sistercity.culture.choices import RegistrationStatus
from sistercity.culture.models import (
    CulturalExchange,
    Destination,
    Event,
    Registration,
    VisitorFigure,
)

EVENT_RELATED = ("partnership", "city", "organiser", "pillar")
EVENT_PREFETCH = (
    "translations",
    "city__translations",
    "organiser__translations",
    "pillar__translations",
    "images__translations",
)


def public_events() -> QuerySet[Event]:
    """Every event of a public partnership; cancelled ones too (they stay visible)."""
    return (
        Event.objects.filter(partnership__is_public=True)
        .select_related(*EVENT_RELATED)
        .prefetch_related(*EVENT_PREFETCH)
    )


def with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """Places taken and people waiting, for each event, in the same query."""
    return events.annotate(
        taken=Sum("registrations__people", filter=Q(registrations__status="confirmed")),
        waiting=Sum("registrations__people", filter=Q(registrations__status="waitlisted")),
        registration_count=Count(
            "registrations", filter=~Q(registrations__status=RegistrationStatus.CANCELLED)
        ),
    )


def upcoming(events: QuerySet[Event], *, now: dt.datetime | None = None) -> QuerySet[Event]:
    return events.filter(ends_at__gte=now or timezone.now())


def partnership_events(partnership: Any) -> QuerySet[Event]:
    return public_events().filter(partnership=partnership)


def public_destinations(partnership: Any) -> QuerySet[Destination]:
    return (
        Destination.objects.filter(partnership=partnership, partnership__is_public=True)
        .select_related("city")
        .prefetch_related("translations", "city__translations", "photos__translations")
    )


def visitor_figures(partnership: Any) -> QuerySet[VisitorFigure]:
    return VisitorFigure.objects.filter(partnership=partnership).select_related("city")


def managed_events(*, user: Any, partnership: Any) -> QuerySet[Event]:
    """The partnership's events for its members' pages."""
    return with_counts(
        Event.objects.for_user(user, Action.VIEW)
        .filter(partnership=partnership)
        .select_related(*EVENT_RELATED)
        .prefetch_related(*EVENT_PREFETCH)
    )


def registration_list(*, user: Any, event: Event) -> QuerySet[Registration]:
    """The event's registrants, for its organisers only (empty for everyone else)."""
    return Registration.objects.for_user(user, Action.CHANGE).filter(event=event)


def public_exchanges(partnership: Any) -> QuerySet[CulturalExchange]:
    return (
        CulturalExchange.objects.filter(partnership=partnership, partnership__is_public=True)
        .select_related("from_city", "to_city", "meeting")
        .prefetch_related(
            "translations",
            "from_city__translations",
            "to_city__translations",
            "events__translations",
            "events__partnership",
        )
    )


def managed_destinations(*, user: Any, partnership: Any) -> QuerySet[Destination]:
    """The partnership's destinations for its members' pages."""
    return (
        Destination.objects.for_user(user, Action.VIEW)
        .filter(partnership=partnership)
        .select_related("city", "partnership")
        .prefetch_related("translations", "city__translations", "photos__translations")
    )


def managed_exchanges(*, user: Any, partnership: Any) -> QuerySet[CulturalExchange]:
    """The partnership's cultural exchanges for its members' pages."""
    return (
        CulturalExchange.objects.for_user(user, Action.VIEW)
        .filter(partnership=partnership)
        .select_related("from_city", "to_city", "meeting", "partnership")
        .prefetch_related(
            "translations", "from_city__translations", "to_city__translations", "events"
        )
    )


def managed_figures(*, user: Any, partnership: Any) -> QuerySet[VisitorFigure]:
    """The partnership's visitor figures for its members' pages and exports."""
    return (
        VisitorFigure.objects.for_user(user, Action.VIEW)
        .filter(partnership=partnership)
        .select_related("city")
        .prefetch_related("city__translations")
    )
