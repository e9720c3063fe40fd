"""Reading the daily climate XLSX that BMKG's data service (Data Online) publishes.

The sheet opens with the station's lines (``ID WMO``, ``Nama Stasiun``, ``Lintang``,
``Bujur``, ``Elevasi``; the value after a colon), then a header row starting ``Tanggal`` with
the columns ``Tn Tx Tavg RH_avg RR ss ff_x ddd_x ff_avg ddd_car``, one row per day
(``dd-mm-yyyy``), and a ``KETERANGAN`` legend: 8888 = not measured, 9999 = no data. Those
codes (and empty or ``-`` cells) become None, never numbers.

Nothing here writes: :func:`read_bmkg` returns the rows or every problem found, each with its
row and column, so the service saves all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sistercity.core.errors import SisterCityError
from sistercity.core.spreadsheets import open_workbook
from sistercity.irrigation.waterneeds import MISSING_CODES

COLUMNS = {  # BMKG column → our field
    "Tn": "tmin",
    "Tx": "tmax",
    "RH_avg": "rh_mean",
    "RR": "rainfall_mm",
    "ss": "sunshine_hours",
    "ff_avg": "wind_ms",
}
REQUIRED_COLUMNS = ("Tn", "Tx", "RR")
STATION_LABELS = {
    "id wmo": "code",
    "id stasiun": "code",
    "nama stasiun": "name",
    "lintang": "latitude",
    "bujur": "longitude",
    "elevasi": "elevation_m",
}


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: ``row`` as the spreadsheet numbers it, ``column`` its header."""

    row: int
    column: str
    code: str
    value: object = None


@dataclass
class BmkgFile:
    station: dict[str, str] = field(default_factory=dict)
    days: list[dict[str, Any]] = field(default_factory=list)
    missing: int = 0  # cells BMKG marked 8888/9999 or left empty
    problems: list[Problem] = field(default_factory=list)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _number(value: object) -> tuple[float | None, str | None]:
    """(value, None), (None, None) for a missing mark, or (None, problem code)."""
    if value is None or _text(value) in ("", "-"):
        return None, None
    if isinstance(value, bool):
        return None, "not_a_number"
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except ValueError:
        return None, "not_a_number"
    if number in MISSING_CODES:
        return None, None
    return number, None


def _station_line(result: BmkgFile, cells: tuple[object, ...]) -> None:
    label = _text(cells[0]).rstrip(":").strip().lower() if cells else ""
    key = STATION_LABELS.get(label)
    if key:
        rest = [_text(c).lstrip(":").strip() for c in cells[1:]]
        result.station[key] = next((r for r in rest if r), "")


def _check_day(result: BmkgFile, row: int, day: dict[str, Any]) -> None:
    tmin, tmax = day.get("tmin"), day.get("tmax")
    if tmin is not None and tmax is not None and tmin > tmax:
        result.problems.append(Problem(row, "Tn", "tmin_above_tmax", tmin))
    for column, name, low, high, code in (
        ("RH_avg", "rh_mean", 0, 100, "humidity_range"),
        ("RR", "rainfall_mm", 0, None, "negative_rainfall"),
        ("ss", "sunshine_hours", 0, 24, "sunshine_range"),
        ("ff_avg", "wind_ms", 0, None, "wind_range"),
        ("Tn", "tmin", -60, 60, "temperature_range"),
        ("Tx", "tmax", -60, 60, "temperature_range"),
    ):
        value = day.get(name)
        if value is not None and (value < low or (high is not None and value > high)):
            result.problems.append(Problem(row, column, code, value))


def _data_row(
    result: BmkgFile,
    row: int,
    cells: tuple[object, ...],
    header: dict[str, int],
    seen: dict[dt.date, int],
) -> bool:
    """Read one day; False at the end of the table (an empty date cell)."""
    raw_date = cells[header["Tanggal"]] if header["Tanggal"] < len(cells) else None
    if _text(raw_date) == "":
        return False
    date = _date(raw_date)
    if date is None:
        result.problems.append(Problem(row, "Tanggal", "bad_date", _text(raw_date)))
        return True
    if date in seen:
        result.problems.append(Problem(row, "Tanggal", "duplicate_date", date.isoformat()))
        return True
    seen[date] = row
    day: dict[str, Any] = {"date": date}
    for column, name in COLUMNS.items():
        if column not in header:
            day[name] = None
            continue
        index = header[column]
        value, problem = _number(cells[index] if index < len(cells) else None)
        if problem:
            result.problems.append(Problem(row, column, problem, _text(cells[index])))
        if value is None and not problem:
            result.missing += 1
        day[name] = value
    _check_day(result, row, day)
    result.days.append(day)
    return True


def read_bmkg(content: bytes) -> BmkgFile:
    """Every day of the first sheet, or the problems found (``problems`` not empty)."""
    result = BmkgFile()
    try:
        # The shared opener refuses a ZIP that unpacks to far more than any BMKG year.
        workbook = open_workbook(content, not_xlsx=SisterCityError("", code="not_xlsx"))
    except SisterCityError as error:
        if error.code != "not_xlsx":
            raise
        result.problems.append(Problem(0, "", "not_xlsx"))
        return result
    sheet = workbook.worksheets[0]
    header: dict[str, int] | None = None
    seen: dict[dt.date, int] = {}
    for row, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        if header is None:
            if cells and _text(cells[0]).lower() == "tanggal":
                header = {_text(c): i for i, c in enumerate(cells) if _text(c)}
                for column in REQUIRED_COLUMNS:
                    if column not in header:
                        result.problems.append(Problem(row, column, "missing_column"))
            else:
                _station_line(result, cells)
            continue
        if not _data_row(result, row, cells, header, seen):
            break
    workbook.close()
    if header is None:
        result.problems.append(Problem(0, "Tanggal", "no_header"))
    elif not result.days and not result.problems:
        result.problems.append(Problem(0, "Tanggal", "no_days"))
    return result
