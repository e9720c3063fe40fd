"""Run a scenario: flows, Jakstranas indicators, landfill volume and CH4, emissions, energy, cost.

:func:`run_scenario` is the deterministic entry point (IPCC default parameters unless the
scenario overrides them); :func:`~.montecarlo.run_monte_carlo` reuses its building blocks.

Emission scope, following the IPCC 2006 inventory conventions:

* landfill CH4 by first-order decay of each year's deposits (plus any ``prior_landfill``);
  only CH4 generated inside the horizon is counted, and ``ch4_commitment_t`` shows the
  lifetime CH4 each year's deposits have locked in (IPCC eq 3.3);
* CH4 and N2O of composting and anaerobic digestion (Ch 4);
* fossil CO2, CH4 and N2O of incineration, RDF co-firing and open burning (Ch 5);
* biogenic CO2 is not counted; uncollected waste (littered, dumped in rivers) has no
  emission factor and is reported as a flow only;
* avoided emissions of recycling are INDICATIVE and kept apart from the totals.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .emissions import (
    avoided_by_recycling,
    co2e,
    energy_recovered_mwh,
    eq_4_1_ch4_biological,
    eq_4_2_n2o_biological,
    eq_5_1_fossil_co2,
    eq_5_4_ch4_combustion,
    eq_5_5_n2o_combustion,
)
from .flows import FlowResult, Scenario, compute_flows
from .fod import ch4_generated, eq_3_1_ch4_emitted, methane_commitment
from .parameters import (
    HANDLING_PATHWAYS,
    INCINERATION_MIN_LHV_MJ_PER_KG,
    JAKSTRANAS_HANDLING_TARGET_PCT,
    JAKSTRANAS_REDUCTION_TARGET_PCT,
    JAKSTRANAS_TARGET_YEAR,
    LANDFILL_PATHWAYS,
    PATHWAYS,
    REDUCTION_PATHWAYS,
    SITE_TYPES,
    WASTE_TYPES,
)

FloatArray = NDArray[np.float64]

#: Emission sources reported by :class:`EmissionsResult`.
EMISSION_SOURCES: tuple[str, ...] = (
    "landfill",
    "composting",
    "anaerobic_digestion",
    "incineration",
    "rdf",
    "open_burning",
)


@dataclass(frozen=True)
class JakstranasIndicators:
    """Perpres 97/2017 (Jakstranas) indicators per year, in % of generated waste.

    ``reduction_pct`` (pengurangan) = recycling + composting + anaerobic digestion;
    ``handling_pct`` (penanganan) = RDF + incineration + every landfill site type;
    ``managed_pct`` is their sum; ``unmanaged_pct`` = open burning + uncollected.
    Choice: unmanaged dumpsites count as handling, as SIPSN counts all waste delivered to a
    TPA as handled; read ``flows`` per site type for a stricter view. Tonnes a full facility
    overflows are counted where they end, not where the shares sent them.
    """

    reduction_pct: FloatArray
    handling_pct: FloatArray
    managed_pct: FloatArray
    unmanaged_pct: FloatArray
    target_year: int = JAKSTRANAS_TARGET_YEAR
    reduction_target_pct: float = JAKSTRANAS_REDUCTION_TARGET_PCT
    handling_target_pct: float = JAKSTRANAS_HANDLING_TARGET_PCT


@dataclass(frozen=True)
class LandfillResult:
    """Landfill deposits, TPA volume and CH4 (tonnes, m3) per year.

    ``ch4_generated_t`` is IPCC eq 3.6 summed over waste types and sites; recovery and
    oxidation only enter ``ch4_emitted_t`` (eq 3.1). ``year_full`` is the first year whose
    end finds the TPA's cumulative volume at or above its capacity (``None``: not within the
    horizon, or no capacity given).
    """

    deposited_t: FloatArray
    deposited_by_site_t: dict[str, FloatArray]
    ch4_generated_t: FloatArray
    ch4_recovered_t: FloatArray
    ch4_emitted_t: FloatArray
    ch4_generated_by_waste_type_t: dict[str, FloatArray]
    ch4_emitted_by_site_t: dict[str, FloatArray]
    ch4_commitment_t: FloatArray
    tpa_volume_m3: FloatArray
    tpa_cumulative_volume_m3: FloatArray
    tpa_capacity_m3: float | None
    year_full: int | None


@dataclass(frozen=True)
class EmissionsResult:
    """Gases per source and year (tonnes) and CO2e with the stated GWP set."""

    ch4_t: dict[str, FloatArray]
    n2o_t: dict[str, FloatArray]
    fossil_co2_t: dict[str, FloatArray]
    co2e_t: dict[str, FloatArray]
    total_co2e_t: FloatArray
    gwp_set: str
    gwp: dict[str, float]
    avoided_recycling_co2e_t_indicative: FloatArray


@dataclass(frozen=True)
class EnergyResult:
    """Net electricity from WtE incineration and the mean LHV of what was burnt."""

    electricity_mwh: FloatArray
    incinerated_lhv_mj_per_kg: FloatArray
    electric_efficiency: float


@dataclass(frozen=True)
class CostResult:
    """Undiscounted costs per year (IDR) and the net present cost at ``discount_rate``."""

    capex_idr: FloatArray
    opex_idr: FloatArray
    total_idr: FloatArray
    net_present_cost_idr: float
    discount_rate: float


@dataclass(frozen=True)
class ScenarioResult:
    """Everything :func:`run_scenario` computes; arrays have one value per year."""

    scenario: Scenario
    flows: FlowResult
    indicators: JakstranasIndicators
    landfill: LandfillResult
    emissions: EmissionsResult
    energy: EnergyResult
    cost: CostResult
    warnings: tuple[dict[str, Any], ...]

    @property
    def years(self) -> NDArray[np.int64]:
        """Calendar years of the horizon."""
        return self.flows.years

    def meets_jakstranas(self, year: int = JAKSTRANAS_TARGET_YEAR) -> dict[str, bool]:
        """Whether the reduction and handling targets are met in ``year``."""
        i = int(np.nonzero(self.years == year)[0][0]) if year in self.years else None
        if i is None:
            return {"reduction": False, "handling": False, "in_horizon": False}
        ind = self.indicators
        return {
            "reduction": bool(ind.reduction_pct[i] >= ind.reduction_target_pct - 1e-9),
            "handling": bool(ind.handling_pct[i] >= ind.handling_target_pct - 1e-9),
            "in_horizon": True,
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data (lists of floats, one per year); the scenario is left out."""
        flows = self.flows
        return {
            "years": [int(y) for y in flows.years],
            "waste_types": list(WASTE_TYPES),
            "population": _plain(flows.population),
            "generation_t": _plain(flows.generation_total),
            "generation_by_waste_type_t": {
                w: _plain(flows.generation[:, j]) for j, w in enumerate(WASTE_TYPES)
            },
            "flows_t": {p: _plain(flows.tonnes[p].sum(axis=1)) for p in PATHWAYS},
            "flows_by_waste_type_t": {
                p: {w: _plain(flows.tonnes[p][:, j]) for j, w in enumerate(WASTE_TYPES)}
                for p in PATHWAYS
            },
            "direct_t": {p: _plain(flows.direct[p].sum(axis=1)) for p in PATHWAYS},
            "overflow_t": {f"{a}->{b}": _plain(v) for (a, b), v in flows.overflow.items()},
            "facility_t": _plain(flows.facility_tonnes),
            "facility_capacity_t": _plain(flows.facility_capacity),
            "indicators": _plain(self.indicators),
            "landfill": _plain(self.landfill),
            "emissions": _plain(self.emissions),
            "energy": _plain(self.energy),
            "cost": _plain(self.cost),
            "warnings": [dict(w) for w in self.warnings],
        }


def run_scenario(scenario: Scenario) -> ScenarioResult:
    """Run the deterministic model for one scenario.

    Raises:
        WasteModelError: see :class:`~.errors.ErrorCode` (``no_capacity`` is detected here,
            the other codes when the :class:`~.flows.Scenario` is built).
    """
    flows = compute_flows(scenario)
    params = scenario.parameters
    indicators = _indicators(flows)
    landfill = _landfill(scenario, flows)
    emissions = _emissions(scenario, flows, landfill)
    incinerated = flows.tonnes["incineration"]
    lhv = np.array(params.per_type("lhv_mj_per_kg"))
    burnt = incinerated.sum(axis=1)
    mean_lhv = np.divide(
        (incinerated * lhv).sum(axis=1),
        burnt,
        out=np.full(burnt.shape, np.nan),
        where=burnt > 0,
    )
    energy = EnergyResult(
        electricity_mwh=energy_recovered_mwh(
            incinerated, lhv, params.incineration_electric_efficiency
        ),
        incinerated_lhv_mj_per_kg=mean_lhv,
        electric_efficiency=params.incineration_electric_efficiency,
    )
    cost = _cost(scenario, flows)
    warnings = _warnings(flows, landfill, mean_lhv)
    return ScenarioResult(
        scenario=scenario,
        flows=flows,
        indicators=indicators,
        landfill=landfill,
        emissions=emissions,
        energy=energy,
        cost=cost,
        warnings=warnings,
    )


# --------------------------------------------------------------------------------------
# building blocks shared with the Monte Carlo
# --------------------------------------------------------------------------------------


def landfill_deposits(scenario: Scenario, flows: FlowResult) -> tuple[FloatArray, int]:
    """Landfilled tonnes as ``(waste types, site types, prior years + horizon)``.

    Returns the array and the number of prior years at its start (from ``prior_landfill``),
    so that FOD series computed from it are cut with ``[..., n_prior:]``.
    """
    n_prior = max((len(p.tonnes_per_year) for p in scenario.prior_landfill), default=0)
    horizon = scenario.horizon_years
    deposits = np.zeros((len(WASTE_TYPES), len(SITE_TYPES), n_prior + horizon))
    for s, pathway in enumerate(LANDFILL_PATHWAYS):
        deposits[:, s, n_prior:] = flows.tonnes[pathway].T
    for prior in scenario.prior_landfill:
        composition = (
            scenario.composition_vector()
            if prior.composition is None
            else _composition(prior.composition)
        )
        series = np.asarray(prior.tonnes_per_year, dtype=float)
        start = n_prior - series.size
        s = SITE_TYPES.index(prior.site_type)
        deposits[:, s, start:n_prior] += composition[:, None] * series[None, :]
    return deposits, n_prior


def landfill_recovery_share(scenario: Scenario) -> FloatArray:
    """Share of generated CH4 recovered, ``(site types, years)``."""
    share = np.zeros((len(SITE_TYPES), scenario.horizon_years))
    for site, value in scenario.landfill_gas_recovery.items():
        share[SITE_TYPES.index(site)] = scenario.trajectory(f"landfill_gas_recovery.{site}", value)
    return share


def combustion_gases(scenario: Scenario, flows: FlowResult) -> dict[str, dict[str, FloatArray]]:
    """CH4 and N2O (t/yr) of incineration, RDF and open burning (not sampled in Monte Carlo)."""
    p = scenario.parameters
    dry = np.array(p.per_type("dry_matter"))
    out: dict[str, dict[str, FloatArray]] = {"ch4": {}, "n2o": {}}
    for pathway in ("incineration", "rdf"):
        mass = flows.tonnes[pathway].sum(axis=1)
        out["ch4"][pathway] = eq_5_4_ch4_combustion(mass, p.incineration_ch4_g_per_t)
        out["n2o"][pathway] = eq_5_5_n2o_combustion(mass, p.incineration_n2o_g_per_t)
    burnt = flows.tonnes["open_burning"]
    out["ch4"]["open_burning"] = eq_5_4_ch4_combustion(
        burnt.sum(axis=1), p.open_burning_ch4_g_per_t
    )
    # Table 5.6 gives the open-burning N2O factor per tonne of DRY waste.
    out["n2o"]["open_burning"] = eq_5_5_n2o_combustion(
        (burnt * dry).sum(axis=1), p.open_burning_n2o_g_per_t_dry
    )
    return out


# --------------------------------------------------------------------------------------
# internals
# --------------------------------------------------------------------------------------


def _indicators(flows: FlowResult) -> JakstranasIndicators:
    generated = flows.generation_total

    def pct(*pathways: str) -> FloatArray:
        return np.divide(
            flows.total(*pathways) * 100.0,
            generated,
            out=np.zeros_like(generated),
            where=generated > 0,
        )

    reduction = pct(*REDUCTION_PATHWAYS)
    handling = pct(*HANDLING_PATHWAYS)
    return JakstranasIndicators(
        reduction_pct=reduction,
        handling_pct=handling,
        managed_pct=reduction + handling,
        unmanaged_pct=pct("open_burning", "uncollected"),
    )


def _landfill(scenario: Scenario, flows: FlowResult) -> LandfillResult:
    p = scenario.parameters
    deposits, n_prior = landfill_deposits(scenario, flows)
    doc = np.array(p.per_type("doc"))[:, None]
    k = np.array(p.per_type("k"))[:, None]
    mcf = np.array(p.per_site("mcf"))[None, :]
    generated = ch4_generated(
        deposits, doc=doc, docf=p.docf, mcf=mcf, k=k, f=p.f, delay_months=p.delay_months
    )[..., n_prior:]
    recovered = generated * landfill_recovery_share(scenario)[None, :, :]
    ox = np.array(p.per_site("ox"))[None, :, None]
    emitted = eq_3_1_ch4_emitted(generated, recovered, ox)
    in_horizon = deposits[..., n_prior:]
    commitment = methane_commitment(
        in_horizon, doc=doc[..., None], docf=p.docf, mcf=mcf[..., None], f=p.f
    )

    tpa_sites = [SITE_TYPES.index(s) for s in scenario.tpa_site_types]
    tpa_tonnes = in_horizon[:, tpa_sites, :].sum(axis=(0, 1))
    volume = tpa_tonnes / p.landfill_density_t_per_m3
    cumulative = scenario.landfill_used_m3_at_start + np.cumsum(volume)
    year_full = None
    if scenario.landfill_capacity_m3 is not None:
        full = np.nonzero(cumulative >= scenario.landfill_capacity_m3)[0]
        if full.size:
            year_full = int(flows.years[full[0]])
    return LandfillResult(
        deposited_t=in_horizon.sum(axis=(0, 1)),
        deposited_by_site_t={s: in_horizon[:, i, :].sum(axis=0) for i, s in enumerate(SITE_TYPES)},
        ch4_generated_t=generated.sum(axis=(0, 1)),
        ch4_recovered_t=recovered.sum(axis=(0, 1)),
        ch4_emitted_t=emitted.sum(axis=(0, 1)),
        ch4_generated_by_waste_type_t={
            w: generated[j].sum(axis=0) for j, w in enumerate(WASTE_TYPES)
        },
        ch4_emitted_by_site_t={s: emitted[:, i, :].sum(axis=0) for i, s in enumerate(SITE_TYPES)},
        ch4_commitment_t=commitment.sum(axis=(0, 1)),
        tpa_volume_m3=volume,
        tpa_cumulative_volume_m3=cumulative,
        tpa_capacity_m3=scenario.landfill_capacity_m3,
        year_full=year_full,
    )


def _emissions(scenario: Scenario, flows: FlowResult, landfill: LandfillResult) -> EmissionsResult:
    p = scenario.parameters
    zeros = np.zeros(len(flows.years))
    ch4 = dict.fromkeys(EMISSION_SOURCES, zeros)
    n2o = dict.fromkeys(EMISSION_SOURCES, zeros)
    fossil = dict.fromkeys(EMISSION_SOURCES, zeros)
    ch4["landfill"] = landfill.ch4_emitted_t
    composted = flows.total("composting")
    digested = flows.total("anaerobic_digestion")
    ch4["composting"] = eq_4_1_ch4_biological(composted, p.composting_ch4_g_per_kg)
    n2o["composting"] = eq_4_2_n2o_biological(composted, p.composting_n2o_g_per_kg)
    ch4["anaerobic_digestion"] = eq_4_1_ch4_biological(digested, p.ad_ch4_g_per_kg)
    n2o["anaerobic_digestion"] = eq_4_2_n2o_biological(digested, p.ad_n2o_g_per_kg)
    dry = np.array(p.per_type("dry_matter"))
    carbon = np.array(p.per_type("carbon_fraction"))
    fossil_share = np.array(p.per_type("fossil_carbon_fraction"))
    gases = combustion_gases(scenario, flows)
    for pathway in ("incineration", "rdf", "open_burning"):
        fossil[pathway] = eq_5_1_fossil_co2(
            flows.tonnes[pathway],
            dry,
            carbon,
            fossil_share,
            p.combustion_oxidation_factor[pathway],
        )
        ch4[pathway] = gases["ch4"][pathway]
        n2o[pathway] = gases["n2o"][pathway]
    gwp = p.gwp
    by_source = {
        s: co2e(gwp, ch4_t=ch4[s], n2o_t=n2o[s], fossil_co2_t=fossil[s]) for s in EMISSION_SOURCES
    }
    return EmissionsResult(
        ch4_t=ch4,
        n2o_t=n2o,
        fossil_co2_t=fossil,
        co2e_t=by_source,
        total_co2e_t=np.sum([by_source[s] for s in EMISSION_SOURCES], axis=0),
        gwp_set=p.gwp_set,
        gwp=gwp,
        avoided_recycling_co2e_t_indicative=avoided_by_recycling(
            flows.tonnes["recycling"], np.array(p.per_type("recycling_avoided_t_co2e_per_t"))
        ),
    )


def _cost(scenario: Scenario, flows: FlowResult) -> CostResult:
    horizon = scenario.horizon_years
    capex = np.zeros(horizon)
    opex = np.zeros(horizon)
    for facility in scenario.facilities:
        index = facility.start_year - scenario.start_year
        if 0 <= index < horizon:
            capex[index] += facility.capex_idr
        opex += flows.facility_tonnes[facility.name] * facility.opex_idr_per_t
    for pathway, cost in scenario.opex_idr_per_t.items():
        opex += flows.total(pathway) * float(cost)
    total = capex + opex
    discount = (1.0 + scenario.discount_rate) ** -np.arange(horizon, dtype=float)
    return CostResult(
        capex_idr=capex,
        opex_idr=opex,
        total_idr=total,
        net_present_cost_idr=float((total * discount).sum()),
        discount_rate=float(scenario.discount_rate),
    )


def _warnings(
    flows: FlowResult, landfill: LandfillResult, mean_lhv: FloatArray
) -> tuple[dict[str, Any], ...]:
    found: list[dict[str, Any]] = []
    low = np.nonzero(mean_lhv < INCINERATION_MIN_LHV_MJ_PER_KG)[0]
    if low.size:
        found.append(
            {
                "code": "incineration_low_lhv",
                "message": "The waste sent to incineration has a lower heating value below "
                f"{INCINERATION_MIN_LHV_MJ_PER_KG:g} MJ/kg; it will not burn without "
                "support fuel (World Bank 1999).",
                "params": {
                    "years": [int(flows.years[i]) for i in low],
                    "minimum_mj_per_kg": INCINERATION_MIN_LHV_MJ_PER_KG,
                },
            }
        )
    if landfill.year_full is not None:
        found.append(
            {
                "code": "landfill_full",
                "message": f"The TPA is full in {landfill.year_full}.",
                "params": {"year": landfill.year_full},
            }
        )
    return tuple(found)


def _composition(composition: dict[str, float] | Any) -> FloatArray:
    return np.array([float(composition.get(w, 0.0)) for w in WASTE_TYPES])


def _plain(value: Any) -> Any:
    """Arrays, dataclasses and dicts as JSON-ready lists and dicts (NaN becomes None)."""
    if isinstance(value, np.ndarray):
        return [None if np.isnan(x) else float(x) for x in value.astype(float).ravel()]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (np.floating, float)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value
