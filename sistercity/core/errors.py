from django.utils.functional import Promise


class SisterCityError(Exception):
    """The one error type services raise.

    Its message is already translated (a lazy gettext string formatted with the details) and is
    shown to the user as is, by the UI as a message and by the API as ``{"detail": ...}``.
    """

    def __init__(self, message: str | Promise, *, code: str = "invalid", status: int = 400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status

    def __str__(self) -> str:
        return str(self.message)
