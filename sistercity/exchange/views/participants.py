"""After the allocation: the applicant answers her offer, fills in her checklist, reports and
joins the alumni; the secretariat follows the participants (orientation, departure, completion,
host feedback)."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sistercity.core.access import access_for
from sistercity.core.roles import Role
from sistercity.core.views import run_service, submit_form
from sistercity.exchange import forms, selectors, services
from sistercity.exchange.choices import Status
from sistercity.exchange.views._common import managed_call, my_application, staff_application


@login_required
@require_POST
def offer_answer(request: HttpRequest, reference: str, answer: str) -> HttpResponse:
    application = my_application(request, reference)
    if answer == "accept":
        done = run_service(
            request,
            services.offer_accept,
            _("You accepted the place. Next: your pre-departure checklist."),
            application=application,
        )
        if done:
            return redirect("exchange:readiness", reference=reference)
    else:
        run_service(
            request,
            services.offer_decline,
            _("You declined the place."),
            application=application,
        )
    return redirect("exchange:application", reference=reference)


@login_required
def readiness(request: HttpRequest, reference: str) -> HttpResponse:
    application = get_object_or_404(
        selectors.application_list(user=request.user), reference=reference
    )
    access = access_for(request.user, application.call.partnership)
    is_owner = application.applicant_id == request.user.pk
    if not (is_owner or access.can_read_personal_data):
        raise Http404
    record = getattr(application, "readiness", None)
    form = forms.ReadinessForm(
        request.POST or None,
        initial={f: getattr(record, f, None) for f in services.READINESS_FIELDS},
    )
    if is_owner and submit_form(
        request,
        form,
        services.readiness_update,
        _("Your checklist was saved."),
        application=application,
    ):
        return redirect("exchange:readiness", reference=reference)
    checklist = selectors.readiness_checklist(application)
    return render(
        request,
        "exchange/readiness.html",
        {
            "application": application,
            "call": application.call,
            "form": form,
            "checklist": checklist,
            "ready": all(i.ok for i in checklist),
            "is_owner": is_owner,
            "is_staff": access.can_read_personal_data,
            # Passports and visas: only the participant and the secretariat open them.
            "evidence_visible": is_owner
            or request.user.is_superuser
            or selectors.secretariat_partnership_ids(request.user)
            .filter(partnership_id=application.call.partnership_id)
            .exists(),
            "can_manage": access.can_change,
            "upload_form": forms.UploadForm(),
            "orientation_form": forms.OrientationForm(
                initial={"attended_on": timezone.localdate()}
            ),
            "editable": application.status in (Status.ACCEPTED, Status.PRE_DEPARTURE),
        },
    )


@login_required
@require_POST
def report_submit(request: HttpRequest, reference: str) -> HttpResponse:
    submit_form(
        request,
        forms.ReportForm(request.POST),
        services.report_submit,
        _("Thank you for your report."),
        application=my_application(request, reference),
    )
    return redirect("exchange:application", reference=reference)


@login_required
@require_POST
def alumni(request: HttpRequest, reference: str) -> HttpResponse:
    application = my_application(request, reference)
    form = forms.AlumniForm(request.POST)
    form.is_valid()
    run_service(
        request,
        services.alumni_opt_in,
        _("Your alumni listing was saved."),
        application=application,
        listed=form.cleaned_data.get("listed", False),
    )
    return redirect("exchange:application", reference=reference)


@login_required
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    call, access = managed_call(request, slug)
    return render(
        request,
        "exchange/participants.html",
        {
            "call": call,
            "rows": selectors.participant_rows(call),
            "alumni": selectors.alumni_list(call=call),
            "counts": selectors.exchange_counts(partnership=call.partnership, pillar=call.pillar),
            "feedback_form": forms.FeedbackForm(),
            "orientation_form": forms.OrientationForm(
                initial={"attended_on": timezone.localdate()}
            ),
            "can_manage": access.can_change,
            "tab": "participants",
        },
    )


# What the participants' page asks of one participant: the service, its form (if any) and
# the message on success.
PARTICIPANT_ACTIONS: dict[str, tuple[Callable[..., Any], type[Form] | None, Any]] = {
    "orientation": (
        services.orientation_record,
        forms.OrientationForm,
        gettext_lazy("Attendance at the orientation was recorded."),
    ),
    "depart": (services.participant_depart, None, gettext_lazy("The participant is travelling.")),
    "complete": (services.participant_complete, None, gettext_lazy("The programme is completed.")),
    "feedback": (
        services.host_feedback_record,
        forms.FeedbackForm,
        gettext_lazy("The host's feedback was recorded."),
    ),
}


@login_required
@require_POST
def participant_action(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    application, _access = staff_application(request, reference)
    back = request.POST.get("back") or "participants"
    if action not in PARTICIPANT_ACTIONS:
        raise Http404
    service, form_class, success = PARTICIPANT_ACTIONS[action]
    if form_class is None:
        run_service(request, service, success, application=application)
    else:
        submit_form(request, form_class(request.POST), service, success, application=application)
    if back == "readiness":
        return redirect("exchange:readiness", reference=reference)
    return redirect("exchange:participants", slug=application.call.slug)


@login_required
def file_access(request: HttpRequest, slug: str) -> HttpResponse:
    """The access log of the call's applicants' files: who opened which, when. For the
    partnership's secretariat (the log's readers); everyone else gets 404."""
    call, access = managed_call(request, slug)
    if not (access.is_admin or access.has_role([Role.SECRETARIAT])):
        raise Http404
    return render(
        request,
        "exchange/file_access.html",
        {
            "call": call,
            "rows": selectors.file_access_log(user=request.user, call=call)[:500],
            "tab": "file_access",
        },
    )
