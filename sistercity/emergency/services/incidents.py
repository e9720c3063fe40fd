"""Incidents: record one, or import a year of them from XLSX (all or nothing)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.spreadsheets import check_size, read_table
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


COLUMNS = (
    "kind",
    "kecamatan",
    "desa",
    "latitude",
    "longitude",
    "called_at",
    "dispatched_at",
    "arrived_at",
    "controlled_at",
    "closed_at",
    "injured",
    "deaths",
    "loss_idr",
)
REQUIRED_COLUMNS = {"kind", "kecamatan", "called_at"}
# A year of a regency's incidents is a few hundred rows.
MAX_ROWS = 20_000
# A sheet's times without a zone are Batang's local times.
SHEET_ZONE = ZoneInfo("Asia/Jakarta")


def _cell_time(value, line: int, column: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise SisterCityError(
                _("Row {row}: “{column}” is not a date and time.").format(row=line, column=column),
                code="time",
            ) from None
    if not isinstance(value, dt.datetime):
        raise SisterCityError(
            _("Row {row}: “{column}” is not a date and time.").format(row=line, column=column),
            code="time",
        )
    return value if value.tzinfo else value.replace(tzinfo=SHEET_ZONE)


def _cell_number(value, line: int, column: str, kind=Decimal):
    if value in (None, ""):
        return None
    try:
        number = kind(str(value).strip().replace(",", "."))
    except (ValueError, ArithmeticError):
        raise SisterCityError(
            _("Row {row}: “{column}” is not a number.").format(row=line, column=column),
            code="number",
        ) from None
    return number


def _rows(file) -> list[tuple[int, dict]]:
    if getattr(file, "size", None):
        check_size(file.size)  # before reading a byte of it
    table = read_table(file.read(), name=getattr(file, "name", "") or "", max_rows=MAX_ROWS)
    if not table:
        raise SisterCityError(_("The workbook is empty."), code="empty")
    header = [str(h or "").strip().lower() for h in table[0][1]]
    missing = sorted(REQUIRED_COLUMNS - set(header))
    if missing:
        raise SisterCityError(
            _("The sheet needs the columns {columns}.").format(columns=", ".join(missing)),
            code="columns",
        )
    return [(line, dict(zip(header, values, strict=False))) for line, values in table[1:]]


def incidents_import(*, actor, partnership, file) -> int:
    """Import incidents from the first sheet of an XLSX (one row each, columns named as
    ``COLUMNS``). All or nothing: the first bad row is named and nothing is saved."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    rows = _rows(file)
    with transaction.atomic(), set_actor(actor):
        for line, row in rows:
            fields = {name: row.get(name) for name in COLUMNS}
            for name in TIME_ORDER:
                fields[name] = _cell_time(fields[name], line, name)
            for name in ("latitude", "longitude", "loss_idr"):
                fields[name] = _cell_number(fields[name], line, name)
            for name in ("injured", "deaths"):
                fields[name] = _cell_number(fields[name], line, name, int) or 0
            for name in ("kind", "kecamatan", "desa"):
                fields[name] = str(fields[name] or "").strip()
            fields.update(note="", is_illustrative=False)
            try:
                _create(partnership, fields, [])
            except SisterCityError as error:
                raise SisterCityError(
                    _("Row {row}: {problem}").format(row=line, problem=error.message),
                    code=error.code,
                ) from None
    return len(rows)
