import zoneinfo

from django.utils import timezone, translation

from sistercity.core.access import CACHE_ATTRIBUTE

# A visitor without a chosen zone sees the zone of the language they read in.
_ZONE_BY_LANGUAGE = {"ja": "Asia/Tokyo", "id": "Asia/Jakarta", "en": "Asia/Jakarta"}


class UserTimezoneMiddleware:
    """Show times in the viewer's zone (WIB, JST…): the user's choice, else by language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", "") if user and user.is_authenticated else ""
        zone = zone or _ZONE_BY_LANGUAGE.get(translation.get_language() or "", "Asia/Jakarta")
        timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class AccessCacheMiddleware:
    """Give the request's user a fresh cache for ``core.access.access_for``: a page that checks
    the same partnership ten times asks the database once, and the next request starts clean."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            setattr(user, CACHE_ATTRIBUTE, {})
        return self.get_response(request)
