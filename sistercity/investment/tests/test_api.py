"""The investment API: the same services, permissions and messages as the pages; documented
in the OpenAPI schema."""

import pytest
from django.urls import reverse

from sistercity.investment.models import Realisation
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
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


def _new_lead(**changes):
    return {
        "partnership": "batang-toyama",
        "title": "Pabrik baterai (API)",
        "owner": "andi@batang.example",
        "source": "introduction",
        "opportunity": "kitb-c1-a07",
        "expected_investment": "800000000",
        "currency": "JPY",
        "probability": 20,
        **changes,
    }


def test_a_lead_is_added_and_planned_through_the_api(api, andi, leads):
    from sistercity.investment.models import Lead

    company = leads["resin"].company
    client = api(andi)
    response = client.post(
        reverse("api:investment-lead-list"), _new_lead(company=company.pk), format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    lead = Lead.objects.get(reference=body["reference"])
    assert (lead.company, lead.opportunity.code, lead.created_by) == (company, "kitb-c1-a07", andi)
    assert body["stage"] == "identified"
    planned = client.post(
        lead_url(lead, "plan"),
        {
            "owner": "andi@batang.example",
            "probability": 35,
            "next_step": "Kirim profil KEK",
            "next_step_due": "2026-12-15",
            "currency": "JPY",
            "expected_investment": "900000000",
        },
        format="json",
    )
    assert planned.status_code == 200 and planned.json()["probability"] == 35
    moved = client.post(lead_url(lead, "advance"), {"stage": "contacted"}, format="json")
    assert moved.status_code == 200 and moved.json()["stage"] == "contacted"


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"expected_investment": "-1"}, "negative_amount"),
        ({"expected_investment": "20000000000000"}, "absurd_amount"),
        ({"owner": "budi@batang.example"}, "owner"),
        ({"owner": "nobody@example.org"}, "owner"),
        ({"opportunity": "no-such-plot"}, "opportunity"),
        ({"company": 999999}, "company"),
    ],
)
def test_a_bad_lead_is_refused_in_words_and_nothing_saved(api, andi, changes, code):
    before = db_snapshot("investment", "auditlog")
    response = api(andi).post(
        reverse("api:investment-lead-list"),
        _new_lead(**changes),
        format="json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["detail"]
    assert db_snapshot("investment", "auditlog") == before


@pytest.mark.parametrize("persona, status", [("budi", 403), ("observer", 403), ("otto", 404)])
def test_only_the_pipeline_adds_leads(api, demo, otto, leads, persona, status):
    user = otto if persona == "otto" else demo.users[persona]
    before = db_snapshot("investment", "auditlog")
    client = api(user)
    assert (
        client.post(reverse("api:investment-lead-list"), _new_lead(), format="json").status_code
        == status
    )
    plan = client.post(
        lead_url(leads["resin"], "plan"), {"owner": "andi@batang.example"}, format="json"
    )
    assert plan.status_code == 404  # they do not see the dossier
    assert db_snapshot("investment", "auditlog") == before


def test_the_contact_reads_but_cannot_plan_her_own_lead(api, tanaka, leads):
    client = api(tanaka)
    assert client.get(lead_url(leads["seiki"])).status_code == 200
    before = db_snapshot("investment", "auditlog")
    response = client.post(
        lead_url(leads["seiki"], "plan"), {"owner": "andi@batang.example"}, format="json"
    )
    # She is no member of the partnership: changing is as closed to her as its pages.
    assert response.status_code == 404
    assert db_snapshot("investment", "auditlog") == before


def test_a_confidential_lead_added_through_the_api_stays_out_of_public_data(
    api, client, andi, sari, partnership
):
    import io
    import zipfile

    response = api(andi).post(
        reverse("api:investment-lead-list"),
        _new_lead(title="Proyek sangat rahasia API", confidential=True),
        format="json",
    )
    assert response.status_code == 201
    reference = response.json()["reference"]
    assert (
        api(demo_user(partnership, "yamada"))
        .get(reverse("api:investment-lead-detail", args=[reference]))
        .status_code
        == 404
    )
    client.defaults.pop("HTTP_AUTHORIZATION", None)
    for page in (f"/id/p/{partnership.slug}/", f"/en/investment/{partnership.slug}/prospectus/"):
        assert "sangat rahasia" not in client.get(page).content.decode()
    data = client.get(reverse("programs:open_data", args=[partnership.slug]))
    body = b"".join(data.streaming_content) if data.streaming else data.content
    archive = zipfile.ZipFile(io.BytesIO(body))
    for name in archive.namelist():
        assert "sangat rahasia" not in archive.read(name).decode("utf-8-sig"), name
    client.force_login(sari)
    iati = client.get(reverse("programs:export_iati", args=[partnership.slug]))
    xml = b"".join(iati.streaming_content) if iati.streaming else iati.content
    assert (
        iati.status_code == 200 and b"sangat rahasia" not in xml and reference.encode() not in xml
    )


def demo_user(partnership, key):
    from sistercity.accounts.models import User

    return User.objects.get(email=f"{key}@toyama.example")


def test_the_schema_documents_lead_creation(client):
    schema = client.get("/api/schema/").content.decode()
    assert "LeadCreate" in schema and "/api/investment-leads/{reference}/plan/" in schema
