"""The pipeline's pages: leads with the funnel, a lead's dossier, companies, delegations,
realised investment and the exports."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sistercity.core.views import file_response, partnership_for, submit_form
from sistercity.investment import choices as c
from sistercity.investment import exports, forms, selectors, services
from sistercity.investment.models import Delegation
from sistercity.investment.services.common import CHANGE_REFUSED
from sistercity.investment.services.realisation import FIGURES
from sistercity.investment.views.common import (
    PageForm,
    forms_context,
    handle_post,
    tabs_context,
)

LEAD_LIST_FORMS = {
    "lead": PageForm(
        forms.LeadForm, services.lead_create, gettext_lazy("The lead was added."), scoped=True
    ),
}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    from sistercity.partnerships.selectors import partnership_list

    partnerships = list(partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("investment:pipeline", slug=partnerships[0].slug)
    if not partnerships:
        return redirect("investment:my_dossier")
    return render(request, "investment/index.html", {"partnerships": partnerships})


@login_required
def pipeline(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = tabs_context(request, partnership, "pipeline")
    if request.method == "POST":
        lead = handle_post(request, partnership, LEAD_LIST_FORMS, partnership=partnership)
        if lead:
            return redirect("investment:lead", slug=slug, reference=lead.reference)
    stage = request.GET.get("stage", "")
    leads = list(selectors.lead_list(user=request.user, partnership=partnership))
    shown = [lead for lead in leads if not stage or lead.stage == stage]
    return render(
        request,
        "investment/pipeline.html",
        {
            **context,
            "leads": shown,
            "stage": stage,
            "stages": c.Stage.choices,
            "summary": selectors.pipeline_summary(leads),
            "overdue": list(selectors.overdue_leads(user=request.user, partnership=partnership)),
            **forms_context(request, partnership, LEAD_LIST_FORMS, context["can_edit"]),
        },
    )


LEAD_FORMS = {
    "advance": PageForm(forms.AdvanceForm, services.lead_advance, gettext_lazy("The lead moved.")),
    "document": PageForm(
        forms.DocumentForm,
        services.document_attach,
        gettext_lazy("The document was attached."),
        scoped=True,
    ),
    "realisation": PageForm(
        forms.RealisationForm,
        services.realisation_record,
        gettext_lazy("The quarter's realised investment was recorded."),
    ),
    "plan": PageForm(
        forms.LeadPlanForm, services.lead_plan, gettext_lazy("The lead was updated."), scoped=True
    ),
}


@login_required
def lead_detail(request: HttpRequest, slug: str, reference: Any) -> HttpResponse:
    partnership = partnership_for(request, slug)
    lead = selectors.lead_for_reading(
        user=request.user, partnership=partnership, reference=reference
    )
    context = tabs_context(request, partnership, "pipeline")
    if request.method == "POST":
        if handle_post(request, partnership, LEAD_FORMS, lead=lead):
            return redirect("investment:lead", slug=slug, reference=lead.reference)
        lead.refresh_from_db()
    shown = forms_context(request, partnership, LEAD_FORMS, context["can_edit"])
    unbound = shown["forms"]
    if "plan" in unbound and not unbound["plan"].is_bound:
        unbound["plan"] = forms.LeadPlanForm(
            partnership=partnership,
            user=request.user,
            initial={
                "company": lead.company_id,
                "owner": lead.owner_id,
                "expected_investment": lead.expected_investment,
                "currency": lead.currency,
                "expected_jobs": lead.expected_jobs,
                "probability": lead.probability,
                "next_step": lead.next_step,
                "next_step_due": lead.next_step_due,
                "confidential": lead.confidential,
            },
        )
    next_stages = [
        {"stage": s, "label": c.Stage(s).label, "missing": _labels(services.missing_for(lead, s))}
        for s in c.STAGE_ORDER
        if s != lead.stage
    ]
    return render(
        request,
        "investment/lead_detail.html",
        {
            **context,
            "lead": lead,
            "moves": lead.moves.select_related("moved_by"),
            "documents": lead.documents.select_related("delegation"),
            "realisations": lead.realisations.order_by("year", "quarter"),
            "delegations": Delegation.objects.filter(leads=lead).prefetch_related("translations"),
            "next_stages": next_stages,
            **shown,
        },
    )


@login_required
def realisation_correct(request: HttpRequest, slug: str, reference: Any, pk: int) -> HttpResponse:
    """Correct a recorded quarter's figures, with the reason; the change log keeps both."""
    partnership = partnership_for(request, slug)
    lead = selectors.lead_for_reading(
        user=request.user, partnership=partnership, reference=reference
    )
    context = tabs_context(request, partnership, "pipeline")
    if not context["can_edit"]:
        raise PermissionDenied(CHANGE_REFUSED)
    record = get_object_or_404(lead.realisations.all(), pk=pk)
    initial = {name: getattr(record, name) for name in FIGURES}
    form = forms.RealisationCorrectionForm(
        request.POST or None, initial={**initial, "note": record.note}
    )
    done = submit_form(
        request,
        form,
        services.realisation_correct,
        gettext_lazy("The quarter's figures were corrected."),
        on_form=True,
        realisation=record,
    )
    if done:
        return redirect("investment:lead", slug=slug, reference=lead.reference)
    return render(
        request,
        "investment/realisation_correct.html",
        {**context, "lead": lead, "record": record, "form": form},
    )


def _labels(codes: list[str]) -> list[Any]:
    labels = dict(c.Requirement.choices)
    return [labels[code] for code in codes]


@login_required
def lead_document(request: HttpRequest, slug: str, reference: Any, pk: int) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    lead = selectors.lead_for_reading(
        user=request.user, partnership=partnership, reference=reference
    )
    document = lead.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    return file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


COMPANY_FORMS = {
    "company": PageForm(
        forms.CompanyForm,
        services.company_create,
        gettext_lazy("The company was added."),
        scoped=True,
    ),
    "contact": PageForm(
        forms.ContactForm,
        services.contact_add,
        gettext_lazy("The contact was added."),
        scoped=True,
    ),
}


@login_required
def company_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = tabs_context(request, partnership, "companies")
    if request.method == "POST":
        # A company belongs to the partnership; a contact to the company the form names.
        new_company = request.POST.get("form") == "company"
        extra = {"partnership": partnership} if new_company else {}
        if handle_post(request, partnership, COMPANY_FORMS, **extra):
            return redirect("investment:companies", slug=slug)
    return render(
        request,
        "investment/companies.html",
        {
            **context,
            "companies": selectors.companies(user=request.user, partnership=partnership),
            **forms_context(request, partnership, COMPANY_FORMS, context["can_edit"]),
        },
    )


DELEGATION_FORMS = {
    "delegation": PageForm(
        forms.DelegationForm,
        services.delegation_record,
        gettext_lazy("The delegation was recorded."),
        scoped=True,
    ),
}


@login_required
def delegation_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = tabs_context(request, partnership, "delegations")
    if request.method == "POST":
        done = handle_post(
            request,
            partnership,
            DELEGATION_FORMS,
            partnership=partnership,
            language=request.LANGUAGE_CODE,
        )
        if done:
            return redirect("investment:delegations", slug=slug)
    return render(
        request,
        "investment/delegations.html",
        {
            **context,
            "delegations": selectors.delegations(user=request.user, partnership=partnership),
            **forms_context(request, partnership, DELEGATION_FORMS, context["can_edit"]),
        },
    )


@login_required
def realised(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    rows = exports.lkpm_rows(selectors.realisations(user=request.user, partnership=partnership))
    return render(
        request,
        "investment/realised.html",
        {
            **tabs_context(request, partnership, "realised"),
            "header": rows[0],
            "rows": rows[1:],
            "realised_idr": selectors.realised_investment_idr(partnership),
            "jobs": selectors.jobs_created(partnership),
        },
    )


@login_required
def export(request: HttpRequest, slug: str, table: str, fmt: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    if fmt not in ("xlsx", "csv") or table not in ("pipeline", "lkpm"):
        raise Http404
    if table == "pipeline":
        leads = list(selectors.lead_list(user=request.user, partnership=partnership))
        selectors.log_confidential_reads(request.user, leads)
        rows = exports.pipeline_rows(leads)
        title = _("Pipeline")
    else:
        rows = exports.lkpm_rows(selectors.realisations(user=request.user, partnership=partnership))
        title = _("LKPM realisation")
    filename = f"{partnership.slug}-{table}.{fmt}"
    if fmt == "xlsx":
        return file_response(
            exports.as_xlsx(rows, title), filename=filename, content_type=exports.XLSX
        )
    return file_response(exports.as_csv(rows), filename=filename, content_type=exports.CSV)


@login_required
def my_dossier(request: HttpRequest) -> HttpResponse:
    """A company contact's own dossier: their company's leads, stages and realised figures."""
    leads = list(selectors.contact_dossiers(user=request.user))
    return render(request, "investment/my_dossier.html", {"leads": leads})
