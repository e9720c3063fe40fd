"""How the exchange pages find what the URL names, for the user who asks."""

from typing import cast

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from sistercity.accounts.models import User
from sistercity.core.access import Access, access_for
from sistercity.exchange import selectors
from sistercity.exchange.models import Application, Call


def user_of(request: HttpRequest) -> User:
    """The request's user on a page behind ``login_required``."""
    return cast(User, request.user)


def visible_call(request: HttpRequest, slug: str) -> Call:
    """Published calls for everyone; unpublished ones for those who run or review them."""
    return get_object_or_404(selectors.visible_calls(user=request.user), slug=slug)


def managed_call(request: HttpRequest, slug: str) -> tuple[Call, Access]:
    """The call's workspace is for those who may read its applications in full (the right to
    personal data implies seeing the partnership); everyone else, observers included, gets 404
    (they see the call's figures on its page). The access is computed once
    and answers the page's other questions (may she change the call?)."""
    call = get_object_or_404(selectors.call_detail_queryset(), slug=slug)
    access = access_for(request.user, call.partnership)
    if not access.can_read_personal_data:
        raise Http404
    return call, access


def my_application(request: HttpRequest, reference: str) -> Application:
    return get_object_or_404(
        selectors.application_list(user=request.user).filter(applicant=request.user),
        reference=reference,
    )


def staff_application(request: HttpRequest, reference: str) -> tuple[Application, Access]:
    """An application for the staff who may read it in full (not its reviewers)."""
    application = get_object_or_404(
        selectors.application_list(user=request.user), reference=reference
    )
    access = access_for(request.user, application.call.partnership)
    if not access.can_read_personal_data:
        raise Http404
    return application, access
