"""An event's time as a reader needs it: in the reader's own zone, with the zone the event
was planned in named beside it when the two differ ("12:00 JST (local time: 10:00 WIB)")."""

import datetime as dt
import zoneinfo
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

# A reader who chose no zone reads in the zone of their language (as the pages do).
ZONE_BY_LANGUAGE = {"ja": "Asia/Tokyo", "id": "Asia/Jakarta", "en": "Asia/Jakarta"}


def zone_for_language(language: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(ZONE_BY_LANGUAGE.get(language, "Asia/Jakarta"))


def _span(start: dt.datetime, end: dt.datetime) -> str:
    day = formats.date_format(start, "DATE_FORMAT")
    first = formats.time_format(start, "H:i")
    last = formats.time_format(end, "H:i")
    if end.date() != start.date():
        last = "{} {}".format(formats.date_format(end, "DATE_FORMAT"), last)
    return f"{day} {first}–{last} {start.tzname()}"


def event_when(event: Any, reader_zone: dt.tzinfo) -> str:
    """The event's start and end in ``reader_zone``; the original zone's times follow when
    the offsets differ."""
    start = event.starts_at.astimezone(reader_zone)
    end = event.ends_at.astimezone(reader_zone)
    local_start = event.starts_at.astimezone(event.zone)
    local_end = event.ends_at.astimezone(event.zone)
    shown = _span(start, end)
    if start.utcoffset() == local_start.utcoffset():
        return shown
    return _("{reader} (local time of the event: {original})").format(
        reader=shown, original=_span(local_start, local_end)
    )
