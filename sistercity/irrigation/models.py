"""Irrigation schemes (daerah irigasi) of a partnership, their rotation groups, water-user
associations and performance assessments, canal drops, and climate stations with their records.

Everything belongs to the agriculture pillar as a whole (``scope_pillar``): besides the
secretariat and partner officers, the agency officers whose membership names that pillar (the
public-works planners of DPUPR) change it. Figures computed from these rows (ETo, demand, IKSI)
are computed whenever they are shown, so the page, the XLSX and the PDF agree.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.irrigation.choices import (
    IKSI_WEIGHTS,
    AssociationLevel,
    Authority,
    Condition,
    IksiComponent,
    Palawija,
    StructureKind,
)

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
EFFICIENCY = [MinValueValidator(Decimal("0.01")), MaxValueValidator(1)]


class ClimateStation(PartnershipScoped, TimeStampedModel):
    """A meteorological station whose daily records feed the schemes' water requirements."""

    scope_pillar = "agriculture"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="climate_stations",
    )
    code = models.CharField(_("station code"), max_length=20, validators=[validate_no_markup])
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    latitude = models.DecimalField(
        _("latitude (°)"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude (°)"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    elevation_m = models.DecimalField(_("elevation (m)"), max_digits=7, decimal_places=1)
    wind_height_m = models.DecimalField(
        _("height of the wind measurement (m)"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("climate station")
        verbose_name_plural = _("climate stations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="irrigation_station_code")
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"


class ClimateRecord(PartnershipScoped):
    """One day at a station as BMKG reports it; a value BMKG marks missing (8888, 9999) is
    stored as empty, never as a number."""

    scope_pillar = "agriculture"
    partnership_path = "station__partnership"

    station = models.ForeignKey(
        ClimateStation,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="records",
    )
    date = models.DateField(_("date"))
    tmin = models.FloatField(_("minimum temperature (°C)"), null=True, blank=True)
    tmax = models.FloatField(_("maximum temperature (°C)"), null=True, blank=True)
    rh_mean = models.FloatField(
        _("mean relative humidity (%)"), null=True, blank=True, validators=PERCENT
    )
    rainfall_mm = models.FloatField(
        _("rainfall (mm)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    sunshine_hours = models.FloatField(
        _("sunshine (hours)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    wind_ms = models.FloatField(
        _("mean wind speed (m/s)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("climate record")
        verbose_name_plural = _("climate records")
        ordering = ["station", "date"]
        constraints = [
            models.UniqueConstraint(fields=["station", "date"], name="irrigation_record_day")
        ]

    def __str__(self):
        return f"{self.station.code} {self.date}"


class Scheme(TranslatablePartnershipScoped, TimeStampedModel):
    """An irrigation scheme (daerah irigasi, DI): its command area, source and intake, the
    efficiencies of its canals, its cropping pattern and the flow available at the intake."""

    scope_pillar = "agriculture"

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="irrigation_schemes",
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    authority = models.CharField(_("authority"), max_length=10, choices=Authority.choices)
    cross_regency = models.BooleanField(_("crosses regency borders"), default=False)
    command_area_ha = models.DecimalField(
        _("command area (ha)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    water_source = models.CharField(
        _("water source"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    intake = models.CharField(
        _("intake"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    station = models.ForeignKey(
        ClimateStation,
        verbose_name=_("climate station"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="schemes",
    )
    tertiary_efficiency = models.DecimalField(
        _("tertiary efficiency"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.80"),
        validators=EFFICIENCY,
    )
    secondary_efficiency = models.DecimalField(
        _("secondary efficiency"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.90"),
        validators=EFFICIENCY,
    )
    primary_efficiency = models.DecimalField(
        _("primary efficiency"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.90"),
        validators=EFFICIENCY,
    )
    percolation_mm_day = models.DecimalField(
        _("percolation (mm/day)"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("2.0"),
        validators=[MinValueValidator(0)],
    )
    season_start = models.PositiveSmallIntegerField(
        _("start of the wet-season land preparation (half-month)"),
        default=20,
        validators=[MaxValueValidator(23)],
        help_text=_("0 = 1–15 January, 1 = 16–31 January, … 23 = 16–31 December"),
    )
    palawija = models.CharField(
        _("dry-season palawija crop"),
        max_length=20,
        choices=Palawija.choices,
        default=Palawija.MAIZE,
    )
    available_flow_m3s = models.JSONField(
        _("available flow at the intake by half-month (m³/s)"), default=list
    )
    rehabilitation_cost_idr = models.DecimalField(
        _("estimated rehabilitation cost (IDR)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    rehabilitated_on = models.DateField(_("rehabilitated on"), null=True, blank=True)
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)
    translations = TranslatedContent(
        note=models.TextField(_("note"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("irrigation scheme (DI)")
        verbose_name_plural = _("irrigation schemes (DI)")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="irrigation_scheme_code")
        ]

    def __str__(self):
        return self.name

    @property
    def efficiency(self) -> Decimal:
        return self.tertiary_efficiency * self.secondary_efficiency * self.primary_efficiency

    def latest_assessment(self):
        return max(self.assessments.all(), key=lambda a: (a.assessed_on, a.pk), default=None)


class RotationGroup(PartnershipScoped):
    """A rotation group (golongan): part of the command area that starts its season together,
    ``shift_half_months`` after the scheme's calendar."""

    scope_pillar = "agriculture"
    partnership_path = "scheme__partnership"

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="groups"
    )
    code = models.CharField(_("group"), max_length=20, validators=[validate_no_markup])
    area_ha = models.DecimalField(
        _("area (ha)"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    shift_half_months = models.PositiveSmallIntegerField(
        _("planting shift (half-months)"), default=0, validators=[MaxValueValidator(6)]
    )

    class Meta:
        verbose_name = _("rotation group (golongan)")
        verbose_name_plural = _("rotation groups (golongan)")
        ordering = ["scheme", "code"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="irrigation_group_code")
        ]

    def __str__(self):
        return f"{self.scheme.code} {self.code}"


class WaterUserAssociation(PartnershipScoped):
    """A farmers' water-user association (P3A) or their federation (GP3A, IP3A)."""

    scope_pillar = "agriculture"
    partnership_path = "scheme__partnership"

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="associations"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    level = models.CharField(_("level"), max_length=5, choices=AssociationLevel.choices)
    members = models.PositiveIntegerField(_("members"), default=0)
    is_legal_entity = models.BooleanField(_("legal entity (berbadan hukum)"), default=False)

    class Meta:
        verbose_name = _("water-user association")
        verbose_name_plural = _("water-user associations")
        ordering = ["scheme", "level", "name"]

    def __str__(self):
        return self.name


class Structure(PartnershipScoped):
    """A weir, intake, canal or structure of a scheme with its condition."""

    scope_pillar = "agriculture"
    partnership_path = "scheme__partnership"

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="structures"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=StructureKind.choices)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    length_m = models.DecimalField(
        _("length (m)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    condition = models.CharField(
        _("condition"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["scheme", "kind", "name"]

    def __str__(self):
        return self.name


class CanalDrop(PartnershipScoped):
    """A drop in a canal that could turn a micro-hydro turbine: its head and the flow-duration
    table of the canal (percent of time exceeded → m³/s)."""

    scope_pillar = "agriculture"
    partnership_path = "scheme__partnership"

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="drops"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    head_m = models.DecimalField(
        _("head (m)"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)]
    )
    efficiency = models.DecimalField(
        _("plant efficiency"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.70"),
        validators=EFFICIENCY,
    )
    design_flow_m3s = models.DecimalField(
        _("design flow (m³/s)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    flow_duration = models.JSONField(_("flow-duration table [[percent of time exceeded, m³/s], …]"))
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("canal drop")
        verbose_name_plural = _("canal drops")
        ordering = ["scheme", "name"]

    def __str__(self):
        return self.name


class IksiAssessment(PartnershipScoped, TimeStampedModel):
    """An assessment of a scheme's performance: each IKSI component scored 0–100 % of its
    maximum; the index weighs them by the regulation's weights (``choices.IKSI_WEIGHTS``)."""

    scope_pillar = "agriculture"
    partnership_path = "scheme__partnership"

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_on = models.DateField(_("assessed on"))
    physical = models.DecimalField(
        IksiComponent.PHYSICAL.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    productivity = models.DecimalField(
        IksiComponent.PRODUCTIVITY.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    facilities = models.DecimalField(
        IksiComponent.FACILITIES.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    personnel = models.DecimalField(
        IksiComponent.PERSONNEL.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    documentation = models.DecimalField(
        IksiComponent.DOCUMENTATION.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    wua = models.DecimalField(
        IksiComponent.WUA.label, max_digits=5, decimal_places=2, validators=PERCENT
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, validators=[validate_no_markup]
    )
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("IKSI assessment")
        verbose_name_plural = _("IKSI assessments")
        ordering = ["scheme", "-assessed_on", "-pk"]

    def __str__(self):
        return f"{self.scheme} {self.assessed_on}"

    @property
    def index(self) -> Decimal:
        total = sum(
            (getattr(self, component) * weight / 100 for component, weight in IKSI_WEIGHTS.items()),
            Decimal(0),
        )
        return total.quantize(Decimal("0.01"))
