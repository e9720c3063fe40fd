"""Public registration: places up to the capacity, then a waitlist that moves up when someone
cancels; spam kept out without third parties (a honeypot field and a rate limit per client);
personal data erased a set time after the event, the counts kept."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.core.spam import guard_submission
from sistercity.core.validators import validate_no_markup
from sistercity.culture import selectors
from sistercity.culture.choices import ACTIVE_REGISTRATION, RegistrationStatus
from sistercity.culture.mail import send_registration_mail
from sistercity.culture.models import Event, Registration
from sistercity.culture.services.events import confirmed_people

MAX_PEOPLE = 20


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def retention_days() -> int:
    """Days after an event's end that registrants' names and addresses are kept."""
    return _setting("CULTURE_REGISTRATION_RETENTION_DAYS", 30)


def _check_input(*, full_name: str, email: str, people: int, language: str) -> None:
    if not full_name.strip():
        raise SisterCityError(_("Please give your name."), code="name", field="full_name")
    try:
        validate_no_markup(full_name)
        validate_email(email)
    except ValidationError as error:
        raise SisterCityError(
            _("Please check your name and e-mail address."), code="invalid", field="email"
        ) from error
    if not 1 <= people <= MAX_PEOPLE:
        raise SisterCityError(
            _("The number of people must be between 1 and {most}.").format(most=MAX_PEOPLE),
            code="people",
            field="people",
        )
    if language not in dict(settings.LANGUAGES):
        raise SisterCityError(
            _("Choose one of the languages offered."), code="language", field="language"
        )


def _check_open(event: Event) -> None:
    if event.is_cancelled:
        raise SisterCityError(_("This event has been cancelled."), code="event_cancelled")
    if event.status != "scheduled" or not event.registration_open:
        raise SisterCityError(_("Registration for this event is closed."), code="closed")
    if event.starts_at <= timezone.now():
        raise SisterCityError(_("This event has already started."), code="started")


def registration_submit(
    *,
    event: Event,
    full_name: str,
    email: str,
    people: int,
    language: str,
    honeypot: str = "",
    client: str = "",
) -> Registration:
    """A visitor registers (no account needed): confirmed while places last, else on the
    waitlist (never over capacity); an e-mail in their language confirms it and carries the
    cancel link."""
    if not selectors.public_events().filter(pk=event.pk).exists():
        raise Http404
    guard_submission(
        scope="culture:register",
        client=client,
        honeypot=honeypot,
        limit=_setting("CULTURE_REGISTRATION_RATE_LIMIT", 5),
        window=_setting("CULTURE_REGISTRATION_RATE_WINDOW_SECONDS", 3600),
        refusal=_("Too many registrations from your connection; please try again later."),
    )
    email = email.strip()
    _check_input(full_name=full_name, email=email, people=people, language=language)
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        _check_open(current)
        if current.registrations.filter(
            email__iexact=email, status__in=ACTIVE_REGISTRATION
        ).exists():
            raise SisterCityError(
                _("This e-mail address is already registered for this event."), code="duplicate"
            )
        fits = current.capacity is None or confirmed_people(current) + people <= current.capacity
        waiting = current.registrations.filter(status=RegistrationStatus.WAITLISTED).exists()
        confirmed = fits and not waiting  # nobody jumps the waitlist queue
        registration = Registration.objects.create(
            event=current,
            full_name=full_name.strip(),
            email=email,
            people=people,
            language=language,
            status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED,
            confirmed_at=timezone.now() if confirmed else None,
        )
    send_registration_mail(registration, "confirmed" if confirmed else "waitlisted")
    return registration


def promote_waitlist(event: Event) -> list[Registration]:
    """Confirm waitlisted registrations in the order they came while their group fits (the
    caller holds the event's lock). The first in line is never passed over by a smaller group
    behind them."""
    promoted = []
    free = None if event.capacity is None else event.capacity - confirmed_people(event)
    for registration in event.registrations.filter(status=RegistrationStatus.WAITLISTED):
        if free is not None and registration.people > free:
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.people
    return promoted


def registration_for_token(token: str) -> Registration:
    """The registration a cancel link names; 404 for an unknown or erased one."""
    registration = (
        Registration.objects.select_related("event__partnership")
        .filter(token=token, erased_at__isnull=True)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def registration_cancel(*, token: str) -> Registration:
    """The registrant cancels through the e-mailed link; the waitlist moves up and each
    person confirmed is told by e-mail in their language."""
    registration = registration_for_token(token)
    if registration.status == RegistrationStatus.CANCELLED:
        raise SisterCityError(_("This registration is already cancelled."), code="cancelled")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration.refresh_from_db()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote_waitlist(event) if event.status == "scheduled" else []
    send_registration_mail(registration, "cancelled")
    for row in promoted:
        send_registration_mail(row, "promoted")
    return registration


def registrations_erase_due(*, now: dt.datetime | None = None) -> int:
    """Erase names and e-mail addresses of registrations for events that ended more than the
    retention period ago; status and number of people stay, so every count is unchanged.
    Idempotent: rows already erased are left alone."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    due = Registration.objects.filter(event__ends_at__lt=cutoff, erased_at__isnull=True)
    return due.update(full_name="", email="", erased_at=timezone.now())


__all__ = [
    "promote_waitlist",
    "registration_cancel",
    "registration_for_token",
    "registration_submit",
    "registrations_erase_due",
    "retention_days",
]
