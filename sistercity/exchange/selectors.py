"""Reads. Every function that lists things takes the user and returns only what they may see."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Role
from sistercity.accounts.models import Membership, User
from sistercity.core.permissions import Action
from sistercity.exchange.choices import (
    ALLOCATION_POOL,
    FITTING_VISAS,
    EvidenceKind,
    OfferStatus,
    Status,
)
from sistercity.exchange.models import (
    AllocationRun,
    Application,
    Call,
    HostOrganisation,
    Offer,
    Placement,
    Preference,
    ReviewAssignment,
    Score,
)
from sistercity.partnerships.models import Partnership


def _call_overview(calls):
    return calls.select_related("partnership", "pillar").prefetch_related(
        "translations", "pillar__translations", "partnership__translations"
    )


def public_call_list():
    """Published calls of public partnerships, open ones first."""
    return _call_overview(Call.objects.published()).order_by("-closes_at", "slug")


def call_list(*, user, action: str = Action.VIEW):
    return _call_overview(Call.objects.for_user(user, action)).order_by("-closes_at", "slug")


def call_detail_queryset():
    placements = Placement.objects.select_related("host").prefetch_related(
        "translations", "host__translations"
    )
    return _call_overview(Call.objects.all()).prefetch_related(
        Prefetch("placements", queryset=placements),
        "questions__translations",
        "required_documents__translations",
        "criteria__translations",
        "residence__translations",
    )


def can_manage(user, call) -> bool:
    return (
        user.is_authenticated
        and Partnership.objects.for_user(user, Action.CHANGE)
        .filter(pk=call.partnership_id)
        .exists()
    )


def can_read_applications(user, call) -> bool:
    return (
        user.is_authenticated
        and Partnership.objects.for_user(user, Action.AUDIT).filter(pk=call.partnership_id).exists()
    )


def application_list(*, user, call=None, action: str = Action.VIEW):
    applications = Application.objects.for_user(user, action)
    if call is not None:
        applications = applications.filter(call=call)
    return applications.select_related("call", "applicant", "call__partnership").prefetch_related(
        "call__translations"
    )


def my_applications(*, user):
    return application_list(user=user).filter(applicant=user).order_by("-created_at")


def identity_visible(user, application) -> bool:
    """A reviewer of a blind call does not see who the applicant is; everyone else who may see
    the application does."""
    if not application.call.blind_review or user.pk == application.applicant_id:
        return True
    return user.is_superuser or can_read_applications(user, application.call)


def reviewer_assignments(*, user):
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .select_related("application__call", "application__applicant")
        .prefetch_related("application__call__translations")
        .order_by("application__call", "application__created_at")
    )


def hosts(*, user, partnership):
    return HostOrganisation.objects.for_user(user).filter(partnership=partnership)


def panel_candidates(call):
    """Active people with a reviewer role in one of the call's partnership's municipalities
    (or in one of their agencies): those who may sit on the call's panel."""
    municipalities = call.partnership.municipalities.values("pk")
    reviewers = Membership.objects.filter(role=Role.REVIEWER).filter(
        Q(organisation__in=municipalities) | Q(organisation__parent__in=municipalities)
    )
    return User.objects.filter(pk__in=reviewers.values("user_id"), is_active=True).order_by(
        "full_name", "email"
    )


# --------------------------------------------------------------------------------------
# Scores and the panel ranking
# --------------------------------------------------------------------------------------


def review_score(assignment, criteria) -> Decimal | None:
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


def application_scores(call) -> dict[int, Decimal]:
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


def panel_ranking(call, *, statuses=None) -> list[RankedApplication]:
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
    position, previous = 0, object()
    for index, row in enumerate(rows, start=1):
        if row.score != previous:
            position, previous = index, row.score
        row.position = position
    return rows


def panel_tiers(call, applications) -> list[list[Application]]:
    """The panel ranking as tiers (equal scores together), best first."""
    wanted = {a.pk for a in applications}
    tiers: dict[int, list[Application]] = {}
    for row in panel_ranking(call, statuses=ALLOCATION_POOL):
        if row.application.pk in wanted:
            tiers.setdefault(row.position, []).append(row.application)
    return [tiers[k] for k in sorted(tiers)]


# --------------------------------------------------------------------------------------
# Offers and places
# --------------------------------------------------------------------------------------


def accepted_count(placement) -> int:
    return placement.offers.filter(status=OfferStatus.ACCEPTED).count()


def placements_with_counts(call):
    return (
        call.placements.select_related("host")
        .prefetch_related("translations", "host__translations")
        .annotate(
            accepted=Count("offers", filter=Q(offers__status=OfferStatus.ACCEPTED)),
            open_offers=Count("offers", filter=Q(offers__status=OfferStatus.OPEN)),
        )
    )


def open_offer(application) -> Offer | None:
    return (
        application.offers.filter(status=OfferStatus.OPEN)
        .select_related("placement__host")
        .prefetch_related("placement__translations", "placement__host__translations")
        .first()
    )


def current_offer(application) -> Offer | None:
    return (
        application.offers.filter(status__in=[OfferStatus.OPEN, OfferStatus.ACCEPTED])
        .select_related("placement__host")
        .prefetch_related("placement__translations", "placement__host__translations")
        .first()
    )


def runs(*, user, call):
    return AllocationRun.objects.for_user(user).filter(call=call).select_related("created_by")


def preferences_of(application):
    return (
        Preference.objects.filter(application=application)
        .select_related("placement__host")
        .prefetch_related("placement__translations", "placement__host__translations")
        .order_by("rank")
    )


# --------------------------------------------------------------------------------------
# Pre-departure readiness
# --------------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    # The last day of the month when the day does not exist (31 August + 6 months).
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class ChecklistItem:
    code: str
    label: str
    ok: bool
    detail: str = ""
    evidence: list = field(default_factory=list)


def readiness_checklist(application) -> list[ChecklistItem]:
    """What the participant must have before departure, and whether each item is there."""
    from sistercity.exchange.models import Readiness

    readiness = Readiness.objects.filter(application_id=application.pk).first()
    files = {}
    for f in application.files.filter(evidence__gt="").order_by("-uploaded_at"):
        files.setdefault(f.evidence, []).append(f)
    call = application.call
    items: list[ChecklistItem] = []
    r = readiness
    return_on = (r.return_on if r else None) or call.programme_ends_on

    # Passport: valid at least six months past the return date.
    detail, ok = "", False
    if r is None or r.passport_expires_on is None:
        detail = str(_("Enter the passport's expiry date."))
    elif return_on is None:
        detail = str(_("Enter the return date first."))
    elif r.passport_expires_on < add_months(return_on, 6):
        detail = str(
            _("The passport must be valid until at least {date} (six months after return).").format(
                date=add_months(return_on, 6).isoformat()
            )
        )
    elif not files.get(EvidenceKind.PASSPORT):
        detail = str(_("Upload a copy of the passport's photo page."))
    else:
        ok = True
    items.append(
        ChecklistItem("passport", str(_("Passport")), ok, detail, files.get("passport", []))
    )

    # Visa: a type that fits the programme.
    fitting = FITTING_VISAS.get((call.direction, call.call_type), ())
    detail, ok = "", False
    if r is None or not r.visa_type:
        detail = str(_("Choose the visa type."))
    elif r.visa_type not in fitting:
        from sistercity.exchange.choices import VisaType

        detail = str(
            _("This visa type does not fit the programme; expected: {types}.").format(
                types=", ".join(str(VisaType(v).label) for v in fitting)
            )
        )
    elif not files.get(EvidenceKind.VISA):
        detail = str(_("Upload the visa or the certificate of eligibility."))
    else:
        ok = True
    items.append(ChecklistItem("visa", str(_("Visa")), ok, detail, files.get("visa", [])))

    # Insurance covering the whole stay.
    detail, ok = "", False
    if r is None or not r.insurance_provider or r.insurance_valid_until is None:
        detail = str(_("Enter the insurer and how long the cover lasts."))
    elif return_on and r.insurance_valid_until < return_on:
        detail = str(_("The insurance must cover the stay until the return date."))
    elif not files.get(EvidenceKind.INSURANCE):
        detail = str(_("Upload the insurance certificate."))
    else:
        ok = True
    items.append(
        ChecklistItem("insurance", str(_("Insurance")), ok, detail, files.get("insurance", []))
    )

    ok = bool(r and r.orientation_attended_on)
    items.append(
        ChecklistItem(
            "orientation",
            str(_("Orientation")),
            ok,
            "" if ok else str(_("The secretariat records attendance at the orientation.")),
        )
    )
    ok = bool(r and r.emergency_contact_name and r.emergency_contact_phone)
    items.append(
        ChecklistItem(
            "emergency_contact",
            str(_("Emergency contact")),
            ok,
            "" if ok else str(_("Enter a name and a phone number.")),
        )
    )
    detail, ok = "", False
    if r is None or r.departure_on is None or r.return_on is None:
        detail = str(_("Enter the departure and return dates."))
    elif r.return_on <= r.departure_on:
        detail = str(_("The return must come after the departure."))
    else:
        ok = True
    items.append(ChecklistItem("travel_dates", str(_("Travel dates")), ok, detail))
    return items


def is_ready(application) -> bool:
    return all(item.ok for item in readiness_checklist(application))


# --------------------------------------------------------------------------------------
# After return: counts for the education pillar's indicators
# --------------------------------------------------------------------------------------


def exchange_counts(*, partnership, pillar=None) -> dict[str, int]:
    """Participants by stage for a partnership (optionally one pillar): what the programmes
    app's indicators read once it has landed."""
    applications = Application.objects.filter(call__partnership=partnership)
    if pillar is not None:
        applications = applications.filter(call__pillar=pillar)
    counts = dict(
        applications.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {
        "applications": sum(n for s, n in counts.items() if s != Status.DRAFT),
        "participants": sum(
            counts.get(s, 0)
            for s in (Status.TRAVELLING, Status.COMPLETED, Status.ALUMNI, Status.PRE_DEPARTURE)
        ),
        "completed": counts.get(Status.COMPLETED, 0) + counts.get(Status.ALUMNI, 0),
        "alumni": applications.filter(status=Status.ALUMNI, alumni_opt_in=True).count(),
        "reports": applications.filter(report__isnull=False).count(),
    }


def alumni_list(*, call):
    return (
        Application.objects.filter(call=call, status=Status.ALUMNI, alumni_opt_in=True)
        .select_related("applicant")
        .order_by("applicant__full_name")
    )
