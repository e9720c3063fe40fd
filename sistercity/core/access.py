"""Who may do what with a partnership: one answer per user and partnership, in one place.

A user's rights come from their memberships (``accounts.Membership``) and the rule tables in
``core.roles``: ``ROLE_ACTIONS`` (what a role may do with every pillar of a partnership of
its municipality) and ``PILLAR_ROLE_ACTIONS`` (what a role may do only with the pillars its
membership names: an agency officer of the DLH edits the environment pillar's programmes, waste
data and scenarios, nothing else). Observers read the partnerships of their ministry's country.

Two ways to ask, for two kinds of question:

- ``access_for(user, partnership)`` answers for one partnership (``can(action, pillar=...)``),
  computed with two small queries and, inside a request, cached on the request's user so a page
  asks the database once however many checks it makes. ``require(user, obj, action)`` is the
  opening of every service and special view: 404 for someone who may not see the object (an
  outsider never learns it exists), 403 with a translated message for a member without the
  right.
- ``partnership_ids(user, action, pillar=...)`` is the same rule as a subquery, for the
  restricted querysets (``for_user``) that lists are built on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.core.roles import PILLAR_ROLE_ACTIONS, ROLE_ACTIONS, Role

if TYPE_CHECKING:
    from django.db.models import QuerySet


class Action(models.TextChoices):
    VIEW = "view"
    CHANGE = "change"
    ADVANCE = "advance"
    AUDIT = "audit"
    # Read people's personal data in full (not observers; see ``core.roles``).
    PERSONAL_DATA = "personal_data"


# The attribute a request's user carries its cache under (set by AccessCacheMiddleware). A user
# object that lives longer than one request (a test fixture, a management command) has none and
# is asked afresh every time, so a membership added a moment ago always counts.
CACHE_ATTRIBUTE = "_sistercity_access"

PillarRef = int | str | None


def _rules() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], str]:
    return ROLE_ACTIONS, PILLAR_ROLE_ACTIONS, Role.OBSERVER


def _pillar_key(pillar: Any) -> PillarRef:
    """A pillar given as an object, an id or a code."""
    if pillar is None or isinstance(pillar, int | str):
        return pillar
    return int(pillar.pk)


@dataclass(frozen=True)
class Access:
    """What one user may do with one partnership."""

    partnership_id: int
    is_admin: bool = False
    actions: frozenset[str] = frozenset()
    # (action, pillar id) and (action, pillar code) the user holds for single pillars only.
    pillar_actions: frozenset[tuple[str, PillarRef]] = frozenset()
    roles: frozenset[tuple[str, str]] = field(default=frozenset())  # (role, country)

    def can(self, action: str, *, pillar: Any = None) -> bool:
        """May the user do ``action``, on the whole partnership or on one of its pillars?"""
        if self.is_admin or action in self.actions:
            return True
        key = _pillar_key(pillar)
        return key is not None and (action, key) in self.pillar_actions

    @property
    def can_view(self) -> bool:
        return self.can(Action.VIEW)

    @property
    def can_change(self) -> bool:
        return self.can(Action.CHANGE)

    @property
    def can_advance(self) -> bool:
        return self.can(Action.ADVANCE)

    @property
    def can_audit(self) -> bool:
        return self.can(Action.AUDIT)

    @property
    def can_read_personal_data(self) -> bool:
        return self.can(Action.PERSONAL_DATA)

    def can_change_some_pillar(self) -> bool:
        """Whether the user may change anything of the partnership, if only one pillar."""
        return self.can_change or any(a == Action.CHANGE for a, _k in self.pillar_actions)

    def pillar_ids(self, action: str = Action.CHANGE) -> set[int]:
        """The pillars the user holds ``action`` on one by one (not through a role that covers
        every pillar)."""
        return {k for a, k in self.pillar_actions if a == action and isinstance(k, int)}

    def has_role(self, roles: Iterable[str], *, country: str | None = None) -> bool:
        """Whether the user holds one of ``roles`` in the partnership's municipalities (of one
        ``country``, when given)."""
        wanted = set(roles)
        return any(r in wanted and (country is None or c == country) for r, c in self.roles)


def _compute(user: Any, partnership: Any) -> Access:
    role_actions, pillar_role_actions, observer = _rules()
    membership_model = apps.get_model("accounts", "Membership")
    municipalities = dict(partnership.municipalities.values_list("pk", "country"))
    countries = set(municipalities.values())
    actions: set[str] = set()
    pillar_actions: set[tuple[str, PillarRef]] = set()
    roles: set[tuple[str, str]] = set()
    rows = membership_model.objects.filter(user=user).values_list(
        "role",
        "organisation_id",
        "organisation__parent_id",
        "organisation__oversees_country",
        "pillars__pk",
        "pillars__code",
    )
    for role, organisation_id, parent_id, oversees, pillar_id, pillar_code in rows:
        if role == observer:
            if oversees and oversees in countries:
                actions |= role_actions[role]
            continue
        # An agency officer belongs to the agency; its municipality is the partner.
        municipality_id = parent_id or organisation_id
        if municipality_id not in municipalities:
            continue
        roles.add((role, municipalities[municipality_id]))
        actions |= role_actions.get(role, frozenset())
        if pillar_id is not None:
            for action in pillar_role_actions.get(role, frozenset()):
                pillar_actions |= {(action, pillar_id), (action, pillar_code)}
    return Access(
        partnership_id=partnership.pk,
        actions=frozenset(actions),
        pillar_actions=frozenset(pillar_actions),
        roles=frozenset(roles),
    )


def access_for(user: Any, partnership: Any) -> Access:
    """The user's rights on ``partnership`` (a Partnership; an id costs one more query)."""
    pk = partnership.pk if isinstance(partnership, models.Model) else int(partnership)
    if not getattr(user, "is_authenticated", False):
        return Access(partnership_id=pk)
    if user.is_superuser:
        return Access(partnership_id=pk, is_admin=True)
    cache: dict[int, Access] | None = getattr(user, CACHE_ATTRIBUTE, None)
    if cache is not None and pk in cache:
        return cache[pk]
    if not isinstance(partnership, models.Model):
        partnership = apps.get_model("partnerships", "Partnership").objects.get(pk=pk)
    access = _compute(user, partnership)
    if cache is not None:
        cache[pk] = access
    return access


FORBIDDEN = _("Your role does not allow this action on this partnership.")


def forbidden(message: str | Promise | None = None, *, code: str = "forbidden") -> SisterCityError:
    """The refusal a member gets for something their role does not allow."""
    return SisterCityError(message or FORBIDDEN, code=code, status=403)


def partnership_of(obj: Any) -> Any:
    """The partnership an object belongs to (the object itself for a partnership)."""
    if obj._meta.label == "partnerships.Partnership":
        return obj
    for step in getattr(type(obj), "partnership_path", "partnership").split("__"):
        obj = getattr(obj, step)
    return obj


def is_visible(user: Any, obj: Any) -> bool:
    """Whether ``obj`` is in its model's ``for_user`` rows. An object may be narrower than its
    partnership (an applicant sees her application, not her neighbour's) or wider (a call is
    seen by its panel): its own queryset decides."""
    return bool(type(obj).objects.for_user(user, Action.VIEW).filter(pk=obj.pk).exists())


def require(
    user: Any,
    obj: Any,
    action: str = Action.VIEW,
    *,
    pillar: Any = None,
    message: str | Promise | None = None,
    code: str = "forbidden",
) -> Access:
    """The opening of every service: raise 404 when ``user`` may not see ``obj`` (a partnership
    or an object of one), a translated 403 when they see it but may not do ``action`` (on
    ``pillar``, when the right is pillar-scoped). Returns the access for further questions."""
    partnership = partnership_of(obj)
    access = access_for(user, partnership)
    if not access.can(Action.VIEW):
        raise Http404
    if obj is not partnership and not access.is_admin and not is_visible(user, obj):
        raise Http404
    if not access.can(action, pillar=pillar):
        raise forbidden(message, code=code)
    return access


def partnership_ids(user: Any, action: str = Action.VIEW, *, pillar: PillarRef = None) -> QuerySet:
    """Ids of the partnerships ``user`` may do ``action`` with — as a subquery for ``__in``.

    With ``pillar`` (a code or an id), the roles that act on single pillars count too. The
    user's few memberships are read first, so that the query on partnerships is a plain indexed
    lookup on the partnership–municipality table, whatever the number of partnerships.
    """
    role_actions, pillar_role_actions, observer = _rules()
    membership_model = apps.get_model("accounts", "Membership")
    partnership_model = apps.get_model("partnerships", "Partnership")
    members = partnership_model.municipalities.through.objects
    roles = [r for r, actions in role_actions.items() if action in actions]
    pillar_roles = [r for r, actions in pillar_role_actions.items() if action in actions]
    condition = models.Q(role__in=roles)
    if pillar is not None and pillar_roles:
        field_name = "pillars__code" if isinstance(pillar, str) else "pillars__pk"
        condition |= models.Q(role__in=pillar_roles, **{field_name: pillar})
    memberships = membership_model.objects.filter(condition, user=user).values_list(
        "role", "organisation_id", "organisation__parent_id", "organisation__oversees_country"
    )
    municipality_ids: set[int] = set()
    countries: set[str] = set()
    for role, organisation_id, parent_id, oversees in memberships:
        if role == observer:
            if oversees:
                countries.add(oversees)
        else:
            municipality_ids.add(parent_id or organisation_id)
    if not municipality_ids and not countries:
        return members.none().values("partnership_id")
    where = models.Q(organisation_id__in=municipality_ids)
    if countries:
        where |= models.Q(organisation__country__in=countries)
    return members.filter(where).values("partnership_id")
