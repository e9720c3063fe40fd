import json
import zoneinfo

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from sistercity.core.access import CACHE_ATTRIBUTE
from sistercity.core.validators import NUL_MESSAGE, contains_nul

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


class RefuseNulMiddleware:
    """Answer a request that carries a NUL character with a translated 400.

    PostgreSQL cannot store or even compare text holding NUL: a search for ``a%00b`` or an API
    filter ``?partnership=%00`` raised a server error deep in a query. A NUL never belongs in a
    URL, a form or JSON sent to the platform, so it is refused at the door — in the path, the
    query string, URL-encoded form fields and JSON bodies (keys and values, however nested).
    Uploaded files are not looked into (they are bytes, not text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._carries_nul(request):
            return self._refusal(request)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request) -> bool:
        if "\x00" in request.path or _query_has_nul(request.GET):
            return True
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return False
        content_type = request.content_type or ""
        if content_type == "application/x-www-form-urlencoded":
            return _query_has_nul(request.POST)
        if content_type == "application/json" or content_type.endswith("+json"):
            try:
                data = json.loads(request.body or b"null")
            except (ValueError, UnicodeDecodeError):
                return False  # not JSON: the parser of the view says so
            return contains_nul(data)
        return False

    @staticmethod
    def _refusal(request):
        message = str(NUL_MESSAGE)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message, "code": "nul_character"}, status=400)
        html = render_to_string("400.html", {"reason": message}, request=request)
        return HttpResponseBadRequest(html)


def _query_has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in v for v in query.getlist(key)) for key in query)


class PdfFailedMiddleware:
    """Answer a PDF that could not be drawn (core/pdf.py: its child process crashed or timed
    out) with a translated 503, as JSON under /api/; the web process itself is unharmed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from sistercity.core.pdf import PdfFailed

        if not isinstance(exception, PdfFailed):
            return None
        message = str(exception)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message, "code": exception.code}, status=503)
        html = render_to_string("503.html", {"reason": message}, request=request)
        return HttpResponse(html, status=503)
