"""Base model pieces shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatedFields


class TimeStampedModel(models.Model):
    """Anything that records when it was created and last changed (stored in UTC)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TranslationStatus(models.TextChoices):
    ORIGINAL = "original", _("original")
    MACHINE = "machine", _("machine translation")
    REVIEWED = "reviewed", _("reviewed translation")


def TranslatedContent(**fields: models.Field) -> TranslatedFields:  # noqa: N802 - mirrors parler
    """parler's TranslatedFields plus the status every content translation carries.

    A reader must know whether the Japanese text in front of them was written by a person,
    produced by a machine, or checked; so each translation row records it.
    """
    return TranslatedFields(
        translation_status=models.CharField(
            _("translation status"),
            max_length=10,
            choices=TranslationStatus.choices,
            default=TranslationStatus.ORIGINAL,
        ),
        **fields,
    )
