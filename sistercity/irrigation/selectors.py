"""Reads, restricted to the user, and the figures computed from them on every read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from sistercity.core.access import Action
from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.choices import IksiClass, iksi_class
from sistercity.irrigation.climate import VARIABLES, HalfMonthClimate, half_month_climate
from sistercity.irrigation.crops import paddy_paddy_palawija
from sistercity.irrigation.models import (
    CanalDrop,
    ClimateRecord,
    ClimateStation,
    IksiAssessment,
    Scheme,
)


def schemes_for(user, partnership) -> QuerySet[Scheme]:
    return (
        Scheme.objects.for_user(user, Action.VIEW)
        .filter(partnership=partnership)
        .select_related("station")
        .prefetch_related(
            "translations",
            "groups",
            "associations",
            Prefetch("assessments", queryset=IksiAssessment.objects.all()),
        )
    )


def stations_for(user, partnership) -> QuerySet[ClimateStation]:
    return ClimateStation.objects.for_user(user, Action.VIEW).filter(partnership=partnership)


def drops_for(user, partnership) -> QuerySet[CanalDrop]:
    return (
        CanalDrop.objects.for_user(user, Action.VIEW)
        .filter(scheme__partnership=partnership)
        .select_related("scheme")
    )


def _records(station: ClimateStation) -> list[dict[str, Any]]:
    return list(ClimateRecord.objects.filter(station=station).values("date", *VARIABLES))


def station_years(station: ClimateStation) -> list[int]:
    dates = ClimateRecord.objects.filter(station=station).dates("date", "year")
    return [d.year for d in dates]


def station_climate(
    station: ClimateStation, year: int | None = None, records: list[dict[str, Any]] | None = None
) -> HalfMonthClimate | None:
    """The station's year (its latest by default) by half-month, gaps counted and filled."""
    records = _records(station) if records is None else records
    years = sorted({r["date"].year for r in records})
    if not years:
        return None
    return half_month_climate(
        records,
        year=year or years[-1],
        lat_deg=float(station.latitude),
        elevation_m=float(station.elevation_m),
        wind_height_m=float(station.wind_height_m),
    )


@dataclass
class SchemeWater:
    """What a scheme's page, XLSX and PDF show: inputs, per-group needs and intake demand."""

    climate: HalfMonthClimate
    years: list[int]
    r80: list[float]
    r50: list[float]
    inputs: wn.SchemeInputs
    seasons: list[wn.Season]
    groups: list[wn.Group]
    demand: wn.SchemeDemand


def _inputs(
    scheme: Scheme,
) -> tuple[HalfMonthClimate, list[int], list[float], list[float], wn.SchemeInputs] | None:
    if scheme.station is None:
        return None
    records = _records(scheme.station)
    climate = station_climate(scheme.station, records=records)
    if climate is None:
        return None
    years = sorted({r["date"].year for r in records})
    by_year = [station_climate(scheme.station, y, records) for y in years]
    totals: list[list[float]] = [
        [r for c in by_year if c and (r := c.rainfall[h]) is not None]
        for h in range(wn.HALF_MONTHS)
    ]
    # A half-month never measured counts as dry: the safe side for a requirement.
    r80 = [wn.dependable_rainfall(t, 0.8) if t else 0.0 for t in totals]
    r50 = [wn.dependable_rainfall(t, 0.5) if t else 0.0 for t in totals]
    known = [e for e in climate.eto if e is not None]
    mean_eto = sum(known) / len(known) if known else 0.0
    days = [wn.half_month_days(climate.year, h) for h in range(wn.HALF_MONTHS)]
    inputs = wn.SchemeInputs(
        eto=[e if e is not None else mean_eto for e in climate.eto],
        re_paddy=[wn.effective_rainfall_paddy(r80[h], days[h]) for h in range(wn.HALF_MONTHS)],
        re_palawija=[
            wn.effective_rainfall_palawija(r50[h], days[h]) for h in range(wn.HALF_MONTHS)
        ],
        percolation=float(scheme.percolation_mm_day),
        efficiency=float(scheme.efficiency),
        year=climate.year,
    )
    return climate, years, r80, r50, inputs


def _flow(scheme: Scheme) -> list[float]:
    flows = scheme.available_flow_m3s or []
    return [float(q) for q in flows] if len(flows) == wn.HALF_MONTHS else [0.0] * wn.HALF_MONTHS


def scheme_water(scheme: Scheme) -> SchemeWater | None:
    """None when the scheme has no station with records or no rotation group."""
    prepared = _inputs(scheme)
    groups = [wn.Group(g.code, float(g.area_ha), g.shift_half_months) for g in scheme.groups.all()]
    if prepared is None or not groups:
        return None
    climate, years, r80, r50, inputs = prepared
    seasons = paddy_paddy_palawija(scheme.season_start, scheme.palawija)
    demand = wn.scheme_demand(seasons, groups, inputs, _flow(scheme))
    return SchemeWater(climate, years, r80, r50, inputs, seasons, groups, demand)


def rotation_plan(scheme: Scheme, max_shift: int = 4) -> wn.RotationPlan | None:
    water = scheme_water(scheme)
    if water is None:
        return None
    return wn.plan_rotation(water.seasons, water.groups, water.inputs, _flow(scheme), max_shift)


@dataclass
class RankedScheme:
    scheme: Scheme
    index: Decimal | None
    condition: str
    cost_per_ha: Decimal | None
    rank: int = 0

    @property
    def condition_label(self) -> str:
        return str(IksiClass(self.condition).label) if self.condition else ""


def rehabilitation_ranking(user, partnership) -> list[RankedScheme]:
    """Schemes for rehabilitation, most urgent first: the lowest IKSI first; at equal index
    the larger command area (more farmers served); then the lower cost per hectare. Schemes
    never assessed come last (they need an assessment first)."""
    rows = []
    for scheme in schemes_for(user, partnership):
        latest = scheme.latest_assessment()
        index = latest.index if latest else None
        cost = scheme.rehabilitation_cost_idr
        per_ha = (cost / scheme.command_area_ha).quantize(Decimal(1)) if cost is not None else None
        rows.append(
            RankedScheme(scheme, index, iksi_class(index) if index is not None else "", per_ha)
        )
    rows.sort(
        key=lambda r: (
            r.index is None,
            r.index or 0,
            -r.scheme.command_area_ha,
            r.cost_per_ha if r.cost_per_ha is not None else Decimal("Infinity"),
            r.scheme.name,
        )
    )
    for position, row in enumerate(rows, start=1):
        row.rank = position
    return rows


def drops_ranked(user, partnership) -> list[tuple[CanalDrop, float, float]]:
    """Candidate drops with (annual energy MWh, power at the median flow kW), largest first."""
    drops = list(drops_for(user, partnership))
    engine = {
        d.pk: wn.Drop(
            str(d.pk),
            float(d.head_m),
            tuple((float(p), float(q)) for p, q in d.flow_duration),
            float(d.efficiency),
            None if d.design_flow_m3s is None else float(d.design_flow_m3s),
        )
        for d in drops
    }
    by_pk = {d.pk: d for d in drops}
    ranked = []
    for drop, energy in wn.rank_drops(engine.values()):
        model = by_pk[int(drop.code)]
        median = _median_flow(drop)
        if drop.design_flow_m3s is not None:
            median = min(median, drop.design_flow_m3s)
        power = wn.hydro_power_kw(flow_m3s=median, head_m=drop.head_m, efficiency=drop.efficiency)
        ranked.append((model, energy / 1000, power))
    return ranked


def _median_flow(drop: wn.Drop) -> float:
    points = sorted(drop.flow_duration)
    for (p0, q0), (p1, q1) in zip(points, points[1:], strict=False):
        if p0 <= 50 <= p1:
            return q0 + (q1 - q0) * (50 - p0) / (p1 - p0) if p1 > p0 else q0
    return points[-1][1] if points[-1][0] < 50 else points[0][1]
