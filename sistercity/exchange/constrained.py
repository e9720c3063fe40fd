"""Second allocation pass with side constraints, as a mixed-integer programme (HiGHS).

Deferred acceptance cannot honour rules such as "at most N participants from one school" or
"no gender above a share of the places". This pass finds, among all matchings that respect
capacities, mutual acceptability and the side constraints, one with the fewest blocking pairs;
among those, the one that places applicants highest on their own lists. Any blocking pair it
had to accept is reported by the caller (re-checked with :func:`allocation.blocking_pairs`).

Formulation: ``x[a,p]`` = 1 if a is placed at p (acceptable pairs only); ``y[a,p]`` = 1 marks
an accepted blocking pair. For every acceptable pair (the capacitated stability constraint)::

    c_p · (1 − Σ_{q ⪰_a p} x[a,q])  ≤  Σ_{b ≻_p a} x[b,p] + c_p · y[a,p]

The left side is c_p exactly when a would rather have p than what she holds; the right side
then reaches c_p only if p is full with applicants it ranks above a, i.e. (a, p) does not block.
With the side constraints slack the optimum has no blocking pair and is the applicant-optimal
stable matching (it minimises the sum of ranks among stable matchings, which all place the
same applicants).

Pure: standard library and highspy only, no Django.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

import highspy


@dataclass(frozen=True)
class SideConstraints:
    max_per_institution: int | None = None
    max_gender_share: float | None = None  # e.g. 0.6: no gender above 60 % of those placed


@dataclass(frozen=True)
class ConstrainedResult:
    matching: dict[Hashable, Hashable | None]
    status: str  # "optimal", "time_limit" (best found) or the solver's words for why not


Pair = tuple[Hashable, Hashable]


@dataclass
class _Programme:
    """The MILP under construction: the solver, its columns and what the rows are built from."""

    highs: highspy.Highs
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]]
    capacities: Mapping[Hashable, int]
    rank_p: dict[Hashable, dict[Hashable, int]]
    pairs: list[Pair]
    # Columns are highspy.highs_var, typed Any: highspy's expression operators (+, *, <=) are
    # unannotated, and sum(..., start=0) of highs_var would be typed int | highs_var.
    x: dict[Pair, Any] = field(default_factory=dict)
    y: dict[Pair, Any] = field(default_factory=dict)
    by_placement: dict[Hashable, list[tuple[Hashable, Any]]] = field(default_factory=dict)


def constrained_allocate(
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]],
    placement_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacities: Mapping[Hashable, int],
    *,
    institution: Mapping[Hashable, str],
    gender: Mapping[Hashable, str],
    constraints: SideConstraints,
    time_limit: float = 20.0,
) -> ConstrainedResult:
    applicants = list(applicant_prefs)
    placements = list(placement_prefs)
    rank_p = {p: {a: r for r, a in enumerate(placement_prefs[p])} for p in placements}
    pairs = [
        (a, p)
        for a in applicants
        for p in applicant_prefs[a]
        if p in rank_p and a in rank_p[p] and capacities.get(p, 0) > 0
    ]
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    # The order below (columns, then each family of rows) fixes the model HiGHS sees, and so
    # which of several optimal matchings it returns: keep it.
    x, y = _add_columns(highs, applicant_prefs, pairs)
    by_placement = _add_capacity_rows(highs, applicants, placements, capacities, pairs, x)
    _add_stability_rows(highs, applicant_prefs, capacities, rank_p, pairs, x, y, by_placement)
    _add_side_constraint_rows(highs, institution, gender, constraints, pairs, x)

    # A feasible start: the stable matching with the applicants that break a side constraint
    # removed (lowest-ranked first). The solver improves on it; at its time limit it still
    # returns the best matching found, never less than this one.
    start = _feasible_start(
        applicant_prefs,
        placement_prefs,
        capacities,
        rank_p,
        institution,
        gender,
        constraints,
        set(x),
    )
    if start is not None:
        _set_start(highs, start, applicant_prefs, placement_prefs, capacities, x, y)

    highs.minimize()
    return _read_solution(highs, applicants, x)


# Columns are highspy.highs_var, typed Any: highspy's expression operators (+, *, <=) are
# unannotated, and sum(..., start=0) of highs_var would be typed int | highs_var.
_Columns = dict[tuple[Hashable, Hashable], Any]


def _add_columns(
    highs: highspy.Highs,
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]],
    pairs: Sequence[tuple[Hashable, Hashable]],
) -> tuple[_Columns, _Columns]:
    """``x`` (placed) for every acceptable pair, then ``y`` (accepted blocking pair)."""
    longest = max((len(v) for v in applicant_prefs.values()), default=0)
    # Every placement is worth more than none, a higher choice more than a lower one; a
    # blocking pair costs more than all placements together can earn.
    penalty = float(len(applicant_prefs) * (longest + 2) + 1)
    x: _Columns = {}
    for a, p in pairs:
        position = list(applicant_prefs[a]).index(p)
        x[a, p] = highs.addBinary(obj=float(position + 1 - (longest + 2)))
    y = {pair: highs.addBinary(obj=penalty) for pair in pairs}
    return x, y


def _add_capacity_rows(
    highs: highspy.Highs,
    applicants: Sequence[Hashable],
    placements: Sequence[Hashable],
    capacities: Mapping[Hashable, int],
    pairs: Sequence[tuple[Hashable, Hashable]],
    x: _Columns,
) -> dict[Hashable, list[tuple[Hashable, Any]]]:
    """At most one place per applicant, at most ``c_p`` applicants per placement.

    Returns each placement's (applicant, column) pairs, which the stability rows reuse.
    """
    by_applicant: dict[Hashable, list[tuple[Hashable, Any]]] = {a: [] for a in applicants}
    by_placement: dict[Hashable, list[tuple[Hashable, Any]]] = {p: [] for p in placements}
    for a, p in pairs:
        by_applicant[a].append((p, x[a, p]))
        by_placement[p].append((a, x[a, p]))
    for a in applicants:
        if by_applicant[a]:
            highs.addConstr(sum((v for _, v in by_applicant[a]), start=0) <= 1)
    for p in placements:
        if by_placement[p]:
            highs.addConstr(sum((v for _, v in by_placement[p]), start=0) <= capacities[p])
    return by_placement


def _add_stability_rows(
    highs: highspy.Highs,
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacities: Mapping[Hashable, int],
    rank_p: Mapping[Hashable, Mapping[Hashable, int]],
    pairs: Sequence[tuple[Hashable, Hashable]],
    x: _Columns,
    y: _Columns,
    by_placement: Mapping[Hashable, Sequence[tuple[Hashable, Any]]],
) -> None:
    """The capacitated stability constraint of every acceptable pair (module docstring)."""
    for a, p in pairs:
        c = capacities[p]
        mine = list(applicant_prefs[a])
        at_least_as_good = [x[a, q] for q in mine[: mine.index(p) + 1] if (a, q) in x]
        better_held = [v for b, v in by_placement[p] if rank_p[p][b] < rank_p[p][a]]
        lhs = c - c * sum(at_least_as_good, start=0)
        highs.addConstr(lhs - sum(better_held, start=0) - c * y[a, p] <= 0)


def _add_side_constraint_rows(
    highs: highspy.Highs,
    institution: Mapping[Hashable, str],
    gender: Mapping[Hashable, str],
    constraints: SideConstraints,
    pairs: Sequence[tuple[Hashable, Hashable]],
    x: _Columns,
) -> None:
    if constraints.max_per_institution is not None:
        schools: dict[str, list[Any]] = {}
        for a, p in pairs:
            key = (institution.get(a) or "").strip().casefold()
            if key:
                schools.setdefault(key, []).append(x[a, p])
        for members in schools.values():
            highs.addConstr(sum(members, start=0) <= constraints.max_per_institution)
    if constraints.max_gender_share is not None and pairs:
        share = constraints.max_gender_share
        total = sum(x.values(), start=0)
        for group in ("female", "male"):
            members = [x[a, p] for a, p in pairs if gender.get(a) == group]
            if members:
                highs.addConstr(sum(members, start=0) - share * total <= 0)


def _set_start(
    highs: highspy.Highs,
    start: Mapping[Hashable, Hashable | None],
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]],
    placement_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacities: Mapping[Hashable, int],
    x: _Columns,
    y: _Columns,
) -> None:
    """Give HiGHS ``start`` as its initial solution, with its blocking pairs marked in ``y``."""
    from sistercity.exchange.allocation import blocking_pairs

    blocked = set(blocking_pairs(start, applicant_prefs, placement_prefs, capacities))
    values = [0.0] * highs.getNumCol()
    for pair, var in x.items():
        values[var.index] = 1.0 if start.get(pair[0]) == pair[1] else 0.0
    for pair, var in y.items():
        values[var.index] = 1.0 if pair in blocked else 0.0
    solution = highspy.HighsSolution()
    solution.col_value = values
    solution.value_valid = True
    highs.setSolution(solution)


def _read_solution(
    highs: highspy.Highs, applicants: Sequence[Hashable], x: _Columns
) -> ConstrainedResult:
    status = highs.getModelStatus()
    matching: dict[Hashable, Hashable | None] = dict.fromkeys(applicants)
    feasible = highs.getInfo().primal_solution_status == 2
    if status == highspy.HighsModelStatus.kOptimal:
        words = "optimal"
    elif status == highspy.HighsModelStatus.kTimeLimit and feasible:
        words = "time_limit"
    else:
        return ConstrainedResult(matching, highs.modelStatusToString(status))
    for (a, p), var in x.items():
        if highs.val(var) > 0.5:
            matching[a] = p
    return ConstrainedResult(matching, words)


def _feasible_start(
    applicant_prefs: Mapping[Hashable, Sequence[Hashable]],
    placement_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacities: Mapping[Hashable, int],
    rank_p: Mapping[Hashable, Mapping[Hashable, int]],
    institution: Mapping[Hashable, str],
    gender: Mapping[Hashable, str],
    constraints: SideConstraints,
    pairs: Set[tuple[Hashable, Hashable]],
) -> dict[Hashable, Hashable | None] | None:
    from sistercity.exchange.allocation import allocate

    try:
        matching = dict(allocate(applicant_prefs, placement_prefs, capacities))
    except ValueError:
        return None

    def weakest(members: Sequence[Hashable]) -> Hashable:
        # The placed applicant its placement ranks lowest goes first.
        return max(members, key=lambda a: rank_p[matching[a]][a])

    if constraints.max_per_institution is not None:
        schools: dict[str, list[Hashable]] = {}
        for a, p in matching.items():
            key = (institution.get(a) or "").strip().casefold()
            if p is not None and key:
                schools.setdefault(key, []).append(a)
        for members in schools.values():
            while len(members) > constraints.max_per_institution:
                out = weakest(members)
                members.remove(out)
                matching[out] = None
    if constraints.max_gender_share is not None:
        while True:
            placed = [a for a, p in matching.items() if p is not None]
            over = [
                g
                for g in ("female", "male")
                if sum(1 for a in placed if gender.get(a) == g)
                > constraints.max_gender_share * len(placed)
            ]
            if not over or not placed:
                break
            matching[weakest([a for a in placed if gender.get(a) == over[0]])] = None
    if any(p is not None and (a, p) not in pairs for a, p in matching.items()):
        return None
    return matching
