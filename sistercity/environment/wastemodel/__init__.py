"""Waste-model engine for waste-management decision support (Batang Regency, Indonesia).

Pure Python + numpy: no Django, no I/O. A Django layer builds a :class:`Scenario` (or calls
:func:`scenario_from_dict` with stored plain data), runs it, and stores or renders the
result's :meth:`ScenarioResult.to_dict`.

Modules
-------
``parameters``  default tables (IPCC 2006 Vol 5, AR5 GWP, planning values), each next to its
                source; :class:`ModelParameters` bundles them.
``fod``         first-order decay, IPCC Vol 5 Ch 3 eqs 3.1-3.6 with the IPCC Waste Model
                timing; :func:`ch4_generated` is its core.
``emissions``   Ch 4 eqs 4.1/4.2 (composting, digestion), Ch 5 eqs 5.1/5.2/5.4/5.5
                (incineration, RDF, open burning), energy, CO2e, indicative recycling credit.
``flows``       scenario inputs and the mass-flow model with facility capacities.
``scenario``    :func:`run_scenario`: flows + Jakstranas indicators + landfill volume and
                CH4 + emissions + energy + cost.
``montecarlo``  :func:`run_monte_carlo`: percentile bands per year, vectorised over draws.
``plain``       :func:`scenario_from_dict` for plain data.
``errors``      :class:`WasteModelError` (``code`` + ``params`` + English message).

Quick start
-----------
>>> from sistercity.environment.wastemodel import Scenario, run_scenario
>>> scenario = Scenario(
...     start_year=2025, horizon_years=20, population=800_000,
...     generation_kg_per_capita_day=0.5,
...     composition={"food": 0.6, "paper": 0.1, "plastic": 0.2, "other": 0.1},
...     source_separation_rate=0.2, shares={"recycling": 0.05, "composting": 0.05},
...     residual_pathway="landfill_unmanaged_deep",
... )
>>> result = run_scenario(scenario)
>>> round(float(result.indicators.reduction_pct[0]), 1)
10.0
"""

from __future__ import annotations

from .errors import ErrorCode, WasteModelError
from .flows import Facility, FlowResult, PriorLandfill, Scenario, compute_flows
from .fod import (
    ch4_generated,
    convolve_deposits,
    decay_kernel,
    eq_3_1_ch4_emitted,
    eq_3_2_ddocm,
    eq_3_3_lo,
    eq_3_4_ddocma,
    eq_3_5_ddocm_decomposed,
    eq_3_6_ch4_generated,
    methane_commitment,
)
from .montecarlo import DEFAULT_RANGES, MonteCarloResult, UncertaintyRanges, run_monte_carlo
from .parameters import (
    DEFAULT_PARAMETERS,
    LANDFILL_PATHWAYS,
    PATHWAYS,
    SITE_TYPES,
    WASTE_TYPES,
    ModelParameters,
)
from .plain import parameters_from_dict, scenario_from_dict
from .scenario import ScenarioResult, run_scenario

__all__ = [
    "DEFAULT_PARAMETERS",
    "DEFAULT_RANGES",
    "LANDFILL_PATHWAYS",
    "PATHWAYS",
    "SITE_TYPES",
    "WASTE_TYPES",
    "ErrorCode",
    "Facility",
    "FlowResult",
    "ModelParameters",
    "MonteCarloResult",
    "PriorLandfill",
    "Scenario",
    "ScenarioResult",
    "UncertaintyRanges",
    "WasteModelError",
    "ch4_generated",
    "compute_flows",
    "convolve_deposits",
    "decay_kernel",
    "eq_3_1_ch4_emitted",
    "eq_3_2_ddocm",
    "eq_3_3_lo",
    "eq_3_4_ddocma",
    "eq_3_5_ddocm_decomposed",
    "eq_3_6_ch4_generated",
    "methane_commitment",
    "parameters_from_dict",
    "run_monte_carlo",
    "run_scenario",
    "scenario_from_dict",
]
