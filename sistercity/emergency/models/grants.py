"""The foreign-grant procedure of a donated vehicle: where it stands, its moves and documents.

The steps and what each asks for are a track of the lifecycle machinery (partnerships' Track,
Stage and StageRequirement, seeded from ``emergency.grant_data``); these rows are one vehicle's
way through it, as a partnership's track and its transitions are for the agreement.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import PartnershipScoped, TimeStampedModel
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import TransitionDirection
from sistercity.emergency.models.fields import text
from sistercity.emergency.models.fleet import Vehicle


class VehicleGrant(PartnershipScoped, TimeStampedModel):
    """A donated vehicle's foreign-grant procedure: the donor, the step it stands at, and when
    it was completed (entered in the register of regional property)."""

    partnership_path = "vehicle__partnership"
    scope_pillar = "emergency"

    vehicle = models.OneToOneField(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="grant"
    )
    donor = text(_("donor"), blank=False)
    current_stage = models.ForeignKey(
        "partnerships.Stage",
        verbose_name=_("current step"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("vehicle grant")
        verbose_name_plural = _("vehicle grants")
        ordering = ["vehicle__code"]

    def __str__(self):
        return f"{self.vehicle} · {self.donor}"

    @property
    def current_step(self) -> str:
        return self.current_stage.code


class GrantTransition(PartnershipScoped):
    """One move of a grant procedure: who, when, from → to, and why."""

    partnership_path = "grant__vehicle__partnership"
    scope_pillar = "emergency"

    grant = models.ForeignKey(
        VehicleGrant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="transitions"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=TransitionDirection.choices)
    from_stage = models.ForeignKey(
        "partnerships.Stage",
        verbose_name=_("from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Empty on the move that completes the procedure.
    to_stage = models.ForeignKey(
        "partnerships.Stage",
        verbose_name=_("to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("grant step transition")
        verbose_name_plural = _("grant step transitions")
        ordering = ["created_at", "pk"]


def _grant_document_path(instance, filename):
    # Random names: nothing about a private file can be guessed from its path.
    return f"emergency/grants/{instance.grant_id}/{uuid.uuid4().hex}/{filename}"


class GrantDocument(PartnershipScoped):
    """A document of a grant procedure (the customs facility decision, the BAST…): its kind,
    reference and date, and the uploaded file."""

    partnership_path = "grant__vehicle__partnership"
    scope_pillar = "emergency"

    grant = models.ForeignKey(
        VehicleGrant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="documents"
    )
    document_type = models.ForeignKey(
        "partnerships.DocumentType", verbose_name=_("kind"), on_delete=models.PROTECT
    )
    reference = text(_("reference number"), 120)
    dated_on = models.DateField(_("dated"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=_grant_document_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("grant document")
        verbose_name_plural = _("grant documents")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.document_type} {self.reference}".strip()

    @property
    def kind(self) -> str:
        return self.document_type.code
