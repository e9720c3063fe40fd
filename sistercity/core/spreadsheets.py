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
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise

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
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
