"""Change logging: one call registers a model, and its content translations, with auditlog.

Each app's ``audit.py`` says which of its models are logged and with which fields; the History
tab of a partnership finds an entry by ``additional_data["partnership"]``, which
``PartnershipScoped.get_additional_data`` provides. A parler translation row (a title, the
minutes of a meeting) is tied to its master's partnership here, so a changed title shows on the
same tab as the object it belongs to.
"""

from typing import Any

from auditlog.registry import auditlog
from django.db import models


def _translation_additional_data(row: Any) -> dict[str, Any]:
    master = row.master
    getter = getattr(master, "get_additional_data", None)
    return getter() if getter else {}


def register(model: type[models.Model], *, translations: bool = False, **options: Any) -> None:
    """Log every write to ``model`` (auditlog ``register`` options pass through); with
    ``translations``, log its parler translation table as well."""
    auditlog.register(model, **options)
    if translations:
        translation_model = model.translations.field.model  # type: ignore[attr-defined]
        translation_model.get_additional_data = _translation_additional_data
        auditlog.register(translation_model)
