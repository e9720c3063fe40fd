"""Reads of calls and what they are set up with. ``user`` is a request's user, who may be
anonymous."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from sistercity.accounts.choices import Role
from sistercity.accounts.models import Membership, User
from sistercity.core.access import Action
from sistercity.exchange.models import Call, HostOrganisation, Placement


def _call_overview(calls: QuerySet[Call]) -> QuerySet[Call]:
    return calls.select_related("partnership", "pillar").prefetch_related(
        "translations", "pillar__translations", "partnership__translations"
    )


def public_call_list() -> QuerySet[Call]:
    """Published calls of public partnerships, open ones first."""
    return _call_overview(Call.objects.published()).order_by("-closes_at", "slug")


def call_list(*, user: Any, action: str = Action.VIEW) -> QuerySet[Call]:
    return _call_overview(Call.objects.for_user(user, action)).order_by("-closes_at", "slug")


def call_detail_queryset() -> QuerySet[Call]:
    placements = Placement.objects.select_related("host").prefetch_related(
        "translations", "host__translations"
    )
    return _call_overview(Call.objects.all()).prefetch_related(
        Prefetch("placements", queryset=placements),
        "questions__translations",
        "required_documents__translations",
        "criteria__translations",
        "residence__translations",
    )


def visible_calls(*, user: Any) -> QuerySet[Call]:
    """Published calls for everyone; unpublished ones for those who run or review them."""
    condition = Q(pk__in=Call.objects.published().values("pk"))
    if user.is_authenticated:
        condition |= Q(pk__in=Call.objects.for_user(user).values("pk"))
    return call_detail_queryset().filter(condition)


def hosts(*, user: Any, partnership: Any) -> QuerySet[HostOrganisation]:
    return HostOrganisation.objects.for_user(user).filter(partnership=partnership)


def panel_candidates(call: Call) -> QuerySet[User]:
    """Active people with a reviewer role in one of the call's partnership's municipalities
    (or in one of their agencies): those who may sit on the call's panel."""
    municipalities = call.partnership.municipalities.values("pk")
    reviewers = Membership.objects.filter(role=Role.REVIEWER).filter(
        Q(organisation__in=municipalities) | Q(organisation__parent__in=municipalities)
    )
    return User.objects.filter(pk__in=reviewers.values("user_id"), is_active=True).order_by(
        "full_name", "email"
    )
