"""Where to put fire posts: coverage of demand points by sites within a response standard.

Three classic location models, solved exactly as mixed-integer programmes with HiGHS (through
``highspy``):

- **LSCP**, the location set covering problem (Toregas et al. 1971): the fewest sites such that
  every client is within ``radius`` of one of them.
- **MCLP**, the maximal covering location problem (Church & ReVelle 1974): the ``p`` sites that
  cover the most client weight (population) within ``radius``.
- **p-median** (Hakimi 1964; ReVelle & Swain 1970): the ``p`` sites that minimise the
  weight-weighted cost (travel time) from each client to its nearest chosen site.

Each accepts ``fixed`` site indices (the posts that exist already) that must be in the
solution. ``cost`` is an array of shape (clients, sites) — minutes or metres, the unit does not
matter as long as ``radius`` uses the same. Results are proven optimal or say they are not
(``optimal`` False, with HiGHS's relative ``gap``).

The interface (``lscp``, ``mclp``, ``p_median`` and the result's ``sites``, ``covered``,
``assignment``, ``objective``, ``mean_cost``) is fixed by issue 13: benchmarks and other tools
call it.

Also here, because the pages and the dashboard need them without Django: a straight-line travel
time estimate (haversine × detour factor ÷ speed) for when no measured matrix exists, and the
response-time statistics of the minimum service standard (share within 15 minutes, median,
90th percentile).

Pure: numpy and highspy only, no Django.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np
from numpy.typing import ArrayLike, NDArray

# Indonesia's minimum service standard for fire services (Permendagri 114/2018 on SPM for
# sub-affairs of fire and rescue): response time within 15 minutes in the service area.
RESPONSE_STANDARD_MINUTES = 15.0

# Long enough for 400 villages × 60 sites (see bench/emergency_coverage_bench.py); a run that
# hits it says so (optimal False, with its gap) instead of pretending.
TIME_LIMIT_SECONDS = 120.0

EARTH_RADIUS_KM = 6371.0088


class CoverageInputError(ValueError):
    """Input the models cannot take. ``code`` names the problem and ``details`` the offending
    items (client or site indices, numbers), so the caller can word a translated message."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Solution:
    """One solved model.

    ``sites``: the chosen site indices, sorted. ``covered``: per client, whether its nearest
    chosen site is within the radius (all true for p-median, which has none). ``assignment``:
    per client, the nearest chosen site. ``objective``: sites used (LSCP), weight covered
    (MCLP) or total weighted cost (p-median). ``mean_cost``: the weighted mean of each client's
    cost to its assigned site (the clients' equal weights for LSCP).
    """

    model: str
    sites: list[int]
    covered: NDArray[np.bool_]
    assignment: NDArray[np.int64]
    objective: float
    mean_cost: float
    optimal: bool
    gap: float = 0.0
    radius: float | None = None
    weights: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    @property
    def weight_covered(self) -> float:
        return float(self.weights[self.covered].sum())

    @property
    def weight_uncovered(self) -> float:
        return float(self.weights[~self.covered].sum())

    @property
    def share_covered(self) -> float:
        """The share of the clients' weight (population) covered, 0–1."""
        total = float(self.weights.sum())
        return self.weight_covered / total if total > 0 else 0.0


# --- input checks -------------------------------------------------------------------------


def _cost_matrix(cost: ArrayLike) -> NDArray[np.float64]:
    matrix = np.asarray(cost, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise CoverageInputError(
            "shape", "cost must be a non-empty (clients, sites) array", shape=matrix.shape
        )
    missing = np.argwhere(~np.isfinite(matrix))
    if missing.size:
        pairs = [(int(i), int(j)) for i, j in missing[:10]]
        raise CoverageInputError(
            "missing_pairs", f"cost has missing pairs {pairs}", pairs=pairs, count=len(missing)
        )
    negative = np.argwhere(matrix < 0)
    if negative.size:
        pairs = [(int(i), int(j)) for i, j in negative[:10]]
        raise CoverageInputError("negative_cost", f"cost has negative entries {pairs}", pairs=pairs)
    return matrix


def _weights(weights: ArrayLike, clients: int) -> NDArray[np.float64]:
    vector = np.asarray(weights, dtype=np.float64).reshape(-1)
    if vector.shape[0] != clients:
        raise CoverageInputError(
            "weights_length",
            f"weights has {vector.shape[0]} entries for {clients} clients",
            clients=clients,
            weights=int(vector.shape[0]),
        )
    if not np.all(np.isfinite(vector)) or np.any(vector < 0):
        raise CoverageInputError("negative_weight", "weights must be finite and not negative")
    return vector


def _fixed_sites(fixed: Iterable[int], sites: int) -> list[int]:
    chosen = sorted({int(j) for j in fixed})
    outside = [j for j in chosen if j < 0 or j >= sites]
    if outside:
        raise CoverageInputError(
            "fixed_not_candidate",
            f"fixed sites {outside} are not among the {sites} candidate sites",
            sites=outside,
        )
    return chosen


def _check_p(p: int, sites: int, fixed: Sequence[int]) -> int:
    if int(p) != p or p < 1:
        raise CoverageInputError("p_invalid", "p must be a positive whole number", p=p)
    if p > sites:
        raise CoverageInputError(
            "p_too_large", f"p = {p} is more than the {sites} candidate sites", p=p, sites=sites
        )
    if len(fixed) > p:
        raise CoverageInputError(
            "fixed_exceeds_p",
            f"{len(fixed)} fixed sites do not fit in p = {p}",
            p=p,
            fixed=len(fixed),
        )
    return int(p)


# --- the solver ---------------------------------------------------------------------------


@dataclass
class _Program:
    """A MIP in HiGHS's row-wise form, built column block by column block."""

    cost: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)

    def columns(
        self, count: int, *, cost: ArrayLike, lower: ArrayLike, upper: ArrayLike, integer: bool
    ) -> int:
        first = len(self.cost)
        self.cost.extend(np.broadcast_to(np.asarray(cost, dtype=float), (count,)).tolist())
        self.lower.extend(np.broadcast_to(np.asarray(lower, dtype=float), (count,)).tolist())
        self.upper.extend(np.broadcast_to(np.asarray(upper, dtype=float), (count,)).tolist())
        self.integer.extend([integer] * count)
        return first

    def row(self, columns: Iterable[int], values: Sequence[float], low: float, up: float) -> None:
        self.index.extend(int(c) for c in columns)
        self.value.extend(float(v) for v in values)
        self.starts.append(len(self.index))
        self.row_lower.append(low)
        self.row_upper.append(up)

    def solve(self, *, maximise: bool) -> tuple[NDArray[np.float64], bool, float]:
        lp = highspy.HighsLp()
        lp.num_col_ = len(self.cost)
        lp.num_row_ = len(self.row_lower)
        lp.col_cost_ = np.array(self.cost)
        lp.col_lower_ = np.array(self.lower)
        lp.col_upper_ = np.array(self.upper)
        lp.row_lower_ = np.array(self.row_lower)
        lp.row_upper_ = np.array(self.row_upper)
        lp.sense_ = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_ = lp.num_col_
        lp.a_matrix_.num_row_ = lp.num_row_
        lp.a_matrix_.start_ = np.array(self.starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.value)
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous
            for i in self.integer
        ]
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("time_limit", TIME_LIMIT_SECONDS)
        # "Proven optimal" means it: no relative tolerance on the gap.
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.passModel(lp)
        highs.run()
        status = highs.getModelStatus()
        values = np.array(highs.getSolution().col_value, dtype=np.float64)
        if status == highspy.HighsModelStatus.kOptimal:
            return values, True, 0.0
        if values.size == len(self.cost) and highs.getInfo().primal_solution_status == 2:
            return values, False, float(highs.getInfo().mip_gap)
        raise CoverageInputError(
            "no_solution", f"the solver found no solution ({highs.modelStatusToString(status)})"
        )


def _chosen(values: NDArray[np.float64], first: int, sites: int) -> list[int]:
    return [j for j in range(sites) if values[first + j] > 0.5]


def _assign(cost: NDArray[np.float64], sites: list[int]) -> NDArray[np.int64]:
    columns = np.asarray(sites, dtype=np.int64)
    return np.asarray(columns[np.argmin(cost[:, columns], axis=1)], dtype=np.int64)


def _solution(
    model: str,
    cost: NDArray[np.float64],
    weights: NDArray[np.float64],
    sites: list[int],
    *,
    objective: float,
    optimal: bool,
    gap: float,
    radius: float | None,
) -> Solution:
    assignment = _assign(cost, sites)
    assigned_cost = cost[np.arange(cost.shape[0]), assignment]
    covered = assigned_cost <= radius if radius is not None else np.ones(cost.shape[0], dtype=bool)
    total = float(weights.sum())
    mean = float((weights * assigned_cost).sum() / total) if total > 0 else float("nan")
    return Solution(
        model=model,
        sites=sorted(sites),
        covered=covered,
        assignment=assignment,
        objective=objective,
        mean_cost=mean,
        optimal=optimal,
        gap=gap,
        radius=radius,
        weights=weights,
    )


# --- the three models ---------------------------------------------------------------------


def lscp(cost: ArrayLike, radius: float, *, fixed: Iterable[int] = ()) -> Solution:
    """The fewest sites (with ``fixed`` among them) that put every client within ``radius``."""
    matrix = _cost_matrix(cost)
    clients, sites = matrix.shape
    fixed_sites = _fixed_sites(fixed, sites)
    reach = matrix <= radius
    unreachable = np.flatnonzero(~reach.any(axis=1))
    if unreachable.size:
        raise CoverageInputError(
            "uncoverable",
            f"clients {unreachable.tolist()[:10]} have no site within {radius}",
            clients=unreachable.tolist(),
            radius=radius,
        )
    program = _Program()
    lower = np.zeros(sites)
    lower[fixed_sites] = 1.0
    y = program.columns(sites, cost=1.0, lower=lower, upper=1.0, integer=True)
    for i in range(clients):
        near = np.flatnonzero(reach[i])
        program.row(y + near, [1.0] * near.size, 1.0, math.inf)
    values, optimal, gap = program.solve(maximise=False)
    chosen = _chosen(values, y, sites)
    return _solution(
        "lscp",
        matrix,
        np.ones(clients),
        chosen,
        objective=float(len(chosen)),
        optimal=optimal,
        gap=gap,
        radius=radius,
    )


def mclp(
    cost: ArrayLike, weights: ArrayLike, radius: float, p: int, *, fixed: Iterable[int] = ()
) -> Solution:
    """The ``p`` sites (``fixed`` among them) that cover the most weight within ``radius``."""
    matrix = _cost_matrix(cost)
    clients, sites = matrix.shape
    weight = _weights(weights, clients)
    fixed_sites = _fixed_sites(fixed, sites)
    count = _check_p(p, sites, fixed_sites)
    reach = matrix <= radius
    program = _Program()
    lower = np.zeros(sites)
    lower[fixed_sites] = 1.0
    y = program.columns(sites, cost=0.0, lower=lower, upper=1.0, integer=True)
    # z_i (is client i covered) may stay continuous: with y integral, the best z is 0 or 1.
    z = program.columns(
        clients, cost=weight, lower=0.0, upper=reach.any(axis=1).astype(float), integer=False
    )
    program.row(range(y, y + sites), [1.0] * sites, float(count), float(count))
    for i in range(clients):
        near = np.flatnonzero(reach[i])
        if near.size:
            program.row([z + i, *(y + near)], [1.0] + [-1.0] * near.size, -math.inf, 0.0)
    values, optimal, gap = program.solve(maximise=True)
    chosen = _chosen(values, y, sites)
    result = _solution(
        "mclp", matrix, weight, chosen, objective=0.0, optimal=optimal, gap=gap, radius=radius
    )
    return _with_objective(result, result.weight_covered)


def p_median(cost: ArrayLike, weights: ArrayLike, p: int, *, fixed: Iterable[int] = ()) -> Solution:
    """The ``p`` sites (``fixed`` among them) with the least total weighted cost from each
    client to its nearest chosen site."""
    matrix = _cost_matrix(cost)
    clients, sites = matrix.shape
    weight = _weights(weights, clients)
    fixed_sites = _fixed_sites(fixed, sites)
    count = _check_p(p, sites, fixed_sites)
    program = _Program()
    lower = np.zeros(sites)
    lower[fixed_sites] = 1.0
    y = program.columns(sites, cost=0.0, lower=lower, upper=1.0, integer=True)
    # x_ij (client i served by site j) may stay continuous: with y integral, assigning each
    # client wholly to its nearest open site is optimal.
    x = program.columns(
        clients * sites,
        cost=(weight[:, None] * matrix).ravel(),
        lower=0.0,
        upper=1.0,
        integer=False,
    )
    program.row(range(y, y + sites), [1.0] * sites, float(count), float(count))
    for i in range(clients):
        program.row(range(x + i * sites, x + (i + 1) * sites), [1.0] * sites, 1.0, 1.0)
    for i in range(clients):
        for j in range(sites):
            program.row([x + i * sites + j, y + j], [1.0, -1.0], -math.inf, 0.0)
    values, optimal, gap = program.solve(maximise=False)
    chosen = _chosen(values, y, sites)
    result = _solution(
        "p_median", matrix, weight, chosen, objective=0.0, optimal=optimal, gap=gap, radius=None
    )
    return _with_objective(result, float(result.mean_cost * weight.sum()))


def _with_objective(result: Solution, objective: float) -> Solution:
    # The objective is recomputed from the chosen sites rather than read from the solver, so it
    # is exactly what the assignment gives (no solver tolerance in it).
    return Solution(
        model=result.model,
        sites=result.sites,
        covered=result.covered,
        assignment=result.assignment,
        objective=objective,
        mean_cost=result.mean_cost,
        optimal=result.optimal,
        gap=result.gap,
        radius=result.radius,
        weights=result.weights,
    )


def evaluate(cost: ArrayLike, weights: ArrayLike, sites: Iterable[int], radius: float) -> Solution:
    """The coverage a given set of sites achieves (today's posts, before any optimisation)."""
    matrix = _cost_matrix(cost)
    weight = _weights(weights, matrix.shape[0])
    chosen = _fixed_sites(sites, matrix.shape[1])
    if not chosen:
        raise CoverageInputError("no_sites", "at least one site is needed")
    result = _solution(
        "existing", matrix, weight, chosen, objective=0.0, optimal=True, gap=0.0, radius=radius
    )
    return _with_objective(result, result.weight_covered)


# --- travel-time estimate and response statistics -----------------------------------------


def haversine_km(origins: ArrayLike, destinations: ArrayLike) -> NDArray[np.float64]:
    """Great-circle distances in km between (lat, lon) rows of ``origins`` and
    ``destinations``, shape (len(origins), len(destinations))."""
    a = np.radians(np.asarray(origins, dtype=np.float64).reshape(-1, 2))
    b = np.radians(np.asarray(destinations, dtype=np.float64).reshape(-1, 2))
    dlat = b[None, :, 0] - a[:, None, 0]
    dlon = b[None, :, 1] - a[:, None, 1]
    h = (
        np.sin(dlat / 2) ** 2
        + np.cos(a[:, None, 0]) * np.cos(b[None, :, 0]) * np.sin(dlon / 2) ** 2
    )
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))))


def estimated_minutes(
    origins: ArrayLike, destinations: ArrayLike, *, detour_factor: float, speed_kmh: float
) -> NDArray[np.float64]:
    """Travel minutes estimated from straight-line distance: road distance ≈ straight line ×
    ``detour_factor`` (≥ 1), driven at ``speed_kmh``. An estimate, to be labelled as one."""
    if not detour_factor >= 1.0:
        raise CoverageInputError("detour_factor", "the detour factor must be at least 1")
    if not speed_kmh > 0.0:
        raise CoverageInputError("speed", "the speed must be positive")
    points = [np.asarray(x, dtype=np.float64) for x in (origins, destinations)]
    if any(not np.all(np.isfinite(x)) for x in points):
        raise CoverageInputError("coordinates", "every point needs coordinates")
    return haversine_km(points[0], points[1]) * detour_factor / speed_kmh * 60.0


@dataclass(frozen=True)
class ResponseStats:
    """Response times of a set of incidents against the standard."""

    count: int
    within: int
    share_within: float
    median: float
    p90: float


def response_stats(
    minutes: ArrayLike, standard: float = RESPONSE_STANDARD_MINUTES
) -> ResponseStats | None:
    """Share within ``standard``, median and 90th percentile (linear interpolation, numpy's
    default) of response times in minutes; None when there are none."""
    values = np.asarray(minutes, dtype=np.float64).reshape(-1)
    if values.size == 0:
        return None
    within = int((values <= standard).sum())
    return ResponseStats(
        count=int(values.size),
        within=within,
        share_within=within / values.size,
        median=float(np.median(values)),
        p90=float(np.percentile(values, 90)),
    )
