"""Mentoring and training pages: a programme, its sessions and attendance, readiness before
and after, and the certificates of attendance (PDF)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from sistercity.core.pdf import pdf_from_html
from sistercity.core.views import file_response, submit_form
from sistercity.trade import forms, selectors, services
from sistercity.trade.models import Enterprise, MentoringProgramme
from sistercity.trade.views import _context, _partnership


@login_required
def mentoring_new(request: HttpRequest, slug: str) -> HttpResponse:
    """The MSME office starts a mentoring or training programme."""
    partnership = _partnership(request, slug)
    form = forms.MentoringProgrammeForm(request.POST or None)
    programme = submit_form(
        request,
        form,
        services.mentoring_create,
        _("The programme was created."),
        on_form=True,
        partnership=partnership,
        language=request.LANGUAGE_CODE,
    )
    if programme:
        return redirect("trade:mentoring", slug=slug, pk=programme.pk)
    return render(request, "trade/mentoring_form.html", _context(request, partnership, form=form))


@login_required
def mentoring_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    programme = get_object_or_404(
        MentoringProgramme.objects.for_user(request.user).filter(partnership=partnership), pk=pk
    )
    form = forms.SessionForm(
        request.POST or None,
        enterprises=selectors.enterprise_list(user=request.user, partnership=partnership),
    )
    if submit_form(
        request,
        form,
        services.session_record,
        _("The session was recorded."),
        on_form=True,
        programme=programme,
    ):
        return redirect("trade:mentoring", slug=slug, pk=pk)
    sessions = programme.sessions.prefetch_related("attendees")
    return render(
        request,
        "trade/mentoring_detail.html",
        _context(
            request,
            partnership,
            programme=programme,
            sessions=sessions,
            readiness=selectors.mentoring_readiness(programme),
            form=form,
        ),
    )


@login_required
def mentoring_certificate(request: HttpRequest, slug: str, pk: int, enterprise: int) -> Any:
    """A certificate of attendance (PDF, CJK font embedded) for one enterprise."""
    partnership = _partnership(request, slug)
    programme = get_object_or_404(
        MentoringProgramme.objects.for_user(request.user).filter(partnership=partnership), pk=pk
    )
    attendee = get_object_or_404(
        Enterprise.objects.for_user(request.user).filter(sessions__programme=programme).distinct(),
        pk=enterprise,
    )
    sessions = programme.sessions.filter(attendees=attendee)
    html = render_to_string(
        "trade/certificate_pdf.html",
        {
            "programme": programme,
            "enterprise": attendee,
            "sessions": sessions,
            "partnership": partnership,
        },
        request=request,
    )
    return file_response(
        pdf_from_html(html),
        filename=f"certificate-{programme.pk}-{attendee.pk}.pdf",
        content_type="application/pdf",
    )
