"""Solve time of the coverage models for 400 villages × 60 candidate sites (issue 13).

    .venv/bin/python bench/emergency_coverage_bench.py

Villages and sites are scattered over a 60 × 25 km strip (about Batang's size); travel minutes
are estimated from straight-line distance (detour 1.4, 35 km/h), as the app does without a
measured matrix. Five sites are fixed, as existing posts. Prints each model's solve time,
whether it was proven optimal, and what it found.
"""

import time

import numpy as np

from sistercity.emergency import coverage


def main() -> None:
    rng = np.random.default_rng(13)
    lat0, lon0 = -7.05, 109.70
    villages = np.column_stack(
        [lat0 + rng.uniform(-0.11, 0.11, 400), lon0 + rng.uniform(-0.27, 0.27, 400)]
    )
    sites = np.column_stack(
        [lat0 + rng.uniform(-0.11, 0.11, 60), lon0 + rng.uniform(-0.27, 0.27, 60)]
    )
    population = rng.integers(800, 9000, 400).astype(float)
    cost = coverage.estimated_minutes(villages, sites, detour_factor=1.4, speed_kmh=35.0)
    fixed = [0, 1, 2, 3, 4]
    print(f"{cost.shape[0]} villages x {cost.shape[1]} candidate sites, {len(fixed)} fixed")
    # LSCP needs every village coverable: the standard, or the least radius that allows it.
    radius = max(15.0, float(np.ceil(cost.min(axis=1).max())))
    runs = {
        f"lscp ({radius:.0f} min)": lambda: coverage.lscp(cost, radius, fixed=fixed),
        "mclp (15 min, p=8)": lambda: coverage.mclp(cost, population, 15.0, 8, fixed=fixed),
        "p-median (p=8)": lambda: coverage.p_median(cost, population, 8, fixed=fixed),
    }
    for name, run in runs.items():
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
        print(
            f"{name:20s} {seconds:7.2f} s  optimal={result.optimal}  sites={len(result.sites)}"
            f"  covered={result.share_covered:.1%}  mean={result.mean_cost:.1f} min"
        )


if __name__ == "__main__":
    main()
