"""Mass flows: every tonne ends somewhere, facilities respect capacity, input is validated."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sistercity.environment.wastemodel import (
    PATHWAYS,
    WASTE_TYPES,
    ErrorCode,
    Facility,
    PriorLandfill,
    Scenario,
    WasteModelError,
    compute_flows,
)
from sistercity.environment.wastemodel.parameters import (
    MIXED_PATHWAYS,
    ORGANIC_TYPES,
    RECYCLABLE_TYPES,
)

PROPERTY = settings(deadline=None, max_examples=80, database=None)

COMPOSITION = {
    "food": 0.5,
    "wood": 0.1,
    "paper": 0.1,
    "plastic": 0.15,
    "metal": 0.03,
    "textile": 0.03,
    "rubber": 0.02,
    "glass": 0.02,
    "other": 0.05,
}


def make(**overrides) -> Scenario:
    values = {
        "start_year": 2025,
        "horizon_years": 10,
        "population": 100_000,
        "generation_kg_per_capita_day": 0.5,
        "composition": COMPOSITION,
    } | overrides
    return Scenario(**values)


def assert_mass_balance(flows) -> None:
    ended = sum(flows.tonnes[p] for p in PATHWAYS)
    scale = max(1.0, float(flows.generation.max()))
    np.testing.assert_allclose(ended, flows.generation, rtol=1e-9, atol=1e-9 * scale)
    for pathway in PATHWAYS:
        assert flows.tonnes[pathway].min() >= -1e-9 * scale, pathway


# -- mass balance ----------------------------------------------------------------------

# Overflow targets only point "down" this list, so random facilities never form a loop.
FACILITY_ORDER = [
    "recycling",
    "composting",
    "anaerobic_digestion",
    "rdf",
    "incineration",
    "landfill_managed_anaerobic",
    "landfill_managed_semi_aerobic",
    "landfill_unmanaged_deep",
    "open_burning",
]


@st.composite
def scenarios(draw) -> Scenario:
    horizon = draw(st.integers(min_value=1, max_value=12))
    weights = draw(
        st.lists(st.floats(min_value=0, max_value=1), min_size=9, max_size=9).filter(
            lambda ws: sum(ws) > 0.01
        )
    )
    composition = {w: x / sum(weights) for w, x in zip(WASTE_TYPES, weights, strict=True)}
    separation = draw(st.floats(min_value=0, max_value=1))
    recyclable = sum(composition[w] for w in RECYCLABLE_TYPES)
    organic = sum(composition[w] for w in ORGANIC_TYPES)
    recycling = draw(st.floats(min_value=0, max_value=1)) * separation * recyclable * 0.999
    organics = draw(st.floats(min_value=0, max_value=1)) * separation * organic * 0.999
    split = draw(st.floats(min_value=0, max_value=1))
    shares = {
        "recycling": recycling,
        "composting": organics * split,
        "anaerobic_digestion": organics * (1 - split),
    }
    left = 1.0 - sum(shares.values())
    size = len(MIXED_PATHWAYS)
    mixed_weights = draw(
        st.lists(st.floats(min_value=0, max_value=1), min_size=size, max_size=size)
    )
    scale = draw(st.floats(min_value=0, max_value=1)) * left / max(sum(mixed_weights), 1e-9)
    for pathway, weight in zip(MIXED_PATHWAYS, mixed_weights, strict=True):
        shares[pathway] = min(weight * scale, 1.0)
    total = sum(shares.values())
    if total > 1.0:
        shares = {p: v / total for p, v in shares.items()}
    facilities = []
    targets: dict[str, str] = {}
    for i in range(draw(st.integers(min_value=0, max_value=4))):
        position = draw(st.integers(min_value=0, max_value=len(FACILITY_ORDER) - 3))
        pathway = FACILITY_ORDER[position]
        if pathway not in targets:
            later = FACILITY_ORDER[position + 1 :]
            targets[pathway] = draw(st.sampled_from(later))
        facilities.append(
            Facility(
                name=f"f{i}",
                pathway=pathway,
                capacity_t_per_year=draw(st.floats(min_value=1, max_value=2e4)),
                start_year=2025 + draw(st.integers(min_value=0, max_value=horizon - 1)),
                overflow_to=targets[pathway],
            )
        )
    return Scenario(
        start_year=2025,
        horizon_years=horizon,
        population=draw(st.floats(min_value=0, max_value=2e6)),
        generation_kg_per_capita_day=draw(st.floats(min_value=0, max_value=2)),
        population_growth=draw(st.floats(min_value=-0.05, max_value=0.05)),
        generation_growth=draw(st.floats(min_value=-0.05, max_value=0.05)),
        composition=composition,
        source_separation_rate=separation,
        shares=shares,
        residual_pathway=draw(st.sampled_from(MIXED_PATHWAYS)),
        facilities=facilities,
    )


@PROPERTY
@given(scenario=scenarios())
def test_every_tonne_ends_somewhere(scenario):
    flows = compute_flows(scenario)
    assert_mass_balance(flows)


@PROPERTY
@given(scenario=scenarios())
def test_no_facility_takes_more_than_its_capacity(scenario):
    flows = compute_flows(scenario)
    for facility in scenario.facilities:
        taken = flows.facility_tonnes[facility.name]
        capacity = facility.capacity_in(flows.years)
        assert np.all(taken <= capacity + 1e-9 * max(1.0, capacity.max()))
    for pathway, group in scenario.facilities_by_pathway().items():
        capacity = sum(f.capacity_in(flows.years) for f in group)
        ended = flows.tonnes[pathway].sum(axis=1)
        assert np.all(ended <= capacity + 1e-9 * max(1.0, capacity.max()))
        taken = sum(flows.facility_tonnes[f.name] for f in group)
        np.testing.assert_allclose(taken, ended, rtol=1e-9, atol=1e-6)


def test_generation_grows_with_population_and_per_capita_rates():
    flows = compute_flows(make(population_growth=0.01, generation_growth=0.02, horizon_years=3))
    expected = 100_000 * 0.5 * 365 / 1000 * (1.01 * 1.02) ** np.arange(3)
    np.testing.assert_allclose(flows.generation_total, expected, rtol=1e-12)
    np.testing.assert_allclose(
        flows.generation[0], expected[0] * np.array(list(COMPOSITION.values()))
    )


# -- source separation -----------------------------------------------------------------


def test_recycling_and_composting_draw_only_suitable_separated_material():
    flows = compute_flows(
        make(
            source_separation_rate=0.5,
            shares={"recycling": 0.1, "composting": 0.2, "anaerobic_digestion": 0.05},
        )
    )
    generated = flows.generation[0]
    recycled = flows.tonnes["recycling"][0]
    composted = flows.tonnes["composting"][0]
    for j, waste_type in enumerate(WASTE_TYPES):
        if waste_type not in RECYCLABLE_TYPES:
            assert recycled[j] == 0
        if waste_type not in ORGANIC_TYPES:
            assert composted[j] == 0
    assert recycled.sum() == pytest.approx(0.1 * generated.sum())
    assert composted.sum() == pytest.approx(0.2 * generated.sum())
    assert flows.tonnes["anaerobic_digestion"][0].sum() == pytest.approx(0.05 * generated.sum())
    # Pro rata: paper and plastic are recycled in proportion to their separated amounts.
    paper, plastic = WASTE_TYPES.index("paper"), WASTE_TYPES.index("plastic")
    assert recycled[paper] / recycled[plastic] == pytest.approx(0.1 / 0.15)
    # What is left is mixed waste on the residual pathway.
    assert_mass_balance(flows)


def test_mixed_pathways_receive_the_mixed_composition():
    flows = compute_flows(
        make(
            source_separation_rate=1.0,
            shares={"composting": 0.6, "open_burning": 0.1},
            residual_pathway="landfill_unmanaged_deep",
        )
    )
    burnt = flows.tonnes["open_burning"][0]
    landfilled = flows.tonnes["landfill_unmanaged_deep"][0]
    np.testing.assert_allclose(burnt / burnt.sum(), landfilled / landfilled.sum(), rtol=1e-12)
    assert burnt[WASTE_TYPES.index("food")] == pytest.approx(0.0, abs=1e-9)
    assert burnt.sum() == pytest.approx(0.1 * flows.generation_total[0])


def test_share_trajectories_vary_by_year():
    flows = compute_flows(
        make(horizon_years=3, shares={"open_burning": [0.3, 0.2, 0.1], "uncollected": 0.1})
    )
    burnt = flows.total("open_burning") / flows.generation_total
    np.testing.assert_allclose(burnt, [0.3, 0.2, 0.1])
    residual = flows.total("landfill_uncategorised") / flows.generation_total
    np.testing.assert_allclose(residual, [0.6, 0.7, 0.8])


# -- facilities and overflow -----------------------------------------------------------


def test_overflow_goes_to_the_named_destination():
    scenario = make(
        horizon_years=2,
        shares={"incineration": 0.5},
        residual_pathway="landfill_unmanaged_deep",
        facilities=[
            Facility("wte", "incineration", 5000, 2025, overflow_to="landfill_managed_anaerobic")
        ],
    )
    flows = compute_flows(scenario)
    half = 0.5 * flows.generation_total
    np.testing.assert_allclose(flows.total("incineration"), 5000)
    np.testing.assert_allclose(flows.total("landfill_managed_anaerobic"), half - 5000)
    np.testing.assert_allclose(
        flows.overflow[("incineration", "landfill_managed_anaerobic")], half - 5000
    )
    np.testing.assert_allclose(flows.total("landfill_unmanaged_deep"), half)
    assert_mass_balance(flows)


def test_overflow_chains_through_capacity_limited_pathways():
    scenario = make(
        horizon_years=1,
        shares={"incineration": 1.0},
        facilities=[
            Facility("wte", "incineration", 4000, 2025, overflow_to="landfill_managed_anaerobic"),
            Facility("cell", "landfill_managed_anaerobic", 3000, 2025, overflow_to="open_burning"),
        ],
    )
    flows = compute_flows(scenario)
    total = flows.generation_total[0]
    assert flows.total("incineration")[0] == pytest.approx(4000)
    assert flows.total("landfill_managed_anaerobic")[0] == pytest.approx(3000)
    assert flows.total("open_burning")[0] == pytest.approx(total - 7000)
    links = flows.sankey_links(2025)
    assert {
        "source": "landfill_managed_anaerobic",
        "target": "open_burning",
        "tonnes": pytest.approx(total - 7000),
    } in links
    assert sum(link["tonnes"] for link in links if link["source"] == "generated") == pytest.approx(
        total
    )


def test_facilities_fill_in_order_and_only_while_operating():
    scenario = make(
        horizon_years=4,
        shares={"composting": 0.2},
        source_separation_rate=0.5,
        facilities=[
            Facility(
                "tps3r",
                "composting",
                1000,
                2026,
                overflow_to="landfill_uncategorised",
                end_year=2027,
            ),
            Facility("plant", "composting", 100_000, 2027, overflow_to="landfill_uncategorised"),
        ],
    )
    flows = compute_flows(scenario)
    asked = 0.2 * flows.generation_total
    np.testing.assert_allclose(flows.facility_tonnes["tps3r"], [0, 1000, 1000, 0])
    np.testing.assert_allclose(flows.facility_tonnes["plant"], [0, 0, asked[2] - 1000, asked[3]])
    np.testing.assert_allclose(flows.total("composting"), [0, 1000, asked[2], asked[3]])
    assert flows.overflow[("composting", "landfill_uncategorised")][0] == pytest.approx(asked[0])
    assert_mass_balance(flows)


# -- validation ------------------------------------------------------------------------


def error_of(**overrides) -> WasteModelError:
    with pytest.raises(WasteModelError) as raised:
        compute_flows(make(**overrides))
    assert raised.value.message and str(raised.value) == raised.value.message
    assert raised.value.to_dict()["code"] == raised.value.code
    return raised.value


def test_composition_must_sum_to_100_percent():
    error = error_of(composition={"food": 0.6, "plastic": 0.39})
    assert error.code == ErrorCode.COMPOSITION_SUM
    assert error.params["total_pct"] == pytest.approx(99.0)
    make(composition={"food": 0.6, "plastic": 0.4 + 5e-7})  # inside the 1e-6 tolerance
    assert (
        error_of(composition={"food": 0.6, "plastic": 0.4 + 2e-6}).code == ErrorCode.COMPOSITION_SUM
    )


def test_unknown_waste_type():
    error = error_of(composition={"food": 0.5, "diapers": 0.5})
    assert error.code == ErrorCode.UNKNOWN_WASTE_TYPE
    assert error.params["waste_type"] == "diapers"


def test_shares_over_100_percent_name_the_year():
    error = error_of(horizon_years=3, shares={"open_burning": [0.5, 0.5, 0.7], "uncollected": 0.4})
    assert error.code == ErrorCode.SHARES_OVER_100
    assert error.params["year"] == 2027
    assert error.params["total_pct"] == pytest.approx(110.0)


@pytest.mark.parametrize("value", [-0.1, 1.2])
def test_share_outside_0_to_100_percent(value):
    assert error_of(shares={"open_burning": value}).code == ErrorCode.SHARE_OUT_OF_RANGE
    assert error_of(source_separation_rate=value).code == ErrorCode.SHARE_OUT_OF_RANGE


@pytest.mark.parametrize(
    "overrides",
    [
        {"population": -1},
        {"generation_kg_per_capita_day": -0.1},
        {"landfill_capacity_m3": -5},
        {"landfill_used_m3_at_start": -5},
    ],
)
def test_negative_tonnages(overrides):
    assert error_of(**overrides).code == ErrorCode.NEGATIVE_TONNAGE


def test_negative_facility_capacity_and_prior_deposits():
    with pytest.raises(WasteModelError) as raised:
        Facility("x", "incineration", -1, 2025, overflow_to="landfill_uncategorised")
    assert raised.value.code == ErrorCode.NEGATIVE_TONNAGE
    with pytest.raises(WasteModelError) as raised:
        PriorLandfill("uncategorised", [100, -1])
    assert raised.value.code == ErrorCode.NEGATIVE_TONNAGE


def test_horizon_limits():
    assert error_of(horizon_years=101).code == ErrorCode.HORIZON_TOO_LONG
    assert error_of(horizon_years=0).code == ErrorCode.HORIZON_TOO_SHORT
    assert compute_flows(make(horizon_years=100)).years[-1] == 2124
    with pytest.raises(WasteModelError) as raised:
        PriorLandfill("uncategorised", [1.0] * 101)
    assert raised.value.code == ErrorCode.HORIZON_TOO_LONG


def test_unknown_pathways_and_sites():
    assert error_of(shares={"landfill": 0.5}).code == ErrorCode.UNKNOWN_PATHWAY
    assert error_of(residual_pathway="river").code == ErrorCode.UNKNOWN_PATHWAY
    assert error_of(residual_pathway="recycling").code == ErrorCode.INVALID_PARAMETER
    assert error_of(landfill_gas_recovery={"sanitary": 0.5}).code == ErrorCode.UNKNOWN_SITE_TYPE
    assert error_of(tpa_site_types=["sanitary"]).code == ErrorCode.UNKNOWN_SITE_TYPE


def test_waste_sent_to_a_facility_with_no_capacity():
    zero = Facility("idle", "incineration", 0, 2025, overflow_to="landfill_uncategorised")
    error = error_of(shares={"incineration": 0.1}, facilities=[zero])
    assert error.code == ErrorCode.NO_CAPACITY
    assert error.params["pathway"] == "incineration"
    assert error.params["facilities"] == ["idle"]
    too_late = Facility("late", "incineration", 9e9, 2040, overflow_to="landfill_uncategorised")
    assert (
        error_of(shares={"incineration": 0.1}, facilities=[too_late]).code == ErrorCode.NO_CAPACITY
    )
    # Overflow arriving at an empty pathway is refused the same way.
    wte = Facility("wte", "incineration", 10, 2025, overflow_to="rdf")
    idle_rdf = Facility("rdf", "rdf", 0, 2025, overflow_to="landfill_uncategorised")
    error = error_of(shares={"incineration": 0.5}, facilities=[wte, idle_rdf])
    assert (error.code, error.params["pathway"]) == (ErrorCode.NO_CAPACITY, "rdf")


def test_recycling_beyond_the_separated_material():
    error = error_of(source_separation_rate=0.2, shares={"recycling": 0.1})
    assert error.code == ErrorCode.INSUFFICIENT_SEPARATED
    assert error.params["available_pct"] == pytest.approx(0.2 * 35.0)
    error = error_of(
        source_separation_rate=0.5, shares={"composting": 0.2, "anaerobic_digestion": 0.2}
    )
    assert error.code == ErrorCode.INSUFFICIENT_SEPARATED


def test_overflow_loops_and_conflicts():
    a = Facility("a", "incineration", 10, 2025, overflow_to="rdf")
    b = Facility("b", "rdf", 10, 2025, overflow_to="incineration")
    assert error_of(facilities=[a, b]).code == ErrorCode.OVERFLOW_CYCLE
    c = Facility("c", "incineration", 10, 2025, overflow_to="open_burning")
    assert error_of(facilities=[a, c]).code == ErrorCode.CONFLICTING_OVERFLOW
    with pytest.raises(WasteModelError) as raised:
        Facility("self", "rdf", 10, 2025, overflow_to="rdf")
    assert raised.value.code == ErrorCode.OVERFLOW_CYCLE


def test_other_invalid_inputs():
    assert error_of(shares={"open_burning": [0.1, 0.2]}).code == ErrorCode.INVALID_PARAMETER
    dup = Facility("x", "rdf", 10, 2025, overflow_to="open_burning")
    assert error_of(facilities=[dup, dup]).code == ErrorCode.INVALID_PARAMETER
    with pytest.raises(WasteModelError) as raised:
        Facility("x", "open_burning", 10, 2025, overflow_to="uncollected")
    assert raised.value.code == ErrorCode.INVALID_PARAMETER
    with pytest.raises(WasteModelError) as raised:
        Facility("x", "rdf", 10, 2030, overflow_to="open_burning", end_year=2029)
    assert raised.value.code == ErrorCode.INVALID_PARAMETER
    assert error_of(population_growth=-1.0).code == ErrorCode.INVALID_PARAMETER


@pytest.mark.parametrize(
    "overrides",
    [
        {"population": "many"},
        {"horizon_years": 10.5},
        {"start_year": "2025"},
        {"shares": {"open_burning": "half"}},
        {"composition": {"food": "half", "plastic": 0.5}},
        {"discount_rate": None},
    ],
)
def test_values_of_the_wrong_type_raise_the_model_error(overrides):
    assert error_of(**overrides).code == ErrorCode.INVALID_PARAMETER
