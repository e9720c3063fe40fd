"""The public forms' spam protection: a filled honeypot is refused, the attempt past the limit
from one address is refused in the reader's language, and the count lives in the shared cache,
so a second web machine (another process on the same Redis) sees the first one's attempts."""

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.core.spam import client_address, guard_submission


def _guard(client: str = "203.0.113.9", **kwargs):
    options = {"scope": "test:form", "client": client, "limit": 2, "window": 60, **kwargs}
    guard_submission(**options)


def test_a_filled_honeypot_is_refused_and_not_counted():
    with pytest.raises(SisterCityError) as error:
        _guard(honeypot="http://spam.example")
    assert error.value.code == "spam"
    with translation.override("ja"):
        assert "受け付けられません" in str(error.value)
    _guard()
    _guard()  # the robot's attempt did not use up a person's allowance


def test_the_attempt_past_the_limit_is_refused_in_the_readers_language():
    _guard()
    _guard()
    with pytest.raises(SisterCityError) as error:
        _guard()
    assert error.value.code == "rate_limited" and error.value.status == 429
    with translation.override("id"):
        assert "Terlalu banyak" in str(error.value)
    _guard(client="198.51.100.7")  # another address is not held back
    _guard(scope="test:other")  # nor the same address on another form


def test_the_refusal_can_name_what_was_submitted():
    _guard(refusal="Too many enquiries")
    _guard(refusal="Too many enquiries")
    with pytest.raises(SisterCityError, match="Too many enquiries"):
        _guard(refusal="Too many enquiries")


def test_the_cache_keeps_no_address():
    _guard()
    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys and not any("203.0.113.9" in key for key in keys)


def test_the_address_is_the_connections_unless_proxies_are_trusted(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.2"  # the header is the client's to forge
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.9"  # the one our proxy appended


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 - the installed redis-server, our arguments
        [server, "--port", str(port), "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


OTHER_MACHINE = """
import django
django.setup()
from sistercity.core.spam import guard_submission
for _ in range(2):
    guard_submission(scope="test:form", client="203.0.113.9", limit=2, window=60)
"""


def test_the_limit_holds_across_machines_sharing_the_cache(redis_url, settings):
    # Another web machine: its own process, configured as in production (REDIS_URL).
    env = {**os.environ, "REDIS_URL": redis_url}
    command = [sys.executable, "-c", OTHER_MACHINE]
    subprocess.run(command, env=env, check=True, timeout=60)  # noqa: S603 - our own code
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    with pytest.raises(SisterCityError) as error:
        _guard()
    assert error.value.code == "rate_limited"
