"""Partnerships and the agreement lifecycle.

The lifecycle is data, not code: tracks (the Indonesian KSDPL procedure, the Japanese CLAIR
conditions) hold ordered stages, and each stage declares what must exist before it can be left
(documents, approvals, a number of fields of exchange). The platform admin edits them in the
admin; services read them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel

from sistercity.accounts.choices import Country, Role
from sistercity.core.access import partnership_ids
from sistercity.core.models import (
    PartnershipScoped,
    Pillar,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.permissions import TranslatableRestrictedManager
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.choices import (
    AGREEMENT,
    DeadlineKind,
    DocumentLanguage,
    PartnershipKind,
    RequirementKind,
    TransitionDirection,
)


class Partnership(TranslatableModel, TimeStampedModel):
    """A cooperation between two or more municipalities, e.g. Batang Regency ↔ Toyama City."""

    slug = models.SlugField(_("short name"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnershipKind.choices)
    municipalities = models.ManyToManyField(
        "accounts.Organisation", verbose_name=_("municipalities"), related_name="partnerships"
    )
    pillars = models.ManyToManyField(
        Pillar, verbose_name=_("pillars in scope"), related_name="partnerships", blank=True
    )
    started_on = models.DateField(_("talks started on"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public page"), default=True, help_text=_("Show the public page to everyone.")
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        summary=models.TextField(_("summary"), blank=True, validators=[validate_no_markup]),
    )

    # The scope itself, not an object of one: its rows are the partnerships the user may act on.
    objects = TranslatableRestrictedManager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_additional_data(self):
        return {"partnership": self.pk}

    @classmethod
    def permission_filter(cls, user, action):
        return models.Q(pk__in=partnership_ids(user, action))


class Track(TranslatableModel):
    """One country's procedure, as ordered stages: for the agreement, Indonesia's KSDPL stages
    (Permendagri 25/2020) or Japan's CLAIR conditions for a recognised sister-city affiliation;
    other apps seed tracks of their own ``subject`` (e.g. receiving a foreign grant)."""

    code = models.SlugField(_("code"), unique=True)
    subject = models.SlugField(
        _("subject"),
        default=AGREEMENT,
        help_text=_("What the procedure is about: the agreement, or another app's subject."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["position"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class Stage(TranslatableModel):
    """One stage of a track, in order; its requirements must be met before it can be left."""

    track = models.ForeignKey(
        Track, verbose_name=_("track"), on_delete=models.CASCADE, related_name="stages"
    )
    code = models.SlugField(_("code"))
    position = models.PositiveSmallIntegerField(_("position"))
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["track", "position"]
        constraints = [
            models.UniqueConstraint(fields=["track", "code"], name="unique_stage_code"),
            models.UniqueConstraint(fields=["track", "position"], name="unique_stage_position"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class DocumentType(TranslatableModel):
    """A kind of document: Letter of Intent, RKS, MoU, minutes, DPRD decision, Full Powers…
    (``subject`` says which procedure's documents it is, as for tracks)."""

    code = models.SlugField(_("code"), unique=True)
    subject = models.SlugField(
        _("subject"),
        default=AGREEMENT,
        help_text=_("What the procedure is about: the agreement, or another app's subject."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["position"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class StageRequirement(TranslatableModel):
    """Something that must exist before a stage can be left: a document of a type (optionally
    signed), an approval recorded by a given role, or a minimum number of pillars in scope."""

    stage = models.ForeignKey(
        Stage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="requirements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    code = models.SlugField(_("code"))
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    must_be_signed = models.BooleanField(_("must be signed"), default=False)
    granted_by_role = models.CharField(
        _("recorded by role"), max_length=20, choices=Role.choices, blank=True
    )
    number = models.PositiveSmallIntegerField(_("minimum number"), null=True, blank=True)
    translations = TranslatedContent(
        label=models.CharField(_("label"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("stage requirement")
        verbose_name_plural = _("stage requirements")
        ordering = ["stage", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "code"], name="unique_requirement_code"),
        ]

    def __str__(self):
        return self.safe_translation_getter("label", any_language=True) or self.code


class PartnershipTrack(PartnershipScoped, TimeStampedModel):
    """Where a partnership stands on one track."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="tracks",
    )
    track = models.ForeignKey(Track, verbose_name=_("track"), on_delete=models.PROTECT)
    current_stage = models.ForeignKey(
        Stage, verbose_name=_("current stage"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("partnership track")
        verbose_name_plural = _("partnership tracks")
        ordering = ["track__position"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "track"], name="unique_track")
        ]

    def __str__(self):
        return f"{self.partnership} · {self.track}"


class StageTransition(PartnershipScoped):
    """One move on a track: who, when, from → to, and why. The timeline is these rows."""

    partnership_path = "partnership_track__partnership"

    partnership_track = models.ForeignKey(
        PartnershipTrack,
        verbose_name=_("track"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    direction = models.CharField(_("direction"), max_length=10, choices=TransitionDirection.choices)
    from_stage = models.ForeignKey(
        Stage, verbose_name=_("from"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    to_stage = models.ForeignKey(
        Stage, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])
    # Not auto_now_add: imported history (and the demo) carries its real dates.
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("stage transition")
        verbose_name_plural = _("stage transitions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_stage or '—'} → {self.to_stage}"


class Approval(PartnershipScoped, TimeStampedModel):
    """An approval requirement met: who recorded it and on what basis."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="approvals",
    )
    requirement = models.ForeignKey(
        StageRequirement, verbose_name=_("requirement"), on_delete=models.PROTECT
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "requirement"], name="unique_approval")
        ]


class Document(TranslatablePartnershipScoped, TimeStampedModel):
    """An agreement document (LoI, RKS, MoU, minutes, DPRD decision, Full Powers…) with its
    metadata; the files are its versions."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("type"), on_delete=models.PROTECT
    )
    language = models.CharField(_("language"), max_length=5, choices=DocumentLanguage.choices)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    parties = models.CharField(
        _("parties"), max_length=300, blank=True, validators=[validate_no_markup]
    )
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


def _version_path(instance, filename):
    # Random names: nothing about a private file can be guessed from its path.
    return f"documents/{instance.document.partnership_id}/{uuid.uuid4().hex}/{filename}"


class DocumentVersion(PartnershipScoped):
    """One uploaded file of a document; a new upload adds a version, nothing is overwritten."""

    partnership_path = "document__partnership"

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=_version_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Deadline(PartnershipScoped, TimeStampedModel):
    """A date the partnership must not miss: end of a term, a renewal decision, a report."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DeadlineKind.choices)
    due_on = models.DateField(_("due on"))
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadlines",
    )
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[validate_no_markup])
    is_done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_on"]


class ReminderSent(PartnershipScoped):
    """A reminder already sent for a deadline at one offset; the unique constraint is what
    makes sending idempotent across worker restarts."""

    partnership_path = "deadline__partnership"

    deadline = models.ForeignKey(
        Deadline, verbose_name=_("deadline"), on_delete=models.CASCADE, related_name="reminders"
    )
    offset_days = models.PositiveIntegerField(_("days before"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "offset_days"], name="unique_reminder")
        ]

    def __str__(self):
        return f"{self.deadline} −{self.offset_days}"
