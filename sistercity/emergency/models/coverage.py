"""Coverage analysis: the demand points (villages), travel times to the candidate sites, and
saved scenarios with their inputs and results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import PartnershipScoped, TimeStampedModel
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import CoverageModel
from sistercity.emergency.models.fields import latitude, longitude, partnership, text
from sistercity.emergency.models.fleet import FirePost


class Village(PartnershipScoped, TimeStampedModel):
    """A demand point: a desa/kelurahan with its population and coordinates (or any weighted
    point)."""

    scope_pillar = "emergency"

    partnership = partnership("fire_villages")
    code = models.SlugField(_("code"), max_length=40)
    name = text(_("name"), blank=False)
    kecamatan = text(_("kecamatan"), 100)
    population = models.PositiveIntegerField(_("population"))
    latitude = latitude()
    longitude = longitude()
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["kecamatan", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_village_code")
        ]

    def __str__(self):
        return self.name


class TravelTime(PartnershipScoped):
    """A measured travel time (minutes) from a post or candidate site to a village, imported
    from a CSV; without these, times are estimated from straight-line distance."""

    partnership_path = "village__partnership"
    scope_pillar = "emergency"

    village = models.ForeignKey(
        Village, verbose_name=_("village"), on_delete=models.CASCADE, related_name="travel_times"
    )
    post = models.ForeignKey(
        FirePost, verbose_name=_("post"), on_delete=models.CASCADE, related_name="travel_times"
    )
    minutes = models.DecimalField(_("minutes"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("travel time")
        verbose_name_plural = _("travel times")
        constraints = [
            models.UniqueConstraint(fields=["village", "post"], name="unique_travel_time")
        ]


class CoverageScenario(PartnershipScoped, TimeStampedModel):
    """A saved run of a coverage model: the inputs as they were (villages, sites, the matrix
    or how it was estimated) and what the model chose, so scenarios compare side by side even
    after the data change."""

    scope_pillar = "emergency"

    partnership = partnership("coverage_scenarios")
    name = text(_("name"), blank=False)
    model = models.CharField(_("model"), max_length=10, choices=CoverageModel.choices)
    standard_minutes = models.DecimalField(
        _("response standard (minutes)"), max_digits=5, decimal_places=1, default=15
    )
    posts = models.PositiveSmallIntegerField(_("number of posts (p)"), null=True, blank=True)
    is_estimate = models.BooleanField(_("travel times estimated"), default=True)
    detour_factor = models.DecimalField(
        _("detour factor"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    speed_kmh = models.DecimalField(
        _("speed (km/h)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    inputs = models.JSONField(_("inputs"), default=dict)
    results = models.JSONField(_("results"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("coverage scenario")
        verbose_name_plural = _("coverage scenarios")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name
