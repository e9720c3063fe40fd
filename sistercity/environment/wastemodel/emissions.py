"""Emission equations other than landfill FOD, named after their IPCC 2006 V5 numbers.

* eq 4.1 - CH4 from biological treatment = sum(M_i * EF_i) * 1e-3 - R
* eq 4.2 - N2O from biological treatment = sum(M_i * EF_i) * 1e-3
* eq 5.1 - fossil CO2 from combustion = sum_i(SW_i * dm_i * CF_i * FCF_i * OF_i) * 44/12
* eq 5.2 - the same for MSW given by composition: MSW * sum_j(WF_j * dm_j * CF_j * FCF_j * OF_j)
  * 44/12
* eq 5.4 - CH4 from combustion = sum(IW_i * EF_i) * 1e-6
* eq 5.5 - N2O from combustion = sum(IW_i * EF_i) * 1e-6

Units: masses in tonnes of wet waste; biological EFs in g per kg wet waste (so
``t * g/kg * 1e-3 = t``); combustion CH4/N2O EFs in g per tonne (``t * g/t * 1e-6 = t``).
Biogenic CO2 is not counted, as in the IPCC inventory. Everything is elementwise numpy, so
arrays of years, waste types or Monte Carlo draws pass straight through.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .parameters import CO2_PER_C, GJ_PER_MWH

FloatArray = NDArray[np.float64]


def eq_4_1_ch4_biological(
    mass_t: ArrayLike, ef_g_per_kg: ArrayLike, recovered_t: ArrayLike = 0.0
) -> FloatArray:
    """IPCC eq 4.1: CH4 (t) from composting or anaerobic digestion, minus CH4 recovered."""
    return cast(
        FloatArray,
        np.asarray(mass_t, dtype=float) * np.asarray(ef_g_per_kg, dtype=float) * 1e-3
        - np.asarray(recovered_t, dtype=float),
    )


def eq_4_2_n2o_biological(mass_t: ArrayLike, ef_g_per_kg: ArrayLike) -> FloatArray:
    """IPCC eq 4.2: N2O (t) from composting or anaerobic digestion."""
    return cast(
        FloatArray, np.asarray(mass_t, dtype=float) * np.asarray(ef_g_per_kg, dtype=float) * 1e-3
    )


def eq_5_1_fossil_co2(
    mass_t: ArrayLike,
    dry_matter: ArrayLike,
    carbon_fraction: ArrayLike,
    fossil_carbon_fraction: ArrayLike,
    oxidation_factor: ArrayLike,
) -> FloatArray:
    """IPCC eq 5.1: fossil CO2 (t), summed over the last axis (waste types).

    ``mass_t`` is wet tonnes per waste type; ``dry_matter`` fraction of wet weight;
    ``carbon_fraction`` of dry matter; ``fossil_carbon_fraction`` of total carbon;
    ``oxidation_factor`` the fraction of carbon oxidised (1 incineration, 0.58 open burning).
    """
    per_type = (
        np.asarray(mass_t, dtype=float)
        * np.asarray(dry_matter, dtype=float)
        * np.asarray(carbon_fraction, dtype=float)
        * np.asarray(fossil_carbon_fraction, dtype=float)
        * np.asarray(oxidation_factor, dtype=float)
    )
    return cast(FloatArray, per_type.sum(axis=-1) * CO2_PER_C)


def eq_5_2_fossil_co2_msw(
    msw_t: ArrayLike,
    composition: ArrayLike,
    dry_matter: ArrayLike,
    carbon_fraction: ArrayLike,
    fossil_carbon_fraction: ArrayLike,
    oxidation_factor: ArrayLike,
) -> FloatArray:
    """IPCC eq 5.2: fossil CO2 (t) of ``msw_t`` tonnes of MSW with the given composition."""
    weights = (
        np.asarray(composition, dtype=float)
        * np.asarray(dry_matter, dtype=float)
        * np.asarray(carbon_fraction, dtype=float)
        * np.asarray(fossil_carbon_fraction, dtype=float)
        * np.asarray(oxidation_factor, dtype=float)
    )
    return cast(FloatArray, np.asarray(msw_t, dtype=float) * weights.sum(axis=-1) * CO2_PER_C)


def eq_5_4_ch4_combustion(mass_t: ArrayLike, ef_g_per_t: ArrayLike) -> FloatArray:
    """IPCC eq 5.4: CH4 (t) from incineration or open burning."""
    return cast(
        FloatArray, np.asarray(mass_t, dtype=float) * np.asarray(ef_g_per_t, dtype=float) * 1e-6
    )


def eq_5_5_n2o_combustion(mass_t: ArrayLike, ef_g_per_t: ArrayLike) -> FloatArray:
    """IPCC eq 5.5: N2O (t) from incineration or open burning."""
    return cast(
        FloatArray, np.asarray(mass_t, dtype=float) * np.asarray(ef_g_per_t, dtype=float) * 1e-6
    )


def energy_recovered_mwh(
    mass_t: ArrayLike, lhv_mj_per_kg: ArrayLike, electric_efficiency: ArrayLike
) -> FloatArray:
    """Net electricity (MWh) from burning ``mass_t`` (summed over the last axis, waste types).

    ``t * MJ/kg = GJ``; GJ / 3.6 = MWh; times the net electrical efficiency.
    """
    heat_gj = (np.asarray(mass_t, dtype=float) * np.asarray(lhv_mj_per_kg, dtype=float)).sum(
        axis=-1
    )
    return cast(FloatArray, heat_gj * np.asarray(electric_efficiency, dtype=float) / GJ_PER_MWH)


def co2e(
    gwp: Mapping[str, float],
    *,
    ch4_t: ArrayLike = 0.0,
    n2o_t: ArrayLike = 0.0,
    fossil_co2_t: ArrayLike = 0.0,
) -> FloatArray:
    """CO2-equivalent (t) = fossil CO2 + GWP_CH4 * CH4 + GWP_N2O * N2O."""
    return (
        np.asarray(fossil_co2_t, dtype=float)
        + gwp["CH4"] * np.asarray(ch4_t, dtype=float)
        + gwp["N2O"] * np.asarray(n2o_t, dtype=float)
    )


def avoided_by_recycling(mass_t: ArrayLike, factor_t_co2e_per_t: ArrayLike) -> FloatArray:
    """Indicative avoided CO2e (t) of recycling, summed over the last axis (waste types)."""
    return cast(
        FloatArray,
        (np.asarray(mass_t, dtype=float) * np.asarray(factor_t_co2e_per_t, dtype=float)).sum(
            axis=-1
        ),
    )
