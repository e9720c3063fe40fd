"""The one way the platform writes (and reads back) CSV and XLSX tables.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula,
and one that starts with a tab or carriage return after trimming it (CSV/formula injection): a
programme titled ``=HYPERLINK("https://evil.example","Open")`` would become a live link in the
open-data ZIP. Following OWASP's rule, every text cell that starts with one of those characters
is written with a single quote in front; a spreadsheet then shows it as text. Numbers, dates and
booleans are written as what they are (``-5`` as a number is not a formula).

The quoting is reversible: :func:`restore` turns a written cell back into the original text, so
an export can be imported again unchanged. A text that itself starts with a quote followed by a
character that would be quoted (``'=x``) gets one more quote, so that the round trip is exact.

Every export goes through :func:`csv_bytes` / :func:`csv_text` or :func:`xlsx_bytes`; readers
pass text cells through :func:`restore` (or use :func:`read_csv`).

Uploads are read here too, within bounds: :func:`check_size` refuses a file over
``IMPORT_MAX_BYTES`` before anything reads it, :func:`open_workbook` refuses a ZIP that unpacks
to far more than that, and :func:`read_table` streams rows and stops at the row limit instead of
holding a million-row sheet in memory (a 64 KB XLSX can declare that many).
"""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError

#: The characters that make a spreadsheet treat a cell as a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _needs_quote(text: str) -> bool:
    if text[:1] in FORMULA_STARTS:
        return True
    # "'=x" must not come back as "=x": a leading quote before a quoted character is doubled.
    return text[:1] == QUOTE and _needs_quote(text[1:])


def neutralise(value: Any) -> Any:
    """The value as it is written to a cell: text that would run as a formula gets a quote in
    front; everything else is returned unchanged (lazy translations become text)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and _needs_quote(value):
        return QUOTE + value
    return value


def restore(value: Any) -> Any:
    """The inverse of :func:`neutralise`: the original text of a written cell."""
    if isinstance(value, str) and value[:1] == QUOTE and _needs_quote(value[1:]):
        return value[1:]
    return value


def cell_text(value: Any) -> str:
    """A value as CSV text: blank for None, ``true``/``false``, ISO dates, plain decimals
    (no exponent), and neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return str(neutralise(str(value)))


def csv_text(rows: Iterable[Sequence[Any]], *, lineterminator: str = "\r\n") -> str:
    """Rows as CSV text, each cell through :func:`cell_text`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return buffer.getvalue()


def csv_bytes(rows: Iterable[Sequence[Any]], *, bom: bool = True) -> bytes:
    """Rows as UTF-8 CSV; with a byte-order mark by default, so that spreadsheet programs read
    Japanese text correctly."""
    return csv_text(rows).encode("utf-8-sig" if bom else "utf-8")


def read_csv(data: bytes | str, dialect: Any = csv.excel) -> list[list[str]]:
    """The rows of a CSV file (a leading byte-order mark ignored), each cell restored."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    return [[restore(cell) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def xlsx_value(value: Any) -> Any:
    """A value as an XLSX cell: neutralised text; Decimals as numbers (whole ones as int, since
    ``normalize`` would write 300 as 3E+2)."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, float):
        # Computed figures carry binary noise (80.99999999999999); no figure here means more
        # than six decimals.
        return round(value, 6)
    if hasattr(value, "__html__") and not isinstance(value, str | Promise):
        value = str(value)
    return neutralise(value)


def append(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet, each value through :func:`xlsx_value`."""
    sheet.append([xlsx_value(value) for value in values])


def xlsx_bytes(workbook: Any) -> bytes:
    """Save an openpyxl workbook. Every cell is checked first: text is typed as text, and text
    that would still run as a formula (a row added without :func:`append`) is neutralised, so
    that nothing in the file is a formula whichever way its rows were added."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str):
                    if value[:1] in FORMULA_STARTS:
                        cell.value = neutralise(value)
                    cell.data_type = "s"
        _lay_out(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MAX_COLUMN_WIDTH = 60


def _lay_out(sheet: Any) -> None:
    """Make a sheet readable when opened: the header row stays in view while scrolling and each
    column is as wide as its longest value (full-width CJK characters count twice), unless the
    writer set its own."""
    from openpyxl.utils import get_column_letter

    if sheet.max_row > 1 and sheet.freeze_panes is None:
        sheet.freeze_panes = "A2"
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                text = str(cell.value)
                width = len(text) + sum(1 for ch in text if ord(ch) >= 0x2E80)
                widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        if letter not in sheet.column_dimensions:  # (looking it up would create it)
            sheet.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, max(8, width + 2))


def max_import_bytes() -> int:
    return settings.IMPORT_MAX_BYTES


def check_size(size: int | None) -> None:
    """Refuse an uploaded file over the limit (or empty) before anything reads it."""
    limit = max_import_bytes()
    if not size:
        raise SisterCityError(_("The file is empty."), code="file_empty")
    if size > limit:
        raise SisterCityError(
            _("The file is {size}; the limit is {limit}.").format(
                size=filesizeformat(size), limit=filesizeformat(limit)
            ),
            code="file_too_large",
        )


def open_workbook(data: bytes, *, not_xlsx: SisterCityError, data_only: bool = True) -> Any:
    """An uploaded XLSX workbook opened read-only (rows are streamed); ``not_xlsx`` is raised
    for anything that is not one. A small file that unpacks to gigabytes (a "zip bomb") is
    refused unread."""
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise not_xlsx
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > 20 * max_import_bytes():
            raise SisterCityError(
                _("The workbook unpacks to too much data."), code="file_too_large"
            )
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise not_xlsx from error


def read_table(
    data: bytes, *, name: str = "", sheet: str | None = None, max_rows: int
) -> list[tuple[int, list[Any]]]:
    """The rows of an uploaded table, XLSX (the sheet called ``sheet``, else the first) or UTF-8
    CSV (delimiter sniffed among comma, semicolon and tab), each as (its line in the file, its
    cells restored); blank rows are left out but keep the lines after them right, so an error
    names the row the person sees. Refuses, unread beyond the limit, a file over
    ``IMPORT_MAX_BYTES`` or a table of more than ``max_rows`` rows after its header."""
    check_size(len(data))
    is_xlsx = data[:2] == b"PK" and not name.lower().endswith(".csv")
    rows = _xlsx_rows(data, sheet) if is_xlsx else _csv_rows(data)
    table: list[tuple[int, list[Any]]] = []
    for line, row in enumerate(rows, start=1):
        if not any(cell not in (None, "") for cell in row):
            continue
        if len(table) > max_rows:  # the header and max_rows rows are allowed
            raise SisterCityError(
                _("The table has more than {maximum} rows.").format(maximum=max_rows),
                code="too_many_rows",
            )
        table.append((line, [restore(cell) for cell in row]))
    return table


def _xlsx_rows(data: bytes, sheet: str | None) -> Iterator[Sequence[Any]]:
    workbook = open_workbook(
        data,
        not_xlsx=SisterCityError(
            _("The file is neither an XLSX workbook nor a UTF-8 CSV table."), code="file_type"
        ),
    )
    try:
        worksheet = workbook[sheet] if sheet in workbook.sheetnames else workbook.worksheets[0]
        # The dimension a file declares may be wrong (some programs write none).
        worksheet.reset_dimensions()
        yield from worksheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> Iterator[Sequence[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SisterCityError(
            _("The file is neither an XLSX workbook nor a UTF-8 CSV table."), code="encoding"
        ) from error
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        pass
    yield from csv.reader(io.StringIO(text), dialect)
