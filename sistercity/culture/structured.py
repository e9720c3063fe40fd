"""What search engines read: schema.org JSON-LD for events and destinations."""

import json
from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from sistercity.culture.choices import SCHEMA_STATUS

# The same escapes as Django's json_script: the JSON cannot close its <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_script_text(data: dict[str, Any]) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


def _text(obj: Any, field: str) -> str:
    return str(obj.safe_translation_getter(field, any_language=True) or "")


def event_jsonld(event: Any, *, url: str, image_urls: list[str], language: str) -> dict[str, Any]:
    """A schema.org ``Event`` (times in the event's own zone, with their offset)."""
    city = _text(event.city, "name")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": _text(event, "title"),
        "description": _text(event, "description"),
        "inLanguage": language,
        "startDate": event.starts_at.astimezone(event.zone).isoformat(),
        "endDate": event.ends_at.astimezone(event.zone).isoformat(),
        "eventStatus": SCHEMA_STATUS[event.status],
        "organizer": {"@type": "Organization", "name": _text(event.organiser, "name")},
    }
    venue = _text(event, "venue")
    places: list[dict[str, Any]] = []
    if venue:
        places.append(
            {
                "@type": "Place",
                "name": venue,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": city,
                    "addressCountry": event.city.country,
                },
            }
        )
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    data["location"] = places[0] if len(places) == 1 else places
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if len(places) == 2
        else "https://schema.org/OnlineEventAttendanceMode"
        if event.online_url
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    if image_urls:
        data["image"] = image_urls
    return data


def destination_jsonld(
    destination: Any, *, url: str, photos: Sequence[tuple[Any, str]] = ()
) -> dict[str, Any]:
    """A schema.org ``TouristAttraction`` (a ``Place`` with coordinates); its photos as
    ``ImageObject`` with their credit and licence."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["TouristAttraction", "Place"],
        "@id": url,
        "url": url,
        "name": _text(destination, "name"),
        "description": _text(destination, "description"),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(destination.latitude),
            "longitude": float(destination.longitude),
        },
        "address": {
            "@type": "PostalAddress",
            "addressLocality": _text(destination.city, "name"),
            "addressCountry": destination.city.country,
        },
        "touristType": destination.get_category_display(),
    }
    if photos:
        data["image"] = [
            {
                "@type": "ImageObject",
                "contentUrl": photo_url,
                "caption": _text(photo, "alt_text"),
                "creditText": photo.credit,
                "copyrightNotice": photo.licence,
            }
            for photo, photo_url in photos
        ]
    return data
