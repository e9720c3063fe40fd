"""E-mail to a registrant, who has no account: in the language they registered in, through
Django's mail API, with the self-service cancel link."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sistercity.culture.timefmt import event_when, zone_for_language


def cancel_url(registration: Any) -> str:
    """The absolute cancel link, in the registrant's language."""
    with translation.override(registration.language):
        path = reverse("culture:registration_cancel", args=[registration.token])
    return f"{settings.SITE_URL}{path}"


def event_url(event: Any, language: str) -> str:
    with translation.override(language):
        path = reverse("culture:event", args=[event.partnership.slug, event.slug])
    return f"{settings.SITE_URL}{path}"


def send_registration_mail(registration: Any, template: str) -> None:
    """Render ``culture/email/<template>_subject.txt`` and ``<template>.txt`` for the
    registrant and send them. Nothing is sent once the address has been erased."""
    if not registration.email:
        return
    language = registration.language or settings.LANGUAGE_CODE
    event = registration.event
    with translation.override(language):
        event.set_current_language(language)
        context = {
            "registration": registration,
            "event": event,
            "when": event_when(event, zone_for_language(language)),
            "cancel_url": cancel_url(registration),
            "event_url": event_url(event, language),
        }
        subject = render_to_string(f"culture/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"culture/email/{template}.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[registration.email]).send()
