"""Figures of the emergency pillar: response times against the standard (by kecamatan and
month), today's coverage of the population, trained operators, and vehicles whose post has no
qualified operator on a shift. Plain reads; they feed the dashboard, the indicator feeds and
the API."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
from django.utils import timezone

from sistercity.emergency import coverage
from sistercity.emergency.choices import PostKind, Shift, VehicleOrigin, VehicleStatus
from sistercity.emergency.models import (
    Firefighter,
    FirePost,
    Incident,
    Qualification,
    TravelTime,
    Vehicle,
    Village,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
DEFAULT_DETOUR = 1.4
DEFAULT_SPEED_KMH = 35.0


def _response_rows(incidents):
    for incident in incidents:
        minutes = incident.response_minutes
        if minutes is not None:
            yield incident, minutes


def response_dashboard(incidents) -> dict:
    """Share within the standard, median and 90th percentile: overall, by kecamatan and by
    month (months in Batang's time zone)."""
    rows = list(_response_rows(incidents))
    by_kecamatan: dict[str, list[float]] = defaultdict(list)
    by_month: dict[str, list[float]] = defaultdict(list)
    for incident, minutes in rows:
        by_kecamatan[incident.kecamatan].append(minutes)
        by_month[incident.called_at.astimezone(JAKARTA).strftime("%Y-%m")].append(minutes)
    return {
        "overall": coverage.response_stats([m for _i, m in rows]),
        "by_kecamatan": [
            (name, coverage.response_stats(values)) for name, values in sorted(by_kecamatan.items())
        ],
        "by_month": [
            (month, coverage.response_stats(values)) for month, values in sorted(by_month.items())
        ],
        "standard": coverage.RESPONSE_STANDARD_MINUTES,
    }


def share_within_standard(partnership, *, days: int = 365) -> Decimal:
    """Percentage of the last year's incidents reached within 15 minutes of the call."""
    since = timezone.now() - dt.timedelta(days=days)
    incidents = Incident.objects.filter(partnership=partnership, called_at__gte=since)
    stats = coverage.response_stats([m for _i, m in _response_rows(incidents)])
    return Decimal(0) if stats is None else Decimal(str(round(stats.share_within * 100, 1)))


def population_within_standard(partnership) -> Decimal:
    """Percentage of the villages' population within 15 minutes of an existing post: measured
    travel times when they are complete, else the straight-line estimate."""
    villages = list(Village.objects.filter(partnership=partnership).order_by("pk"))
    posts = list(
        FirePost.objects.filter(partnership=partnership, kind=PostKind.EXISTING).order_by("pk")
    )
    if not villages or not posts:
        return Decimal(0)
    times = {
        (t.village_id, t.post_id): float(t.minutes)
        for t in TravelTime.objects.filter(village__in=villages, post__in=posts)
    }
    if len(times) == len(villages) * len(posts):
        matrix = np.array([[times[(v.pk, p.pk)] for p in posts] for v in villages])
    else:
        points = [v for v in villages if v.latitude is not None and v.longitude is not None]
        sites = [p for p in posts if p.latitude is not None and p.longitude is not None]
        if not points or not sites:
            return Decimal(0)
        villages = points
        matrix = coverage.estimated_minutes(
            [[float(v.latitude), float(v.longitude)] for v in villages],
            [[float(p.latitude), float(p.longitude)] for p in sites],
            detour_factor=DEFAULT_DETOUR,
            speed_kmh=DEFAULT_SPEED_KMH,
        )
    weights = np.array([v.population for v in villages], dtype=float)
    result = coverage.evaluate(
        matrix, weights, range(matrix.shape[1]), coverage.RESPONSE_STANDARD_MINUTES
    )
    return Decimal(str(round(result.share_covered * 100, 1)))


def trained_operators(partnership, *, on: dt.date | None = None) -> int:
    """Firefighters holding at least one qualification valid today."""
    on = on or timezone.localdate()
    return (
        Qualification.objects.filter(
            firefighter__partnership=partnership, issued_on__lte=on, expires_on__gte=on
        )
        .values("firefighter")
        .distinct()
        .count()
    )


def donated_in_service(partnership) -> int:
    return Vehicle.objects.filter(
        partnership=partnership, origin=VehicleOrigin.DONATED, status=VehicleStatus.IN_SERVICE
    ).count()


def unstaffed_vehicles(vehicles, *, on: dt.date | None = None) -> dict[int, list[str]]:
    """For each vehicle in service (or awaiting handover), the shifts of its post with no
    firefighter qualified, today, for its kind: {vehicle pk: [shift labels]}."""
    on = on or timezone.localdate()
    vehicles = [v for v in vehicles if v.status != VehicleStatus.OUT_OF_SERVICE and v.post_id]
    qualified: set[tuple[int, str, str]] = set(
        Firefighter.objects.filter(
            post_id__in={v.post_id for v in vehicles},
            qualifications__issued_on__lte=on,
            qualifications__expires_on__gte=on,
        ).values_list("post_id", "shift", "qualifications__vehicle_kind")
    )
    flags = {}
    for vehicle in vehicles:
        missing = [
            str(label)
            for shift, label in Shift.choices
            if (vehicle.post_id, shift, vehicle.kind) not in qualified
        ]
        if missing:
            flags[vehicle.pk] = missing
    return flags


def incident_timeline(incident: Incident) -> dict:
    """One incident's times in order (call, dispatch, arrival, under control, closed), each
    with the minutes since the call, and its response time against the standard."""
    from django.utils.translation import gettext_lazy as _

    steps = (
        ("called_at", _("call received")),
        ("dispatched_at", _("dispatched")),
        ("arrived_at", _("arrived")),
        ("controlled_at", _("under control")),
        ("closed_at", _("closed")),
    )
    rows = []
    for field, label in steps:
        at = getattr(incident, field)
        minutes = None if at is None else (at - incident.called_at).total_seconds() / 60
        rows.append({"field": field, "label": label, "at": at, "minutes": minutes})
    response = incident.response_minutes
    standard = coverage.RESPONSE_STANDARD_MINUTES
    return {
        "rows": rows,
        "response": response,
        "standard": standard,
        "within": None if response is None else response <= standard,
        "over_by": None if response is None else max(response - standard, 0.0),
    }
