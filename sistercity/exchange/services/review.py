"""The panel's part: assigning reviewers, conflicts of interest, scores, and the
secretariat's decisions (under review, shortlisted, waitlisted, not selected)."""

from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.exchange.choices import PANEL_DECISIONS, Status
from sistercity.exchange.models import Application, Criterion, ReviewAssignment, Score
from sistercity.exchange.services._common import lock, require_call, transition

# An application is scored while the panel can still change its mind about it.
UNDER_REVIEW = (Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED)


def application_decide(
    *, actor: User, application: Application, status: str, note: str = ""
) -> Application:
    """The secretariat's decisions on the panel page: under review, shortlisted, waitlisted,
    not selected."""
    require_call(actor, application.call, application=application)
    if status not in PANEL_DECISIONS:
        raise SisterCityError(_("This decision is not made by hand."), code="transition")
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        transition(application, status, actor=actor, note=note)
    return application


def review_assign(*, actor: User, application: Application, reviewer: User) -> ReviewAssignment:
    require_call(actor, application.call, application=application)
    if not application.call.panel.filter(user=reviewer).exists():
        raise SisterCityError(
            _("{reviewer} is not on this call's panel.").format(reviewer=reviewer),
            code="not_on_panel",
        )
    if reviewer.pk == application.applicant_id:
        raise SisterCityError(_("Nobody reviews their own application."), code="conflict")
    if application.status in (Status.DRAFT, Status.WITHDRAWN):
        raise SisterCityError(_("Only submitted applications are reviewed."), code="not_submitted")
    with transaction.atomic(), set_actor(actor):
        assignment, created = ReviewAssignment.objects.get_or_create(
            application=application, reviewer=reviewer
        )
        if not created:
            raise SisterCityError(
                _("This reviewer is already assigned."), code="duplicate_assignment"
            )
    return assignment


def _assignment_of(actor: User, application: Application) -> ReviewAssignment:
    """The actor's own assignment; an unassigned reviewer gets 404, like an outsider."""
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .filter(application=application, reviewer=actor)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def review_declare_conflict(
    *, actor: User, application: Application, note: str
) -> ReviewAssignment:
    """A declared conflict of interest takes the reviewer off the application for good."""
    note = (note or "").strip()
    if not note:
        raise SisterCityError(
            _("Say briefly what the conflict of interest is."), code="reason_required"
        )
    with transaction.atomic(), set_actor(actor):
        assignment = _assignment_of(actor, application)
        if assignment.submitted_at is not None:
            raise SisterCityError(
                _("The review is already submitted; ask the secretariat to withdraw it."),
                code="already_scored",
            )
        assignment.conflict = True
        assignment.conflict_note = note
        full_clean(assignment)
        assignment.save(update_fields=["conflict", "conflict_note", "updated_at"])
    return assignment


def _check_scores(criteria: dict[str, Criterion], scores: dict[str, Any]) -> None:
    """Every criterion of the rubric scored, each a whole number within its range."""
    unknown = set(scores) - set(criteria)
    if unknown:
        raise SisterCityError(
            _("Unknown criteria: {codes}.").format(codes=", ".join(sorted(unknown))),
            code="unknown_criterion",
        )
    missing = [str(c) for code, c in criteria.items() if code not in scores]
    if missing:
        raise SisterCityError(
            _("Score every criterion; missing: {names}.").format(names=", ".join(missing)),
            code="missing_score",
        )
    for code, value in scores.items():
        criterion = criteria[code]
        if not isinstance(value, int) or isinstance(value, bool):
            raise SisterCityError(
                _("The score for “{criterion}” must be a whole number.").format(
                    criterion=criterion
                ),
                code="score_range",
                field=f"c_{code}",
            )
        if not 0 <= value <= criterion.max_score:
            raise SisterCityError(
                _("The score for “{criterion}” must be between 0 and {max}.").format(
                    criterion=criterion, max=criterion.max_score
                ),
                code="score_range",
                field=f"c_{code}",
            )


def review_submit(
    *, actor: User, application: Application, scores: dict[str, int], comment: str = ""
) -> ReviewAssignment:
    """Score every criterion of the rubric; the first review puts the application under
    review."""
    with transaction.atomic(), set_actor(actor):
        assignment = _assignment_of(actor, application)
        if assignment.conflict:
            raise SisterCityError(
                _("You declared a conflict of interest for this application."), code="conflict"
            )
        application = lock(application)
        if application.status not in UNDER_REVIEW:
            raise SisterCityError(
                _("This application is no longer being reviewed."), code="review_closed"
            )
        criteria = {c.code: c for c in application.call.criteria.all()}
        _check_scores(criteria, scores)
        assignment.comment = comment
        assignment.submitted_at = timezone.now()
        full_clean(assignment)
        assignment.save(update_fields=["comment", "submitted_at", "updated_at"])
        for code, value in scores.items():
            Score.objects.update_or_create(
                assignment=assignment, criterion=criteria[code], defaults={"value": value}
            )
        if application.status == Status.SUBMITTED:
            transition(application, Status.UNDER_REVIEW, actor=actor)
    return assignment
