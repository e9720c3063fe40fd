from django.utils.functional import Promise


class SisterCityError(Exception):
    """The one error type services raise.

    Its message is already translated (a lazy gettext string formatted with the details) and is
    shown to the user as is, by the UI as a message and by the API as ``{"detail": ...}``.
    ``field`` names the input the refusal is about, when there is one, so that a page shows the
    message next to that input.
    """

    def __init__(
        self,
        message: str | Promise,
        *,
        code: str = "invalid",
        status: int = 400,
        field: str | None = None,
    ):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


def full_clean(instance, exclude=None) -> None:
    """Validate a model instance, translations included, for a service; raise SisterCityError.

    parler's ``full_clean`` leaves the translated fields out, so their validators (length, no
    markup) are run here on every translation the instance holds. The refusal names the field
    of the first error that has one (a model's ``clean`` raising ``{"field": ...}`` included),
    so that a page shows it beside that input.
    """
    from django.core.exceptions import ValidationError
    from parler.cache import is_missing

    try:
        instance.full_clean(exclude=exclude)
        for rows in getattr(instance, "_translations_cache", {}).values():
            for row in rows.values():
                if not is_missing(row):
                    row.clean_fields(exclude=["master"])
    except ValidationError as error:
        raise SisterCityError(
            "; ".join(str(m) for m in error.messages), code="invalid", field=_field_of(error)
        ) from error


def _field_of(error) -> str | None:
    """The first field a ``ValidationError`` is about; None when it is about the whole row."""
    from django.core.exceptions import NON_FIELD_ERRORS

    fields = getattr(error, "error_dict", {})
    return next((name for name in fields if name != NON_FIELD_ERRORS), None)
