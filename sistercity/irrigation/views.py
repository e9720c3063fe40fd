"""Thin pages: a selector or a service, a template (or the XLSX / PDF of the same numbers)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
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
            "structures": scheme.structures.all(),
            "drops": scheme.drops.all(),
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


# --- edit pages: one form, one service; a refusal shows the form again (400) -----------------


def _edit_page(
    request: HttpRequest,
    partnership: Any,
    /,
    *,
    form: Any,
    service: Any,
    success: str,
    done: Any,
    back: str,
    title: str,
    **kwargs: Any,
) -> HttpResponse:
    """GET shows ``form``; a POST hands its cleaned data (and ``kwargs``) to ``service`` and
    goes to ``done(result)``. A refusal, by the form or by the service (at its field), shows
    the form again with status 400 and nothing saved. Members who may not change irrigation
    data get 403; outsiders never get here (404 before)."""
    if not _can_change(request, partnership):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result = run_service_on_form(
                request, form, service, success, **form.cleaned_data, **kwargs
            )
            if result:
                return redirect(done(result))
        status = 400
    context = {
        "partnership": partnership,
        "scheme": kwargs.get("scheme"),
        "form": form,
        "title": title,
        "back": back,
    }
    return render(request, "irrigation/edit.html", context, status=status)


def _scheme_url(slug: str, code: str) -> str:
    return reverse("irrigation:scheme", kwargs={"slug": slug, "code": code})


@login_required
def scheme_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    return _edit_page(
        request,
        partnership,
        form=forms.SchemeForm(request.POST or None, partnership=partnership),
        service=services.scheme_save,
        success=_("The scheme was added."),
        done=lambda scheme: _scheme_url(slug, scheme.code),
        back=reverse("irrigation:overview", kwargs={"slug": slug}),
        title=_("New irrigation scheme"),
        partnership=partnership,
    )


@login_required
def scheme_edit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    return _edit_page(
        request,
        partnership,
        form=forms.SchemeForm(request.POST or None, instance=scheme, partnership=partnership),
        service=services.scheme_save,
        success=_("The scheme was saved."),
        done=lambda saved: _scheme_url(slug, saved.code),
        back=_scheme_url(slug, code),
        title=_("Edit the scheme"),
        scheme=scheme,
        partnership=partnership,
    )


def _part_page(
    request: HttpRequest,
    slug: str,
    code: str,
    *,
    rows: str,
    key: dict[str, Any] | None,
    form_class: Any,
    service: Any,
    success: str,
    titles: tuple[str, str],
    row_argument: str,
    **extra: Any,
) -> HttpResponse:
    """The edit page of one part of a scheme (``scheme.<rows>``): a new one when ``key`` is
    None, else the row ``key`` finds (404 when the scheme has none such), its values as the
    form's initial ones."""
    partnership = partnership_for(request, slug)
    scheme = _scheme(request, partnership, code)
    row = get_object_or_404(getattr(scheme, rows).all(), **key) if key else None
    initial = {name: getattr(row, name) for name in form_class.base_fields} if row else None
    back = _scheme_url(slug, code)
    return _edit_page(
        request,
        partnership,
        form=form_class(request.POST or None, initial=initial),
        service=service,
        success=success,
        done=lambda _saved: f"{back}#{rows}",
        back=back,
        title=titles[0] if row else titles[1],
        scheme=scheme,
        **{row_argument: row},
        **extra,
    )


@login_required
def group_edit(request: HttpRequest, slug: str, code: str, group: str | None = None):
    return _part_page(
        request,
        slug,
        code,
        rows="groups",
        key={"code": group} if group else None,
        form_class=forms.RotationGroupForm,
        service=services.rotation_group_edit,
        success=_("The golongan was saved."),
        titles=(_("Edit golongan {group}").format(group=group), _("New golongan")),
        row_argument="group",
    )


@login_required
def association_edit(request: HttpRequest, slug: str, code: str, pk: int | None = None):
    return _part_page(
        request,
        slug,
        code,
        rows="associations",
        key={"pk": pk} if pk else None,
        form_class=forms.AssociationForm,
        service=services.association_save,
        success=_("The water-user association was saved."),
        titles=(_("Edit the water-user association"), _("New water-user association")),
        row_argument="association",
    )


@login_required
def structure_edit(request: HttpRequest, slug: str, code: str, pk: int | None = None):
    return _part_page(
        request,
        slug,
        code,
        rows="structures",
        key={"pk": pk} if pk else None,
        form_class=forms.StructureForm,
        service=services.structure_save,
        success=_("The canal or structure was saved."),
        titles=(_("Edit the canal or structure"), _("New canal or structure")),
        row_argument="structure",
    )


@login_required
def drop_edit(request: HttpRequest, slug: str, code: str, pk: int | None = None):
    return _part_page(
        request,
        slug,
        code,
        rows="drops",
        key={"pk": pk} if pk else None,
        form_class=forms.DropForm,
        service=services.drop_save,
        success=_("The canal drop was saved."),
        titles=(_("Edit the canal drop"), _("New canal drop")),
        row_argument="drop",
        replace=False,
    )


@login_required
def station_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    return _edit_page(
        request,
        partnership,
        form=forms.StationForm(request.POST or None),
        service=services.station_save,
        success=_("The climate station was added."),
        done=lambda station: reverse("irrigation:station", args=[slug, station.code]),
        back=reverse("irrigation:overview", kwargs={"slug": slug}),
        title=_("New climate station"),
        partnership=partnership,
    )


@login_required
def station_edit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    station = _station(request, partnership, code)
    return _edit_page(
        request,
        partnership,
        form=forms.StationForm(request.POST or None, instance=station),
        service=services.station_save,
        success=_("The climate station was saved."),
        done=lambda saved: reverse("irrigation:station", args=[slug, saved.code]),
        back=reverse("irrigation:station", args=[slug, code]),
        title=_("Edit the climate station"),
        partnership=partnership,
        station=station,
    )
