"""The waste API: same services, same permissions and messages as the pages."""

import copy

import pytest
from django.urls import reverse

from sistercity.environment import results, selectors
from sistercity.environment.demo import TOYAMA_STYLE
from sistercity.environment.models import WasteScenario
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


def scenario_url(scenario, suffix="detail"):
    return reverse(f"api:waste-scenario-{suffix}", args=[scenario.pk])


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer"])
def test_members_list_scenarios_and_read_results(demo, api, persona):
    client = api(demo.users[persona])
    listed = client.get(reverse("api:waste-scenario-list"), {"partnership": "batang-toyama"})
    assert [s["code"] for s in listed.json()["results"]] == ["open-dump-today", "toyama-style"]
    scenario = WasteScenario.objects.get(code="open-dump-today")
    data = client.get(scenario_url(scenario, "results")).json()
    assert data["landfill"]["year_full"] == 2027
    assert data["summary"]["year_full"] == 2027
    assert len(data["years"]) == 20


def test_outsider_sees_nothing_and_gets_404(demo, api, otto):
    client = api(otto)
    assert client.get(reverse("api:waste-scenario-list")).json()["results"] == []
    assert client.get(reverse("api:waste-figure-list")).json()["results"] == []
    scenario = WasteScenario.objects.get(code="toyama-style")
    assert client.get(scenario_url(scenario)).status_code == 404
    assert client.get(scenario_url(scenario, "results")).status_code == 404
    response = client.patch(scenario_url(scenario), {"name": "x"}, content_type="application/json")
    assert response.status_code == 404


def test_monte_carlo_bands(demo, api, observer):
    scenario = WasteScenario.objects.get(code="toyama-style")
    data = api(observer).get(scenario_url(scenario, "monte-carlo"), {"draws": 500}).json()
    band = data["bands"]["landfill_ch4_emitted_t"]
    assert data["draws"] == 500 and len(band["p5"]) == 20
    assert all(
        lo <= mid <= hi for lo, mid, hi in zip(band["p5"], band["p50"], band["p95"], strict=True)
    )
    refused = api(observer).get(scenario_url(scenario, "monte-carlo"), {"draws": 10**7})
    assert refused.status_code == 400 and refused.json()["code"] == "draws"


def test_planner_creates_and_patches_a_scenario(demo, api, budi):
    client = api(budi)
    inputs = copy.deepcopy(TOYAMA_STYLE)
    response = client.post(
        reverse("api:waste-scenario-list"),
        {
            "partnership": "batang-toyama",
            "municipality": "batang",
            "code": "api-plan",
            "name": "Rencana lewat API",
            "inputs": inputs,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    created = WasteScenario.objects.get(code="api-plan")
    inputs["source_separation_rate"] = [0.4 + 0.01 * i for i in range(20)]
    response = client.patch(
        scenario_url(created), {"inputs": inputs}, content_type="application/json"
    )
    assert response.status_code == 200
    created.refresh_from_db()
    assert created.inputs["source_separation_rate"][0] == 0.4


def test_bad_inputs_through_the_api_change_nothing(demo, api, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    inputs = copy.deepcopy(TOYAMA_STYLE)
    inputs["horizon_years"] = 150
    before = db_snapshot("environment", "auditlog")
    response = api(budi).patch(
        scenario_url(scenario), {"inputs": inputs}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "horizon_too_long"
    assert "150" in response.json()["detail"]
    assert db_snapshot("environment", "auditlog") == before


def test_observer_may_not_change_through_the_api(demo, api, observer):
    scenario = WasteScenario.objects.get(code="toyama-style")
    response = api(observer).patch(
        scenario_url(scenario), {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert api(observer).delete(scenario_url(scenario)).status_code == 403


def test_figures_api_refuses_negative_tonnage(demo, api, budi):
    source = demo.partnership.waste_sources.first()
    before = db_snapshot("environment")
    response = api(budi).post(
        reverse("api:waste-figure-list"),
        {
            "partnership": "batang-toyama",
            "municipality": "batang",
            "year": 2025,
            "metric": "generation_t_day",
            "value": "-3",
            "source": source.pk,
            "as_of": "2025-06-30",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "negative_tonnage"
    assert db_snapshot("environment") == before


def test_planned_values_for_a_programme_indicator(demo, observer):
    planned = selectors.planned_indicator_values(
        user=observer, indicator_code="landfill-diversion-rate"
    )
    assert [p["scenario"].code for p in planned] == ["open-dump-today", "toyama-style"]
    toyama = planned[1]
    report = results.build(toyama["scenario"], with_charts=False)
    assert toyama["series"] == "diversion_pct"
    assert toyama["values"][2026] == pytest.approx(report.rows[0]["diversion_pct"])
    assert toyama["values"][2045] > toyama["values"][2026]
    assert selectors.planned_indicator_values(user=observer, indicator_code="nothing") == []
