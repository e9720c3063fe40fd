"""Benchmark the exchange allocation engine against the ``matching`` package.

Usage::

    python bench/allocation_bench.py [--applicants 10000] [--placements 500] [--choices 10]
                                     [--instances 2] [--runs 5] [--matching-runs 1] [--seed 1]

For each seeded random instance it times our ``allocate()`` (``--runs`` times) and the
``matching`` package's ``HospitalResident`` solver (daffidwilde/matching 1.4.x,
``--matching-runs`` times, since it is slow), checks that both return the same
matching, and prints the median times and their ratio. It prints figures only and
asserts no timing; it exits non-zero only if the two outcomes differ or ours is not
stable. If ``matching`` is not installed, it says so and prints our figures alone.

Instance model (the issue's target size by default):

* N applicants each rank ``--choices`` distinct placements, drawn with lognormal
  popularity weights so that some placements are heavily oversubscribed;
* every placement ranks all applicants who listed it, by an independent random score
  (so the lists are reciprocal, which ``matching`` requires);
* total seats = round(0.8 × N), each placement at least one seat, the rest spread at
  random (independently of popularity, so there is real competition).
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import random
import statistics
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a plain script from anywhere: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sistercity.exchange.allocation import allocate, blocking_pairs

Instance = tuple[dict[str, list[str]], dict[str, list[str]], dict[str, int]]
Matching = dict[str, str | None]


def make_instance(
    seed: int, n_applicants: int, n_placements: int, n_choices: int, seat_ratio: float = 0.8
) -> Instance:
    """Build one seeded random instance (see the module docstring for the model)."""
    if n_choices > n_placements:
        raise SystemExit("--choices cannot exceed --placements")
    rng = random.Random(seed)
    applicants = [f"A{i:06d}" for i in range(n_applicants)]
    placements = [f"P{j:04d}" for j in range(n_placements)]

    popularity = list(itertools.accumulate(rng.lognormvariate(0.0, 1.0) for _ in placements))
    applicant_prefs: dict[str, list[str]] = {}
    applied: dict[str, list[str]] = {p: [] for p in placements}
    for a in applicants:
        chosen: list[str] = []
        while len(chosen) < n_choices:
            (p,) = rng.choices(placements, cum_weights=popularity)
            if p not in chosen:
                chosen.append(p)
                applied[p].append(a)
        applicant_prefs[a] = chosen

    placement_prefs = {p: sorted(pool, key=lambda _: rng.random()) for p, pool in applied.items()}

    seats = max(round(seat_ratio * n_applicants), n_placements)
    spread = [rng.random() for _ in placements]
    extra = Counter(rng.choices(placements, weights=spread, k=seats - n_placements))
    capacities = {p: 1 + extra[p] for p in placements}
    return applicant_prefs, placement_prefs, capacities


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``fn`` once and return (seconds, result), with garbage collected beforehand."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run_matching_package(inst: Instance) -> tuple[float, float, Matching]:
    """Solve with ``matching``'s HospitalResident; return (total s, solve-only s, result).

    ``create_from_dictionaries`` deep-copies the whole player graph recursively, which
    for 10,000 residents exceeds Python's default recursion limit and C stack, so it
    runs in a thread with a large stack and a raised recursion limit.
    """
    from matching.games import HospitalResident

    applicant_prefs, placement_prefs, capacities = inst
    out: dict[str, Any] = {}

    def work() -> None:
        with warnings.catch_warnings():
            # It warns about placements nobody listed etc.; nothing to act on here.
            warnings.simplefilter("ignore")
            gc.collect()
            t0 = time.perf_counter()
            game = HospitalResident.create_from_dictionaries(
                applicant_prefs, placement_prefs, capacities
            )
            t1 = time.perf_counter()
            solved = game.solve(optimal="resident")
            t2 = time.perf_counter()
        result: Matching = dict.fromkeys(applicant_prefs)
        for hospital, residents in solved.items():
            for resident in residents:
                result[resident.name] = hospital.name
        out.update(total=t2 - t0, solve=t2 - t1, result=result)

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 1_000_000))
    threading.stack_size(1024 * 1024 * 1024)
    try:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    if "result" not in out:
        raise RuntimeError("the matching package failed (see the traceback above)")
    return out["total"], out["solve"], out["result"]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print the figures; 0 unless outcomes differ."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applicants", type=int, default=10_000)
    parser.add_argument("--placements", type=int, default=500)
    parser.add_argument("--choices", type=int, default=10)
    parser.add_argument("--instances", type=int, default=2, help="seeded instances to build")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of ours per instance")
    parser.add_argument(
        "--matching-runs", type=int, default=1, help="timed runs of `matching` per instance"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the first instance")
    args = parser.parse_args(argv)

    try:
        import matching

        matching_version: str | None = getattr(matching, "__version__", "unknown version")
    except ImportError:
        matching_version = None

    print(
        f"instances: {args.instances} x ({args.applicants:,} applicants, "
        f"{args.placements:,} placements, {args.choices} choices each), "
        f"seeds {args.seed}..{args.seed + args.instances - 1}"
    )
    print(f"python {sys.version.split()[0]}; matching: {matching_version or 'not installed'}")

    ours: list[float] = []
    theirs_total: list[float] = []
    theirs_solve: list[float] = []
    identical = True
    for k in range(args.instances):
        seed = args.seed + k
        inst = make_instance(seed, args.applicants, args.placements, args.choices)
        seats = sum(inst[2].values())
        times = []
        result: Matching = {}
        for _ in range(args.runs):
            elapsed, result = timed(functools.partial(allocate, *inst))
            times.append(elapsed)
        ours.extend(times)
        placed = sum(p is not None for p in result.values())
        first = sum(p is not None and inst[0][a][0] == p for a, p in result.items())
        stable = not blocking_pairs(result, *inst)
        print(
            f"seed {seed}: {seats:,} seats, {placed:,} placed ({first:,} first choice), "
            f"stable={stable}; ours median {statistics.median(times) * 1000:.0f} ms "
            f"over {args.runs} runs"
        )
        if not stable:
            identical = False
        if matching_version is None:
            continue
        for _ in range(args.matching_runs):
            total, solve, reference = run_matching_package(inst)
            theirs_total.append(total)
            theirs_solve.append(solve)
            same = reference == result
            identical = identical and same
            print(
                f"seed {seed}: matching {total:.2f} s (solve alone {solve:.2f} s); "
                f"outcomes identical: {same}"
            )

    our_median = statistics.median(ours)
    print(f"ours:     median {our_median * 1000:.0f} ms over {len(ours)} runs")
    if matching_version is None:
        print("the `matching` package is not importable: `pip install matching` to compare.")
        return 0 if identical else 1
    their_median = statistics.median(theirs_total)
    solve_median = statistics.median(theirs_solve)
    print(
        f"matching: median {their_median:.2f} s over {len(theirs_total)} runs "
        f"(construction + solve; solve alone {solve_median:.2f} s)"
    )
    print(
        f"ratio:    ours is {their_median / our_median:.0f}x faster "
        f"({solve_median / our_median:.0f}x against its solve step alone); "
        f"outcomes identical on every instance: {identical}"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
