"""Downloads and uploads of a partnership's programme data: IATI XML, CSV, XLSX, the XLSX
import (a background job) and the public open-data ZIPs."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.partnerships.models import Partnership
from sistercity.programs import iati, opendata, services, tabular
from sistercity.reports import services as job_services
from sistercity.reports.models import Job, JobKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLSX workbook"))


def _partnership(request, slug):
    return get_for_user_or_404(Partnership.objects, request.user, Action.VIEW, slug=slug)


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def may_import(user, partnership) -> bool:
    return Partnership.objects.for_user(user, Action.CHANGE).filter(
        pk=partnership.pk
    ).exists() or bool(services.agency_officer_pillars(user, partnership))


@login_required
def exports(request, slug):
    partnership = _partnership(request, slug)
    can_import = may_import(request.user, partnership)
    jobs = (
        Job.objects.for_user(request.user)
        .filter(partnership=partnership, kind=JobKind.IMPORT)
        .order_by("-created_at")[:10]
    )
    can = Partnership.objects.for_user(request.user, Action.AUDIT).filter(pk=partnership.pk)
    return render(
        request,
        "programs/exports/exports.html",
        {
            "partnership": partnership,
            "tab": "exports",
            "can_import": can_import,
            "can_audit": can.exists(),
            "form": ImportForm(),
            "jobs": jobs,
            "tables": tabular.SHEETS,
            "limit": filesizeformat(tabular.max_import_bytes()),
        },
    )


@login_required
def export_iati(request, slug):
    partnership = _partnership(request, slug)
    try:
        xml = iati.export_iati(partnership)
    except SisterCityError as error:
        messages.error(request, str(error))
        return redirect("programs:exports", slug=slug)
    return download(xml, iati.filename(partnership), "application/xml")


@login_required
def export_xlsx(request, slug):
    partnership = _partnership(request, slug)
    return download(tabular.export_xlsx(partnership), tabular.filename(partnership, "xlsx"), XLSX)


@login_required
def export_csv_zip(request, slug):
    partnership = _partnership(request, slug)
    return download(
        tabular.export_csv_zip(partnership),
        f"programmes-{partnership.slug}-csv.zip",
        "application/zip",
    )


@login_required
def export_csv(request, slug, table):
    partnership = _partnership(request, slug)
    if table not in tabular.COLUMNS:
        raise Http404
    return download(
        tabular.export_csv(partnership, table),
        f"{table}-{partnership.slug}.csv",
        "text/csv; charset=utf-8",
    )


@login_required
@require_POST
def import_xlsx(request, slug):
    partnership = _partnership(request, slug)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an XLSX file to import."))
        return redirect("programs:exports", slug=slug)
    try:
        job = job_services.job_start_import(
            actor=request.user,
            partnership=partnership,
            upload=form.cleaned_data["file"],
            language=request.LANGUAGE_CODE,
        )
    except SisterCityError as error:
        messages.error(request, str(error))
        return redirect("programs:exports", slug=slug)
    messages.success(request, _("The file is being checked and imported."))
    return redirect("reports:job", pk=job.pk)


def open_data_index(request):
    """Public: the open-data downloads of every public partnership."""
    return render(
        request,
        "programs/exports/open_data.html",
        {"partnerships": opendata.public_partnerships().order_by("slug")},
    )


def open_data_all(request):
    return download(opendata.all_zip(), "sistercity-open-data.zip", "application/zip")


def open_data(request, slug):
    partnership = get_object_or_404(opendata.public_partnerships(), slug=slug)
    return download(
        opendata.partnership_zip(partnership),
        f"{partnership.slug}-open-data.zip",
        "application/zip",
    )
