"""The coverage engine against PySAL spopt's published results and brute force."""

import csv
import itertools
from pathlib import Path

import numpy as np
import pytest

from sistercity.emergency import coverage
from sistercity.emergency.coverage import CoverageInputError

DATA = Path(__file__).parent / "data" / "spopt_sf_tracts_stores.csv"


@pytest.fixture(scope="module")
def san_francisco():
    with DATA.open() as f:
        rows = list(csv.reader(f))[1:]
    weights = np.array([float(r[1]) for r in rows])
    cost = np.array([[float(x) for x in r[2:]] for r in rows])
    return cost, weights


def test_mclp_matches_spopt_on_san_francisco(san_francisco):
    cost, weights = san_francisco
    result = coverage.mclp(cost, weights, 5000.0, 4)
    assert result.optimal
    assert len(result.sites) == 4
    assert int((~result.covered).sum()) == 21
    assert result.covered.mean() * 100 == pytest.approx(89.75609756097561)
    assert result.objective == pytest.approx(weights[result.covered].sum())


def test_p_median_matches_spopt_on_san_francisco(san_francisco):
    cost, weights = san_francisco
    result = coverage.p_median(cost, weights, 4)
    assert result.optimal
    assert result.mean_cost == pytest.approx(2982.1268579890657, rel=1e-12)
    assert result.covered.all()
    assigned = cost[np.arange(len(cost)), result.assignment]
    assert np.allclose(assigned, cost[:, result.sites].min(axis=1))


def _random_case(seed, clients=9, sites=6):
    rng = np.random.default_rng(seed)
    cost = rng.uniform(0, 30, size=(clients, sites)).round(1)
    weights = rng.integers(1, 500, size=clients).astype(float)
    return cost, weights


def _subsets(sites, p, fixed):
    others = [j for j in range(sites) if j not in fixed]
    for rest in itertools.combinations(others, p - len(fixed)):
        yield sorted([*fixed, *rest])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("fixed", [(), (2,), (0, 4)])
def test_mclp_equals_brute_force(seed, fixed):
    cost, weights = _random_case(seed)
    best = max(weights[(cost[:, s].min(axis=1) <= 15)].sum() for s in _subsets(6, 3, set(fixed)))
    result = coverage.mclp(cost, weights, 15.0, 3, fixed=fixed)
    assert result.optimal
    assert set(fixed) <= set(result.sites)
    assert result.objective == pytest.approx(best)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("fixed", [(), (1,), (3, 5)])
def test_p_median_equals_brute_force(seed, fixed):
    cost, weights = _random_case(seed)
    best = min((weights * cost[:, s].min(axis=1)).sum() for s in _subsets(6, 3, set(fixed)))
    result = coverage.p_median(cost, weights, 3, fixed=fixed)
    assert result.optimal
    assert set(fixed) <= set(result.sites)
    assert result.objective == pytest.approx(best)
    assert result.mean_cost == pytest.approx(best / weights.sum())


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("fixed", [(), (0,)])
def test_lscp_equals_brute_force(seed, fixed):
    cost, _ = _random_case(seed)
    radius = float(cost.min(axis=1).max()) + 1.0  # every client coverable
    fewest = min(
        len(s)
        for p in range(1, 7)
        for s in _subsets(6, max(p, len(fixed)), set(fixed))
        if (cost[:, s].min(axis=1) <= radius).all()
    )
    result = coverage.lscp(cost, radius, fixed=fixed)
    assert result.optimal
    assert result.objective == fewest == len(result.sites)
    assert result.covered.all()
    assert set(fixed) <= set(result.sites)


def test_fixed_existing_posts_and_one_more_raise_coverage():
    # Two villages far from the only post; a candidate near both.
    cost = np.array([[5.0, 40.0], [30.0, 10.0], [35.0, 12.0]])
    weights = np.array([100.0, 50.0, 70.0])
    today = coverage.evaluate(cost, weights, [0], 15.0)
    assert today.weight_covered == 100.0
    more = coverage.mclp(cost, weights, 15.0, 2, fixed=[0])
    assert more.sites == [0, 1]
    assert more.weight_covered == 220.0
    assert more.assignment.tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: coverage.mclp([[1.0, np.nan]], [1.0], 15, 1), "missing_pairs"),
        (lambda: coverage.mclp([[1.0, -2.0]], [1.0], 15, 1), "negative_cost"),
        (lambda: coverage.mclp([[1.0, 2.0]], [1.0], 15, 3), "p_too_large"),
        (lambda: coverage.mclp([[1.0, 2.0]], [1.0], 15, 1, fixed=[5]), "fixed_not_candidate"),
        (lambda: coverage.mclp([[1.0, 2.0]], [1.0], 15, 1, fixed=[0, 1]), "fixed_exceeds_p"),
        (lambda: coverage.p_median([[1.0, 2.0]], [1.0, 2.0], 1), "weights_length"),
        (lambda: coverage.lscp([[20.0, 30.0], [1.0, 2.0]], 15), "uncoverable"),
        (lambda: coverage.mclp(np.zeros((0, 2)), [], 15, 1), "shape"),
    ],
)
def test_bad_input_is_refused_with_a_code(call, code):
    with pytest.raises(CoverageInputError) as raised:
        call()
    assert raised.value.code == code


def test_estimated_minutes_from_straight_line():
    # Batang (−6.907, 109.730) to Pekalongan (−6.889, 109.675): about 6.4 km as the crow flies.
    km = coverage.haversine_km([[-6.907, 109.730]], [[-6.889, 109.675]])[0, 0]
    assert km == pytest.approx(6.4, abs=0.1)
    minutes = coverage.estimated_minutes(
        [[-6.907, 109.730]], [[-6.889, 109.675]], detour_factor=1.4, speed_kmh=40.0
    )[0, 0]
    assert minutes == pytest.approx(km * 1.4 / 40 * 60)
    with pytest.raises(CoverageInputError) as raised:
        coverage.estimated_minutes([[np.nan, 1.0]], [[0.0, 0.0]], detour_factor=1.3, speed_kmh=40)
    assert raised.value.code == "coordinates"


def test_response_stats():
    stats = coverage.response_stats([5, 10, 14, 15, 16, 30, 8, 12, 20, 9])
    assert stats.count == 10
    assert stats.within == 7
    assert stats.share_within == 0.7
    assert stats.median == 13.0
    assert stats.p90 == pytest.approx(np.percentile([5, 10, 14, 15, 16, 30, 8, 12, 20, 9], 90))
    assert coverage.response_stats([]) is None
