"""The base of every API viewset (after NetBox's ``BaseViewSet``): authenticated, rows scoped to
the caller by ``for_user``, and the caller's access cached for
the request like a page's."""

from typing import Any

from django.apps import apps
from django.shortcuts import get_object_or_404
from rest_framework import permissions, viewsets
from rest_framework.request import Request

from sistercity.core.access import CACHE_ATTRIBUTE, Action
from sistercity.core.views import file_response


class ScopedViewSet(viewsets.GenericViewSet):
    """Rows of ``model`` the caller may see; ``?partnership=<slug>`` narrows them when the model
    declares ``partnership_filter`` (the lookup to the partnership's slug)."""

    permission_classes = [permissions.IsAuthenticated]
    model: Any = None
    partnership_filter: str | None = None
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        user = request.user
        if user.is_authenticated and not hasattr(user, CACHE_ATTRIBUTE):
            setattr(user, CACHE_ATTRIBUTE, {})

    def scope_action(self) -> str:
        # Rows are found by what the caller may see; whether they may change one is the
        # service's to answer, so a member gets its 403 and message, and only an outsider a 404.
        # A viewset whose rows are narrower for some action overrides this.
        return Action.VIEW

    def base_queryset(self) -> Any:
        return self.model.objects.all()

    def get_queryset(self) -> Any:
        queryset = self.base_queryset().for_user(self.request.user, self.scope_action())
        slug = self.request.query_params.get("partnership")
        if slug and self.partnership_filter:
            queryset = queryset.filter(**{self.partnership_filter: slug})
        return queryset.select_related(*self.related).prefetch_related(*self.prefetch)


def partnership_for_api(request: Request, slug: str, action: str = Action.VIEW) -> Any:
    """The partnership an API payload names, if the caller may do ``action`` with it; else 404."""
    partnership_model = apps.get_model("partnerships", "Partnership")
    return get_object_or_404(partnership_model.objects.for_user(request.user, action), slug=slug)


__all__ = ["ScopedViewSet", "file_response", "partnership_for_api"]
