"""Typed reading of one uploaded row: each cell as text, code, choice, boolean, number or date.

A wrong cell becomes a ``RowError`` in the list the row was given and marks the row failed; the
reader then returns an empty value so that the other cells of the row are still checked.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import overload

from django.core.exceptions import ValidationError
from django.db.models import Choices
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup
from sistercity.programs.tabular.errors import RowError
from sistercity.programs.tabular.layout import LANGUAGES


class Row:
    """Typed access to one row's cells; each problem becomes a RowError."""

    def __init__(self, errors: list[RowError], sheet: str, number: int, values: dict[str, object]):
        self.errors, self.sheet, self.number, self.values = errors, sheet, number, values
        self.failed = False

    def error(self, column: str, message: str | Promise) -> None:
        self.failed = True
        self.errors.append(RowError(self.sheet, self.number, column, str(message)))

    def raw(self, column: str) -> object:
        """The cell as read (text, number, boolean, date or datetime), None when blank."""
        return self.values.get(column)

    def text(self, column: str, *, required: bool = False, max_length: int = 300) -> str:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return ""
        # A whole number read as a float (12.0) is meant as "12".
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if len(text) > max_length:
            self.error(column, _("At most {count} characters.").format(count=max_length))
            return ""
        try:
            validate_no_markup(text)
        except ValidationError as error:
            self.error(column, error.messages[0])
            return ""
        return text

    def code(self, column: str, *, required: bool = True) -> str:
        text = self.text(column, required=required, max_length=50)
        if text and slugify(text) != text:
            self.error(
                column,
                _(
                    "“{value}” is not a valid code: use lower-case letters, digits and hyphens."
                ).format(value=text),
            )
            return ""
        return text

    @overload
    def choice(self, column: str, choices: type[Choices], *, default: str) -> str: ...

    @overload
    def choice(
        self, column: str, choices: type[Choices], *, default: None = None
    ) -> str | None: ...

    def choice(
        self, column: str, choices: type[Choices], *, default: str | None = None
    ) -> str | None:
        """One of ``choices``' values; ``default`` for a blank cell. None (a failed row) for a
        wrong or, without a default, blank cell."""
        value = self.raw(column)
        if value is None:
            if default is not None:
                return default
            self.error(column, _("This cell is required."))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if text not in choices.values:
            self.error(
                column,
                _("Unknown code “{value}”; expected one of: {codes}.").format(
                    value=text, codes=", ".join(choices.values)
                ),
            )
            return None
        return text

    def boolean(self, column: str, *, default: bool) -> bool:
        value = self.raw(column)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        # The words of the three interface languages are accepted too.
        text = str(value).strip().lower()
        if text in ("true", "yes", "1", "ya", "はい"):
            return True
        if text in ("false", "no", "0", "tidak", "いいえ"):
            return False
        self.error(column, _("Enter true or false."))
        return default

    def decimal(
        self,
        column: str,
        *,
        required: bool = False,
        minimum: Decimal | None = None,
        places: int = 4,
    ) -> Decimal | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return None
        if isinstance(value, bool) or isinstance(value, dt.date | dt.datetime):
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        if not number.is_finite():
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        if minimum is not None and number < minimum:
            self.error(column, _("The number must be at least {minimum}.").format(minimum=minimum))
            return None
        if abs(number) >= Decimal(10) ** 13:
            self.error(column, _("The number is too large."))
            return None
        quantum = Decimal(1).scaleb(-places)
        if number != number.quantize(quantum):
            self.error(
                column,
                _("At most {places} decimal places.").format(places=places),
            )
            return None
        return number

    def integer(self, column: str, *, minimum: int, maximum: int) -> int | None:
        number = self.decimal(column, places=0)
        if number is None:
            return None
        if not minimum <= number <= maximum:
            self.error(
                column,
                _("Enter a whole number from {minimum} to {maximum}.").format(
                    minimum=minimum, maximum=maximum
                ),
            )
            return None
        return int(number)

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return None
        # openpyxl reads a date cell as a datetime at midnight.
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                self.error(column, _("Enter a date without a time."))
                return None
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(
                column,
                _("“{value}” is not a date; write it as YYYY-MM-DD.").format(value=value),
            )
            return None

    def titles(self, prefix: str, *, required: bool = True) -> dict[str, str]:
        texts = {code: self.text(f"{prefix}_{code}") for code in LANGUAGES}
        texts = {code: text for code, text in texts.items() if text}
        if required and not texts and not self.failed:
            self.error(
                f"{prefix}_id",
                _("Give the title in at least one language."),
            )
        return texts

    def long_texts(self, prefix: str) -> dict[str, str]:
        texts = {code: self.text(f"{prefix}_{code}", max_length=10000) for code in LANGUAGES}
        return {code: text for code, text in texts.items() if text}
