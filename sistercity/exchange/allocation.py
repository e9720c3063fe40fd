"""Allocation engine for exchange calls: applicant-proposing deferred acceptance.

This is the hospital–residents problem (Gale & Shapley 1962, "College Admissions and
the Stability of Marriage"; Roth 1984): applicants rank placements, each placement
ranks the applicants it finds acceptable and has a number of seats. :func:`allocate`
runs the applicant-proposing deferred acceptance algorithm and returns the
*applicant-optimal* stable matching: no applicant is better off in any other stable
matching (Gale & Shapley 1962, Theorem 2).

The module is deliberately pure — standard library only, no Django, no I/O — so that
a stored run can be re-derived and re-verified anywhere from its inputs and seed.

Public API
----------
``allocate(applicant_prefs, placement_prefs, capacities) -> dict[applicant, placement | None]``
    The matching. Every applicant appears as a key; ``None`` means unplaced.
``blocking_pairs(matching, applicant_prefs, placement_prefs, capacities) -> list[(a, p)]``
    The stability verification stored with every run; ``[]`` means stable.
``lottery_ticket(applicant, seed)``, ``lottery_order(applicants, seed)``
    The published, seeded tie-breaking lottery.
``break_ties(tiers, seed)``, ``break_all_ties(placement_tiers, seed)``
    Turn rankings with ties (lists of tiers) into strict rankings via the lottery.
``AllocationInputError``
    The single error type raised for bad input; it carries a machine ``code``.

Input conventions
-----------------
Applicants and placements are any hashable identifiers (ints, strings, UUIDs...).

* ``applicant_prefs``: mapping applicant -> sequence of placements, best first. Its
  keys *are* the set of applicants. An empty list is allowed (the applicant stays
  unplaced).
* ``placement_prefs``: mapping placement -> sequence of acceptable applicants, best
  first. Its keys *are* the set of placements; a placement nobody listed may have an
  empty list.
* ``capacities``: mapping placement -> number of seats (a non-negative integer); it
  must have exactly the same keys as ``placement_prefs``.

A pair is *acceptable* only if each side lists the other. An applicant listing a
placement that does not list them (or vice versa) is not an error — it simply can
never be matched there, which is what "acceptable applicants" means.

Error codes (``AllocationInputError.code``)
-------------------------------------------
``invalid_input``           an argument is not a mapping
``invalid_preference_list`` a preference list is not a list/tuple-like sequence
``invalid_identifier``      an identifier is not hashable
``unknown_placement``       a preference list or ``capacities`` names a placement that
                            is not a key of ``placement_prefs``
``unknown_applicant``       a placement's list names an applicant that is not a key of
                            ``applicant_prefs``
``duplicate_preference``    a preference list (or a tie-broken ranking) repeats an entry
``missing_capacity``        a placement has no entry in ``capacities``
``non_integer_capacity``    a capacity is not an integer (``bool`` and ``2.0`` included)
``negative_capacity``       a capacity is below zero
``missing_applicant``       (``blocking_pairs``) the matching omits an applicant
``unacceptable_match``      (``blocking_pairs``) the matching pairs two parties that do
                            not both list each other
``over_capacity``           (``blocking_pairs``) a placement holds more than its seats
``duplicate_applicant``     (lottery) an applicant is entered twice
``ambiguous_applicant_id``  (lottery) two distinct applicants share the same ``str()``
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any, Generic, TypeVar

__all__ = [
    "AllocationInputError",
    "allocate",
    "blocking_pairs",
    "break_all_ties",
    "break_ties",
    "lottery_order",
    "lottery_ticket",
]

A = TypeVar("A", bound=Hashable)  # applicant identifier
P = TypeVar("P", bound=Hashable)  # placement identifier


class AllocationInputError(ValueError):
    """Bad input to the allocation engine.

    ``code`` is a stable machine-readable string (see the module docstring),
    ``message`` is a plain-English template using ``%(name)r`` placeholders and
    ``params`` fills them. This mirrors Django's ``ValidationError(message, code,
    params)`` so a Django layer can translate by ``code`` without this module
    importing Django. ``str(error)`` is the filled-in English message.
    """

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)


# --------------------------------------------------------------------------------------
# Validation and indexing
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Instance(Generic[A, P]):
    """A validated instance, re-indexed with small integers for speed.

    Placements become ``0..m-1`` and applicants ``0..n-1`` (in input order), so the hot
    loop works on lists and ints instead of hashing arbitrary identifiers.
    """

    applicants: list[A]
    placements: list[P]
    capacity: list[int]
    # rank[j][i] = position of applicant i in placement j's list (0 = best); absent if
    # placement j does not list applicant i.
    rank: list[dict[int, int]]
    # owner[j][r] = index of the applicant placement j ranks at position r.
    owner: list[list[int]]
    # prefs[i] = applicant i's list as placement indices, best first. Unacceptable
    # entries are kept and skipped lazily: most applicants stop long before the end of
    # their list, so filtering up front would cost more than it saves.
    prefs: list[list[int]]


def _as_mapping(value: object, name: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise AllocationInputError(
            "invalid_input",
            "%(argument)s must be a mapping, got %(type)s.",
            argument=name,
            type=type(value).__name__,
        )
    return value


def _as_list(value: object, owner_kind: str, owner: object) -> Sequence[Any]:
    if type(value) is list or type(value) is tuple:
        return value  # the common case, without the (slow) ABC isinstance checks
    # A bare string is a Sequence too; accepting it would silently treat "abc" as the
    # three placements "a", "b", "c", so it is rejected explicitly.
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise AllocationInputError(
            "invalid_preference_list",
            "The preference list of %(kind)s %(owner)r must be a list, got %(type)s.",
            kind=owner_kind,
            owner=owner,
            type=type(value).__name__,
        )
    return value


def _first_duplicate(items: Sequence[Any]) -> Any:
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    raise AssertionError("no duplicate")  # pragma: no cover - only called when one exists


def _check_capacity(placement: object, value: object) -> int:
    if type(value) is int:
        seats = value
    # bool is an Integral subclass but "True seats" is almost certainly a bug upstream;
    # floats (even 2.0) are rejected so a form layer cannot silently truncate 2.5.
    elif isinstance(value, bool) or not isinstance(value, Integral):
        raise AllocationInputError(
            "non_integer_capacity",
            "The capacity of placement %(placement)r must be an integer, got %(value)r.",
            placement=placement,
            value=value,
        )
    else:
        seats = int(value)
    if seats < 0:
        raise AllocationInputError(
            "negative_capacity",
            "The capacity of placement %(placement)r must not be negative, got %(value)r.",
            placement=placement,
            value=seats,
        )
    return seats


def _prepare(
    applicant_prefs: Mapping[A, Sequence[P]],
    placement_prefs: Mapping[P, Sequence[A]],
    capacities: Mapping[P, int],
) -> _Instance[A, P]:
    """Validate the three inputs and build the integer-indexed instance."""
    applicant_prefs = _as_mapping(applicant_prefs, "applicant_prefs")
    placement_prefs = _as_mapping(placement_prefs, "placement_prefs")
    capacities = _as_mapping(capacities, "capacities")

    applicants: list[A] = list(applicant_prefs)
    applicant_index: dict[A, int] = {a: i for i, a in enumerate(applicants)}
    placements: list[P] = list(placement_prefs)
    placement_index: dict[P, int] = {p: j for j, p in enumerate(placements)}

    for p in capacities:
        if p not in placement_index:
            raise AllocationInputError(
                "unknown_placement",
                "A capacity is given for unknown placement %(placement)r.",
                placement=p,
            )
    capacity, rank, owner = _index_placements(
        placements, placement_prefs, capacities, applicant_index
    )
    prefs = _index_applicants(applicants, applicant_prefs, placements, placement_index)
    return _Instance(applicants, placements, capacity, rank, owner, prefs)


def _index_placements(
    placements: list[P],
    placement_prefs: Mapping[P, Sequence[A]],
    capacities: Mapping[P, int],
    applicant_index: Mapping[A, int],
) -> tuple[list[int], list[dict[int, int]], list[list[int]]]:
    """Each placement's checked capacity, rank table and ranked applicant indices."""
    capacity: list[int] = []
    rank: list[dict[int, int]] = []
    owner: list[list[int]] = []
    for p in placements:
        if p not in capacities:
            raise AllocationInputError(
                "missing_capacity",
                "Placement %(placement)r has no capacity.",
                placement=p,
            )
        capacity.append(_check_capacity(p, capacities[p]))
        ranked = _as_list(placement_prefs[p], "placement", p)
        try:
            owners = list(map(applicant_index.__getitem__, ranked))
        except KeyError as exc:
            raise AllocationInputError(
                "unknown_applicant",
                "Placement %(placement)r ranks unknown applicant %(applicant)r.",
                placement=p,
                applicant=exc.args[0],
            ) from None
        except TypeError:
            raise AllocationInputError(
                "invalid_identifier",
                "Placement %(placement)r ranks an unhashable applicant identifier.",
                placement=p,
            ) from None
        ranks = dict(zip(owners, range(len(owners)), strict=True))
        if len(ranks) != len(owners):
            raise AllocationInputError(
                "duplicate_preference",
                "Placement %(placement)r ranks applicant %(applicant)r more than once.",
                placement=p,
                applicant=_first_duplicate(ranked),
            )
        rank.append(ranks)
        owner.append(owners)
    return capacity, rank, owner


def _index_applicants(
    applicants: list[A],
    applicant_prefs: Mapping[A, Sequence[P]],
    placements: list[P],
    placement_index: Mapping[P, int],
) -> list[list[int]]:
    """Each applicant's list as placement indices, best first (checked)."""
    prefs: list[list[int]] = []
    for a in applicants:
        listed = _as_list(applicant_prefs[a], "applicant", a)
        try:
            indices = list(map(placement_index.__getitem__, listed))
        except KeyError as exc:
            raise AllocationInputError(
                "unknown_placement",
                "Applicant %(applicant)r ranks unknown placement %(placement)r.",
                applicant=a,
                placement=exc.args[0],
            ) from None
        except TypeError:
            raise AllocationInputError(
                "invalid_identifier",
                "Applicant %(applicant)r ranks an unhashable placement identifier.",
                applicant=a,
            ) from None
        if len(set(indices)) != len(indices):
            raise AllocationInputError(
                "duplicate_preference",
                "Applicant %(applicant)r ranks placement %(placement)r more than once.",
                applicant=a,
                placement=placements[_first_duplicate(indices)],
            )
        prefs.append(indices)
    return prefs


# --------------------------------------------------------------------------------------
# Deferred acceptance
# --------------------------------------------------------------------------------------


def allocate(
    applicant_prefs: Mapping[A, Sequence[P]],
    placement_prefs: Mapping[P, Sequence[A]],
    capacities: Mapping[P, int],
) -> dict[A, P | None]:
    """Return the applicant-optimal stable matching (applicant-proposing deferred acceptance).

    Args:
        applicant_prefs: each applicant's ranked placements, best first.
        placement_prefs: each placement's ranked acceptable applicants, best first. Ties
            must already be broken (see :func:`break_all_ties`).
        capacities: seats per placement (non-negative integers).

    Returns:
        A dict with every applicant of ``applicant_prefs`` as a key (in input order),
        mapped to their placement or to ``None`` if unplaced.

    Raises:
        AllocationInputError: on malformed input; see the module docstring for codes.

    Algorithm: free applicants propose down their lists; each placement tentatively
    holds its best ``capacity`` proposers so far and rejects the rest. Nothing is final
    until nobody is free, hence "deferred" acceptance. The outcome does not depend on
    the order in which free applicants propose (every order yields the unique
    applicant-optimal stable matching), so a plain stack is used for the free queue.

    Complexity: O(L log c) for L = total length of all preference lists and c the
    largest capacity — each applicant proposes to each listed placement at most once,
    and each proposal costs one heap operation.
    """
    inst = _prepare(applicant_prefs, placement_prefs, capacities)
    capacity = inst.capacity
    prefs = inst.prefs
    # A placement with no seats rejects everyone; giving it an empty rank table makes
    # that the ordinary "does not list you" path and keeps a seat check out of the loop.
    rank = [ranks if seats else {} for ranks, seats in zip(inst.rank, capacity, strict=True)]
    # held[j] is a max-heap (ranks negated for heapq's min-heap) of the ranks that
    # placement j currently holds: the root is the worst held applicant, the only one
    # a newcomer ever has to beat. Storing the rank alone (not the applicant) is enough
    # because owner[j] maps it back, and plain ints make heap comparisons cheap.
    held: list[list[int]] = [[] for _ in inst.placements]
    next_choice = [0] * len(inst.applicants)
    free = list(range(len(inst.applicants) - 1, -1, -1))
    owner = inst.owner
    heappush = heapq.heappush
    heapreplace = heapq.heapreplace

    while free:
        i = free.pop()
        mine = prefs[i]
        k = next_choice[i]
        end = len(mine)
        while k < end:
            j = mine[k]
            k += 1
            r = rank[j].get(i)
            if r is None:
                continue  # placement j does not list i: rejected on arrival
            heap = held[j]
            if len(heap) < capacity[j]:
                heappush(heap, -r)
                break
            # Full (and non-empty, as zero-seat placements never get here): the newcomer
            # displaces the worst holder only if ranked better (smaller rank).
            if -heap[0] > r:
                displaced = -heapreplace(heap, -r)
                free.append(owner[j][displaced])
                break
        # Remember where this applicant stopped: if displaced later, they resume with
        # their next choice, never re-proposing to someone who already rejected them.
        next_choice[i] = k

    result: dict[A, P | None] = dict.fromkeys(inst.applicants)
    applicants = inst.applicants
    for j, heap in enumerate(held):
        p = inst.placements[j]
        for negated_rank in heap:
            result[applicants[owner[j][-negated_rank]]] = p
    return result


# --------------------------------------------------------------------------------------
# Verification
# --------------------------------------------------------------------------------------


def blocking_pairs(
    matching: Mapping[A, P | None],
    applicant_prefs: Mapping[A, Sequence[P]],
    placement_prefs: Mapping[P, Sequence[A]],
    capacities: Mapping[P, int],
) -> list[tuple[A, P]]:
    """Return every blocking pair of ``matching``; an empty list means it is stable.

    ``(a, p)`` blocks when a and p list each other (mutual acceptability), ``a`` prefers
    ``p`` to its current outcome (anything listed beats being unplaced), and ``p``
    either has a free seat or prefers ``a`` to one of the applicants it holds.

    This is the verification stored with each run. It is written independently of the
    deferred-acceptance loop (no shared state, a direct reading of the definition) so
    that it can catch a bug there rather than repeat it.

    The matching itself is validated first, because a "no blocking pairs" verdict on a
    matching that over-fills a placement or uses an unacceptable pair would be
    meaningless: every applicant must be a key, each value ``None`` or a placement, each
    pair mutually acceptable, and no placement over capacity.

    Returns:
        Blocking pairs ordered by applicant (input order), then by the applicant's
        preference order.

    Raises:
        AllocationInputError: on malformed inputs or an invalid matching.
    """
    inst = _prepare(applicant_prefs, placement_prefs, capacities)
    matching = _as_mapping(matching, "matching")
    current, filled, worst_held = _read_matching(inst, matching)
    _check_matching_capacity(inst, filled)
    return _find_blocking(inst, current, filled, worst_held)


def _read_matching(
    inst: _Instance[A, P], matching: Mapping[A, P | None]
) -> tuple[list[int | None], list[int], list[int]]:
    """Check the matching against the instance and index it.

    Returns each applicant's placement index (``None``: unplaced), each placement's
    number of holders and the largest (worst) rank it holds (-1 when empty).
    """
    placement_index = {p: j for j, p in enumerate(inst.placements)}
    applicant_set = set(inst.applicants)
    for a in matching:
        if a not in applicant_set:
            raise AllocationInputError(
                "unknown_applicant",
                "The matching names unknown applicant %(applicant)r.",
                applicant=a,
            )

    m = len(inst.placements)
    filled = [0] * m
    worst_held = [-1] * m  # largest (worst) rank held by each placement
    current: list[int | None] = []
    for i, a in enumerate(inst.applicants):
        if a not in matching:
            raise AllocationInputError(
                "missing_applicant",
                "The matching has no entry for applicant %(applicant)r.",
                applicant=a,
            )
        p = matching[a]
        if p is None:
            current.append(None)
            continue
        try:
            j = placement_index.get(p)
        except TypeError:
            j = None  # unhashable: cannot be a placement
        if j is None:
            raise AllocationInputError(
                "unknown_placement",
                "The matching assigns applicant %(applicant)r to unknown placement %(placement)r.",
                applicant=a,
                placement=p,
            )
        r = inst.rank[j].get(i)
        if r is None or j not in inst.prefs[i]:
            raise AllocationInputError(
                "unacceptable_match",
                "The matching assigns applicant %(applicant)r to placement %(placement)r, "
                "but they do not both list each other.",
                applicant=a,
                placement=p,
            )
        filled[j] += 1
        worst_held[j] = max(worst_held[j], r)
        current.append(j)
    return current, filled, worst_held


def _check_matching_capacity(inst: _Instance[A, P], filled: Sequence[int]) -> None:
    for j, p in enumerate(inst.placements):
        if filled[j] > inst.capacity[j]:
            raise AllocationInputError(
                "over_capacity",
                "The matching gives placement %(placement)r %(filled)r applicants for "
                "%(capacity)r seats.",
                placement=p,
                filled=filled[j],
                capacity=inst.capacity[j],
            )


def _find_blocking(
    inst: _Instance[A, P],
    current: Sequence[int | None],
    filled: Sequence[int],
    worst_held: Sequence[int],
) -> list[tuple[A, P]]:
    """The blocking pairs of a checked matching, straight from the definition."""
    found: list[tuple[A, P]] = []
    for i, a in enumerate(inst.applicants):
        mine = current[i]
        for j in inst.prefs[i]:
            if j == mine:
                break  # everything further down is worse than what ``a`` already has
            r = inst.rank[j].get(i)
            if r is None:
                continue  # not mutually acceptable: can never block
            if filled[j] < inst.capacity[j] or (filled[j] > 0 and r < worst_held[j]):
                found.append((a, inst.placements[j]))
    return found


# --------------------------------------------------------------------------------------
# Published lottery and tie-breaking
# --------------------------------------------------------------------------------------


def lottery_ticket(applicant: Hashable, seed: int | str) -> str:
    """Return the applicant's lottery ticket for ``seed``: a 64-hex-digit string.

    Published algorithm (anyone can re-derive it with any SHA-256 tool)::

        ticket = SHA-256( UTF-8( f"{seed}:{applicant_id}" ) ) as lowercase hex

    where ``{seed}`` and ``{applicant_id}`` are the ``str()`` forms (for an integer id
    42 and seed 2024 the hashed text is ``"2024:42"``). A *smaller* ticket wins, i.e.
    ranks higher within a tie. The ticket depends only on the seed and the applicant,
    never on who else is in the draw, so publishing the seed after the deadline lets
    every applicant check their own number.
    """
    return hashlib.sha256(f"{seed}:{applicant}".encode()).hexdigest()


def _lottery_sorted(items: Iterable[A], seed: int | str, tickets: dict[A, str]) -> list[A]:
    """Sort ``items`` by lottery ticket, rejecting repeats and ``str()`` collisions.

    ``tickets`` is a cache shared across calls so each applicant is hashed once.
    """
    members = list(items)
    by_text: dict[str, A] = {}
    for a in members:
        text = str(a)
        other = by_text.get(text, _MISSING)
        if other is not _MISSING:
            if other == a:
                raise AllocationInputError(
                    "duplicate_applicant",
                    "Applicant %(applicant)r is entered in the lottery more than once.",
                    applicant=a,
                )
            # Two different ids hashing the same text (e.g. 7 and "7") would draw the
            # same ticket, making the order depend on input order, not the lottery.
            raise AllocationInputError(
                "ambiguous_applicant_id",
                "Applicants %(first)r and %(second)r have the same text form, so the "
                "lottery cannot tell them apart.",
                first=other,
                second=a,
            )
        by_text[text] = a
        if a not in tickets:
            tickets[a] = lottery_ticket(a, seed)
    # The str() tie-breaker only matters for a SHA-256 collision; it keeps the order a
    # total, reproducible function of the inputs even then.
    return sorted(members, key=lambda a: (tickets[a], str(a)))


_MISSING: Any = object()


def lottery_order(applicants: Iterable[A], seed: int | str) -> list[A]:
    """Return ``applicants`` in lottery order (winner first) for ``seed``.

    The order is ascending :func:`lottery_ticket`, then ascending ``str(applicant)``
    (which only matters in the event of a SHA-256 collision). Same seed, same order;
    the relative order of two applicants does not depend on who else is in the draw.

    Raises:
        AllocationInputError: ``duplicate_applicant`` if an applicant appears twice,
            ``ambiguous_applicant_id`` if two distinct ids have the same ``str()``.
    """
    return _lottery_sorted(applicants, seed, {})


def break_ties(tiers: Sequence[Iterable[A]], seed: int | str) -> list[A]:
    """Turn one placement's ranking with ties into a strict ranking.

    ``tiers`` lists groups of equally ranked applicants, best group first, e.g.
    ``[["ana", "bo"], ["cy"]]``. Within each group applicants are ordered by the
    lottery (:func:`lottery_order`); groups keep their order.

    Because the ticket depends only on (seed, applicant), calling this for every
    placement with the same seed is *single* tie-breaking: an applicant holds the same
    lottery number at every placement. Why that variant: deferred acceptance on any
    tie-broken ranking is stable for the original rankings with ties, but drawing
    independently per placement ("multiple tie-breaking") manufactures conflicts
    between placements that can leave the outcome Pareto-dominated by another stable
    matching, while every applicant-optimal stable matching arises from some single
    tie-breaking (Abdulkadiroğlu, Pathak & Roth 2009, "Strategy-proofness versus
    efficiency in matching with indifferences", AER 99(5)). That is why it is the
    variant used in practice (e.g. the New York City high-school match). Removing the
    remaining inefficiency altogether needs stable improvement cycles (Erdil & Ergin
    2008), at the cost of strategy-proofness. Use one seed for the whole call.

    Raises:
        AllocationInputError: ``duplicate_preference`` if an applicant is in two tiers,
            plus the :func:`lottery_order` errors.
    """
    return _break_ties(tiers, seed, {}, None)


def _break_ties(
    tiers: Sequence[Iterable[A]], seed: int | str, tickets: dict[A, str], placement: Any
) -> list[A]:
    if isinstance(tiers, (str, bytes)) or not isinstance(tiers, Sequence):
        raise AllocationInputError(
            "invalid_preference_list",
            "The tiers of placement %(placement)r must be a list of groups, got %(type)s.",
            placement=placement,
            type=type(tiers).__name__,
        )
    strict: list[A] = []
    seen: set[A] = set()
    for tier in tiers:
        if isinstance(tier, (str, bytes)):
            # "ab" as a tier would mean applicants "a" and "b": reject, as for lists.
            raise AllocationInputError(
                "invalid_preference_list",
                "Each tier of placement %(placement)r must be a group of applicants, "
                "got the string %(tier)r.",
                placement=placement,
                tier=tier,
            )
        group = _lottery_sorted(tier, seed, tickets)
        for a in group:
            if a in seen:
                raise AllocationInputError(
                    "duplicate_preference",
                    "Placement %(placement)r ranks applicant %(applicant)r in more than one tier.",
                    placement=placement,
                    applicant=a,
                )
            seen.add(a)
        strict.extend(group)
    return strict


def break_all_ties(
    placement_tiers: Mapping[P, Sequence[Iterable[A]]], seed: int | str
) -> dict[P, list[A]]:
    """Apply :func:`break_ties` to every placement with one shared lottery.

    Returns a ``placement_prefs`` mapping ready for :func:`allocate`. Sharing one seed
    (and one ticket cache) across placements is what makes this single tie-breaking;
    see :func:`break_ties` for why that is the variant to use.
    """
    placement_tiers = _as_mapping(placement_tiers, "placement_tiers")
    tickets: dict[A, str] = {}
    return {p: _break_ties(tiers, seed, tickets, p) for p, tiers in placement_tiers.items()}
