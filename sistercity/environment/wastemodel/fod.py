"""First-order decay (FOD) of degradable carbon in landfills: IPCC 2006 V5 Ch 3.

The equations are named after their numbers in the guidelines:

* eq 3.1 - CH4 emitted = (sum of CH4 generated - R) * (1 - OX)
* eq 3.2 - DDOCm = W * DOC * DOCf * MCF
* eq 3.3 - Lo = DDOCm * F * 16/12 (methane generation potential, the "commitment")
* eq 3.4 - DDOCma_T = DDOCmd_T + DDOCma_(T-1) * e^-k
* eq 3.5 - DDOCm decomposed_T = DDOCma_(T-1) * (1 - e^-k)
* eq 3.6 - CH4 generated_T = DDOCm decomposed_T * F * 16/12

Timing follows the IPCC Waste Model spreadsheet (Annex 3A.1 of the chapter): waste deposited
in year T is, on average, deposited mid-year and starts to decay in month
``M = delay_months + 7`` of year T. So in year T a part ``1 - exp(-k (13 - M)/12)`` of its
DDOCm decomposes and the rest joins the accumulated DDOCma that eqs 3.4/3.5 decay from
year T + 1 on. With the default 6-month delay, M = 13: nothing decomposes in the deposition
year and a fraction ``1 - e^-k`` of it decomposes in the next one.

:func:`ch4_generated` runs the eq 3.4/3.5 recursion year by year, vectorised over any leading
batch dimensions (waste types, sites, Monte Carlo draws). :func:`decay_kernel` and
:func:`convolve_deposits` are the same model written as a convolution of the deposits with
the decay kernel of one tonne; the Monte Carlo uses them because for many draws a matrix
product is faster than a loop over years. Tests check that the two agree.

Units: deposits and results in tonnes (any mass unit works, the equations are linear).
"""

from __future__ import annotations

from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .errors import ErrorCode, WasteModelError
from .parameters import CH4_PER_C, DELAY_MONTHS, F_CH4, check_delay_months

FloatArray = NDArray[np.float64]


def eq_3_1_ch4_emitted(
    generated: ArrayLike, recovered: ArrayLike = 0.0, ox: ArrayLike = 0.0
) -> FloatArray:
    """IPCC eq 3.1: CH4 emitted = (CH4 generated - R) * (1 - OX).

    Recovery and oxidation act only here, never on generation: ``R`` is the CH4 recovered
    (flared or used) in the same year and unit as ``generated``; ``OX`` the fraction of the
    remaining CH4 oxidised in the cover.
    """
    gen = np.asarray(generated, dtype=float)
    rec = np.asarray(recovered, dtype=float)
    if np.any(rec < 0) or np.any(rec > gen + 1e-12 * np.maximum(1.0, np.abs(gen))):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            "Recovered CH4 must be between zero and the CH4 generated.",
            field="recovered",
        )
    return cast(FloatArray, (gen - rec) * (1.0 - np.asarray(ox, dtype=float)))


def eq_3_2_ddocm(w: ArrayLike, doc: ArrayLike, docf: ArrayLike, mcf: ArrayLike) -> FloatArray:
    """IPCC eq 3.2: decomposable DOC deposited, DDOCm = W * DOC * DOCf * MCF."""
    return cast(
        FloatArray,
        np.asarray(w, dtype=float)
        * np.asarray(doc, dtype=float)
        * np.asarray(docf, dtype=float)
        * np.asarray(mcf, dtype=float),
    )


def eq_3_3_lo(ddocm: ArrayLike, f: ArrayLike = F_CH4) -> FloatArray:
    """IPCC eq 3.3: CH4 generation potential Lo = DDOCm * F * 16/12 (same mass unit)."""
    return cast(FloatArray, np.asarray(ddocm, dtype=float) * np.asarray(f, dtype=float) * CH4_PER_C)


def eq_3_4_ddocma(ddocmd: ArrayLike, ddocma_previous: ArrayLike, k: ArrayLike) -> FloatArray:
    """IPCC eq 3.4: DDOCma_T = DDOCmd_T + DDOCma_(T-1) * e^-k (no delay form)."""
    return cast(
        FloatArray,
        np.asarray(ddocmd, dtype=float)
        + np.asarray(ddocma_previous, dtype=float) * np.exp(-np.asarray(k, dtype=float)),
    )


def eq_3_5_ddocm_decomposed(ddocma_previous: ArrayLike, k: ArrayLike) -> FloatArray:
    """IPCC eq 3.5: DDOCm decomposed_T = DDOCma_(T-1) * (1 - e^-k)."""
    return cast(
        FloatArray,
        np.asarray(ddocma_previous, dtype=float) * -np.expm1(-np.asarray(k, dtype=float)),
    )


def eq_3_6_ch4_generated(ddocm_decomposed: ArrayLike, f: ArrayLike = F_CH4) -> FloatArray:
    """IPCC eq 3.6: CH4 generated_T = DDOCm decomposed_T * F * 16/12."""
    return cast(
        FloatArray,
        np.asarray(ddocm_decomposed, dtype=float) * np.asarray(f, dtype=float) * CH4_PER_C,
    )


def first_year_exposure(delay_months: float = DELAY_MONTHS) -> float:
    """Part of the deposition year during which new waste decays: (13 - M) / 12.

    ``M = delay_months + 7`` is the month decay starts (IPCC Waste Model, Annex 3A.1).
    """
    check_delay_months(delay_months)
    return (13.0 - (delay_months + 7.0)) / 12.0


def ddocm_decay(
    ddocmd: ArrayLike, k: ArrayLike, delay_months: float = DELAY_MONTHS
) -> tuple[FloatArray, FloatArray]:
    """Eqs 3.4 and 3.5 with the IPCC Waste Model delay, over the last axis (years).

    Args:
        ddocmd: DDOCm deposited per year, shape ``(..., years)``.
        k: decay rate (1/yr), broadcastable to ``ddocmd.shape[:-1]``.
        delay_months: 0..6 months.

    Returns:
        ``(decomposed, accumulated)``, both shaped like the broadcast input: DDOCm
        decomposed in each year and DDOCma (not yet decomposed) at each year's end.
    """
    dep = np.asarray(ddocmd, dtype=float)
    if dep.ndim == 0:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, "Deposits must be a series over years.", field="deposits"
        )
    rate = np.asarray(k, dtype=float)
    if np.any(~(rate > 0)):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, "The decay rate k must be above zero.", field="k"
        )
    exposure = first_year_exposure(delay_months)
    batch = np.broadcast_shapes(dep.shape[:-1], rate.shape)
    dep = np.broadcast_to(dep, (*batch, dep.shape[-1]))
    rate = np.broadcast_to(rate, batch)
    keep_first = np.exp(-rate * exposure)  # share of this year's deposit surviving to Dec 31
    decomposed = np.empty(dep.shape, dtype=float)
    accumulated = np.empty(dep.shape, dtype=float)
    ddocma = np.zeros(batch, dtype=float)
    for year in range(dep.shape[-1]):
        deposit = dep[..., year]
        # eq 3.5 on the stock carried in, plus the deposit's own first (part-)year.
        decomposed[..., year] = eq_3_5_ddocm_decomposed(ddocma, rate) + deposit * (1.0 - keep_first)
        # eq 3.4, with only the not-yet-decomposed part of this year's deposit added.
        ddocma = eq_3_4_ddocma(deposit * keep_first, ddocma, rate)
        accumulated[..., year] = ddocma
    return decomposed, accumulated


def _validate_deposits(deposits: ArrayLike) -> FloatArray:
    dep = np.asarray(deposits, dtype=float)
    if dep.ndim == 0:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            "Deposits must be a series with one value per year.",
            field="deposits",
        )
    if not np.all(np.isfinite(dep)):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, "Deposits must be finite numbers.", field="deposits"
        )
    if np.any(dep < 0):
        raise WasteModelError(
            ErrorCode.NEGATIVE_TONNAGE,
            "Deposited tonnages must not be negative.",
            field="deposits",
            value=float(dep.min()),
        )
    return dep


def _check_fraction_array(name: str, value: ArrayLike) -> FloatArray:
    arr = np.asarray(value, dtype=float)
    if np.any(~((arr >= 0) & (arr <= 1))):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"{name} must be a fraction between 0 and 1.",
            field=name,
        )
    return arr


def ch4_generated(
    deposits: ArrayLike,
    *,
    doc: ArrayLike,
    docf: ArrayLike,
    mcf: ArrayLike,
    k: ArrayLike,
    f: ArrayLike = F_CH4,
    delay_months: float = DELAY_MONTHS,
) -> FloatArray:
    """CH4 generated per year (tonnes) by the waste deposited in a landfill.

    For one waste type, ``deposits[t]`` is the wet waste (tonnes) deposited in year ``t`` of
    the horizon; the result ``[t]`` is the CH4 (tonnes) generated in year ``t`` by all
    deposits up to and including year ``t`` (IPCC eqs 3.2, 3.4, 3.5 and 3.6 with the IPCC
    Waste Model's timing: decay starts in month ``delay_months + 7`` of the deposition year).
    Oxidation and recovery are *not* applied: they act on emission (:func:`eq_3_1_ch4_emitted`).

    Vectorised: ``deposits`` may have leading batch axes, ``(..., years)``; ``doc``, ``docf``,
    ``mcf``, ``k`` and ``f`` are scalars or arrays broadcastable to those batch axes (e.g.
    deposits ``(types, sites, years)`` with ``doc`` ``(types, 1)`` and ``mcf`` ``(sites,)``).
    The result has the broadcast batch shape plus the years axis.

    Raises:
        WasteModelError: negative deposits (``negative_tonnage``), fractions outside 0..1,
            k <= 0 or a delay outside 0..6 months (``invalid_parameter``).
    """
    dep = _validate_deposits(deposits)
    doc_a = _check_fraction_array("doc", doc)
    docf_a = _check_fraction_array("docf", docf)
    mcf_a = _check_fraction_array("mcf", mcf)
    f_a = _check_fraction_array("f", f)
    ddocmd = eq_3_2_ddocm(dep, doc_a[..., None], docf_a[..., None], mcf_a[..., None])
    decomposed, _ = ddocm_decay(ddocmd, k, delay_months)
    return eq_3_6_ch4_generated(decomposed, f_a[..., None])


def methane_commitment(
    deposits: ArrayLike,
    *,
    doc: ArrayLike,
    docf: ArrayLike,
    mcf: ArrayLike,
    f: ArrayLike = F_CH4,
) -> FloatArray:
    """CH4 (tonnes) the deposits will generate over all future years: W*DOC*DOCf*MCF*F*16/12.

    Elementwise (eq 3.2 then 3.3); pass a series to get the commitment of each year's deposit.
    """
    dep = _validate_deposits(np.atleast_1d(deposits))
    return eq_3_3_lo(eq_3_2_ddocm(dep, doc, docf, mcf), f)


def decay_kernel(k: ArrayLike, years: int, delay_months: float = DELAY_MONTHS) -> FloatArray:
    """Fraction of one unit of DDOCm decomposing in each year of its age, shape ``(..., years)``.

    Age 0 is the deposition year: ``1 - a`` with ``a = exp(-k (13 - M)/12)``; age n >= 1:
    ``a * exp(-k (n - 1)) * (1 - exp(-k))``. The kernel sums to 1 over an infinite horizon.
    """
    rate = np.asarray(k, dtype=float)[..., None]
    if np.any(~(rate > 0)):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, "The decay rate k must be above zero.", field="k"
        )
    if years < 1:
        raise WasteModelError(
            ErrorCode.HORIZON_TOO_SHORT, "The kernel needs at least one year.", years=years
        )
    exposure = first_year_exposure(delay_months)
    age = np.arange(years, dtype=float)
    survive_first = np.exp(-rate * exposure)
    kernel: FloatArray = (
        survive_first * np.exp(-rate * np.maximum(age - 1.0, 0.0)) * -np.expm1(-rate)
    )
    kernel[..., 0] = -np.expm1(-rate[..., 0] * exposure)
    return kernel


def deposit_toeplitz(deposits: ArrayLike) -> FloatArray:
    """Lower-triangular Toeplitz view of deposits: ``out[..., age, t] = deposits[..., t - age]``.

    Zero where ``t < age``. Multiplying a kernel ``(n, years)`` by it gives the convolution.
    """
    dep = np.asarray(deposits, dtype=float)
    years = dep.shape[-1]
    age = np.arange(years)[:, None]
    t = np.arange(years)[None, :]
    lag = t - age
    taken = np.take(dep, np.clip(lag, 0, None), axis=-1)
    return np.where(lag >= 0, taken, 0.0)


def convolve_deposits(kernel: ArrayLike, deposits: ArrayLike) -> FloatArray:
    """Decomposed amount per year: ``out[..., t] = sum_age kernel[..., age] * deposits[t - age]``.

    ``kernel`` is ``(..., years)`` (e.g. one row per Monte Carlo draw) and ``deposits`` a single
    series ``(years,)``; computed as one matrix product with :func:`deposit_toeplitz`.
    """
    ker = np.asarray(kernel, dtype=float)
    dep = np.asarray(deposits, dtype=float)
    if dep.ndim != 1 or ker.shape[-1] != dep.shape[0]:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            "The kernel and the deposits must cover the same number of years.",
            field="deposits",
        )
    return ker @ deposit_toeplitz(dep)
