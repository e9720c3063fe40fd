"""Monte Carlo: bands bracket the deterministic run, collapse to it without ranges, reproduce.

No timings here: bench/wastemodel_montecarlo_bench.py measures speed.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from sistercity.environment.wastemodel import (
    ErrorCode,
    Facility,
    PriorLandfill,
    Scenario,
    UncertaintyRanges,
    WasteModelError,
    run_monte_carlo,
    run_scenario,
)
from sistercity.environment.wastemodel.montecarlo import OUTPUTS


def make(**overrides) -> Scenario:
    values = {
        "start_year": 2025,
        "horizon_years": 12,
        "population": 200_000,
        "generation_kg_per_capita_day": 0.6,
        "composition": {
            "food": 0.5,
            "wood": 0.1,
            "paper": 0.1,
            "plastic": 0.15,
            "textile": 0.05,
            "other": 0.1,
        },
        "source_separation_rate": 0.4,
        "shares": {
            "recycling": 0.05,
            "composting": 0.1,
            "anaerobic_digestion": 0.05,
            "incineration": 0.1,
            "rdf": 0.05,
            "open_burning": 0.1,
            "uncollected": 0.05,
            "landfill_managed_anaerobic": 0.2,
        },
        "residual_pathway": "landfill_unmanaged_deep",
        "landfill_gas_recovery": {"managed_anaerobic": 0.3},
        "facilities": [Facility("wte", "incineration", 3000, 2027, "landfill_managed_anaerobic")],
        "prior_landfill": [PriorLandfill("unmanaged_deep", [20_000.0] * 8)],
    } | overrides
    return Scenario(**values)


DETERMINISTIC = {
    "landfill_ch4_generated_t": lambda r: r.landfill.ch4_generated_t,
    "landfill_ch4_emitted_t": lambda r: r.landfill.ch4_emitted_t,
    "ch4_t": lambda r: sum(r.emissions.ch4_t.values()),
    "n2o_t": lambda r: sum(r.emissions.n2o_t.values()),
    "fossil_co2_t": lambda r: sum(r.emissions.fossil_co2_t.values()),
    "co2e_t": lambda r: r.emissions.total_co2e_t,
}


def test_without_ranges_every_band_equals_the_deterministic_run():
    scenario = make()
    result = run_scenario(scenario)
    mc = run_monte_carlo(scenario, draws=7, seed=3, ranges=UncertaintyRanges.fixed())
    assert set(mc.bands) == set(OUTPUTS) == set(DETERMINISTIC)
    for name, pick in DETERMINISTIC.items():
        expected = pick(result)
        for row in mc.bands[name]:
            np.testing.assert_allclose(row, expected, rtol=1e-10, atol=1e-9, err_msg=name)


def test_bands_are_ordered_and_bracket_the_default_run():
    scenario = make()
    result = run_scenario(scenario)
    mc = run_monte_carlo(scenario, draws=4000, seed=1)
    for name in OUTPUTS:
        p5, p50, p95 = mc.bands[name]
        assert np.all(p5 <= p50 + 1e-9) and np.all(p50 <= p95 + 1e-9), name
        assert np.all(p5 >= 0), name
    generated = result.landfill.ch4_generated_t
    assert np.all(mc.band("landfill_ch4_generated_t", 5) <= generated)
    assert np.all(mc.band("landfill_ch4_generated_t", 95) >= generated)
    # The uncertainty is real: the 90 % band of total CO2e is wide.
    p5, _, p95 = mc.bands["co2e_t"]
    assert np.all(p95 - p5 > 0.05 * result.emissions.total_co2e_t)


def test_sampling_k_alone_only_reshapes_when_the_commitment_appears():
    # One deposit made the year before the start (nothing decays in its own year at the
    # default delay) and no new waste: over 100 years every draw generates between
    # (1 - e^-(100 k)) of its commitment and the commitment itself, whatever k it drew.
    scenario = make(
        horizon_years=100,
        population=0.0,
        shares={},
        facilities=[],
        prior_landfill=[PriorLandfill("unmanaged_deep", [10_000.0], {"paper": 1.0})],
    )
    only_k = replace(UncertaintyRanges.fixed(), k={"paper": (0.06, 0.085)})
    mc = run_monte_carlo(scenario, draws=500, seed=2, ranges=only_k)
    commitment = 10_000 * 0.4 * 0.5 * 0.8 * 0.5 * 16 / 12
    lifetime = mc.mean["landfill_ch4_generated_t"].sum()  # the mean of the per-draw totals
    assert commitment * (1 - np.exp(-0.06 * 100)) <= lifetime <= commitment
    first_year = mc.bands["landfill_ch4_generated_t"][:, 0]
    # Faster decay puts more CH4 in the first year: p5 < p50 < p95 there.
    assert first_year[0] < first_year[1] < first_year[2]
    assert commitment * (1 - np.exp(-0.06)) <= first_year[0]
    assert first_year[2] <= commitment * (1 - np.exp(-0.085))


def test_seeded_runs_reproduce_and_seeds_differ():
    scenario = make(horizon_years=5)
    a = run_monte_carlo(scenario, draws=300, seed=42)
    b = run_monte_carlo(scenario, draws=300, seed=42)
    c = run_monte_carlo(scenario, draws=300, seed=43)
    np.testing.assert_array_equal(a.bands["co2e_t"], b.bands["co2e_t"])
    assert not np.array_equal(a.bands["co2e_t"], c.bands["co2e_t"])


def test_custom_percentiles_and_plain_output():
    mc = run_monte_carlo(make(horizon_years=3), draws=200, seed=0, percentiles=(2.5, 50, 97.5))
    assert mc.bands["co2e_t"].shape == (3, 3)
    data = json.loads(json.dumps(mc.to_dict()))
    assert set(data["bands"]["co2e_t"]) == {"p2_5", "p50", "p97_5"}
    assert data["years"] == [2025, 2026, 2027] and data["draws"] == 200
    with pytest.raises(WasteModelError) as raised:
        mc.band("co2e_t", 95)
    assert raised.value.code == ErrorCode.INVALID_PARAMETER


@pytest.mark.parametrize(
    "kwargs",
    [{"draws": 0}, {"draws": 2_000_000}, {"percentiles": (5, 101)}, {"percentiles": ()}],
)
def test_invalid_monte_carlo_arguments(kwargs):
    with pytest.raises(WasteModelError) as raised:
        run_monte_carlo(make(horizon_years=2), **kwargs)
    assert raised.value.code == ErrorCode.INVALID_PARAMETER


def test_invalid_ranges():
    with pytest.raises(WasteModelError) as raised:
        UncertaintyRanges(k={"nappies": (0.1, 0.2)})
    assert raised.value.code == ErrorCode.UNKNOWN_WASTE_TYPE
    with pytest.raises(WasteModelError) as raised:
        UncertaintyRanges(docf=(0.6, 0.4))
    assert raised.value.code == ErrorCode.INVALID_PARAMETER
