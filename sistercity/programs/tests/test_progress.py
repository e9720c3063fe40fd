"""The pure roll-up: indicator → result → programme → pillar (Decidim / Akvo RSR rules)."""

from datetime import date
from decimal import Decimal as D

from sistercity.programs import progress as p

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
Q2 = (date(2026, 4, 1), date(2026, 6, 30))


def indicator(
    values_q1=(),
    values_q2=(),
    *,
    targets=(D(50), D(50)),
    ascending=True,
    cumulative=True,
    baseline=D(0),
    quantitative=True,
):
    periods = [
        p.PeriodData(*Q1, targets[0], [(date(2026, 3, 1), v) for v in values_q1]),
        p.PeriodData(*Q2, targets[1], [(date(2026, 6, 1), v) for v in values_q2]),
    ]
    return p.IndicatorData(quantitative, ascending, cumulative, baseline, periods)


def test_cumulative_indicator_sums_values_against_the_sum_of_targets():
    ind = indicator([D(20), D(5)], [D(25)])
    assert p.indicator_actual(ind) == D(50) and p.indicator_target(ind) == D(100)
    assert p.indicator_progress(ind) == 50.0


def test_level_indicator_takes_the_latest_value_and_the_final_target():
    ind = indicator([D(6)], [D(9)], targets=(D(8), D(15)), cumulative=False, baseline=D(5))
    assert p.indicator_actual(ind) == D(9)
    assert p.indicator_progress(ind) == 40.0  # (9 - 5) / (15 - 5)


def test_descending_indicator_counts_falling_values_as_progress():
    ind = indicator(
        [D(80)], [], targets=(D(70), D(40)), ascending=False, cumulative=False, baseline=D(100)
    )
    assert p.indicator_progress(ind) == 100 * 20 / 60


def test_progress_is_clamped_and_unmeasurable_cases_are_none():
    assert p.indicator_progress(indicator([D(500)])) == 100.0
    assert p.indicator_progress(indicator()) == 0.0
    assert p.indicator_progress(indicator(quantitative=False)) is None
    assert p.indicator_progress(indicator(targets=(None, None))) is None


def test_a_missed_period_target_is_off_track():
    assert p.off_track(indicator([D(10)], targets=(D(50), D(50))), today=date(2026, 5, 1))
    assert not p.off_track(indicator([D(60)]), today=date(2026, 5, 1))
    # A period without any approved value that has ended is off track too.
    assert p.off_track(indicator(), today=date(2026, 5, 1))
    assert not p.off_track(indicator(), today=date(2026, 3, 1))


def test_weighted_mean_skips_missing_values():
    assert p.weighted_mean([(100.0, D(3)), (0.0, D(1)), (None, D(5))]) == 75.0
    assert p.weighted_mean([(None, D(1))]) is None


def test_result_without_measurable_indicators_shows_its_status_default():
    assert p.result_progress([indicator(quantitative=False)], 50.0) == 50.0
    assert p.result_progress([indicator([D(50)])], 50.0) == 50.0
    assert p.result_progress([indicator([D(100)])], 0.0) == 100.0
