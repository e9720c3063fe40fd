"""The MILP second pass (side constraints) against plain deferred acceptance on synthetic calls:
time, places filled and blocking pairs accepted. Prints figures; not a test.

    .venv/bin/python bench/exchange_allocation_run_bench.py
"""

import random
import time

from sistercity.exchange.allocation import allocate, blocking_pairs, break_all_ties
from sistercity.exchange.constrained import SideConstraints, constrained_allocate


def instance(n_applicants: int, n_placements: int, seed: int = 7):
    rng = random.Random(seed)
    placements = [f"p{j}" for j in range(n_placements)]
    applicants = [f"a{i}" for i in range(n_applicants)]
    applicant_prefs = {a: rng.sample(placements, k=min(5, n_placements)) for a in applicants}
    score = {a: rng.randint(0, 10) for a in applicants}
    tiers = {}
    for p in placements:
        listed = [a for a in applicants if p in applicant_prefs[a]]
        grouped: dict[int, list[str]] = {}
        for a in listed:
            grouped.setdefault(-score[a], []).append(a)
        tiers[p] = [grouped[k] for k in sorted(grouped)]
    capacities = {p: rng.randint(1, 4) for p in placements}
    school = {a: f"school-{rng.randint(0, n_applicants // 6)}" for a in applicants}
    gender = {a: rng.choice(["female", "male"]) for a in applicants}
    return applicant_prefs, tiers, capacities, school, gender


def main() -> None:
    for n, m in ((50, 10), (200, 40), (400, 80)):
        applicant_prefs, tiers, capacities, school, gender = instance(n, m)
        prefs = break_all_ties(tiers, "bench")
        start = time.perf_counter()
        stable = allocate(applicant_prefs, prefs, capacities)
        da = time.perf_counter() - start
        start = time.perf_counter()
        result = constrained_allocate(
            applicant_prefs,
            prefs,
            capacities,
            institution=school,
            gender=gender,
            constraints=SideConstraints(max_per_institution=2, max_gender_share=0.6),
        )
        milp = time.perf_counter() - start
        pairs = blocking_pairs(result.matching, applicant_prefs, prefs, capacities)
        placed_da = sum(1 for v in stable.values() if v)
        placed_milp = sum(1 for v in result.matching.values() if v)
        print(
            f"{n:4} applicants {m:3} placements: DA {da * 1000:8.2f} ms ({placed_da} placed) · "
            f"MILP {milp * 1000:9.1f} ms ({placed_milp} placed, {len(pairs)} blocking pairs, "
            f"{result.status}) · ratio {milp / max(da, 1e-9):8.0f}×"
        )


if __name__ == "__main__":
    main()
