"""Destinations (and their photos) and visitor figures."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.culture.choices import PILLAR, DestinationCategory
from sistercity.culture.models import Destination, DestinationPhoto, VisitorFigure
from sistercity.culture.services.images import checked_image, store_image

DESTINATION_TEXTS = ("name", "description", "opening_hours", "access", "accessibility")
DESTINATION_FIELDS = ("city", "category", "latitude", "longitude", "website")


def check_city(partnership: Any, city: Any, field: str = "city") -> None:
    if city is None or not partnership.municipalities.filter(pk=city.pk).exists():
        raise SisterCityError(
            _("The city must be one of the partnership's municipalities."),
            code="city",
            field=field,
        )


def _check_coordinates(latitude: Decimal, longitude: Decimal) -> None:
    for value, low, high, field in (
        (latitude, -90, 90, "latitude"),
        (longitude, -180, 180, "longitude"),
    ):
        if not low <= value <= high:
            raise SisterCityError(
                _(
                    "The coordinates {latitude}, {longitude} are outside the globe (latitude "
                    "−90 to 90, longitude −180 to 180)."
                ).format(latitude=latitude, longitude=longitude),
                code="coordinates",
                field=field,
            )


def _validate_destination(destination: Destination) -> None:
    check_city(destination.partnership, destination.city)
    _check_coordinates(destination.latitude, destination.longitude)
    if destination.category not in DestinationCategory.values:
        raise SisterCityError(_("Choose one of the categories offered."), code="category")
    if not (destination.safe_translation_getter("name") or "").strip():
        raise SisterCityError(_("Give the destination a name."), code="name", field="name")
    full_clean(destination, exclude=["partnership"])


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
    is_sample: bool = False,
) -> Destination:
    """A destination of one of the partner cities, its texts in ``language``."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if Destination.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(
            _("A destination with the short name “{slug}” already exists.").format(slug=slug),
            code="slug_taken",
            field="slug",
        )
    destination = Destination(
        partnership=partnership,
        slug=slug,
        city=city,
        category=category,
        latitude=latitude,
        longitude=longitude,
        website=website,
        is_sample=is_sample,
    )
    destination.set_current_language(language)
    destination.name, destination.description = name, description
    destination.opening_hours, destination.access = opening_hours, access
    destination.accessibility = accessibility
    _validate_destination(destination)
    with transaction.atomic(), set_actor(actor):
        destination.save()
    return destination


def destination_update(
    *, actor: Any, destination: Destination, language: str, **changes: Any
) -> Destination:
    """Change a destination's place, category or website and its texts in ``language`` (the
    other languages' texts stay). Its short name, part of its address, does not change."""
    require(actor, destination, Action.CHANGE, pillar=PILLAR)
    unknown = set(changes) - set(DESTINATION_FIELDS) - set(DESTINATION_TEXTS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(fields=", ".join(unknown)),
            code="fields",
        )
    with transaction.atomic(), set_actor(actor):
        current = Destination.objects.select_for_update().get(pk=destination.pk)
        current.set_current_language(language)
        for name, value in changes.items():
            setattr(current, name, value)
        _validate_destination(current)
        current.save()
    return current


def destination_add_photo(
    *,
    actor: Any,
    destination: Destination,
    language: str,
    image: Any,
    alt_text: str,
    credit: str,
    licence: str,
) -> DestinationPhoto:
    """A photo of the destination (PNG or JPEG, judged by its content), with its credit, its
    licence and its alternative text in ``language``."""
    require(actor, destination, Action.CHANGE, pillar=PILLAR)
    inspected = checked_image(image, alt_text)
    for value, field, message in (
        (credit, "credit", _("Name who took the photo (or holds its rights).")),
        (licence, "licence", _("Name the licence the photo may be shown under.")),
    ):
        if not value.strip():
            raise SisterCityError(message, code=field, field=field)
    photo = DestinationPhoto(
        destination=destination,
        content_type=inspected.content_type,
        position=destination.photos.count(),
        credit=credit.strip(),
        licence=licence.strip(),
    )
    photo.set_current_language(language)
    photo.alt_text = alt_text.strip()
    full_clean(photo, exclude=["image", "destination"])
    with transaction.atomic(), set_actor(actor):
        store_image(photo, image, inspected)
    return photo


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
    check_city(partnership, city)
    if visitors < 0:
        raise SisterCityError(
            _("The number of visitors cannot be negative."), code="visitors", field="visitors"
        )
    if not source.strip():
        raise SisterCityError(_("Name the source of the figure."), code="source", field="source")
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
