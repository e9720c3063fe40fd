"""Reads for programmes and results, with the progress roll-up and money in IDR.

The dashboard and accountability pages are built from a fixed number of queries whatever the
number of programmes, indicators and periods: everything is prefetched, then rolled up in
Python by the pure ``progress`` module.
"""

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from sistercity.core.models import Pillar
from sistercity.core.registry import PlannedValue, registry
from sistercity.programs import choices as c
from sistercity.programs import progress as p
from sistercity.programs.models import (
    ActionItem,
    BudgetLine,
    Clause,
    ExchangeRate,
    Indicator,
    IndicatorUpdate,
    Meeting,
    Period,
    Programme,
    Result,
    Transaction,
)


def programmes_with_results(partnership, *, public_only: bool = False):
    programmes = Programme.objects.filter(partnership=partnership)
    if public_only:
        programmes = programmes.filter(is_public=True)
    approved = IndicatorUpdate.objects.filter(status=c.UpdateStatus.APPROVED).order_by(
        "reviewed_at", "pk"
    )
    return programmes.select_related("pillar").prefetch_related(
        "translations",
        "pillar__translations",
        Prefetch(
            "results",
            queryset=Result.objects.prefetch_related(
                "translations",
                Prefetch(
                    "indicators",
                    queryset=Indicator.objects.prefetch_related(
                        "translations",
                        Prefetch(
                            "periods",
                            queryset=Period.objects.prefetch_related(
                                Prefetch("updates", queryset=approved, to_attr="approved")
                            ).order_by("start"),
                        ),
                    ),
                ),
            ).order_by("pk"),
        ),
    )


def indicator_data(indicator: Indicator) -> p.IndicatorData:
    return p.IndicatorData(
        quantitative=indicator.is_quantitative,
        ascending=indicator.ascending,
        cumulative=indicator.cumulative,
        baseline=indicator.baseline_value,
        weight=indicator.weight,
        periods=[
            p.PeriodData(
                start=period.start,
                end=period.end,
                target=period.target_value,
                values=[
                    (u.reviewed_at.date(), u.value)
                    for u in _approved(period)
                    if u.value is not None and u.reviewed_at is not None
                ],
            )
            for period in indicator.periods.all()
        ],
    )


def _approved(period: Period) -> list[IndicatorUpdate]:
    # Set by ``programmes_with_results``'s prefetch (``to_attr="approved"``).
    return period.approved  # type: ignore[attr-defined]


@dataclass
class IndicatorRow:
    indicator: Indicator
    progress: float | None
    actual: Decimal | None
    target: Decimal | None
    off_track: bool


@dataclass
class ResultRow:
    result: Result
    progress: float
    indicators: list[IndicatorRow]


@dataclass
class ProgrammeRow:
    programme: Programme
    progress: float | None
    results: list[ResultRow]


@dataclass
class PillarRow:
    pillar: Pillar
    progress: float | None
    programmes: list[ProgrammeRow] = field(default_factory=list)
    budget_idr: Decimal = Decimal(0)
    disbursed_idr: Decimal = Decimal(0)


def results_tree(partnership, *, public_only: bool = False, today: dt.date | None = None):
    """Programmes with results and indicators, each with its rolled-up progress."""
    today = today or timezone.localdate()
    rows = []
    for programme in programmes_with_results(partnership, public_only=public_only):
        result_rows = []
        for result in programme.results.all():
            indicator_rows = []
            data = []
            for indicator in result.indicators.all():
                datum = indicator_data(indicator)
                data.append(datum)
                indicator_rows.append(
                    IndicatorRow(
                        indicator=indicator,
                        progress=p.indicator_progress(datum),
                        actual=p.indicator_actual(datum),
                        target=p.indicator_target(datum),
                        off_track=p.off_track(datum, today),
                    )
                )
            default = c.RESULT_STATUS_PROGRESS[c.ResultStatus(result.status)]
            result_rows.append(
                ResultRow(result, p.result_progress(data, float(default)), indicator_rows)
            )
        programme_progress = p.weighted_mean((r.progress, r.result.weight) for r in result_rows)
        rows.append(ProgrammeRow(programme, programme_progress, result_rows))
    return rows


class RateTable:
    """Converts amounts to IDR with the latest rate on or before the date."""

    def __init__(self, currencies):
        self._dates: dict[str, list[dt.date]] = defaultdict(list)
        self._rates: dict[str, list[Decimal]] = defaultdict(list)
        for rate in ExchangeRate.objects.filter(currency__in=set(currencies)).order_by("on"):
            self._dates[rate.currency].append(rate.on)
            self._rates[rate.currency].append(rate.idr_per_unit)

    def to_idr(self, amount: Decimal, currency: str, on: dt.date) -> Decimal | None:
        if currency == c.Currency.IDR:
            return amount
        dates = self._dates.get(currency, [])
        index = bisect.bisect_right(dates, on) - 1
        if index < 0:
            index = 0 if dates else -1
        if index < 0:
            return None
        return (amount * self._rates[currency][index]).quantize(Decimal("1"))


def rate_on(currency: str, on: dt.date) -> ExchangeRate | None:
    """The rate of ``currency`` in force on ``on`` (the latest dated on or before it)."""
    return ExchangeRate.objects.filter(currency=currency, on__lte=on).order_by("-on").first()


@dataclass
class Spending:
    budget_idr: Decimal
    committed_idr: Decimal
    disbursed_idr: Decimal
    by_side: dict[str, Decimal]
    unconverted: int  # amounts with no rate for their currency

    @property
    def cofunding(self) -> dict[str, float]:
        total = sum(self.by_side.values(), Decimal(0))
        return {side: float(v / total * 100) if total else 0.0 for side, v in self.by_side.items()}


def spending(partnership, *, public_only: bool = False, programmes=None, year: int | None = None):
    """Budget, commitments and disbursements in IDR, per programme id and in total; with
    ``year``, only that year's budget lines and transactions."""
    line_rows = BudgetLine.objects.filter(programme__partnership=partnership)
    record_rows = Transaction.objects.filter(programme__partnership=partnership)
    if year is not None:
        line_rows = line_rows.filter(year=year)
        record_rows = record_rows.filter(on__year=year)
    if public_only:
        line_rows = line_rows.filter(programme__is_public=True)
        record_rows = record_rows.filter(programme__is_public=True)
    lines, records = list(line_rows), list(record_rows)
    rates = RateTable({x.currency for x in lines} | {x.currency for x in records})
    per_programme: dict[int, dict[str, Decimal]] = defaultdict(
        lambda: {"budget": Decimal(0), "committed": Decimal(0), "disbursed": Decimal(0)}
    )
    by_side: dict[str, Decimal] = {side: Decimal(0) for side in c.Side.values}
    unconverted = 0
    for line in lines:
        idr = rates.to_idr(line.amount, line.currency, dt.date(line.year, 1, 1))
        if idr is None:
            unconverted += 1
            continue
        per_programme[line.programme_id]["budget"] += idr
        by_side[line.side] += idr
    for record in records:
        idr = rates.to_idr(record.amount, record.currency, record.on)
        if idr is None:
            unconverted += 1
            continue
        key = "committed" if record.kind == c.TransactionType.COMMITMENT else "disbursed"
        per_programme[record.programme_id][key] += idr
    total = Spending(
        budget_idr=sum((v["budget"] for v in per_programme.values()), Decimal(0)),
        committed_idr=sum((v["committed"] for v in per_programme.values()), Decimal(0)),
        disbursed_idr=sum((v["disbursed"] for v in per_programme.values()), Decimal(0)),
        by_side=by_side,
        unconverted=unconverted,
    )
    return total, per_programme


def pillar_rows(tree, per_programme) -> list[PillarRow]:
    by_pillar: dict[int, PillarRow] = {}
    for row in tree:
        pillar = row.programme.pillar
        entry = by_pillar.setdefault(pillar.pk, PillarRow(pillar=pillar, progress=None))
        entry.programmes.append(row)
        money = per_programme.get(row.programme.pk)
        if money:
            entry.budget_idr += money["budget"]
            entry.disbursed_idr += money["disbursed"]
    for entry in by_pillar.values():
        entry.progress = p.weighted_mean((r.progress, r.programme.weight) for r in entry.programmes)
    return sorted(by_pillar.values(), key=lambda e: e.pillar.position)


def overdue_action_items(partnership, today: dt.date | None = None):
    today = today or timezone.localdate()
    return (
        ActionItem.objects.filter(
            meeting__partnership=partnership, status=c.ActionItemStatus.OPEN, due_on__lt=today
        )
        .select_related("owner", "meeting")
        .prefetch_related("meeting__translations")
        .order_by("due_on")
    )


def meetings(partnership):
    return (
        Meeting.objects.filter(partnership=partnership)
        .prefetch_related("translations", "participants", "action_items__owner")
        .order_by("-held_on")
    )


def pending_updates(partnership):
    return (
        IndicatorUpdate.objects.filter(
            period__indicator__result__programme__partnership=partnership,
            status=c.UpdateStatus.SUBMITTED,
        )
        .select_related("author", "period__indicator")
        .prefetch_related("period__indicator__translations")
        .order_by("submitted_at")
    )


def updates_by_period(programme: Programme) -> dict[int, list[IndicatorUpdate]]:
    """Every update of a programme's periods, newest first, by period id (one query)."""
    updates = (
        IndicatorUpdate.objects.filter(period__indicator__result__programme=programme)
        .select_related("author", "reviewer")
        .order_by("-created_at")
    )
    by_period: dict[int, list[IndicatorUpdate]] = {}
    for update in updates:
        by_period.setdefault(update.period_id, []).append(update)
    return by_period


def clause_tree(partnership) -> QuerySet[Clause]:
    """The agreement's clauses → action-plan items → programmes → activities and indicators."""
    return (
        Clause.objects.filter(partnership=partnership)
        .prefetch_related(
            "translations",
            "plan_items__translations",
            "plan_items__programmes__translations",
            "plan_items__programmes__activities__translations",
            "plan_items__programmes__results__indicators__translations",
        )
        .order_by("number")
    )


def planned_against_actual(
    *, user, partnership, tree: list[ProgrammeRow], year: int
) -> list[tuple[IndicatorRow, PlannedValue, float | None, int]]:
    """The plans the sector apps hold for the partnership's indicators (a waste scenario's
    diversion rate…), each with this year's planned value, beside the indicator's actual."""
    plans = registry.planned_values(user, partnership)
    return [
        (indicator, plan, plan.values.get(year), year)
        for row in tree
        for result in row.results
        for indicator in result.indicators
        for plan in plans.get(indicator.indicator.code, [])
    ]
