"""Incidents the fire service responded to, with the times the response standard is measured
by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import PartnershipScoped, TimeStampedModel
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import IncidentKind
from sistercity.emergency.models.fields import latitude, longitude, partnership, text
from sistercity.emergency.models.fleet import Vehicle


class Incident(PartnershipScoped, TimeStampedModel):
    """A call-out: what, where (desa, kecamatan, coordinates), the times from call to close,
    the units sent, losses and casualties. Response time = arrival − call."""

    scope_pillar = "emergency"

    partnership = partnership("fire_incidents")
    kind = models.CharField(_("kind"), max_length=16, choices=IncidentKind.choices)
    kecamatan = text(_("kecamatan"), 100, blank=False)
    desa = text(_("desa"), 100)
    latitude = latitude()
    longitude = longitude()
    called_at = models.DateTimeField(_("call received"))
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    controlled_at = models.DateTimeField(_("under control"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    units = models.ManyToManyField(Vehicle, verbose_name=_("units sent"), blank=True)
    loss_idr = models.DecimalField(
        _("estimated loss (IDR)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    injured = models.PositiveIntegerField(_("injured"), default=0)
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-called_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.desa or self.kecamatan}"

    @property
    def response_minutes(self) -> float | None:
        if self.arrived_at is None:
            return None
        return (self.arrived_at - self.called_at).total_seconds() / 60
