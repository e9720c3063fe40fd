"""A coverage scenario as rows and as an XLSX workbook (through ``core.spreadsheets``, so no
cell can carry a formula)."""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from sistercity.core.spreadsheets import append, xlsx_bytes


def village_rows(scenario) -> list[dict]:
    """One row per village: population, the site that serves it, minutes, covered or not."""
    villages = scenario.inputs.get("villages", [])
    names = {s["code"]: s["name"] for s in scenario.inputs.get("sites", [])}
    results = scenario.results
    return [
        {
            "code": village["code"],
            "name": village["name"],
            "kecamatan": village["kecamatan"],
            "population": village["population"],
            "site": names.get(results["assignment"][i], results["assignment"][i]),
            "minutes": results["minutes"][i],
            "covered": results["covered"][i],
        }
        for i, village in enumerate(villages)
    ]


def scenario_workbook(scenario) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    results = scenario.results
    names = {s["code"]: s["name"] for s in scenario.inputs.get("sites", [])}
    for label, value in [
        (_("Scenario"), scenario.name),
        (_("Model"), scenario.get_model_display()),
        (_("Response standard (minutes)"), scenario.standard_minutes),
        (_("Number of posts (p)"), scenario.posts),
        (
            _("Travel times"),
            _("estimated: straight line × {detour} at {speed} km/h").format(
                detour=scenario.detour_factor, speed=scenario.speed_kmh
            )
            if scenario.is_estimate
            else _("measured (imported)"),
        ),
        (_("Chosen sites"), ", ".join(names.get(c, c) for c in results["sites"])),
        (_("Population covered"), results["population_covered"]),
        (_("Population not covered"), results["population_uncovered"]),
        (_("Share covered"), results["share_covered"]),
        (_("Mean travel time (minutes)"), results["mean_minutes"]),
        (_("Proven optimal"), results["optimal"]),
    ]:
        append(summary, [label, value])
    sheet = book.create_sheet(_("Villages")[:31])
    append(
        sheet,
        [
            _("code"),
            _("village"),
            _("kecamatan"),
            _("population"),
            _("served by"),
            _("minutes"),
            _("covered"),
        ],
    )
    for row in village_rows(scenario):
        append(
            sheet,
            [
                row["code"],
                row["name"],
                row["kecamatan"],
                row["population"],
                row["site"],
                row["minutes"],
                row["covered"],
            ],
        )
    return xlsx_bytes(book)
