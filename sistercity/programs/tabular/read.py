"""Reading an uploaded workbook: size and file-type checks, then each sheet's rows as raw values.

Only the form is checked here (sheets, columns, formulas, row count); what the values mean is
checked in ``check``.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from sistercity.core import spreadsheets
from sistercity.core.errors import SisterCityError
from sistercity.core.spreadsheets import check_size
from sistercity.programs.tabular.errors import RowError
from sistercity.programs.tabular.layout import (
    COLUMNS,
    MAX_ROWS,
    READ_ONLY,
    SHEETS,
)


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, dict]] = field(default_factory=list)


def read_workbook(data: bytes) -> tuple[dict[str, Sheet], list[RowError]]:
    """The rows of each sheet as {column: raw value}, and errors of form: missing sheets or
    columns, unknown columns, formulas, too many rows."""
    workbook = _open_workbook(data)
    errors: list[RowError] = []
    sheets: dict[str, Sheet] = {}
    try:
        for name in SHEETS:
            if name not in workbook.sheetnames:
                errors.append(
                    RowError(
                        name, 0, "", str(_("The sheet “{name}” is missing.").format(name=name))
                    )
                )
                continue
            sheets[name] = _read_sheet(workbook[name], name, errors)
    finally:
        workbook.close()
    return sheets, errors


def _open_workbook(data: bytes):
    check_size(len(data))
    return spreadsheets.open_workbook(
        data,
        not_xlsx=SisterCityError(
            _("This is not an XLSX workbook. Export one from this page and fill it in."),
            code="file_type",
        ),
        data_only=False,
    )


def _read_sheet(worksheet, name: str, errors: list[RowError]) -> Sheet:
    sheet = Sheet(name)
    # The dimension a file declares may be wrong (some programs write none): read all rows.
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows()
    header = _header(next(rows, ()))
    _check_header(name, header, errors)
    for number, cells in enumerate(rows, start=2):
        values = _row_values(name, header, number, cells, errors)
        if values is None:
            continue
        if len(sheet.rows) >= MAX_ROWS:
            errors.append(
                RowError(
                    name,
                    number,
                    "",
                    str(_("A sheet may have at most {count} rows.").format(count=MAX_ROWS)),
                )
            )
            break
        sheet.rows.append((number, values))
    return sheet


def _header(cells) -> list[str]:
    header = [str(cell.value).strip() if cell.value is not None else "" for cell in cells]
    while header and header[-1] == "":
        header.pop()
    return header


def _check_header(name: str, header: list[str], errors: list[RowError]) -> None:
    required = COLUMNS[name]
    known = set(required) | set(READ_ONLY[name])
    for column in required:
        if column not in header:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("The column “{column}” is missing.").format(column=column)),
                )
            )
    seen = set()
    for column in header:
        if column not in known:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("Unknown column “{column}”.").format(column=column or "?")),
                )
            )
        elif column in seen:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("The column “{column}” appears twice.").format(column=column)),
                )
            )
        seen.add(column)


def _row_values(name: str, header: list[str], number: int, cells, errors) -> dict | None:
    """The row's values by column, or None for an empty row (blank cells and read-only columns
    do not count)."""
    values = {}
    empty = True
    for index, cell in enumerate(cells):
        if index >= len(header) or header[index] not in COLUMNS[name]:
            continue
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        empty = False
        # Our own export writes text that would run as a formula with a quote in front
        # (core.spreadsheets): that is text, read back as it was. A formula is refused.
        if getattr(cell, "data_type", None) == "f" or (
            isinstance(value, str) and value.startswith("=")
        ):
            errors.append(
                RowError(
                    name,
                    number,
                    header[index],
                    str(_("Formulas are not accepted; enter the value itself.")),
                )
            )
            continue
        values[header[index]] = (
            spreadsheets.restore(value.strip()) if isinstance(value, str) else value
        )
    return None if empty else values
