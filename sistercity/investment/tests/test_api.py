"""The investment API: the same services, permissions and messages as the pages; documented
in the OpenAPI schema."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from sistercity.investment.models import Realisation
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token, _ = Token.objects.get_or_create(user=user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
        return client

    return as_user


def lead_url(lead, suffix="detail"):
    return reverse(f"api:investment-lead-{suffix}", args=[lead.reference])


@pytest.mark.parametrize(
    "persona, titles",
    [
        ("andi", 4),  # owner of the confidential lead
        ("sari", 4),  # the secretariat
        ("yamada", 3),  # partner officer: not the confidential one
        ("budi", 0),  # DLH officer: not a pipeline person
        ("observer", 0),  # observers read totals, not dossiers
        ("tanaka", 2),  # the company's contact: her company's two leads
    ],
)
def test_who_lists_which_leads(demo, api, persona, titles):
    response = api(demo.users[persona]).get(
        reverse("api:investment-lead-list"), {"partnership": "batang-toyama"}
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == titles


def test_the_contact_sees_her_companys_leads_only(api, tanaka, leads):
    client = api(tanaka)
    assert client.get(lead_url(leads["seiki"])).status_code == 200
    assert client.get(lead_url(leads["resin"])).status_code == 404


def test_outsider_gets_404(api, otto, leads):
    client = api(otto)
    assert client.get(lead_url(leads["seiki"])).status_code == 404
    assert (
        client.post(lead_url(leads["pharma"], "advance"), {"stage": "letter_of_intent"}).status_code
        == 404
    )


def test_advance_is_refused_with_what_is_missing_and_nothing_saved(api, andi, leads):
    before = db_snapshot("investment", "auditlog")
    response = api(andi).post(
        lead_url(leads["pharma"], "advance"),
        {"stage": "letter_of_intent"},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "missing_evidence"
    assert db_snapshot("investment", "auditlog") == before


def test_a_quarter_is_recorded_through_the_api(api, andi, leads):
    payload = {
        "year": 2026,
        "quarter": 3,
        "currency": "USD",
        "land": "0",
        "building": "0",
        "machinery": "250000",
        "other_fixed": "0",
        "working_capital": "50000",
        "local_men": 4,
        "local_women": 6,
        "local_total": 10,
        "expatriates": 1,
    }
    client = api(andi)
    bad = client.post(lead_url(leads["resin"], "realisations"), {**payload, "local_total": 11})
    assert bad.status_code == 400 and bad.json()["code"] == "jobs_total"
    response = client.post(lead_url(leads["resin"], "realisations"), payload)
    assert response.status_code == 201
    assert response.json()["total"] == "300000.00"
    assert Realisation.objects.filter(lead=leads["resin"]).count() == 1


def test_opportunities_and_incentives_are_listed(api, yamada):
    client = api(yamada)
    plots = client.get(reverse("api:investment-opportunity-list"), {"partnership": "batang-toyama"})
    assert len(plots.json()["results"]) == 4
    incentives = client.get(reverse("api:investment-incentive-list")).json()["results"]
    assert {i["code"]: i["verified"] for i in incentives}["kek-facilities"] is True


def test_the_schema_documents_the_investment_endpoints(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/investment-leads/{reference}/advance/" in schema
    assert "/api/investment-leads/{reference}/realisations/" in schema


def test_a_confidential_read_through_the_api_is_logged(api, sari, leads):
    from auditlog.models import LogEntry

    secret = leads["confidential"]
    reads = LogEntry.objects.filter(object_pk=str(secret.pk), action=LogEntry.Action.ACCESS)
    before = reads.count()
    assert api(sari).get(lead_url(secret)).status_code == 200
    assert reads.count() == before + 1
