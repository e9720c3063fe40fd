"""Destinations and visitor figures."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.culture.choices import PILLAR
from sistercity.culture.models import Destination, VisitorFigure


def _check_city(partnership: Any, city: Any) -> None:
    if not partnership.municipalities.filter(pk=city.pk).exists():
        raise SisterCityError(
            _("The city must be one of the partnership's municipalities."), code="city"
        )


def _check_coordinates(latitude: Decimal, longitude: Decimal) -> None:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise SisterCityError(
            _(
                "The coordinates {latitude}, {longitude} are outside the globe (latitude "
                "−90 to 90, longitude −180 to 180)."
            ).format(latitude=latitude, longitude=longitude),
            code="coordinates",
        )


def destination_create(
    *,
    actor: Any,
    partnership: Any,
    language: str,
    slug: str,
    city: Any,
    category: str,
    latitude: Decimal,
    longitude: Decimal,
    name: str,
    description: str = "",
    opening_hours: str = "",
    access: str = "",
    accessibility: str = "",
    website: str = "",
    photo_credit: str = "",
    photo_licence: str = "",
    is_sample: bool = False,
) -> Destination:
    """A destination of one of the partner cities, its texts in ``language``."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    _check_city(partnership, city)
    _check_coordinates(latitude, longitude)
    if Destination.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(
            _("A destination with the short name “{slug}” already exists.").format(slug=slug),
            code="slug_taken",
        )
    destination = Destination(
        partnership=partnership,
        slug=slug,
        city=city,
        category=category,
        latitude=latitude,
        longitude=longitude,
        website=website,
        photo_credit=photo_credit,
        photo_licence=photo_licence,
        is_sample=is_sample,
    )
    destination.set_current_language(language)
    destination.name, destination.description = name, description
    destination.opening_hours, destination.access = opening_hours, access
    destination.accessibility = accessibility
    full_clean(destination, exclude=["partnership"])
    with transaction.atomic(), set_actor(actor):
        destination.save()
    return destination


def visitor_figure_record(
    *,
    actor: Any,
    partnership: Any,
    city: Any,
    month: dt.date,
    origin: str,
    visitors: int,
    source: str,
) -> VisitorFigure:
    """Record (or correct) a month's count of visitors of one origin in a city."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    _check_city(partnership, city)
    if visitors < 0:
        raise SisterCityError(_("The number of visitors cannot be negative."), code="visitors")
    if not source.strip():
        raise SisterCityError(_("Name the source of the figure."), code="source")
    with transaction.atomic(), set_actor(actor):
        figure, _created = VisitorFigure.objects.get_or_create(
            partnership=partnership,
            city=city,
            month=month.replace(day=1),
            origin=origin,
            defaults={"visitors": visitors, "source": source},
        )
        figure.visitors, figure.source = visitors, source
        full_clean(figure)
        figure.save()
    return figure


def cultural_exchange_create(
    *,
    actor: Any,
    partnership: Any,
    language: str,
    slug: str,
    from_city: Any,
    to_city: Any,
    starts_on: dt.date,
    ends_on: dt.date,
    participants: int,
    title: str,
    delegation: str = "",
    programme: str = "",
    events: Any = (),
    meeting: Any = None,
    is_sample: bool = False,
) -> Any:
    """Record a delegation or troupe's journey, linked to its events and meeting."""
    from sistercity.culture.models import CulturalExchange

    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    _check_city(partnership, from_city)
    _check_city(partnership, to_city)
    if from_city.pk == to_city.pk:
        raise SisterCityError(
            _("A delegation travels from one partner city to the other."), code="same_city"
        )
    if ends_on < starts_on:
        raise SisterCityError(_("The journey must end after it starts."), code="end_before_start")
    events = list(events)
    if any(event.partnership_id != partnership.pk for event in events):
        raise SisterCityError(_("The events must be the partnership's own."), code="events")
    if meeting is not None and meeting.partnership_id != partnership.pk:
        raise SisterCityError(_("The meeting must be the partnership's own."), code="meeting")
    exchange = CulturalExchange(
        partnership=partnership,
        slug=slug,
        from_city=from_city,
        to_city=to_city,
        starts_on=starts_on,
        ends_on=ends_on,
        participants=participants,
        meeting=meeting,
        is_sample=is_sample,
    )
    exchange.set_current_language(language)
    exchange.title, exchange.delegation, exchange.programme = title, delegation, programme
    full_clean(exchange, exclude=["partnership"])
    with transaction.atomic(), set_actor(actor):
        exchange.save()
        exchange.events.set(events)
    return exchange
