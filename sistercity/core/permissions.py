"""Restricted querysets: every queryset that reaches a user goes through ``for_user``.

After NetBox's RestrictedQuerySet: a model says which rows a user may see for an action by
implementing ``permission_filter(user, action) -> Q | None``; the queryset applies it. Platform
admins (superusers) see everything; anonymous users see nothing (public pages use the public
selectors instead). An object outside the filtered queryset answers 404, never 403, so that an
outsider cannot learn that it exists.
"""

from django.db import models
from django.shortcuts import get_object_or_404


class Action(models.TextChoices):
    VIEW = "view"
    CHANGE = "change"
    ADVANCE = "advance"
    AUDIT = "audit"


class RestrictedQuerySet(models.QuerySet):
    def for_user(self, user, action: str = Action.VIEW):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        condition = self.model.permission_filter(user, action)
        return self.none() if condition is None else self.filter(condition)


def get_for_user_or_404(queryset, user, action: str = Action.VIEW, **lookup):
    return get_object_or_404(queryset.for_user(user, action), **lookup)
