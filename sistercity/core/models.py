"""Base model pieces shared by every app."""

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from sistercity.core.access import partnership_ids
from sistercity.core.permissions import RestrictedManager, TranslatableRestrictedManager
from sistercity.core.validators import validate_no_markup


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


class PartnershipScoped(models.Model):
    """An object that belongs to one partnership, directly or through its parents.

    A subclass declares the path to its partnership once (``partnership_path``, e.g.
    ``"call__partnership"``); from it come ``for_user`` (the object is visible to whoever may do
    the action with the partnership, see ``core.access``), the History tab's link
    (``get_additional_data``, read by auditlog) and ``core.access.require``'s opening. A model
    whose visibility is narrower (an applicant's own application) overrides
    ``permission_filter`` and keeps the rest. A model that belongs to one pillar as a whole (the
    waste data: environment) names it in ``scope_pillar``, so that the roles acting on single
    pillars (agency officers of the DLH) may change it too. (Not ``pillar``: many models have a
    ``pillar`` field of their own.)
    """

    partnership_path: ClassVar[str] = "partnership"
    scope_pillar: ClassVar[str | None] = None

    objects = RestrictedManager()

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q | None:
        ids = partnership_ids(user, action, pillar=cls.scope_pillar)
        return models.Q(**{f"{cls.partnership_path}__in": ids})

    @property
    def partnership_pk(self) -> int | None:
        *parents, last = self.partnership_path.split("__")
        obj: Any = self
        for step in parents:
            obj = getattr(obj, step)
        return getattr(obj, f"{last}_id")

    def get_additional_data(self) -> dict[str, Any]:
        return {"partnership": self.partnership_pk}


class TranslatablePartnershipScoped(TranslatableModel, PartnershipScoped):
    """``PartnershipScoped`` for models with parler translations (titles, descriptions…)."""

    objects: ClassVar[Any] = TranslatableRestrictedManager()

    class Meta:
        abstract = True


class Pillar(TranslatableModel):
    """A field of cooperation (environment & waste, agriculture & irrigation, …), with the
    OECD-DAC purpose code that international reporting (IATI) uses for it.

    The platform's shared vocabulary: memberships (an agency officer's pillars), partnerships,
    programmes and every sector refer to it, so it lives in core, which depends on no app.
    """

    code = models.SlugField(_("code"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    dac_sector_code = models.CharField(_("OECD-DAC sector code"), max_length=5, blank=True)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=120, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        # The table keeps the name it was created with in the partnerships app.
        db_table = "partnerships_pillar"
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["position"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class SchedulerTick(models.Model):
    """One row per scheduler period: the unique period is the lock that lets several machines
    run ``run_scheduler`` while each period's jobs are enqueued once (works on SQLite and
    PostgreSQL alike, no Redis needed)."""

    period_start = models.DateTimeField(unique=True)
    claimed_by = models.CharField(max_length=200)
    claimed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.period_start:%Y-%m-%d %H:%M} {self.claimed_by}"
