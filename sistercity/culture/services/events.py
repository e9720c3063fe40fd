"""Writing events: create, change, postpone or cancel (each a revision calendars apply), record
attendance, add photos."""

import datetime as dt
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.culture.choices import (
    ACTIVE_REGISTRATION,
    PILLAR,
    EventStatus,
    EventZone,
    RegistrationStatus,
)
from sistercity.culture.models import Event, EventImage
from sistercity.culture.services.images import checked_image, store_image

# Changes a subscribed calendar must apply: they raise the event's SEQUENCE (RFC 5545).
REVISED_FIELDS = ("starts_at", "ends_at", "time_zone", "online_url", "status", "city_id")
REVISED_TEXTS = ("title", "venue")


def _check_place(event: Event) -> None:
    partnership = event.partnership
    municipalities = set(partnership.municipalities.values_list("pk", flat=True))
    if event.city_id not in municipalities:
        raise SisterCityError(
            _("The city must be one of the partnership's municipalities."),
            code="city",
            field="city",
        )
    organiser = event.organiser
    if organiser.pk not in municipalities and organiser.parent_id not in municipalities:
        raise SisterCityError(
            _("The organiser must be a municipality of the partnership or one of its agencies."),
            code="organiser",
            field="organiser",
        )
    if not event.partnership.pillars.filter(pk=event.pillar_id).exists():
        raise SisterCityError(
            _("The pillar must be one of the partnership's pillars."), code="pillar", field="pillar"
        )


def _check_times(event: Event) -> None:
    if event.starts_at is None or event.ends_at is None:
        raise SisterCityError(_("Give the event's start and end."), code="times", field="starts_at")
    if event.ends_at <= event.starts_at:
        raise SisterCityError(
            _("The event must end after it starts."), code="end_before_start", field="ends_at"
        )
    if event.time_zone not in EventZone.values:
        raise SisterCityError(
            _("Choose the event's time zone (WIB or JST)."), code="zone", field="time_zone"
        )


def _check_where(event: Event) -> None:
    if not (event.online_url or (event.safe_translation_getter("venue", any_language=True))):
        raise SisterCityError(
            _("Give the venue or, for an online session, its link."), code="venue", field="venue"
        )


def confirmed_people(event: Event) -> int:
    """How many places confirmed registrations take."""
    total = event.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(
        n=Sum("people")
    )["n"]
    return int(total or 0)


def _check_capacity(event: Event) -> None:
    if event.capacity is None or event.pk is None:
        return
    taken = confirmed_people(event)
    if event.capacity < taken:
        raise SisterCityError(
            _(
                "The capacity cannot be {capacity}: {taken} places are already taken by "
                "confirmed registrations."
            ).format(capacity=event.capacity, taken=taken),
            code="capacity_below_taken",
            field="capacity",
        )


def _validate(event: Event) -> None:
    _check_times(event)
    _check_place(event)
    _check_where(event)
    _check_capacity(event)
    full_clean(event, exclude=["partnership", "uid"])


def event_create(
    *,
    actor: Any,
    partnership: Any,
    language: str,
    slug: str,
    kind: str,
    city: Any,
    organiser: Any,
    pillar: Any,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    time_zone: str,
    title: str,
    description: str = "",
    venue: str = "",
    online_url: str = "",
    capacity: int | None = None,
    registration_open: bool = True,
    is_sample: bool = False,
) -> Event:
    """A new event of the partnership, its texts in ``language``."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if Event.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(
            _("An event with the short name “{slug}” already exists.").format(slug=slug),
            code="slug_taken",
            field="slug",
        )
    event = Event(
        partnership=partnership,
        slug=slug,
        kind=kind,
        city=city,
        organiser=organiser,
        pillar=pillar,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        online_url=online_url,
        capacity=capacity,
        registration_open=registration_open,
        is_sample=is_sample,
    )
    event.set_current_language(language)
    event.title, event.description, event.venue = title, description, venue
    _validate(event)
    with transaction.atomic(), set_actor(actor):
        event.save()
    return event


def _lock(event: Event) -> Event:
    """Re-read the event under a row lock, so two requests never count places at once."""
    return Event.objects.select_for_update().get(pk=event.pk)


def event_update(*, actor: Any, event: Event, language: str, **changes: Any) -> Event:
    """Change an event's fields (texts in ``language``). A change calendars must apply raises
    its revision; more capacity moves the waitlist up."""
    from sistercity.culture.services.registrations import promote_waitlist

    require(actor, event, Action.CHANGE, pillar=PILLAR)
    texts: dict[str, Any] = {
        k: changes.pop(k) for k in ("title", "description", "venue") if k in changes
    }
    with transaction.atomic(), set_actor(actor):
        current = _lock(event)
        current.set_current_language(language)
        revised = any(
            getattr(current, k) != v for k, v in changes.items() if k in REVISED_FIELDS
        ) or any(getattr(current, k) != v for k, v in texts.items() if k in REVISED_TEXTS)
        if "city" in changes:
            revised = revised or changes["city"].pk != current.city_id
        for name, value in {**changes, **texts}.items():
            setattr(current, name, value)
        _validate(current)
        if revised:
            current.sequence += 1
        current.save()
        # Places freed on a postponed or cancelled event are given out once it is on again.
        promoted = promote_waitlist(current) if current.status == EventStatus.SCHEDULED else []
    _notify_promoted(promoted)
    return current


def _notify_promoted(promoted: list[Any]) -> None:
    from sistercity.culture.mail import send_registration_mail

    for registration in promoted:
        send_registration_mail(registration, "promoted")


def event_set_status(*, actor: Any, event: Event, status: str) -> Event:
    """Postpone, cancel or re-schedule an event; its registrants are told by e-mail. A
    cancelled event stays visible, marked cancelled, in pages and feeds."""
    from sistercity.culture.mail import send_registration_mail

    require(actor, event, Action.CHANGE, pillar=PILLAR)
    if status not in EventStatus.values:
        raise SisterCityError(_("Unknown event status."), code="status", field="status")
    with transaction.atomic(), set_actor(actor):
        current = _lock(event)
        if current.status == status:
            return current
        current.status = status
        current.sequence += 1
        current.save(update_fields=["status", "sequence", "updated_at"])
        active = list(current.registrations.filter(status__in=ACTIVE_REGISTRATION))
    if status != EventStatus.SCHEDULED:
        for registration in active:
            send_registration_mail(registration, "event_status")
    return current


def event_record_attendance(*, actor: Any, event: Event, attendance: int) -> Event:
    """How many people came (counted on the day), for the pillar's indicators."""
    require(actor, event, Action.CHANGE, pillar=PILLAR)
    if attendance < 0:
        raise SisterCityError(
            _("Attendance cannot be negative."), code="attendance", field="attendance"
        )
    with transaction.atomic(), set_actor(actor):
        event.attendance = attendance
        event.save(update_fields=["attendance", "updated_at"])
    return event


def event_add_image(
    *, actor: Any, event: Event, image: Any, alt_text: str, language: str
) -> EventImage:
    """A photo of the event (PNG or JPEG, judged by its content) with its alternative text."""
    require(actor, event, Action.CHANGE, pillar=PILLAR)
    inspected = checked_image(image, alt_text)
    row = EventImage(
        event=event, content_type=inspected.content_type, position=event.images.count()
    )
    row.set_current_language(language)
    row.alt_text = alt_text.strip()
    full_clean(row, exclude=["image", "event"])
    with transaction.atomic(), set_actor(actor):
        store_image(row, image, inspected)
    return row
