"""iCalendar (RFC 5545) feeds of events, written with the ``icalendar`` library.

Each event keeps one UID for life (its ``uid`` field), carries its time zone (VTIMEZONE from
the library's zone data), and its SEQUENCE rises with every revision a calendar must apply,
so a subscribed calendar moves, updates or (STATUS:CANCELLED) cancels the same entry.
"""

from collections.abc import Iterable
from typing import Any

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sistercity.culture.choices import ICAL_STATUS

PRODID = "-//SisterCity//Culture events//EN"
UID_DOMAIN = "sistercity.culture"


def event_uid(event: Any) -> str:
    return f"{event.uid}@{UID_DOMAIN}"


def _text(event: Any, field: str) -> str:
    return str(event.safe_translation_getter(field, any_language=True) or "")


def _vevent(event: Any, language: str) -> icalendar.Event:
    event.set_current_language(language)
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("dtstart", event.starts_at.astimezone(event.zone))
    component.add("dtend", event.ends_at.astimezone(event.zone))
    component.add("summary", _text(event, "title"))
    description = _text(event, "description")
    if description:
        component.add("description", description)
    location = _text(event, "venue") or event.online_url
    if location:
        component.add("location", location)
    component.add("status", ICAL_STATUS[event.status])
    component.add("categories", [event.get_kind_display()])
    with translation.override(language):
        path = reverse("culture:event", args=[event.partnership.slug, event.slug])
    component.add("url", f"{settings.SITE_URL}{path}")
    return component


def calendar_for(events: Iterable[Any], *, name: str, language: str) -> bytes:
    """The feed of ``events`` (texts in ``language``) as bytes of ``text/calendar``."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, language))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
