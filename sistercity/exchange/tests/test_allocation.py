"""Tests for the pure allocation engine (no Django, no database).

The oracles here are written independently of the module: stability is checked by a
direct, quadratic reading of the definition (``naive_blocking``) and applicant
optimality by enumerating every matching of small instances.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Any

import pytest
from hypothesis import event, given, settings, target
from hypothesis import strategies as st

from sistercity.exchange.allocation import (
    AllocationInputError,
    allocate,
    blocking_pairs,
    break_all_ties,
    break_ties,
    lottery_order,
    lottery_ticket,
)

# deadline=None: the first example pays import/JIT-ish warm-up costs that would trip
# hypothesis' per-example deadline. database=None: keep .hypothesis/ out of the tree.
PROPERTY = settings(deadline=None, max_examples=80, database=None)
BRUTE = settings(deadline=None, max_examples=200, database=None)

Instance = tuple[
    dict[Hashable, list[Hashable]], dict[Hashable, list[Hashable]], dict[Hashable, int]
]


# --------------------------------------------------------------------------------------
# Independent oracles
# --------------------------------------------------------------------------------------


def naive_blocking(
    matching: Mapping[Any, Hashable | None],
    applicant_prefs: Mapping[Any, Sequence[Any]],
    placement_prefs: Mapping[Any, Sequence[Any]],
    capacities: Mapping[Any, int],
) -> set[tuple[Hashable, Hashable]]:
    """Every blocking pair, straight from the definition, over all applicant×placement."""
    found = set()
    for a, listed in applicant_prefs.items():
        for p, ranked in placement_prefs.items():
            if p not in listed or a not in ranked:
                continue
            current = matching[a]
            a_wants = current is None or listed.index(p) < listed.index(current)
            held = [b for b in applicant_prefs if matching[b] == p]
            p_wants = len(held) < capacities[p] or any(
                ranked.index(a) < ranked.index(b) for b in held
            )
            if a_wants and p_wants:
                found.add((a, p))
    return found


def feasible_matchings(
    applicant_prefs: Mapping[Any, Sequence[Any]],
    placement_prefs: Mapping[Any, Sequence[Any]],
    capacities: Mapping[Any, int],
) -> Iterator[dict[Hashable, Hashable | None]]:
    """Every individually rational matching within capacities (brute force)."""
    applicants = list(applicant_prefs)
    options = [
        [None, *(p for p in applicant_prefs[a] if a in placement_prefs[p])] for a in applicants
    ]
    for combo in itertools.product(*options):
        load = Counter(p for p in combo if p is not None)
        if all(load[p] <= capacities[p] for p in load):
            yield dict(zip(applicants, combo, strict=True))


def stable_matchings(
    applicant_prefs: Mapping[Any, Sequence[Any]],
    placement_prefs: Mapping[Any, Sequence[Any]],
    capacities: Mapping[Any, int],
) -> list[dict[Hashable, Hashable | None]]:
    return [
        m
        for m in feasible_matchings(applicant_prefs, placement_prefs, capacities)
        if not naive_blocking(m, applicant_prefs, placement_prefs, capacities)
    ]


def outcome_rank(prefs: Sequence[Hashable], placement: Hashable | None) -> int:
    """Position of ``placement`` in ``prefs``; being unplaced ranks below everything."""
    return len(prefs) if placement is None else list(prefs).index(placement)


# --------------------------------------------------------------------------------------
# Instance generators
# --------------------------------------------------------------------------------------


@st.composite
def instances(
    draw: st.DrawFn, max_applicants: int = 10, max_placements: int = 5, max_capacity: int = 3
) -> Instance:
    """Random instances, including non-reciprocal lists, empty lists and 0 seats."""
    n = draw(st.integers(0, max_applicants))
    m = draw(st.integers(0, max_placements))
    # Mixed identifier types on purpose: the engine must accept any hashable.
    applicants: list[Hashable] = [f"a{i}" for i in range(n)]
    placements: list[Hashable] = [("p", j) for j in range(m)]

    def ranked_subset(pool: list[Hashable]) -> list[Hashable]:
        order = draw(st.permutations(pool))
        return list(order[: draw(st.integers(0, len(order)))])

    applicant_prefs = {a: ranked_subset(placements) for a in applicants}
    reciprocal = draw(st.booleans())
    placement_prefs: dict[Hashable, list[Hashable]] = {}
    for p in placements:
        if reciprocal:
            # The common real-world shape: a placement ranks exactly who applied to it.
            pool = [a for a in applicants if p in applicant_prefs[a]]
            placement_prefs[p] = list(draw(st.permutations(pool)))
        else:
            placement_prefs[p] = ranked_subset(applicants)
    capacities = {p: draw(st.integers(0, max_capacity)) for p in placements}
    return applicant_prefs, placement_prefs, capacities


@st.composite
def small_instances(draw: st.DrawFn) -> Instance:
    """Brute-force-sized instances (≤4 applicants, ≤3 placements, ≤2 seats).

    Purely random small instances almost always have a *single* stable matching, which
    would let a wrong-but-stable answer (e.g. the placement-optimal one) pass the
    optimality test. So two of the three shapes use complete lists, and "opposed" makes
    each placement prefer the applicants who like it least — the conflict that creates
    several stable matchings (as in Gale & Shapley's Example 1 below).
    """
    shape = draw(st.sampled_from(["random", "complete", "opposed"]))
    if shape == "random":
        return draw(instances(max_applicants=4, max_placements=3, max_capacity=2))
    applicants: list[Hashable] = [f"a{i}" for i in range(draw(st.integers(2, 4)))]
    placements: list[Hashable] = [f"p{j}" for j in range(draw(st.integers(1, 3)))]
    applicant_prefs = {a: list(draw(st.permutations(placements))) for a in applicants}
    placement_prefs: dict[Hashable, list[Hashable]] = {}
    for p in placements:
        order = list(draw(st.permutations(applicants)))
        if shape == "opposed":
            # Worst-for-them first; the sort is stable, so ties keep the drawn order.
            order.sort(key=lambda a: -applicant_prefs[a].index(p))  # noqa: B023
        placement_prefs[p] = order
    capacities = {p: draw(st.integers(1, 2)) for p in placements}
    return applicant_prefs, placement_prefs, capacities


@st.composite
def instance_and_matching(draw: st.DrawFn) -> tuple[Instance, dict[Hashable, Hashable | None]]:
    """An instance plus an arbitrary feasible (usually unstable) matching of it."""
    inst = draw(instances(max_applicants=6, max_placements=4))
    applicant_prefs, placement_prefs, capacities = inst
    load: Counter[Hashable] = Counter()
    matching: dict[Hashable, Hashable | None] = {}
    for a, listed in applicant_prefs.items():
        options = [p for p in listed if a in placement_prefs[p] and load[p] < capacities[p]]
        choice = draw(st.sampled_from([None, *options]))
        matching[a] = choice
        if choice is not None:
            load[choice] += 1
    return inst, matching


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------


@PROPERTY
@given(instances())
def test_result_is_stable(inst: Instance) -> None:
    result = allocate(*inst)
    assert list(result) == list(inst[0]), "every applicant is a key, in input order"
    assert naive_blocking(result, *inst) == set()
    assert blocking_pairs(result, *inst) == []


@PROPERTY
@given(instances())
def test_capacities_respected_and_pairs_mutually_acceptable(inst: Instance) -> None:
    applicant_prefs, placement_prefs, capacities = inst
    result = allocate(*inst)
    load = Counter(p for p in result.values() if p is not None)
    for p, seats in load.items():
        assert seats <= capacities[p]
    for a, p in result.items():
        if p is not None:
            assert p in applicant_prefs[a] and a in placement_prefs[p]


@BRUTE
@given(small_instances())
def test_applicant_optimal_against_brute_force(inst: Instance) -> None:
    applicant_prefs = inst[0]
    result = allocate(*inst)
    stable = stable_matchings(*inst)
    # Steer hypothesis towards instances with many stable matchings, where the
    # applicant-optimal one is actually distinguished from the others.
    target(float(len(stable)), label="stable matchings")
    event(f"{min(len(stable), 3)}{'+' if len(stable) >= 3 else ''} stable matchings")
    # A stable matching always exists (Gale & Shapley 1962), and ours is one of them.
    assert result in stable
    for other in stable:
        for a, listed in applicant_prefs.items():
            assert outcome_rank(listed, result[a]) <= outcome_rank(listed, other[a])


@BRUTE
@given(small_instances())
def test_rural_hospitals_theorem(inst: Instance) -> None:
    # Roth (1986), Econometrica 54(2): every stable matching places the same applicants
    # and fills each placement to the same level. A cheap cross-check of both the
    # engine and the brute-force oracle the optimality test relies on.
    result = allocate(*inst)
    placed = {a for a, p in result.items() if p is not None}
    load = Counter(p for p in result.values() if p is not None)
    for other in stable_matchings(*inst):
        assert {a for a, p in other.items() if p is not None} == placed
        assert Counter(p for p in other.values() if p is not None) == load


@PROPERTY
@given(instance_and_matching())
def test_blocking_pairs_agrees_with_definition(
    case: tuple[Instance, dict[Hashable, Hashable | None]],
) -> None:
    inst, matching = case
    found = blocking_pairs(matching, *inst)
    assert len(found) == len(set(found))
    assert set(found) == naive_blocking(matching, *inst)


@PROPERTY
@given(instances(), st.randoms(use_true_random=False))
def test_outcome_independent_of_input_order(inst: Instance, rnd: Any) -> None:
    applicant_prefs, placement_prefs, capacities = inst

    def shuffled(d: dict[Hashable, Any]) -> dict[Hashable, Any]:
        keys = list(d)
        rnd.shuffle(keys)
        return {k: d[k] for k in keys}

    expected = allocate(*inst)
    got = allocate(shuffled(applicant_prefs), shuffled(placement_prefs), shuffled(capacities))
    assert got == expected


@PROPERTY
@given(instances())
def test_inputs_are_not_mutated(inst: Instance) -> None:
    before = repr(inst)
    result = allocate(*inst)
    blocking_pairs(result, *inst)
    assert repr(inst) == before


@PROPERTY
@given(instances(max_applicants=8, max_placements=4), st.integers(0, 2**32))
def test_single_tie_breaking_is_stable_for_the_tiers(inst: Instance, seed: int) -> None:
    # Coarsen each placement's ranking into tiers, break the ties with the lottery and
    # allocate: no applicant may then be outranked at a placement they prefer by someone
    # in a strictly *worse* tier (weak stability for the original ranking with ties).
    applicant_prefs, placement_prefs, capacities = inst
    tiers = {
        p: [ranked[k : k + 2] for k in range(0, len(ranked), 2)]
        for p, ranked in placement_prefs.items()
    }
    tier_of = {p: {a: t for t, group in enumerate(g) for a in group} for p, g in tiers.items()}
    strict = break_all_ties(tiers, seed)
    result = allocate(applicant_prefs, strict, capacities)
    for a, p in naive_blocking(result, applicant_prefs, placement_prefs, capacities):
        held = [b for b, q in result.items() if q == p]
        if len(held) < capacities[p]:
            pytest.fail(f"{a} is refused a free seat at {p}")
        assert all(tier_of[p][a] >= tier_of[p][b] for b in held), (a, p)


# --------------------------------------------------------------------------------------
# Hand-checked examples
# --------------------------------------------------------------------------------------

# Gale & Shapley (1962), "College Admissions and the Stability of Marriage", American
# Mathematical Monthly 69(1), 9–15, Example 1: three men α, β, γ and three women A, B,
# C with the ranking matrix (man's rank of woman, woman's rank of man)
#         A       B       C
#   α   (1, 3)  (2, 2)  (3, 1)
#   β   (3, 1)  (1, 3)  (2, 2)
#   γ   (2, 2)  (3, 1)  (1, 3)
# Three of the six matchings are stable: everyone's first choice for the men, for the
# women, or everyone's second choice. Whichever side proposes gets its first choices.
MEN = {"α": ["A", "B", "C"], "β": ["B", "C", "A"], "γ": ["C", "A", "B"]}
WOMEN = {"A": ["β", "γ", "α"], "B": ["γ", "α", "β"], "C": ["α", "β", "γ"]}


def test_gale_shapley_1962_example_1_men_propose() -> None:
    seats = dict.fromkeys(WOMEN, 1)
    assert allocate(MEN, WOMEN, seats) == {"α": "A", "β": "B", "γ": "C"}


def test_gale_shapley_1962_example_1_women_propose() -> None:
    seats = dict.fromkeys(MEN, 1)
    assert allocate(WOMEN, MEN, seats) == {"A": "β", "B": "γ", "C": "α"}


def test_gale_shapley_1962_example_1_has_exactly_three_stable_matchings() -> None:
    seats = dict.fromkeys(WOMEN, 1)
    stable = stable_matchings(MEN, WOMEN, seats)
    complete = [m for m in stable if None not in m.values()]
    assert sorted(tuple(m.values()) for m in complete) == [
        ("A", "B", "C"),
        ("B", "C", "A"),
        ("C", "A", "B"),
    ]
    assert len(stable) == 3


def test_gale_shapley_example_with_two_seats_each() -> None:
    # Example 1 with every person duplicated on the applicant side and every placement
    # given two seats: twins rank alike and are ranked adjacently. Several stable
    # matchings exist and the applicant-proposing one must give every twin their
    # first choice.
    men = {f"{m}{k}": prefs for m, prefs in MEN.items() for k in (1, 2)}
    women = {w: [f"{m}{k}" for m in prefs for k in (1, 2)] for w, prefs in WOMEN.items()}
    seats = dict.fromkeys(WOMEN, 2)
    result = allocate(men, women, seats)
    assert result == {m: prefs[0] for m, prefs in men.items()}
    stable = stable_matchings(men, women, seats)
    assert result in stable
    assert len(stable) > 1


# A small hospital–residents instance with a capacity-2 placement, traced by hand.
#   applicants          placements (seats)
#   a: X, Y             X (2): d, c, a, b      (e is not acceptable to X)
#   b: X, Z             Y (1): a, e, c, d
#   c: Y, X             Z (1): e, b, d
#   d: X, Y, Z
#   e: Y, Z
# Trace: a→X, b→X (X holds a, b); c→Y; d→X displaces b (X holds d, a); e→Y displaces
# c; b→Z; c→X displaces a (X holds d, c); a→Y displaces e; e→Z displaces b; b has
# nobody left. Result: a→Y, b unplaced, c→X, d→X, e→Z.
HR_APPLICANTS = {
    "a": ["X", "Y"],
    "b": ["X", "Z"],
    "c": ["Y", "X"],
    "d": ["X", "Y", "Z"],
    "e": ["Y", "Z"],
}
HR_PLACEMENTS = {"X": ["d", "c", "a", "b"], "Y": ["a", "e", "c", "d"], "Z": ["e", "b", "d"]}
HR_SEATS = {"X": 2, "Y": 1, "Z": 1}


def test_hand_traced_hospital_residents_example() -> None:
    result = allocate(HR_APPLICANTS, HR_PLACEMENTS, HR_SEATS)
    assert result == {"a": "Y", "b": None, "c": "X", "d": "X", "e": "Z"}
    assert blocking_pairs(result, HR_APPLICANTS, HR_PLACEMENTS, HR_SEATS) == []


def test_blocking_pairs_reports_the_hand_found_pair() -> None:
    # Give Z to b instead of e: e (unplaced) and Z (which ranks e first) block.
    unstable = {"a": "Y", "b": "Z", "c": "X", "d": "X", "e": None}
    assert blocking_pairs(unstable, HR_APPLICANTS, HR_PLACEMENTS, HR_SEATS) == [("e", "Z")]


def test_applicant_with_no_acceptable_choice_and_zero_seats() -> None:
    result = allocate({"a": [], "b": ["X"], "c": ["Y"]}, {"X": ["a"], "Y": ["c"]}, {"X": 5, "Y": 0})
    assert result == {"a": None, "b": None, "c": None}


def test_empty_instance() -> None:
    assert allocate({}, {}, {}) == {}
    assert blocking_pairs({}, {}, {}, {}) == []


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------

OK_APPLICANTS = {"a": ["x", "y"], "b": ["y"]}
OK_PLACEMENTS = {"x": ["a"], "y": ["b", "a"]}
OK_SEATS = {"x": 1, "y": 1}


@pytest.mark.parametrize(
    ("applicant_prefs", "placement_prefs", "capacities", "code", "params"),
    [
        pytest.param(
            {"a": ["x", "nowhere"], "b": []}, OK_PLACEMENTS, OK_SEATS, "unknown_placement",
            {"applicant": "a", "placement": "nowhere"}, id="applicant-lists-unknown-placement",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {**OK_SEATS, "z": 1}, "unknown_placement",
            {"placement": "z"}, id="capacity-for-unknown-placement",
        ),
        pytest.param(
            {"a": ["x", "y", "x"], "b": []}, OK_PLACEMENTS, OK_SEATS, "duplicate_preference",
            {"applicant": "a", "placement": "x"}, id="applicant-repeats-placement",
        ),
        pytest.param(
            OK_APPLICANTS, {"x": ["a"], "y": ["b", "a", "b"]}, OK_SEATS, "duplicate_preference",
            {"placement": "y", "applicant": "b"}, id="placement-repeats-applicant",
        ),
        pytest.param(
            OK_APPLICANTS, {"x": ["a", "ghost"], "y": []}, OK_SEATS, "unknown_applicant",
            {"placement": "x", "applicant": "ghost"}, id="placement-lists-unknown-applicant",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": 1, "y": -1}, "negative_capacity",
            {"placement": "y", "value": -1}, id="negative-capacity",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": 1.5, "y": 1}, "non_integer_capacity",
            {"placement": "x", "value": 1.5}, id="float-capacity",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": 2.0, "y": 1}, "non_integer_capacity",
            {"placement": "x", "value": 2.0}, id="integral-float-capacity",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": "2", "y": 1}, "non_integer_capacity",
            {"placement": "x", "value": "2"}, id="string-capacity",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": True, "y": 1}, "non_integer_capacity",
            {"placement": "x", "value": True}, id="bool-capacity",
        ),
        pytest.param(
            OK_APPLICANTS, OK_PLACEMENTS, {"x": 1}, "missing_capacity",
            {"placement": "y"}, id="missing-capacity",
        ),
        pytest.param(
            [("a", ["x"])], OK_PLACEMENTS, OK_SEATS, "invalid_input",
            {"argument": "applicant_prefs"}, id="prefs-not-a-mapping",
        ),
        pytest.param(
            {"a": "xy", "b": []}, OK_PLACEMENTS, OK_SEATS, "invalid_preference_list",
            {"owner": "a"}, id="preference-list-is-a-string",
        ),
        pytest.param(
            {"a": [["x"]], "b": []}, OK_PLACEMENTS, OK_SEATS, "invalid_identifier",
            {"applicant": "a"}, id="unhashable-placement-id",
        ),
    ],
)  # fmt: skip
def test_bad_input_is_rejected_with_a_code(
    applicant_prefs: Any,
    placement_prefs: Any,
    capacities: Any,
    code: str,
    params: dict[str, Any],
) -> None:
    with pytest.raises(AllocationInputError) as caught:
        allocate(applicant_prefs, placement_prefs, capacities)
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.code == code
    assert params.items() <= err.params.items()
    # The template + params contract a translating layer relies on.
    assert err.message % err.params == str(err)
    for value in params.values():
        assert repr(value) in str(err) or str(value) in str(err)
    # blocking_pairs validates the same way before looking at the matching.
    with pytest.raises(AllocationInputError) as again:
        blocking_pairs({}, applicant_prefs, placement_prefs, capacities)
    assert again.value.code == code


def test_the_valid_fixture_is_valid() -> None:
    # Guards the parametrised cases above: each differs from a valid instance by one flaw.
    assert allocate(OK_APPLICANTS, OK_PLACEMENTS, OK_SEATS) == {"a": "x", "b": "y"}


@pytest.mark.parametrize(
    ("matching", "code"),
    [
        ({"a": "x"}, "missing_applicant"),
        ({"a": "x", "b": "y", "c": None}, "unknown_applicant"),
        ({"a": "x", "b": "nowhere"}, "unknown_placement"),
        ({"a": None, "b": "x"}, "unacceptable_match"),  # x does not list b
        ({"a": "y", "b": "y"}, "over_capacity"),
    ],
)
def test_blocking_pairs_rejects_invalid_matchings(
    matching: dict[str, str | None], code: str
) -> None:
    with pytest.raises(AllocationInputError) as caught:
        blocking_pairs(matching, OK_APPLICANTS, OK_PLACEMENTS, OK_SEATS)
    assert caught.value.code == code


def test_unacceptable_match_checks_the_applicant_side_too() -> None:
    # y lists a, but a does not list y: still not mutually acceptable.
    with pytest.raises(AllocationInputError) as caught:
        blocking_pairs({"a": "y"}, {"a": ["x"]}, {"x": [], "y": ["a"]}, {"x": 1, "y": 1})
    assert caught.value.code == "unacceptable_match"


# --------------------------------------------------------------------------------------
# Lottery
# --------------------------------------------------------------------------------------


def published_order(applicants: list[Any], seed: Any) -> list[Any]:
    """The documented algorithm, re-derived here from its description alone."""
    return sorted(applicants, key=lambda a: hashlib.sha256(f"{seed}:{a}".encode()).hexdigest())


def test_lottery_ticket_is_the_published_sha256() -> None:
    assert lottery_ticket(42, 2024) == hashlib.sha256(b"2024:42").hexdigest()
    assert lottery_ticket("ana", "call-7") == hashlib.sha256(b"call-7:ana").hexdigest()


def test_lottery_order_is_pinned() -> None:
    # A published lottery must never change silently between releases.
    assert lottery_order(["ana", "bo", "cy", "dee", "eli"], 2024) == published_order(
        ["ana", "bo", "cy", "dee", "eli"], 2024
    )
    assert lottery_order(range(6), 1) == [4, 5, 2, 3, 0, 1]  # checked with sha256sum


@PROPERTY
@given(st.sets(st.integers(0, 10_000), max_size=30), st.integers() | st.text(max_size=8))
def test_lottery_reproducible_and_matches_published_algorithm(
    applicants: set[int], seed: int | str
) -> None:
    ids = sorted(applicants)
    order = lottery_order(ids, seed)
    assert order == lottery_order(list(reversed(ids)), seed), "input order must not matter"
    assert order == published_order(ids, seed)
    assert sorted(order) == ids


@PROPERTY
@given(st.sets(st.integers(0, 10_000), min_size=2, max_size=30), st.integers())
def test_lottery_relative_order_does_not_depend_on_who_else_draws(
    applicants: set[int], seed: int
) -> None:
    ids = sorted(applicants)
    subset = ids[::2]
    full = lottery_order(ids, seed)
    assert lottery_order(subset, seed) == [a for a in full if a in set(subset)]


def test_different_seeds_give_different_orders() -> None:
    ids = [f"applicant-{i}" for i in range(20)]
    orders = {tuple(lottery_order(ids, seed)) for seed in range(10)}
    assert len(orders) == 10


def test_lottery_rejects_duplicates_and_ambiguous_ids() -> None:
    with pytest.raises(AllocationInputError) as caught:
        lottery_order(["ana", "bo", "ana"], 1)
    assert caught.value.code == "duplicate_applicant"
    with pytest.raises(AllocationInputError) as caught:
        lottery_order([7, "7"], 1)
    assert caught.value.code == "ambiguous_applicant_id"


def test_break_ties_keeps_tiers_and_orders_within_by_lottery() -> None:
    tiers = [["cy", "ana", "bo"], ["eli"], ["dee", "fay"]]
    strict = break_ties(tiers, 99)
    assert strict[:3] == lottery_order(["ana", "bo", "cy"], 99)
    assert strict[3] == "eli"
    assert strict[4:] == lottery_order(["dee", "fay"], 99)


@PROPERTY
@given(st.lists(st.integers(0, 40), min_size=2, max_size=20, unique=True), st.integers())
def test_single_tie_breaking_uses_one_number_per_applicant(ids: list[int], seed: int) -> None:
    # The same two applicants tied at two placements must come out in the same order at
    # both, whatever else each placement ranks.
    a, b = ids[0], ids[1]
    strict = break_all_ties({"p": [ids], "q": [[b, a]], "r": [[a], [b]]}, seed)
    p_order = [x for x in strict["p"] if x in (a, b)]
    assert p_order == strict["q"]
    assert strict["r"] == [a, b], "distinct tiers are never reordered"


def test_break_ties_rejects_bad_tiers() -> None:
    with pytest.raises(AllocationInputError) as caught:
        break_ties([["ana"], ["bo", "ana"]], 1)
    assert caught.value.code == "duplicate_preference"
    with pytest.raises(AllocationInputError) as caught:
        break_ties(["ana", "bo"], 1)
    assert caught.value.code == "invalid_preference_list"
    with pytest.raises(AllocationInputError) as caught:
        break_all_ties({"p": [["ana"]], "q": [[7, "7"]]}, 1)  # type: ignore[arg-type]
    assert caught.value.code == "ambiguous_applicant_id"
