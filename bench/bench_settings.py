"""Settings for bench/load_bench.py only: the production settings plus one bare URL."""

from sistercity.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
