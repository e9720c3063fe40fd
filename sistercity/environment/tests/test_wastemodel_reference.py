"""Worked cases checked against independent implementations and published numbers.

1. RMI SWEET_python (https://github.com/RMI/SWEET_python) publishes, in
   ``tests/test_model_v2_oxidation_emission_year.py::test_constant_oxidation_is_unchanged``
   (commit 267cf33c), the emission of 1991 for a landfill receiving 1000 t/yr of each of its
   five degradable components from 1990, k = 0.2, MCF = 1, OX = 0.1, no capture:
   107657.55599791845 m3 CH4. Its L0 values (m3 CH4 per t) are in
   ``SWEET_python/defaults_2019.py`` (commit 07b078f5): food 70, green 93, wood 200,
   paper_cardboard 186, textiles 112. SWEET's annual kernel
   (``model_v2.SWEET.estimate_emissions2``) is ``k * L0 * W * exp(-k (age - 0.5))`` for
   age >= 1, the mid-year value of continuous decay; the IPCC Waste Model with the default
   6-month delay gives ``L0 * W * (exp(-k (age - 1)) - exp(-k age))``, which equals
   ``L0 * W * exp(-k (age - 0.5)) * 2 sinh(k/2)``. So, for every year, SWEET = IPCC x
   k / (2 sinh(k/2)) exactly, and the published number must come out of
   :func:`ch4_generated` through that factor.
2. A closed-form, continuous-time reading of the same timing (each deposit decays from the
   start of month ``delay + 7`` of its year; a year's CH4 is the integral over that calendar
   year), written with ``math.exp`` loops and no numpy, must equal the eq 3.4/3.5 recursion.
3. Table 3.3 (k) and Table 3.4 (half-lives) of IPCC 2006 V5 Ch 3 must agree: t1/2 = ln2 / k.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sistercity.environment.wastemodel import ch4_generated, eq_3_1_ch4_emitted
from sistercity.environment.wastemodel.parameters import K_TROPICAL_WET

PROPERTY = settings(deadline=None, max_examples=60, database=None)

# SWEET_python/defaults_2019.py, L_0 (m3 CH4 / t wet waste).
SWEET_L0_M3_PER_T = {"food": 70, "green": 93, "wood": 200, "paper_cardboard": 186, "textiles": 112}
# SWEET_python/landfill.py, Landfill.ch4_convert_ton_to_m3: 0.7168 kg CH4 per m3.
SWEET_CH4_DENSITY_T_PER_M3 = 0.7168e-3
# tests/test_model_v2_oxidation_emission_year.py::test_constant_oxidation_is_unchanged
SWEET_PUBLISHED_1991_M3 = 107657.55599791845


def sweet_annual_model(deposits: list[float], k: float, l0: float, ox: float) -> list[float]:
    """SWEET's annual formula, re-typed from model_v2.estimate_emissions2 (no gas capture)."""
    out = []
    for t in range(len(deposits)):
        q = 0.0
        for i in range(t):  # SWEET masks years_back <= 0: nothing in the deposition year
            q += k * l0 * deposits[i] * math.exp(-k * (t - i - 0.5)) * (1.0 - ox)
        out.append(q)
    return out


def ipcc_doc_for(l0_m3_per_t: float, docf: float = 0.5, f: float = 0.5) -> float:
    """The DOC that makes W * DOC * DOCf * MCF(=1) * F * 16/12 equal L0 (in tonnes of CH4)."""
    return l0_m3_per_t * SWEET_CH4_DENSITY_T_PER_M3 / (docf * f * 16.0 / 12.0)


def test_reproduces_the_published_sweet_python_number():
    k, ox = 0.2, 0.1
    deposits = np.full(2050 - 1990 + 1, 1000.0)  # 1990..2050, 1000 t/yr per component
    sweet_factor = k / (2.0 * math.sinh(k / 2.0))
    total_m3 = np.zeros(deposits.size)
    for l0 in SWEET_L0_M3_PER_T.values():
        generated = ch4_generated(deposits, doc=ipcc_doc_for(l0), docf=0.5, mcf=1.0, k=k, f=0.5)
        emitted = eq_3_1_ch4_emitted(generated, 0.0, ox)
        total_m3 += emitted * sweet_factor / SWEET_CH4_DENSITY_T_PER_M3
    assert total_m3[1991 - 1990] == pytest.approx(SWEET_PUBLISHED_1991_M3, rel=1e-12)


def test_sweet_l0_values_are_the_ipcc_doc_defaults_at_sweets_density():
    # A sanity check of the bridge above: SWEET's L0 for food and wood are IPCC Table 2.4's
    # DOC (0.15 and 0.43) at DOCf = F = 0.5, so the two models describe the same waste.
    assert ipcc_doc_for(SWEET_L0_M3_PER_T["food"]) == pytest.approx(0.15, abs=0.001)
    assert ipcc_doc_for(SWEET_L0_M3_PER_T["wood"]) == pytest.approx(0.43, abs=0.001)


@pytest.mark.parametrize("k", [0.035, 0.07, 0.17, 0.2, 0.4])
def test_every_year_equals_sweets_annual_model_up_to_the_timing_factor(k):
    rng = np.random.default_rng(11)
    deposits = rng.uniform(0, 5000, size=40)
    l0, ox = 186.0, 0.1
    ours = ch4_generated(deposits, doc=ipcc_doc_for(l0), docf=0.5, mcf=1.0, k=k, f=0.5)
    ours_m3 = eq_3_1_ch4_emitted(ours, 0.0, ox) / SWEET_CH4_DENSITY_T_PER_M3
    theirs = sweet_annual_model(list(deposits), k, l0, ox)
    np.testing.assert_allclose(ours_m3 * k / (2 * math.sinh(k / 2)), theirs, rtol=1e-11)


def continuous_time_ch4(
    deposits: list[float], *, doc: float, docf: float, mcf: float, k: float, f: float, delay: float
) -> list[float]:
    """Independent formulation: continuous first-order decay, integrated per calendar year.

    A deposit of year T starts decaying at t0 = T + (M - 1)/12 with M = delay + 7 (the start
    of month M); the DDOCm left at time t is D * exp(-k * max(0, t - t0)). What decomposes in
    year Y is the drop of that function over [Y, Y + 1].
    """
    start_offset = (delay + 7.0 - 1.0) / 12.0
    out = []
    for year in range(len(deposits)):
        decomposed = 0.0
        for deposit_year, tonnes in enumerate(deposits[: year + 1]):
            ddocm = tonnes * doc * docf * mcf
            t0 = deposit_year + start_offset
            left_at_start = math.exp(-k * max(0.0, year - t0))
            left_at_end = math.exp(-k * max(0.0, year + 1 - t0))
            decomposed += ddocm * (left_at_start - left_at_end)
        out.append(decomposed * f * 16.0 / 12.0)
    return out


@PROPERTY
@given(
    deposits=st.lists(st.floats(min_value=0, max_value=1e5), min_size=1, max_size=20),
    k=st.floats(min_value=0.02, max_value=1.0),
    doc=st.floats(min_value=0.01, max_value=0.5),
    mcf=st.sampled_from([1.0, 0.8, 0.6, 0.5, 0.4]),
    delay=st.sampled_from([0.0, 1.0, 2.0, 3.0, 4.5, 6.0]),
)
def test_recursion_equals_the_continuous_time_closed_form(deposits, k, doc, mcf, delay):
    ours = ch4_generated(deposits, doc=doc, docf=0.5, mcf=mcf, k=k, f=0.5, delay_months=delay)
    theirs = continuous_time_ch4(deposits, doc=doc, docf=0.5, mcf=mcf, k=k, f=0.5, delay=delay)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-9)


@pytest.mark.parametrize(
    ("waste_type", "half_life_years"),
    # IPCC 2006 V5 Ch 3 Table 3.4 (p. 3.18), tropical moist and wet.
    [("food", 2), ("wood", 4), ("paper", 10), ("textile", 10), ("rubber", 20)],
)
def test_k_values_agree_with_the_ipcc_half_life_table(waste_type, half_life_years):
    assert round(math.log(2) / K_TROPICAL_WET[waste_type]) == half_life_years
