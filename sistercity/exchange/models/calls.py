"""Calls and what a call is set up with: its question set, required documents, rubric, panel,
hosts and placements; and the applicant's profile."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager

from sistercity.core.access import Action, partnership_ids
from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.permissions import TranslatableRestrictedQuerySet
from sistercity.core.validators import validate_no_markup
from sistercity.exchange.choices import (
    CallType,
    Direction,
    FieldOfStudy,
    HostKind,
    LanguageLevel,
    RankingSource,
)


class ApplicantProfile(TimeStampedModel):
    """What the platform knows about a person as an applicant: whether her e-mail address has
    been verified (unverified applicants keep drafts but cannot submit)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="applicant_profile",
    )
    email_verified_at = models.DateTimeField(_("e-mail verified"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("applicant profile")
        verbose_name_plural = _("applicant profiles")

    def __str__(self):
        return str(self.user)

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None


class CallQuerySet(TranslatableRestrictedQuerySet):
    def published(self) -> "CallQuerySet":
        return self.filter(is_published=True, partnership__is_public=True)


class Call(TranslatablePartnershipScoped, TimeStampedModel):
    """An open call of a partnership for people to go to the partner city: a student exchange,
    an internship, a training place or a study tour, with its eligibility rules and quota."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="calls",
    )
    # A field here, where ``PartnershipScoped.pillar`` names a whole model's pillar: a call
    # belongs to the pillar it serves. Only the generic ``permission_filter`` reads that class
    # attribute, and Call has its own.
    pillar = models.ForeignKey("core.Pillar", verbose_name=_("pillar"), on_delete=models.PROTECT)
    slug = models.SlugField(_("short name"), unique=True)
    call_type = models.CharField(_("type"), max_length=20, choices=CallType.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    time_zone = models.CharField(
        _("time zone of the call"),
        max_length=40,
        choices=[(zone, zone) for zone in settings.USER_TIME_ZONES],
        default="Asia/Jakarta",
        help_text=_("Opening and closing times are given in this zone."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    quota = models.PositiveIntegerField(_("quota"))
    programme_starts_on = models.DateField(_("programme starts"), null=True, blank=True)
    programme_ends_on = models.DateField(_("programme ends (return)"), null=True, blank=True)
    # Eligibility, checked when an application is submitted.
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    requires_enrolment = models.BooleanField(_("enrolment in a school required"), default=False)
    fields_of_study = models.JSONField(
        _("fields of study"),
        default=list,
        blank=True,
        help_text=_("Empty: every field is eligible."),
    )
    min_language_level = models.CharField(
        _("minimum Japanese level"),
        max_length=5,
        choices=LanguageLevel.choices,
        default=LanguageLevel.NONE,
    )
    residence = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("applicants must live in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Reviewers do not see names, birth dates, gender or contact details."),
    )
    assign_whole_panel = models.BooleanField(
        _("assign every panel member to each application"), default=True
    )
    offer_response_days = models.PositiveSmallIntegerField(_("days to answer an offer"), default=7)
    lottery_seed = models.CharField(
        _("lottery seed"),
        max_length=64,
        blank=True,
        help_text=_("Published before allocation; breaks ties. Empty: drawn at the first run."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
        summary=models.TextField(_("summary"), blank=True, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    # The restricted manager of the base, with the public calls' ``published()`` added.
    objects = TranslatableManager.from_queryset(CallQuerySet)()  # type: ignore[misc]

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after"
            )
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        # Wider than its partnership: the reviewers of its panel see the call they review.
        condition = models.Q(partnership__in=partnership_ids(user, action))
        if action == Action.VIEW:
            condition |= models.Q(pk__in=PanelMember.objects.filter(user=user).values("call_id"))
        return condition

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at


class CallQuestion(TranslatablePartnershipScoped):
    """A question of the call's own question set, answered in the application."""

    partnership_path = "call__partnership"

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_required = models.BooleanField(_("required"), default=True)
    translations = TranslatedContent(
        text=models.CharField(_("question"), max_length=300, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["call", "position", "pk"]

    def __str__(self):
        return self.safe_translation_getter("text", any_language=True) or str(self.pk)


class RequiredDocument(TranslatablePartnershipScoped):
    """A document every application to the call must include (CV, transcript, letter…)."""

    partnership_path = "call__partnership"

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="required_documents"
    )
    code = models.SlugField(_("code"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslatedContent(
        label=models.CharField(_("label"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="unique_required_document")
        ]

    def __str__(self):
        return self.safe_translation_getter("label", any_language=True) or self.code


class Criterion(TranslatablePartnershipScoped):
    """A weighted criterion of the call's review rubric, scored from 0 to ``max_score``."""

    partnership_path = "call__partnership"

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.SlugField(_("code"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "code"], name="unique_criterion")]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class PanelMember(PartnershipScoped, TimeStampedModel):
    """A reviewer on the selection panel of one call."""

    partnership_path = "call__partnership"

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="panel"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="panels",
    )

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="unique_panel_member")]

    def __str__(self):
        return f"{self.user} · {self.call}"


class HostOrganisation(TranslatablePartnershipScoped, TimeStampedModel):
    """A company, public service or school in the partner city that hosts participants."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="hosts",
    )
    slug = models.SlugField(_("short name"))
    kind = models.CharField(_("kind"), max_length=20, choices=HostKind.choices)
    city = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("host organisation")
        verbose_name_plural = _("host organisations")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_host_slug")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Placement(TranslatablePartnershipScoped, TimeStampedModel):
    """Seats at one host for one call: capacity, field, dates and what the host asks for.
    Its row is locked while an offer is accepted, so acceptances never exceed capacity."""

    partnership_path = "call__partnership"

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="placements"
    )
    host = models.ForeignKey(
        HostOrganisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    code = models.SlugField(_("code"))
    capacity = models.PositiveIntegerField(_("places"))
    field_of_study = models.CharField(
        _("field"), max_length=20, choices=FieldOfStudy.choices, blank=True
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    ranking_source = models.CharField(
        _("ranking used"),
        max_length=10,
        choices=RankingSource.choices,
        default=RankingSource.PANEL,
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
        requirements=models.TextField(
            _("requirements"), blank=True, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["call", "code"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="unique_placement_code")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        # Seen with its call (by the call's panel too).
        return models.Q(call__in=Call.objects.for_user(user, action).values("pk"))
