"""From a station's daily records to the half-monthly series the water requirement needs.

Gaps are counted per half-month and variable, and filled only by the methods named in
``FILL_METHODS`` (shown on the page with the counts):

- temperature, humidity, sunshine and wind: linear interpolation between the nearest measured
  days (the nearest measured day at the ends of the record);
- rainfall: not invented day by day; a half-month's total is the measured days' total scaled to
  the whole half-month (total × days / measured days); a half-month with no measured day has
  no total and is flagged;
- a variable with no measured day at all: FAO-56's rules for missing data — radiation from the
  temperature range (eq50) without sunshine, dewpoint = Tmin (eq48) without humidity, 2 m/s
  without wind (FAO-56 chapter 3, "missing wind speed data").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from sistercity.irrigation import waterneeds as wn

VARIABLES = ("tmin", "tmax", "rh_mean", "sunshine_hours", "wind_ms", "rainfall_mm")
INTERPOLATED = ("tmin", "tmax", "rh_mean", "sunshine_hours", "wind_ms")
VARIABLE_LABELS = {  # BMKG's column names, as the file and the planner know them
    "tmin": "Tn",
    "tmax": "Tx",
    "rh_mean": "RH_avg",
    "sunshine_hours": "ss",
    "wind_ms": "ff_avg",
    "rainfall_mm": "RR",
}
FILL_METHODS = {
    "interpolated": _(
        "Temperature, humidity, sunshine and wind: linear interpolation between the nearest "
        "measured days."
    ),
    "rainfall": _(
        "Rainfall: a half-month's total is the measured days' total scaled to the whole "
        "half-month; a half-month without any measured day has no total."
    ),
    "fao56": _(
        "A variable never measured: FAO-56's rules for missing data (radiation from the "
        "temperature range, dewpoint equal to Tmin, wind 2 m/s)."
    ),
}


@dataclass
class HalfMonthClimate:
    """A year of a station cut into the 24 half-months of KP-01."""

    year: int
    days: list[int]  # days with a record
    eto: list[float | None]  # mm/day, mean of the daily ETo
    rainfall: list[float | None]  # mm in the half-month
    gaps: dict[str, list[int]]  # variable → missing days per half-month
    filled_days: int = 0
    never_measured: list[str] = field(default_factory=list)

    @property
    def total_gaps(self) -> int:
        return sum(sum(v) for v in self.gaps.values())


def _interpolate(values: list[float | None]) -> tuple[list[float] | None, int]:
    known = [i for i, v in enumerate(values) if v is not None]
    if not known:
        return None, 0
    xs = np.array(known, dtype=float)
    ys = np.array([values[i] for i in known], dtype=float)
    filled = np.interp(np.arange(len(values), dtype=float), xs, ys)
    return [float(v) for v in filled], len(values) - len(known)


def half_month_climate(
    records: Sequence[dict[str, Any]],
    *,
    year: int,
    lat_deg: float,
    elevation_m: float,
    wind_height_m: float,
) -> HalfMonthClimate:
    """Records are dicts with ``date`` and the ``VARIABLES`` (None where missing)."""
    rows = sorted((r for r in records if r["date"].year == year), key=lambda r: r["date"])
    halves = [wn.half_month_of(r["date"].month, r["date"].day) for r in rows]
    gaps = {v: [0] * wn.HALF_MONTHS for v in VARIABLES}
    for r, h in zip(rows, halves, strict=True):
        for v in VARIABLES:
            if r.get(v) is None:
                gaps[v][h] += 1
    series: dict[str, list[float] | None] = {}
    filled_days, never = 0, []
    for v in INTERPOLATED:
        series[v], filled = _interpolate([r.get(v) for r in rows])
        filled_days += filled if series[v] is not None else 0
        if series[v] is None:
            never.append(v)
    daily_eto: list[list[float]] = [[] for _ in range(wn.HALF_MONTHS)]
    if series["tmin"] is not None and series["tmax"] is not None:
        for i, (r, h) in enumerate(zip(rows, halves, strict=True)):
            daily_eto[h].append(_day_eto(series, i, r["date"], lat_deg, elevation_m, wind_height_m))
    rain_sum = [0.0] * wn.HALF_MONTHS
    rain_days = [0] * wn.HALF_MONTHS
    for r, h in zip(rows, halves, strict=True):
        if r.get("rainfall_mm") is not None:
            rain_sum[h] += r["rainfall_mm"]
            rain_days[h] += 1
    rainfall: list[float | None] = [
        rain_sum[h] * wn.half_month_days(year, h) / rain_days[h] if rain_days[h] else None
        for h in range(wn.HALF_MONTHS)
    ]
    days = [0] * wn.HALF_MONTHS
    for h in halves:
        days[h] += 1
    eto = [float(np.mean(d)) if d else None for d in daily_eto]
    return HalfMonthClimate(year, days, eto, rainfall, gaps, filled_days, never)


def _day_eto(
    series: dict[str, list[float] | None],
    i: int,
    date: dt.date,
    lat_deg: float,
    elevation_m: float,
    wind_height_m: float,
) -> float:
    def value(name: str) -> float | None:
        column = series[name]
        return None if column is None else column[i]

    tmin, tmax = value("tmin"), value("tmax")
    assert tmin is not None and tmax is not None
    tmin, tmax = min(tmin, tmax), max(tmin, tmax)  # interpolation cannot cross, guard anyway
    rh, wind, sunshine = value("rh_mean"), value("wind_ms"), value("sunshine_hours")
    ea = None if rh is None else wn.vapour_pressure_from_rh_mean(tmax=tmax, tmin=tmin, rh_mean=rh)
    u2 = 2.0 if wind is None else wn.wind_at_2m(wind, wind_height_m)
    doy = date.timetuple().tm_yday
    if sunshine is not None:
        sunshine = min(sunshine, wn.daylight_hours(lat_deg, doy))
    return wn.eto_fao56(
        tmax=tmax,
        tmin=tmin,
        lat_deg=lat_deg,
        elevation_m=elevation_m,
        doy=doy,
        u2=u2,
        sunshine_hours=sunshine,
        ea=ea,
    )
