"""Job pages: the exports tab with its XLSX import, the M&E report request, a job's progress and
its result. The downloads made on the spot (IATI, XLSX, CSV, open data) are programs' pages."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import access_for
from sistercity.core.views import (
    file_response,
    partnership_for,
    run_service,
    run_service_on_form,
)
from sistercity.programs import iati, tabular
from sistercity.reports import selectors, services
from sistercity.reports.forms import ImportForm, MeReportForm
from sistercity.reports.me_report import TEXTS as REPORT_TEXTS
from sistercity.reports.models import JobKind


@login_required
def exports(request: HttpRequest, slug: str) -> HttpResponse:
    """The exports tab: the downloads, and the import form for those who may change a pillar."""
    partnership = partnership_for(request, slug)
    access = access_for(request.user, partnership)
    jobs = selectors.recent_jobs(user=request.user, partnership=partnership, kind=JobKind.IMPORT)
    return render(
        request,
        "reports/exports.html",
        {
            "partnership": partnership,
            "tab": "exports",
            "can_import": access.can_change_some_pillar(),
            "can_audit": access.can_audit,
            "form": ImportForm(),
            "jobs": jobs,
            "tables": tabular.SHEETS,
            "limit": filesizeformat(tabular.max_import_bytes()),
            "iati_unconfigured": not iati.reporting_org_configured(),
            "iati_placeholder": iati.PLACEHOLDER_REPORTING_ORG,
        },
    )


@login_required
@require_POST
def import_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an XLSX file to import."))
        return redirect("programs:exports", slug=slug)
    job = run_service(
        request,
        services.job_start_import,
        _("The file is being checked and imported."),
        partnership=partnership,
        upload=form.cleaned_data["file"],
        language=request.LANGUAGE_CODE,
    )
    if job is None:
        return redirect("programs:exports", slug=slug)
    return redirect("reports:job", pk=job.pk)


@login_required
def me_report(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    jobs = selectors.recent_jobs(user=request.user, partnership=partnership, kind=JobKind.ME_REPORT)
    # The written parts of the last request come back, to be edited rather than retyped.
    last = next(iter(jobs), None)
    initial: dict[str, Any] = {
        "language": request.LANGUAGE_CODE,
        "format": "pdf",
        "year": timezone.localdate().year,
        **((last.params.get("texts") or {}) if last else {}),
    }
    form = MeReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = run_service_on_form(
            request,
            form,
            services.job_start_me_report,
            _("The report is being prepared."),
            partnership=partnership,
            language=data["language"],
            fmt=data["format"],
            year=data["year"],
            texts={name: data[name] for name in REPORT_TEXTS},
        )
        if job is not None:
            return redirect("reports:job", pk=job.pk)
    return render(
        request,
        "reports/me_report_form.html",
        {"partnership": partnership, "form": form, "jobs": jobs, "tab": "reports"},
        status=400 if form.errors else 200,
    )


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # A job whose worker died would otherwise be polled for ever.
    services.jobs_fail_stale()
    job = selectors.job_for_user(user=request.user, pk=pk)
    context = {"job": job, "partnership": job.partnership}
    if getattr(request, "htmx", False):
        return render(request, "reports/_job_status.html", context)
    return render(request, "reports/job_detail.html", context)


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = selectors.job_for_user(user=request.user, pk=pk)
    if not job.result_file:
        raise Http404
    return file_response(
        job.result_file,
        filename=job.result_name,
        content_type=job.result_content_type or "application/octet-stream",
    )
