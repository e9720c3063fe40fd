"""Monte Carlo over the uncertain emission parameters, returning percentile bands per year.

Flows do not depend on the sampled parameters, so they are computed once. Each parameter
with a range is drawn from a triangular distribution (low, mode, high) whose mode is the
scenario's value and whose bounds are the IPCC default ranges (:data:`DEFAULT_RANGES`).
Triangular, because IPCC gives a default and a range but no distribution shape, and a
triangle keeps draws inside the published range while centring them on the default. If a
scenario's value falls outside its range, the range is widened to include it.

Landfill CH4 for all draws at once: the FOD is a convolution of deposits with a decay
kernel that depends on k only (:func:`~.fod.decay_kernel`), so for each waste type the
kernels of all draws, ``(draws, years)``, are multiplied by the lower-triangular Toeplitz
matrices of that type's deposits on every site, ``(years, sites * years)``: one matrix
product per waste type. DOC, DOCf, F and MCF scale the result linearly. Recovery and OX are
applied per site at emission, as in eq 3.1.

Sampled: k and DOC per degradable waste type, DOCf, F, MCF per site type, total and fossil
carbon fractions per waste type, and the composting / digestion CH4 and N2O factors.
Held at their values: OX, recovery, delay, dry matter, combustion CH4/N2O factors, GWP.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from .emissions import co2e, eq_4_1_ch4_biological, eq_4_2_n2o_biological
from .errors import ErrorCode, WasteModelError
from .flows import FlowResult, Scenario, compute_flows
from .fod import decay_kernel, deposit_toeplitz
from .parameters import (
    AD_CH4_RANGE,
    CARBON_FRACTION_RANGE,
    CH4_PER_C,
    CO2_PER_C,
    COMBUSTION_PATHWAYS,
    COMPOSTING_CH4_RANGE,
    COMPOSTING_N2O_RANGE,
    DOC_RANGE,
    DOCF_RANGE,
    F_CH4_RANGE,
    FOSSIL_CARBON_FRACTION_RANGE,
    K_TROPICAL_WET_RANGE,
    MCF_RANGE,
    SITE_TYPES,
    WASTE_TYPES,
    ModelParameters,
)
from .scenario import combustion_gases, landfill_deposits, landfill_recovery_share

FloatArray = NDArray[np.float64]
Range = tuple[float, float]

#: Names of the series in :attr:`MonteCarloResult.bands` (tonnes per year).
OUTPUTS: tuple[str, ...] = (
    "landfill_ch4_generated_t",
    "landfill_ch4_emitted_t",
    "ch4_t",
    "n2o_t",
    "fossil_co2_t",
    "co2e_t",
)
MAX_DRAWS = 1_000_000


@dataclass(frozen=True)
class UncertaintyRanges:
    """(low, high) bounds of the sampled parameters; a missing key or ``None`` = not sampled.

    Defaults are the IPCC ranges given next to each table in :mod:`.parameters`
    (Table 3.3 for k, Table 2.4 for DOC and carbon fractions, Table 3.5 for DOCf, F and MCF,
    Table 4.1 for biological treatment).
    """

    k: Mapping[str, Range] = field(default_factory=lambda: dict(K_TROPICAL_WET_RANGE))
    doc: Mapping[str, Range] = field(default_factory=lambda: dict(DOC_RANGE))
    docf: Range | None = DOCF_RANGE
    f: Range | None = F_CH4_RANGE
    mcf: Mapping[str, Range] = field(default_factory=lambda: dict(MCF_RANGE))
    carbon_fraction: Mapping[str, Range] = field(
        default_factory=lambda: dict(CARBON_FRACTION_RANGE)
    )
    fossil_carbon_fraction: Mapping[str, Range] = field(
        default_factory=lambda: dict(FOSSIL_CARBON_FRACTION_RANGE)
    )
    composting_ch4_g_per_kg: Range | None = COMPOSTING_CH4_RANGE
    composting_n2o_g_per_kg: Range | None = COMPOSTING_N2O_RANGE
    ad_ch4_g_per_kg: Range | None = AD_CH4_RANGE

    @classmethod
    def fixed(cls) -> UncertaintyRanges:
        """No parameter sampled: every draw equals the deterministic run."""
        return cls(
            k={},
            doc={},
            docf=None,
            f=None,
            mcf={},
            carbon_fraction={},
            fossil_carbon_fraction={},
            composting_ch4_g_per_kg=None,
            composting_n2o_g_per_kg=None,
            ad_ch4_g_per_kg=None,
        )

    def __post_init__(self) -> None:
        for name in ("k", "doc", "carbon_fraction", "fossil_carbon_fraction"):
            for key, bounds in getattr(self, name).items():
                if key not in WASTE_TYPES:
                    raise WasteModelError(
                        ErrorCode.UNKNOWN_WASTE_TYPE,
                        f"'{key}' in the {name} ranges is not a waste type.",
                        field=f"ranges.{name}",
                        waste_type=key,
                    )
                _check_range(f"ranges.{name}.{key}", bounds)
        for key, bounds in self.mcf.items():
            if key not in SITE_TYPES:
                raise WasteModelError(
                    ErrorCode.UNKNOWN_SITE_TYPE,
                    f"'{key}' in the MCF ranges is not a site type.",
                    field="ranges.mcf",
                    site_type=key,
                )
            _check_range(f"ranges.mcf.{key}", bounds)
        for name in ("docf", "f", "composting_ch4_g_per_kg", "composting_n2o_g_per_kg"):
            bounds = getattr(self, name)
            if bounds is not None:
                _check_range(f"ranges.{name}", bounds)
        if self.ad_ch4_g_per_kg is not None:
            _check_range("ranges.ad_ch4_g_per_kg", self.ad_ch4_g_per_kg)


@dataclass(frozen=True)
class MonteCarloResult:
    """Percentile bands per year: ``bands[name]`` is ``(len(percentiles), years)``.

    ``mean[name]`` is the mean over draws per year. Names are :data:`OUTPUTS`.
    """

    years: NDArray[np.int64]
    percentiles: tuple[float, ...]
    draws: int
    seed: int | None
    bands: dict[str, FloatArray]
    mean: dict[str, FloatArray]

    def band(self, name: str, percentile: float) -> FloatArray:
        """The series of one output at one of the computed percentiles."""
        try:
            row = self.percentiles.index(float(percentile))
        except ValueError:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"Percentile {percentile} was not computed; use one of {self.percentiles}.",
                field="percentile",
                value=percentile,
            ) from None
        return cast(FloatArray, self.bands[name][row])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"years", "percentiles", "draws", "bands": {name: {"p5": [...]}}}``."""
        return {
            "years": [int(y) for y in self.years],
            "percentiles": list(self.percentiles),
            "draws": self.draws,
            "seed": self.seed,
            "bands": {
                name: {
                    f"p{_label(q)}": [float(x) for x in band[i]]
                    for i, q in enumerate(self.percentiles)
                }
                for name, band in self.bands.items()
            },
            "mean": {name: [float(x) for x in series] for name, series in self.mean.items()},
        }


def run_monte_carlo(
    scenario: Scenario,
    *,
    draws: int = 10_000,
    seed: int | None = None,
    percentiles: Sequence[float] = (5.0, 50.0, 95.0),
    ranges: UncertaintyRanges | None = None,
) -> MonteCarloResult:
    """Sample the emission parameters ``draws`` times and return percentile bands per year.

    Raises:
        WasteModelError: ``invalid_parameter`` for a bad number of draws or percentile, and
            any error of :func:`~.flows.compute_flows`.
    """
    n, quantiles = _check_request(draws, percentiles)
    if ranges is None:
        ranges = DEFAULT_RANGES
    rng = np.random.default_rng(seed)
    params = scenario.parameters
    flows = compute_flows(scenario)
    horizon = scenario.horizon_years
    sampled = _draw_parameters(rng, n, params, ranges)

    # Landfill CH4 by FOD, all draws at once (see module docstring), then the other gases.
    # This arithmetic stays here on purpose: its large temporaries then live to the end of
    # the run. Split into helpers, they were freed before the percentiles and the allocator
    # returned the memory only to fault it back in (~20 % more page faults, a few % slower
    # on bench/wastemodel_montecarlo_bench.py).
    deposits, n_prior = landfill_deposits(scenario, flows)
    length = deposits.shape[-1]
    keep = (1.0 - landfill_recovery_share(scenario)) * (
        1.0 - np.array(params.per_site("ox"))[:, None]
    )
    generated = np.zeros((n, horizon))
    emitted = np.zeros((n, horizon))
    carbon_to_ch4 = sampled.docf * sampled.f_ch4 * CH4_PER_C
    for w in range(len(WASTE_TYPES)):
        sites = [s for s in range(len(SITE_TYPES)) if deposits[w, s].any()]
        if not sites or not sampled.doc[:, w].any():
            continue
        kernel = decay_kernel(sampled.k[:, w], length, params.delay_months)
        toeplitz = np.concatenate([deposit_toeplitz(deposits[w, s]) for s in sites], axis=1)
        unit = (kernel @ toeplitz).reshape(n, len(sites), length)[:, :, n_prior:]
        scale = (sampled.doc[:, w] * carbon_to_ch4)[:, None] * sampled.mcf[:, sites]
        per_site = unit * scale[:, :, None]
        generated += per_site.sum(axis=1)
        emitted += (per_site * keep[sites][None, :, :]).sum(axis=1)

    composted = flows.total("composting")[None, :]
    digested = flows.total("anaerobic_digestion")[None, :]
    gases = combustion_gases(scenario, flows)
    ch4 = (
        emitted
        + eq_4_1_ch4_biological(composted, sampled.compost_ch4[:, None])
        + eq_4_1_ch4_biological(digested, sampled.ad_ch4[:, None])
        + sum(gases["ch4"].values())
    )
    n2o = (
        eq_4_2_n2o_biological(composted, sampled.compost_n2o[:, None])
        + eq_4_2_n2o_biological(digested, params.ad_n2o_g_per_kg)
        + sum(gases["n2o"].values())
    )
    dry = np.array(params.per_type("dry_matter"))
    fossil_carbon = sampled.carbon * sampled.fossil_share  # (draws, types)
    fossil = np.zeros((n, horizon))
    for pathway in COMBUSTION_PATHWAYS:
        oxidised = flows.tonnes[pathway] * dry * params.combustion_oxidation_factor[pathway]
        fossil += fossil_carbon @ oxidised.T * CO2_PER_C
    total = co2e(params.gwp, ch4_t=ch4, n2o_t=n2o, fossil_co2_t=fossil)
    series = {
        "landfill_ch4_generated_t": generated,
        "landfill_ch4_emitted_t": emitted,
        "ch4_t": np.broadcast_to(ch4, (n, horizon)),
        "n2o_t": np.broadcast_to(n2o, (n, horizon)),
        "fossil_co2_t": fossil,
        "co2e_t": np.broadcast_to(total, (n, horizon)),
    }
    return _result(flows, quantiles, n, seed, series)


@dataclass(frozen=True)
class _Draws:
    """The sampled parameters: ``(draws,)`` for scalars, ``(draws, keys)`` for tables."""

    k: FloatArray  # per waste type
    doc: FloatArray  # per waste type
    docf: FloatArray
    f_ch4: FloatArray
    mcf: FloatArray  # per site type
    carbon: FloatArray  # per waste type
    fossil_share: FloatArray  # per waste type
    compost_ch4: FloatArray
    compost_n2o: FloatArray
    ad_ch4: FloatArray


def _check_request(draws: int, percentiles: Sequence[float]) -> tuple[int, tuple[float, ...]]:
    """The number of draws and the percentiles as numbers, or ``invalid_parameter``."""
    if not 1 <= int(draws) <= MAX_DRAWS:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"The number of draws must be between 1 and {MAX_DRAWS}.",
            field="draws",
            value=draws,
        )
    quantiles = tuple(float(q) for q in percentiles)
    if not quantiles or any(not 0.0 <= q <= 100.0 for q in quantiles):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            "Percentiles must be between 0 and 100.",
            field="percentiles",
            value=list(quantiles),
        )
    return int(draws), quantiles


def _draw_parameters(
    rng: np.random.Generator, n: int, params: ModelParameters, ranges: UncertaintyRanges
) -> _Draws:
    # Keyword arguments are evaluated in the order written, and that order fixes which
    # random numbers each parameter gets: changing it changes every seeded result.
    return _Draws(
        k=_sample_table(rng, n, params.per_type("k"), ranges.k, WASTE_TYPES, positive=True),
        doc=_sample_table(rng, n, params.per_type("doc"), ranges.doc, WASTE_TYPES),
        docf=_sample(rng, n, params.docf, ranges.docf),
        f_ch4=_sample(rng, n, params.f, ranges.f),
        mcf=_sample_table(rng, n, params.per_site("mcf"), ranges.mcf, SITE_TYPES),
        carbon=_sample_table(
            rng, n, params.per_type("carbon_fraction"), ranges.carbon_fraction, WASTE_TYPES
        ),
        fossil_share=_sample_table(
            rng,
            n,
            params.per_type("fossil_carbon_fraction"),
            ranges.fossil_carbon_fraction,
            WASTE_TYPES,
        ),
        compost_ch4=_sample(rng, n, params.composting_ch4_g_per_kg, ranges.composting_ch4_g_per_kg),
        compost_n2o=_sample(rng, n, params.composting_n2o_g_per_kg, ranges.composting_n2o_g_per_kg),
        ad_ch4=_sample(rng, n, params.ad_ch4_g_per_kg, ranges.ad_ch4_g_per_kg),
    )


def _result(
    flows: FlowResult,
    quantiles: tuple[float, ...],
    n: int,
    seed: int | None,
    series: Mapping[str, FloatArray],
) -> MonteCarloResult:
    """Percentile bands and means over the draws of every ``(draws, years)`` series."""
    return MonteCarloResult(
        years=flows.years,
        percentiles=quantiles,
        draws=n,
        seed=seed,
        bands={name: np.percentile(x, quantiles, axis=0) for name, x in series.items()},
        mean={name: x.mean(axis=0) for name, x in series.items()},
    )


def _sample(rng: np.random.Generator, n: int, mode: float, bounds: Range | None) -> FloatArray:
    """``n`` triangular draws around ``mode``; constant when there is no (or a zero) range."""
    if bounds is None:
        return np.full(n, float(mode))
    low = min(float(bounds[0]), float(mode))
    high = max(float(bounds[1]), float(mode))
    if high <= low:
        return np.full(n, float(mode))
    return rng.triangular(low, float(mode), high, size=n)


def _sample_table(
    rng: np.random.Generator,
    n: int,
    modes: Sequence[float],
    bounds: Mapping[str, Range],
    keys: Sequence[str],
    *,
    positive: bool = False,
) -> FloatArray:
    columns = [
        _sample(rng, n, mode, bounds.get(key)) for key, mode in zip(keys, modes, strict=True)
    ]
    table = np.stack(columns, axis=1)
    if positive:
        # A triangle whose low bound is 0 can return exactly 0; k must stay above it.
        table = np.maximum(table, 1e-12)
    return table


def _check_range(name: str, bounds: Range) -> None:
    low, high = (float(b) for b in bounds)
    if not (np.isfinite(low) and np.isfinite(high) and 0.0 <= low <= high):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"{name} must be a (low, high) pair with 0 <= low <= high.",
            field=name,
            value=[low, high],
        )


def _label(q: float) -> str:
    return f"{q:g}".replace(".", "_")


#: The IPCC default ranges (the default of :func:`run_monte_carlo`).
DEFAULT_RANGES = UncertaintyRanges()
