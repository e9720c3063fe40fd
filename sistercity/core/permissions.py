"""Restricted querysets: every queryset that reaches a user goes through ``for_user``.

After NetBox's RestrictedQuerySet: a model says which rows a user may see for an action by
implementing ``permission_filter(user, action) -> Q | None``; the queryset applies it. Platform
admins (superusers) see everything; anonymous users see nothing (public pages use the public
selectors instead). An object outside the filtered queryset answers 404, never 403, so that an
outsider cannot learn that it exists. The rule itself lives in ``sistercity.core.access``;
objects of a partnership get their filter from ``PartnershipScoped`` (``core.models``).
"""

from typing import Any

from django.db import models
from django.shortcuts import get_object_or_404
from parler.managers import TranslatableManager, TranslatableQuerySet

from sistercity.core.access import Action

__all__ = [
    "Action",
    "RestrictedManager",
    "RestrictedQuerySet",
    "TranslatableRestrictedManager",
    "TranslatableRestrictedQuerySet",
    "get_for_user_or_404",
]


class RestrictedQuerySet(models.QuerySet):
    def for_user(self, user: Any, action: str = Action.VIEW) -> "RestrictedQuerySet":
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        condition = self.model.permission_filter(user, action)  # type: ignore[attr-defined]
        return self.none() if condition is None else self.filter(condition)


class TranslatableRestrictedQuerySet(TranslatableQuerySet, RestrictedQuerySet):
    """Rows with parler translations that are also restricted by ``for_user``."""


RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)
TranslatableRestrictedManager = TranslatableManager.from_queryset(TranslatableRestrictedQuerySet)


def get_for_user_or_404(queryset: Any, user: Any, action: str = Action.VIEW, **lookup: Any) -> Any:
    return get_object_or_404(queryset.for_user(user, action), **lookup)
