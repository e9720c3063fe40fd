# ruff: noqa: S310, S603, S607 - a bench: fixed local URLs and the machine's own tools by name
"""Requests per second and latency under load: gunicorn on PostgreSQL and Redis, driven by wrk.

Usage (from the project root, with the project's virtualenv; as root for apt-get/pg_ctlcluster):
    .venv/bin/python bench/load_bench.py                         # 20 s per page
    .venv/bin/python bench/load_bench.py --duration 5 --connections 4 --workers 2

It prepares its own PostgreSQL database (``loadbench``: created if missing, migrated, the demo
loaded and the synthetic partnerships grown to 1,000), starts Redis on loopback if it is not
answering (the cache, sessions and the RQ queue use its database 13), starts gunicorn with the
production settings (DEBUG=0) plus one bench-only URL, and drives each page with wrk (Debian's,
installed by apt-get if missing) for a fixed time with a fixed number of connections. It prints
requests per second, p50/p95/p99 latency and errors per page, and each page's ratio to the bare
Django view: the ceiling of this machine for a request through the whole middleware stack.

Pages: the bare view; the home page, a public partnership page and the open calls (anonymous,
served from the public-page cache; the home page shows HOME_PAGE_SIZE partnerships a page);
the public accountability page (anonymous, cached the same way); the API partnership list and
the results dashboard (signed in as Sari, by a session cookie). Absolute numbers depend on the
machine and what else runs on it; the ratios say more. The run fails (exit 1) if any request errors.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# wrk's own summary, as one line we parse: latencies in microseconds, duration too.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""

PAGES = [
    # (name, path, signed in)
    ("bare Django view (ceiling)", "/bench/bare/", False),
    ("home page (cached; first page of 1,000)", "/en/", False),
    ("public partnership page (cached)", "/en/p/batang-toyama/", False),
    ("open calls (cached)", "/en/calls/", False),
    ("public accountability page", "/en/accountability/batang-toyama/", False),
    ("API partnership list", "/api/partnerships/", True),
    ("results dashboard, 1,000 partnerships", "/en/partnerships/batang-toyama/results/", True),
]


def _environment(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
            "REDIS_URL": "redis://127.0.0.1:6379/13",
            "TASKS_BACKEND": "django_tasks_rq.RQBackend",
            "DEBUG": "0",
            "SECRET_KEY": "load-bench-only-secret-key-that-is-long-enough-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "LOG_LEVEL": "WARNING",
            # Sari's session and token stand for a signed-in officer; her second factor is a
            # step of logging in, not of each request, so the bench skips it.
            "TWO_FACTOR_REQUIRED": "0",
        }
    )
    return env


def _ensure_tools() -> None:
    if shutil.which("wrk") is None:
        print("installing wrk (Debian) …", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
    ping = subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True)
    if ping.stdout.strip() != b"PONG":
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379"]
            + ["--save", "", "--appendonly", "no"],
            check=True,
        )
        time.sleep(1)
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode != 0:
        version = next(iter(os.listdir("/etc/postgresql")))
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])


SEED = """
import django
django.setup()
from importlib import import_module
from django.contrib.sessions.backends.cached_db import SessionStore
from sistercity.accounts.models import User
from sistercity.demo.data import load_demo
from sistercity.partnerships.models import Partnership
from sistercity.programs import synthetic
load_demo()
synthetic.seed(1000)  # until 1,000 exist (the demo's partnership is one of them)
sari = User.objects.get(email="sari@batang.example")
session = SessionStore()
session["_auth_user_id"] = str(sari.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = sari.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "partnerships": Partnership.objects.count()}))
"""


def _prepare(args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", args.database],
        stderr=subprocess.DEVNULL,  # exists already: reused, the seed tops it up
    )
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], check=True, env=env)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], check=True, env=env)
    print("loading the demo and growing to 1,000 partnerships (first run: minutes) …", flush=True)
    out = subprocess.run(
        [PYTHON, "-c", "import json\n" + SEED], check=True, env=env, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _start_gunicorn(args: argparse.Namespace, env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "sistercity.config.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    # Workers import the whole project before they answer: slow on a busy machine.
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/bench/bare/", timeout=10)
            return server
        except OSError:  # refused, reset or timed out: not up yet
            time.sleep(1)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not answer")


def _check(url: str, cookie: str) -> str:
    """Each page must answer 200 itself (wrk counts a redirect to the log-in page as success);
    the problem if it does not, else an empty string."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            if response.url != url:
                return f"redirected to {response.url}"
    except urllib.error.HTTPError as error:
        return f"answered {error.code}"
    return ""


def _drive(url: str, cookie: str, args: argparse.Namespace, script: str) -> dict[str, float]:
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections)]
    command += ["-d", f"{args.duration}s", "--timeout", "30s", "-s", script]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, duration, p50, p95, p99, errors = (int(v) for v in line.split()[1:])
    return {
        "rps": requests / (duration / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--connections", type=int, default=8, help="open connections (wrk -c)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--database", default="loadbench")
    args = parser.parse_args()

    env = _environment(args)
    _ensure_tools()
    prepared = _prepare(args, env)
    server = _start_gunicorn(args, env)
    results = []
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        for name, path, signed_in in PAGES:
            url = f"http://127.0.0.1:{args.port}{path}"
            cookie = f"sessionid={prepared['session']}" if signed_in else ""
            problem = _check(url, cookie)
            if problem:
                print(f"{name}: {path} {problem}; not measured", flush=True)
                results.append((name, None))
                continue
            _drive(url, cookie, argparse.Namespace(**{**vars(args), "duration": 2}), script.name)
            results.append((name, _drive(url, cookie, args, script.name)))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    _print_table(results, args, prepared)


def _print_table(results: list, args: argparse.Namespace, prepared: dict[str, object]) -> None:
    ceiling = results[0][1]["rps"]
    print(
        f"\ngunicorn {args.workers} workers, wrk {args.threads} threads × {args.connections} "
        f"connections, {args.duration} s per page; PostgreSQL + Redis on loopback; "
        f"{prepared['partnerships']} partnerships; {os.cpu_count()} CPUs"
    )
    header = f"{'page':<40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'ratio':>6}"
    print(f"{header} {'errors':>6}")
    errors = 0
    for name, r in results:
        if r is None:
            errors += 1
            print(f"{name:<40} {'failed: not a 200 page (see above)':>47}")
            continue
        errors += int(r["errors"])
        print(
            f"{name:<40} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} "
            f"{r['rps'] / ceiling:>6.2f} {int(r['errors']):>6}"
        )
    print(f"errors: {errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
