"""The irrigation API: the same services, permissions and messages as the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sistercity.irrigation.models import ClimateStation, RotationGroup, Scheme
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


def sambong():
    return Scheme.objects.get(code="di-sambong")


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer"])
def test_members_list_schemes_and_read_the_demand(demo, api, persona):
    client = api(demo.users[persona])
    listed = client.get(reverse("api:irrigation-scheme-list"), {"partnership": "batang-toyama"})
    codes = {s["code"] for s in listed.json()["results"]}
    assert {"di-sambong", "di-kupang", "di-lojahan", "di-kramat"} <= codes
    demand = client.get(reverse("api:irrigation-scheme-demand", args=[sambong().pk])).json()
    assert demand["deficit_half_months"] == [10]
    assert len(demand["half_months"]) == 24


def test_the_planner_moves_a_group_through_the_api(demo, api, wahyu):
    group = sambong().groups.get(code="III")
    response = api(wahyu).patch(
        reverse("api:irrigation-group-detail", args=[group.pk]),
        {"shift_half_months": 3},
        content_type="application/json",
    )
    assert response.status_code == 200
    demand = api(wahyu).get(reverse("api:irrigation-scheme-demand", args=[sambong().pk]))
    assert demand.json()["deficit_half_months"] == []


def test_the_observer_gets_403_and_nothing_changes(demo, api, observer):
    group = sambong().groups.get(code="III")
    before = db_snapshot("irrigation")
    response = api(observer).patch(
        reverse("api:irrigation-group-detail", args=[group.pk]),
        {"shift_half_months": 3},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert db_snapshot("irrigation") == before
    assert RotationGroup.objects.get(pk=group.pk).shift_half_months == 2


def test_outsiders_see_nothing(demo, api, otto):
    client = api(otto)
    assert client.get(reverse("api:irrigation-scheme-list")).json()["results"] == []
    assert (
        client.get(reverse("api:irrigation-scheme-demand", args=[sambong().pk])).status_code == 404
    )


def test_a_bad_import_is_refused_with_its_message(demo, api, wahyu):
    station = ClimateStation.objects.get(code="ILU-BTG01")
    before = db_snapshot("irrigation")
    response = api(wahyu).post(
        reverse("api:climate-station-import-bmkg", args=[station.pk]),
        {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "nothing was saved" in response.json()["detail"]
    assert db_snapshot("irrigation") == before


IKSI = {
    "assessed_on": "2026-06-30",
    "physical": "80",
    "productivity": "75",
    "facilities": "70",
    "personnel": "65",
    "documentation": "60",
    "wua": "70",
    "source": "Penilaian DPUPR 2026",
}


def test_the_planner_records_an_iksi_assessment_through_the_api(demo, api, wahyu):
    response = api(wahyu).post(
        reverse("api:irrigation-scheme-assessments", args=[sambong().pk]),
        IKSI,
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    # 0.45·80 + 0.15·75 + 0.10·70 + 0.15·65 + 0.05·60 + 0.10·70
    assert response.json()["index"] == "74.00"
    assert str(sambong().latest_assessment().index) == "74.00"
    listed = api(wahyu).get(reverse("api:irrigation-scheme-detail", args=[sambong().pk])).json()
    assert "74.00" in {a["index"] for a in listed["assessments"]}


def test_an_iksi_score_over_100_is_refused_by_the_api_naming_the_component(demo, api, wahyu):
    before = db_snapshot("irrigation", "auditlog")
    response = api(wahyu).post(
        reverse("api:irrigation-scheme-assessments", args=[sambong().pk]),
        {**IKSI, "physical": "120"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "physical" in response.json()
    assert db_snapshot("irrigation", "auditlog") == before


@pytest.mark.parametrize("persona", ["observer", "budi"])
def test_members_without_the_right_get_403_for_iksi(demo, api, persona):
    before = db_snapshot("irrigation")
    response = api(demo.users[persona]).post(
        reverse("api:irrigation-scheme-assessments", args=[sambong().pk]),
        IKSI,
        content_type="application/json",
    )
    assert response.status_code == 403
    assert db_snapshot("irrigation") == before


def test_outsiders_get_404_for_iksi(demo, api, otto):
    before = db_snapshot("irrigation")
    response = api(otto).post(
        reverse("api:irrigation-scheme-assessments", args=[sambong().pk]),
        IKSI,
        content_type="application/json",
    )
    assert response.status_code == 404
    assert db_snapshot("irrigation") == before
