"""Change logging: one call registers a model, and its content translations, with auditlog.

Each app's ``audit.py`` says which of its models are logged and with which fields; the History
tab of a partnership finds an entry by ``additional_data["partnership"]``, which
``PartnershipScoped.get_additional_data`` provides. A parler translation row (a title, the
minutes of a meeting) is tied to its master's partnership here, so a changed title shows on the
same tab as the object it belongs to.
"""

from typing import Any

from auditlog.registry import auditlog
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.signals import pre_delete


def _translation_additional_data(row: Any) -> dict[str, Any]:
    master = row.master
    getter = getattr(master, "get_additional_data", None)
    return getter() if getter else {}


def _freeze_additional_data(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Work out an object's partnership before a deletion starts.

    auditlog logs a deletion after the rows are gone; by then a translation row's master (or the
    parent a deeper ``partnership_path`` walks through) may be deleted in the same cascade, and
    reading it would fail the whole deletion. Django sends every ``pre_delete`` first, with the
    instances it later logs, so the answer is kept on the instance."""
    getter = getattr(instance, "get_additional_data", None)
    if getter is None:
        return
    try:
        data = getter()
    except ObjectDoesNotExist:
        return
    instance.get_additional_data = lambda: data


def _log_with_partnership(model: type[models.Model], **options: Any) -> None:
    auditlog.register(model, **options)
    pre_delete.connect(
        _freeze_additional_data,
        sender=model,
        weak=False,
        dispatch_uid=f"audit-freeze-{model._meta.label_lower}",
    )


def register(model: type[models.Model], *, translations: bool = False, **options: Any) -> None:
    """Log every write to ``model`` (auditlog ``register`` options pass through); with
    ``translations``, log its parler translation table as well."""
    _log_with_partnership(model, **options)
    if translations:
        translation_model = model.translations.field.model  # type: ignore[attr-defined]
        translation_model.get_additional_data = _translation_additional_data
        _log_with_partnership(translation_model)
