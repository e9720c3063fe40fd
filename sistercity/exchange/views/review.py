"""The panel's pages: a reviewer's list and scoring page; the secretariat's decisions,
assignments and the applications' export."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.accounts.models import User
from sistercity.core.views import run_service, run_service_on_form, submit_form
from sistercity.exchange import exports, forms, selectors, services
from sistercity.exchange.models import Application, ReviewAssignment
from sistercity.exchange.views._common import managed_call, user_of


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "exchange/review_list.html",
        {"assignments": selectors.reviewer_assignments(user=request.user)},
    )


def _review_post(
    request: HttpRequest,
    application: Application,
    score_form: forms.ScoreForm,
    conflict_form: forms.ConflictForm,
) -> bool:
    """A declaration of conflict or the scores; True when both went through (back to the
    list)."""
    if "conflict" in request.POST:
        return bool(
            submit_form(
                request,
                conflict_form,
                services.review_declare_conflict,
                _("Your declaration was recorded; you no longer review this application."),
                on_form=True,
                application=application,
            )
        )
    if not score_form.is_valid():
        return False  # the errors show at their fields
    return bool(
        run_service_on_form(
            request,
            score_form,
            services.review_submit,
            _("Your scores were saved."),
            application=application,
            scores=score_form.scores(),
            comment=score_form.cleaned_data["comment"],
        )
    )


@login_required
def review_detail(request: HttpRequest, reference: str) -> HttpResponse:
    # Only an assigned reviewer without a declared conflict finds the application here.
    application = selectors.assigned_application(user=request.user, reference=reference)
    if application is None:
        raise Http404
    assignment: ReviewAssignment = application.assignments.get(reviewer=user_of(request))
    call = selectors.call_detail_queryset().get(pk=application.call_id)
    existing = {s.criterion.code: s.value for s in assignment.scores.select_related("criterion")}
    score_form = forms.ScoreForm(
        request.POST if "score" in request.POST else None,
        criteria=list(call.criteria.all()),
        initial={"comment": assignment.comment, **{f"c_{k}": v for k, v in existing.items()}},
    )
    conflict_form = forms.ConflictForm(request.POST if "conflict" in request.POST else None)
    if request.method == "POST" and _review_post(request, application, score_form, conflict_form):
        return redirect("exchange:reviews")
    return render(
        request,
        "exchange/review_detail.html",
        {
            "application": application,
            "call": call,
            "assignment": assignment,
            "score_form": score_form,
            "conflict_form": conflict_form,
            "error_form": conflict_form if conflict_form.errors else score_form,
            "show_identity": selectors.identity_visible(request.user, application),
            "answers": [
                (q, (application.answers or {}).get(str(q.pk), "")) for q in call.questions.all()
            ],
            "files": application.files.filter(required_document__isnull=False).select_related(
                "required_document"
            ),
            "preferences": selectors.preferences_of(application),
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    call, _access = managed_call(request, slug)
    application = get_object_or_404(call.applications.all(), reference=reference)
    submit_form(
        request,
        forms.DecisionForm(request.POST),
        services.application_decide,
        _("The decision was recorded and the applicant informed."),
        application=application,
    )
    return redirect("exchange:manage_call", slug=slug)


@login_required
@require_POST
def assign(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    call, _access = managed_call(request, slug)
    application = get_object_or_404(call.applications.all(), reference=reference)
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        reviewer = get_object_or_404(User, pk=form.cleaned_data["reviewer"])
        run_service(
            request,
            services.review_assign,
            _("The reviewer was assigned."),
            application=application,
            reviewer=reviewer,
        )
    return redirect("exchange:manage_call", slug=slug)


@login_required
def export_applications(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    call, _access = managed_call(request, slug)
    return exports.response(exports.applications_table(call), f"{call.slug}-applications", fmt)
