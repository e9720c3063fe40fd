"""Thin views: validate with a form, call a service or selector, render or redirect."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.exchange import exports, forms, selectors, services
from sistercity.exchange.choices import ALLOCATION_POOL, OfferStatus, Status
from sistercity.exchange.models import (
    AllocationRun,
    Application,
    ApplicationFile,
    Call,
    Placement,
    RequiredDocument,
    ReviewAssignment,
)
from sistercity.partnerships.models import Partnership


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _run_service(request, func, success: str | None = None, **kwargs):
    """Call a service; show its refusal as a message. Returns the result or None."""
    try:
        result = func(actor=request.user, **kwargs)
    except SisterCityError as error:
        messages.error(request, str(error))
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def _visible_call(request, slug) -> Call:
    """Published calls for everyone; unpublished ones for those who run or review them."""
    calls = selectors.call_detail_queryset()
    call = calls.filter(slug=slug).first()
    if call is None:
        raise Http404
    if Call.objects.published().filter(pk=call.pk).exists():
        return call
    if request.user.is_authenticated and Call.objects.for_user(request.user).filter(pk=call.pk):
        return call
    raise Http404


def _managed_call(request, slug) -> Call:
    call = get_for_user_or_404(
        selectors.call_detail_queryset(), request.user, Action.VIEW, slug=slug
    )
    if not selectors.can_read_applications(request.user, call) and not request.user.is_superuser:
        raise Http404
    return call


def _my_application(request, reference) -> Application:
    return get_object_or_404(
        selectors.application_list(user=request.user).filter(applicant=request.user),
        reference=reference,
    )


def _staff_application(request, reference) -> Application:
    application = get_object_or_404(
        selectors.application_list(user=request.user), reference=reference
    )
    if not request.user.is_superuser and not selectors.can_read_applications(
        request.user, application.call
    ):
        raise Http404
    return application


# --------------------------------------------------------------------------------------
# Public pages and registration
# --------------------------------------------------------------------------------------


def call_list(request):
    now = timezone.now()
    calls = list(selectors.public_call_list())
    managed = (
        list(selectors.call_list(user=request.user, action=Action.CHANGE))
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "exchange/call_list.html",
        {
            "open_calls": [c for c in calls if c.opens_at <= now < c.closes_at],
            "other_calls": [c for c in calls if not (c.opens_at <= now < c.closes_at)],
            "managed": managed,
            "can_create": request.user.is_authenticated
            and Partnership.objects.for_user(request.user, Action.CHANGE).exists(),
        },
    )


def call_detail(request, slug):
    call = _visible_call(request, slug)
    mine = None
    if request.user.is_authenticated:
        mine = Application.objects.filter(call=call, applicant=request.user).first()
    return render(
        request,
        "exchange/call_detail.html",
        {
            "call": call,
            "mine": mine,
            "is_open": call.is_open(),
            "can_manage": request.user.is_authenticated
            and selectors.can_manage(request.user, call),
        },
    )


def register(request):
    if request.user.is_authenticated:
        return redirect("exchange:my_applications")
    form = forms.RegisterForm(
        request.POST or None, initial={"preferred_language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.applicant_register(**form.cleaned_data)
        except SisterCityError as error:
            messages.error(request, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! We sent a link to {email}: follow it to confirm your address.").format(
                    email=user.email
                ),
            )
            next_url = request.POST.get("next") or request.GET.get("next")
            if next_url and next_url.startswith("/") and not next_url.startswith("//"):
                return redirect(next_url)
            return redirect("exchange:calls")
    return render(request, "exchange/register.html", {"form": form})


def verify_email(request, token):
    try:
        services.applicant_verify_email(token=token)
    except SisterCityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you: your e-mail address is confirmed."))
    return redirect(
        "exchange:my_applications" if request.user.is_authenticated else "exchange:calls"
    )


@login_required
@require_POST
def resend_verification(request):
    _run_service(
        request,
        services.applicant_resend_verification,
        _("We sent you a new confirmation link."),
    )
    return redirect("exchange:my_applications")


# --------------------------------------------------------------------------------------
# Applicant
# --------------------------------------------------------------------------------------


@login_required
def my_applications(request):
    return render(
        request,
        "exchange/my_applications.html",
        {
            "applications": selectors.my_applications(user=request.user),
            "verified": services.is_verified(request.user),
        },
    )


@login_required
@require_POST
def apply(request, slug):
    call = _visible_call(request, slug)
    existing = Application.objects.filter(call=call, applicant=request.user).first()
    if existing:
        return redirect("exchange:application", reference=existing.reference)
    application = _run_service(request, services.application_start, call=call)
    if application:
        return redirect("exchange:application", reference=application.reference)
    return redirect("exchange:call", slug=slug)


def _application_form(application, data=None):
    call = application.call
    questions = call.questions.prefetch_related("translations")
    placements = list(
        call.placements.select_related("host").prefetch_related(
            "translations", "host__translations"
        )
    )
    initial = {
        "date_of_birth": application.date_of_birth,
        "gender": application.gender,
        "phone": application.phone,
        "residence": application.residence_id,
        "is_enrolled": application.is_enrolled,
        "institution": application.institution,
        "field_of_study": application.field_of_study,
        "language_level": application.language_level,
        "motivation": application.motivation,
    }
    for question in questions:
        initial[f"q_{question.pk}"] = (application.answers or {}).get(str(question.pk), "")
    for preference in application.preferences.all():
        initial[f"choice_{preference.rank}"] = str(preference.placement_id)
    return forms.ApplicationForm(
        data, call=call, questions=questions, placements=placements, initial=initial
    )


@login_required
def application_detail(request, reference):
    application = _my_application(request, reference)
    call = selectors.call_detail_queryset().get(pk=application.call_id)
    application.call = call
    form = _application_form(application, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            if _run_service(
                request,
                services.application_update,
                _("Your draft was saved."),
                application=application,
                **form.service_data(),
            ):
                if "submit" in request.POST:
                    _run_service(
                        request,
                        services.application_submit,
                        _("Your application was submitted."),
                        application=application,
                    )
                return redirect("exchange:application", reference=reference)
        else:
            _form_errors(request, form)
    application.refresh_from_db()
    files = application.files.select_related("required_document")
    uploaded = {f.required_document_id: f for f in files if f.required_document_id}
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
            "verified": services.is_verified(request.user),
            "problems": services.eligibility_problems(application)
            if application.status == Status.DRAFT
            else [],
            "is_draft": application.status == Status.DRAFT,
            "report_form": forms.ReportForm(
                initial={"text": getattr(getattr(application, "report", None), "text", "")}
            ),
            "alumni_form": forms.AlumniForm(initial={"listed": application.alumni_opt_in}),
            "can_withdraw": application.status in services.WITHDRAWABLE,
        },
    )


@login_required
@require_POST
def application_upload(request, reference):
    application = _my_application(request, reference)
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
        _run_service(
            request,
            services.application_upload,
            _("The file was uploaded."),
            application=application,
            file=form.cleaned_data["file"],
            required_document=document,
            evidence=evidence,
        )
    else:
        _form_errors(request, form)
    return redirect(target, reference=reference)


@login_required
@require_POST
def application_withdraw(request, reference):
    application = _my_application(request, reference)
    form = forms.NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    _run_service(
        request,
        services.application_withdraw,
        _("Your application was withdrawn."),
        application=application,
        note=note,
    )
    return redirect("exchange:application", reference=reference)


@login_required
@require_POST
def offer_answer(request, reference, answer):
    application = _my_application(request, reference)
    if answer == "accept":
        done = _run_service(
            request,
            services.offer_accept,
            _("You accepted the place. Next: your pre-departure checklist."),
            application=application,
        )
        if done:
            return redirect("exchange:readiness", reference=reference)
    else:
        _run_service(
            request,
            services.offer_decline,
            _("You declined the place."),
            application=application,
        )
    return redirect("exchange:application", reference=reference)


@login_required
def readiness(request, reference):
    application = get_object_or_404(
        selectors.application_list(user=request.user), reference=reference
    )
    is_owner = application.applicant_id == request.user.pk
    is_staff = request.user.is_superuser or selectors.can_read_applications(
        request.user, application.call
    )
    if not (is_owner or is_staff):
        raise Http404
    record = getattr(application, "readiness", None)
    form = forms.ReadinessForm(
        request.POST or None,
        initial={f: getattr(record, f, None) for f in services.READINESS_FIELDS},
    )
    if request.method == "POST" and is_owner:
        if form.is_valid():
            if _run_service(
                request,
                services.readiness_update,
                _("Your checklist was saved."),
                application=application,
                **form.cleaned_data,
            ):
                return redirect("exchange:readiness", reference=reference)
        else:
            _form_errors(request, form)
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
            "is_staff": is_staff,
            "can_manage": selectors.can_manage(request.user, application.call),
            "upload_form": forms.UploadForm(),
            "orientation_form": forms.OrientationForm(
                initial={"attended_on": timezone.localdate()}
            ),
            "editable": application.status in (Status.ACCEPTED, Status.PRE_DEPARTURE),
        },
    )


@login_required
@require_POST
def report_submit(request, reference):
    application = _my_application(request, reference)
    form = forms.ReportForm(request.POST)
    if form.is_valid():
        _run_service(
            request,
            services.report_submit,
            _("Thank you for your report."),
            application=application,
            text=form.cleaned_data["text"],
        )
    else:
        _form_errors(request, form)
    return redirect("exchange:application", reference=reference)


@login_required
@require_POST
def alumni(request, reference):
    application = _my_application(request, reference)
    form = forms.AlumniForm(request.POST)
    form.is_valid()
    _run_service(
        request,
        services.alumni_opt_in,
        _("Your alumni listing was saved."),
        application=application,
        listed=form.cleaned_data.get("listed", False),
    )
    return redirect("exchange:application", reference=reference)


@login_required
def file_download(request, pk):
    """Private files leave the server only through this permission-checked view. A reviewer
    of a blind call gets the documents (they are what she scores) but not the identity
    fields."""
    stored = get_object_or_404(
        ApplicationFile.objects.select_related("application"),
        pk=pk,
        application__in=Application.objects.for_user(request.user).values("pk"),
    )
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --------------------------------------------------------------------------------------
# Reviewer
# --------------------------------------------------------------------------------------


@login_required
def review_list(request):
    return render(
        request,
        "exchange/review_list.html",
        {"assignments": selectors.reviewer_assignments(user=request.user)},
    )


@login_required
def review_detail(request, reference):
    # Only an assigned reviewer without a declared conflict finds the application here.
    application = get_object_or_404(
        Application.objects.filter(
            assignments__reviewer=request.user, assignments__conflict=False
        ).select_related("call", "applicant", "residence"),
        reference=reference,
    )
    assignment = application.assignments.get(reviewer=request.user)
    call = selectors.call_detail_queryset().get(pk=application.call_id)
    criteria = list(call.criteria.all())
    existing = {s.criterion.code: s.value for s in assignment.scores.select_related("criterion")}
    score_form = forms.ScoreForm(
        request.POST if "score" in request.POST else None,
        criteria=criteria,
        initial={"comment": assignment.comment, **{f"c_{k}": v for k, v in existing.items()}},
    )
    conflict_form = forms.ConflictForm(request.POST if "conflict" in request.POST else None)
    if request.method == "POST":
        if "conflict" in request.POST:
            if conflict_form.is_valid():
                if _run_service(
                    request,
                    services.review_declare_conflict,
                    _("Your declaration was recorded; you no longer review this application."),
                    application=application,
                    note=conflict_form.cleaned_data["note"],
                ):
                    return redirect("exchange:reviews")
            else:
                _form_errors(request, conflict_form)
        elif score_form.is_valid():
            if _run_service(
                request,
                services.review_submit,
                _("Your scores were saved."),
                application=application,
                scores=score_form.scores(),
                comment=score_form.cleaned_data["comment"],
            ):
                return redirect("exchange:reviews")
        else:
            _form_errors(request, score_form)
    questions = list(call.questions.all())
    return render(
        request,
        "exchange/review_detail.html",
        {
            "application": application,
            "call": call,
            "assignment": assignment,
            "score_form": score_form,
            "conflict_form": conflict_form,
            "show_identity": selectors.identity_visible(request.user, application),
            "answers": [(q, (application.answers or {}).get(str(q.pk), "")) for q in questions],
            "files": application.files.filter(required_document__isnull=False).select_related(
                "required_document"
            ),
            "preferences": selectors.preferences_of(application),
        },
    )


# --------------------------------------------------------------------------------------
# Secretariat: the call's workspace
# --------------------------------------------------------------------------------------


@login_required
def call_create(request):
    partnerships = Partnership.objects.for_user(request.user, Action.CHANGE)
    partnership = (
        partnerships.filter(slug=request.GET.get("partnership")).first() or partnerships.first()
    )
    if partnership is None:
        raise Http404
    form = forms.CallForm(
        request.POST or None,
        partnership=partnership,
        initial={"time_zone": request.user.time_zone, "min_language_level": "none"},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        current = timezone.get_current_timezone()
        for key in ("opens_at", "closes_at"):
            # The form read the time in the viewer's zone; it was meant in the call's zone.
            data[key] = timezone.make_naive(data[key], current)
        call = _run_service(
            request,
            services.call_create,
            _("The call was created. Add placements, then publish it."),
            partnership=partnership,
            language=request.LANGUAGE_CODE,
            **data,
        )
        if call:
            return redirect("exchange:manage_call", slug=call.slug)
    elif request.method == "POST":
        _form_errors(request, form)
    return render(request, "exchange/call_form.html", {"form": form, "partnership": partnership})


@login_required
def manage_call(request, slug):
    call = _managed_call(request, slug)
    ranking = selectors.panel_ranking(call)
    assignments = {}
    for a in ReviewAssignment.objects.filter(application__call=call).select_related("reviewer"):
        assignments.setdefault(a.application_id, []).append(a)
    for row in ranking:
        row.assignments = assignments.get(row.application.pk, [])
    can_manage = selectors.can_manage(request.user, call)
    return render(
        request,
        "exchange/manage_call.html",
        {
            "call": call,
            "ranking": ranking,
            "panel": call.panel.select_related("user"),
            "placements": selectors.placements_with_counts(call),
            "can_manage": can_manage,
            "decision_form": forms.DecisionForm(),
            "drafts": call.applications.filter(status=Status.DRAFT).count(),
            "hosts": selectors.hosts(user=request.user, partnership=call.partnership)
            .select_related("city")
            .prefetch_related("translations", "city__translations"),
            "setup_forms": {
                name: form_class(call=call, user=request.user)
                for name, form_class in SETUP_FORMS.items()
            }
            if can_manage
            else None,
            "tab": "applications",
        },
    )


# --------------------------------------------------------------------------------------
# Setting up a call: each small form of the management page calls one service
# --------------------------------------------------------------------------------------

SETUP_FORMS = {
    "host": forms.HostForm,
    "placement": forms.PlacementForm,
    "places": forms.PlacesForm,
    "question": forms.QuestionForm,
    "document": forms.DocumentForm,
    "criterion": forms.CriterionForm,
    "panel": forms.PanelForm,
}


def _setup(request, slug, form_class, service, success):
    call = _managed_call(request, slug)
    form = form_class(request.POST, call=call, user=request.user)
    if form.is_valid():
        _run_service(request, service, success, **form.service_kwargs(request.LANGUAGE_CODE))
    else:
        _form_errors(request, form)
    return redirect(reverse("exchange:manage_call", args=[call.slug]) + "#setup")


@login_required
@require_POST
def setup_host(request, slug):
    return _setup(
        request, slug, forms.HostForm, services.host_create, _("The host organisation was added.")
    )


@login_required
@require_POST
def setup_placement(request, slug):
    return _setup(
        request, slug, forms.PlacementForm, services.placement_create, _("The placement was added.")
    )


@login_required
@require_POST
def setup_places(request, slug):
    return _setup(
        request,
        slug,
        forms.PlacesForm,
        services.placement_set_capacity,
        _("The number of places was changed."),
    )


@login_required
@require_POST
def setup_question(request, slug):
    return _setup(
        request, slug, forms.QuestionForm, services.question_add, _("The question was added.")
    )


@login_required
@require_POST
def setup_document(request, slug):
    return _setup(
        request,
        slug,
        forms.DocumentForm,
        services.required_document_add,
        _("The required document was added."),
    )


@login_required
@require_POST
def setup_criterion(request, slug):
    return _setup(
        request,
        slug,
        forms.CriterionForm,
        services.criterion_add,
        _("The criterion was added to the rubric."),
    )


@login_required
@require_POST
def setup_panel(request, slug):
    return _setup(
        request, slug, forms.PanelForm, services.panel_add, _("The reviewer joined the panel.")
    )


@login_required
@require_POST
def publish(request, slug):
    call = _managed_call(request, slug)
    published = request.POST.get("published") == "1"
    _run_service(
        request,
        services.call_publish,
        _("The call is published.") if published else _("The call is no longer published."),
        call=call,
        published=published,
    )
    return redirect("exchange:manage_call", slug=slug)


@login_required
@require_POST
def decide(request, slug, reference):
    call = _managed_call(request, slug)
    application = get_object_or_404(call.applications.all(), reference=reference)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        _run_service(
            request,
            services.application_decide,
            _("The decision was recorded and the applicant informed."),
            application=application,
            **form.cleaned_data,
        )
    else:
        _form_errors(request, form)
    return redirect("exchange:manage_call", slug=slug)


@login_required
@require_POST
def assign(request, slug, reference):
    call = _managed_call(request, slug)
    application = get_object_or_404(call.applications.all(), reference=reference)
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        reviewer = get_object_or_404(User, pk=form.cleaned_data["reviewer"])
        _run_service(
            request,
            services.review_assign,
            _("The reviewer was assigned."),
            application=application,
            reviewer=reviewer,
        )
    return redirect("exchange:manage_call", slug=slug)


@login_required
def export_applications(request, slug, fmt):
    call = _managed_call(request, slug)
    return exports.response(exports.applications_table(call), f"{call.slug}-applications", fmt)


@login_required
def allocation(request, slug):
    call = _managed_call(request, slug)
    form = forms.RunForm(request.POST or None, initial={"seed": call.lottery_seed})
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            run = _run_service(
                request,
                services.allocation_run,
                _("The allocation was run."),
                call=call,
                seed=data["seed"] or None,
                max_per_institution=data["max_per_institution"],
                max_gender_share=float(data["max_gender_share"])
                if data["max_gender_share"] is not None
                else None,
            )
            if run:
                return redirect("exchange:run", pk=run.pk)
        else:
            _form_errors(request, form)
    return render(
        request,
        "exchange/allocation.html",
        {
            "call": call,
            "form": form,
            "runs": selectors.runs(user=request.user, call=call),
            "pool": call.applications.filter(status__in=ALLOCATION_POOL).count(),
            "placements": selectors.placements_with_counts(call),
            "can_manage": selectors.can_manage(request.user, call),
            "tab": "allocation",
        },
    )


def _run(request, pk) -> AllocationRun:
    run = get_object_or_404(
        AllocationRun.objects.for_user(request.user).select_related("call", "created_by"), pk=pk
    )
    return run


@login_required
def run_detail(request, pk):
    run = _run(request, pk)
    call = selectors.call_detail_queryset().get(pk=run.call_id)
    return render(
        request,
        "exchange/run_detail.html",
        {
            "run": run,
            "call": call,
            "rows": exports.run_rows(run),
            "can_manage": selectors.can_manage(request.user, call),
            "tab": "allocation",
        },
    )


@login_required
@require_POST
def run_apply(request, pk):
    run = _run(request, pk)
    offers = _run_service(request, services.allocation_apply, run=run)
    if offers:
        messages.success(
            request,
            _("{count} offers were sent; the other applicants are on the waiting list.").format(
                count=len(offers) if isinstance(offers, list) else 0
            ),
        )
    return redirect("exchange:run", pk=pk)


@login_required
def run_export(request, pk, fmt):
    run = _run(request, pk)
    return exports.response(exports.run_table(run), f"{run.call.slug}-allocation-{run.pk}", fmt)


@login_required
def placement_ranking(request, pk):
    placement = get_object_or_404(
        Placement.objects.for_user(request.user, Action.CHANGE).select_related("call", "host"),
        pk=pk,
    )
    call = placement.call
    applications = list(
        call.applications.filter(status__in=ALLOCATION_POOL, preferences__placement=placement)
        .select_related("applicant")
        .order_by("submitted_at")
    )
    current = {r.application_id: r.tier for r in placement.rankings.all()}
    form = forms.RankingForm(
        request.POST or None,
        applications=applications,
        initial={f"a_{k}": v for k, v in current.items()},
    )
    if request.method == "POST" and form.is_valid():
        if _run_service(
            request,
            services.placement_rank,
            _("The host's ranking was saved."),
            placement=placement,
            tiers=form.tiers(),
        ):
            return redirect("exchange:allocation", slug=call.slug)
    scores = selectors.application_scores(call)
    return render(
        request,
        "exchange/placement_ranking.html",
        {
            "placement": placement,
            "call": call,
            "form": form,
            "rows": [(a, scores.get(a.pk), form[f"a_{a.pk}"]) for a in applications],
            "tab": "allocation",
        },
    )


@login_required
def participants(request, slug):
    call = _managed_call(request, slug)
    rows = []
    for application in (
        call.applications.filter(
            status__in=[
                Status.ACCEPTED,
                Status.PRE_DEPARTURE,
                Status.TRAVELLING,
                Status.COMPLETED,
                Status.ALUMNI,
            ]
        )
        .select_related("applicant", "call")
        .order_by("applicant__full_name")
    ):
        checklist = selectors.readiness_checklist(application)
        rows.append(
            {
                "application": application,
                "missing": [i for i in checklist if not i.ok],
                "offer": application.offers.filter(status=OfferStatus.ACCEPTED)
                .select_related("placement")
                .first(),
                "feedback": getattr(application, "host_feedback", None),
            }
        )
    return render(
        request,
        "exchange/participants.html",
        {
            "call": call,
            "rows": rows,
            "alumni": selectors.alumni_list(call=call),
            "counts": selectors.exchange_counts(partnership=call.partnership, pillar=call.pillar),
            "feedback_form": forms.FeedbackForm(),
            "orientation_form": forms.OrientationForm(
                initial={"attended_on": timezone.localdate()}
            ),
            "can_manage": selectors.can_manage(request.user, call),
            "tab": "participants",
        },
    )


@login_required
@require_POST
def participant_action(request, reference, action):
    application = _staff_application(request, reference)
    back = request.POST.get("back") or "participants"
    if action == "orientation":
        form = forms.OrientationForm(request.POST)
        if form.is_valid():
            _run_service(
                request,
                services.orientation_record,
                _("Attendance at the orientation was recorded."),
                application=application,
                attended_on=form.cleaned_data["attended_on"],
            )
        else:
            _form_errors(request, form)
    elif action == "depart":
        _run_service(
            request,
            services.participant_depart,
            _("The participant is travelling."),
            application=application,
        )
    elif action == "complete":
        _run_service(
            request,
            services.participant_complete,
            _("The programme is completed."),
            application=application,
        )
    elif action == "feedback":
        form = forms.FeedbackForm(request.POST)
        if form.is_valid():
            _run_service(
                request,
                services.host_feedback_record,
                _("The host's feedback was recorded."),
                application=application,
                **form.cleaned_data,
            )
        else:
            _form_errors(request, form)
    else:
        raise Http404
    if back == "readiness":
        return redirect("exchange:readiness", reference=reference)
    return redirect("exchange:participants", slug=application.call.slug)
