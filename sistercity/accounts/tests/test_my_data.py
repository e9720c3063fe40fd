"""An applicant downloads everything the platform holds about them as one JSON file: the
account, their applications with their answers and files (from the exchange app), the event
registrations made with their address (from the culture app) — and nobody else's data, and no
secrets."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.accounts import tokens
from sistercity.culture.models import Event
from sistercity.culture.services.registrations import registration_submit
from sistercity.exchange.demo import CALL_SLUG
from sistercity.exchange.models import Application, Call
from sistercity.exchange.tests.conftest import submitted

pytestmark = pytest.mark.django_db


def _download(client, user):
    client.force_login(user)
    with translation.override("en"):
        response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_an_applicant_gets_her_own_records_from_every_app(demo, client):
    dewi = demo.users["dewi"]
    submitted(Call.objects.get(slug=CALL_SLUG), dewi)  # answers, preferences and a CV
    token, secret = tokens.api_token_issue(actor=dewi, name="my script")
    registration_submit(
        event=Event.objects.get(slug="lokakarya-batik-rifaiyah"),
        full_name="Dewi Lestari",
        email=dewi.email.upper(),  # addresses match whatever their case
        people=2,
        language="id",
    )
    data = _download(client, dewi)

    assert data["account"]["email"] == dewi.email
    mine = Application.objects.filter(applicant=dewi)
    assert mine.exists()
    exported = data["exchange"]["applications"]
    assert {a["reference"] for a in exported} == {str(a.reference) for a in mine}
    first = mine.order_by("created_at").first()
    assert exported[0]["answers"] == first.answers
    assert [f["name"] for f in exported[0]["files"]] == [
        f.original_name for f in first.files.order_by("pk")
    ]
    assert data["culture"]["event_registrations"][0]["people"] == 2
    assert data["api_tokens"] == [
        {
            "name": "my script",
            "created_at": token.created.isoformat(),
            "expires_at": token.expiry.isoformat(),
        }
    ]
    text = json.dumps(data)
    assert secret not in text and token.digest not in text and dewi.password not in text


def test_nobody_else_is_in_it(demo, client):
    """Sari runs the partnership and sees applications at work; her own download holds only
    her account: no applicant's records."""
    data = _download(client, demo.users["sari"])
    assert "exchange" not in data and "culture" not in data
    assert data["account"]["email"] == "sari@batang.example"
    submitted(Call.objects.get(slug=CALL_SLUG), demo.users["dewi"])
    others = {str(a.reference) for a in Application.objects.all()}
    assert others and not any(reference in json.dumps(data) for reference in others)


def test_it_needs_a_signed_in_person(client):
    with translation.override("en"):
        url = reverse("accounts:my_data")
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_settings_page_links_to_it(demo, client):
    client.force_login(demo.users["dewi"])
    for language, words in (("id", "Unduh data saya"), ("ja", "自分のデータをダウンロード")):
        with translation.override(language):
            page = client.get(reverse("accounts:profile")).content.decode()
            assert reverse("accounts:my_data") in page
        assert words in page
