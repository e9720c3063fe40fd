"""Cultural exchanges: a delegation or troupe's journey between the partner cities, linked to
the events it took part in and to the partnership's meeting that received it."""

from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.culture.choices import PILLAR
from sistercity.culture.models import CulturalExchange
from sistercity.culture.services.places import check_city

EXCHANGE_TEXTS = ("title", "delegation", "programme")
EXCHANGE_FIELDS = ("from_city", "to_city", "starts_on", "ends_on", "participants", "meeting")


def _validate(exchange: CulturalExchange, events: list[Any]) -> None:
    partnership = exchange.partnership
    check_city(partnership, exchange.from_city, "from_city")
    check_city(partnership, exchange.to_city, "to_city")
    if exchange.from_city.pk == exchange.to_city.pk:
        raise SisterCityError(
            _("A delegation travels from one partner city to the other."),
            code="same_city",
            field="to_city",
        )
    if exchange.ends_on < exchange.starts_on:
        raise SisterCityError(
            _("The journey must end after it starts."), code="end_before_start", field="ends_on"
        )
    if exchange.participants is None or exchange.participants < 1:
        raise SisterCityError(
            _("At least one person travels."), code="participants", field="participants"
        )
    if any(event.partnership_id != partnership.pk for event in events):
        raise SisterCityError(
            _("The events must be the partnership's own."), code="events", field="events"
        )
    meeting = exchange.meeting
    if meeting is not None and meeting.partnership_id != partnership.pk:
        raise SisterCityError(
            _("The meeting must be the partnership's own."), code="meeting", field="meeting"
        )
    if not (exchange.safe_translation_getter("title") or "").strip():
        raise SisterCityError(_("Give the exchange a title."), code="title", field="title")
    full_clean(exchange, exclude=["partnership", "events"])


def cultural_exchange_create(
    *,
    actor: Any,
    partnership: Any,
    language: str,
    slug: str,
    from_city: Any,
    to_city: Any,
    starts_on: Any,
    ends_on: Any,
    participants: int,
    title: str,
    delegation: str = "",
    programme: str = "",
    events: Any = (),
    meeting: Any = None,
    is_sample: bool = False,
) -> CulturalExchange:
    """Record a delegation or troupe's journey, linked to its events and meeting."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if CulturalExchange.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(
            _("An exchange with the short name “{slug}” already exists.").format(slug=slug),
            code="slug_taken",
            field="slug",
        )
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
    events = list(events)
    _validate(exchange, events)
    with transaction.atomic(), set_actor(actor):
        exchange.save()
        exchange.events.set(events)
    return exchange


def cultural_exchange_update(
    *, actor: Any, exchange: CulturalExchange, language: str, **changes: Any
) -> CulturalExchange:
    """Change a journey's dates, cities, people, meeting or events, and its texts in
    ``language`` (the other languages' texts stay)."""
    require(actor, exchange, Action.CHANGE, pillar=PILLAR)
    events = changes.pop("events", None)
    unknown = set(changes) - set(EXCHANGE_FIELDS) - set(EXCHANGE_TEXTS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(fields=", ".join(unknown)),
            code="fields",
        )
    with transaction.atomic(), set_actor(actor):
        current = CulturalExchange.objects.select_for_update().get(pk=exchange.pk)
        current.set_current_language(language)
        for name, value in changes.items():
            setattr(current, name, value)
        linked = list(current.events.all()) if events is None else list(events)
        _validate(current, linked)
        current.save()
        if events is not None:
            current.events.set(linked)
    return current
