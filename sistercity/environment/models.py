"""Waste data with provenance, facilities and waste-management scenarios of a partnership.

Every figure names its source and the date it refers to. Figures are never overwritten by
another source's figure for the same thing: conflicting public numbers (Batang's TPA receives
about 100 t/day; estimates of what the regency generates range from 300 t/day upwards) are
kept side by side, each with where it came from.

A scenario stores the waste model's plain inputs (``wastemodel.scenario_from_dict``); its
results are computed from them whenever they are shown, so the page, the XLSX and the PDF
report always agree.

All of it belongs to the environment pillar as a whole (``pillar = "environment"``): besides
the partnership's secretariat and partner officers, the agency officers whose membership names
that pillar (the DLH planners) change it (``core.access``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.environment.choices import FacilityKind, IndicatorSeries, Metric, SiteType


class DataSource(TranslatablePartnershipScoped, TimeStampedModel):
    """Where a figure comes from: a SIPSN table, a DLH report, a news article, an estimate."""

    scope_pillar = "environment"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="waste_sources",
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    url = models.URLField(_("link"), blank=True, max_length=500)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
        note=models.TextField(_("note"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")
        ordering = ["-published_on", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class WasteFacility(TranslatablePartnershipScoped, TimeStampedModel):
    """A place that takes waste: the TPA with its site type and volume, a TPS3R, a waste
    bank, a compost house, an RDF or waste-to-energy plant."""

    scope_pillar = "environment"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="waste_facilities",
    )
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    site_type = models.CharField(
        _("landfill site type"),
        max_length=30,
        choices=SiteType.choices,
        blank=True,
        help_text=_("For a TPA: its IPCC site type."),
    )
    area = models.CharField(
        _("area (kecamatan)"), max_length=100, blank=True, validators=[validate_no_markup]
    )
    capacity_t_per_day = models.DecimalField(
        _("capacity (t/day)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    volume_m3 = models.DecimalField(
        _("volume (m³)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For a TPA: its total volume."),
    )
    opened_year = models.PositiveSmallIntegerField(_("in operation since"), null=True, blank=True)
    source = models.ForeignKey(
        DataSource, verbose_name=_("source"), on_delete=models.PROTECT, related_name="facilities"
    )
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        note=models.TextField(_("note"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("waste facility")
        verbose_name_plural = _("waste facilities")
        ordering = ["municipality_id", "kind", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "code"], name="unique_waste_facility_code"
            )
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class WasteFigure(PartnershipScoped, TimeStampedModel):
    """One published number: a year's generation, a composition or source share, or the
    tonnage a facility handles, for a municipality or one of its kecamatan, with its source
    and the date it refers to."""

    scope_pillar = "environment"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="waste_figures",
    )
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1950), MaxValueValidator(2200)]
    )
    area = models.CharField(
        _("area (kecamatan)"),
        max_length=100,
        blank=True,
        validators=[validate_no_markup],
        help_text=_("Empty: the whole municipality."),
    )
    metric = models.CharField(_("measure"), max_length=30, choices=Metric.choices)
    category = models.CharField(
        _("category"),
        max_length=60,
        blank=True,
        help_text=_("Waste type, source or facility code, depending on the measure."),
    )
    facility = models.ForeignKey(
        WasteFacility,
        verbose_name=_("facility"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
    )
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=3, validators=[MinValueValidator(0)]
    )
    source = models.ForeignKey(
        DataSource, verbose_name=_("source"), on_delete=models.PROTECT, related_name="figures"
    )
    as_of = models.DateField(_("date of the figure"))
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("waste figure")
        verbose_name_plural = _("waste figures")
        ordering = ["municipality_id", "year", "area", "metric", "category", "as_of", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="waste_figure_not_negative"
            ),
            # The same source cannot state two values for one thing on one date; another
            # source can, and is kept beside it.
            models.UniqueConstraint(
                fields=[
                    "partnership",
                    "municipality",
                    "year",
                    "area",
                    "metric",
                    "category",
                    "source",
                    "as_of",
                ],
                name="unique_waste_figure_per_source",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.area or '—'} {self.metric} {self.category}: {self.value}"


class WasteScenario(TranslatablePartnershipScoped, TimeStampedModel):
    """A plan for a municipality's waste over a horizon (today's open dump, a Toyama-style
    plan…): the waste model's inputs, validated by the engine before they are stored."""

    scope_pillar = "environment"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="waste_scenarios",
    )
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.SlugField(_("short name"), max_length=60)
    inputs = models.JSONField(_("model inputs"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    indicator_code = models.SlugField(
        _("programme indicator code"),
        max_length=100,
        blank=True,
        help_text=_(
            "The stable code of an environment-pillar indicator (e.g. landfill-diversion-rate) "
            "that this scenario gives planned values for."
        ),
    )
    indicator_series = models.CharField(
        _("planned value"),
        max_length=30,
        choices=IndicatorSeries.choices,
        blank=True,
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("waste scenario")
        verbose_name_plural = _("waste scenarios")
        ordering = ["partnership_id", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "code"], name="unique_waste_scenario_code"
            )
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code

    def get_absolute_url(self) -> str:
        # Where a plan drawn from this scenario links to (the results dashboard).
        return reverse("environment:scenario", args=[self.partnership.slug, self.code])
