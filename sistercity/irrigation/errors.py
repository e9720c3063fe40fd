"""The engine's and the BMKG reader's problem codes as translated messages."""

from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.irrigation.bmkg import Problem
from sistercity.irrigation.waterneeds import WaterNeedsError

MESSAGES = {
    "tmin_above_tmax": _("the minimum temperature {value} °C is above the maximum"),
    "temperature_range": _("the temperature {value} °C is outside −60…60 °C"),
    "humidity_range": _("the relative humidity of {value} percent is outside 0–100 percent"),
    "humidity_order": _("the minimum relative humidity of {value} percent is above the maximum"),
    "negative_rainfall": _("the rainfall {value} mm is negative"),
    "latitude_range": _("the latitude {value}° is beyond ±90°"),
    "missing_code": _("{value} is BMKG's missing-value code, not a measurement"),
    "efficiency_range": _("the efficiency {value} must be above 0 and at most 1"),
    "group_area_exceeds_scheme": _(
        "the rotation groups cover {value} ha, more than the scheme's command area"
    ),
    "sunshine_range": _("the sunshine {value} h is outside the day's length"),
    "wind_range": _("the wind speed {value} m/s is negative"),
    "negative_flow": _("the flow {value} m³/s is negative"),
    "negative_head": _("the head {value} m is negative"),
    "exceedance_range": _(
        "the exceedance of {value} percent must be within 0–100 percent and not repeated"
    ),
    "not_a_number": _("“{value}” is not a number"),
    "bad_date": _("“{value}” is not a date (dd-mm-yyyy)"),
    "duplicate_date": _("the day {value} appears twice"),
    "missing_column": _("the column is missing"),
    "no_header": _("no header row starting with “Tanggal” was found"),
    "no_days": _("the sheet has no days"),
    "not_xlsx": _("the file is not an XLSX workbook"),
    "station_mismatch": _("the file is for station {value}, not this one"),
    "half_months_length": _("24 half-monthly values are needed, not {value}"),
}
FALLBACK = _("the value {value} is not accepted")
MAX_LISTED = 10


def message_for(code: str, value: object) -> str:
    return str(MESSAGES.get(code, FALLBACK)).format(value=value)


def engine_error(error: WaterNeedsError) -> SisterCityError:
    return SisterCityError(
        _("Not accepted: {reason}.").format(reason=message_for(error.code, error.value)),
        code=error.code,
        field=error.name or None,
    )


def import_error(problems: list[Problem]) -> SisterCityError:
    """One message listing where each problem is, by row and column; nothing was saved."""
    lines = []
    for problem in problems[:MAX_LISTED]:
        reason = message_for(problem.code, problem.value)
        if problem.row:
            lines.append(
                str(_("row {row}, column {column}: {reason}")).format(
                    row=problem.row, column=problem.column, reason=reason
                )
            )
        else:
            lines.append(reason)
    more = len(problems) - MAX_LISTED
    text = _("The file was not imported, nothing was saved: {problems}.").format(
        problems="; ".join(lines)
    )
    if more > 0:
        text += " " + str(_("And {count} more problems.").format(count=more))
    return SisterCityError(text, code="bmkg_import")
