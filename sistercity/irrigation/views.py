"""Thin pages: a selector or a service, a template (or the XLSX / PDF of the same numbers)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.pdf import pdf_from_html
from sistercity.core.views import file_response, partnership_for, run_service, submit_form
from sistercity.irrigation import exports, forms, selectors, services
from sistercity.irrigation.choices import IKSI_SOURCE, IKSI_WEIGHTS, IksiComponent
from sistercity.irrigation.climate import FILL_METHODS
from sistercity.irrigation.presentation import climate_view, water_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _can_change(request: HttpRequest, partnership: Any) -> bool:
    return access_for(request.user, partnership).can(Action.CHANGE, pillar=services.PILLAR)


def _scheme(request: HttpRequest, partnership: Any, code: str):
    return get_object_or_404(selectors.schemes_for(request.user, partnership), code=code)


def _station(request: HttpRequest, partnership: Any, code: str):
    return get_object_or_404(selectors.stations_for(request.user, partnership), code=code)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    from sistercity.partnerships.selectors import partnership_list

    partnerships = list(partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("irrigation:overview", slug=partnerships[0].slug)
    return render(request, "irrigation/index.html", {"partnerships": partnerships})


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    return render(
        request,
        "irrigation/overview.html",
        {
            "partnership": partnership,
            "ranking": selectors.rehabilitation_ranking(request.user, partnership),
            "stations": selectors.stations_for(request.user, partnership),
            "drops": selectors.drops_ranked(request.user, partnership),
            "weights": [(IksiComponent(c).label, w) for c, w in IKSI_WEIGHTS.items()],
            "iksi_source": IKSI_SOURCE,
            "can_edit": _can_change(request, partnership),
        },
    )


@login_required
def scheme_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    iksi_form = forms.IksiForm(request.POST or None, prefix="iksi")
    if request.method == "POST" and submit_form(
        request,
        iksi_form,
        services.iksi_record,
        _("The assessment was recorded."),
        scheme=scheme,
        on_form=True,
    ):
        return redirect("irrigation:scheme", slug=slug, code=code)
    water = selectors.scheme_water(scheme)
    return render(
        request,
        "irrigation/scheme.html",
        {
            "partnership": partnership,
            "scheme": scheme,
            "water": water_view(water, scheme) if water else None,
            "groups": scheme.groups.all(),
            "shift_choices": range(7),
            "assessment": scheme.latest_assessment(),
            "iksi_form": iksi_form,
            "season_form": forms.SeasonStartForm(initial={"season_start": scheme.season_start}),
            "can_edit": _can_change(request, partnership),
        },
    )


@login_required
@require_POST
def group_shift(request: HttpRequest, slug: str, code: str, group: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    rotation_group = get_object_or_404(scheme.groups.all(), code=group)
    form = forms.GroupShiftForm(request.POST)
    submit_form(
        request,
        form,
        services.rotation_group_shift,
        _("The planting date of golongan {group} was moved.").format(group=group),
        group=rotation_group,
    )
    return redirect("irrigation:scheme", slug=slug, code=code)


@login_required
@require_POST
def rotation_apply(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    run_service(
        request,
        services.rotation_apply_plan,
        _("The suggested rotation was applied."),
        scheme=scheme,
    )
    return redirect("irrigation:scheme", slug=slug, code=code)


@login_required
def station_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    station = _station(request, partnership, code)
    form = forms.BmkgUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            count = run_service(
                request,
                services.climate_import_bmkg,
                None,
                station=station,
                content=form.cleaned_data["file"].read(),
            )
            if count:
                from django.contrib import messages

                messages.success(request, _("{count} days were imported.").format(count=count))
                return redirect("irrigation:station", slug=slug, code=code)
        else:
            from sistercity.core.views import form_errors

            form_errors(request, form)
    climate = selectors.station_climate(station)
    return render(
        request,
        "irrigation/station.html",
        {
            "partnership": partnership,
            "station": station,
            "climate": climate_view(climate) if climate else None,
            "fill_methods": FILL_METHODS.values(),
            "form": form,
            "can_edit": _can_change(request, partnership),
        },
    )


@login_required
def scheme_xlsx(request: HttpRequest, slug: str, code: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    content = exports.scheme_workbook(scheme, selectors.scheme_water(scheme))
    return file_response(content, filename=f"{scheme.code}.xlsx", content_type=XLSX)


@login_required
def scheme_pdf(request: HttpRequest, slug: str, code: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    water = selectors.scheme_water(scheme)
    html = render_to_string(
        "irrigation/scheme_report.html",
        {
            "partnership": partnership,
            "scheme": scheme,
            "water": water_view(water, scheme) if water else None,
            "groups": scheme.groups.all(),
            "assessment": scheme.latest_assessment(),
        },
        request=request,
    )
    return file_response(
        pdf_from_html(html), filename=f"{scheme.code}.pdf", content_type="application/pdf"
    )
