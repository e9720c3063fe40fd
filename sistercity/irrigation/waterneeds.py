"""Crop water requirements of an irrigation scheme (daerah irigasi), with no Django.

The equations are FAO Irrigation and Drainage Paper 56 (Allen, Pereira, Raes, Smith 1998;
"FAO-56", equations named ``eqN``) and Indonesia's irrigation design standard KP-01
(Standar Perencanaan Irigasi, Kriteria Perencanaan 01, Direktorat Jenderal Sumber Daya Air):
land preparation by Van de Goor–Zijlstra, effective rainfall from the 80 %-dependable
half-monthly rainfall, net field requirement NFR = ETc + P − Re + WLR, diversion requirement in
l/s/ha with the scheme's efficiencies.

The year is cut into 24 half-months (``0`` = 1–15 January, ``1`` = 16–31 January, …), the unit
KP-01 plans in. Bad input raises :class:`WaterNeedsError` with a code and the offending value,
which the services turn into a translated message.

The interface of :func:`eto_fao56` and :func:`land_preparation` is fixed (other tools call it).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

import numpy as np

HALF_MONTHS = 24
SOLAR_CONSTANT = 0.0820  # MJ m-2 min-1, FAO-56 eq21
STEFAN_BOLTZMANN = 4.903e-9  # MJ K-4 m-2 day-1, FAO-56 eq39
ANGSTROM_AS, ANGSTROM_BS = 0.25, 0.50  # FAO-56 eq35 defaults where not calibrated
HARGREAVES_KRS_INTERIOR = 0.16  # FAO-56 eq50, interior locations
ALBEDO = 0.23  # grass reference, FAO-56 eq38
WATER_DENSITY = 1000.0  # kg m-3
GRAVITY = 9.81  # m s-2
MISSING_CODES = (8888.0, 9999.0)  # BMKG: 8888 not measured, 9999 no data
HOURS_PER_YEAR = 8760.0


class WaterNeedsError(ValueError):
    """Input outside what the equations accept; ``code`` names the rule, ``value`` the input."""

    def __init__(self, code: str, value: object = None, name: str = "") -> None:
        super().__init__(f"{code}: {name}={value!r}")
        self.code = code
        self.value = value
        self.name = name


# --- checks -------------------------------------------------------------------------------


def _finite(name: str, value: float) -> float:
    if value in MISSING_CODES:
        raise WaterNeedsError("missing_code", value, name)
    if not math.isfinite(value):
        raise WaterNeedsError("not_finite", value, name)
    return float(value)


def check_temperatures(tmax: float, tmin: float) -> None:
    _finite("tmax", tmax)
    _finite("tmin", tmin)
    if tmin > tmax:
        raise WaterNeedsError("tmin_above_tmax", tmin, "tmin")
    if not (-60.0 <= tmin and tmax <= 60.0):
        raise WaterNeedsError("temperature_range", tmax, "tmax")


def check_humidity(name: str, value: float | None) -> None:
    if value is not None and not 0.0 <= _finite(name, value) <= 100.0:
        raise WaterNeedsError("humidity_range", value, name)


def check_latitude(lat_deg: float) -> None:
    if not -90.0 <= _finite("lat_deg", lat_deg) <= 90.0:
        raise WaterNeedsError("latitude_range", lat_deg, "lat_deg")


def check_rainfall(name: str, value: float) -> None:
    if _finite(name, value) < 0.0:
        raise WaterNeedsError("negative_rainfall", value, name)


def check_efficiency(name: str, value: float) -> None:
    if not 0.0 < _finite(name, value) <= 1.0:
        raise WaterNeedsError("efficiency_range", value, name)


# --- FAO-56 chapter 3: meteorological data -------------------------------------------------


def atmospheric_pressure(elevation_m: float) -> float:
    """kPa, FAO-56 eq7."""
    return float(101.3 * ((293.0 - 0.0065 * elevation_m) / 293.0) ** 5.26)


def psychrometric_constant(pressure_kpa: float) -> float:
    """kPa °C-1, FAO-56 eq8."""
    return 0.665e-3 * pressure_kpa


def saturation_vapour_pressure(t: float) -> float:
    """e°(T) in kPa, FAO-56 eq11."""
    return 0.6108 * math.exp(17.27 * t / (t + 237.3))


def vapour_pressure_slope(tmean: float) -> float:
    """Δ in kPa °C-1, FAO-56 eq13."""
    return 4098.0 * saturation_vapour_pressure(tmean) / (tmean + 237.3) ** 2


def wind_at_2m(speed: float, height_m: float) -> float:
    """Wind measured at ``height_m`` brought to 2 m, FAO-56 eq47."""
    if height_m <= 0 or speed < 0:
        raise WaterNeedsError("wind_range", speed, "wind")
    return speed * 4.87 / math.log(67.8 * height_m - 5.42)


def extraterrestrial_radiation(lat_deg: float, doy: int) -> float:
    """Ra in MJ m-2 day-1, FAO-56 eq21 (with eq23–25)."""
    check_latitude(lat_deg)
    phi = math.radians(lat_deg)
    dr = 1 + 0.033 * math.cos(2 * math.pi * doy / 365)  # eq23
    delta = 0.409 * math.sin(2 * math.pi * doy / 365 - 1.39)  # eq24
    ws = math.acos(max(-1.0, min(1.0, -math.tan(phi) * math.tan(delta))))  # eq25
    return (
        24
        * 60
        / math.pi
        * SOLAR_CONSTANT
        * dr
        * (ws * math.sin(phi) * math.sin(delta) + math.cos(phi) * math.cos(delta) * math.sin(ws))
    )


def daylight_hours(lat_deg: float, doy: int) -> float:
    """N in hours, FAO-56 eq34."""
    phi = math.radians(lat_deg)
    delta = 0.409 * math.sin(2 * math.pi * doy / 365 - 1.39)
    ws = math.acos(max(-1.0, min(1.0, -math.tan(phi) * math.tan(delta))))
    return 24 / math.pi * ws


@dataclass(frozen=True)
class EtoBreakdown:
    """ETo with its intermediate terms and the FAO-56 rules used for missing data."""

    eto: float
    ra: float
    rs: float
    rso: float
    rn: float
    es: float
    ea: float
    delta: float
    gamma: float
    radiation_method: str  # "measured", "angstrom" (eq35) or "hargreaves" (eq50)
    humidity_method: str  # "measured", "rh_max_min" (eq17), "rh_max" (eq18), "tmin" (eq48)


def _radiation(
    tmax: float,
    tmin: float,
    ra: float,
    lat_deg: float,
    doy: int,
    sunshine_hours: float | None,
    rs: float | None,
) -> tuple[float, str]:
    if rs is not None:
        if _finite("rs", rs) < 0:
            raise WaterNeedsError("radiation_range", rs, "rs")
        return rs, "measured"
    if sunshine_hours is not None:
        n_max = daylight_hours(lat_deg, doy)
        if not 0 <= _finite("sunshine_hours", sunshine_hours) <= n_max + 0.5:
            raise WaterNeedsError("sunshine_range", sunshine_hours, "sunshine_hours")
        ratio = min(sunshine_hours / n_max, 1.0) if n_max > 0 else 0.0
        return (ANGSTROM_AS + ANGSTROM_BS * ratio) * ra, "angstrom"  # eq35
    # Temperature only: FAO-56 eq50 (Hargreaves' radiation formula), the rule of section
    # "Missing data" — stated in the breakdown so a page can say so.
    return HARGREAVES_KRS_INTERIOR * math.sqrt(tmax - tmin) * ra, "hargreaves"


def _actual_vapour_pressure(
    tmax: float, tmin: float, ea: float | None, rh_max: float | None, rh_min: float | None
) -> tuple[float, str]:
    if ea is not None:
        if _finite("ea", ea) < 0:
            raise WaterNeedsError("vapour_pressure_range", ea, "ea")
        return ea, "measured"
    check_humidity("rh_max", rh_max)
    check_humidity("rh_min", rh_min)
    e_tmin, e_tmax = saturation_vapour_pressure(tmin), saturation_vapour_pressure(tmax)
    if rh_max is not None and rh_min is not None:
        if rh_min > rh_max:
            raise WaterNeedsError("humidity_order", rh_min, "rh_min")
        return (e_tmin * rh_max / 100 + e_tmax * rh_min / 100) / 2, "rh_max_min"  # eq17
    if rh_max is not None:
        return e_tmin * rh_max / 100, "rh_max"  # eq18
    # No humidity: dewpoint taken as Tmin, FAO-56 eq48.
    return e_tmin, "tmin"


def eto_fao56_breakdown(
    *,
    tmax: float,
    tmin: float,
    lat_deg: float,
    elevation_m: float,
    doy: int,
    u2: float,
    sunshine_hours: float | None = None,
    rs: float | None = None,
    ea: float | None = None,
    rh_max: float | None = None,
    rh_min: float | None = None,
    g: float = 0.0,
) -> EtoBreakdown:
    """FAO-56 Penman–Monteith (eq6) with every intermediate term; see :func:`eto_fao56`."""
    check_temperatures(tmax, tmin)
    check_latitude(lat_deg)
    if not 1 <= doy <= 366:
        raise WaterNeedsError("day_of_year_range", doy, "doy")
    if _finite("u2", u2) < 0:
        raise WaterNeedsError("wind_range", u2, "u2")
    tmean = (tmax + tmin) / 2  # eq9
    gamma = psychrometric_constant(atmospheric_pressure(elevation_m))
    delta = vapour_pressure_slope(tmean)
    es = (saturation_vapour_pressure(tmax) + saturation_vapour_pressure(tmin)) / 2  # eq12
    ea_value, humidity_method = _actual_vapour_pressure(tmax, tmin, ea, rh_max, rh_min)
    ra = extraterrestrial_radiation(lat_deg, doy)
    rs_value, radiation_method = _radiation(tmax, tmin, ra, lat_deg, doy, sunshine_hours, rs)
    rso = (0.75 + 2e-5 * elevation_m) * ra  # eq37
    rns = (1 - ALBEDO) * rs_value  # eq38
    rs_rso = min(rs_value / rso, 1.0) if rso > 0 else 0.0
    rnl = (
        STEFAN_BOLTZMANN
        * ((tmax + 273.16) ** 4 + (tmin + 273.16) ** 4)
        / 2
        * (0.34 - 0.14 * math.sqrt(ea_value))
        * (1.35 * rs_rso - 0.35)
    )  # eq39
    rn = rns - rnl  # eq40
    eto = (0.408 * delta * (rn - g) + gamma * 900 / (tmean + 273) * u2 * (es - ea_value)) / (
        delta + gamma * (1 + 0.34 * u2)
    )  # eq6
    return EtoBreakdown(
        eto=max(eto, 0.0),
        ra=ra,
        rs=rs_value,
        rso=rso,
        rn=rn,
        es=es,
        ea=ea_value,
        delta=delta,
        gamma=gamma,
        radiation_method=radiation_method,
        humidity_method=humidity_method,
    )


def eto_fao56(
    *,
    tmax: float,
    tmin: float,
    lat_deg: float,
    elevation_m: float,
    doy: int,
    u2: float,
    sunshine_hours: float | None = None,
    rs: float | None = None,
    ea: float | None = None,
    rh_max: float | None = None,
    rh_min: float | None = None,
    g: float = 0.0,
) -> float:
    """Reference evapotranspiration ETo in mm/day, FAO-56 Penman–Monteith (eq6).

    Radiation from ``rs`` (MJ m-2 day-1) or, if absent, from ``sunshine_hours`` by the Ångström
    formula (eq35); with neither, FAO-56's temperature-only rule (eq50). Actual vapour pressure
    from ``ea`` (kPa) or, if absent, from ``rh_max``/``rh_min`` (eq17, eq18); with neither,
    the dewpoint is taken as Tmin (eq48). ``g`` the soil heat flux (monthly steps pass eq43).
    """
    return eto_fao56_breakdown(
        tmax=tmax,
        tmin=tmin,
        lat_deg=lat_deg,
        elevation_m=elevation_m,
        doy=doy,
        u2=u2,
        sunshine_hours=sunshine_hours,
        rs=rs,
        ea=ea,
        rh_max=rh_max,
        rh_min=rh_min,
        g=g,
    ).eto


def soil_heat_flux_monthly(t_previous_month: float, t_next_month: float) -> float:
    """G for a month in MJ m-2 day-1 from the neighbouring months' means, FAO-56 eq43."""
    return 0.07 * (t_next_month - t_previous_month)


def eto_hargreaves(*, tmax: float, tmin: float, lat_deg: float, doy: int) -> float:
    """ETo by Hargreaves, FAO-56 eq52 (the alternative when only temperature is measured)."""
    check_temperatures(tmax, tmin)
    ra = extraterrestrial_radiation(lat_deg, doy)
    return max(0.0023 * ((tmax + tmin) / 2 + 17.8) * math.sqrt(tmax - tmin) * 0.408 * ra, 0.0)


# --- KP-01: land preparation, effective rainfall, NFR, DR -----------------------------------


def land_preparation(*, eo_plus_p: float, days: float, saturation_mm: float) -> float:
    """Irrigation requirement during land preparation in mm/day (Van de Goor–Zijlstra, KP-01).

    LP = M·e^k / (e^k − 1), k = M·T / S with M = Eo + P (open-water evaporation, taken as
    1.1·ETo in KP-01, plus percolation) in mm/day, T the preparation time in days and S the
    water to saturate the soil plus the 50 mm layer after transplanting (250 mm, or 300 mm
    after a long fallow).
    """
    m = _finite("eo_plus_p", eo_plus_p)
    if m < 0:
        raise WaterNeedsError("negative_water", m, "eo_plus_p")
    if _finite("days", days) <= 0:
        raise WaterNeedsError("days_range", days, "days")
    if _finite("saturation_mm", saturation_mm) <= 0:
        raise WaterNeedsError("saturation_range", saturation_mm, "saturation_mm")
    if m == 0:
        return saturation_mm / days  # the limit of the formula as M → 0
    k = m * days / saturation_mm
    return m * math.exp(k) / (math.exp(k) - 1)


def dependable_rainfall(totals: Sequence[float], probability: float = 0.8) -> float:
    """The half-monthly total reached or exceeded in ``probability`` of the years.

    Ranked from the largest, Weibull plotting position P = m / (n + 1), linearly
    interpolated between ranks; with too few years for the position, the smallest total (the
    safe side). ``totals`` holds one total per year for the same half-month.
    """
    if not totals:
        raise WaterNeedsError("no_rainfall", None, "totals")
    for value in totals:
        check_rainfall("rainfall", value)
    ranked = sorted(totals, reverse=True)
    n = len(ranked)
    position = probability * (n + 1)  # rank m whose exceedance is `probability`
    if position >= n:
        return float(ranked[-1])
    if position <= 1:
        return float(ranked[0])
    lower = int(math.floor(position))
    frac = position - lower
    return float(ranked[lower - 1] + frac * (ranked[lower] - ranked[lower - 1]))


def effective_rainfall_paddy(r80_mm: float, days: int) -> float:
    """KP-01 for paddy: 70 % of the 80 %-dependable half-monthly rainfall, in mm/day."""
    check_rainfall("r80", r80_mm)
    return 0.7 * r80_mm / days


def effective_rainfall_palawija(r50_mm: float, days: int) -> float:
    """Palawija: 70 % of the 50 %-dependable (median) half-monthly rainfall, in mm/day.

    A simplification stated as such: KP-01 applies the USDA-SCS method to monthly R50.
    """
    check_rainfall("r50", r50_mm)
    return 0.7 * r50_mm / days


def diversion_requirement(nfr_mm_day: float, efficiency: float) -> float:
    """DR in l/s/ha at the intake: NFR / (e · 8.64) (KP-01; 1 mm/day = 1/8.64 l/s/ha)."""
    check_efficiency("efficiency", efficiency)
    return max(nfr_mm_day, 0.0) / (efficiency * 8.64)


def overall_efficiency(tertiary: float, secondary: float, primary: float) -> float:
    """The scheme's irrigation efficiency, the product of its canal levels (KP-01)."""
    for name, value in (("tertiary", tertiary), ("secondary", secondary), ("primary", primary)):
        check_efficiency(name, value)
    return tertiary * secondary * primary


def half_month_days(year: int, half_month: int) -> int:
    """Days in a half-month: 15 for the first, the rest of the month for the second."""
    month = half_month // 2 + 1
    if half_month % 2 == 0:
        return 15
    if month == 12:
        return 16
    days_in_month = (
        np.datetime64(f"{year}-{month + 1:02d}-01") - np.datetime64(f"{year}-{month:02d}-01")
    ).astype(int)
    return int(days_in_month) - 15


def half_month_of(month: int, day: int) -> int:
    """The half-month index (0–23) of a date."""
    return (month - 1) * 2 + (0 if day <= 15 else 1)


# --- crops and the cropping pattern ---------------------------------------------------------


@dataclass(frozen=True)
class Crop:
    """A crop as KP-01 plans it: its land preparation and a Kc per half-month of growth."""

    code: str
    kc: tuple[float, ...]  # one per half-month after planting
    paddy: bool
    land_prep_half_months: int  # 2 = 30 days for paddy
    land_prep_mm: float = 250.0  # S for paddy; for palawija the depth given over the period
    source: str = ""


@dataclass(frozen=True)
class Season:
    """A crop planted at ``start`` (half-month index of the start of land preparation)."""

    crop: Crop
    start: int

    def half_months(self) -> int:
        return self.crop.land_prep_half_months + len(self.crop.kc)


@dataclass(frozen=True)
class SchemeInputs:
    """What the scheme's demand needs, one value per half-month where a list."""

    eto: Sequence[float]  # mm/day
    re_paddy: Sequence[float]  # mm/day
    re_palawija: Sequence[float]  # mm/day
    percolation: float = 2.0  # mm/day
    efficiency: float = 0.65
    wlr_mm: float = 50.0  # water layer replaced, KP-01
    wlr_half_months: tuple[int, ...] = (2, 4)  # half-months after planting the layer is replaced
    year: int = 2025


@dataclass
class HalfMonthNeed:
    """One half-month of one rotation group: what the field needs and the intake gives."""

    half_month: int
    activity: str  # "" fallow, "lp" land preparation, or the crop's code
    crop: str
    kc: float
    etc: float
    re: float
    wlr: float
    nfr: float
    dr: float  # l/s/ha


def _check_inputs(inputs: SchemeInputs) -> None:
    for name, series in (
        ("eto", inputs.eto),
        ("re_paddy", inputs.re_paddy),
        ("re_palawija", inputs.re_palawija),
    ):
        if len(series) != HALF_MONTHS:
            raise WaterNeedsError("half_months_length", len(series), name)
        for value in series:
            if _finite(name, value) < 0:
                raise WaterNeedsError(
                    "negative_rainfall" if name != "eto" else "negative_eto", value, name
                )
    if _finite("percolation", inputs.percolation) < 0:
        raise WaterNeedsError("negative_water", inputs.percolation, "percolation")
    check_efficiency("efficiency", inputs.efficiency)


def _season_need(season: Season, offset: int, inputs: SchemeInputs, h: int) -> HalfMonthNeed:
    crop = season.crop
    eto = inputs.eto[h]
    days = half_month_days(inputs.year, h)
    re = inputs.re_paddy[h] if crop.paddy else inputs.re_palawija[h]
    if offset < crop.land_prep_half_months:
        if crop.paddy:
            lp_days = 15.0 * crop.land_prep_half_months
            lp = land_preparation(
                eo_plus_p=1.1 * eto + inputs.percolation,
                days=lp_days,
                saturation_mm=crop.land_prep_mm,
            )
        else:
            lp = crop.land_prep_mm / (15.0 * crop.land_prep_half_months)
        nfr = lp - re
        return HalfMonthNeed(
            h,
            "lp",
            crop.code,
            0.0,
            0.0,
            re,
            0.0,
            nfr,
            diversion_requirement(nfr, inputs.efficiency),
        )
    growth = offset - crop.land_prep_half_months
    kc = crop.kc[growth]
    etc = kc * eto
    if crop.paddy:
        # WLR only while the field is flooded (kc > 0) and in the half-months KP-01 names.
        wlr = inputs.wlr_mm / days if growth in inputs.wlr_half_months and kc > 0 else 0.0
        perc = inputs.percolation if kc > 0 else 0.0
        nfr = etc + perc - re + wlr  # NFR = ETc + P − Re + WLR
    else:
        wlr = 0.0
        nfr = etc - re
    return HalfMonthNeed(
        h,
        crop.code,
        crop.code,
        kc,
        etc,
        re,
        wlr,
        nfr,
        diversion_requirement(nfr, inputs.efficiency),
    )


def group_needs(
    seasons: Sequence[Season], inputs: SchemeInputs, shift: int = 0
) -> list[HalfMonthNeed]:
    """The 24 half-months of one rotation group whose calendar starts ``shift`` later."""
    _check_inputs(inputs)
    needs: list[HalfMonthNeed | None] = [None] * HALF_MONTHS
    for season in seasons:
        for offset in range(season.half_months()):
            h = (season.start + shift + offset) % HALF_MONTHS
            if needs[h] is not None:
                raise WaterNeedsError("seasons_overlap", h, season.crop.code)
            needs[h] = _season_need(season, offset, inputs, h)
    return [
        need if need is not None else HalfMonthNeed(h, "", "", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        for h, need in enumerate(needs)
    ]


@dataclass(frozen=True)
class Group:
    """A rotation group (golongan): its area and its planting-date shift in half-months."""

    code: str
    area_ha: float
    shift: int = 0


def check_group_areas(groups: Iterable[Group], scheme_area_ha: float) -> None:
    total = 0.0
    for group in groups:
        if _finite("area_ha", group.area_ha) < 0:
            raise WaterNeedsError("negative_area", group.area_ha, group.code)
        total += group.area_ha
    if total > scheme_area_ha + 1e-9:
        raise WaterNeedsError("group_area_exceeds_scheme", total, "area_ha")


@dataclass
class SchemeDemand:
    """Per half-month: each group's needs, the intake demand (m³/s) and the available flow."""

    groups: dict[str, list[HalfMonthNeed]]
    intake_m3s: list[float]
    available_m3s: list[float]
    deficit_half_months: list[int] = field(default_factory=list)

    @property
    def peak_m3s(self) -> float:
        return max(self.intake_m3s)

    @property
    def deficit_m3(self) -> float:
        """Water short over the year (m³), half-months of 15 days."""
        return sum(
            max(d - a, 0.0) * 15 * 86400
            for d, a in zip(self.intake_m3s, self.available_m3s, strict=True)
        )


def scheme_demand(
    seasons: Sequence[Season],
    groups: Sequence[Group],
    inputs: SchemeInputs,
    available_m3s: Sequence[float],
) -> SchemeDemand:
    """Intake demand of all rotation groups by half-month against the available flow."""
    if len(available_m3s) != HALF_MONTHS:
        raise WaterNeedsError("half_months_length", len(available_m3s), "available")
    for value in available_m3s:
        if _finite("available", value) < 0:
            raise WaterNeedsError("negative_flow", value, "available")
    per_group = {g.code: group_needs(seasons, inputs, g.shift) for g in groups}
    intake = [
        sum(per_group[g.code][h].dr * g.area_ha for g in groups) / 1000.0
        for h in range(HALF_MONTHS)
    ]
    deficits = [h for h in range(HALF_MONTHS) if intake[h] > available_m3s[h] + 1e-12]
    return SchemeDemand(per_group, intake, list(available_m3s), deficits)


@dataclass(frozen=True)
class RotationPlan:
    """The shifts chosen for each group and the half-months still short of water."""

    shifts: dict[str, int]
    demand: SchemeDemand
    unavoidable_deficits: list[int]


def plan_rotation(
    seasons: Sequence[Season],
    groups: Sequence[Group],
    inputs: SchemeInputs,
    available_m3s: Sequence[float],
    max_shift: int = 4,
) -> RotationPlan:
    """Choose each group's planting shift (0…``max_shift`` half-months) to keep demand under flow.

    Every combination is tried (three groups and five shifts are 125 runs): fewest deficit
    half-months first, then the smallest water short, then the smallest peak, then the least
    total shift, so a plan that needs no change keeps the farmers' calendar. The half-months
    short in the best plan are the ones no shift can save.
    """
    if not groups:
        raise WaterNeedsError("no_groups", None, "groups")
    if not 0 <= max_shift < HALF_MONTHS:
        raise WaterNeedsError("shift_range", max_shift, "max_shift")
    best: tuple[tuple[int, float, float, int], dict[str, int], SchemeDemand] | None = None
    for combo in product(range(max_shift + 1), repeat=len(groups)):
        shifted = [Group(g.code, g.area_ha, s) for g, s in zip(groups, combo, strict=True)]
        demand = scheme_demand(seasons, shifted, inputs, available_m3s)
        key = (
            len(demand.deficit_half_months),
            round(demand.deficit_m3, 3),
            round(demand.peak_m3s, 9),
            sum(combo),
        )
        if best is None or key < best[0]:
            best = (key, {g.code: s for g, s in zip(groups, combo, strict=True)}, demand)
    assert best is not None
    return RotationPlan(best[1], best[2], list(best[2].deficit_half_months))


# --- canal micro-hydro ----------------------------------------------------------------------


def hydro_power_kw(*, flow_m3s: float, head_m: float, efficiency: float) -> float:
    """P = ρ·g·Q·H·η in kW."""
    if _finite("flow_m3s", flow_m3s) < 0:
        raise WaterNeedsError("negative_flow", flow_m3s, "flow_m3s")
    if _finite("head_m", head_m) < 0:
        raise WaterNeedsError("negative_head", head_m, "head_m")
    check_efficiency("efficiency", efficiency)
    return WATER_DENSITY * GRAVITY * flow_m3s * head_m * efficiency / 1000.0


def annual_energy_kwh(
    *,
    flow_duration: Sequence[tuple[float, float]],
    head_m: float,
    efficiency: float,
    design_flow_m3s: float | None = None,
) -> float:
    """Annual energy (kWh) from a flow-duration table of (percent of time exceeded, Q m³/s).

    Trapezoids between the table's points, the flow capped at the turbine's design flow; the
    time before the first point runs at the first flow, after the last at the last.
    """
    if not flow_duration:
        raise WaterNeedsError("no_flow_duration", None, "flow_duration")
    points = sorted(flow_duration)
    previous = -1.0
    for pct, q in points:
        if not 0.0 <= _finite("exceedance", pct) <= 100.0 or pct == previous:
            raise WaterNeedsError("exceedance_range", pct, "exceedance")
        if _finite("flow", q) < 0:
            raise WaterNeedsError("negative_flow", q, "flow")
        previous = pct
    cap = math.inf if design_flow_m3s is None else design_flow_m3s
    mean_flow = min(points[0][1], cap) * points[0][0] / 100
    mean_flow += min(points[-1][1], cap) * (100 - points[-1][0]) / 100
    for (p0, q0), (p1, q1) in zip(points, points[1:], strict=False):
        mean_flow += _capped_segment(p0, q0, p1, q1, cap) / 100
    return hydro_power_kw(flow_m3s=mean_flow, head_m=head_m, efficiency=efficiency) * HOURS_PER_YEAR


def _capped_segment(p0: float, q0: float, p1: float, q1: float, cap: float) -> float:
    """∫ min(Q, cap) dp over a straight segment of the flow-duration curve."""
    if max(q0, q1) <= cap:
        return (q0 + q1) / 2 * (p1 - p0)
    if min(q0, q1) >= cap:
        return cap * (p1 - p0)
    cross = p0 + (cap - q0) / (q1 - q0) * (p1 - p0)  # where the curve meets the cap
    if q0 > cap:
        return cap * (cross - p0) + (cap + q1) / 2 * (p1 - cross)
    return (q0 + cap) / 2 * (cross - p0) + cap * (p1 - cross)


@dataclass(frozen=True)
class Drop:
    """A canal drop that could turn a turbine."""

    code: str
    head_m: float
    flow_duration: tuple[tuple[float, float], ...]
    efficiency: float = 0.7
    design_flow_m3s: float | None = None


def rank_drops(drops: Iterable[Drop]) -> list[tuple[Drop, float]]:
    """Candidate drops with their annual energy (kWh), largest first."""
    rated = [
        (
            d,
            annual_energy_kwh(
                flow_duration=d.flow_duration,
                head_m=d.head_m,
                efficiency=d.efficiency,
                design_flow_m3s=d.design_flow_m3s,
            ),
        )
        for d in drops
    ]
    return sorted(rated, key=lambda pair: (-pair[1], pair[0].code))


# --- from station records to half-monthly series -------------------------------------------


def half_month_means(values: Mapping[int, Sequence[float]]) -> list[float | None]:
    """Mean of each half-month's values (None where a half-month has none)."""
    return [float(np.mean(values[h])) if values.get(h) else None for h in range(HALF_MONTHS)]


def vapour_pressure_from_rh_mean(*, tmax: float, tmin: float, rh_mean: float) -> float:
    """ea in kPa from the mean relative humidity, FAO-56 eq19 (BMKG publishes RH_avg only)."""
    check_temperatures(tmax, tmin)
    check_humidity("rh_mean", rh_mean)
    es = (saturation_vapour_pressure(tmax) + saturation_vapour_pressure(tmin)) / 2
    return rh_mean / 100 * es
