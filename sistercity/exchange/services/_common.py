"""What the exchange services share: who may act on a call or an application, the row lock,
status steps (each one e-mailed to the applicant) and links for e-mails."""

import datetime as dt
import zoneinfo
from typing import Any

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.access import Access, access_for, forbidden, is_visible
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.mail import send_templated_mail
from sistercity.exchange import selectors
from sistercity.exchange.choices import TRANSITIONS, Status
from sistercity.exchange.models import Application, Call, StatusChange

MANAGE_MESSAGE = _("Only the secretariat or the partner officer can do this for the call.")


def require_call(actor: Any, call: Call, *, application: Application | None = None) -> Access:
    """The opening of a service the call's staff use: 404 when the actor may not even see the
    call (or ``application``, one of its applications), a translated 403 when she sees it but
    does not run it. A call is seen more widely than its partnership (its panel sees it), so
    this is ``core.access.require`` with the call's own visibility first."""
    if application is not None and not is_visible(actor, application):
        raise Http404
    access = access_for(actor, call.partnership)
    if not access.can_view and not is_visible(actor, call):
        raise Http404
    if not access.can_change:
        raise forbidden(MANAGE_MESSAGE)
    return access


def require_own(actor: Any, application: Application) -> None:
    """The applicant's own services: 404 for whoever may not see the application, 403 for
    those who see it (staff, reviewers) but are not its applicant."""
    if not is_visible(actor, application):
        raise Http404
    if application.applicant_id != actor.pk:
        raise forbidden(_("Only the applicant can do this."), code="not_applicant")


def lock(application: Application) -> Application:
    """Re-read the application under a row lock: two requests never act on a stale status."""
    return (
        Application.objects.select_for_update()
        .select_related("call", "applicant")
        .get(pk=application.pk)
    )


def content_language(actor: User) -> str:
    return translation.get_language() or actor.preferred_language or settings.LANGUAGE_CODE


def aware_in_zone(value: dt.datetime, zone: str) -> dt.datetime:
    if timezone.is_aware(value):
        return value
    return timezone.make_aware(value, zoneinfo.ZoneInfo(zone))


def absolute(path: str, user: User) -> str:
    # Links in e-mails open in the recipient's language.
    language = user.preferred_language or settings.LANGUAGE_CODE
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            path = f"/{language}/" + path[len(prefix) :]
            break
    return f"{settings.SITE_URL}{path}"


def transition(
    application: Application, to_status: str, *, actor: User | None, note: str = ""
) -> None:
    """Move an application to ``to_status``, keep the step and e-mail the applicant."""
    if to_status not in TRANSITIONS.get(application.status, ()):
        raise SisterCityError(
            _("An application that is “{current}” cannot become “{target}”.").format(
                current=Status(application.status).label, target=Status(to_status).label
            ),
            code="transition",
        )
    change = StatusChange(
        application=application,
        from_status=application.status,
        to_status=to_status,
        actor=actor,
        note=note,
    )
    full_clean(change, exclude=["actor"])
    change.save()
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    _mail_status(application, change)


def _mail_status(application: Application, change: StatusChange) -> None:
    send_templated_mail(
        to_user=application.applicant,
        template="exchange/email/status",
        context={
            "application": application,
            "call": application.call,
            "change": change,
            "status": Status(change.to_status).label,
            "offer": selectors.current_offer(application),
            "zone": application.call.time_zone,
            "url": absolute(
                reverse("exchange:application", args=[application.reference]),
                application.applicant,
            ),
        },
    )


def start_pre_departure(application: Application, actor: User) -> None:
    """The participant's first checklist entry or evidence starts her pre-departure stage."""
    if application.status == Status.ACCEPTED:
        transition(application, Status.PRE_DEPARTURE, actor=actor)
