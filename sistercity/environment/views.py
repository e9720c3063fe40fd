"""Thin views: a form, a service or selector, a page (or an XLSX / PDF of the same numbers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.environment import exports, forms, results, selectors, services, sipsn
from sistercity.environment.defaults import default_inputs
from sistercity.environment.models import DataSource
from sistercity.partnerships.models import Partnership


def _partnership(request, slug):
    return get_for_user_or_404(Partnership.objects, request.user, Action.VIEW, slug=slug)


def _scenario(request, partnership, code):
    return get_object_or_404(
        selectors.scenario_list(user=request.user, partnership=partnership), code=code
    )


def _municipalities(partnership):
    return list(partnership.municipalities.prefetch_related("translations").order_by("country"))


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
def index(request):
    """The waste pages of every partnership the user sees (straight in if there is one)."""
    from sistercity.partnerships.selectors import partnership_list

    partnerships = list(partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("environment:overview", slug=partnerships[0].slug)
    return render(request, "environment/index.html", {"partnerships": partnerships})


@login_required
def overview(request, slug):
    partnership = _partnership(request, slug)
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
            "can_edit": services.can_edit(request.user, partnership),
            "tab": "scenarios",
        },
    )


@login_required
def scenario_detail(request, slug, code):
    partnership = _partnership(request, slug)
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
            "can_edit": services.can_edit(request.user, partnership),
            "tab": "scenarios",
        },
    )


@login_required
def scenario_new(request, slug):
    partnership = _partnership(request, slug)
    if not services.can_edit(request.user, partnership):
        messages.error(request, _("Your role does not allow you to create scenarios here."))
        return redirect("environment:overview", slug=slug)
    existing = list(selectors.scenario_list(user=request.user, partnership=partnership))
    form = forms.NewScenarioForm(request.POST or None, scenarios=existing)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            template = next((s for s in existing if s.code == data["start_from"]), None)
            municipality = template.municipality if template else _municipalities(partnership)[0]
            inputs = dict(template.inputs) if template else default_inputs(municipality)
            try:
                scenario = services.scenario_create(
                    actor=request.user,
                    partnership=partnership,
                    municipality=municipality,
                    code=data["code"],
                    name=data["name"],
                    inputs=inputs,
                    language=request.LANGUAGE_CODE,
                    position=len(existing),
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The scenario was created; adjust it below."))
                return redirect("environment:scenario_edit", slug=slug, code=scenario.code)
        else:
            _form_errors(request, form)
    return render(
        request,
        "environment/scenario_new.html",
        {"partnership": partnership, "form": form, "tab": "scenarios"},
    )


@login_required
def scenario_edit(request, slug, code):
    partnership = _partnership(request, slug)
    scenario = _scenario(request, partnership, code)
    if not services.can_edit(request.user, partnership):
        messages.error(request, _("Your role does not allow you to change this scenario."))
        return redirect("environment:scenario", slug=slug, code=code)
    initial = forms.initial_from_inputs(scenario)
    facilities = forms.facility_initial(scenario.inputs)
    which = request.POST.get("form") if request.method == "POST" else None
    form = forms.ScenarioForm(request.POST if which == "settings" else None, initial=initial)
    formset = forms.FacilityFormSet(
        request.POST if which == "settings" else None, initial=facilities, prefix="facility"
    )
    json_form = forms.InputsJSONForm(
        request.POST if which == "json" else None, initial={"inputs": scenario.inputs}
    )
    if which == "settings":
        if form.is_valid() and formset.is_valid():
            inputs = forms.inputs_from_form(scenario.inputs, form)
            inputs["facilities"] = forms.facilities_from_formset(scenario.inputs, formset)
            data = form.cleaned_data
            try:
                services.scenario_update(
                    actor=request.user,
                    scenario=scenario,
                    inputs=inputs,
                    name=data["name"],
                    description=data["description"],
                    indicator_code=data["indicator_code"],
                    indicator_series=data["indicator_series"],
                    language=request.LANGUAGE_CODE,
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The scenario was saved and run again."))
                return redirect("environment:scenario", slug=slug, code=code)
        else:
            _form_errors(request, form)
            for facility_form in formset.forms:
                _form_errors(request, facility_form)
    elif which == "json":
        if json_form.is_valid():
            try:
                services.scenario_update(
                    actor=request.user, scenario=scenario, inputs=json_form.cleaned_data["inputs"]
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The scenario was saved and run again."))
                return redirect("environment:scenario", slug=slug, code=code)
        else:
            _form_errors(request, json_form)
    return render(
        request,
        "environment/scenario_edit.html",
        {
            "partnership": partnership,
            "scenario": scenario,
            "form": form,
            "formset": formset,
            "json_form": json_form,
            "tab": "scenarios",
        },
    )


@login_required
@require_POST
def scenario_delete(request, slug, code):
    partnership = _partnership(request, slug)
    scenario = _scenario(request, partnership, code)
    try:
        services.scenario_delete(actor=request.user, scenario=scenario)
    except SisterCityError as error:
        messages.error(request, str(error))
        return redirect("environment:scenario", slug=slug, code=code)
    messages.success(request, _("The scenario was deleted."))
    return redirect("environment:overview", slug=slug)


@login_required
def compare(request, slug):
    partnership = _partnership(request, slug)
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


def _report_context(request, partnership, scenario):
    report = results.build(scenario)
    results.monte_carlo(report)
    return {"partnership": partnership, "scenario": scenario, "report": report}


def report_html(request, slug, code) -> str:
    """The PDF report's HTML (what WeasyPrint renders), for the same numbers as the page."""
    partnership = _partnership(request, slug)
    scenario = _scenario(request, partnership, code)
    return render_to_string(
        "environment/scenario_report.html",
        _report_context(request, partnership, scenario),
        request=request,
    )


@login_required
def scenario_pdf(request, slug, code):
    html = report_html(request, slug, code)
    pdf = exports.pdf_from_html(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(code)}-report.pdf"'
    return response


@login_required
def scenario_xlsx(request, slug, code):
    partnership = _partnership(request, slug)
    scenario = _scenario(request, partnership, code)
    report = results.build(scenario, with_charts=False)
    results.monte_carlo(report)
    response = HttpResponse(
        exports.scenario_xlsx(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(code)}-results.xlsx"'
    return response


@login_required
def data(request, slug):
    partnership = _partnership(request, slug)
    can_edit = services.can_edit(request.user, partnership)
    municipalities = _municipalities(partnership)
    sources = list(selectors.source_list(user=request.user, partnership=partnership))
    figure_form = forms.FigureForm(municipalities=municipalities, sources=sources)
    source_form = forms.SourceForm()
    import_form = forms.ImportForm(municipalities=municipalities)
    if request.method == "POST":
        which = request.POST.get("form")
        try:
            if which == "figure":
                figure_form = forms.FigureForm(
                    request.POST, municipalities=municipalities, sources=sources
                )
                if figure_form.is_valid():
                    cleaned = dict(figure_form.cleaned_data)
                    services.figure_record(
                        actor=request.user,
                        partnership=partnership,
                        municipality=next(
                            m for m in municipalities if str(m.pk) == cleaned.pop("municipality")
                        ),
                        source=DataSource.objects.get(pk=cleaned.pop("source")),
                        **cleaned,
                    )
                    messages.success(request, _("The figure was recorded."))
                    return redirect("environment:data", slug=slug)
                _form_errors(request, figure_form)
            elif which == "source":
                source_form = forms.SourceForm(request.POST)
                if source_form.is_valid():
                    services.source_create(
                        actor=request.user,
                        partnership=partnership,
                        language=request.LANGUAGE_CODE,
                        **source_form.cleaned_data,
                    )
                    messages.success(request, _("The source was added."))
                    return redirect("environment:data", slug=slug)
                _form_errors(request, source_form)
            elif which == "import":
                import_form = forms.ImportForm(
                    request.POST, request.FILES, municipalities=municipalities
                )
                if import_form.is_valid():
                    counts = services.figures_import(
                        actor=request.user,
                        partnership=partnership,
                        municipality=next(
                            m
                            for m in municipalities
                            if str(m.pk) == import_form.cleaned_data["municipality"]
                        ),
                        file=import_form.cleaned_data["file"],
                        language=request.LANGUAGE_CODE,
                    )
                    messages.success(
                        request,
                        _("{created} figures imported, {unchanged} already there.").format(
                            **counts
                        ),
                    )
                    return redirect("environment:data", slug=slug)
                _form_errors(request, import_form)
        except SisterCityError as error:
            messages.error(request, str(error))
    return render(
        request,
        "environment/data.html",
        {
            "partnership": partnership,
            "groups": selectors.figure_groups(user=request.user, partnership=partnership),
            "facilities": selectors.facility_list(user=request.user, partnership=partnership),
            "sources": sources,
            "figure_form": figure_form,
            "source_form": source_form,
            "import_form": import_form,
            "can_edit": can_edit,
            "tab": "data",
        },
    )


@login_required
def data_export(request, slug, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    partnership = _partnership(request, slug)
    figures = selectors.figure_list(user=request.user, partnership=partnership)
    if fmt == "csv":
        response = HttpResponse(sipsn.write_csv(figures), content_type="text/csv; charset=utf-8")
    else:
        facilities = selectors.facility_list(user=request.user, partnership=partnership)
        response = HttpResponse(
            sipsn.write_xlsx(figures, facilities),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-sipsn.{fmt}"'
    return response
