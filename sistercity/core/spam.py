"""Spam protection for the public forms (a registration, an enquiry), with no third party:

- a honeypot: a field hidden from people and from screen readers that robots fill in;
- a rate limit per client address, counted in Django's cache. In production the cache is
  Redis (``REDIS_URL``, see ``docs/deploy.md``), so every web machine and worker counts the
  same attempts; without it each process counts its own. The cache holds a hash of the
  address, never the address itself.

The client address is the connection's own (``REMOTE_ADDR``); behind ``TRUSTED_PROXY_COUNT``
proxies it is read from ``X-Forwarded-For``, counting from the right, so that a client cannot
pick its own address by sending that header. The log-in throttle reads it the same way.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError


def client_address(request: HttpRequest) -> str:
    """The client's address: the connection's, or the one the trusted proxies recorded."""
    meta = request.META
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            return hops[-count]
    return str(meta.get("REMOTE_ADDR") or "")


def count_attempt(*, scope: str, client: str, window: int) -> int:
    """Count one attempt of ``client`` in ``scope``; the attempts within the window so far."""
    key = f"spam:{scope}:" + hashlib.sha256(client.encode()).hexdigest()
    cache.add(key, 0, timeout=window)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def guard_submission(
    *,
    scope: str,
    client: str,
    honeypot: str = "",
    limit: int,
    window: int,
    refusal: str | Promise | None = None,
) -> None:
    """Refuse a public submission that a robot filled in (code ``spam``) or the one past
    ``limit`` from ``client`` within ``window`` seconds (code ``rate_limited``, 429), with a
    translated message (``refusal`` names what was submitted, if given). Nothing is written
    but the count; an empty ``client`` (no address known) is not counted."""
    if honeypot:
        # Refused as plainly as a person's mistake: the robot learns nothing.
        raise SisterCityError(_("Your submission could not be accepted."), code="spam")
    if client and count_attempt(scope=scope, client=client, window=window) > limit:
        raise SisterCityError(
            refusal or _("Too many submissions from your connection; please try again later."),
            code="rate_limited",
            status=429,
        )
