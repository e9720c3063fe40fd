"""What the scheme and station pages, the PDF and the XLSX show, built once from a selector's
result so that all of them carry the same numbers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.charts import half_month_chart
from sistercity.irrigation.choices import half_month_label
from sistercity.irrigation.climate import VARIABLE_LABELS, VARIABLES, HalfMonthClimate
from sistercity.irrigation.selectors import SchemeWater

ACTIVITY = {"": "—", "lp": "LP"}


def climate_view(climate: HalfMonthClimate) -> dict[str, Any]:
    rows = [
        {
            "label": half_month_label(h),
            "days": climate.days[h],
            "eto": climate.eto[h],
            "rainfall": climate.rainfall[h],
            "gaps": {v: climate.gaps[v][h] for v in climate.gaps},
            "gap_total": sum(climate.gaps[v][h] for v in climate.gaps),
            "gap_detail": ", ".join(
                f"{VARIABLE_LABELS[v]} {climate.gaps[v][h]}"
                for v in VARIABLES
                if climate.gaps[v][h]
            ),
        }
        for h in range(wn.HALF_MONTHS)
    ]
    return {
        "year": climate.year,
        "rows": rows,
        "total_gaps": climate.total_gaps,
        "never_measured": ", ".join(str(VARIABLE_LABELS[v]) for v in climate.never_measured),
        "filled_days": climate.filled_days,
        "eto_chart": half_month_chart(
            title=_("Reference evapotranspiration ETo (FAO-56 Penman–Monteith)"),
            test="chart-eto",
            unit=_("mm/day"),
            lines=[(_("ETo"), climate.eto, "#d95f02")],
        ),
        "rain_chart": half_month_chart(
            title=_("Rainfall by half-month"),
            test="chart-rainfall",
            unit=_("mm"),
            bars=[(_("rainfall"), climate.rainfall, "#3b6ea5")],
        ),
    }


def _activity(need: wn.HalfMonthNeed) -> str:
    return ACTIVITY.get(need.activity, need.crop)


def water_view(water: SchemeWater, scheme: Any) -> dict[str, Any]:
    demand = water.demand
    peak_h = max(range(wn.HALF_MONTHS), key=lambda h: demand.intake_m3s[h])
    rows = []
    for h in range(wn.HALF_MONTHS):
        rows.append(
            {
                "half_month": h,
                "label": half_month_label(h),
                "eto": water.inputs.eto[h],
                "r80": water.r80[h],
                "re_paddy": water.inputs.re_paddy[h],
                "groups": [(g, demand.groups[g.code][h]) for g in water.groups],
                "intake": demand.intake_m3s[h],
                "available": demand.available_m3s[h],
                "deficit": h in demand.deficit_half_months,
            }
        )
    return {
        "rows": rows,
        "years": water.years,
        "efficiency": water.inputs.efficiency,
        "peak": demand.peak_m3s,
        "peak_label": half_month_label(peak_h),
        "peak_available": demand.available_m3s[peak_h],
        "peak_fits": demand.peak_m3s <= demand.available_m3s[peak_h],
        "deficits": [half_month_label(h) for h in demand.deficit_half_months],
        "deficit_m3": demand.deficit_m3,
        "groups": water.groups,
        "climate_year": water.climate.year,
        "demand_chart": half_month_chart(
            title=_("Intake demand against the available flow"),
            test="chart-demand",
            unit=_("m³/s"),
            bars=[(_("intake demand"), demand.intake_m3s, "#1b9e77")],
            lines=[(_("available flow"), demand.available_m3s, "#3b6ea5")],
            deficits=demand.deficit_half_months,
        ),
        "eto_chart": half_month_chart(
            title=_("ETo and effective rainfall for paddy"),
            test="chart-scheme-eto",
            unit=_("mm/day"),
            lines=[
                (_("ETo"), water.inputs.eto, "#d95f02"),
                (_("Re paddy"), water.inputs.re_paddy, "#3b6ea5"),
            ],
        ),
        "activity": _activity,
    }
