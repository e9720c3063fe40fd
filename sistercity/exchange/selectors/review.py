"""Reads of the review and the allocation: scores, the panel ranking, the engine's inputs and
the stored runs."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sistercity.core.access import Access
from sistercity.exchange.choices import ALLOCATION_POOL, RankingSource, Status
from sistercity.exchange.models import (
    AllocationRun,
    Application,
    Call,
    Criterion,
    Placement,
    ReviewAssignment,
    Score,
)
from sistercity.exchange.selectors.participants import accepted_count


def review_score(assignment: ReviewAssignment, criteria: list[Criterion]) -> Decimal | None:
    """A review's weighted score in percent: Σ wᵢ·sᵢ/maxᵢ ÷ Σ wᵢ × 100."""
    values = {s.criterion_id: s.value for s in assignment.scores.all()}
    if not criteria or len(values) < len(criteria):
        return None
    total_weight = sum((c.weight for c in criteria), Decimal(0))
    if total_weight == 0:
        return None
    weighted = sum(
        (c.weight * Decimal(values[c.pk]) / Decimal(c.max_score or 1) for c in criteria),
        Decimal(0),
    )
    return (weighted / total_weight * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def application_scores(call: Call) -> dict[int, Decimal]:
    """The panel score of each scored application: the mean of its completed, unconflicted
    reviews."""
    criteria = list(call.criteria.all())
    assignments = (
        ReviewAssignment.objects.filter(
            application__call=call, conflict=False, submitted_at__isnull=False
        )
        .prefetch_related(Prefetch("scores", queryset=Score.objects.all()))
        .order_by("pk")
    )
    per_application: dict[int, list[Decimal]] = {}
    for assignment in assignments:
        score = review_score(assignment, criteria)
        if score is not None:
            per_application.setdefault(assignment.application_id, []).append(score)
    return {
        pk: (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        for pk, values in per_application.items()
    }


@dataclass
class RankedApplication:
    application: Application
    score: Decimal | None
    reviews: int
    position: int = 0
    assignments: list[ReviewAssignment] = field(default_factory=list)


def panel_ranking(call: Call, *, statuses: Any = None) -> list[RankedApplication]:
    """Applications by panel score, best first; equal scores share a position (a tie the
    lottery breaks); unscored applications come last."""
    scores = application_scores(call)
    applications = Application.objects.filter(call=call).select_related("applicant")
    if statuses:
        applications = applications.filter(status__in=statuses)
    else:
        applications = applications.exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
    applications = applications.annotate(
        reviews=Count("assignments", filter=Q(assignments__submitted_at__isnull=False))
    )
    rows = [RankedApplication(a, scores.get(a.pk), a.reviews) for a in applications]
    rows.sort(
        key=lambda r: (
            r.score is None,
            -(r.score or 0),
            r.application.submitted_at or timezone.now(),
        )
    )
    position: int = 0
    previous: object = object()
    for index, row in enumerate(rows, start=1):
        if row.score != previous:
            position, previous = index, row.score
        row.position = position
    return rows


def panel_ranking_with_assignments(call: Call) -> list[RankedApplication]:
    """The panel ranking with each application's reviewers, for the call's workspace."""
    ranking = panel_ranking(call)
    assignments: dict[int, list[ReviewAssignment]] = {}
    for a in ReviewAssignment.objects.filter(application__call=call).select_related("reviewer"):
        assignments.setdefault(a.application_id, []).append(a)
    for row in ranking:
        row.assignments = assignments.get(row.application.pk, [])
    return ranking


def panel_tiers(call: Call, applications: list[Application]) -> list[list[Application]]:
    """The panel ranking as tiers (equal scores together), best first."""
    wanted = {a.pk for a in applications}
    tiers: dict[int, list[Application]] = {}
    for row in panel_ranking(call, statuses=ALLOCATION_POOL):
        if row.application.pk in wanted:
            tiers.setdefault(row.position, []).append(row.application)
    return [tiers[k] for k in sorted(tiers)]


def _placement_tiers(
    placement: Placement,
    pool_ids: set[int],
    applicant_prefs: dict[str, list[str]],
    panel: list[list[Application]],
) -> list[list[str]]:
    """How a placement ranks the pool: the host's own tiers, or the panel's among those who
    listed it."""
    if placement.ranking_source == RankingSource.HOST:
        tiers: dict[int, list[str]] = {}
        for row in placement.rankings.select_related("application").order_by("tier", "pk"):
            if row.application_id in pool_ids:
                tiers.setdefault(row.tier, []).append(row.application.reference.hex)
        return [tiers[k] for k in sorted(tiers)]
    wanted = {ref for ref, listed in applicant_prefs.items() if placement.code in listed}
    return [
        [a.reference.hex for a in tier if a.reference.hex in wanted]
        for tier in panel
        if any(a.reference.hex in wanted for a in tier)
    ]


def allocation_inputs(call: Call) -> dict[str, Any]:
    """The engine's inputs from the database: applicants are application references (so an
    applicant can re-derive her own lottery ticket), placements their codes."""
    pool = list(
        Application.objects.filter(call=call, status__in=ALLOCATION_POOL)
        .prefetch_related("preferences__placement")
        .order_by("submitted_at", "pk")
    )
    placements = list(call.placements.order_by("code"))
    applicant_prefs = {
        a.reference.hex: [
            p.placement.code for p in sorted(a.preferences.all(), key=lambda p: p.rank)
        ]
        for a in pool
    }
    pool_ids = {a.pk for a in pool}
    panel = panel_tiers(call, pool)
    return {
        "applicant_prefs": applicant_prefs,
        "placement_tiers": {
            p.code: _placement_tiers(p, pool_ids, applicant_prefs, panel) for p in placements
        },
        "capacities": {p.code: p.capacity - accepted_count(p) for p in placements},
        "institution": {a.reference.hex: a.institution for a in pool},
        "gender": {a.reference.hex: a.gender for a in pool},
    }


def runs(*, access: Access, call: Call) -> QuerySet[AllocationRun]:
    """The call's runs, for those who may read its applications in full (``access`` is the
    user's on the call's partnership, already computed by the page)."""
    if access.partnership_id != call.partnership_id or not access.can_read_personal_data:
        return AllocationRun.objects.none()
    return call.runs.select_related("created_by")
