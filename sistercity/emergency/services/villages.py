"""Import the demand points of the coverage analysis — villages with population and
coordinates — from an XLSX workbook (first sheet) or a CSV file.

All or nothing, as the programmes import: every row is checked first and every problem is
named by row and column; if there is one, nothing is saved. A village already there (same
code) is updated, a new one added; villages missing from the file are kept (the measured
travel times point at them).
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError
from sistercity.core.spreadsheets import check_size, read_table
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import PILLAR
from sistercity.emergency.models import Village

COLUMNS = ("code", "name", "kecamatan", "population", "latitude", "longitude")
REQUIRED = ("code", "name", "population", "latitude", "longitude")
MAX_ROWS = 5000
SHOWN_ERRORS = 20


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        message = self.message.rstrip(".。")  # the list is punctuated as a whole
        if self.column:
            return str(
                _("row {row}, “{column}”: {message}").format(
                    row=self.row, column=self.column, message=message
                )
            )
        return str(_("row {row}: {message}").format(row=self.row, message=message))


def _table(file: UploadedFile) -> list[tuple[int, list]]:
    if file.size:
        check_size(file.size)  # before reading a byte of it
    return read_table(file.read(), name=file.name or "", max_rows=MAX_ROWS)


def _header(table: list[tuple[int, list]], errors: list[RowError]) -> list[str]:
    header = [str(h or "").strip().lower() for h in (table[0][1] if table else [])]
    for column in REQUIRED:
        if column not in header:
            errors.append(
                RowError(
                    1, column, str(_("The column “{column}” is missing.").format(column=column))
                )
            )
    for column in header:
        if column and column not in COLUMNS:
            errors.append(
                RowError(1, column, str(_("Unknown column “{column}”.").format(column=column)))
            )
    return header


def _number(value, row: int, column: str, errors, *, low, high, whole=False):
    if value in (None, ""):
        errors.append(RowError(row, column, str(_("A value is required."))))
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or (whole and number != number.to_integral_value()):
        message = _("Not a whole number.") if whole else _("Not a number.")
        errors.append(RowError(row, column, str(message)))
        return None
    if not low <= number <= high:
        errors.append(
            RowError(
                row,
                column,
                str(_("Must be between {low} and {high}.").format(low=low, high=high)),
            )
        )
        return None
    return int(number) if whole else number.quantize(Decimal("0.000001"))


def _text(value, row: int, column: str, errors, *, max_length: int, required: bool) -> str:
    text = str(value if value is not None else "").strip()
    if not text:
        if required:
            errors.append(RowError(row, column, str(_("A value is required."))))
        return text
    if len(text) > max_length:
        errors.append(
            RowError(row, column, str(_("At most {count} characters.").format(count=max_length)))
        )
    try:
        validate_no_markup(text)
        if column == "code":
            validate_slug(text)
    except ValidationError as error:
        errors.append(RowError(row, column, " ".join(str(m) for m in error.messages)))
    return text


def _check_row(number: int, values: dict, seen: dict[str, int], errors: list) -> dict:
    code = _text(values.get("code"), number, "code", errors, max_length=40, required=True)
    if code in seen:
        errors.append(
            RowError(
                number, "code", str(_("The code is already on row {row}.").format(row=seen[code]))
            )
        )
    elif code:
        seen[code] = number
    return dict(
        code=code,
        name=_text(values.get("name"), number, "name", errors, max_length=200, required=True),
        kecamatan=_text(
            values.get("kecamatan"), number, "kecamatan", errors, max_length=100, required=False
        ),
        population=_number(
            values.get("population"), number, "population", errors, low=0, high=10**8, whole=True
        ),
        latitude=_number(values.get("latitude"), number, "latitude", errors, low=-90, high=90),
        longitude=_number(values.get("longitude"), number, "longitude", errors, low=-180, high=180),
    )


def villages_import(*, actor, partnership, file: UploadedFile) -> int:
    """Add or update the villages of an XLSX/CSV file (columns ``COLUMNS``); returns how many
    rows were read. Refused as a whole, naming each problem by row and column."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    table = _table(file)
    errors: list[RowError] = []
    header = _header(table, errors)
    if not table:
        errors.append(
            RowError(1, "", str(_("The file needs 1 to {count} rows.").format(count=MAX_ROWS)))
        )
    seen: dict[str, int] = {}
    rows = []
    if not errors:
        for number, cells in table[1:]:
            values = dict(zip(header, cells, strict=False))
            rows.append(_check_row(number, values, seen, errors))
        if not rows:
            errors.append(RowError(2, "", str(_("The file has no villages."))))
    if errors:
        raise SisterCityError(
            ngettext(
                "Nothing was imported; {count} problem: {problems}.",
                "Nothing was imported; {count} problems: {problems}.",
                len(errors),
            ).format(
                count=len(errors),
                problems="; ".join(str(e) for e in errors[:SHOWN_ERRORS])
                + (" …" if len(errors) > SHOWN_ERRORS else ""),
            ),
            code="invalid_rows",
        )
    with transaction.atomic(), set_actor(actor):
        for fields in rows:
            code = fields.pop("code")
            Village.objects.update_or_create(
                partnership=partnership, code=code, defaults={**fields, "is_illustrative": False}
            )
    return len(rows)
