"""The emergency API: the same rules as the pages, refusals as {"detail", "code"}."""

import pytest

from sistercity.emergency.models import CoverageScenario, Incident, VehicleGrant
from sistercity.testing import db_snapshot, pdf_upload

ENDPOINTS = [
    "/api/fire-posts/",
    "/api/fire-vehicles/",
    "/api/vehicle-grants/",
    "/api/coverage-scenarios/",
    "/api/fire-incidents/",
    "/api/fire-villages/",
    "/api/firefighters/",
    "/api/fire-training-courses/",
    "/api/fire-equipment/",
]


def _rows(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) and "results" in data else data


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer", "agus"])
def test_members_list_every_endpoint(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in ENDPOINTS:
        response = client.get(url + "?partnership=batang-toyama")
        assert response.status_code == 200, url
        assert _rows(response), url


def test_outsiders_see_nothing_and_get_404(client_for, otto, partnership):
    client = client_for(otto)
    for url in ENDPOINTS:
        assert _rows(client.get(url)) == [], url
    grant = VehicleGrant.objects.filter(vehicle__partnership=partnership).first()
    assert client.get(f"/api/vehicle-grants/{grant.pk}/").status_code == 404
    assert client.post(f"/api/vehicle-grants/{grant.pk}/advance/").status_code == 404


def test_advance_by_api_is_refused_until_the_customs_document_is_attached(client_for, sari):
    client = client_for(sari)
    grant = VehicleGrant.objects.get(vehicle__code="TYM-01")
    before = db_snapshot()
    refused = client.post(f"/api/vehicle-grants/{grant.pk}/advance/", HTTP_ACCEPT_LANGUAGE="ja")
    assert refused.status_code == 400
    assert refused.json()["code"] == "requirements_missing"
    assert db_snapshot() == before
    attached = client.post(
        f"/api/vehicle-grants/{grant.pk}/documents/",
        {"kind": "customs_facility", "file": pdf_upload(), "reference": "KEP-9"},
    )
    assert attached.status_code == 201
    moved = client.post(
        f"/api/vehicle-grants/{grant.pk}/advance/",
        {"to_step": "shipment"},
        content_type="application/json",
    )
    assert moved.status_code == 200, moved.json()
    assert moved.json()["current_step"] == "shipment"


def test_observer_gets_403_on_writes(client_for, observer):
    grant = VehicleGrant.objects.get(vehicle__code="TYM-01")
    client = client_for(observer)
    assert client.post(f"/api/vehicle-grants/{grant.pk}/advance/").status_code == 403
    response = client.post(
        "/api/coverage-scenarios/",
        {"partnership": "batang-toyama", "name": "x", "model": "mclp", "posts": 3},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_a_scenario_runs_by_api(client_for, agus):
    response = client_for(agus).post(
        "/api/coverage-scenarios/",
        {"partnership": "batang-toyama", "name": "api", "model": "p_median", "posts": 3},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert CoverageScenario.objects.get(name="api").results["optimal"] is True


def test_an_incident_arriving_before_the_call_is_refused(client_for, agus):
    before = db_snapshot()
    response = client_for(agus).post(
        "/api/fire-incidents/",
        {
            "partnership": "batang-toyama",
            "kind": "building_fire",
            "kecamatan": "Subah",
            "called_at": "2026-11-02T10:00:00+07:00",
            "arrived_at": "2026-11-02T09:50:00+07:00",
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "time_order"
    assert "kedatangan" in response.json()["detail"]
    assert db_snapshot() == before


def test_an_incident_is_recorded_with_its_response_time(client_for, agus):
    response = client_for(agus).post(
        "/api/fire-incidents/",
        {
            "partnership": "batang-toyama",
            "kind": "land_fire",
            "kecamatan": "Blado",
            "called_at": "2026-11-02T10:00:00+07:00",
            "dispatched_at": "2026-11-02T10:02:00+07:00",
            "arrived_at": "2026-11-02T10:19:00+07:00",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["response_minutes"] == 19.0
    assert Incident.objects.filter(kecamatan="Blado", kind="land_fire").exists()


def test_villages_are_imported_through_the_api_all_or_nothing(client_for, agus, observer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sistercity.emergency.models import Village

    def upload(body: str):
        return SimpleUploadedFile("villages.csv", body.encode(), "text/csv")

    header = "code,name,kecamatan,population,latitude,longitude\n"
    client = client_for(agus)
    before = db_snapshot()
    refused = client.post(
        "/api/fire-villages/import/",
        {"partnership": "batang-toyama", "file": upload(header + "a,A,,-1,-7,109\n")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_rows"
    assert "row 2, “population”" in refused.json()["detail"]
    assert db_snapshot() == before
    done = client.post(
        "/api/fire-villages/import/",
        {
            "partnership": "batang-toyama",
            "file": upload(header + "api-1,Desa API,Bandar,50,-7,109.8\n"),
        },
    )
    assert done.status_code == 201 and done.json() == {"imported": 1}
    assert Village.objects.get(code="api-1").population == 50
    forbidden = client_for(observer).post(
        "/api/fire-villages/import/",
        {"partnership": "batang-toyama", "file": upload(header + "api-2,B,,5,-7,109\n")},
    )
    assert forbidden.status_code == 403


def test_the_crews_courses_and_equipment_are_read_as_on_the_crews_and_fleet_tabs(
    client_for, agus, partnership
):
    from sistercity.emergency.models import EquipmentItem, Firefighter, TrainingCourse

    client = client_for(agus)
    people = _rows(client.get("/api/firefighters/?partnership=batang-toyama"))
    assert {p["full_name"] for p in people} == set(
        Firefighter.objects.filter(partnership=partnership).values_list("full_name", flat=True)
    )
    qualified = next(p for p in people if p["qualifications"])
    assert {"vehicle_kind", "expires_on"} <= set(qualified["qualifications"][0])
    courses = _rows(client.get("/api/fire-training-courses/?partnership=batang-toyama"))
    assert len(courses) == TrainingCourse.objects.filter(partnership=partnership).count()
    assert all(c["title"] for c in courses)
    items = _rows(client.get("/api/fire-equipment/?partnership=batang-toyama"))
    assert len(items) == EquipmentItem.objects.filter(post__partnership=partnership).count()
    # Not for an anonymous caller.
    client.logout()
    assert client.get("/api/firefighters/").status_code in (401, 403)
