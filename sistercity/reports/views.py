"""Job pages: start an M&E report, watch a job's progress, download its result."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.partnerships.models import Partnership
from sistercity.reports import services
from sistercity.reports.models import Job, JobKind


class MeReportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=[("pdf", "PDF"), ("xlsx", "XLSX")]
    )
    year = forms.IntegerField(label=gettext_lazy("Reporting year"), min_value=2000, max_value=2100)


def _partnership(request, slug):
    return get_for_user_or_404(Partnership.objects, request.user, Action.VIEW, slug=slug)


def _job(request, pk):
    return get_for_user_or_404(
        Job.objects.select_related("partnership", "requested_by"), request.user, pk=pk
    )


@login_required
def me_report(request, slug):
    partnership = _partnership(request, slug)
    initial = {
        "language": request.LANGUAGE_CODE,
        "format": "pdf",
        "year": timezone.localdate().year,
    }
    form = MeReportForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                job = services.job_start_me_report(
                    actor=request.user,
                    partnership=partnership,
                    language=form.cleaned_data["language"],
                    fmt=form.cleaned_data["format"],
                    year=form.cleaned_data["year"],
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The report is being prepared."))
                return redirect("reports:job", pk=job.pk)
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
    jobs = (
        Job.objects.for_user(request.user)
        .filter(partnership=partnership, kind=JobKind.ME_REPORT)
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "reports/me_report_form.html",
        {"partnership": partnership, "form": form, "jobs": jobs, "tab": "reports"},
    )


@login_required
def job_detail(request, pk):
    job = _job(request, pk)
    context = {"job": job, "partnership": job.partnership}
    if request.htmx:
        return render(request, "reports/_job_status.html", context)
    return render(request, "reports/job_detail.html", context)


@login_required
def job_download(request, pk):
    job = _job(request, pk)
    if not job.result_file:
        raise Http404
    try:
        handle = job.result_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=job.result_name,
        content_type=job.result_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
