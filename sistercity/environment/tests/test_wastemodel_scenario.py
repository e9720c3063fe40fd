"""Scenario results: Jakstranas indicators, TPA volume, landfill CH4, other gases, energy, cost."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from sistercity.environment.wastemodel import (
    WASTE_TYPES,
    ErrorCode,
    Facility,
    ModelParameters,
    PriorLandfill,
    Scenario,
    WasteModelError,
    ch4_generated,
    run_scenario,
    scenario_from_dict,
)
from sistercity.environment.wastemodel.parameters import GWP_AR5, LHV_MJ_PER_KG

T_PER_YEAR = 100_000 * 0.5 * 365 / 1000  # 18 250 t/yr


def make(**overrides) -> Scenario:
    values = {
        "start_year": 2025,
        "horizon_years": 10,
        "population": 100_000,
        "generation_kg_per_capita_day": 0.5,
        "composition": {"food": 0.6, "paper": 0.1, "plastic": 0.2, "other": 0.1},
    } | overrides
    return Scenario(**values)


# -- Jakstranas ------------------------------------------------------------------------


def test_jakstranas_reduction_and_handling():
    result = run_scenario(
        make(
            source_separation_rate=0.6,
            shares={
                "recycling": 0.15,
                "composting": 0.1,
                "anaerobic_digestion": 0.05,
                "incineration": 0.1,
                "landfill_managed_anaerobic": 0.3,
                "open_burning": 0.05,
                "uncollected": 0.05,
            },
            residual_pathway="landfill_unmanaged_deep",
        )
    )
    ind = result.indicators
    np.testing.assert_allclose(ind.reduction_pct, 30.0)
    np.testing.assert_allclose(ind.handling_pct, 60.0)
    np.testing.assert_allclose(ind.unmanaged_pct, 10.0)
    np.testing.assert_allclose(ind.managed_pct + ind.unmanaged_pct, 100.0)
    assert (ind.reduction_target_pct, ind.handling_target_pct, ind.target_year) == (30, 70, 2025)
    assert result.meets_jakstranas(2025) == {
        "reduction": True,
        "handling": False,
        "in_horizon": True,
    }
    assert result.meets_jakstranas(1999)["in_horizon"] is False


def test_overflowing_compost_plant_does_not_count_as_reduction():
    result = run_scenario(
        make(
            horizon_years=2,
            source_separation_rate=1.0,
            shares={"composting": 0.5},
            facilities=[
                Facility("kompos", "composting", T_PER_YEAR * 0.2, 2025, "landfill_uncategorised")
            ],
        )
    )
    np.testing.assert_allclose(result.indicators.reduction_pct, 20.0)
    np.testing.assert_allclose(result.indicators.handling_pct, 80.0)


# -- TPA volume ------------------------------------------------------------------------


def test_tpa_volume_and_the_year_it_is_full():
    params = ModelParameters(landfill_density_t_per_m3=0.5)
    result = run_scenario(
        make(
            residual_pathway="landfill_unmanaged_shallow",
            shares={"landfill_managed_anaerobic": 0.5},
            tpa_site_types=["managed_anaerobic"],
            landfill_capacity_m3=100_000,
            landfill_used_m3_at_start=20_000,
            parameters=params,
        )
    )
    yearly = 0.5 * T_PER_YEAR / 0.5
    np.testing.assert_allclose(result.landfill.tpa_volume_m3, yearly)
    np.testing.assert_allclose(
        result.landfill.tpa_cumulative_volume_m3, 20_000 + yearly * np.arange(1, 11)
    )
    # 20 000 + 18 250 n >= 100 000 first at n = 5, i.e. the end of 2029.
    assert result.landfill.year_full == 2029
    assert {
        "code": "landfill_full",
        "message": "The TPA is full in 2029.",
        "params": {"year": 2029},
    } in result.warnings
    assert run_scenario(make()).landfill.year_full is None


# -- landfill CH4 ----------------------------------------------------------------------


def test_landfill_ch4_is_the_fod_of_each_waste_type_on_each_site():
    result = run_scenario(make(residual_pathway="landfill_unmanaged_deep"))
    deposits = np.full(10, T_PER_YEAR)
    expected = sum(
        ch4_generated(deposits * share, doc=doc, docf=0.5, mcf=0.8, k=k)
        for share, doc, k in [(0.6, 0.15, 0.4), (0.1, 0.4, 0.07)]
    )
    np.testing.assert_allclose(result.landfill.ch4_generated_t, expected, rtol=1e-12)
    np.testing.assert_allclose(result.landfill.ch4_emitted_t, expected, rtol=1e-12)  # OX 0
    commitment = T_PER_YEAR * (0.6 * 0.15 + 0.1 * 0.4) * 0.5 * 0.8 * 0.5 * 16 / 12
    np.testing.assert_allclose(result.landfill.ch4_commitment_t, commitment, rtol=1e-12)
    assert result.landfill.ch4_generated_by_waste_type_t["plastic"].sum() == 0


def test_oxidation_and_recovery_act_only_at_emission():
    base = make(residual_pathway="landfill_managed_anaerobic")
    plain = run_scenario(
        replace(
            base,
            parameters=ModelParameters(
                ox=dict.fromkeys(
                    (
                        "managed_anaerobic",
                        "managed_semi_aerobic",
                        "unmanaged_deep",
                        "unmanaged_shallow",
                        "uncategorised",
                    ),
                    0.0,
                )
            ),
        )
    )
    recovery = [0.0] * 5 + [0.5] * 5
    treated = run_scenario(replace(base, landfill_gas_recovery={"managed_anaerobic": recovery}))
    generated = plain.landfill.ch4_generated_t
    np.testing.assert_array_equal(treated.landfill.ch4_generated_t, generated)
    np.testing.assert_allclose(treated.landfill.ch4_recovered_t, generated * np.array(recovery))
    np.testing.assert_allclose(
        treated.landfill.ch4_emitted_t, (generated - generated * np.array(recovery)) * (1 - 0.1)
    )
    np.testing.assert_allclose(plain.landfill.ch4_emitted_t, generated)


def test_prior_landfill_keeps_emitting_after_the_start_year():
    prior = PriorLandfill("uncategorised", [T_PER_YEAR] * 5, composition={"food": 1.0})
    result = run_scenario(make(prior_landfill=[prior], residual_pathway="landfill_unmanaged_deep"))
    without = run_scenario(make(residual_pathway="landfill_unmanaged_deep"))
    history = ch4_generated(
        np.concatenate([np.full(5, T_PER_YEAR), np.zeros(10)]), doc=0.15, docf=0.5, mcf=0.6, k=0.4
    )[5:]
    np.testing.assert_allclose(
        result.landfill.ch4_generated_t, without.landfill.ch4_generated_t + history, rtol=1e-12
    )
    assert without.landfill.ch4_generated_t[0] == 0 < result.landfill.ch4_generated_t[0]
    np.testing.assert_allclose(result.landfill.deposited_t, without.landfill.deposited_t)


# -- other gases, energy, CO2e -----------------------------------------------------------


def test_biological_treatment_uses_ipcc_table_4_1_wet_factors():
    result = run_scenario(
        make(source_separation_rate=1.0, shares={"composting": 0.3, "anaerobic_digestion": 0.2})
    )
    em = result.emissions
    np.testing.assert_allclose(em.ch4_t["composting"], 0.3 * T_PER_YEAR * 4.0e-3)
    np.testing.assert_allclose(em.n2o_t["composting"], 0.3 * T_PER_YEAR * 0.3e-3)
    np.testing.assert_allclose(em.ch4_t["anaerobic_digestion"], 0.2 * T_PER_YEAR * 0.8e-3)
    np.testing.assert_allclose(em.n2o_t["anaerobic_digestion"], 0.0)


def test_fossil_co2_of_incineration_and_open_burning_eq_5_1():
    result = run_scenario(
        make(composition={"plastic": 1.0}, shares={"incineration": 0.5, "open_burning": 0.5})
    )
    burnt = 0.5 * T_PER_YEAR
    em = result.emissions
    # plastic: dry matter 1.0, carbon 0.75, fossil 1.0; OF 1.0 and 0.58 (Table 5.2).
    np.testing.assert_allclose(em.fossil_co2_t["incineration"], burnt * 0.75 * 44 / 12)
    np.testing.assert_allclose(em.fossil_co2_t["open_burning"], burnt * 0.75 * 0.58 * 44 / 12)
    np.testing.assert_allclose(em.ch4_t["open_burning"], burnt * 6500e-6)
    np.testing.assert_allclose(em.n2o_t["open_burning"], burnt * 1.0 * 150e-6)
    np.testing.assert_allclose(em.n2o_t["incineration"], burnt * 50e-6)
    np.testing.assert_allclose(
        result.energy.electricity_mwh, burnt * LHV_MJ_PER_KG["plastic"] * 0.20 / 3.6
    )
    assert result.warnings == ()


def test_biogenic_carbon_is_not_counted():
    result = run_scenario(make(composition={"food": 1.0}, shares={"incineration": 1.0}))
    np.testing.assert_allclose(result.emissions.fossil_co2_t["incineration"], 0.0)
    low = [w for w in result.warnings if w["code"] == "incineration_low_lhv"]
    assert low and low[0]["params"]["years"][0] == 2025


def test_co2e_states_and_uses_the_gwp_set():
    scenario = make(source_separation_rate=1.0, shares={"composting": 0.5, "open_burning": 0.2})
    ar5 = run_scenario(scenario)
    em = ar5.emissions
    assert (em.gwp_set, em.gwp) == ("AR5", GWP_AR5) == ("AR5", {"CH4": 28.0, "N2O": 265.0})
    for source in em.co2e_t:
        np.testing.assert_allclose(
            em.co2e_t[source],
            em.fossil_co2_t[source] + 28 * em.ch4_t[source] + 265 * em.n2o_t[source],
        )
    np.testing.assert_allclose(em.total_co2e_t, sum(em.co2e_t.values()))
    ar6 = run_scenario(replace(scenario, parameters=ModelParameters(gwp_set="AR6")))
    np.testing.assert_allclose(
        ar6.emissions.co2e_t["composting"],
        27 * em.ch4_t["composting"] + 273 * em.n2o_t["composting"],
    )


def test_recycling_credit_is_indicative_and_kept_apart():
    result = run_scenario(make(source_separation_rate=1.0, shares={"recycling": 0.2}))
    credit = result.emissions.avoided_recycling_co2e_t_indicative
    assert np.all(credit > 0)
    no_recycling = run_scenario(make())
    # Recycling moves paper and plastic out of the landfill; the credit is never subtracted.
    assert np.all(result.emissions.total_co2e_t >= 0)
    assert np.all(no_recycling.emissions.avoided_recycling_co2e_t_indicative == 0)


# -- cost ------------------------------------------------------------------------------


def test_capex_in_the_start_year_opex_per_tonne_and_net_present_cost():
    wte = Facility(
        "wte",
        "incineration",
        1e9,
        2027,
        "landfill_uncategorised",
        capex_idr=1e12,
        opex_idr_per_t=3e5,
    )
    result = run_scenario(
        make(
            horizon_years=4,
            shares={"incineration": 0.5},
            facilities=[wte],
            opex_idr_per_t={"landfill_uncategorised": 5e4},
            discount_rate=0.1,
        )
    )
    cost = result.cost
    np.testing.assert_allclose(cost.capex_idr, [0, 0, 1e12, 0])
    burnt = np.array([0, 0, 0.5, 0.5]) * T_PER_YEAR
    landfilled = T_PER_YEAR - burnt
    np.testing.assert_allclose(cost.opex_idr, burnt * 3e5 + landfilled * 5e4)
    expected_npc = sum(cost.total_idr[t] / 1.1**t for t in range(4))
    assert cost.net_present_cost_idr == pytest.approx(expected_npc)


# -- plain data in and out -------------------------------------------------------------


def test_results_are_json_ready():
    result = run_scenario(
        make(
            shares={"incineration": 0.2},
            facilities=[Facility("wte", "incineration", 100, 2026, "open_burning")],
        )
    )
    data = json.loads(json.dumps(result.to_dict()))
    assert data["years"][0] == 2025 and len(data["generation_t"]) == 10
    assert data["emissions"]["gwp_set"] == "AR5"
    assert set(data["flows_t"]) >= {"recycling", "landfill_uncategorised", "uncollected"}
    assert "incineration->open_burning" in data["overflow_t"]
    assert data["energy"]["incinerated_lhv_mj_per_kg"][0] is None  # nothing burnt in 2025
    assert math.isclose(sum(v[3] for v in data["flows_t"].values()), data["generation_t"][3])


def test_scenario_from_plain_data():
    data = {
        "start_year": 2025,
        "horizon_years": 5,
        "population": 100_000,
        "generation_kg_per_capita_day": 0.5,
        "composition": {"food": 0.6, "paper": 0.1, "plastic": 0.2, "other": 0.1},
        "shares": {"open_burning": [0.1, 0.1, 0.05, 0.05, 0.0]},
        "facilities": [
            {
                "name": "wte",
                "pathway": "incineration",
                "capacity_t_per_year": 10,
                "start_year": 2026,
                "overflow_to": "open_burning",
            }
        ],
        "prior_landfill": [{"site_type": "uncategorised", "tonnes_per_year": [1000, 1000]}],
        "parameters": {"doc": {"food": 0.12}, "gwp_set": "AR4"},
    }
    scenario = scenario_from_dict(data)
    assert scenario.parameters.doc["food"] == 0.12
    assert scenario.parameters.doc["paper"] == 0.40
    assert run_scenario(scenario).emissions.gwp == {"CH4": 25.0, "N2O": 298.0}
    with pytest.raises(WasteModelError) as raised:
        scenario_from_dict(data | {"colour": "green"})
    assert (raised.value.code, raised.value.params["unknown"]) == (
        ErrorCode.UNKNOWN_FIELD,
        ["colour"],
    )
    with pytest.raises(WasteModelError) as raised:
        scenario_from_dict({k: v for k, v in data.items() if k != "population"})
    assert (raised.value.code, raised.value.params["missing"]) == (
        ErrorCode.MISSING_FIELD,
        ["population"],
    )
    with pytest.raises(WasteModelError) as raised:
        scenario_from_dict(data | {"parameters": {"k": {"food": 0}}})
    assert raised.value.code == ErrorCode.INVALID_PARAMETER


def test_parameter_tables_reject_unknown_keys_and_bad_values():
    with pytest.raises(WasteModelError) as raised:
        ModelParameters(doc={"nappies": 0.24})
    assert raised.value.code == ErrorCode.UNKNOWN_WASTE_TYPE
    with pytest.raises(WasteModelError) as raised:
        ModelParameters(mcf={"sanitary": 1.0})
    assert raised.value.code == ErrorCode.UNKNOWN_SITE_TYPE
    with pytest.raises(WasteModelError) as raised:
        ModelParameters(delay_months=12)
    assert raised.value.code == ErrorCode.INVALID_PARAMETER
    with pytest.raises(WasteModelError) as raised:
        ModelParameters(gwp_set="AR3")
    assert raised.value.code == ErrorCode.INVALID_PARAMETER


def test_every_waste_type_has_every_default():
    params = ModelParameters()
    for name in (
        "doc",
        "dry_matter",
        "carbon_fraction",
        "fossil_carbon_fraction",
        "k",
        "lhv_mj_per_kg",
        "recycling_avoided_t_co2e_per_t",
    ):
        assert set(getattr(params, name)) == set(WASTE_TYPES), name


def test_the_engine_imports_no_django():
    code = (
        "import sys; import sistercity.environment.wastemodel as m; "
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in {'django', 'rest_framework'}); "
        "print(','.join(bad))"
    )
    done = subprocess.run(  # noqa: S603 - fixed interpreter and code, no user input
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],  # the repository root, where sistercity/ is
    )
    assert done.stdout.strip() == ""
