"""API tokens expire, end at log-out (the site's and the API's) and at a password change, and
their owner lists and revokes them, on the account page and through the API; only a hash is
stored (issue 10, finding 10)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone
from knox.crypto import hash_token

from sistercity.accounts.models import ApiToken
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db

TOKEN = "/api/auth/token/"
PASSWORD = "sistercity-demo"
PARTNERSHIPS = "/api/partnerships/"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


def _issue(client, email="sari@batang.example", **extra):
    response = client.post(TOKEN, {"username": email, "password": PASSWORD, **extra})
    assert response.status_code == 200, response.content
    return response.json()


def _get(client, key, path=PARTNERSHIPS):
    return client.get(path, HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_is_stored_hashed_and_expires(demo, client, settings):
    issued = _issue(client, name="import script")
    stored = ApiToken.objects.get(token_key=issued["key"])
    assert stored.digest == hash_token(issued["token"]) and issued["token"] not in stored.digest
    assert stored.name == "import script"
    ttl = settings.REST_KNOX["TOKEN_TTL"]
    assert abs(stored.expiry - (timezone.now() + ttl)) < dt.timedelta(minutes=1)
    assert _get(client, issued["token"]).status_code == 200
    ApiToken.objects.filter(pk=stored.pk).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    response = _get(client, issued["token"])
    assert response.status_code == 401
    assert not ApiToken.objects.filter(pk=stored.pk).exists()  # knox drops it on sight


def test_api_log_out_revokes_the_token_used_and_log_out_all_every_one(demo, client):
    first, second, third = (_issue(client)["token"] for _ in range(3))
    assert client.post("/api/auth/logout/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 204
    assert _get(client, first).status_code == 401
    assert _get(client, second).status_code == 200
    response = client.post("/api/auth/logout-all/", HTTP_AUTHORIZATION=f"Token {second}")
    assert response.status_code == 204
    assert _get(client, second).status_code == 401 and _get(client, third).status_code == 401


def test_logging_out_of_the_site_ends_the_api_tokens(demo, client, sari):
    key = _issue(client)["token"]
    client.force_login(sari)
    client.post("/en/accounts/logout/")
    assert _get(client, key).status_code == 401


def test_a_password_change_ends_the_api_tokens(demo, client, sari):
    key = _issue(client)["token"]
    client.force_login(sari)
    response = client.post(
        "/en/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-harder-secret-42",
            "new_password2": "a-new-harder-secret-42",
        },
    )
    assert response.status_code == 302
    assert _get(client, key).status_code == 401


def test_the_owner_lists_and_revokes_tokens_through_the_api(demo, client, yamada):
    mine = _issue(client, name="laptop")
    theirs = _issue(client, email="yamada@toyama.example")
    listed = _get(client, mine["token"], "/api/auth/tokens/").json()
    assert [row["key"] for row in listed["results"]] == [mine["key"]]
    assert listed["results"][0]["name"] == "laptop" and "token" not in listed["results"][0]
    # Another person's token is not found, and nothing changes.
    before = db_snapshot()
    response = client.delete(
        f"/api/auth/tokens/{theirs['key']}/", HTTP_AUTHORIZATION=f"Token {mine['token']}"
    )
    assert response.status_code == 404 and db_snapshot() == before
    assert ApiToken.objects.filter(token_key=theirs["key"]).exists()
    response = client.delete(
        f"/api/auth/tokens/{theirs['key']}/", HTTP_AUTHORIZATION=f"Token {theirs['token']}"
    )
    assert response.status_code == 204
    assert _get(client, theirs["token"]).status_code == 401
    assert _get(client, mine["token"]).status_code == 200


def test_the_account_page_lists_and_revokes_tokens(demo, client, sari):
    kept = _issue(client, name="spreadsheet")
    gone = _issue(client, name="old script")
    client.force_login(sari)
    page = client.get("/en/accounts/tokens/").content.decode()
    assert "spreadsheet" in page and f"{gone['key']}…" in page and gone["token"] not in page
    response = client.post(f"/en/accounts/tokens/{gone['key']}/revoke/", follow=True)
    assert "The token was revoked" in response.content.decode()
    assert _get(client, gone["token"]).status_code == 401
    assert _get(client, kept["token"]).status_code == 200
    page = client.get("/ja/accounts/tokens/").content.decode()
    assert "APIトークン" in page
    client.post("/en/accounts/tokens/revoke-all/")
    assert _get(client, kept["token"]).status_code == 401


def test_wrong_password_is_refused_with_a_translated_message(demo, client):
    before = db_snapshot()
    response = client.post(
        TOKEN,
        {"username": "sari@batang.example", "password": "wrong"},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_credentials"
    assert "メールアドレス" in response.json()["detail"]
    assert db_snapshot() == before


def test_a_person_holds_a_bounded_number_of_tokens(demo, client, sari, settings):
    limit = settings.REST_KNOX["TOKEN_LIMIT_PER_USER"]
    for _number in range(limit):
        api_token(sari)
    cache.clear()
    response = client.post(TOKEN, {"username": "sari@batang.example", "password": PASSWORD})
    assert response.status_code == 403 and response.json()["code"] == "token_limit"
