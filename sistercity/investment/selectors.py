"""Reads for the investment pages and the API, already restricted to the user; the public
prospectus reads only public offers of public partnerships and never a lead."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from auditlog.signals import accessed
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sistercity.core.access import Action
from sistercity.investment import choices as c
from sistercity.investment.models import (
    Company,
    Delegation,
    Incentive,
    Lead,
    Opportunity,
    PartnerProject,
    Realisation,
    TargetSector,
    TechTransferProject,
)
from sistercity.investment.services.realisation import quarter_end
from sistercity.investment.services.reminders import overdue_filter
from sistercity.programs.models import ExchangeRate

# --------------------------------------------------------------------------------------
# money: the dated rate table of the programmes app
# --------------------------------------------------------------------------------------


class RateBook:
    """IDR per unit of each currency on a date, from ``programs.ExchangeRate`` (the latest
    rate on or before the date; the earliest one for dates before the table). Read once."""

    def __init__(self) -> None:
        self.rates: dict[str, list[tuple[dt.date, Decimal]]] = {}
        for rate in ExchangeRate.objects.order_by("on"):
            self.rates.setdefault(rate.currency, []).append((rate.on, rate.idr_per_unit))

    def to_idr(self, amount: Decimal | None, currency: str, on: dt.date) -> Decimal | None:
        if amount is None:
            return None
        if currency == c.Currency.IDR:
            return amount
        table = self.rates.get(currency)
        if not table:
            return None
        rate = table[0][1]
        for day, value in table:
            if day <= on:
                rate = value
        return (amount * rate).quantize(Decimal("1"))


# --------------------------------------------------------------------------------------
# pipeline
# --------------------------------------------------------------------------------------


def lead_list(*, user: Any, partnership: Any, stage: str = "") -> QuerySet:
    leads = Lead.objects.for_user(user).filter(partnership=partnership)
    if stage:
        leads = leads.filter(stage=stage)
    return leads.select_related("company__organisation", "owner", "introduced_by").prefetch_related(
        "company__organisation__translations", "introduced_by__translations"
    )


def lead_for_reading(*, user: Any, partnership: Any, reference: Any) -> Lead:
    """One lead of the partnership, if the user sees it (else 404). Every read of a
    confidential dossier is written to the change log, with the reader."""
    lead = get_object_or_404(lead_list(user=user, partnership=partnership), reference=reference)
    log_confidential_read(user, lead)
    return lead


def log_confidential_read(user: Any, lead: Lead) -> None:
    """Write the read of a confidential dossier to the change log (auditlog's ACCESS entry)."""
    if lead.confidential:
        with set_actor(user):
            accessed.send(sender=Lead, instance=lead)


def log_confidential_reads(user: Any, leads: Any) -> None:
    """A list that hands out whole dossiers (an export, the API's list) logs the read of each
    confidential one in it."""
    for lead in leads:
        log_confidential_read(user, lead)


def contact_dossiers(*, user: Any) -> QuerySet:
    """The leads of the companies whose contact the user is — a company's own dossier."""
    return (
        Lead.objects.for_user(user)
        .filter(company__contacts__user=user)
        .distinct()
        .select_related("company__organisation", "partnership")
        .prefetch_related("realisations", "moves", "documents")
    )


@dataclass
class StageRow:
    stage: str
    label: Any
    count: int = 0
    value_idr: Decimal = Decimal(0)
    weighted_idr: Decimal = Decimal(0)
    width: float = 0.0  # funnel bar width, % of the widest stage


@dataclass
class PipelineSummary:
    rows: list[StageRow] = field(default_factory=list)
    weighted_idr: Decimal = Decimal(0)
    unconverted: int = 0  # leads whose currency has no rate


def pipeline_summary(leads: Any, *, today: dt.date | None = None) -> PipelineSummary:
    """Leads and expected investment by stage, weighted by each lead's probability (converted
    to rupiah with the dated rate table), for the table and the funnel chart."""
    today = today or timezone.localdate()
    book = RateBook()
    rows = {stage: StageRow(stage, c.Stage(stage).label) for stage in c.Stage.values}
    summary = PipelineSummary(rows=list(rows.values()))
    for lead in leads:
        row = rows[lead.stage]
        row.count += 1
        value = book.to_idr(lead.expected_investment, lead.currency, today)
        if value is None:
            summary.unconverted += lead.expected_investment is not None
            continue
        row.value_idr += value
        weighted = (value * lead.probability / 100).quantize(Decimal("1"))
        row.weighted_idr += weighted
        if lead.stage != c.Stage.DROPPED:
            summary.weighted_idr += weighted
    # The funnel: how many leads reached each stage (a lead further on passed the earlier ones).
    reached = 0
    widest = 0
    for stage in reversed(c.STAGE_ORDER):
        reached += rows[stage].count
        rows[stage].width = reached
        widest = max(widest, reached)
    for stage in c.STAGE_ORDER:
        rows[stage].width = round(100 * rows[stage].width / widest, 1) if widest else 0.0
    return summary


def overdue_leads(*, user: Any, partnership: Any | None = None) -> QuerySet:
    """The user's own leads whose next step is overdue (the dashboard's reminder)."""
    leads = Lead.objects.for_user(user).filter(overdue_filter(timezone.localdate()), owner=user)
    if partnership is not None:
        leads = leads.filter(partnership=partnership)
    return leads.order_by("next_step_due")


def companies(*, user: Any, partnership: Any) -> QuerySet:
    return (
        Company.objects.for_user(user)
        .filter(partnership=partnership)
        .select_related("organisation", "introduced_by", "sector", "parent")
        .prefetch_related(
            "organisation__translations",
            "introduced_by__translations",
            "parent__translations",
            "sector__translations",
            "contacts",
        )
    )


def delegations(*, user: Any, partnership: Any) -> QuerySet:
    return (
        Delegation.objects.for_user(user)
        .filter(partnership=partnership)
        .select_related("meeting")
        .prefetch_related(
            "meeting__translations",
            "translations",
            "sites__translations",
            Prefetch("leads", queryset=Lead.objects.for_user(user)),
            "documents",
        )
    )


def realisations(*, user: Any, partnership: Any) -> QuerySet:
    return (
        Realisation.objects.for_user(user)
        .filter(lead__partnership=partnership)
        .select_related("lead__company__organisation")
        .prefetch_related("lead__company__organisation__translations")
        .order_by("year", "quarter", "lead__title")
    )


# --------------------------------------------------------------------------------------
# totals (indicator feeds): every lead counts, confidential ones too — a total names no one
# --------------------------------------------------------------------------------------


def realised_investment_idr(partnership: Any) -> Decimal:
    book = RateBook()
    total = Decimal(0)
    for r in Realisation.objects.filter(lead__partnership=partnership):
        value = book.to_idr(r.total, r.currency, quarter_end(r.year, r.quarter))
        total += value or 0
    return total


def jobs_created(partnership: Any) -> int:
    """Workers employed by the partnership's projects: each project's latest quarter."""
    latest: dict[int, Realisation] = {}
    for r in Realisation.objects.filter(lead__partnership=partnership).order_by("year", "quarter"):
        latest[r.lead_id] = r
    return sum(r.jobs for r in latest.values())


def letters_of_intent(partnership: Any) -> int:
    return (
        Lead.objects.filter(partnership=partnership, documents__kind=c.DocumentKind.LOI)
        .distinct()
        .count()
    )


def milestones_done(partnership: Any) -> int:
    from sistercity.investment.models import Milestone

    return Milestone.objects.filter(project__partnership=partnership, done_on__isnull=False).count()


# --------------------------------------------------------------------------------------
# opportunities and the public prospectus
# --------------------------------------------------------------------------------------


def opportunities(*, user: Any, partnership: Any) -> QuerySet:
    return (
        Opportunity.objects.for_user(user)
        .filter(partnership=partnership)
        .prefetch_related("translations", "incentives__translations", "sectors__translations")
    )


def incentives(*, user: Any, partnership: Any) -> QuerySet:
    return (
        Incentive.objects.for_user(user)
        .filter(partnership=partnership)
        .prefetch_related("translations")
    )


def target_sectors(*, user: Any, partnership: Any) -> QuerySet:
    return (
        TargetSector.objects.for_user(user)
        .filter(partnership=partnership)
        .prefetch_related("translations")
    )


def tech_projects(*, user: Any, partnership: Any) -> QuerySet:
    return (
        TechTransferProject.objects.for_user(user)
        .filter(partnership=partnership)
        .select_related("partner", "programme", "indicator")
        .prefetch_related("translations", "partner__translations", "milestones__translations")
    )


def public_partnership(slug: str) -> Any:
    from sistercity.partnerships.selectors import public_partnership_list

    return get_object_or_404(public_partnership_list(), slug=slug)


def public_opportunities(partnership: Any) -> QuerySet:
    return (
        Opportunity.objects.filter(partnership=partnership, is_public=True)
        .exclude(availability=c.Availability.TAKEN)
        .prefetch_related("translations", "incentives__translations", "sectors__translations")
    )


def public_projects(partnership: Any) -> QuerySet:
    return PartnerProject.objects.filter(
        partnership=partnership, is_public=True, status=c.ProjectStatus.OPEN
    ).prefetch_related("translations", "incentives__translations", "sectors__translations")


def public_incentives(partnership: Any, *, today: dt.date | None = None) -> QuerySet:
    """Incentives valid today (an expired one is not advertised)."""
    today = today or timezone.localdate()
    return (
        Incentive.objects.filter(partnership=partnership, valid_from__lte=today)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .prefetch_related("translations")
    )


def public_sectors(partnership: Any) -> QuerySet:
    return TargetSector.objects.filter(partnership=partnership).prefetch_related("translations")


def visible_actions(user: Any, partnership: Any) -> dict[str, bool]:
    from sistercity.core.access import access_for

    access = access_for(user, partnership)
    return {"can_edit": access.can(Action.CHANGE, pillar=c.PILLAR)}
