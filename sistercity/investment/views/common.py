from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sistercity.core.views import submit_form
from sistercity.investment import selectors


@dataclass(frozen=True)
class PageForm:
    """One of a page's forms: its class, the service it feeds and what it says on success."""

    form: type
    service: Callable[..., Any]
    success: Any
    scoped: bool = False  # the form takes partnership= and user=
    extra: Mapping[str, Any] = field(default_factory=dict)


def page_forms(
    request: HttpRequest, partnership: Any, forms: Mapping[str, PageForm]
) -> dict[str, Any]:
    """Unbound forms for the page, keyed by name."""
    return {
        name: (pf.form(partnership=partnership, user=request.user) if pf.scoped else pf.form())
        for name, pf in forms.items()
    }


def handle_post(
    request: HttpRequest,
    scope: Any,
    forms: Mapping[str, PageForm],
    /,
    **kwargs: Any,
) -> Any:
    """Hand the POSTed form (named by ``form``) to its service; the refusal becomes a
    message. Returns the service's result or None."""
    name = request.POST.get("form", "")
    page_form = forms.get(name)
    if page_form is None:
        messages.error(request, _("Unknown action."))
        return None
    options: dict[str, Any] = {"data": request.POST, "files": request.FILES}
    if page_form.scoped:
        options.update(partnership=scope, user=request.user)
    form = page_form.form(**options)
    return submit_form(
        request, form, page_form.service, page_form.success, **page_form.extra, **kwargs
    )


def tabs_context(request: HttpRequest, partnership: Any, tab: str) -> dict[str, Any]:
    return {
        "partnership": partnership,
        "tab": tab,
        **selectors.visible_actions(request.user, partnership),
    }
