"""What the culture pages share: the public event of a URL, links in other languages, the
reader's zone."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import translate_url

from sistercity.culture import selectors
from sistercity.culture.models import Event
from sistercity.partnerships.selectors import public_partnership_list


def public_partnership(slug: str) -> Any:
    return get_object_or_404(public_partnership_list(), slug=slug)


def public_event(slug: str, event: str) -> Event:
    return get_object_or_404(selectors.public_events(), partnership__slug=slug, slug=event)


def alternates(request: HttpRequest) -> list[dict[str, str]]:
    """The same page in every language (``hreflang``), absolute."""
    here = request.build_absolute_uri()
    return [{"code": code, "url": translate_url(here, code)} for code, _name in settings.LANGUAGES]


def webcal(request: HttpRequest, path: str) -> str:
    """A subscribe link: the feed's address with the webcal scheme calendar apps open."""
    url = request.build_absolute_uri(path)
    return "webcal://" + url.split("://", 1)[1]
