"""iCalendar feeds (RFC 5545): one event, a partnership, one of its cities or pillars, all."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sistercity.core.views import file_response
from sistercity.culture import ical, selectors
from sistercity.culture.views._common import public_event, public_partnership

CALENDAR = "text/calendar; charset=utf-8"


def _feed(events: Any, *, name: str, filename: str) -> Any:
    body = ical.calendar_for(events, name=name, language=get_language() or "id")
    # Public and meant to be fetched again by calendar apps: not private, shown inline.
    return file_response(
        body, filename=filename, content_type=CALENDAR, as_attachment=False, private=False
    )


def all_events(request: HttpRequest) -> Any:
    return _feed(selectors.public_events(), name=_("SisterCity events"), filename="events.ics")


def partnership_events(request: HttpRequest, slug: str) -> Any:
    partnership = public_partnership(slug)
    name = str(partnership.safe_translation_getter("name", any_language=True))
    return _feed(selectors.partnership_events(partnership), name=name, filename=f"{slug}.ics")


def city_events(request: HttpRequest, slug: str, city: str) -> Any:
    partnership = public_partnership(slug)
    municipality = partnership.municipalities.filter(slug=city).first()
    if municipality is None:
        raise Http404(_("This city is not part of the partnership."))
    name = str(municipality.safe_translation_getter("name", any_language=True))
    return _feed(
        selectors.partnership_events(partnership).filter(city=municipality),
        name=name,
        filename=f"{slug}-{city}.ics",
    )


def pillar_events(request: HttpRequest, slug: str, code: str) -> Any:
    partnership = public_partnership(slug)
    pillar = get_object_or_404(partnership.pillars.all(), code=code)
    name = str(pillar.safe_translation_getter("name", any_language=True))
    return _feed(
        selectors.partnership_events(partnership).filter(pillar=pillar),
        name=name,
        filename=f"{slug}-{code}.ics",
    )


def event(request: HttpRequest, slug: str, event: str) -> Any:
    row = public_event(slug, event)
    return _feed([row], name=str(row), filename=f"{row.slug}.ics")
