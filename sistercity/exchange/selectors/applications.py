"""Reads of applications: who sees which, what keeps a draft from being submitted. ``user`` is
a request's user, who may be anonymous."""

import datetime as dt
import zoneinfo
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for
from sistercity.exchange.choices import LANGUAGE_ORDER, FieldOfStudy, Status
from sistercity.exchange.models import (
    ApplicantProfile,
    Application,
    Call,
    Preference,
    ReviewAssignment,
)


def application_list(*, user: Any, call: Call | None = None, action: str = Action.VIEW):
    applications = Application.objects.for_user(user, action)
    if call is not None:
        applications = applications.filter(call=call)
    return applications.select_related("call", "applicant", "call__partnership").prefetch_related(
        "call__translations"
    )


def call_figures(call: Call) -> list[tuple[str, int]]:
    """Applications to ``call`` by status (drafts left out), as (label, count): the aggregate
    figures an observer reads instead of the applications themselves."""
    counts = dict(
        call.applications.exclude(status=Status.DRAFT)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [(str(label), counts[value]) for value, label in Status.choices if value in counts]


def my_applications(*, user: Any):
    return application_list(user=user).filter(applicant=user).order_by("-created_at")


def identity_visible(user: Any, application: Application) -> bool:
    """A reviewer of a blind call does not see who the applicant is; everyone else who may see
    the application does."""
    if not application.call.blind_review or user.pk == application.applicant_id:
        return True
    return access_for(user, application.call.partnership).can_read_personal_data


def reviewer_assignments(*, user: Any) -> QuerySet[ReviewAssignment]:
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .select_related("application__call", "application__applicant")
        .prefetch_related("application__call__translations")
        .order_by("application__call", "application__created_at")
    )


def assigned_application(*, user: Any, reference: Any) -> Application | None:
    """The application ``reference`` if ``user`` is assigned to review it and declared no
    conflict of interest."""
    return (
        Application.objects.filter(assignments__reviewer=user, assignments__conflict=False)
        .select_related("call", "applicant", "residence")
        .filter(reference=reference)
        .first()
    )


def preferences_of(application: Application) -> QuerySet[Preference]:
    return (
        Preference.objects.filter(application=application)
        .select_related("placement__host")
        .prefetch_related("placement__translations", "placement__host__translations")
        .order_by("rank")
    )


def is_verified(user: Any) -> bool:
    return ApplicantProfile.objects.filter(user=user, email_verified_at__isnull=False).exists()


def _age_on(day: dt.date, born: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _personal_problems(application: Application) -> list[str]:
    """What the applicant's declared facts lack against the call's eligibility rules."""
    call = application.call
    problems: list[str] = []
    deadline = timezone.localtime(call.closes_at, zoneinfo.ZoneInfo(call.time_zone)).date()
    if call.min_age is not None or call.max_age is not None:
        born = application.date_of_birth
        if born is None:
            problems.append(str(_("Enter your date of birth.")))
        else:
            age = _age_on(deadline, born)
            if call.min_age is not None and age < call.min_age:
                problems.append(
                    str(
                        _("Applicants must be at least {min} years old at the deadline.").format(
                            min=call.min_age
                        )
                    )
                )
            if call.max_age is not None and age > call.max_age:
                problems.append(
                    str(
                        _("Applicants must be at most {max} years old at the deadline.").format(
                            max=call.max_age
                        )
                    )
                )
    if call.requires_enrolment and not (application.is_enrolled and application.institution):
        problems.append(str(_("The call is for people enrolled in a school or university.")))
    if call.fields_of_study and application.field_of_study not in call.fields_of_study:
        problems.append(
            str(
                _("The call is open to these fields of study: {fields}.").format(
                    fields=", ".join(str(FieldOfStudy(f).label) for f in call.fields_of_study)
                )
            )
        )
    required_level = LANGUAGE_ORDER.index(call.min_language_level or "none")
    if LANGUAGE_ORDER.index(application.language_level or "none") < required_level:
        problems.append(
            str(
                _("The call asks for Japanese at level {level} or higher.").format(
                    level=call.min_language_level
                )
            )
        )
    if call.residence_id and application.residence_id != call.residence_id:
        problems.append(
            str(_("The call is for residents of {place}.").format(place=call.residence))
        )
    return problems


def _missing_parts(application: Application) -> list[str]:
    """The documents, answers and placement choices the call asks for and the draft lacks."""
    call = application.call
    problems: list[str] = []
    uploaded = set(
        application.files.filter(required_document__isnull=False).values_list(
            "required_document_id", flat=True
        )
    )
    for document in call.required_documents.all():
        if document.pk not in uploaded:
            problems.append(str(_("Upload “{document}”.").format(document=document)))
    for question in call.questions.all():
        if question.is_required and not (application.answers or {}).get(str(question.pk)):
            problems.append(str(_("Answer “{question}”.").format(question=question)))
    if call.placements.exists() and not application.preferences.exists():
        problems.append(str(_("Rank at least one placement.")))
    return problems


def eligibility_problems(application: Application) -> list[str]:
    """Everything that keeps the application from being submitted, in the reader's words."""
    return _personal_problems(application) + _missing_parts(application)
