"""Firefighters, their qualifications (which vehicle kinds each may operate) and training."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import Shift, VehicleKind
from sistercity.emergency.models.fields import partnership, text
from sistercity.emergency.models.fleet import FirePost


class Firefighter(PartnershipScoped, TimeStampedModel):
    """A member of the fire service's crews: one full-name field, their post and shift."""

    scope_pillar = "emergency"

    partnership = partnership("firefighters")
    full_name = text(_("full name"), blank=False)
    post = models.ForeignKey(
        FirePost,
        verbose_name=_("post"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="crew",
    )
    shift = models.CharField(_("shift"), max_length=2, choices=Shift.choices)
    is_illustrative = models.BooleanField(_("illustrative data"), default=False)

    class Meta:
        verbose_name = _("firefighter")
        verbose_name_plural = _("firefighters")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name


class Qualification(PartnershipScoped, TimeStampedModel):
    """A qualification of a firefighter to operate one kind of vehicle, valid between two
    dates."""

    partnership_path = "firefighter__partnership"
    scope_pillar = "emergency"

    firefighter = models.ForeignKey(
        Firefighter,
        verbose_name=_("firefighter"),
        on_delete=models.CASCADE,
        related_name="qualifications",
    )
    vehicle_kind = models.CharField(_("vehicle kind"), max_length=12, choices=VehicleKind.choices)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    issued_by = text(_("issued by"))

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["expires_on"]


class TrainingCourse(TranslatablePartnershipScoped, TimeStampedModel):
    """A training course, e.g. operator training for a donated pumper by Toyama instructors,
    held in Toyama or in Batang."""

    scope_pillar = "emergency"

    partnership = partnership("fire_training_courses")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = text(_("place"))
    instructors = text(_("instructors"))
    vehicle_kind = models.CharField(
        _("qualifies for"), max_length=12, choices=VehicleKind.choices, blank=True
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class Attendance(PartnershipScoped):
    """A firefighter's attendance of a course, and whether they passed (then a certificate
    can be printed)."""

    partnership_path = "course__partnership"
    scope_pillar = "emergency"

    course = models.ForeignKey(
        TrainingCourse,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    firefighter = models.ForeignKey(
        Firefighter, verbose_name=_("firefighter"), on_delete=models.CASCADE, related_name="+"
    )
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["course", "firefighter"], name="unique_attendance")
        ]
