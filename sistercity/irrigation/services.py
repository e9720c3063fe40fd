"""Writes for irrigation schemes, their groups, associations, assessments and drops, and for
climate stations and their records.

Who may change what: anyone who sees the partnership sees its irrigation data; the
secretariat and partner officers change it, and so does an agency officer whose membership
carries the agriculture pillar (the public-works planner) — ``core.access`` with
``pillar="agriculture"``. Every write is checked here, in one transaction, with the actor
recorded; bad input is refused with a translated message and nothing is written.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.spreadsheets import check_size
from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.bmkg import Problem, read_bmkg
from sistercity.irrigation.choices import StructureKind, authority_for_area
from sistercity.irrigation.errors import engine_error, import_error
from sistercity.irrigation.models import (
    CanalDrop,
    ClimateRecord,
    ClimateStation,
    IksiAssessment,
    RotationGroup,
    Scheme,
    Structure,
    WaterUserAssociation,
)

PILLAR = "agriculture"
CANAL_KINDS = (StructureKind.PRIMARY, StructureKind.SECONDARY)
CHANGE_REFUSED = _(
    "Only the secretariat, the partner officers and the agriculture agency officers of this "
    "partnership can change its irrigation data."
)


def _require_change(actor, obj) -> None:
    require(actor, obj, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)


def _check(call, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except wn.WaterNeedsError as error:
        raise engine_error(error) from error


# --- climate ----------------------------------------------------------------------------


def station_save(
    *,
    actor,
    partnership,
    station: ClimateStation | None = None,
    code: str,
    name: str,
    latitude: Decimal,
    longitude: Decimal,
    elevation_m: Decimal,
    wind_height_m: Decimal = Decimal("10"),
    is_illustrative: bool = False,
) -> ClimateStation:
    """Add a station to ``partnership`` or change ``station``; its records stay with it."""
    _require_change(actor, station or partnership)
    try:
        _check(wn.check_latitude, float(latitude))
    except SisterCityError as error:
        error.field = "latitude"
        raise
    if not -180 <= longitude <= 180:
        raise SisterCityError(
            _("The longitude {value}° is beyond ±180°.").format(value=longitude),
            code="longitude_range",
            field="longitude",
        )
    if wind_height_m is None or wind_height_m < Decimal("0.5"):
        raise SisterCityError(
            _("The wind is measured at least 0.5 m above the ground, not {value} m.").format(
                value=wind_height_m
            ),
            code="wind_height",
            field="wind_height_m",
        )
    same_code = ClimateStation.objects.filter(partnership=partnership, code=code)
    if station is not None:
        same_code = same_code.exclude(pk=station.pk)
    if same_code.exists():
        raise SisterCityError(
            _("Another station of this partnership has the code {code}.").format(code=code),
            code="duplicate_code",
            field="code",
        )
    station = station or ClimateStation(partnership=partnership)
    station.code, station.name = code, name
    station.latitude, station.longitude = latitude, longitude
    station.elevation_m, station.wind_height_m = elevation_m, wind_height_m
    station.is_illustrative = is_illustrative
    with transaction.atomic(), set_actor(actor):
        full_clean(station)
        station.save()
    return station


# The name the demo and older callers use: a station_save without ``station``.
station_create = station_save


def climate_import_bmkg(*, actor, station: ClimateStation, content: bytes) -> int:
    """Import a BMKG daily XLSX into ``station``: every day or none. Days already recorded are
    replaced by the file's. Returns the number of days imported."""
    _require_change(actor, station)
    check_size(len(content))
    parsed = read_bmkg(content)
    problems = list(parsed.problems)
    file_code = parsed.station.get("code", "")
    if file_code and file_code != station.code:
        problems.insert(0, Problem(0, "", "station_mismatch", file_code))
    if problems:
        raise import_error(problems)
    records = [ClimateRecord(station=station, **day) for day in parsed.days]
    with transaction.atomic(), set_actor(actor):
        station.records.filter(date__in=[day["date"] for day in parsed.days]).delete()
        ClimateRecord.objects.bulk_create(records)
    return len(records)


# --- schemes ----------------------------------------------------------------------------

SCHEME_FIELDS = (
    "code",
    "name",
    "cross_regency",
    "command_area_ha",
    "water_source",
    "intake",
    "station",
    "tertiary_efficiency",
    "secondary_efficiency",
    "primary_efficiency",
    "percolation_mm_day",
    "season_start",
    "palawija",
    "available_flow_m3s",
    "rehabilitation_cost_idr",
    "rehabilitated_on",
    "is_illustrative",
)


def _check_scheme(scheme: Scheme) -> None:
    for name in ("tertiary_efficiency", "secondary_efficiency", "primary_efficiency"):
        try:
            wn.check_efficiency(name, float(getattr(scheme, name)))
        except wn.WaterNeedsError as error:
            raise engine_error(error) from error
    flows = scheme.available_flow_m3s
    if flows:
        if len(flows) != wn.HALF_MONTHS:
            raise engine_error(
                wn.WaterNeedsError("half_months_length", len(flows), "available_flow_m3s")
            )
        for value in flows:
            if not isinstance(value, int | float) or value < 0:
                raise engine_error(wn.WaterNeedsError("negative_flow", value, "available_flow_m3s"))
    if scheme.station is not None and scheme.station.partnership_id != scheme.partnership_id:
        raise SisterCityError(
            _("The climate station belongs to another partnership."),
            code="station",
            field="station",
        )
    scheme.authority = authority_for_area(
        float(scheme.command_area_ha), cross_regency=scheme.cross_regency
    )


def _check_groups_fit(scheme: Scheme, groups: list[wn.Group]) -> None:
    _check(wn.check_group_areas, groups, float(scheme.command_area_ha))


def scheme_save(
    *, actor, partnership, scheme: Scheme | None = None, note: str = "", **fields: Any
) -> Scheme:
    """Create a scheme of ``partnership`` or change ``scheme``; its authority follows from the
    command area (``choices.authority_for_area``)."""
    _require_change(actor, scheme or partnership)
    scheme = scheme or Scheme(partnership=partnership)
    for name, value in fields.items():
        if name not in SCHEME_FIELDS:
            raise TypeError(name)
        setattr(scheme, name, value)
    _check_scheme(scheme)
    duplicate = Scheme.objects.filter(partnership=scheme.partnership, code=scheme.code)
    if duplicate.exclude(pk=scheme.pk).exists():
        raise SisterCityError(
            _("Another scheme of this partnership has the code {code}.").format(code=scheme.code),
            code="duplicate_code",
            field="code",
        )
    if scheme.pk:
        groups = [wn.Group(g.code, float(g.area_ha)) for g in scheme.groups.all()]
        try:
            _check_groups_fit(scheme, groups)
        except SisterCityError as error:
            # Here it is the command area that is too small for the groups already recorded.
            error.field = "command_area_ha"
            raise
    if note:
        scheme.note = note
    with transaction.atomic(), set_actor(actor):
        # The flow was checked above; an empty list (no flow measured yet) is allowed.
        full_clean(scheme, exclude=["available_flow_m3s"])
        scheme.save()
    return scheme


def rotation_group_save(
    *, actor, scheme: Scheme, code: str, area_ha: Decimal, shift_half_months: int = 0
) -> RotationGroup:
    """Add or change the group ``code``; the groups together may not exceed the scheme."""
    _require_change(actor, scheme)
    group = scheme.groups.filter(code=code).first() or RotationGroup(scheme=scheme, code=code)
    group.area_ha, group.shift_half_months = area_ha, shift_half_months
    others = [wn.Group(g.code, float(g.area_ha)) for g in scheme.groups.exclude(code=code)]
    _check_groups_fit(scheme, [*others, wn.Group(code, float(area_ha))])
    with transaction.atomic(), set_actor(actor):
        full_clean(group)
        group.save()
    return group


def rotation_group_edit(
    *,
    actor,
    scheme: Scheme,
    group: RotationGroup | None = None,
    code: str,
    area_ha: Decimal,
    shift_half_months: int = 0,
) -> RotationGroup:
    """Add a group to ``scheme`` (``group`` None) or change ``group``, its code included. A
    code already used by another group of the scheme is refused, and so are areas that
    together exceed the scheme's command area."""
    _require_change(actor, group or scheme)
    if group is not None and group.scheme_id != scheme.pk:
        raise SisterCityError(_("The group belongs to another scheme."), code="scheme")
    others = scheme.groups.exclude(pk=group.pk) if group is not None else scheme.groups.all()
    if others.filter(code=code).exists():
        raise SisterCityError(
            _("The scheme already has a golongan {code}.").format(code=code),
            code="duplicate_code",
            field="code",
        )
    if area_ha is None or area_ha <= 0:
        raise SisterCityError(
            _("A golongan needs an area above 0 ha."), code="group_area", field="area_ha"
        )
    _check_groups_fit(
        scheme,
        [*(wn.Group(g.code, float(g.area_ha)) for g in others), wn.Group(code, float(area_ha))],
    )
    group = group or RotationGroup(scheme=scheme)
    group.code, group.area_ha, group.shift_half_months = code, area_ha, shift_half_months
    with transaction.atomic(), set_actor(actor):
        full_clean(group)
        group.save()
    return group


def rotation_group_shift(*, actor, group: RotationGroup, shift_half_months: int) -> RotationGroup:
    """Move a group's planting date by whole half-months after the scheme's calendar."""
    _require_change(actor, group)
    group.shift_half_months = shift_half_months
    with transaction.atomic(), set_actor(actor):
        full_clean(group)
        group.save(update_fields=["shift_half_months"])
    return group


def rotation_apply_plan(*, actor, scheme: Scheme) -> dict[str, int]:
    """Give every group the shift the rotation planner found (``selectors.rotation_plan``)."""
    from sistercity.irrigation.selectors import rotation_plan

    _require_change(actor, scheme)
    plan = rotation_plan(scheme)
    if plan is None:
        raise SisterCityError(
            _(
                "The scheme needs climate data, groups and the available flow "
                "before a rotation can be planned."
            ),
            code="no_plan",
        )
    with transaction.atomic(), set_actor(actor):
        for group in scheme.groups.all():
            group.shift_half_months = plan.shifts[group.code]
            group.save(update_fields=["shift_half_months"])
    return plan.shifts


def association_add(
    *, actor, scheme: Scheme, name: str, level: str, members: int = 0, is_legal_entity: bool = False
) -> WaterUserAssociation:
    _require_change(actor, scheme)
    association = WaterUserAssociation(
        scheme=scheme, name=name, level=level, members=members, is_legal_entity=is_legal_entity
    )
    with transaction.atomic(), set_actor(actor):
        full_clean(association)
        association.save()
    return association


def association_save(
    *,
    actor,
    scheme: Scheme,
    association: WaterUserAssociation | None = None,
    name: str,
    level: str,
    members: int = 0,
    is_legal_entity: bool = False,
) -> WaterUserAssociation:
    """Add an association to ``scheme`` (``association`` None) or change ``association``."""
    _require_change(actor, association or scheme)
    if association is not None and association.scheme_id != scheme.pk:
        raise SisterCityError(_("The association belongs to another scheme."), code="scheme")
    if not (name or "").strip():
        raise SisterCityError(
            _("The association needs a name."), code="association_name", field="name"
        )
    if members is None or members < 0:
        raise SisterCityError(
            _("The number of members cannot be negative."), code="members", field="members"
        )
    association = association or WaterUserAssociation(scheme=scheme)
    association.name, association.level = name.strip(), level
    association.members, association.is_legal_entity = members, is_legal_entity
    with transaction.atomic(), set_actor(actor):
        full_clean(association)
        association.save()
    return association


def structure_save(
    *,
    actor,
    scheme: Scheme,
    structure: Structure | None = None,
    kind: str,
    name: str,
    condition: str,
    length_m: Decimal | None = None,
) -> Structure:
    """Add a canal or structure to ``scheme`` (``structure`` None) or change ``structure``.
    A canal needs its length; a length is never negative."""
    _require_change(actor, structure or scheme)
    if structure is not None and structure.scheme_id != scheme.pk:
        raise SisterCityError(_("The structure belongs to another scheme."), code="scheme")
    if not (name or "").strip():
        raise SisterCityError(_("The structure needs a name."), code="structure_name", field="name")
    if length_m is not None and length_m <= 0:
        raise SisterCityError(
            _("The length {value} m must be above 0.").format(value=length_m),
            code="length",
            field="length_m",
        )
    if kind in CANAL_KINDS and length_m is None:
        raise SisterCityError(_("A canal needs its length."), code="canal_length", field="length_m")
    structure = structure or Structure(scheme=scheme)
    structure.kind, structure.name, structure.condition = kind, name.strip(), condition
    structure.length_m = length_m
    with transaction.atomic(), set_actor(actor):
        full_clean(structure)
        structure.save()
    return structure


def iksi_record(
    *,
    actor,
    scheme: Scheme,
    assessed_on: dt.date,
    physical: Decimal,
    productivity: Decimal,
    facilities: Decimal,
    personnel: Decimal,
    documentation: Decimal,
    wua: Decimal,
    source: str = "",
    is_illustrative: bool = False,
) -> IksiAssessment:
    """Record an assessment; each component is 0–100 % of its maximum."""
    _require_change(actor, scheme)
    scores = dict(
        physical=physical,
        productivity=productivity,
        facilities=facilities,
        personnel=personnel,
        documentation=documentation,
        wua=wua,
    )
    for name, value in scores.items():
        if value is None or not 0 <= value <= 100:
            raise SisterCityError(
                _("The score {value} is outside 0–100 percent.").format(value=value),
                code="score_range",
                field=name,
            )
    assessment = IksiAssessment(
        scheme=scheme,
        assessed_on=assessed_on,
        source=source,
        is_illustrative=is_illustrative,
        **scores,
    )
    with transaction.atomic(), set_actor(actor):
        full_clean(assessment)
        assessment.save()
    return assessment


def drop_save(
    *,
    actor,
    scheme: Scheme,
    name: str,
    head_m: Decimal,
    flow_duration: list[list[float]],
    efficiency: Decimal = Decimal("0.70"),
    design_flow_m3s: Decimal | None = None,
    is_illustrative: bool = False,
    drop: CanalDrop | None = None,
    replace: bool = True,
) -> CanalDrop:
    """Add or change the drop ``name`` (or change ``drop``, its name included); its table and
    numbers are checked by the engine. ``replace=False`` refuses a name already used instead
    of changing that drop (a page's "add" form)."""
    _require_change(actor, drop or scheme)
    if drop is not None and drop.scheme_id != scheme.pk:
        raise SisterCityError(_("The drop belongs to another scheme."), code="scheme")
    if not (name or "").strip():
        raise SisterCityError(_("The drop needs a name."), code="drop_name", field="name")
    same_name = scheme.drops.filter(name=name)
    if drop is not None:
        same_name = same_name.exclude(pk=drop.pk)
    if (drop is not None or not replace) and same_name.exists():
        raise SisterCityError(
            _("The scheme already has a drop named {name}.").format(name=name),
            code="duplicate_name",
            field="name",
        )
    try:
        table = [(float(p), float(q)) for p, q in flow_duration]
    except (TypeError, ValueError):
        raise SisterCityError(
            _("The flow-duration table needs pairs of numbers."),
            code="flow_duration",
            field="flow_duration",
        ) from None
    if design_flow_m3s is not None and design_flow_m3s <= 0:
        raise SisterCityError(
            _("The design flow {value} m³/s must be above 0.").format(value=design_flow_m3s),
            code="design_flow",
            field="design_flow_m3s",
        )
    try:
        _check(
            wn.annual_energy_kwh,
            flow_duration=table,
            head_m=float(head_m),
            efficiency=float(efficiency),
            design_flow_m3s=None if design_flow_m3s is None else float(design_flow_m3s),
        )
    except SisterCityError as error:
        if error.field in ("exceedance", "flow"):  # a cell of the table
            error.field = "flow_duration"
        raise
    drop = drop or scheme.drops.filter(name=name).first() or CanalDrop(scheme=scheme)
    drop.name = name
    drop.head_m, drop.efficiency, drop.design_flow_m3s = head_m, efficiency, design_flow_m3s
    drop.flow_duration, drop.is_illustrative = [list(p) for p in table], is_illustrative
    with transaction.atomic(), set_actor(actor):
        full_clean(drop)
        drop.save()
    return drop
