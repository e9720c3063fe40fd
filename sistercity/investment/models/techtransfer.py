"""Technology-transfer projects, tracked beyond the signed MoU: the partner and technology, the
milestones, the trainees (with their organisation), the equipment and the measured outcomes,
linked to the programme and indicator they serve."""

from typing import Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.investment import choices as c
from sistercity.investment.models.common import StoredDocument, document_path, optional_link
from sistercity.investment.models.common import long_text as _long_text
from sistercity.investment.models.common import text as _text
from sistercity.investment.models.pipeline import pipeline_partnership_ids

PILLAR = c.PILLAR


class TechTransferProject(TranslatablePartnershipScoped, TimeStampedModel):
    """A technology-transfer project (e.g. Toyama's PET recycling line for Batang)."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    code = models.SlugField(_("short name"))
    partner = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lead = optional_link("investment.Lead", _("investment lead"), "tech_projects")
    programme = optional_link("programs.Programme", _("programme"))
    indicator = optional_link("programs.Indicator", _("indicator served"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=c.TechTransferStatus.choices,
        default=c.TechTransferStatus.PLANNED,
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=_text(_("title"), 300),
        technology=_long_text(_("technology")),
        objectives=_long_text(_("objectives")),
        equipment=_long_text(_("equipment")),
        outcomes=_long_text(_("outcomes")),
    )

    class Meta:
        verbose_name = _("technology-transfer project")
        verbose_name_plural = _("technology-transfer projects")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_tech_project")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code


class ProjectRecord(PartnershipScoped):
    scope_pillar = PILLAR
    partnership_path = "project__partnership"

    class Meta:
        abstract = True


class Milestone(TranslatablePartnershipScoped):
    """A step of a technology-transfer project, planned for a date and done (or not)."""

    scope_pillar = PILLAR
    partnership_path = "project__partnership"

    project = models.ForeignKey(
        TechTransferProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    translations = TranslatedContent(title=_text(_("title"), 300))

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.due_on)

    @property
    def status(self) -> str:
        if self.done_on:
            return c.MilestoneStatus.DONE
        from django.utils import timezone

        return (
            c.MilestoneStatus.DELAYED
            if self.due_on < timezone.localdate()
            else c.MilestoneStatus.PLANNED
        )


class Trainee(ProjectRecord, TimeStampedModel):
    """A person trained in the project (personal data: the pipeline's people see it)."""

    project = models.ForeignKey(
        TechTransferProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="trainees",
    )
    full_name = _text(_("full name"))
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=c.Gender.choices, default=c.Gender.UNSPECIFIED
    )
    subject = _text(_("subject"), blank=True)
    trained_from = models.DateField(_("from"))
    trained_until = models.DateField(_("until"))

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        ordering = ["trained_from", "full_name"]

    def __str__(self):
        return self.full_name

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(project__partnership__in=pipeline_partnership_ids(user))


class TechOutput(TranslatablePartnershipScoped):
    """A measured outcome of a project on a date (e.g. the pilot line's recycling rate)."""

    scope_pillar = PILLAR
    partnership_path = "project__partnership"

    project = models.ForeignKey(
        TechTransferProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="outputs",
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=3, validators=[MinValueValidator(0)]
    )
    unit = _text(_("unit"), 40)
    translations = TranslatedContent(name=_text(_("what was measured"), 200))

    class Meta:
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        ordering = ["measured_on"]

    def __str__(self):
        name = self.safe_translation_getter("name", any_language=True) or ""
        return f"{name} {self.value} {self.unit}"


# The second migration names the upload path by this name.
_document_path = document_path


class TechDocument(ProjectRecord, StoredDocument, TimeStampedModel):
    """A document of a technology-transfer project (the MoU, a training report, a test
    report of the pilot line)."""

    project = models.ForeignKey(
        TechTransferProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = _text(_("title"), 300)

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def storage_folder(self) -> str:
        return f"tech/{self.project.partnership_id}"
