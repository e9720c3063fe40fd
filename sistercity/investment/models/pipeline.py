"""The investor pipeline: companies (organisations of accounts, with their company facts),
their contacts, leads from first contact to operation, the delegations that advanced them, the
documents that prove each stage and the quarterly realised investment (LKPM).

Who sees a dossier: the people who work the pipeline (those who may change the partnership's
investment pillar: secretariat, partner officers, the investment office's agency officers) —
not observers, who read totals — and the company's own contacts, who see their company's
dossier only. A confidential lead is seen only by its owner and the secretariat.
"""

import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, partnership_ids
from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.investment import choices as c
from sistercity.investment.models.common import StoredDocument, document_path, optional_link
from sistercity.investment.models.common import text as _text

PILLAR = c.PILLAR


def pipeline_partnership_ids(user: Any) -> Any:
    """The partnerships whose pipeline ``user`` works (may change the investment pillar)."""
    return partnership_ids(user, Action.CHANGE, pillar=PILLAR)


def secretariat_partnership_ids(user: Any) -> Any:
    """The partnerships in whose secretariat ``user`` sits (they see confidential leads)."""
    from sistercity.accounts.models import Membership
    from sistercity.core.roles import Role
    from sistercity.partnerships.models import Partnership

    municipalities = Membership.objects.filter(user=user, role=Role.SECRETARIAT).values(
        "organisation_id"
    )
    return Partnership.municipalities.through.objects.filter(
        organisation_id__in=municipalities
    ).values("partnership_id")


class Company(PartnershipScoped, TimeStampedModel):
    """A company in a partnership's pipeline. Its names (Japanese, Indonesian, English) are its
    organisation's; the romaji reading, sector, size and parent are kept here."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="investor",
    )
    name_romaji = _text(_("name in romaji"))
    sector = models.ForeignKey(
        "investment.TargetSector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    size = models.CharField(_("size"), max_length=10, choices=c.CompanySize.choices)
    parent = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("parent company"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    introduced_by = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("introduced by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name_romaji"]

    def __str__(self):
        return str(self.organisation)

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        staff = models.Q(partnership__in=pipeline_partnership_ids(user))
        if action != Action.VIEW:
            return staff
        return staff | models.Q(pk__in=CompanyContact.objects.filter(user=user).values("company"))


class CompanyContact(PartnershipScoped):
    """A person at a company (personal data: seen by the pipeline's people, not observers). A
    contact with a login sees the company's dossier."""

    scope_pillar = PILLAR
    partnership_path = "company__partnership"
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="investor_contacts",
    )
    full_name = _text(_("full name"))
    position = _text(_("position"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("company contact")
        verbose_name_plural = _("company contacts")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        staff = models.Q(company__partnership__in=pipeline_partnership_ids(user))
        return staff if action != Action.VIEW else staff | models.Q(user=user)


class Lead(PartnershipScoped, TimeStampedModel):
    """One possible investment by one company (or an enquiry not yet tied to one), from first
    contact to an operating plant; or dropped, with the reason."""

    scope_pillar = PILLAR
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
    )
    title = _text(_("title"))
    opportunity = optional_link("investment.Opportunity", _("opportunity"), "leads")
    project = optional_link("investment.PartnerProject", _("project"), "leads")
    source = models.CharField(
        _("source"), max_length=14, choices=c.LeadSource.choices, default=c.LeadSource.OTHER
    )
    introduced_by = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("introduced by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nib = models.CharField(
        _("business identification number (NIB)"),
        max_length=13,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{13}$", _("An NIB has 13 digits."))],
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=c.Stage.choices, default=c.Stage.IDENTIFIED
    )
    stage_changed_at = models.DateTimeField(_("stage changed"), null=True, blank=True)
    dropped_reason = models.TextField(
        _("reason for dropping"), blank=True, validators=[validate_no_markup]
    )
    expected_investment = models.DecimalField(
        _("expected investment"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=c.Currency.choices, default=c.Currency.JPY
    )
    expected_jobs = models.PositiveIntegerField(_("expected jobs"), null=True, blank=True)
    probability = models.PositiveSmallIntegerField(
        _("probability (%)"), default=10, validators=[MaxValueValidator(100)]
    )
    next_step = _text(_("next step"), 300, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="investment_leads",
    )
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Only the owner and the secretariat see a confidential lead."),
    )
    # An enquiry from the public prospectus, as the visitor typed it.
    enquiry_name = _text(_("enquirer's name"), blank=True)
    enquiry_email = models.EmailField(_("enquirer's e-mail"), blank=True)
    enquiry_company = _text(_("enquirer's company"), blank=True)
    enquiry_message = models.TextField(
        _("enquiry"), blank=True, validators=[validate_no_markup], max_length=4000
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        staff = models.Q(partnership__in=pipeline_partnership_ids(user)) & (
            models.Q(confidential=False)
            | models.Q(owner=user)
            | models.Q(partnership__in=secretariat_partnership_ids(user))
        )
        if action != Action.VIEW:
            return staff
        own = models.Q(company__in=CompanyContact.objects.filter(user=user).values("company"))
        return staff | own

    @property
    def is_open(self) -> bool:
        return self.stage not in (c.Stage.DROPPED, c.Stage.OPERATING)


class LeadRecord(PartnershipScoped):
    """A record of one lead: visible exactly as the lead is."""

    scope_pillar = PILLAR
    partnership_path = "lead__partnership"

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(lead__in=Lead.objects.for_user(user, action).values("pk"))


class StageMove(LeadRecord):
    """A lead's move from one stage to another: who moved it, when, and why."""

    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="moves"
    )
    from_stage = models.CharField(_("from"), max_length=20, choices=c.Stage.choices)
    to_stage = models.CharField(_("to"), max_length=20, choices=c.Stage.choices)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moved by"), on_delete=models.PROTECT
    )
    moved_at = models.DateTimeField(_("moved"))
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("stage move")
        verbose_name_plural = _("stage moves")
        ordering = ["-moved_at", "-pk"]

    def __str__(self):
        return f"{self.lead} · {self.from_stage} → {self.to_stage}"


class Delegation(TranslatablePartnershipScoped, TimeStampedModel):
    """A business delegation: who came, which sites they saw, which leads it advanced; linked
    to the partnership's meeting record when there is one."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    meeting = optional_link("programs.Meeting", _("meeting"))
    arrived_on = models.DateField(_("arrived"))
    departed_on = models.DateField(_("departed"))
    visitors = models.TextField(_("who came"), validators=[validate_no_markup])
    sites = models.ManyToManyField(
        "investment.Opportunity", verbose_name=_("sites visited"), blank=True, related_name="+"
    )
    leads = models.ManyToManyField(
        Lead, verbose_name=_("leads advanced"), blank=True, related_name="delegations"
    )
    translations = TranslatedContent(
        title=_text(_("title"), 300),
        notes=models.TextField(_("notes"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("business delegation")
        verbose_name_plural = _("business delegations")
        ordering = ["-arrived_on"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.arrived_on)

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(partnership__in=pipeline_partnership_ids(user))


# The first migration names the upload path by this name.
_document_path = document_path


class LeadDocument(LeadRecord, StoredDocument, TimeStampedModel):
    """A document of a lead (a letter of intent, the NIB, a permit), and the delegation visit
    that produced it when there was one."""

    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=c.DocumentKind.choices)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    delegation = optional_link(Delegation, _("produced by the visit"), "documents")

    class Meta:
        verbose_name = _("lead document")
        verbose_name_plural = _("lead documents")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.original_name}"

    def storage_folder(self) -> str:
        return str(self.lead.partnership_id)


class Realisation(LeadRecord, TimeStampedModel):
    """One quarter's realised investment of a project, in the layout of the LKPM report (the
    quarterly investment activity report to the national investment system): fixed capital by
    kind, working capital, and the workforce (Indonesian men and women, foreign workers)."""

    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), on_delete=models.PROTECT, related_name="realisations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=c.Currency.choices)
    land = models.DecimalField(_("land purchase and preparation"), max_digits=20, decimal_places=2)
    building = models.DecimalField(_("buildings"), max_digits=20, decimal_places=2)
    machinery = models.DecimalField(_("machinery and equipment"), max_digits=20, decimal_places=2)
    other_fixed = models.DecimalField(_("other fixed capital"), max_digits=20, decimal_places=2)
    working_capital = models.DecimalField(_("working capital"), max_digits=20, decimal_places=2)
    local_men = models.PositiveIntegerField(_("Indonesian workers, men"))
    local_women = models.PositiveIntegerField(_("Indonesian workers, women"))
    local_total = models.PositiveIntegerField(_("Indonesian workers, total"))
    expatriates = models.PositiveIntegerField(_("foreign workers"))
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT
    )
    # The latest correction of the quarter's figures (every one is in the change log).
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True)
    correction_reason = models.TextField(
        _("reason for the correction"), blank=True, validators=[validate_no_markup]
    )

    class Meta:
        verbose_name = _("realised investment")
        verbose_name_plural = _("realised investment")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "year", "quarter"], name="unique_realisation_quarter"
            )
        ]

    def __str__(self):
        return f"{self.lead} · {self.year} Q{self.quarter}"

    @property
    def total(self):
        return self.land + self.building + self.machinery + self.other_fixed + self.working_capital

    @property
    def jobs(self) -> int:
        return self.local_total + self.expatriates
