"""What Batang offers investors: plots and ready-built factories in KITB, the sectors it seeks,
the incentives that apply (each with its legal source and validity) and projects open to
partners. Public ones appear on the trilingual prospectus."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.investment import choices as c
from sistercity.investment.models.common import long_text as _long_text
from sistercity.investment.models.common import text as _text

PILLAR = c.PILLAR


class TargetSector(TranslatablePartnershipScoped):
    """A sector Batang seeks investors for (e.g. recycling, electronics), with its KBLI code."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    code = models.SlugField(_("short name"))
    kbli = models.CharField(_("KBLI 2020 code"), max_length=5, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslatedContent(name=_text(_("name")))

    class Meta:
        verbose_name = _("sector sought")
        verbose_name_plural = _("sectors sought")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_target_sector")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class Incentive(TranslatablePartnershipScoped):
    """A tax, customs or zone facility an investor may claim, kept as data: the regulation that
    grants it and the dates it is valid, and how far its source is known — checked against the
    official text, official but not yet checked, or known from press reports only (the
    prospectus says so beside anything not checked)."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    code = models.SlugField(_("short name"))
    kind = models.CharField(_("kind"), max_length=20, choices=c.IncentiveKind.choices)
    legal_source = _text(_("legal source"), 300)
    source_url = models.URLField(_("source address"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source_status = models.CharField(
        _("source known"),
        max_length=10,
        choices=c.SourceStatus.choices,
        default=c.SourceStatus.UNCHECKED,
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        name=_text(_("name")),
        summary=_long_text(_("summary")),
        source_note=_long_text(_("note on the source")),
    )

    class Meta:
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_incentive")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code

    @property
    def verified(self) -> bool:
        return self.source_status == c.SourceStatus.CHECKED

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class Offer(TranslatablePartnershipScoped, TimeStampedModel):
    """What a plot and a partner project share: the sectors and incentives offered, who owns
    the enquiries, whether the public sees it."""

    scope_pillar = PILLAR
    partnership = models.ForeignKey(
        "partnerships.Partnership", verbose_name=_("partnership"), on_delete=models.CASCADE
    )
    code = models.SlugField(_("short name"))
    currency = models.CharField(
        _("currency"), max_length=3, choices=c.Currency.choices, default=c.Currency.IDR
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pipeline owner"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Receives the enquiries from the prospectus."),
    )
    is_public = models.BooleanField(_("on the public prospectus"), default=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        abstract = True


class Opportunity(Offer):
    """A plot or a ready-built factory in the industrial estate (KITB)."""

    kind = models.CharField(_("kind"), max_length=12, choices=c.OpportunityKind.choices)
    estate = _text(_("estate and cluster"), 120)
    area_m2 = models.DecimalField(
        _("land area (m²)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(1)]
    )
    building_m2 = models.DecimalField(
        _("building area (m²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    zoning = models.CharField(_("zoning"), max_length=12, choices=c.Zoning.choices)
    electricity_kva = models.PositiveIntegerField(_("electricity (kVA)"), null=True, blank=True)
    water_m3_per_day = models.PositiveIntegerField(_("water (m³/day)"), null=True, blank=True)
    gas = models.BooleanField(_("natural gas"), default=False)
    wastewater = models.BooleanField(_("central wastewater treatment"), default=False)
    tenure = models.CharField(_("tenure"), max_length=8, choices=c.Tenure.choices)
    price_per_m2 = models.DecimalField(
        _("price or yearly lease per m²"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=c.Availability.choices,
        default=c.Availability.AVAILABLE,
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    sectors = models.ManyToManyField(
        TargetSector, verbose_name=_("sectors sought"), blank=True, related_name="opportunities"
    )
    incentives = models.ManyToManyField(
        Incentive, verbose_name=_("incentives"), blank=True, related_name="opportunities"
    )
    translations = TranslatedContent(
        name=_text(_("name")),
        description=_long_text(_("description")),
    )

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_opportunity")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class PartnerProject(Offer):
    """A project Batang opens to partners (a waste-to-energy plant, a recycling centre)."""

    status = models.CharField(
        _("status"), max_length=10, choices=c.ProjectStatus.choices, default=c.ProjectStatus.OPEN
    )
    estimated_cost = models.DecimalField(
        _("estimated cost"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10**18)],
    )
    sectors = models.ManyToManyField(
        TargetSector, verbose_name=_("sectors sought"), blank=True, related_name="projects"
    )
    incentives = models.ManyToManyField(
        Incentive, verbose_name=_("incentives"), blank=True, related_name="projects"
    )
    translations = TranslatedContent(
        name=_text(_("title")),
        description=_long_text(_("description")),
    )

    class Meta:
        verbose_name = _("project open to partners")
        verbose_name_plural = _("projects open to partners")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_partner_project")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code
