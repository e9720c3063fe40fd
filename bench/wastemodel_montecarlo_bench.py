"""Time the waste-model Monte Carlo: 10,000 draws over a 20-year horizon (target: < 2 s).

Run from anywhere:  python bench/wastemodel_montecarlo_bench.py [--draws N] [--years N]

The scenario is illustrative (a Batang-sized regency, the IPCC 2006 country composition for
Indonesia, a WtE plant and a composting programme); it exercises every pathway that costs
time: FOD on several waste types and sites with a landfill history, biological treatment,
combustion, capacity overflow. Timings are printed, never asserted by the test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sistercity.environment.wastemodel import (  # noqa: E402 - path set just above
    Facility,
    PriorLandfill,
    Scenario,
    run_monte_carlo,
    run_scenario,
)
from sistercity.environment.wastemodel.parameters import (  # noqa: E402
    EXAMPLE_COMPOSITION_INDONESIA,
)

TARGET_SECONDS = 2.0


def batang_like(years: int) -> Scenario:
    """An illustrative scenario, not Batang's data."""
    composition = dict(EXAMPLE_COMPOSITION_INDONESIA)
    composition["food"] -= 0.10
    composition["wood"] += 0.10  # garden waste, as SIPSN reports kayu-ranting-daun
    return Scenario(
        start_year=2025,
        horizon_years=years,
        population=800_000,
        population_growth=0.01,
        generation_kg_per_capita_day=0.55,
        generation_growth=0.005,
        composition=composition,
        source_separation_rate=0.3,
        shares={
            "recycling": 0.04,
            "composting": 0.10,
            "anaerobic_digestion": 0.03,
            "incineration": 0.15,
            "open_burning": 0.10,
            "uncollected": 0.15,
            "landfill_managed_anaerobic": 0.20,
        },
        residual_pathway="landfill_unmanaged_deep",
        facilities=[
            Facility("wte", "incineration", 20_000, 2028, "landfill_managed_anaerobic"),
            Facility("kompos", "composting", 8_000, 2025, "landfill_unmanaged_deep"),
        ],
        landfill_gas_recovery={"managed_anaerobic": 0.2},
        prior_landfill=[PriorLandfill("unmanaged_deep", [40_000.0] * 15)],
        landfill_capacity_m3=1_500_000,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="report the best of N runs")
    args = parser.parse_args()

    scenario = batang_like(args.years)
    started = time.perf_counter()
    result = run_scenario(scenario)
    deterministic = time.perf_counter() - started

    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        mc = run_monte_carlo(scenario, draws=args.draws, seed=2025)
        best = min(best, time.perf_counter() - started)

    last = -1
    print(f"deterministic run ({args.years} years): {deterministic * 1000:.1f} ms")
    print(
        f"monte carlo: {args.draws} draws x {args.years} years: {best:.3f} s "
        f"(best of {args.repeat}; target < {TARGET_SECONDS:.0f} s: "
        f"{'OK' if best < TARGET_SECONDS else 'TOO SLOW'})"
    )
    p5, p50, p95 = mc.bands["co2e_t"][:, last]
    print(
        f"{int(mc.years[last])} total CO2e (t): p5 {p5:,.0f}  p50 {p50:,.0f}  p95 {p95:,.0f}"
        f"  (deterministic {result.emissions.total_co2e_t[last]:,.0f})"
    )
    return 0 if best < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
