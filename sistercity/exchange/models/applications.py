"""Applications and what the panel makes of them: preferences, files, status steps, review
assignments, scores and host rankings.

Visibility is narrower than the partnership's for what concerns applicants: an application is
seen by its applicant, the reviewers assigned to it without a conflict and the staff who may
read applications in full (not agency officers); an application's records (``ApplicationRecord``)
as the application is; the panel's and the secretariat's working data (``StaffRecord``) by that
staff only.
"""

import uuid
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, partnership_ids
from sistercity.core.models import PartnershipScoped, TimeStampedModel
from sistercity.core.roles import Role
from sistercity.core.validators import validate_no_markup
from sistercity.exchange.choices import EvidenceKind, FieldOfStudy, Gender, LanguageLevel, Status
from sistercity.exchange.models.calls import Call, Criterion, Placement, RequiredDocument


def secretariat_partnership_ids(user: Any) -> QuerySet:
    """Ids of the partnerships of a municipality where ``user`` works in the secretariat."""
    membership = apps.get_model("accounts", "Membership")
    partnership = apps.get_model("partnerships", "Partnership")
    rows = membership.objects.filter(user=user, role=Role.SECRETARIAT).values_list(
        "organisation_id", "organisation__parent_id"
    )
    municipalities = {parent or organisation for organisation, parent in rows}
    return partnership.municipalities.through.objects.filter(
        organisation_id__in=municipalities
    ).values("partnership_id")


def _staff_partnership_ids(user: Any, action: str) -> QuerySet:
    """Partnerships whose calls ``user`` runs (change) or whose applications she may read in full
    (personal data: secretariat, partner officer; an observer audits the partnership and an
    agency officer sees it, but neither reads applicants' personal data)."""
    return partnership_ids(user, Action.PERSONAL_DATA if action == Action.VIEW else Action.CHANGE)


class StaffRecord(PartnershipScoped):
    """The panel's and the secretariat's working data on applications: seen by the staff who
    may read applications in full, changed by those who run the call."""

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(**{f"{cls.partnership_path}__in": _staff_partnership_ids(user, action)})


class ApplicationRecord(PartnershipScoped):
    """A record of one application (its files, preferences, offers, checklist, report): visible
    exactly as the application is."""

    partnership_path = "application__call__partnership"

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(application__in=Application.objects.for_user(user, action).values("pk"))


class Application(PartnershipScoped, TimeStampedModel):
    """One person's application to one call, from draft to alumni. The personal facts the
    eligibility rules read are declared here, for this call."""

    partnership_path = "call__partnership"

    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="exchange_applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.UNSPECIFIED
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_no_markup])
    residence = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("place of residence"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_enrolled = models.BooleanField(_("currently enrolled"), default=False)
    institution = models.CharField(
        _("school, university or employer"),
        max_length=200,
        blank=True,
        validators=[validate_no_markup],
    )
    field_of_study = models.CharField(
        _("field of study"), max_length=20, choices=FieldOfStudy.choices, blank=True
    )
    language_level = models.CharField(
        _("Japanese level"), max_length=5, choices=LanguageLevel.choices, default=LanguageLevel.NONE
    )
    motivation = models.TextField(_("motivation"), blank=True, validators=[validate_no_markup])
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    alumni_opt_in = models.BooleanField(_("listed as alumni"), default=False)
    is_sample = models.BooleanField(_("sample data"), default=False)
    # When the personal facts, answers and files were erased (retention period over, or the
    # applicant deleted her account); status and dates stay, so every count is unchanged.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["call", "applicant"], name="one_application_per_call")
        ]

    def __str__(self):
        return _("Application {ref}").format(ref=self.short_reference)

    @property
    def short_reference(self) -> str:
        return self.reference.hex[:8].upper()

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        staff = models.Q(call__partnership__in=_staff_partnership_ids(user, action))
        if action != Action.VIEW:
            return staff
        assigned = ReviewAssignment.objects.filter(reviewer=user, conflict=False).values(
            "application_id"
        )
        return staff | models.Q(applicant=user) | models.Q(pk__in=assigned)


class Preference(ApplicationRecord):
    """An applicant's ranking of the call's placements, best first (rank 1)."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="preferences",
    )
    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("placement preference")
        verbose_name_plural = _("placement preferences")
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "placement"], name="unique_preference"),
            models.UniqueConstraint(fields=["application", "rank"], name="unique_preference_rank"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.placement}"


def _file_path(instance, filename):
    # Random names: nothing about a private file can be guessed from its path.
    return f"exchange/{instance.application.call_id}/{uuid.uuid4().hex}/{filename}"


class ApplicationFile(ApplicationRecord):
    """A file of an application: a required document, or evidence for the pre-departure
    checklist (passport, visa, insurance…). Private; served by a permission-checked view that
    follows the file's purpose (``selectors.downloadable_files``), at an address named by its
    random ``token`` rather than its sequential id."""

    token = models.UUIDField(_("download key"), default=uuid.uuid4, unique=True, editable=False)

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="files"
    )
    required_document = models.ForeignKey(
        RequiredDocument,
        verbose_name=_("required document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    evidence = models.CharField(
        _("evidence for"), max_length=20, choices=EvidenceKind.choices, blank=True
    )
    file = models.FileField(_("file"), upload_to=_file_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("application file")
        verbose_name_plural = _("application files")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name


class FileAccess(PartnershipScoped):
    """One download of an application's file: who opened which file, when (UU 27/2022 and
    APPI: an access log for personal data). Read by the partnership's secretariat and by the
    applicant for her own files. The entry stays when the file is erased; ``document`` says
    what the file was (a document's code or the evidence kind), never its name."""

    partnership_path = "application__call__partnership"

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="file_accesses",
    )
    file = models.ForeignKey(
        ApplicationFile,
        verbose_name=_("file"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accesses",
    )
    document = models.CharField(_("document"), max_length=60)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    accessed_at = models.DateTimeField(_("opened"), default=timezone.now)

    class Meta:
        verbose_name = _("file access")
        verbose_name_plural = _("file accesses")
        ordering = ["-accessed_at", "-pk"]

    def __str__(self):
        return _("file access {number}").format(number=self.pk)

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        secretariat = models.Q(application__call__partnership__in=secretariat_partnership_ids(user))
        if action != Action.VIEW:
            return secretariat
        return secretariat | models.Q(application__applicant=user)


class StatusChange(ApplicationRecord):
    """One step of an application's status, who made it and why; each one was e-mailed to the
    applicant in her language."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class ReviewAssignment(StaffRecord, TimeStampedModel):
    """A reviewer assigned to score one application; a declared conflict of interest blocks
    her from it."""

    partnership_path = "application__call__partnership"

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    conflict = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(
        _("conflict of interest"), blank=True, validators=[validate_no_markup]
    )
    comment = models.TextField(_("comment"), blank=True, validators=[validate_no_markup])
    submitted_at = models.DateTimeField(_("scored"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="unique_assignment")
        ]

    def __str__(self):
        return f"{self.reviewer} · {self.application}"


class Score(StaffRecord):
    """One criterion's score in one review."""

    partnership_path = "criterion__call__partnership"

    assignment = models.ForeignKey(
        ReviewAssignment,
        verbose_name=_("review"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT)
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="unique_score")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class HostRanking(StaffRecord):
    """A host's ranking of the applicants it finds acceptable for one placement, in tiers
    (tier 1 best; equal tiers are broken by the call's lottery)."""

    partnership_path = "placement__call__partnership"

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="rankings"
    )
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="+"
    )
    tier = models.PositiveSmallIntegerField(_("tier"))

    class Meta:
        verbose_name = _("host ranking")
        verbose_name_plural = _("host rankings")
        ordering = ["placement", "tier", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "application"], name="unique_host_rank")
        ]

    def __str__(self):
        return f"{self.placement} · {self.tier}"
