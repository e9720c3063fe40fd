"""Two-factor authentication in Chromium, as Yamada meets it in Japanese: the password leads to
the set-up page, the secret shown there gives the code an authenticator app would, the ten
recovery codes are shown once, and the next log-in asks for a code — a recovery code works
once, a spent one is refused beside the field."""

import base64

import pytest
from django.core.cache import cache
from django_otp.oath import totp

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTNERSHIP = "/ja/partnerships/batang-toyama/"


def _code_for(secret: str) -> str:
    # What an authenticator app computes from the secret it was given (RFC 6238, 30 s, SHA-1).
    compact = secret.replace(" ", "").upper()
    key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    return f"{totp(key):06d}"


def _log_out(page, server):
    page.context.clear_cookies()
    page.goto(f"{server.url}{PARTNERSHIP}")


def test_yamada_sets_up_two_factor_and_logs_in_with_a_recovery_code(live_server, page, settings):
    settings.TWO_FACTOR_REQUIRED = True
    cache.clear()
    load_demo()
    log_in(page, live_server, "yamada@toyama.example", language="ja")
    # The password alone opens no partnership page: the set-up page, in Japanese.
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    assert page.locator("[data-test=two-factor-required]").is_visible()
    assert page.locator("html").get_attribute("lang") == "ja"
    secret = page.locator("[data-test=secret]").inner_text()
    # Typed and sent with the keyboard, as on a phone.
    page.locator("#id_code").fill(_code_for(secret))
    page.locator("#id_code").press("Enter")
    page.wait_for_load_state()
    codes = page.locator("[data-test=recovery-codes] code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    page.click("[data-test=codes-saved]")
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    assert page.url.endswith(PARTNERSHIP)
    assert page.locator("[data-test=two-factor-required]").count() == 0

    # Next time: the password, then a code. A recovery code works once.
    _log_out(page, live_server)
    log_in(page, live_server, "yamada@toyama.example", language="ja")
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    page.locator("#id_code").fill(codes[0])
    page.click("[data-test=verify-two-factor]")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    assert page.url.endswith(PARTNERSHIP)
    assert page.locator("#id_code").count() == 0

    _log_out(page, live_server)
    log_in(page, live_server, "yamada@toyama.example", language="ja")
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    page.locator("#id_code").fill(codes[0])
    page.click("[data-test=verify-two-factor]")
    page.wait_for_load_state()
    # Refused in Japanese, beside the field; still on the code page, not in.
    field = page.locator("#id_code")
    assert "コードが正しくありません" in page.locator("main").inner_text()
    assert field.is_visible()
    page.goto(f"{live_server.url}{PARTNERSHIP}")
    assert page.locator("#id_code").is_visible()
