"""Incidents: record one, or import a year of them from XLSX (all or nothing)."""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.emergency.choices import PILLAR, IncidentKind
from sistercity.emergency.models import Incident, Vehicle

TIME_ORDER = ("called_at", "dispatched_at", "arrived_at", "controlled_at", "closed_at")


def _check_times(times: dict[str, dt.datetime | None]) -> None:
    """Call ≤ dispatch ≤ arrival ≤ under control ≤ closed, for the times that are given."""
    labels = dict(
        called_at=_("call"),
        dispatched_at=_("dispatch"),
        arrived_at=_("arrival"),
        controlled_at=_("under control"),
        closed_at=_("closed"),
    )
    if times.get("called_at") is None:
        raise SisterCityError(_("The time of the call is required."), code="called_at")
    given: list[tuple[str, dt.datetime]] = []
    for name in TIME_ORDER:
        value = times.get(name)
        if value is not None:
            given.append((name, value))
    for (earlier, a), (later, b) in zip(given, given[1:], strict=False):
        if b < a:
            raise SisterCityError(
                _("The times are out of order: {later} ({b}) is before {earlier} ({a}).").format(
                    later=labels[later],
                    earlier=labels[earlier],
                    a=a.strftime("%Y-%m-%d %H:%M %Z"),
                    b=b.strftime("%Y-%m-%d %H:%M %Z"),
                ),
                code="time_order",
            )


def incident_record(
    *,
    actor,
    partnership,
    kind: str,
    kecamatan: str,
    called_at: dt.datetime,
    desa: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    dispatched_at: dt.datetime | None = None,
    arrived_at: dt.datetime | None = None,
    controlled_at: dt.datetime | None = None,
    closed_at: dt.datetime | None = None,
    units: list[Vehicle] | None = None,
    loss_idr: Decimal | None = None,
    injured: int = 0,
    deaths: int = 0,
    note: str = "",
    is_illustrative: bool = False,
) -> Incident:
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    with transaction.atomic(), set_actor(actor):
        return _create(
            partnership,
            dict(
                kind=kind,
                kecamatan=kecamatan,
                desa=desa,
                latitude=latitude,
                longitude=longitude,
                called_at=called_at,
                dispatched_at=dispatched_at,
                arrived_at=arrived_at,
                controlled_at=controlled_at,
                closed_at=closed_at,
                loss_idr=loss_idr,
                injured=injured,
                deaths=deaths,
                note=note,
                is_illustrative=is_illustrative,
            ),
            units or [],
        )


def _create(partnership, fields: dict, units: list[Vehicle]) -> Incident:
    if fields["kind"] not in IncidentKind.values:
        raise SisterCityError(_("Unknown kind of incident."), code="kind")
    _check_times(fields)
    if any(u.partnership_id != partnership.pk for u in units):
        raise SisterCityError(_("A unit belongs to another partnership."), code="units")
    incident = Incident(partnership=partnership, **fields)
    full_clean(incident)
    incident.save()
    if units:
        incident.units.set(units)
    return incident
