"""Validators shared by every model and form.

Text fields reject markup instead of silently stripping it: a partner officer who pastes an HTML
snippet should be told, and what is stored is exactly what was typed. Output is escaped anyway;
this keeps script out of exports, e-mails and PDFs, where escaping rules differ.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript\s*:|&#", re.IGNORECASE)


def validate_no_markup(value: str) -> None:
    if value and _MARKUP.search(value):
        raise ValidationError(
            _("Text must not contain HTML or script markup (such as <script>)."),
            code="markup",
        )


NUL_MESSAGE = _(
    "The text contains a NUL character (\\0), which cannot be stored. Remove it and try again."
)


def contains_nul(value: object) -> bool:
    """Whether a text, or any key or value of nested JSON data, holds a NUL character
    (PostgreSQL refuses it in text and JSON columns alike)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False
