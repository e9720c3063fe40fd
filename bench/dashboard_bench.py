"""Dashboard and accountability page latency at 1, 100 and 1,000 partnerships.

Usage (from the project root, with the project's virtualenv):
    .venv/bin/python bench/dashboard_bench.py                      # SQLite (var/bench.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/dashboard_bench.py
    .venv/bin/python bench/dashboard_bench.py --sizes 1 100        # fewer sizes

It migrates its own database, loads the demo, grows the synthetic partnerships to each size and
times the Batang–Toyama results dashboard (logged in as Sari) and the public accountability page
through Django's test client (no network), printing the median and p90 of --repeat requests.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sistercity.config.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-that-is-long-enough-0123456789")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from sistercity.accounts.models import User
    from sistercity.demo.data import load_demo
    from sistercity.partnerships.models import Partnership
    from sistercity.programs import synthetic

    call_command("migrate", verbosity=0)
    load_demo()
    client = Client()
    client.force_login(User.objects.get(email="sari@batang.example"))
    anonymous = Client()
    print(f"database: {connection.vendor}")
    print(f"{'partnerships':>12} {'page':>16} {'median ms':>10} {'p90 ms':>8}")
    for size in args.sizes:
        started = time.perf_counter()
        synthetic.seed(max(0, size - 1))  # the demo partnership is one of them
        seeded = time.perf_counter() - started
        total = Partnership.objects.count()
        for name, who, url in (
            ("dashboard", client, "/en/partnerships/batang-toyama/results/"),
            ("accountability", anonymous, "/en/accountability/batang-toyama/"),
        ):
            who.get(url)  # warm caches and connections
            timings = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = who.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
            timings.sort()
            p90 = timings[int(len(timings) * 0.9) - 1]
            print(f"{total:>12} {name:>16} {statistics.median(timings):>10.1f} {p90:>8.1f}")
        print(f"{'':>12} (seeding to this size took {seeded:.1f} s)")


if __name__ == "__main__":
    main()
