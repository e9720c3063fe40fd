"""The culture API: same rows and rules as the pages; registrants for organisers only."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_members_list_the_events(budi, partnership):
    rows = api(budi).get("/api/culture-events/?partnership=batang-toyama").json()["results"]
    assert len(rows) == partnership.culture_events.count()
    assert {"uid", "starts_at", "time_zone", "status", "translations"} <= set(rows[0])


@pytest.mark.parametrize(("who", "count"), [("sari", 5), ("ayu", 5), ("observer", 0), ("budi", 0)])
def test_registrants_are_listed_to_organisers_only(who, count, request, demo):
    rows = api(request.getfixturevalue(who)).get("/api/culture-registrations/").json()
    assert rows["count"] == count


def test_outsiders_see_nothing_and_get_404(otto, batik):
    client = api(otto)
    assert client.get("/api/culture-events/").json()["count"] == 0
    assert client.get(f"/api/culture-events/{batik.pk}/").status_code == 404
    assert (
        client.post(f"/api/culture-events/{batik.pk}/status/", {"status": "cancelled"}).status_code
        == 404
    )


def test_an_organiser_cancels_and_an_observer_may_not(sari, observer, batik):
    response = api(observer).post(
        f"/api/culture-events/{batik.pk}/status/", {"status": "cancelled"}
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    response = api(sari).post(f"/api/culture-events/{batik.pk}/status/", {"status": "cancelled"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert response.json()["sequence"] == 1


def test_destinations_and_figures(budi):
    assert api(budi).get("/api/culture-destinations/").json()["count"] == 10
    assert api(budi).get("/api/culture-visitor-figures/").json()["count"] == 12


def test_an_organiser_records_a_visitor_figure_and_bad_input_saves_nothing(ayu, observer, demo):
    from sistercity.testing import db_snapshot

    payload = {
        "partnership": "batang-toyama",
        "city": "batang",
        "month": "2026-11-01",
        "origin": "japan",
        "visitors": 57,
        "source": "Disparpora",
    }
    assert api(observer).post("/api/culture-visitor-figures/", payload).status_code == 403
    before = db_snapshot("culture")
    bad = api(ayu).post("/api/culture-visitor-figures/", {**payload, "visitors": -1})
    assert bad.status_code == 400 and bad.json()["code"] == "visitors"
    unknown = api(ayu).post("/api/culture-visitor-figures/", {**payload, "city": "kendal"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "city"
    assert db_snapshot("culture") == before
    created = api(ayu).post("/api/culture-visitor-figures/", payload)
    assert created.status_code == 201 and created.json()["visitors"] == 57


def test_exchanges_are_listed_to_members_with_their_events_and_meeting(budi, otto, demo):
    rows = api(budi).get("/api/culture-exchanges/?partnership=batang-toyama").json()["results"]
    assert [r["slug"] for r in rows] == ["sanggar-tari-batang-ke-toyama"]
    assert rows[0]["events"] == ["lentera-kanal-toyama"] and rows[0]["meeting"]
    assert rows[0]["from_city"] == "batang" and rows[0]["participants"] == 14
    assert api(otto).get("/api/culture-exchanges/").json()["count"] == 0
    assert api(otto).get(f"/api/culture-exchanges/{rows[0]['id']}/").status_code == 404


def test_destination_photos_carry_their_credit_and_licence(sari, budi, demo):
    from sistercity.culture import services
    from sistercity.culture.models import Destination
    from sistercity.testing import png_upload

    museum = Destination.objects.get(slug="museum-kaca-toyama")
    services.destination_add_photo(
        actor=sari,
        destination=museum,
        language="en",
        image=png_upload(),
        alt_text="The glass hall",
        credit="Toyama City",
        licence="CC BY 4.0",
    )
    row = api(budi).get(f"/api/culture-destinations/{museum.pk}/").json()
    (photo,) = row["photos"]
    assert photo["credit"] == "Toyama City" and photo["licence"] == "CC BY 4.0"
    assert photo["url"].endswith(f"/destinations/museum-kaca-toyama/photos/{photo['id']}")
    assert photo["translations"]["en"]["alt_text"] == "The glass hall"


def test_the_openapi_schema_documents_the_culture_endpoints(client, demo):
    schema = client.get("/api/schema/").content.decode()
    for path in (
        "/api/culture-exchanges/",
        "/api/culture-destinations/",
        "/api/culture-visitor-figures/",
    ):
        assert path in schema
    assert "CultureDestinationPhoto" in schema
