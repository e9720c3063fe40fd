"""Thin views for programmes, results, meetings and the dashboards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.partnerships import selectors as partnership_selectors
from sistercity.partnerships.health import health_of
from sistercity.partnerships.models import Partnership
from sistercity.partnerships.views import _form_errors
from sistercity.programs import forms as f
from sistercity.programs import selectors, services
from sistercity.programs.charts import bar_chart
from sistercity.programs.models import (
    ActionItem,
    Activity,
    Clause,
    Indicator,
    IndicatorUpdate,
    Meeting,
    Period,
    Programme,
    Result,
)


def _partnership(request, slug):
    return get_for_user_or_404(Partnership.objects, request.user, Action.VIEW, slug=slug)


def _context(request, partnership, tab, **extra):
    can = Partnership.objects.for_user(request.user, Action.CHANGE).filter(pk=partnership.pk)
    audit = Partnership.objects.for_user(request.user, Action.AUDIT).filter(pk=partnership.pk)
    return {
        "partnership": partnership,
        "tab": tab,
        "can_change": can.exists(),
        "can_audit": audit.exists(),
        **extra,
    }


def _run(request, call, success: str) -> bool:
    try:
        call()
    except SisterCityError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success)
    return True


@login_required
def programme_list(request, slug):
    partnership = _partnership(request, slug)
    form = f.ProgrammeForm(request.POST or None, partnership=partnership)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if _run(
                request,
                lambda: services.programme_create(
                    actor=request.user,
                    partnership=partnership,
                    language=request.LANGUAGE_CODE,
                    **data,
                ),
                _("The programme was created."),
            ):
                return redirect("programs:detail", slug=slug, code=data["code"])
        else:
            _form_errors(request, form)
    tree = selectors.results_tree(partnership)
    total, per_programme = selectors.spending(partnership)
    return render(
        request,
        "programs/programme_list.html",
        _context(
            request,
            partnership,
            "programmes",
            pillars=selectors.pillar_rows(tree, per_programme),
            form=form,
            editable_pillars=services.agency_officer_pillars(request.user, partnership),
        ),
    )


PROGRAMME_FORMS = {
    "activity": f.ActivityForm,
    "result": f.ResultForm,
    "indicator": f.IndicatorForm,
    "period": f.PeriodForm,
    "update": f.UpdateForm,
    "review": f.ReviewForm,
    "budget": f.BudgetLineForm,
    "transaction": f.TransactionForm,
    "feed": f.FeedForm,
    "participant": f.ParticipantForm,
    "location": f.LocationForm,
}


def _programme_action(request, programme, kind, data):
    """Map one posted form to its service call; returns (callable, success message)."""
    actor, language = request.user, request.LANGUAGE_CODE
    if kind == "activity":
        return (
            lambda: services.activity_create(
                actor=actor, programme=programme, language=language, **data
            ),
            _("The activity was added."),
        )
    if kind == "result":
        return (
            lambda: services.result_create(
                actor=actor, programme=programme, language=language, **data
            ),
            _("The result was added."),
        )
    if kind == "indicator":
        result = get_object_or_404(Result, pk=data.pop("result"), programme=programme)
        return (
            lambda: services.indicator_create(
                actor=actor, result=result, language=language, **data
            ),
            _("The indicator was added."),
        )
    if kind == "period":
        indicator = get_object_or_404(
            Indicator, pk=data.pop("indicator"), result__programme=programme
        )
        return (
            lambda: services.period_create(actor=actor, indicator=indicator, **data),
            _("The period was added."),
        )
    if kind == "update":
        period = get_object_or_404(
            Period, pk=data.pop("period"), indicator__result__programme=programme
        )
        data["disaggregation"] = f.parse_disaggregation(
            period.indicator.disaggregations, request.POST
        )
        return (
            lambda: services.update_create(actor=actor, period=period, **data),
            _("The update was saved."),
        )
    if kind == "review":
        update = get_object_or_404(
            IndicatorUpdate, pk=data["update"], period__indicator__result__programme=programme
        )
        if data["decision"] == "approve":
            return (
                lambda: services.update_approve(
                    actor=actor, update=update, comment=data["comment"]
                ),
                _("The update was approved."),
            )
        return (
            lambda: services.update_return(actor=actor, update=update, comment=data["comment"]),
            _("The update was returned to its author."),
        )
    if kind in ("participant", "location"):
        activity = get_object_or_404(Activity, pk=data.pop("activity"), programme=programme)
        if kind == "participant":
            return (
                lambda: services.activity_add_participant(actor=actor, activity=activity, **data),
                _("The organisation was added to the activity."),
            )
        return (
            lambda: services.activity_add_location(actor=actor, activity=activity, **data),
            _("The location was added."),
        )
    if kind == "feed":
        indicator = get_object_or_404(Indicator, pk=data["indicator"], result__programme=programme)
        return (
            lambda: services.indicator_feed(actor=actor, indicator=indicator),
            _("The count was submitted for approval."),
        )
    if kind == "budget":
        return (
            lambda: services.budget_line_add(actor=actor, programme=programme, **data),
            _("The budget line was added."),
        )
    return (
        lambda: services.transaction_add(actor=actor, programme=programme, **data),
        _("The transaction was recorded."),
    )


@login_required
def programme_detail(request, slug, code):
    partnership = _partnership(request, slug)
    programme = get_object_or_404(
        Programme.objects.filter(partnership=partnership).select_related("pillar"), code=code
    )
    if request.method == "POST":
        kind = request.POST.get("form", "")
        form_class = PROGRAMME_FORMS.get(kind)
        if form_class is None:
            messages.error(request, _("Unknown action."))
        else:
            form = form_class(request.POST)
            if form.is_valid():
                call, success = _programme_action(request, programme, kind, dict(form.cleaned_data))
                _run(request, call, success)
            else:
                _form_errors(request, form)
        return redirect("programs:detail", slug=slug, code=code)
    tree = [row for row in selectors.results_tree(partnership) if row.programme.pk == programme.pk]
    updates = (
        IndicatorUpdate.objects.filter(period__indicator__result__programme=programme)
        .select_related("author", "reviewer")
        .order_by("-created_at")
    )
    by_period: dict[int, list] = {}
    for update in updates:
        by_period.setdefault(update.period_id, []).append(update)
    total, per_programme = selectors.spending(partnership)
    context = _context(
        request,
        partnership,
        "programmes",
        programme=programme,
        row=tree[0] if tree else None,
        updates_by_period=by_period,
        activities=programme.activities.prefetch_related(
            "translations", "participants__organisation__translations", "locations"
        ),
        plan_items=programme.plan_items.select_related("clause").prefetch_related("translations"),
        lead_agencies=programme.lead_agencies.prefetch_related("translations"),
        budget=programme.budget.all(),
        transactions=programme.transactions.all(),
        money=per_programme.get(programme.pk),
        can_edit=services.can_edit_pillar(request.user, partnership, programme.pillar_id),
        forms={name: cls() for name, cls in PROGRAMME_FORMS.items()},
        today=timezone.localdate(),
    )
    return render(request, "programs/programme_detail.html", context)


def dashboard_data(partnership, *, public_only: bool = False):
    """Everything the results dashboard (and the public accountability page) shows."""
    tree = selectors.results_tree(partnership, public_only=public_only)
    total, per_programme = selectors.spending(partnership, public_only=public_only)
    pillars = selectors.pillar_rows(tree, per_programme)
    off_track = [
        (row.programme, indicator)
        for row in tree
        for result in row.results
        for indicator in result.indicators
        if indicator.off_track
    ]
    progress_chart = bar_chart(
        [(str(p.pillar), p.progress or 0.0) for p in pillars], maximum=100, unit="%"
    )
    spending_chart = bar_chart(
        [(str(p.pillar), float(p.disbursed_idr)) for p in pillars],
        maximum=max([float(p.budget_idr) for p in pillars] + [1.0]),
        unit="IDR",
        targets=[float(p.budget_idr) for p in pillars],
    )
    return {
        "pillars": pillars,
        "tree": tree,
        "spending": total,
        "off_track": off_track,
        "progress_chart": progress_chart,
        "spending_chart": spending_chart,
    }


@login_required
def results_dashboard(request, slug):
    partnership = _partnership(request, slug)
    data = dashboard_data(partnership)
    # Planned against actual: waste scenarios linked to indicators of this partnership.
    from sistercity.environment.selectors import planned_values_by_indicator

    year = timezone.localdate().year
    plans = planned_values_by_indicator(user=request.user, partnership=partnership)
    data["plans"] = [
        (ind, plan, plan["values"].get(year), year)
        for row in data["tree"]
        for result in row.results
        for ind in result.indicators
        for plan in plans.get(ind.indicator.code, [])
    ]
    return render(
        request,
        "programs/dashboard.html",
        _context(
            request,
            partnership,
            "results",
            **data,
            health=health_of(partnership),
            overdue=selectors.overdue_action_items(partnership),
            pending=selectors.pending_updates(partnership),
            timeline=partnership_selectors.partnership_timeline(partnership)[:10],
        ),
    )


def accountability(request, slug):
    """Public: the programmes, progress, results and spending marked public."""
    partnership = get_object_or_404(Partnership.objects.filter(is_public=True), slug=slug)
    return render(
        request,
        "programs/accountability.html",
        {"partnership": partnership, **dashboard_data(partnership, public_only=True)},
    )


@login_required
def meeting_list(request, slug):
    partnership = _partnership(request, slug)
    form = f.MeetingForm(request.POST or None, partnership=partnership)
    if request.method == "POST":
        if form.is_valid():
            if _run(
                request,
                lambda: services.meeting_create(
                    actor=request.user,
                    partnership=partnership,
                    language=request.LANGUAGE_CODE,
                    **form.cleaned_data,
                ),
                _("The meeting was recorded."),
            ):
                return redirect("programs:meetings", slug=slug)
        else:
            _form_errors(request, form)
    return render(
        request,
        "programs/meeting_list.html",
        _context(
            request,
            partnership,
            "meetings",
            meetings=selectors.meetings(partnership),
            form=form,
            item_form=f.ActionItemForm(),
            today=timezone.localdate(),
        ),
    )


@login_required
def meeting_action(request, slug, pk):
    partnership = _partnership(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, partnership=partnership)
    if request.method == "POST":
        if "item" in request.POST:
            item = get_object_or_404(ActionItem, pk=request.POST["item"], meeting=meeting)
            _run(
                request,
                lambda: services.action_item_set_status(
                    actor=request.user, item=item, status=request.POST.get("status", "")
                ),
                _("The action item was updated."),
            )
        else:
            form = f.ActionItemForm(request.POST)
            if form.is_valid():
                _run(
                    request,
                    lambda: services.action_item_add(
                        actor=request.user,
                        meeting=meeting,
                        owner=request.user,
                        **form.cleaned_data,
                    ),
                    _("The action item was added."),
                )
            else:
                _form_errors(request, form)
    return redirect("programs:meetings", slug=slug)


@login_required
def clauses(request, slug):
    """The agreement's clauses → action-plan items → programmes → activities and indicators."""
    partnership = _partnership(request, slug)
    if request.method == "POST":
        kind = request.POST.get("form")
        form = (f.PlanItemForm if kind == "item" else f.ClauseForm)(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            if kind == "item":
                clause = get_object_or_404(Clause, pk=data.pop("clause"), partnership=partnership)
                _run(
                    request,
                    lambda: services.plan_item_create(
                        actor=request.user,
                        partnership=partnership,
                        clause=clause,
                        language=request.LANGUAGE_CODE,
                        **data,
                    ),
                    _("The action-plan item was added."),
                )
            else:
                _run(
                    request,
                    lambda: services.clause_create(
                        actor=request.user,
                        partnership=partnership,
                        language=request.LANGUAGE_CODE,
                        **data,
                    ),
                    _("The clause was added."),
                )
        else:
            _form_errors(request, form)
        return redirect("programs:clauses", slug=slug)
    clause_list = (
        Clause.objects.filter(partnership=partnership)
        .prefetch_related(
            "translations",
            "plan_items__translations",
            "plan_items__programmes__translations",
            "plan_items__programmes__activities__translations",
            "plan_items__programmes__results__indicators__translations",
        )
        .order_by("number")
    )
    return render(
        request,
        "programs/clauses.html",
        _context(request, partnership, "clauses", clauses=clause_list),
    )
