"""Protection of the log-in: django-axes counts failed attempts per account and per address and
locks both out for a while; these are the hooks it calls (settings ``AXES_*``).

- The account is named by its e-mail address in lower case, as it is stored, so that
  ``Sari@Batang.example`` and ``sari@batang.example`` count as the same account.
- The address is the connection's own (``REMOTE_ADDR``); behind ``TRUSTED_PROXY_COUNT`` proxies
  it is read from ``X-Forwarded-For``, counting from the right, so that a client cannot pick
  its own address by sending that header.
- A lockout is answered with a translated message: the log-in page again for people, JSON
  ``{"detail", "code"}`` for the API.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sistercity.core.spam import client_address


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The account an attempt is for: the submitted e-mail address, trimmed, in lower case.
    Django's log-in form and DRF's token view both send it as ``username``."""
    data: Any = credentials or {}
    if not data.get("username") and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
    username = str(data.get("username", "") or "").strip().lower()
    return username or None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the connection's, or the one the trusted proxies recorded."""
    return client_address(request) or None


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed attempts to log in to this account or from this address. Wait "
        "{minutes} minutes and try again, or reset your password."
    ).format(minutes=minutes)


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """What a locked-out attempt gets back (429)."""
    message = lockout_message()
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": "locked_out"}, status=429)
    return render(
        request,
        "accounts/login.html",
        {"locked_out": message, "next": request.POST.get("next", "")},
        status=429,
    )
