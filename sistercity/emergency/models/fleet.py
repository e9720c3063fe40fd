"""Fire posts, vehicles with their status history, maintenance, spare parts and equipment."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import PartnershipScoped, TimeStampedModel
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import PostKind, VehicleKind, VehicleOrigin, VehicleStatus
from sistercity.emergency.models.fields import latitude, longitude, partnership, text


class FirePost(PartnershipScoped, TimeStampedModel):
    """A fire post (pos Damkar) of the regency, or a candidate site for one; both are the
    candidate sites of a coverage analysis, existing posts fixed."""

    scope_pillar = "emergency"

    partnership = partnership("fire_posts")
    code = models.SlugField(_("code"), max_length=40)
    name = text(_("name"), blank=False)
    kind = models.CharField(_("kind"), max_length=12, choices=PostKind.choices)
    kecamatan = text(_("kecamatan"), 100)
    desa = text(_("desa"), 100)
    latitude = latitude()
    longitude = longitude()
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("fire post")
        verbose_name_plural = _("fire posts")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_fire_post_code")
        ]

    def __str__(self):
        return self.name


class Vehicle(PartnershipScoped, TimeStampedModel):
    """A fire or rescue vehicle: procured by the regency or donated (a Toyama truck), with the
    post it serves and its current status (the history is ``VehicleStatusChange``)."""

    scope_pillar = "emergency"

    partnership = partnership("fire_vehicles")
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=VehicleKind.choices)
    make_model = text(_("make and model"))
    registration = models.CharField(
        _("registration number"), max_length=20, blank=True, validators=[validate_no_markup]
    )
    registration_expires_on = models.DateField(_("registration expires on"), null=True, blank=True)
    asset_number = text(_("regional property number"), 60)
    pump_lpm = models.PositiveIntegerField(_("pump capacity (l/min)"), null=True, blank=True)
    tank_litres = models.PositiveIntegerField(_("water tank (l)"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year built"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    origin = models.CharField(_("origin"), max_length=10, choices=VehicleOrigin.choices)
    donor = text(_("donated by"))
    post = models.ForeignKey(
        FirePost,
        verbose_name=_("post"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vehicles",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=VehicleStatus.choices, default=VehicleStatus.IN_SERVICE
    )
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_vehicle_code")
        ]

    def __str__(self):
        return f"{self.code} · {self.get_kind_display()}"


class VehicleStatusChange(PartnershipScoped):
    """One change of a vehicle's status: from, to, when, who and why."""

    partnership_path = "vehicle__partnership"
    scope_pillar = "emergency"

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=VehicleStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=VehicleStatus.choices)
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True
    )
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-pk"]


class MaintenanceRecord(PartnershipScoped, TimeStampedModel):
    """A service, repair or inspection done on a vehicle."""

    partnership_path = "vehicle__partnership"
    scope_pillar = "emergency"

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="maintenance"
    )
    performed_on = models.DateField(_("performed on"))
    work = models.TextField(_("work done"), validators=[validate_no_markup])
    odometer_km = models.PositiveIntegerField(_("odometer (km)"), null=True, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="IDR")

    class Meta:
        verbose_name = _("maintenance record")
        verbose_name_plural = _("maintenance records")
        ordering = ["-performed_on", "-pk"]


class SparePart(PartnershipScoped, TimeStampedModel):
    """Spare parts held for a vehicle: a donated truck is useless without them."""

    partnership_path = "vehicle__partnership"
    scope_pillar = "emergency"

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="spare_parts"
    )
    part = text(_("part"), blank=False)
    part_number = text(_("part number"), 60)
    quantity = models.PositiveIntegerField(_("quantity"))
    source = text(_("source"))

    class Meta:
        verbose_name = _("spare part")
        verbose_name_plural = _("spare parts")
        ordering = ["part"]


class EquipmentItem(PartnershipScoped, TimeStampedModel):
    """A piece of equipment (breathing apparatus, hoses, extinguishers) kept at a post, with
    its inspections; a reminder goes out before the next one is due."""

    partnership_path = "post__partnership"
    scope_pillar = "emergency"

    post = models.ForeignKey(
        FirePost, verbose_name=_("post"), on_delete=models.CASCADE, related_name="equipment"
    )
    name = text(_("item"), blank=False)
    serial = text(_("serial number"), 60)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    last_inspected_on = models.DateField(_("last inspected on"), null=True, blank=True)
    next_inspection_on = models.DateField(_("next inspection due"), null=True, blank=True)

    class Meta:
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment items")
        ordering = ["next_inspection_on", "name"]


class ReminderSent(PartnershipScoped):
    """A reminder already sent for one due date (an equipment inspection, a registration
    renewal) at one offset; the unique constraint makes sending idempotent, as for the
    partnership's deadlines."""

    scope_pillar = "emergency"

    partnership = partnership("emergency_reminders")
    subject = models.CharField(_("about"), max_length=40)  # "inspection:<pk>", "registration:<pk>"
    due_on = models.DateField(_("due on"))
    offset_days = models.PositiveIntegerField(_("days before"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "subject", "due_on", "offset_days"],
                name="unique_emergency_reminder",
            )
        ]
