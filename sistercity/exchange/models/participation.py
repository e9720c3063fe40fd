"""What follows the review: allocation runs, offers, the pre-departure checklist and what
comes after return."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import TimeStampedModel
from sistercity.core.validators import validate_no_markup
from sistercity.exchange.choices import OfferStatus, RunMode, VisaType
from sistercity.exchange.models.applications import Application, ApplicationRecord, StaffRecord
from sistercity.exchange.models.calls import Call, Placement


class AllocationRun(StaffRecord):
    """One run of the allocation for a call, stored with everything needed to re-derive and
    re-verify it: the inputs, the lottery seed, the result and the blocking-pair check."""

    partnership_path = "call__partnership"

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

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Allocation run {number}").format(number=self.pk)


class Offer(ApplicationRecord, TimeStampedModel):
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


class Readiness(ApplicationRecord, TimeStampedModel):
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


class ReadinessReminder(ApplicationRecord):
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


class ParticipantReport(ApplicationRecord, TimeStampedModel):
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


class HostFeedback(StaffRecord, TimeStampedModel):
    """The host's feedback on a participant, entered by the secretariat or partner officer."""

    partnership_path = "application__call__partnership"

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
