"""Reads of what follows the review: places and offers, the pre-departure checklist and the
counts the education pillar's indicators are fed from."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sistercity.exchange.choices import (
    ALLOCATION_POOL,
    FITTING_VISAS,
    EvidenceKind,
    OfferStatus,
    Status,
    VisaType,
)
from sistercity.exchange.models import (
    Application,
    ApplicationFile,
    Call,
    Offer,
    Placement,
    Readiness,
)

# The stages of someone who took a place, in the participants' list.
PARTICIPANT_STATUSES = [
    Status.ACCEPTED,
    Status.PRE_DEPARTURE,
    Status.TRAVELLING,
    Status.COMPLETED,
    Status.ALUMNI,
]

# --------------------------------------------------------------------------------------
# Offers and places
# --------------------------------------------------------------------------------------


def accepted_count(placement: Placement) -> int:
    return placement.offers.filter(status=OfferStatus.ACCEPTED).count()


def placements_with_counts(call: Call) -> QuerySet[Placement]:
    return (
        call.placements.select_related("host")
        .prefetch_related("translations", "host__translations")
        .annotate(
            accepted=Count("offers", filter=Q(offers__status=OfferStatus.ACCEPTED)),
            open_offers=Count("offers", filter=Q(offers__status=OfferStatus.OPEN)),
        )
    )


def _offer_in(application: Application, statuses: list[str]) -> Offer | None:
    return (
        application.offers.filter(status__in=statuses)
        .select_related("placement__host")
        .prefetch_related("placement__translations", "placement__host__translations")
        .first()
    )


def open_offer(application: Application) -> Offer | None:
    return _offer_in(application, [OfferStatus.OPEN])


def current_offer(application: Application) -> Offer | None:
    return _offer_in(application, [OfferStatus.OPEN, OfferStatus.ACCEPTED])


def ranking_candidates(placement: Placement) -> list[Application]:
    """Those in the allocation pool who listed the placement: whom its host may rank."""
    return list(
        placement.call.applications.filter(
            status__in=ALLOCATION_POOL, preferences__placement=placement
        )
        .select_related("applicant")
        .order_by("submitted_at")
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
    evidence: list[ApplicationFile] = field(default_factory=list)


@dataclass
class _Facts:
    """What the checklist reads: the participant's entries, her evidence and the return date."""

    readiness: Readiness | None
    files: dict[str, list[ApplicationFile]]
    return_on: dt.date | None
    call: Call


def _passport(facts: _Facts) -> ChecklistItem:
    # Valid at least six months past the return date.
    r, return_on = facts.readiness, facts.return_on
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
    elif not facts.files.get(EvidenceKind.PASSPORT):
        detail = str(_("Upload a copy of the passport's photo page."))
    else:
        ok = True
    return ChecklistItem(
        "passport", str(_("Passport")), ok, detail, facts.files.get("passport", [])
    )


def _visa(facts: _Facts) -> ChecklistItem:
    # A type that fits the programme.
    r, call = facts.readiness, facts.call
    fitting = FITTING_VISAS.get((call.direction, call.call_type), ())
    detail, ok = "", False
    if r is None or not r.visa_type:
        detail = str(_("Choose the visa type."))
    elif r.visa_type not in fitting:
        detail = str(
            _("This visa type does not fit the programme; expected: {types}.").format(
                types=", ".join(str(VisaType(v).label) for v in fitting)
            )
        )
    elif not facts.files.get(EvidenceKind.VISA):
        detail = str(_("Upload the visa or the certificate of eligibility."))
    else:
        ok = True
    return ChecklistItem("visa", str(_("Visa")), ok, detail, facts.files.get("visa", []))


def _insurance(facts: _Facts) -> ChecklistItem:
    # Covering the whole stay.
    r, return_on = facts.readiness, facts.return_on
    detail, ok = "", False
    if r is None or not r.insurance_provider or r.insurance_valid_until is None:
        detail = str(_("Enter the insurer and how long the cover lasts."))
    elif return_on and r.insurance_valid_until < return_on:
        detail = str(_("The insurance must cover the stay until the return date."))
    elif not facts.files.get(EvidenceKind.INSURANCE):
        detail = str(_("Upload the insurance certificate."))
    else:
        ok = True
    return ChecklistItem(
        "insurance", str(_("Insurance")), ok, detail, facts.files.get("insurance", [])
    )


def _orientation(facts: _Facts) -> ChecklistItem:
    r = facts.readiness
    ok = bool(r and r.orientation_attended_on)
    detail = "" if ok else str(_("The secretariat records attendance at the orientation."))
    return ChecklistItem("orientation", str(_("Orientation")), ok, detail)


def _emergency_contact(facts: _Facts) -> ChecklistItem:
    r = facts.readiness
    ok = bool(r and r.emergency_contact_name and r.emergency_contact_phone)
    detail = "" if ok else str(_("Enter a name and a phone number."))
    return ChecklistItem("emergency_contact", str(_("Emergency contact")), ok, detail)


def _travel_dates(facts: _Facts) -> ChecklistItem:
    r = facts.readiness
    detail, ok = "", False
    if r is None or r.departure_on is None or r.return_on is None:
        detail = str(_("Enter the departure and return dates."))
    elif r.return_on <= r.departure_on:
        detail = str(_("The return must come after the departure."))
    else:
        ok = True
    return ChecklistItem("travel_dates", str(_("Travel dates")), ok, detail)


CHECKLIST = [_passport, _visa, _insurance, _orientation, _emergency_contact, _travel_dates]


def readiness_checklist(application: Application) -> list[ChecklistItem]:
    """What the participant must have before departure, and whether each item is there."""
    readiness = Readiness.objects.filter(application_id=application.pk).first()
    files: dict[str, list[ApplicationFile]] = {}
    for f in application.files.filter(evidence__gt="").order_by("-uploaded_at"):
        files.setdefault(f.evidence, []).append(f)
    call = application.call
    return_on = (readiness.return_on if readiness else None) or call.programme_ends_on
    facts = _Facts(readiness=readiness, files=files, return_on=return_on, call=call)
    return [item(facts) for item in CHECKLIST]


def is_ready(application: Application) -> bool:
    return all(item.ok for item in readiness_checklist(application))


def participant_rows(call: Call) -> list[dict[str, Any]]:
    """The call's participants with what their checklist misses, their place and the host's
    feedback, for the participants' page."""
    rows = []
    for application in (
        call.applications.filter(status__in=PARTICIPANT_STATUSES)
        .select_related("applicant", "call")
        .order_by("applicant__full_name")
    ):
        checklist = readiness_checklist(application)
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
    return rows


# --------------------------------------------------------------------------------------
# After return: counts for the education pillar's indicators
# --------------------------------------------------------------------------------------


def exchange_counts(*, partnership: Any, pillar: Any = None) -> dict[str, int]:
    """Participants by stage for a partnership (optionally one pillar): what the programmes
    app's indicators are fed from (``exchange/contributions.py``)."""
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


def alumni_list(*, call: Call) -> QuerySet[Application]:
    return (
        Application.objects.filter(call=call, status=Status.ALUMNI, alumni_opt_in=True)
        .select_related("applicant")
        .order_by("applicant__full_name")
    )
