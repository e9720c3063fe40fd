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


# Where ``handle_post`` leaves a refused form, so that the page shows it with what was typed.
REFUSED = "_investment_refused_form"


def page_forms(
    request: HttpRequest, partnership: Any, forms: Mapping[str, PageForm]
) -> dict[str, Any]:
    """The page's forms keyed by name: unbound, except a refused one, which keeps its values."""
    refused_name, refused_form = getattr(request, REFUSED, (None, None))
    shown = {}
    for name, pf in forms.items():
        if name == refused_name:
            shown[name] = refused_form
        elif pf.scoped:
            shown[name] = pf.form(partnership=partnership, user=request.user)
        else:
            shown[name] = pf.form()
    return shown


def forms_context(
    request: HttpRequest, partnership: Any, forms: Mapping[str, PageForm], can_edit: bool
) -> dict[str, Any]:
    """The page's forms for those who may change (none for the others), and the refused one
    as ``error_form``, which the page's error summary lists at the top."""
    refused = getattr(request, REFUSED, (None, None))[1]
    return {
        "forms": page_forms(request, partnership, forms) if can_edit else {},
        "error_form": refused,
    }


def handle_post(
    request: HttpRequest,
    scope: Any,
    forms: Mapping[str, PageForm],
    /,
    **kwargs: Any,
) -> Any:
    """Hand the POSTed form (named by ``form``) to its service; a refusal (the form's or the
    service's) stays on the form, beside its field. Returns the service's result or None."""
    name = request.POST.get("form", "")
    page_form = forms.get(name)
    if page_form is None:
        messages.error(request, _("Unknown action."))
        return None
    options: dict[str, Any] = {"data": request.POST, "files": request.FILES}
    if page_form.scoped:
        options.update(partnership=scope, user=request.user)
    form = page_form.form(**options)
    result = submit_form(
        request,
        form,
        page_form.service,
        page_form.success,
        on_form=True,
        **page_form.extra,
        **kwargs,
    )
    if result is None:
        setattr(request, REFUSED, (name, form))
    return result


def tabs_context(request: HttpRequest, partnership: Any, tab: str) -> dict[str, Any]:
    return {
        "partnership": partnership,
        "tab": tab,
        **selectors.visible_actions(request.user, partnership),
    }
