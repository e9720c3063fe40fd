"""Before departure: the participant's checklist, the orientation the secretariat records,
departure and completion, and the daily reminder of what is missing."""

import datetime as dt
from typing import Any

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.mail import send_templated_mail
from sistercity.exchange import selectors
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application, Readiness, ReadinessReminder
from sistercity.exchange.services._common import (
    absolute,
    lock,
    require_call,
    require_own,
    start_pre_departure,
    transition,
)

READINESS_FIELDS = (
    "passport_expires_on",
    "visa_type",
    "insurance_provider",
    "insurance_valid_until",
    "emergency_contact_name",
    "emergency_contact_phone",
    "departure_on",
    "return_on",
)

PREPARING = (Status.ACCEPTED, Status.PRE_DEPARTURE)


def readiness_update(*, actor: User, application: Application, **fields: Any) -> Readiness:
    """The participant fills in her checklist; the first entry starts pre-departure."""
    require_own(actor, application)
    unknown = set(fields) - set(READINESS_FIELDS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(
                fields=", ".join(sorted(unknown))
            ),
            code="invalid",
        )
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in PREPARING:
            raise SisterCityError(
                _("The checklist is filled in once the offer is accepted."),
                code="not_participant",
            )
        readiness, _created = Readiness.objects.get_or_create(application=application)
        for name, value in fields.items():
            setattr(readiness, name, value)
        if readiness.departure_on and readiness.return_on:
            if readiness.return_on <= readiness.departure_on:
                raise SisterCityError(
                    _("The return must come after the departure."), code="travel_dates"
                )
        full_clean(readiness)
        readiness.save()
        start_pre_departure(application, actor)
    return readiness


def orientation_record(*, actor: User, application: Application, attended_on: dt.date) -> Readiness:
    require_call(actor, application.call, application=application)
    if attended_on > timezone.localdate():
        raise SisterCityError(_("Attendance cannot be recorded in advance."), code="future")
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in PREPARING:
            raise SisterCityError(
                _("Orientation is recorded for participants preparing to depart."),
                code="not_participant",
            )
        readiness, _created = Readiness.objects.get_or_create(application=application)
        readiness.orientation_attended_on = attended_on
        readiness.save(update_fields=["orientation_attended_on", "updated_at"])
        start_pre_departure(application, actor)
    return readiness


def participant_depart(*, actor: User, application: Application) -> Application:
    """Mark a ready participant as travelling; refused while anything is missing."""
    require_call(actor, application.call, application=application)
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        missing = [i.label for i in selectors.readiness_checklist(application) if not i.ok]
        if missing:
            raise SisterCityError(
                _("Not ready to depart; missing: {items}.").format(items=", ".join(missing)),
                code="not_ready",
            )
        transition(application, Status.TRAVELLING, actor=actor)
    return application


def participant_complete(*, actor: User, application: Application) -> Application:
    require_call(actor, application.call, application=application)
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        transition(application, Status.COMPLETED, actor=actor)
    return application


def _remind(application: Application, today: dt.date, missing: list[str]) -> bool:
    """One reminder to the participant, in her language; False if she had one today."""
    try:
        with transaction.atomic():
            ReadinessReminder.objects.create(
                application=application, sent_on=today, missing=missing
            )
            with translation.override(application.applicant.preferred_language):
                # Labels and details in her language.
                items = [i for i in selectors.readiness_checklist(application) if not i.ok]
                send_templated_mail(
                    to_user=application.applicant,
                    template="exchange/email/readiness_reminder",
                    context={
                        "application": application,
                        "call": application.call,
                        "missing": items,
                        "url": absolute(
                            reverse("exchange:readiness", args=[application.reference]),
                            application.applicant,
                        ),
                    },
                )
    except IntegrityError:
        return False  # already reminded today
    return True


def readiness_send_reminders(*, today: dt.date | None = None) -> int:
    """E-mail each participant what her checklist still misses; at most once a day each."""
    today = today or timezone.localdate()
    sent = 0
    for application in Application.objects.filter(status__in=PREPARING).select_related(
        "call", "applicant"
    ):
        missing = [i.code for i in selectors.readiness_checklist(application) if not i.ok]
        if missing and _remind(application, today, missing):
            sent += 1
    return sent
