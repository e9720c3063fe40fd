"""Progress roll-up, as in Decidim's accountability module and Akvo RSR. Pure: no Django.

indicator → result → programme → pillar, each level a weighted mean of the one below. An
indicator's progress is how far its actual has moved from the baseline towards the final target
(clamped to 0–100 %), in the indicator's direction. Only approved values reach this module.
A result without a quantitative indicator shows its status's default percentage.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PeriodData:
    start: date
    end: date
    target: Decimal | None
    # (date approved, value) of approved updates, oldest first.
    values: Sequence[tuple[date, Decimal]] = field(default_factory=tuple)


@dataclass(frozen=True)
class IndicatorData:
    quantitative: bool
    ascending: bool
    cumulative: bool
    baseline: Decimal | None
    periods: Sequence[PeriodData]
    weight: Decimal = Decimal(1)


def period_actual(period: PeriodData, cumulative: bool) -> Decimal | None:
    if not period.values:
        return None
    if cumulative:
        return sum((value for _, value in period.values), Decimal(0))
    return period.values[-1][1]


def indicator_actual(indicator: IndicatorData) -> Decimal | None:
    actuals = [period_actual(p, indicator.cumulative) for p in indicator.periods]
    reported = [a for a in actuals if a is not None]
    if not reported:
        return None
    if indicator.cumulative:
        return sum(reported, Decimal(0))
    # A level: the latest approved value across periods.
    latest = max(
        ((when, value) for p in indicator.periods for when, value in p.values),
        key=lambda pair: pair[0],
    )
    return latest[1]


def indicator_target(indicator: IndicatorData) -> Decimal | None:
    targets = [
        p.target for p in sorted(indicator.periods, key=lambda p: p.end) if p.target is not None
    ]
    if not targets:
        return None
    return sum(targets, Decimal(0)) if indicator.cumulative else targets[-1]


def indicator_progress(indicator: IndicatorData) -> float | None:
    """Percent of the way from baseline to the final target; None when it cannot be measured."""
    if not indicator.quantitative:
        return None
    target = indicator_target(indicator)
    actual = indicator_actual(indicator)
    if target is None:
        return None
    baseline = indicator.baseline or Decimal(0)
    if indicator.cumulative:
        baseline = Decimal(0)  # a count starts from nothing within the programme
    span = (target - baseline) if indicator.ascending else (baseline - target)
    if span <= 0:
        return None
    if actual is None:
        return 0.0
    moved = (actual - baseline) if indicator.ascending else (baseline - actual)
    return float(min(max(moved / span * 100, Decimal(0)), Decimal(100)))


def off_track(indicator: IndicatorData, today: date) -> bool:
    """A period that has ended missed its target (or has no approved value)."""
    if not indicator.quantitative:
        return False
    for period in indicator.periods:
        if period.end >= today or period.target is None:
            continue
        actual = period_actual(period, indicator.cumulative)
        if actual is None:
            return True
        if indicator.ascending and actual < period.target:
            return True
        if not indicator.ascending and actual > period.target:
            return True
    return False


def weighted_mean(pairs: Iterable[tuple[float | None, Decimal]]) -> float | None:
    """Weighted mean of the values that exist; None when none do (or all weights are zero)."""
    total = Decimal(0)
    weights = Decimal(0)
    for value, weight in pairs:
        if value is None:
            continue
        total += Decimal(str(value)) * weight
        weights += weight
    return float(total / weights) if weights else None


def result_progress(indicators: Sequence[IndicatorData], status_default: float) -> float:
    measured = weighted_mean((indicator_progress(i), i.weight) for i in indicators)
    return status_default if measured is None else measured
