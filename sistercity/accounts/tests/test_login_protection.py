"""Brute force is stopped per account and per address, on the log-in page and the token API,
with a translated message; e-mail log-in ignores case; passwords can be changed and reset by
e-mail (issue 10, findings 7 and 10)."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
TOKEN = "/api/auth/token/"
PASSWORD = "sistercity-demo"
LOCKED = "Too many failed attempts"
LOCKED_ID = "Terlalu banyak percobaan masuk yang gagal"  # the API answers in the default language


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()  # DRF keeps its throttle counts in the cache
    yield
    cache.clear()


def _log_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, username, times, address="10.0.0.1"):
    for _attempt in range(times):
        assert _log_in(client, username, "wrong", address).status_code in (200, 429)


def test_after_the_limit_the_right_password_no_longer_logs_in(demo, client):
    _fail(client, "sari@batang.example", settings.AXES_FAILURE_LIMIT)
    response = _log_in(client, "sari@batang.example", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_every_address_and_in_any_case(demo, client):
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        variant = "Sari@Batang.example" if number % 2 else "sari@batang.example"
        assert _log_in(client, variant, "wrong", f"10.0.1.{number}").status_code == 200
    # The failure that reaches the limit is already answered with the lockout.
    assert _log_in(client, "sari@batang.example", "wrong", "10.0.1.99").status_code == 429
    assert _log_in(client, "SARI@batang.example", PASSWORD, "10.9.9.9").status_code == 429


def test_one_accounts_failures_do_not_lock_another_account(demo, client):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "sari@batang.example", "wrong", f"10.0.4.{number}")
    assert _log_in(client, "yamada@toyama.example", PASSWORD, "10.0.5.1").status_code == 302


def test_an_address_that_guesses_many_accounts_is_locked(demo, client):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, f"guess{number}@batang.example", "x", "10.0.2.1")
    assert _log_in(client, "yamada@toyama.example", PASSWORD, "10.0.2.1").status_code == 429
    # Another address is not affected.
    assert _log_in(client, "yamada@toyama.example", PASSWORD, "10.0.2.2").status_code == 302


def test_a_successful_log_in_resets_the_count(demo, client):
    _fail(client, "sari@batang.example", settings.AXES_FAILURE_LIMIT - 1)
    assert _log_in(client, "sari@batang.example", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "sari@batang.example", settings.AXES_FAILURE_LIMIT - 1)
    assert _log_in(client, "sari@batang.example", PASSWORD).status_code == 302


def test_e_mail_log_in_ignores_case(demo, client):
    response = _log_in(client, "  Sari@BATANG.example ", PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == demo.users["sari"].pk


def test_the_token_api_locks_out_too(demo, client):
    for number in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            TOKEN,
            {"username": "sari@batang.example", "password": "wrong"},
            REMOTE_ADDR=f"10.0.3.{number}",
        )
        assert response.status_code in (400, 429)
    cache.clear()  # the throttle is not what is tested here
    response = client.post(
        TOKEN, {"username": "sari@batang.example", "password": PASSWORD}, REMOTE_ADDR="10.0.3.99"
    )
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"
    assert LOCKED_ID in response.json()["detail"]


def test_the_token_api_is_throttled_per_address(demo, client):
    rate = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["auth"].split("/")[0])
    for _attempt in range(rate):
        response = client.post(TOKEN, {"username": "sari@batang.example", "password": PASSWORD})
        assert response.status_code == 200
    response = client.post(
        TOKEN,
        {"username": "sari@batang.example", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 429


def test_password_reset_by_e_mail(demo, client):
    response = client.post("/en/accounts/password/reset/", {"email": "SARI@batang.example"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["sari@batang.example"]
    link = re.search(r"https?://[^/]+(/\S+/password/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "a-new-long-phrase-77", "new_password2": "a-new-long-phrase-77"}
    )
    assert done.status_code == 302
    assert _log_in(client, "sari@batang.example", "a-new-long-phrase-77").status_code == 302
    # The link works once.
    assert "no longer valid" in client.get(link, follow=True).content.decode()


def test_password_reset_does_not_tell_whether_an_address_has_an_account(demo, client):
    known = client.post("/en/accounts/password/reset/", {"email": "sari@batang.example"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@batang.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_password_change(demo, client):
    client.force_login(demo.users["yamada"])
    response = client.post(
        "/en/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-phrase-88",
            "new_password2": "another-long-phrase-88",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert _log_in(client, "yamada@toyama.example", "another-long-phrase-88").status_code == 302
