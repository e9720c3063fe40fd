"""E-mail in the recipient's language, through Django's mail API."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(*, to_user, template: str, context: dict) -> None:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in the user's language and send."""
    with translation.override(to_user.preferred_language or settings.LANGUAGE_CODE):
        ctx = {"user": to_user, **context}
        subject = render_to_string(f"{template}_subject.txt", ctx).strip()
        body = render_to_string(f"{template}.txt", ctx)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to_user.email])
    message.send()
