"""The applicant's pages: registration and verification, her applications, the draft form,
files, submission and withdrawal; and the permission-checked download of an application's
files."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.errors import SisterCityError
from sistercity.core.views import file_response, form_errors, run_service, run_service_on_form
from sistercity.exchange import forms, selectors, services
from sistercity.exchange.choices import WITHDRAWABLE, Status
from sistercity.exchange.models import Application, RequiredDocument
from sistercity.exchange.views._common import my_application, user_of, visible_call


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("exchange:my_applications")
    form = forms.RegisterForm(
        request.POST or None, initial={"preferred_language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.applicant_register(**form.cleaned_data)
        except SisterCityError as error:
            messages.error(request, str(error))
        else:
            # The same answer whether the address is new or already has an account (its owner
            # is told by e-mail): the page never reveals who is registered.
            messages.success(
                request,
                _(
                    "Thank you. We sent a message to {email}: follow the link in it to confirm "
                    "your address, then log in."
                ).format(email=form.cleaned_data["email"].strip().lower()),
            )
            login_url = reverse("accounts:login")
            next_url = request.POST.get("next") or request.GET.get("next")
            if next_url and next_url.startswith("/") and not next_url.startswith("//"):
                login_url += "?" + urlencode({"next": next_url})
            return redirect(login_url)
    return render(request, "exchange/register.html", {"form": form})


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.applicant_verify_email(token=token)
    except SisterCityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you: your e-mail address is confirmed."))
    if request.user.is_authenticated:
        return redirect("exchange:my_applications")
    query = urlencode({"next": reverse("exchange:my_applications")})
    return redirect(f"{reverse('accounts:login')}?{query}")


@login_required
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    run_service(
        request,
        services.applicant_resend_verification,
        _("We sent you a new confirmation link."),
    )
    return redirect("exchange:my_applications")


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "exchange/my_applications.html",
        {
            "applications": selectors.my_applications(user=request.user),
            "verified": selectors.is_verified(request.user),
        },
    )


@login_required
@require_POST
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    call = visible_call(request, slug)
    existing = Application.objects.filter(call=call, applicant=user_of(request)).first()
    if existing:
        return redirect("exchange:application", reference=existing.reference)
    application = run_service(request, services.application_start, call=call)
    if application:
        return redirect("exchange:application", reference=application.reference)
    return redirect("exchange:call", slug=slug)


def _application_form(application: Application, data=None) -> forms.ApplicationForm:
    call = application.call
    questions = call.questions.prefetch_related("translations")
    placements = list(
        call.placements.select_related("host").prefetch_related(
            "translations", "host__translations"
        )
    )
    initial = {
        name: getattr(application, "residence_id" if name == "residence" else name)
        for name in services.EDITABLE_FIELDS
    }
    for question in questions:
        initial[f"q_{question.pk}"] = (application.answers or {}).get(str(question.pk), "")
    for preference in application.preferences.all():
        initial[f"choice_{preference.rank}"] = str(preference.placement_id)
    return forms.ApplicationForm(
        data, call=call, questions=questions, placements=placements, initial=initial
    )


def _save_draft(request: HttpRequest, application: Application, form) -> bool:
    """Save the draft (and submit it when asked); True when the page should reload. A refusal
    of the draft stays on ``form``, beside the field it concerns."""
    if not form.is_valid():
        return False
    saved = run_service_on_form(
        request,
        form,
        services.application_update,
        _("Your draft was saved."),
        application=application,
        **form.service_data(),
    )
    if saved and "submit" in request.POST:
        run_service(
            request,
            services.application_submit,
            _("Your application was submitted."),
            application=application,
        )
    return bool(saved)


@login_required
def application_detail(request: HttpRequest, reference: str) -> HttpResponse:
    application = my_application(request, reference)
    call = selectors.call_detail_queryset().get(pk=application.call_id)
    application.call = call
    form = _application_form(application, request.POST or None)
    if request.method == "POST" and _save_draft(request, application, form):
        return redirect("exchange:application", reference=reference)
    application.refresh_from_db()
    files = application.files.select_related("required_document")
    uploaded = {f.required_document_id: f for f in files if f.required_document_id}
    is_draft = application.status == Status.DRAFT
    return render(
        request,
        "exchange/application_detail.html",
        {
            "application": application,
            "call": call,
            "form": form,
            "documents": [(d, uploaded.get(d.pk)) for d in call.required_documents.all()],
            "upload_form": forms.UploadForm(),
            "preferences": selectors.preferences_of(application),
            "offer": selectors.open_offer(application),
            "current_offer": selectors.current_offer(application),
            "history": application.status_changes.all(),
            "verified": selectors.is_verified(request.user),
            "problems": selectors.eligibility_problems(application) if is_draft else [],
            "is_draft": is_draft,
            "report_form": forms.ReportForm(
                initial={"text": getattr(getattr(application, "report", None), "text", "")}
            ),
            "alumni_form": forms.AlumniForm(initial={"listed": application.alumni_opt_in}),
            "can_withdraw": application.status in WITHDRAWABLE,
            "file_accesses": list(
                selectors.file_access_log(user=request.user, application=application)[:50]
            ),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def application_upload(request: HttpRequest, reference: str) -> HttpResponse:
    application = my_application(request, reference)
    form = forms.UploadForm(request.POST, request.FILES)
    target = "exchange:application"
    if form.is_valid():
        document = None
        if form.cleaned_data["required_document"]:
            document = get_object_or_404(
                RequiredDocument, pk=form.cleaned_data["required_document"], call=application.call
            )
        evidence = form.cleaned_data["evidence"]
        if evidence:
            target = "exchange:readiness"
        run_service(
            request,
            services.application_upload,
            _("The file was uploaded."),
            application=application,
            file=form.cleaned_data["file"],
            required_document=document,
            evidence=evidence,
        )
    else:
        form_errors(request, form)
    return redirect(target, reference=reference)


@login_required
@require_POST
def application_withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    application = my_application(request, reference)
    form = forms.NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    run_service(
        request,
        services.application_withdraw,
        _("Your application was withdrawn."),
        application=application,
        note=note,
    )
    return redirect("exchange:application", reference=reference)


@login_required
def file_download(request: HttpRequest, token: uuid.UUID) -> HttpResponseBase:
    """Private files leave the server only through this permission-checked view, at an address
    named by the file's random token. Who may open a file follows its purpose
    (``selectors.downloadable_files``); a reviewer of a blind call gets the documents she
    scores under a neutral name."""
    stored = get_object_or_404(selectors.downloadable_files(request.user), token=token)
    response = file_response(
        stored.file,
        filename=selectors.shown_file_name(request.user, stored),
        content_type=stored.content_type,
    )
    # Logged once the file is found and opened (a missing file gives 404 above, unlogged).
    services.file_access_record(actor=request.user, stored=stored)
    return response
