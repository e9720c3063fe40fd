"""Thin views for programmes, results, meetings and the dashboards.

The usual "form → service → message" step is ``core.views``'s; what is left by hand is the
programme page, which takes a dozen small forms (one per thing one can add or decide there), and
the dashboards, which gather reads.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for
from sistercity.core.public_cache import public_page
from sistercity.core.registry import registry, render_panels
from sistercity.core.views import ServiceFormView, partnership_for, submit_form
from sistercity.partnerships import selectors as partnership_selectors
from sistercity.partnerships.health import health_of
from sistercity.partnerships.models import Partnership
from sistercity.programs import choices as c
from sistercity.programs import forms as f
from sistercity.programs import selectors, services
from sistercity.programs.charts import bar_chart
from sistercity.programs.models import Meeting, Period, Programme


def _page(request: HttpRequest, partnership: Partnership, tab: str, **extra: Any) -> dict:
    """What every tab of a partnership shows: the partnership and what the user may do."""
    access = access_for(request.user, partnership)
    return {
        "partnership": partnership,
        "tab": tab,
        "access": access,
        "can_change": access.can_change,
        "can_audit": access.can_audit,
        **extra,
    }


class _PartnershipPage(ServiceFormView):
    """A partnership's tab with one form that creates something (programme, meeting)."""

    tab = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        return {"partnership": self.partnership, "language": self.request.LANGUAGE_CODE}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        return {**context, **_page(self.request, self.partnership, self.tab), **self.extra()}

    def extra(self) -> dict[str, Any]:
        return {}


class ProgrammeListView(_PartnershipPage):
    template_name = "programs/programme_list.html"
    form_class = f.ProgrammeForm
    service = services.programme_create
    success_message = _("The programme was created.")
    tab = "programmes"

    def get_success_url(self) -> str:
        return reverse("programs:detail", args=[self.partnership.slug, self.result.code])

    def extra(self) -> dict[str, Any]:
        tree = selectors.results_tree(self.partnership)
        _total, per_programme = selectors.spending(self.partnership)
        return {
            "pillars": selectors.pillar_rows(tree, per_programme),
            "editable_pillars": self.access.pillar_ids(),
        }


programme_list = ProgrammeListView.as_view()


@dataclass(frozen=True)
class PageForm:
    """One of the programme page's forms: the service it feeds and what it needs besides the
    form's own data."""

    form: type[f.ScopedForm]
    service: Callable[..., Any]
    success: Any
    programme: bool = False  # the service takes the page's programme
    language: bool = False  # and the language the texts were typed in
    extra: Mapping[str, Any] = field(default_factory=dict)


def _review_kind(post: Mapping[str, Any]) -> str:
    # One form, two buttons: the decision picks the service.
    return "review:" + str(post.get("decision", ""))


PROGRAMME_FORMS: dict[str, PageForm] = {
    "activity": PageForm(
        f.ActivityForm,
        services.activity_create,
        _("The activity was added."),
        programme=True,
        language=True,
    ),
    "result": PageForm(
        f.ResultForm,
        services.result_create,
        _("The result was added."),
        programme=True,
        language=True,
    ),
    "indicator": PageForm(
        f.IndicatorForm, services.indicator_create, _("The indicator was added."), language=True
    ),
    "period": PageForm(f.PeriodForm, services.period_create, _("The period was added.")),
    "update": PageForm(f.UpdateForm, services.update_create, _("The update was saved.")),
    "revise": PageForm(
        f.RevisionForm,
        services.update_revise,
        _("The update was corrected and sent back for approval."),
        extra={"submit": True},
    ),
    "lock": PageForm(f.LockForm, services.period_lock, _("The period was locked.")),
    "review:approve": PageForm(
        f.ReviewForm, services.update_approve, _("The update was approved.")
    ),
    "review:return": PageForm(
        f.ReviewForm, services.update_return, _("The update was returned to its author.")
    ),
    "feed": PageForm(
        f.FeedForm, services.indicator_feed, _("The count was submitted for approval.")
    ),
    "participant": PageForm(
        f.ParticipantForm,
        services.activity_add_participant,
        _("The organisation was added to the activity."),
    ),
    "location": PageForm(
        f.LocationForm, services.activity_add_location, _("The location was added.")
    ),
    "budget": PageForm(
        f.BudgetLineForm,
        services.budget_line_add,
        _("The budget line was added."),
        programme=True,
    ),
    "transaction": PageForm(
        f.TransactionForm,
        services.transaction_add,
        _("The transaction was recorded."),
        programme=True,
    ),
}


def _programme_post(request: HttpRequest, programme: Programme) -> tuple[str, Any] | None:
    """Run the posted form; on a refusal, (its kind, the bound form) to show again with the
    typed values and the errors at their fields."""
    kind = request.POST.get("form", "")
    page_form = PROGRAMME_FORMS.get(_review_kind(request.POST) if kind == "review" else kind)
    if page_form is None:
        messages.error(request, _("Unknown action."))
        return None
    kwargs = dict(page_form.extra)
    if page_form.programme:
        kwargs["programme"] = programme
    if page_form.language:
        kwargs["language"] = request.LANGUAGE_CODE
    form = page_form.form(request.POST, within=programme)
    if kind in ("update", "revise", "review"):
        # Many forms of one kind on the page: the ids name the period or update posted.
        form.auto_id = f"id_{kind}{request.POST.get('period') or request.POST.get('update')}_%s"
    done = submit_form(request, form, page_form.service, page_form.success, on_form=True, **kwargs)
    return None if done is not None else (kind, form)


def _failed_context(kind: str, form: Any) -> dict[str, Any]:
    """What the page needs to show a refused form again: the form at its place, and for an
    update the period it was for (named at the top of the error summary)."""
    context: dict[str, Any] = {"failed_kind": kind, "error_form": form}
    period = form.cleaned_data.get("period") if hasattr(form, "cleaned_data") else None
    posted = str(form.data.get("period", ""))
    if kind == "update" and period is None and posted.isdigit():
        period = Period.objects.filter(
            pk=int(posted), indicator__result__programme=form.within
        ).first()
    if isinstance(period, Period):
        context["failed_period"] = period.pk
        context["error_title"] = _("Update for {indicator}, period {start} – {end}").format(
            indicator=period.indicator,
            start=formats.date_format(period.start),
            end=formats.date_format(period.end),
        )
    return context


def _programme_context(
    request: HttpRequest,
    partnership: Partnership,
    programme: Programme,
    failed: tuple[str, Any] | None = None,
) -> dict[str, Any]:
    access = access_for(request.user, partnership)
    tree = [row for row in selectors.results_tree(partnership) if row.programme.pk == programme.pk]
    updates_by_period = selectors.updates_by_period(programme)
    _total, per_programme = selectors.spending(partnership)
    # The author's returned updates, with their values by dimension as the correction form
    # takes them.
    revisable = {
        update.pk: f.format_disaggregation(update.disaggregation)
        for updates in updates_by_period.values()
        for update in updates
        if update.author_id == request.user.pk and update.status == c.UpdateStatus.RETURNED
    }
    page_forms = {kind: pf.form() for kind, pf in PROGRAMME_FORMS.items() if ":" not in kind}
    extra = {}
    if failed:
        page_forms[failed[0]] = failed[1]
        extra = _failed_context(*failed)
    dimensions = {
        dimension
        for row in tree
        for result in row.results
        for ind in result.indicators
        for dimension in ind.indicator.disaggregations
    }
    return _page(
        request,
        partnership,
        "programmes",
        programme=programme,
        row=tree[0] if tree else None,
        updates_by_period=updates_by_period,
        revisable=revisable,
        activities=programme.activities.prefetch_related(
            "translations", "participants__organisation__translations", "locations"
        ),
        plan_items=programme.plan_items.select_related("clause").prefetch_related("translations"),
        lead_agencies=programme.lead_agencies.prefetch_related("translations"),
        budget=programme.budget.all(),
        transactions=programme.transactions.all(),
        money=per_programme.get(programme.pk),
        can_edit=access.can(Action.CHANGE, pillar=programme.pillar_id),
        forms=page_forms,
        dimension_help={d: f.dimension_help(d) for d in dimensions},
        today=timezone.localdate(),
        **extra,
    )


@login_required
def programme_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    programme: Programme = get_object_or_404(
        Programme.objects.filter(partnership=partnership).select_related("pillar"), code=code
    )
    failed = None
    if request.method == "POST":
        failed = _programme_post(request, programme)
        if failed is None:
            return redirect("programs:detail", slug=slug, code=code)
    context = _programme_context(request, partnership, programme, failed)
    return render(request, "programs/programme_detail.html", context)


def dashboard_data(partnership: Partnership, *, public_only: bool = False) -> dict[str, Any]:
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
def results_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    data = dashboard_data(partnership)
    # Planned against actual, and the sectors' own blocks: whatever the installed sector apps
    # registered (a waste scenario's diversion rate, say).
    data["plans"] = selectors.planned_against_actual(
        user=request.user,
        partnership=partnership,
        tree=data["tree"],
        year=timezone.localdate().year,
    )
    data["panels"] = render_panels(registry.dashboard_panels(), request, partnership)
    return render(
        request,
        "programs/dashboard.html",
        _page(
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


@public_page
def accountability(request: HttpRequest, slug: str) -> HttpResponse:
    """Public: the programmes, progress, results and spending marked public. Anonymous visitors
    share a cached copy (core/public_cache.py): it is the page the public and the press load."""
    partnership: Partnership = get_object_or_404(
        Partnership.objects.filter(is_public=True), slug=slug
    )
    return render(
        request,
        "programs/accountability.html",
        {"partnership": partnership, **dashboard_data(partnership, public_only=True)},
    )


class MeetingListView(_PartnershipPage):
    template_name = "programs/meeting_list.html"
    form_class = f.MeetingForm
    service = services.meeting_create
    success_message = _("The meeting was recorded.")
    tab = "meetings"

    def get_success_url(self) -> str:
        return reverse("programs:meetings", args=[self.partnership.slug])

    refused_item: tuple[int, Any] | None = None  # (meeting, its refused action-item form)

    def extra(self) -> dict[str, Any]:
        meetings = list(selectors.meetings(self.partnership))
        # One form a meeting, each with its own ids, so every field's label finds it.
        item_forms = {m.pk: f.ActionItemForm(auto_id=_item_ids(m.pk)) for m in meetings}
        extra: dict[str, Any] = {}
        if self.refused_item:
            item_forms[self.refused_item[0]] = extra["error_form"] = self.refused_item[1]
        return {
            **extra,
            "meetings": meetings,
            "item_forms": item_forms,
            "today": timezone.localdate(),
        }


meeting_list = MeetingListView.as_view()


def _item_ids(pk: int | str) -> str:
    return f"id_item{pk}_%s"


def _meetings_refused(request: HttpRequest, slug: str, meeting: Any, form: Any) -> HttpResponse:
    """The meetings page again (400) with the refused action-item form at its meeting, the
    error beside the field and what was typed kept."""
    view = MeetingListView(refused_item=(meeting.pk, form))
    view.setup(request, slug=slug)
    view.partnership, view.access = (
        meeting.partnership,
        access_for(request.user, meeting.partnership),
    )
    context = view.get_context_data(form=f.MeetingForm(partnership=meeting.partnership))
    return render(request, view.template_name, context, status=400)


@login_required
def meeting_action(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """An action item of a meeting: added by the secretariat, marked done by it or its owner."""
    partnership = partnership_for(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, partnership=partnership)
    if request.method == "POST" and "item" in request.POST:
        form: Any = f.ItemStatusForm(request.POST, within=meeting)
        submit_form(
            request, form, services.action_item_set_status, _("The action item was updated.")
        )
    elif request.method == "POST":
        form = f.ActionItemForm(request.POST, auto_id=_item_ids(meeting.pk))
        added = submit_form(
            request,
            form,
            services.action_item_add,
            _("The action item was added."),
            on_form=True,
            meeting=meeting,
            owner=request.user,
        )
        if added is None:
            return _meetings_refused(request, slug, meeting, form)
    return redirect("programs:meetings", slug=slug)


@login_required
def clauses(request: HttpRequest, slug: str) -> HttpResponse:
    """The agreement's clauses → action-plan items → programmes → activities and indicators."""
    partnership = partnership_for(request, slug)
    service: Callable[..., Any]
    clause_tree = selectors.clause_tree(partnership)
    # One action-plan item form a clause, each with its own ids.
    item_forms = {c.pk: f.PlanItemForm(auto_id=_item_ids(c.pk)) for c in clause_tree}
    clause_form, refused = f.ClauseForm(), None
    if request.method == "POST":
        kwargs = {"partnership": partnership, "language": request.LANGUAGE_CODE}
        if request.POST.get("form") == "item":
            clause = request.POST.get("clause", "")
            form: Any = f.PlanItemForm(request.POST, within=partnership, auto_id=_item_ids(clause))
            service, success = services.plan_item_create, _("The action-plan item was added.")
            if clause.isdigit() and int(clause) in item_forms:
                item_forms[int(clause)] = form
        else:
            form = clause_form = f.ClauseForm(request.POST)
            service, success = services.clause_create, _("The clause was added.")
        if submit_form(request, form, service, success, on_form=True, **kwargs) is not None:
            return redirect("programs:clauses", slug=slug)
        refused = form
    context = _page(
        request,
        partnership,
        "clauses",
        clauses=clause_tree,
        clause_form=clause_form,
        item_forms=item_forms,
        error_form=refused,
    )
    return render(request, "programs/clauses.html", context, status=400 if refused else 200)
