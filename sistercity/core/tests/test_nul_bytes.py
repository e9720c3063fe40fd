"""A NUL character anywhere a request carries text gets a clear, translated 400 and changes
nothing (issue 10, finding 5). PostgreSQL raised a server error on it; SQLite would take it, so
these tests prove the refusal itself, which is the same on both."""

import copy
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from sistercity.core.errors import SisterCityError
from sistercity.environment import services as waste
from sistercity.environment.demo import TOYAMA_STYLE
from sistercity.environment.models import WasteScenario
from sistercity.programs import services as programmes
from sistercity.programs.models import Indicator
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db

MESSAGE = "contains a NUL character"
MESSAGE_ID = "memuat karakter NUL"  # pages without a language prefix answer in the default one
SNAPSHOT = ("environment", "programs", "auditlog")


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


@pytest.mark.parametrize("query", ["?q=a%00b", "?q%00=x", "?q=ok&q=a%00"])
def test_search_with_nul_is_refused_for_anyone(demo, client, query):
    response = client.get("/en/search/" + query)
    assert response.status_code == 400
    page = response.content.decode()
    assert MESSAGE in page and '<html lang="en">' in page


def test_api_filters_with_nul_are_refused(demo, api, sari):
    for url in (
        "/api/partnerships/?partnership=%00",
        "/api/exchange/applications/?call=%00",
        "/api/waste-scenarios/?partnership=%00",
    ):
        response = api(sari).get(url)
        assert response.status_code == 400, url
        assert response.json()["code"] == "nul_character"
        assert MESSAGE_ID in response.json()["detail"]


def test_scenario_json_with_nul_changes_nothing(demo, api, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    inputs = copy.deepcopy(TOYAMA_STYLE)
    inputs["note\x00"] = "x"
    before = db_snapshot(*SNAPSHOT)
    response = api(budi).patch(
        reverse("api:waste-scenario-detail", args=[scenario.pk]),
        {"inputs": inputs},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "nul_character"
    with pytest.raises(SisterCityError) as refused:
        waste.scenario_update(actor=budi, scenario=scenario, inputs=inputs)
    assert refused.value.code == "nul_character"
    assert db_snapshot(*SNAPSHOT) == before


def test_disaggregation_key_with_nul_changes_nothing(demo, budi):
    indicator = Indicator.objects.get(code="households-sorting")
    period = indicator.periods.order_by("start").first()
    dimension = indicator.disaggregations[0]
    before = db_snapshot(*SNAPSHOT)
    with pytest.raises(SisterCityError) as refused:
        programmes.update_create(
            actor=budi, period=period, value=5, disaggregation={dimension: {"a\x00b": 5}}
        )
    assert refused.value.code == "nul_character"
    assert db_snapshot(*SNAPSHOT) == before


def test_form_field_with_nul_is_refused(demo, client, budi):
    client.force_login(budi)
    before = db_snapshot(*SNAPSHOT)
    url = reverse("environment:scenario_new", args=[demo.partnership.slug])
    response = client.post(
        url, urlencode({"code": "nul", "name": "a\x00b"}), "application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert MESSAGE_ID in response.content.decode()
    assert db_snapshot(*SNAPSHOT) == before
