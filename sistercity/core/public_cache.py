"""Anonymous visitors' copies of the public pages, kept in the shared cache for a short time.

Only anonymous GETs without a session are served from or stored in the cache: a signed-in
person always gets a page rendered for them, so nobody ever sees another person's page. The key
holds the language and the full path (the zone an anonymous visitor sees follows the language);
each page carries ``Vary: Accept-Language, Cookie`` so a proxy in front keeps them apart too.

Every page holds a CSRF token (the language switcher posts). The stored copy has the token
replaced by a placeholder and each visitor gets their own token put back, so a cached page
never hands one visitor's token to another.

Any save or delete of a platform model moves the cache's generation on, so an edit shows at
once; the timeout (PUBLIC_PAGE_CACHE_SECONDS) bounds staleness for writes that bypass model
signals (bulk ``update()``).
"""

import hashlib
import re
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "public-page:generation"
CSRF_PLACEHOLDER = b"__SISTERCITY_CSRF_TOKEN__"
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def invalidate() -> None:
    """Let every cached public page go (the next visitor renders afresh)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet, or evicted: start where no stored copy can match
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.user.is_authenticated
        # A session or a pending message makes the page personal (a flash message, a form).
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
    )


def _key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{get_language()}:{path}"


def _to_store(request: HttpRequest, response: HttpResponse) -> tuple[int, str, bytes] | None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    content = response.content
    tokens = set(_CSRF_INPUT.findall(content))
    if len(tokens) > 1:
        return None  # not the one token per page this relies on
    if not tokens and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None  # a token was used where it cannot be found again: never share it
    for token in tokens:
        content = content.replace(token, CSRF_PLACEHOLDER)
    return response.status_code, response["Content-Type"], content


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous visitors a shared, short-lived copy of ``view``'s page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable_request(request):
            response = view(request, *args, **kwargs)
        else:
            key = _key(request)
            # One round trip: the page and the current generation; a copy stored under an
            # older generation is stale.
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY, 0)
            stored = found.get(key)
            if stored is None or stored[0] != generation:
                response = view(request, *args, **kwargs)
                page = _to_store(request, response)
                if page is not None:
                    cache.set(key, (generation, *page), timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
            else:
                _, status, content_type, content = stored
                token = get_token(request).encode()  # this visitor's own (sets the cookie)
                response = HttpResponse(
                    content.replace(CSRF_PLACEHOLDER, token),
                    status=status,
                    content_type=content_type,
                )
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return wrapped


def invalidate_on_write(sender: type, **kwargs: Any) -> None:
    """Signal receiver: a platform model changed, so public pages may show something else."""
    if sender.__module__.startswith("sistercity.") and not kwargs.get("raw"):
        invalidate()
