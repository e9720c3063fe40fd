"""Allocation: the runs page (one access computed for the whole page), a run's result, sending
its offers, its export, and a host's ranking of a placement's applicants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.views import run_service, run_service_on_form
from sistercity.exchange import exports, forms, selectors, services
from sistercity.exchange.choices import ALLOCATION_POOL
from sistercity.exchange.models import AllocationRun, Placement
from sistercity.exchange.views._common import managed_call


def _start_run(request: HttpRequest, call, form: forms.RunForm) -> AllocationRun | None:
    if not form.is_valid():
        return None  # the errors show at their fields
    data = form.cleaned_data
    share = data["max_gender_share"]
    return run_service_on_form(
        request,
        form,
        services.allocation_run,
        _("The allocation was run."),
        call=call,
        seed=data["seed"] or None,
        max_per_institution=data["max_per_institution"],
        max_gender_share=float(share) if share is not None else None,
    )


@login_required
def allocation(request: HttpRequest, slug: str) -> HttpResponse:
    call, access = managed_call(request, slug)
    form = forms.RunForm(request.POST or None, initial={"seed": call.lottery_seed})
    if request.method == "POST":
        run = _start_run(request, call, form)
        if run:
            return redirect("exchange:run", pk=run.pk)
    return render(
        request,
        "exchange/allocation.html",
        {
            "call": call,
            "form": form,
            "runs": selectors.runs(access=access, call=call),
            "pool": call.applications.filter(status__in=ALLOCATION_POOL).count(),
            "placements": selectors.placements_with_counts(call),
            "can_manage": access.can_change,
            "tab": "allocation",
        },
    )


def _run(request: HttpRequest, pk: int) -> AllocationRun:
    return get_object_or_404(
        AllocationRun.objects.for_user(request.user).select_related("call", "created_by"), pk=pk
    )


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    call = selectors.call_detail_queryset().get(pk=run.call_id)
    return render(
        request,
        "exchange/run_detail.html",
        {
            "run": run,
            "call": call,
            "rows": exports.run_rows(run),
            "can_manage": access_for(request.user, call.partnership).can_change,
            "tab": "allocation",
        },
    )


@login_required
@require_POST
def run_apply(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    offers = run_service(request, services.allocation_apply, run=run)
    if offers:
        count = len(offers) if isinstance(offers, list) else 0
        messages.success(
            request,
            ngettext(
                "{count} offer was sent; the other applicants are on the waiting list.",
                "{count} offers were sent; the other applicants are on the waiting list.",
                count,
            ).format(count=count),
        )
    return redirect("exchange:run", pk=pk)


@login_required
def run_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    run = _run(request, pk)
    return exports.response(exports.run_table(run), f"{run.call.slug}-allocation-{run.pk}", fmt)


@login_required
def placement_ranking(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_object_or_404(
        Placement.objects.for_user(request.user, Action.CHANGE).select_related("call", "host"),
        pk=pk,
    )
    call = placement.call
    applications = selectors.ranking_candidates(placement)
    current = {r.application_id: r.tier for r in placement.rankings.all()}
    form = forms.RankingForm(
        request.POST or None,
        applications=applications,
        initial={f"a_{k}": v for k, v in current.items()},
    )
    if request.method == "POST" and form.is_valid():
        if run_service(
            request,
            services.placement_rank,
            _("The host's ranking was saved."),
            placement=placement,
            tiers=form.tiers(),
        ):
            return redirect("exchange:allocation", slug=call.slug)
    scores = selectors.application_scores(call)
    return render(
        request,
        "exchange/placement_ranking.html",
        {
            "placement": placement,
            "call": call,
            "form": form,
            "rows": [(a, scores.get(a.pk), form[f"a_{a.pk}"]) for a in applications],
            "tab": "allocation",
        },
    )
