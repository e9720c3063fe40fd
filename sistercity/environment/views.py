"""Thin views: a form, a service or selector, a page (or an XLSX / PDF of the same numbers)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.pdf import pdf_from_html
from sistercity.core.views import (
    file_response,
    partnership_for,
    run_service,
    run_service_on_form,
    submit_form,
)
from sistercity.environment import exports, forms, results, selectors, services, sipsn
from sistercity.environment.defaults import default_inputs
from sistercity.environment.models import WasteScenario

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _can_change(request: HttpRequest, partnership: Any) -> bool:
    return access_for(request.user, partnership).can(Action.CHANGE, pillar=services.PILLAR)


def _scenario(request: HttpRequest, partnership: Any, code: str) -> WasteScenario:
    return get_object_or_404(
        selectors.scenario_list(user=request.user, partnership=partnership), code=code
    )


def _municipalities(partnership: Any) -> list[Any]:
    return list(partnership.municipalities.prefetch_related("translations").order_by("country"))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The waste pages of every partnership the user sees (straight in if there is one)."""
    from sistercity.partnerships.selectors import partnership_list

    partnerships = list(partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("environment:overview", slug=partnerships[0].slug)
    return render(request, "environment/index.html", {"partnerships": partnerships})


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scenarios = list(selectors.scenario_list(user=request.user, partnership=partnership))
    rows = []
    for scenario in scenarios:
        report = results.build(scenario, with_charts=False)
        rows.append({"scenario": scenario, "summary": report.summary})
    return render(
        request,
        "environment/overview.html",
        {
            "partnership": partnership,
            "rows": rows,
            "can_edit": _can_change(request, partnership),
            "tab": "scenarios",
        },
    )


@login_required
def scenario_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scenario = _scenario(request, partnership, code)
    year = request.GET.get("year")
    report = results.build(scenario, sankey_year=int(year) if year and year.isdigit() else None)
    results.monte_carlo(report)
    return render(
        request,
        "environment/scenario_detail.html",
        {
            "partnership": partnership,
            "scenario": scenario,
            "report": report,
            "can_edit": _can_change(request, partnership),
            "tab": "scenarios",
        },
    )


@login_required
def scenario_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    if not _can_change(request, partnership):
        messages.error(request, _("Your role does not allow you to create scenarios here."))
        return redirect("environment:overview", slug=slug)
    existing = list(selectors.scenario_list(user=request.user, partnership=partnership))
    form = forms.NewScenarioForm(request.POST or None, scenarios=existing)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            template = next((s for s in existing if s.code == data["start_from"]), None)
            municipality = template.municipality if template else _municipalities(partnership)[0]
            scenario = run_service_on_form(
                request,
                form,
                services.scenario_create,
                _("The scenario was created; adjust it below."),
                partnership=partnership,
                municipality=municipality,
                code=data["code"],
                name=data["name"],
                inputs=dict(template.inputs) if template else default_inputs(municipality),
                language=request.LANGUAGE_CODE,
                position=len(existing),
            )
            if scenario is not None:
                return redirect("environment:scenario_edit", slug=slug, code=scenario.code)
    return render(
        request,
        "environment/scenario_new.html",
        {"partnership": partnership, "form": form, "tab": "scenarios"},
    )


def _save_settings(request: HttpRequest, scenario: WasteScenario, form: Any, formset: Any) -> Any:
    """The settings form and its facilities, turned back into the engine's inputs and saved;
    None when a form or the service refused (the reasons stay on the form, at their fields)."""
    if not (form.is_valid() and formset.is_valid()):
        if not form.errors and any(f.errors for f in formset.forms):
            form.add_error(None, _("Check the facilities table."))
        return None
    inputs = forms.inputs_from_form(scenario.inputs, form)
    inputs["facilities"] = forms.facilities_from_formset(scenario.inputs, formset)
    data = form.cleaned_data
    return run_service_on_form(
        request,
        form,
        services.scenario_update,
        _("The scenario was saved and run again."),
        scenario=scenario,
        inputs=inputs,
        name=data["name"],
        description=data["description"],
        indicator_code=data["indicator_code"],
        indicator_series=data["indicator_series"],
        language=request.LANGUAGE_CODE,
    )


@login_required
def scenario_edit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scenario = _scenario(request, partnership, code)
    if not _can_change(request, partnership):
        messages.error(request, _("Your role does not allow you to change this scenario."))
        return redirect("environment:scenario", slug=slug, code=code)
    which = request.POST.get("form") if request.method == "POST" else None
    settings_data = request.POST if which == "settings" else None
    form = forms.ScenarioForm(settings_data, initial=forms.initial_from_inputs(scenario))
    formset = forms.FacilityFormSet(
        settings_data, initial=forms.facility_initial(scenario.inputs), prefix="facility"
    )
    json_form = forms.InputsJSONForm(
        request.POST if which == "json" else None, initial={"inputs": scenario.inputs}
    )
    saved = None
    if which == "settings":
        saved = _save_settings(request, scenario, form, formset)
    elif which == "json":
        saved = submit_form(
            request,
            json_form,
            services.scenario_update,
            _("The scenario was saved and run again."),
            on_form=True,
            scenario=scenario,
        )
    if saved is not None:
        return redirect("environment:scenario", slug=slug, code=code)
    return render(
        request,
        "environment/scenario_edit.html",
        {
            "partnership": partnership,
            "scenario": scenario,
            "form": form,
            "formset": formset,
            "json_form": json_form,
            "error_form": json_form if json_form.errors else form,
            "tab": "scenarios",
        },
    )


@login_required
@require_POST
def scenario_delete(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scenario = _scenario(request, partnership, code)
    deleted = run_service(
        request, services.scenario_delete, _("The scenario was deleted."), scenario=scenario
    )
    if deleted is None:
        return redirect("environment:scenario", slug=slug, code=code)
    return redirect("environment:overview", slug=slug)


@login_required
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    available = list(selectors.scenario_list(user=request.user, partnership=partnership))
    chosen = request.GET.getlist("s") or [s.code for s in available[:2]]
    scenarios = [s for s in available if s.code in chosen]
    reports = [results.build(s, with_charts=False) for s in scenarios]
    return render(
        request,
        "environment/compare.html",
        {
            "partnership": partnership,
            "available": available,
            "chosen": chosen,
            "reports": reports,
            "comparison": results.comparison(reports) if reports else None,
            "tab": "compare",
        },
    )


def _report_context(request: HttpRequest, partnership: Any, scenario: WasteScenario) -> dict:
    report = results.build(scenario)
    results.monte_carlo(report)
    return {"partnership": partnership, "scenario": scenario, "report": report}


def report_html(request: HttpRequest, slug: str, code: str) -> str:
    """The PDF report's HTML (what WeasyPrint renders), for the same numbers as the page."""
    partnership = partnership_for(request, slug)
    scenario = _scenario(request, partnership, code)
    return render_to_string(
        "environment/scenario_report.html",
        _report_context(request, partnership, scenario),
        request=request,
    )


@login_required
def scenario_pdf(request: HttpRequest, slug: str, code: str) -> HttpResponseBase:
    html = report_html(request, slug, code)
    pdf = pdf_from_html(html, base_url=request.build_absolute_uri("/"))
    return file_response(
        pdf,
        filename=f"{slugify(code)}-report.pdf",
        content_type="application/pdf",
        as_attachment=False,
    )


@login_required
def scenario_xlsx(request: HttpRequest, slug: str, code: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    scenario = _scenario(request, partnership, code)
    report = results.build(scenario, with_charts=False)
    results.monte_carlo(report)
    return file_response(
        exports.scenario_xlsx(report), filename=f"{slugify(code)}-results.xlsx", content_type=XLSX
    )


def _data_post(request: HttpRequest, partnership: Any, which: str | None, posted: Any) -> Any:
    """Hand the posted form of the data page to its service; None when nothing was saved."""
    if which == "figure":
        return submit_form(
            request,
            posted,
            services.figure_record,
            _("The figure was recorded."),
            partnership=partnership,
        )
    if which == "source":
        return submit_form(
            request,
            posted,
            services.source_create,
            _("The source was added."),
            partnership=partnership,
            language=request.LANGUAGE_CODE,
        )
    if which == "import":
        counts = submit_form(
            request,
            posted,
            services.figures_import,
            partnership=partnership,
            language=request.LANGUAGE_CODE,
        )
        if counts is not None:
            messages.success(
                request,
                _("{created} figures imported, {unchanged} already there.").format(**counts),
            )
        return counts
    return None


@login_required
def data(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    municipalities = _municipalities(partnership)
    sources = list(selectors.source_list(user=request.user, partnership=partnership))
    which = request.POST.get("form") if request.method == "POST" else None

    def bound(name: str) -> Any:
        return request.POST if which == name else None

    page_forms = {
        "figure": forms.FigureForm(bound("figure"), municipalities=municipalities, sources=sources),
        "source": forms.SourceForm(bound("source")),
        "import": forms.ImportForm(
            bound("import"),
            request.FILES if which == "import" else None,
            municipalities=municipalities,
        ),
    }
    if which in page_forms and _data_post(request, partnership, which, page_forms[which]):
        return redirect("environment:data", slug=slug)
    return render(
        request,
        "environment/data.html",
        {
            "partnership": partnership,
            "groups": selectors.figure_groups(user=request.user, partnership=partnership),
            "facilities": selectors.facility_list(user=request.user, partnership=partnership),
            "sources": sources,
            "figure_form": page_forms["figure"],
            "source_form": page_forms["source"],
            "import_form": page_forms["import"],
            "can_edit": _can_change(request, partnership),
            "tab": "data",
        },
    )


@login_required
def data_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    partnership = partnership_for(request, slug)
    figures = selectors.figure_list(user=request.user, partnership=partnership)
    filename = f"{partnership.slug}-sipsn.{fmt}"
    if fmt == "csv":
        return file_response(
            sipsn.write_csv(figures).encode(),
            filename=filename,
            content_type="text/csv; charset=utf-8",
        )
    facilities = selectors.facility_list(user=request.user, partnership=partnership)
    return file_response(
        sipsn.write_xlsx(figures, facilities), filename=filename, content_type=XLSX
    )
