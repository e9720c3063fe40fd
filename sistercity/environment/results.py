"""What a scenario's results page, XLSX and PDF report show, built once from the engine's run.

The page, the export and the report all read a :class:`Report`, so they show the same
numbers. Money is turned into ``Decimal`` rupiah here (the engine computes in floats).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from sistercity.core.templatetags.sistercity import number
from sistercity.environment import charts
from sistercity.environment.choices import (
    LANDFILL_PATHWAYS,
    IndicatorSeries,
    Pathway,
    SiteType,
    WasteType,
)
from sistercity.environment.wastemodel import (
    ScenarioResult,
    WasteModelError,
    run_monte_carlo,
    run_scenario,
    scenario_from_dict,
)
from sistercity.environment.wastemodel.scenario import EMISSION_SOURCES

CURRENCY = "IDR"
MONTE_CARLO_DRAWS = 10_000
MONTE_CARLO_SEED = 2025
DIVERTED = ("recycling", "composting", "anaerobic_digestion", "rdf", "incineration")

SOURCE_LABELS = {
    "landfill": _("landfill methane"),
    "composting": _("composting"),
    "anaerobic_digestion": _("anaerobic digestion"),
    "incineration": _("incineration (fossil CO2, CH4, N2O)"),
    "rdf": _("RDF co-firing"),
    "open_burning": _("open burning"),
}
WARNINGS = {
    "incineration_low_lhv": _(
        "The waste sent to incineration has a lower heating value below {minimum_mj_per_kg} "
        "MJ/kg in {years}: it will not burn without support fuel (World Bank 1999)."
    ),
    "landfill_full": _("The TPA is full in {year}."),
}


def idr(value: float) -> Decimal:
    """Whole rupiah."""
    return Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def pathway_labels() -> dict[str, str]:
    labels = {code: str(label) for code, label in Pathway.choices}
    labels["generated"] = str(_("generated"))
    return labels


@dataclass
class Report:
    scenario: Any
    result: ScenarioResult
    years: list[int]
    summary: dict[str, Any]
    rows: list[dict[str, Any]]
    flows_total: list[dict[str, Any]]
    sankey_year: int
    sankey_links: list[dict[str, Any]]
    warnings: list[str]
    charts: dict[str, Any] = field(default_factory=dict)
    uncertainty: dict[str, Any] | None = None
    settings: list[dict[str, Any]] = field(default_factory=list)
    facilities: list[dict[str, Any]] = field(default_factory=list)
    planned: list[tuple[int, float]] = field(default_factory=list)

    @property
    def inputs(self) -> dict:
        return self.scenario.inputs


def run(scenario) -> ScenarioResult:
    """The engine's run of a stored scenario (its inputs were checked when they were saved)."""
    return run_scenario(scenario_from_dict(scenario.inputs))


def series(result: ScenarioResult, name: str) -> list[float]:
    """One yearly series a programme indicator can take as planned values."""
    flows = result.flows
    generated = flows.generation_total
    if name == IndicatorSeries.DIVERSION:
        values = np.divide(
            flows.total(*DIVERTED) * 100.0,
            generated,
            out=np.zeros_like(generated),
            where=generated > 0,
        )
    elif name in ("reduction_pct", "handling_pct", "managed_pct"):
        values = getattr(result.indicators, name)
    elif name == IndicatorSeries.LANDFILL_CH4:
        values = result.landfill.ch4_emitted_t
    elif name == IndicatorSeries.CO2E:
        values = result.emissions.total_co2e_t
    elif name == IndicatorSeries.ENERGY:
        values = result.energy.electricity_mwh
    else:
        raise KeyError(name)
    return [float(v) for v in values]


def _rows(result: ScenarioResult, years: list[int]) -> list[dict[str, Any]]:
    """The per-year table: one row of every figure the page, XLSX and PDF show."""
    flows = result.flows
    generated = flows.generation_total
    ind = result.indicators
    landfill = result.landfill
    emissions = result.emissions
    cost = result.cost
    diversion = series(result, IndicatorSeries.DIVERSION)
    landfilled = flows.total(*LANDFILL_PATHWAYS)
    return [
        {
            "year": year,
            "population": float(flows.population[i]),
            "generation_t_day": float(generated[i] / 365.0),
            "reduction_pct": float(ind.reduction_pct[i]),
            "handling_pct": float(ind.handling_pct[i]),
            "unmanaged_pct": float(ind.unmanaged_pct[i]),
            "diversion_pct": diversion[i],
            "landfilled_t": float(landfilled[i]),
            "tpa_cumulative_m3": float(landfill.tpa_cumulative_volume_m3[i]),
            "ch4_generated_t": float(landfill.ch4_generated_t[i]),
            "ch4_emitted_t": float(landfill.ch4_emitted_t[i]),
            "co2e_t": float(emissions.total_co2e_t[i]),
            "avoided_co2e_t": float(emissions.avoided_recycling_co2e_t_indicative[i]),
            "electricity_mwh": float(result.energy.electricity_mwh[i]),
            "capex_idr": idr(cost.capex_idr[i]),
            "opex_idr": idr(cost.opex_idr[i]),
            "total_idr": idr(cost.total_idr[i]),
        }
        for i, year in enumerate(years)
    ]


def _flows_total(result: ScenarioResult, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Tonnes and share of the whole horizon's waste by pathway."""
    flows = result.flows
    total_generated = float(flows.generation_total.sum())
    flows_total = []
    for pathway in Pathway.values:
        tonnes = float(flows.total(pathway).sum())
        flows_total.append(
            {
                "pathway": pathway,
                "label": labels[pathway],
                "tonnes": tonnes,
                "pct": tonnes * 100.0 / total_generated if total_generated else 0.0,
            }
        )
    return flows_total


def _summary(
    result: ScenarioResult, years: list[int], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """The headline numbers: first and last year, targets, totals over the horizon."""
    ind = result.indicators
    landfill = result.landfill
    emissions = result.emissions
    cost = result.cost
    total_generated = float(result.flows.generation_total.sum())
    total_cost = float(cost.total_idr.sum())
    last = len(years) - 1
    meets = result.meets_jakstranas(years[last])
    return {
        "first_year": years[0],
        "last_year": years[last],
        "generation_first_t_day": rows[0]["generation_t_day"],
        "generation_last_t_day": rows[last]["generation_t_day"],
        "reduction_first_pct": rows[0]["reduction_pct"],
        "reduction_last_pct": rows[last]["reduction_pct"],
        "handling_first_pct": rows[0]["handling_pct"],
        "handling_last_pct": rows[last]["handling_pct"],
        "reduction_target_pct": ind.reduction_target_pct,
        "handling_target_pct": ind.handling_target_pct,
        "meets_reduction": meets["reduction"],
        "meets_handling": meets["handling"],
        "first_year_reduction_met": _first(years, ind.reduction_pct, ind.reduction_target_pct),
        "first_year_handling_met": _first(years, ind.handling_pct, ind.handling_target_pct),
        "year_full": landfill.year_full,
        "tpa_capacity_m3": landfill.tpa_capacity_m3,
        "tpa_used_last_m3": rows[last]["tpa_cumulative_m3"],
        "ch4_emitted_total_t": float(landfill.ch4_emitted_t.sum()),
        "ch4_emitted_last_t": rows[last]["ch4_emitted_t"],
        "ch4_recovered_total_t": float(landfill.ch4_recovered_t.sum()),
        "co2e_total_t": float(emissions.total_co2e_t.sum()),
        "co2e_by_source_t": {s: float(emissions.co2e_t[s].sum()) for s in EMISSION_SOURCES},
        "avoided_co2e_total_t": float(emissions.avoided_recycling_co2e_t_indicative.sum()),
        "gwp_set": emissions.gwp_set,
        "gwp_ch4": emissions.gwp["CH4"],
        "gwp_n2o": emissions.gwp["N2O"],
        "electricity_total_mwh": float(result.energy.electricity_mwh.sum()),
        "capex_total_idr": idr(cost.capex_idr.sum()),
        "opex_total_idr": idr(cost.opex_idr.sum()),
        "cost_total_idr": idr(total_cost),
        "npc_idr": idr(cost.net_present_cost_idr),
        "discount_rate_pct": cost.discount_rate * 100.0,
        "cost_per_t_idr": idr(total_cost / total_generated if total_generated else 0.0),
        "generated_total_t": total_generated,
        "currency": CURRENCY,
    }


def _warnings(result: ScenarioResult) -> list[str]:
    """The engine's warnings in the reader's language (its own text for an unknown code)."""
    warnings = []
    for warning in result.warnings:
        template = WARNINGS.get(warning["code"])
        if template is None:
            warnings.append(warning["message"])
            continue
        params = dict(warning["params"])
        if "years" in params:
            params["years"] = ", ".join(str(y) for y in params["years"])
        warnings.append(str(template).format(**params))
    return warnings


def _facilities(result: ScenarioResult, labels: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "pathway": f.pathway,
            "pathway_label": labels[f.pathway],
            "capacity_t_per_day": f.capacity_t_per_year / 365.0,
            "start_year": f.start_year,
            "end_year": f.end_year,
            "overflow_label": labels[f.overflow_to],
            "capex_idr": idr(f.capex_idr),
            "opex_idr_per_t": idr(f.opex_idr_per_t),
        }
        for f in result.scenario.facilities
    ]


def build(scenario, *, sankey_year: int | None = None, with_charts: bool = True) -> Report:
    result = run(scenario)
    years = [int(y) for y in result.flows.years]
    if sankey_year not in years:
        sankey_year = years[-1]
    labels = pathway_labels()
    rows = _rows(result, years)
    report = Report(
        scenario=scenario,
        result=result,
        years=years,
        summary=_summary(result, years, rows),
        rows=rows,
        flows_total=_flows_total(result, labels),
        sankey_year=sankey_year,
        sankey_links=result.flows.sankey_links(sankey_year),
        warnings=_warnings(result),
    )
    report.settings = _settings(result.scenario)
    report.facilities = _facilities(result, labels)
    if getattr(scenario, "indicator_series", ""):
        report.planned = list(zip(years, series(result, scenario.indicator_series), strict=True))
    if with_charts:
        report.charts = build_charts(report)
    return report


def _pct(value) -> str:
    if isinstance(value, (list, tuple)):
        return f"{number(value[0] * 100, 1)} → {number(value[-1] * 100, 1)} %"
    return f"{number(float(value) * 100, 1)} %"


def _settings(model) -> list[dict[str, Any]]:
    """The scenario's inputs as a planner reads them."""
    labels = pathway_labels()
    items: list[tuple[str, Any, Any]] = [
        (
            "horizon",
            _("Horizon"),
            f"{model.start_year}–{model.start_year + model.horizon_years - 1}",
        ),
        ("population", _("Population in the first year"), number(model.population, 0)),
        ("population_growth", _("Population growth per year"), _pct(model.population_growth)),
        (
            "generation",
            _("Waste per person (kg/day)"),
            number(model.generation_kg_per_capita_day, 3),
        ),
        ("generation_growth", _("Growth of waste per person"), _pct(model.generation_growth)),
        ("separation", _("Source separation"), _pct(model.source_separation_rate)),
    ]
    for pathway, value in model.shares.items():
        items.append((f"share-{pathway}", labels[pathway], _pct(value)))
    items.append(("residual", _("Whatever is left goes to"), labels[model.residual_pathway]))
    items.append(
        (
            "composition",
            _("Composition"),
            ", ".join(
                f"{WasteType(w).label} {number(v * 100, 1)} %"
                for w, v in model.composition.items()
                if v
            ),
        )
    )
    if model.landfill_capacity_m3 is not None:
        items.append(
            (
                "tpa",
                _("TPA volume (m³)"),
                "{} ({} {})".format(
                    number(model.landfill_capacity_m3, 0),
                    _("already used"),
                    number(model.landfill_used_m3_at_start, 0),
                ),
            )
        )
    for site, value in model.landfill_gas_recovery.items():
        items.append(
            (
                f"lfg-{site}",
                _("Landfill gas captured ({site})").format(site=SiteType(site).label),
                _pct(value),
            )
        )
    items.append(
        (
            "climate",
            _("Climate and decay rates"),
            _("IPCC 2006 defaults for a tropical wet climate (Batang: north coast of Java)"),
        )
    )
    return [{"key": k, "label": str(label), "value": str(value)} for k, label, value in items]


def _first(years, values, target) -> int | None:
    hits = np.nonzero(np.asarray(values) >= target - 1e-9)[0]
    return int(years[hits[0]]) if hits.size else None


def _flows_chart(report: Report, labels: dict[str, str]) -> Any:
    flows = report.result.flows
    return charts.stacked_bars(
        years=report.years,
        stacks=[
            {
                "label": labels[p],
                "values": [float(v) / 365.0 for v in flows.total(p)],
                "colour": charts.PALETTE[p],
            }
            for p in Pathway.values
        ],
        title=str(_("Where the waste goes, per year (t/day)")),
        unit=str(_("t/day")),
        test="chart-flows",
    )


def _targets_chart(report: Report) -> Any:
    return charts.line_chart(
        years=report.years,
        series=[
            {
                "label": str(_("reduction %")),
                "values": [r["reduction_pct"] for r in report.rows],
            },
            {"label": str(_("handling %")), "values": [r["handling_pct"] for r in report.rows]},
        ],
        hlines=[
            {"label": str(_("reduction target 30 %")), "value": 30.0, "colour": "#3b6ea5"},
            {"label": str(_("handling target 70 %")), "value": 70.0, "colour": "#d95f02"},
        ],
        title=str(_("Jakstranas indicators against the targets (%)")),
        unit="%",
        test="chart-targets",
    )


def _tpa_chart(report: Report) -> Any:
    return charts.line_chart(
        years=report.years,
        series=[
            {
                "label": str(_("TPA volume used")),
                "values": [r["tpa_cumulative_m3"] for r in report.rows],
            }
        ],
        hlines=(
            [
                {
                    "label": str(_("TPA volume")),
                    "value": report.summary["tpa_capacity_m3"],
                    "colour": "#c00",
                }
            ]
            if report.summary["tpa_capacity_m3"]
            else []
        ),
        title=str(_("TPA volume used (m³)")),
        unit="m³",
        test="chart-tpa",
    )


def _emissions_chart(report: Report) -> Any:
    return charts.stacked_bars(
        years=report.years,
        stacks=[
            {
                "label": str(SOURCE_LABELS[s]),
                "values": [float(v) for v in report.result.emissions.co2e_t[s]],
                "colour": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)],
            }
            for i, s in enumerate(EMISSION_SOURCES)
        ],
        title=str(_("Emissions by source (t CO2e)")),
        unit="t CO2e",
        test="chart-emissions",
    )


def _cost_chart(report: Report) -> Any:
    return charts.stacked_bars(
        years=report.years,
        stacks=[
            {
                "label": str(_("investment (capex)")),
                "values": [float(r["capex_idr"]) / 1e9 for r in report.rows],
                "colour": "#7570b3",
            },
            {
                "label": str(_("operation (opex)")),
                "values": [float(r["opex_idr"]) / 1e9 for r in report.rows],
                "colour": "#1b9e77",
            },
        ],
        title=str(_("Cost per year (billion IDR)")),
        unit=str(_("billion IDR")),
        test="chart-cost",
    )


def _co2e_band_chart(report: Report, uncertainty: dict) -> Any:
    return charts.line_chart(
        years=report.years,
        series=[
            {"label": str(_("deterministic")), "values": [r["co2e_t"] for r in report.rows]},
            {
                "label": str(_("median")),
                "values": uncertainty["bands"]["co2e_t"]["p50"],
                "dashed": True,
            },
        ],
        bands=[
            {
                "label": str(_("5th–95th percentile")),
                "low": uncertainty["bands"]["co2e_t"]["p5"],
                "high": uncertainty["bands"]["co2e_t"]["p95"],
            }
        ],
        title=str(_("Total emissions with uncertainty (t CO2e)")),
        unit="t CO2e",
        test="chart-co2e-band",
    )


def build_charts(report: Report, uncertainty: dict | None = None) -> dict[str, Any]:
    labels = pathway_labels()
    out = {
        "sankey": charts.sankey(
            links=report.sankey_links,
            labels=labels,
            title=str(_("Material flows in {year} (t/day)").format(year=report.sankey_year)),
            test="sankey",
            unit=str(_("t/day")),
        ),
        "flows": _flows_chart(report, labels),
        "targets": _targets_chart(report),
        "tpa": _tpa_chart(report),
        "ch4": methane_chart(report, uncertainty),
        "emissions": _emissions_chart(report),
        "cost": _cost_chart(report),
    }
    if uncertainty:
        out["co2e_band"] = _co2e_band_chart(report, uncertainty)
    return out


def methane_chart(report: Report, uncertainty: dict | None = None):
    bands = []
    series_: list[dict[str, Any]] = [
        {
            "label": str(_("landfill CH4 emitted")),
            "values": [r["ch4_emitted_t"] for r in report.rows],
        },
        {
            "label": str(_("landfill CH4 generated")),
            "values": [r["ch4_generated_t"] for r in report.rows],
            "dashed": True,
        },
    ]
    if uncertainty:
        band = uncertainty["bands"]["landfill_ch4_emitted_t"]
        bands.append(
            {"label": str(_("5th–95th percentile")), "low": band["p5"], "high": band["p95"]}
        )
    return charts.line_chart(
        years=report.years,
        series=series_,
        bands=bands,
        title=str(_("Landfill methane, IPCC 2006 first-order decay (t CH4)")),
        unit="t CH4",
        test="chart-ch4-band" if uncertainty else "chart-ch4",
    )


def monte_carlo(report: Report, *, draws: int = MONTE_CARLO_DRAWS, seed: int = MONTE_CARLO_SEED):
    """Percentile bands (5, 50, 95) of the emissions over the IPCC default parameter ranges;
    a fixed seed, so the page and the report show the same bands."""
    try:
        result = run_monte_carlo(
            report.result.scenario, draws=draws, seed=seed, percentiles=(5.0, 50.0, 95.0)
        )
    except WasteModelError as error:
        from sistercity.environment.errors import translate_model_error

        raise translate_model_error(error) from error
    data = result.to_dict()
    report.uncertainty = data
    report.charts.update(
        {
            "ch4": methane_chart(report, data),
            **{k: v for k, v in build_charts(report, data).items() if k == "co2e_band"},
        }
    )
    rows = []
    for i, year in enumerate(report.years):
        rows.append(
            {
                "year": year,
                "ch4_p5": data["bands"]["landfill_ch4_emitted_t"]["p5"][i],
                "ch4_p50": data["bands"]["landfill_ch4_emitted_t"]["p50"][i],
                "ch4_p95": data["bands"]["landfill_ch4_emitted_t"]["p95"][i],
                "co2e_p5": data["bands"]["co2e_t"]["p5"][i],
                "co2e_p50": data["bands"]["co2e_t"]["p50"][i],
                "co2e_p95": data["bands"]["co2e_t"]["p95"][i],
            }
        )
    data["rows"] = rows
    return data


def comparison(reports: list[Report]) -> dict[str, Any]:
    """Scenarios side by side: the key numbers in a table and overlaid lines."""
    years = sorted({y for r in reports for y in r.years})

    def aligned(report, key):
        by_year = {row["year"]: float(row[key]) for row in report.rows}
        return [by_year.get(y) for y in years]

    def lines(key, title, unit, test, hlines=()):
        return charts.line_chart(
            years=years,
            series=[{"label": str(r.scenario), "values": aligned(r, key)} for r in reports],
            hlines=list(hlines),
            title=title,
            unit=unit,
            test=test,
        )

    return {
        "years": years,
        "charts": {
            "reduction": lines(
                "reduction_pct",
                str(_("Reduction (%)")),
                "%",
                "compare-reduction",
                [{"label": str(_("target 30 %")), "value": 30.0}],
            ),
            "handling": lines(
                "handling_pct",
                str(_("Handling (%)")),
                "%",
                "compare-handling",
                [{"label": str(_("target 70 %")), "value": 70.0}],
            ),
            "tpa": lines("tpa_cumulative_m3", str(_("TPA volume used (m³)")), "m³", "compare-tpa"),
            "ch4": lines(
                "ch4_emitted_t", str(_("Landfill methane emitted (t CH4)")), "t CH4", "compare-ch4"
            ),
            "cost": lines("total_idr", str(_("Cost per year (IDR)")), "IDR", "compare-cost"),
        },
    }
