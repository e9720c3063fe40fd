"""Open calls for exchange and internships: applications, review panels, hosts and placements,
allocation runs, offers, pre-departure readiness and what comes after return.

Visibility (see each ``permission_filter``): the partnership's own staff run a call; reviewers
see only the applications they are assigned to and have not declared a conflict on; an applicant
sees only her own applications. Published calls are public through the public selectors.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel

from sistercity.core.models import TimeStampedModel, TranslatedContent
from sistercity.core.permissions import Action, RestrictedQuerySet
from sistercity.core.validators import validate_no_markup
from sistercity.exchange.choices import (
    CallType,
    Direction,
    EvidenceKind,
    FieldOfStudy,
    Gender,
    HostKind,
    LanguageLevel,
    OfferStatus,
    RankingSource,
    RunMode,
    Status,
    VisaType,
)
from sistercity.partnerships.models import visible_partnership_ids


def _staff_partnerships(user, action):
    """Partnerships whose calls ``user`` runs (change) or may read in full (audit: secretariat,
    partner officer, observer; an agency officer does not read applicants' personal data)."""
    return visible_partnership_ids(user, Action.CHANGE if action != Action.VIEW else Action.AUDIT)


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


class CallQuerySet(TranslatableQuerySet, RestrictedQuerySet):
    def published(self):
        return self.filter(is_published=True, partnership__is_public=True)


class Call(TranslatableModel, TimeStampedModel):
    """An open call of a partnership for people to go to the partner city: a student exchange,
    an internship, a training place or a study tour, with its eligibility rules and quota."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="calls",
    )
    pillar = models.ForeignKey(
        "partnerships.Pillar", verbose_name=_("pillar"), on_delete=models.PROTECT
    )
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

    objects = TranslatableManager.from_queryset(CallQuerySet)()

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

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @classmethod
    def permission_filter(cls, user, action):
        condition = models.Q(partnership__in=visible_partnership_ids(user, action))
        if action == Action.VIEW:
            condition |= models.Q(pk__in=PanelMember.objects.filter(user=user).values("call_id"))
        return condition

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at


class CallQuestion(TranslatableModel):
    """A question of the call's own question set, answered in the application."""

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

    def get_additional_data(self):
        return {"partnership": self.call.partnership_id}


class RequiredDocument(TranslatableModel):
    """A document every application to the call must include (CV, transcript, letter…)."""

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


class Criterion(TranslatableModel):
    """A weighted criterion of the call's review rubric, scored from 0 to ``max_score``."""

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


class PanelMember(TimeStampedModel):
    """A reviewer on the selection panel of one call."""

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

    def get_additional_data(self):
        return {"partnership": self.call.partnership_id}


class HostQuerySet(TranslatableQuerySet, RestrictedQuerySet):
    pass


class HostOrganisation(TranslatableModel, TimeStampedModel):
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

    objects = TranslatableManager.from_queryset(HostQuerySet)()

    class Meta:
        verbose_name = _("host organisation")
        verbose_name_plural = _("host organisations")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_host_slug")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @classmethod
    def permission_filter(cls, user, action):
        return models.Q(partnership__in=visible_partnership_ids(user, action))


class PlacementQuerySet(TranslatableQuerySet, RestrictedQuerySet):
    pass


class Placement(TranslatableModel, TimeStampedModel):
    """Seats at one host for one call: capacity, field, dates and what the host asks for.
    Its row is locked while an offer is accepted, so acceptances never exceed capacity."""

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

    objects = TranslatableManager.from_queryset(PlacementQuerySet)()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["call", "code"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="unique_placement_code")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    def get_additional_data(self):
        return {"partnership": self.call.partnership_id}

    @classmethod
    def permission_filter(cls, user, action):
        return models.Q(call__in=Call.objects.for_user(user, action).values("pk"))


class ApplicationQuerySet(RestrictedQuerySet):
    pass


class Application(TimeStampedModel):
    """One person's application to one call, from draft to alumni. The personal facts the
    eligibility rules read are declared here, for this call."""

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

    objects = ApplicationQuerySet.as_manager()

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

    def get_additional_data(self):
        return {"partnership": self.call.partnership_id}

    @classmethod
    def permission_filter(cls, user, action):
        staff = models.Q(call__partnership__in=_staff_partnerships(user, action))
        if action != Action.VIEW:
            return staff
        assigned = ReviewAssignment.objects.filter(reviewer=user, conflict=False).values(
            "application_id"
        )
        return staff | models.Q(applicant=user) | models.Q(pk__in=assigned)


class Preference(models.Model):
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

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}


def _file_path(instance, filename):
    # Random names: nothing about a private file can be guessed from its path.
    return f"exchange/{instance.application.call_id}/{uuid.uuid4().hex}/{filename}"


class ApplicationFile(models.Model):
    """A file of an application: a required document, or evidence for the pre-departure
    checklist (passport, visa, insurance…). Private; served by a permission-checked view."""

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

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}


class StatusChange(models.Model):
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


class ReviewAssignment(TimeStampedModel):
    """A reviewer assigned to score one application; a declared conflict of interest blocks
    her from it."""

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

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}


class Score(models.Model):
    """One criterion's score in one review."""

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

    def get_additional_data(self):
        return {"partnership": self.criterion.call.partnership_id}


class HostRanking(models.Model):
    """A host's ranking of the applicants it finds acceptable for one placement, in tiers
    (tier 1 best; equal tiers are broken by the call's lottery)."""

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

    def get_additional_data(self):
        return {"partnership": self.placement.call.partnership_id}


class AllocationRun(models.Model):
    """One run of the allocation for a call, stored with everything needed to re-derive and
    re-verify it: the inputs, the lottery seed, the result and the blocking-pair check."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="runs"
    )
    mode = models.CharField(_("mode"), max_length=12, choices=RunMode.choices)
    seed = models.CharField(_("lottery seed"), max_length=64)
    inputs = models.JSONField(_("inputs"))
    constraints = models.JSONField(_("side constraints"), default=dict, blank=True)
    result = models.JSONField(_("result"))
    blocking_pairs = models.JSONField(_("blocking pairs"), default=list)
    is_stable = models.BooleanField(_("stable"))
    solver_status = models.CharField(_("solver status"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("run by"), on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("run at"), default=timezone.now)
    applied_at = models.DateTimeField(_("offers sent"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Allocation run {number}").format(number=self.pk)

    def get_additional_data(self):
        return {"partnership": self.call.partnership_id}

    @classmethod
    def permission_filter(cls, user, action):
        return models.Q(call__partnership__in=_staff_partnerships(user, action))


class Offer(TimeStampedModel):
    """A place offered to an applicant, to be answered before ``respond_by``."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="offers"
    )
    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.PROTECT, related_name="offers"
    )
    run = models.ForeignKey(
        AllocationRun,
        verbose_name=_("allocation run"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN
    )
    from_waitlist = models.BooleanField(_("from the waiting list"), default=False)
    respond_by = models.DateTimeField(_("answer by"))
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.placement} · {self.application}"

    def get_additional_data(self):
        return {"partnership": self.placement.call.partnership_id}


class Readiness(TimeStampedModel):
    """A participant's pre-departure checklist: passport, visa, insurance, orientation,
    emergency contact and travel dates. Evidence files are ApplicationFiles."""

    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="readiness",
    )
    passport_expires_on = models.DateField(_("passport valid until"), null=True, blank=True)
    visa_type = models.CharField(
        _("visa type"), max_length=30, choices=VisaType.choices, blank=True
    )
    insurance_provider = models.CharField(
        _("insurance provider"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    insurance_valid_until = models.DateField(_("insurance valid until"), null=True, blank=True)
    orientation_attended_on = models.DateField(_("orientation attended on"), null=True, blank=True)
    emergency_contact_name = models.CharField(
        _("emergency contact"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    emergency_contact_phone = models.CharField(
        _("emergency contact phone"), max_length=40, blank=True, validators=[validate_no_markup]
    )
    departure_on = models.DateField(_("departure"), null=True, blank=True)
    return_on = models.DateField(_("return"), null=True, blank=True)

    class Meta:
        verbose_name = _("pre-departure checklist")
        verbose_name_plural = _("pre-departure checklists")

    def __str__(self):
        return str(self.application)

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}


class ReadinessReminder(models.Model):
    """A reminder already sent on one day; the unique constraint keeps it to one a day."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField(_("sent on"))
    missing = models.JSONField(_("missing items"), default=list)

    class Meta:
        verbose_name = _("readiness reminder")
        verbose_name_plural = _("readiness reminders")
        constraints = [
            models.UniqueConstraint(fields=["application", "sent_on"], name="one_reminder_a_day")
        ]

    def __str__(self):
        return f"{self.application} · {self.sent_on}"


class ParticipantReport(TimeStampedModel):
    """The participant's report after return."""

    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="report",
    )
    text = models.TextField(_("report"), validators=[validate_no_markup])

    class Meta:
        verbose_name = _("participant report")
        verbose_name_plural = _("participant reports")

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}


class HostFeedback(TimeStampedModel):
    """The host's feedback on a participant, entered by the secretariat or partner officer."""

    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="host_feedback",
    )
    rating = models.PositiveSmallIntegerField(_("rating (1–5)"))
    text = models.TextField(_("feedback"), blank=True, validators=[validate_no_markup])
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("host feedback")
        verbose_name_plural = _("host feedback")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_1_to_5"
            )
        ]

    def get_additional_data(self):
        return {"partnership": self.application.call.partnership_id}
