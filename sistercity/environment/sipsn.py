"""The SIPSN-style waste table: one row per year, area and source, in XLSX or CSV.

SIPSN (Sistem Informasi Pengelolaan Sampah Nasional) publishes generation, composition by
type and composition by source per regency and year. This table puts them in one row, with
the provenance every figure must carry::

    Tahun | Kabupaten/Kota | Kecamatan | Penduduk | Timbulan (ton/hari) |
    Sisa Makanan (%) … Lainnya (%) | Rumah Tangga (%) … Sumber Lainnya (%) |
    Fasilitas <code> (ton/hari) … | Sumber data | Tautan | Tanggal data | Catatan

An empty cell is "no figure". Facility columns name a facility by its code. Kabupaten/Kota
names the municipality: export writes its Indonesian name (as SIPSN does, "Kabupaten Batang");
import takes that, its name in another language or its short name (``batang``); empty: the one
chosen on import.
The first sheet is read (or the one called ``SIPSN``); export writes the same layout, so a
file round-trips.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from sistercity.core import spreadsheets
from sistercity.core.errors import SisterCityError
from sistercity.environment.choices import Metric, WasteSource, WasteType

SHEET = "SIPSN"
MAX_ROWS = 10_000
SUM_TOLERANCE = Decimal("0.5")  # published tables round each share to 0.1 or 0.01

COMPOSITION_HEADERS = {
    WasteType.FOOD: "Sisa Makanan (%)",
    WasteType.WOOD: "Kayu-Ranting-Daun (%)",
    WasteType.PAPER: "Kertas-Karton (%)",
    WasteType.PLASTIC: "Plastik (%)",
    WasteType.METAL: "Logam (%)",
    WasteType.TEXTILE: "Kain-Tekstil (%)",
    WasteType.RUBBER: "Karet-Kulit (%)",
    WasteType.GLASS: "Kaca (%)",
    WasteType.OTHER: "Lainnya (%)",
}
SOURCE_HEADERS = {
    WasteSource.HOUSEHOLD: "Rumah Tangga (%)",
    WasteSource.MARKET: "Pasar Tradisional (%)",
    WasteSource.COMMERCE: "Perniagaan (%)",
    WasteSource.OFFICE: "Perkantoran (%)",
    WasteSource.PUBLIC_FACILITY: "Fasilitas Publik (%)",
    WasteSource.AREA: "Kawasan (%)",
    WasteSource.OTHER: "Sumber Lainnya (%)",
}
YEAR, AREA, POPULATION, GENERATION = "Tahun", "Kecamatan", "Penduduk", "Timbulan (ton/hari)"
MUNICIPALITY = "Kabupaten/Kota"
SOURCE, LINK, DATE, NOTE = "Sumber data", "Tautan", "Tanggal data", "Catatan"
FACILITY_HEADER = re.compile(r"^fasilitas\s+([a-z0-9_-]+)\s*\(ton/hari\)$", re.IGNORECASE)


def headers(facility_codes=()) -> list[str]:
    return [
        YEAR,
        MUNICIPALITY,
        AREA,
        POPULATION,
        GENERATION,
        *COMPOSITION_HEADERS.values(),
        *SOURCE_HEADERS.values(),
        *(f"Fasilitas {code} (ton/hari)" for code in facility_codes),
        SOURCE,
        LINK,
        DATE,
        NOTE,
    ]


def _column_meaning(header: str):
    """(metric, category) of a figure column, a provenance key, or None if unknown."""
    key = header.strip().lower()
    fixed = {
        YEAR.lower(): "year",
        MUNICIPALITY.lower(): "municipality",
        AREA.lower(): "area",
        SOURCE.lower(): "source",
        LINK.lower(): "link",
        DATE.lower(): "date",
        NOTE.lower(): "note",
        POPULATION.lower(): (Metric.POPULATION, ""),
        GENERATION.lower(): (Metric.GENERATION, ""),
    }
    if key in fixed:
        return fixed[key]
    for code, label in COMPOSITION_HEADERS.items():
        if key in (label.lower(), f"{code} (%)"):
            return (Metric.COMPOSITION, str(code))
    for source_code, label in SOURCE_HEADERS.items():
        if key in (label.lower(), f"source {source_code} (%)"):
            return (Metric.SOURCE, str(source_code))
    match = FACILITY_HEADER.match(header.strip())
    if match:
        return (Metric.FACILITY, match.group(1))
    return None


@dataclass(frozen=True)
class FigureRow:
    line: int
    column: str
    year: int
    municipality: str
    area: str
    metric: str
    category: str
    value: Decimal
    source_title: str
    source_url: str
    as_of: dt.date
    note: str


@dataclass(frozen=True)
class Table:
    figures: list[FigureRow]


def _error(line, column, message):
    return SisterCityError(
        _("Row {row}, column “{column}”: {error}").format(row=line, column=column, error=message),
        code="import",
    )


def _decimal(value, line, column) -> Decimal:
    if isinstance(value, bool):
        raise _error(line, column, _("not a number"))
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "")
    # Indonesian tables write 1.234,5; accept both decimal marks when unambiguous.
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise _error(line, column, _("“{value}” is not a number").format(value=value)) from error
    if not number.is_finite():
        raise _error(line, column, _("“{value}” is not a number").format(value=value))
    return number


def _date(value, line) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise _error(
            line, DATE, _("“{value}” is not a date (YYYY-MM-DD)").format(value=value)
        ) from error


def _header(first_row) -> tuple[list[str], list]:
    """The column names and what each means; an unknown or a missing required column refuses
    the whole table."""
    header = [str(c).strip() if c is not None else "" for c in first_row]
    meanings = []
    for name in header:
        meaning = _column_meaning(name) if name else None
        if name and meaning is None:
            raise SisterCityError(
                _(
                    "Unknown column “{column}”: use the SIPSN waste types, sources and "
                    "“Fasilitas <code> (ton/hari)” (download the template)."
                ).format(column=name),
                code="unknown_column",
            )
        meanings.append(meaning)
    for required in ("year", "source", "date"):
        if required not in meanings:
            label = {"year": YEAR, "source": SOURCE, "date": DATE}[required]
            raise SisterCityError(
                _("The column “{column}” is missing.").format(column=label), code="import"
            )
    return header, meanings


def read_table(file) -> Table:
    """Parse and check a SIPSN-style table; raise a translated error naming the row."""
    data = file.read()
    rows = spreadsheets.read_table(
        data.encode() if isinstance(data, str) else data,
        name=getattr(file, "name", "") or "",
        sheet=SHEET,
        max_rows=MAX_ROWS,
    )
    if not rows:
        raise SisterCityError(_("The table is empty."), code="import")
    header, meanings = _header(rows[0][1])
    figures: list[FigureRow] = []
    for index, raw in rows[1:]:
        cells = dict.fromkeys(("area", "link", "note", "municipality"), "")
        values: list[tuple[str, str, str, Decimal]] = []
        for name, meaning, cell in zip(header, meanings, raw, strict=False):
            if meaning is None or cell in (None, ""):
                continue
            if isinstance(meaning, str):
                cells[meaning] = cell
            else:
                values.append((name, meaning[0], meaning[1], _decimal(cell, index, name)))
        try:
            year = int(_decimal(cells.get("year", ""), index, YEAR))
        except SisterCityError:
            raise _error(index, YEAR, _("a year is required")) from None
        if not 1950 <= year <= 2200:
            raise _error(index, YEAR, _("{year} is not a plausible year").format(year=year))
        title = str(cells.get("source") or "").strip()
        if not title:
            raise _error(index, SOURCE, _("every figure needs its source"))
        if not cells.get("date"):
            raise _error(index, DATE, _("every figure needs its date"))
        as_of = _date(cells["date"], index)
        for share_metric, label in (
            (Metric.COMPOSITION, _("composition")),
            (Metric.SOURCE, _("sources")),
        ):
            shares = [v for _n, m, _c, v in values if m == share_metric]
            total = sum(shares, Decimal(0))
            if shares and abs(total - 100) > SUM_TOLERANCE:
                raise _error(
                    index,
                    label,
                    _("the {what} adds up to {total} %; it must add up to 100 %").format(
                        what=label, total=total
                    ),
                )
        for name, metric, category, value in values:
            figures.append(
                FigureRow(
                    line=index,
                    column=name,
                    year=year,
                    municipality=str(cells["municipality"] or "").strip(),
                    area=str(cells["area"]).strip(),
                    metric=metric,
                    category=category,
                    value=value,
                    source_title=title,
                    source_url=str(cells["link"] or "").strip(),
                    as_of=as_of,
                    note=str(cells["note"] or "").strip()[:300],
                )
            )
    return Table(figures=figures)


def table_rows(figures) -> tuple[list[str], list[list]]:
    """The figures as SIPSN-style rows (one per year, area, source and date)."""
    facility_codes = sorted({f.category for f in figures if f.metric == Metric.FACILITY})
    columns = headers(facility_codes)
    position = {name: i for i, name in enumerate(columns)}
    grouped: dict[tuple, list] = {}
    for figure in figures:
        town = figure.municipality.safe_translation_getter(
            "name", language_code="id", any_language=True
        )
        key = (figure.year, town, figure.area, figure.source_id, figure.as_of)
        grouped.setdefault(key, []).append(figure)
    rows = []
    for (year, municipality, area, _source, as_of), items in sorted(
        grouped.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2], kv[0][4], kv[0][3])
    ):
        row: list = [None] * len(columns)
        row[position[YEAR]] = year
        row[position[MUNICIPALITY]] = municipality
        row[position[AREA]] = area
        source = items[0].source
        row[position[SOURCE]] = source.safe_translation_getter("title", any_language=True)
        row[position[LINK]] = source.url
        row[position[DATE]] = as_of
        row[position[NOTE]] = next((f.note for f in items if f.note), "")
        for figure in items:
            if figure.metric == Metric.POPULATION:
                column = POPULATION
            elif figure.metric == Metric.GENERATION:
                column = GENERATION
            elif figure.metric == Metric.COMPOSITION:
                column = COMPOSITION_HEADERS[figure.category]
            elif figure.metric == Metric.SOURCE:
                column = SOURCE_HEADERS[figure.category]
            else:
                column = f"Fasilitas {figure.category} (ton/hari)"
            row[position[column]] = figure.value
        rows.append(row)
    return columns, rows


def _cell(value):
    """A value safe to open in a spreadsheet: text that a spreadsheet would run as a formula
    is quoted (core.spreadsheets)."""
    if isinstance(value, Decimal):
        return float(value)
    return spreadsheets.neutralise(value)


def write_xlsx(figures, facilities=()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns, rows = table_rows(list(figures))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    if facilities:
        other = workbook.create_sheet("Fasilitas")
        other.append(
            [
                "Kode",
                "Nama",
                "Jenis",
                "Tipe TPA",
                "Kapasitas (ton/hari)",
                "Volume (m3)",
                "Kecamatan",
                "Beroperasi sejak",
                SOURCE,
            ]
        )
        for f in facilities:
            other.append(
                [
                    f.code,
                    _cell(f.safe_translation_getter("name", any_language=True)),
                    f.kind,
                    f.site_type,
                    float(f.capacity_t_per_day) if f.capacity_t_per_day is not None else None,
                    float(f.volume_m3) if f.volume_m3 is not None else None,
                    _cell(f.area),
                    f.opened_year,
                    _cell(str(f.source)),
                ]
            )
    return spreadsheets.xlsx_bytes(workbook)


def write_csv(figures) -> str:
    columns, rows = table_rows(list(figures))
    return spreadsheets.csv_text(
        [columns, *([float(v) if isinstance(v, Decimal) else v for v in row] for row in rows)],
        lineterminator="\r\n",
    )
