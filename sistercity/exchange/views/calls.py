"""Calls: the public list and page, and the secretariat's workspace where a call is created,
set up and published."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.public_cache import public_page
from sistercity.core.views import run_service, run_service_on_form
from sistercity.exchange import forms, selectors, services
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application
from sistercity.exchange.views._common import managed_call, user_of, visible_call
from sistercity.partnerships.models import Partnership


@public_page
def call_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    calls = list(selectors.public_call_list())
    managed = (
        list(selectors.call_list(user=request.user, action=Action.CHANGE))
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "exchange/call_list.html",
        {
            "open_calls": [c for c in calls if c.opens_at <= now < c.closes_at],
            "other_calls": [c for c in calls if not (c.opens_at <= now < c.closes_at)],
            "managed": managed,
            "can_create": request.user.is_authenticated
            and Partnership.objects.for_user(request.user, Action.CHANGE).exists(),
        },
    )


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = visible_call(request, slug)
    mine = None
    if request.user.is_authenticated:
        mine = Application.objects.filter(call=call, applicant=request.user).first()
    access = access_for(request.user, call.partnership)
    return render(
        request,
        "exchange/call_detail.html",
        {
            "call": call,
            "mine": mine,
            "is_open": call.is_open(),
            "can_manage": access.can_change,
            # Observers and staff: the figures, nobody's name.
            "figures": selectors.call_figures(call) if access.can_audit else None,
        },
    )


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    partnerships = Partnership.objects.for_user(request.user, Action.CHANGE)
    partnership = (
        partnerships.filter(slug=request.GET.get("partnership")).first() or partnerships.first()
    )
    if partnership is None:
        raise Http404
    form = forms.CallForm(
        request.POST or None,
        partnership=partnership,
        initial={"time_zone": user_of(request).time_zone, "min_language_level": "none"},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        current = timezone.get_current_timezone()
        for key in ("opens_at", "closes_at"):
            # The form read the time in the viewer's zone; it was meant in the call's zone.
            data[key] = timezone.make_naive(data[key], current)
        call = run_service_on_form(
            request,
            form,
            services.call_create,
            _("The call was created. Add placements, then publish it."),
            partnership=partnership,
            language=request.LANGUAGE_CODE,
            **data,
        )
        if call:
            return redirect("exchange:manage_call", slug=call.slug)
    return render(request, "exchange/call_form.html", {"form": form, "partnership": partnership})


# Each small form of the management page calls one service.
SETUP_FORMS: dict[str, type[forms.SetupForm]] = {
    "host": forms.HostForm,
    "placement": forms.PlacementForm,
    "places": forms.PlacesForm,
    "question": forms.QuestionForm,
    "document": forms.DocumentForm,
    "criterion": forms.CriterionForm,
    "panel": forms.PanelForm,
}


def _manage_context(
    request: HttpRequest, call: Any, access: Any, refused: forms.SetupForm | None = None
) -> dict[str, Any]:
    """The management page; ``refused`` is a set-up form shown again, open, with its errors."""
    setup_forms: dict[str, forms.SetupForm] | None = None
    if access.can_change:
        setup_forms = {
            name: form_class(call=call, user=request.user)
            for name, form_class in SETUP_FORMS.items()
        }
        if refused is not None:
            setup_forms[str(refused.prefix)] = refused
    return {
        "call": call,
        "ranking": selectors.panel_ranking_with_assignments(call),
        "panel": call.panel.select_related("user"),
        "placements": selectors.placements_with_counts(call),
        "can_manage": access.can_change,
        "decision_form": forms.DecisionForm(),
        "drafts": call.applications.filter(status=Status.DRAFT).count(),
        "hosts": selectors.hosts(user=request.user, partnership=call.partnership)
        .select_related("city")
        .prefetch_related("translations", "city__translations"),
        "setup_forms": setup_forms,
        "open_setup": refused.prefix if refused is not None else None,
        "error_form": refused,
        "tab": "applications",
    }


@login_required
def manage_call(request: HttpRequest, slug: str) -> HttpResponse:
    call, access = managed_call(request, slug)
    return render(request, "exchange/manage_call.html", _manage_context(request, call, access))


def _setup_view(
    form_class: type[forms.SetupForm], service: Callable[..., Any], success: Any
) -> Callable[..., HttpResponse]:
    """A POST of one of the management page's set-up forms, handed to its service. A refusal
    (the form's or the service's) shows the page again with that form open, the typed values
    kept and each reason beside its field."""

    @login_required
    @require_POST
    def view(request: HttpRequest, slug: str) -> HttpResponse:
        call, access = managed_call(request, slug)
        form = form_class(request.POST, call=call, user=request.user)
        if form.is_valid() and run_service_on_form(
            request, form, service, success, **form.service_kwargs(request.LANGUAGE_CODE)
        ):
            return redirect(reverse("exchange:manage_call", args=[call.slug]) + "#setup")
        context = _manage_context(request, call, access, refused=form)
        return render(request, "exchange/manage_call.html", context)

    return view


setup_host = _setup_view(
    forms.HostForm, services.host_create, gettext_lazy("The host organisation was added.")
)
setup_placement = _setup_view(
    forms.PlacementForm, services.placement_create, gettext_lazy("The placement was added.")
)
setup_places = _setup_view(
    forms.PlacesForm,
    services.placement_set_capacity,
    gettext_lazy("The number of places was changed."),
)
setup_question = _setup_view(
    forms.QuestionForm, services.question_add, gettext_lazy("The question was added.")
)
setup_document = _setup_view(
    forms.DocumentForm,
    services.required_document_add,
    gettext_lazy("The required document was added."),
)
setup_criterion = _setup_view(
    forms.CriterionForm,
    services.criterion_add,
    gettext_lazy("The criterion was added to the rubric."),
)
setup_panel = _setup_view(
    forms.PanelForm, services.panel_add, gettext_lazy("The reviewer joined the panel.")
)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    call, _access = managed_call(request, slug)
    published = request.POST.get("published") == "1"
    run_service(
        request,
        services.call_publish,
        _("The call is published.") if published else _("The call is no longer published."),
        call=call,
        published=published,
    )
    return redirect("exchange:manage_call", slug=slug)
