"""A scenario's results as an XLSX workbook and as a PDF report (WeasyPrint).

Both read the same :class:`~sistercity.environment.results.Report` as the page, so a number
is the same wherever it is read.
"""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from sistercity.core import spreadsheets
from sistercity.environment.results import SOURCE_LABELS, Report


def _safe(value):
    # Text that a spreadsheet would run as a formula is quoted (core.spreadsheets).
    return spreadsheets.xlsx_value(float(value) if isinstance(value, Decimal) else value)


def _title(text) -> str:
    """A sheet title Excel accepts (31 characters, none of \\ / ? * [ ] :)."""
    return "".join(c for c in str(text) if c not in "\\/?*[]:")[:31]


def _summary_sheet(workbook: Any, report: Report, bold: Any) -> None:
    summary = workbook.active
    summary.title = _title(_("Summary"))
    s = report.summary
    rows = [
        (_("Scenario"), str(report.scenario)),
        (_("Horizon"), f"{s['first_year']}–{s['last_year']}"),
        (_("Generated in the first year (t/day)"), s["generation_first_t_day"]),
        (_("Reduction in the last year (%)"), s["reduction_last_pct"]),
        (_("Reduction target (%)"), s["reduction_target_pct"]),
        (_("Handling in the last year (%)"), s["handling_last_pct"]),
        (_("Handling target (%)"), s["handling_target_pct"]),
        (_("Year the TPA is full"), s["year_full"] or _("not within the horizon")),
        (_("Landfill methane emitted over the horizon (t CH4)"), s["ch4_emitted_total_t"]),
        (_("Total emissions over the horizon (t CO2e)"), s["co2e_total_t"]),
        (
            _("Avoided by recycling, indicative (t CO2e)"),
            s["avoided_co2e_total_t"],
        ),
        (
            _("GWP-100"),
            f"{s['gwp_set']}: CH4 {s['gwp_ch4']:g}, N2O {s['gwp_n2o']:g}",
        ),
        (_("Electricity recovered (MWh)"), s["electricity_total_mwh"]),
        (_("Investment (IDR)"), s["capex_total_idr"]),
        (_("Operating cost (IDR)"), s["opex_total_idr"]),
        (_("Total cost (IDR)"), s["cost_total_idr"]),
        (_("Net present cost (IDR)"), s["npc_idr"]),
        (_("Cost per tonne generated (IDR/t)"), s["cost_per_t_idr"]),
    ]
    for label, value in rows:
        summary.append([str(label), _safe(value)])
    for cell in summary["A"]:
        cell.font = bold
    summary.column_dimensions["A"].width = 55
    summary.column_dimensions["B"].width = 30


def _years_sheet(workbook: Any, report: Report) -> None:
    years = workbook.create_sheet(_title(_("Per year")))
    columns = [
        ("year", _("Year")),
        ("population", _("Population")),
        ("generation_t_day", _("Generated (t/day)")),
        ("reduction_pct", _("Reduction (%)")),
        ("handling_pct", _("Handling (%)")),
        ("diversion_pct", _("Landfill diversion (%)")),
        ("landfilled_t", _("Landfilled (t)")),
        ("tpa_cumulative_m3", _("TPA volume used (m³)")),
        ("ch4_emitted_t", _("Landfill CH4 emitted (t)")),
        ("co2e_t", _("Emissions (t CO2e)")),
        ("electricity_mwh", _("Electricity (MWh)")),
        ("capex_idr", _("Investment (IDR)")),
        ("opex_idr", _("Operating cost (IDR)")),
    ]
    years.append([str(label) for _key, label in columns])
    for row in report.rows:
        years.append([_safe(row[key]) for key, _label in columns])


def _flows_and_emissions_sheets(workbook: Any, report: Report) -> None:
    flows = workbook.create_sheet(_title(_("Flows (t)")))
    result = report.result
    flows.append([str(_("Pathway")), *report.years])
    for item in report.flows_total:
        spreadsheets.append(
            flows, [item["label"], *(float(v) for v in result.flows.total(item["pathway"]))]
        )

    emissions = workbook.create_sheet(_title(_("Emissions (t CO2e)")))
    emissions.append([str(_("Source")), *report.years])
    for source, label in SOURCE_LABELS.items():
        emissions.append([str(label), *(float(v) for v in result.emissions.co2e_t[source])])


def _uncertainty_sheet(workbook: Any, report: Report) -> None:
    if report.uncertainty:
        bands = workbook.create_sheet(_title(_("Uncertainty")))
        bands.append(
            [
                str(_("Year")),
                "CH4 p5",
                "CH4 p50",
                "CH4 p95",
                "CO2e p5",
                "CO2e p50",
                "CO2e p95",
            ]
        )
        for row in report.uncertainty["rows"]:
            bands.append(
                [
                    row["year"],
                    row["ch4_p5"],
                    row["ch4_p50"],
                    row["ch4_p95"],
                    row["co2e_p5"],
                    row["co2e_p50"],
                    row["co2e_p95"],
                ]
            )


def scenario_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    bold = Font(bold=True)
    _summary_sheet(workbook, report, bold)
    _years_sheet(workbook, report)
    _flows_and_emissions_sheets(workbook, report)
    _uncertainty_sheet(workbook, report)
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = bold
    return spreadsheets.xlsx_bytes(workbook)
