"""Two-factor authentication (issue 10, "Authentication"): the secretariat, partner officers and
platform admins give a TOTP code after their password before anything else, set it up on first
log-in, can use each recovery code once; a wrong code is refused beside the field in every
language and throttled; API tokens need a code too; other roles are not forced but may opt in."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sistercity.accounts import two_factor
from sistercity.accounts.models import ApiToken
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

PASSWORD = "sistercity-demo"


@pytest.fixture(autouse=True)
def _required(settings):
    # conftest turns the requirement off for every other test; here it is as in production.
    settings.TWO_FACTOR_REQUIRED = True
    cache.clear()


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _enrolled(user) -> tuple[TOTPDevice, list[str]]:
    """``user`` with a confirmed authenticator and recovery codes, as the set-up leaves them."""
    device = two_factor.pending_authenticator(user)
    codes = two_factor.confirm_authenticator(actor=user, device=device, code=_code(device))
    device.refresh_from_db()
    device.last_t = -1  # the set-up used this step's code; let the test use it again
    device.save()
    return device, codes


def _url(name, *args, language="id"):
    with translation.override(language):
        return reverse(name, args=args)


def _snapshot():
    return {
        **db_snapshot(),
        "totp": list(TOTPDevice.objects.values_list("pk", "confirmed")),
        "static": sorted(StaticToken.objects.values_list("token", flat=True)),
    }


def test_a_secretariat_officer_is_sent_to_set_up_and_reaches_no_partnership_page(
    client, sari, partnership
):
    response = client.post(
        _url("accounts:login"), {"username": "sari@batang.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    page = client.get(_url("partnerships:detail", partnership.slug))
    assert page.status_code == 302
    assert page["Location"].startswith(_url("accounts:two_factor_setup"))
    # The API with the session is closed too; the set-up page opens and shows a QR code.
    api = client.get(f"/api/partnerships/{partnership.slug}/")
    assert api.status_code == 403 and api.json()["code"] == "otp_required"
    setup = client.get(page["Location"])
    assert setup.status_code == 200
    assert b"<svg" in setup.content and b"<path" in setup.content
    assert b"otpauth://totp/SisterCity" in setup.content


def test_set_up_confirms_with_a_code_shows_ten_recovery_codes_once_and_opens_the_pages(
    client, sari, partnership
):
    client.force_login(sari)
    detail = _url("partnerships:detail", partnership.slug)
    setup = _url("accounts:two_factor_setup")
    client.get(setup)
    device = TOTPDevice.objects.get(user=sari, confirmed=False)
    response = client.post(setup, {"code": _code(device), "next": detail})
    assert response.status_code == 200
    codes = re.findall(rb"<li><code>([a-z2-7]{8})</code></li>", response.content)
    assert len(codes) == 10
    assert sorted(c.decode() for c in codes) == sorted(
        StaticToken.objects.filter(device__user=sari).values_list("token", flat=True)
    )
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(detail).status_code == 200
    # The codes are not shown again: the account page only counts them.
    profile = client.get(_url("accounts:profile"))
    assert codes[0] not in profile.content and b"10" in profile.content


def test_after_the_password_a_valid_code_opens_the_partnership(client, sari, partnership):
    device, _codes = _enrolled(sari)
    client.post(_url("accounts:login"), {"username": "sari@batang.example", "password": PASSWORD})
    detail = _url("partnerships:detail", partnership.slug)
    page = client.get(detail)
    assert page.status_code == 302 and page["Location"].startswith(
        _url("accounts:two_factor_verify")
    )
    response = client.post(
        _url("accounts:two_factor_verify"), {"code": _code(device), "next": detail}
    )
    assert response.status_code == 302 and response["Location"] == detail
    assert client.get(detail).status_code == 200


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("id", "Kode itu tidak benar"),
        ("ja", "コードが正しくありません"),
        ("en", "That code is not right"),
    ],
)
def test_a_wrong_code_is_refused_beside_the_field_in_each_language_and_changes_nothing(
    client, yamada, partnership, language, message
):
    _enrolled(yamada)
    client.force_login(yamada)
    before = _snapshot()
    response = client.post(
        _url("accounts:two_factor_verify", language=language), {"code": "000000"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    # Beside the field (Django's error list before the input), named in the summary.
    assert re.search(r'class="errorlist"[^>]*>.*' + re.escape(message), html, re.S)
    assert 'href="#id_code"' in html
    assert _snapshot() == before
    detail = client.get(_url("partnerships:detail", partnership.slug, language=language))
    assert detail.status_code == 302


def test_wrong_codes_are_throttled_even_the_right_code_waits(client, sari):
    device, _codes = _enrolled(sari)
    client.force_login(sari)
    verify = _url("accounts:two_factor_verify", language="en")
    client.post(verify, {"code": "111111"})
    response = client.post(verify, {"code": _code(device)})
    assert "Too many wrong codes. Wait" in response.content.decode()
    assert client.get(_url("accounts:profile")).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_a_recovery_code_works_once(client, admin_user):
    _device, codes = _enrolled(admin_user)
    verify = _url("accounts:two_factor_verify")
    profile = _url("accounts:profile")
    client.force_login(admin_user)
    response = client.post(verify, {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(profile).status_code == 200
    assert StaticToken.objects.filter(device__user=admin_user).count() == 9
    client.logout()

    client.force_login(admin_user)
    again = client.post(verify, {"code": codes[0]})
    assert again.status_code == 200 and b"errorlist" in again.content
    assert client.get(profile).status_code == 302


def test_new_recovery_codes_replace_the_old(client, sari):
    device, old = _enrolled(sari)
    client.force_login(sari)
    client.post(_url("accounts:two_factor_verify"), {"code": _code(device)})
    response = client.post(_url("accounts:two_factor_recovery_codes"))
    new = re.findall(rb"<li><code>([a-z2-7]{8})</code></li>", response.content)
    assert len(new) == 10
    left = set(StaticToken.objects.filter(device__user=sari).values_list("token", flat=True))
    assert left == {c.decode() for c in new} and not left & set(old)


def test_a_password_alone_does_not_move_the_authenticator(client, sari):
    device, _codes = _enrolled(sari)
    client.force_login(sari)
    response = client.get(_url("accounts:two_factor_setup"))
    assert response.status_code == 302
    assert response["Location"] == _url("accounts:two_factor_verify")
    assert list(TOTPDevice.objects.filter(user=sari)) == [device]


@pytest.mark.parametrize("persona", ["budi", "rina", "dewi", "observer"])
def test_other_roles_are_not_forced(client, persona, demo, partnership):
    user = demo.users[persona]
    client.force_login(user)
    response = client.get(_url("accounts:profile"))
    assert response.status_code == 200
    assert b'data-test="set-up-two-factor"' in response.content
    if persona in ("budi", "observer"):
        assert client.get(_url("partnerships:detail", partnership.slug)).status_code == 200


def test_another_role_may_turn_it_on_and_is_then_asked_for_a_code(client, budi):
    device, _codes = _enrolled(budi)
    client.force_login(budi)
    profile = _url("accounts:profile")
    assert client.get(profile).status_code == 302
    client.post(_url("accounts:two_factor_verify"), {"code": _code(device)})
    assert b'data-test="turn-off-two-factor"' in client.get(profile).content
    client.post(_url("accounts:two_factor_turn_off"))
    assert not TOTPDevice.objects.filter(user=budi).exists()
    assert not StaticDevice.objects.filter(user=budi).exists()


def test_a_required_role_cannot_turn_it_off(client, sari):
    device, _codes = _enrolled(sari)
    client.force_login(sari)
    client.post(_url("accounts:two_factor_verify"), {"code": _code(device)})
    client.post(_url("accounts:two_factor_turn_off"))
    assert TOTPDevice.objects.filter(user=sari, confirmed=True).exists()


def test_the_requirement_can_be_switched_off(client, settings, sari, partnership):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(sari)
    assert client.get(_url("partnerships:detail", partnership.slug)).status_code == 200


# The API: a token is a session of its own, so it needs the code as well.

TOKEN = "/api/auth/token/"


def test_an_api_token_for_a_privileged_account_needs_a_current_code(client, sari):
    credentials = {"username": "sari@batang.example", "password": PASSWORD}
    not_set_up = client.post(TOKEN, credentials)
    assert not_set_up.status_code == 403 and not_set_up.json()["code"] == "otp_setup_required"
    device, _codes = _enrolled(sari)
    missing = client.post(TOKEN, credentials)
    assert missing.status_code == 400 and missing.json()["code"] == "otp_required"
    assert not ApiToken.objects.filter(user=sari).exists()
    wrong = client.post(TOKEN, {**credentials, "otp": "123456"})
    assert wrong.status_code == 400 and wrong.json()["code"] == "otp_invalid"
    assert not ApiToken.objects.filter(user=sari).exists()
    device.refresh_from_db()
    device.throttle_reset()
    issued = client.post(TOKEN, {**credentials, "otp": _code(device)})
    assert issued.status_code == 200, issued.content
    key = issued.json()["token"]
    # The token opens the API on its own (no code per request).
    response = client.get("/api/partnerships/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200


def test_an_api_token_for_a_non_privileged_account_needs_no_code(client, budi):
    response = client.post(TOKEN, {"username": "budi@batang.example", "password": PASSWORD})
    assert response.status_code == 200


def test_deploy_check_warns_when_the_requirement_is_off(settings):
    from sistercity.accounts.checks import two_factor_required

    assert two_factor_required(None) == []
    settings.TWO_FACTOR_REQUIRED = False
    assert [w.id for w in two_factor_required(None)] == ["sistercity.W001"]


def test_a_wrong_code_at_set_up_confirms_nothing_and_issues_no_recovery_codes(client, sari):
    client.force_login(sari)
    setup = _url("accounts:two_factor_setup", language="en")
    client.get(setup)
    before = _snapshot()
    response = client.post(setup, {"code": "12345"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert b"recovery-codes" not in response.content
    assert _snapshot() == before
    assert not StaticDevice.objects.filter(user=sari).exists()


def test_an_unverified_platform_admin_does_not_reach_the_admin_site(client, admin_user):
    _enrolled(admin_user)
    client.force_login(admin_user)
    response = client.get(_url("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(_url("accounts:two_factor_verify"))
