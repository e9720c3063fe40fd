"""What a rejected import reports: one error per cell (or row, or sheet) of the workbook."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(SisterCityError):
    """The file has errors; nothing was written. ``errors`` lists them per row."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            _("The file has {count} errors; nothing was imported.").format(count=len(errors)),
            code="import_rejected",
        )
        self.errors = errors
