"""Forms that help, on the culture pages: a refused form is shown again (status 400) with the
error beside the field it concerns (the input points at it with ``aria-describedby``), a
summary at the top linking to the field, what was typed kept, and nothing saved."""

import lxml.html
import pytest

from sistercity.testing import db_snapshot, exe_as_pdf

pytestmark = pytest.mark.django_db

BASE = "/en/culture/batang-toyama"


def assert_refused_at(response, field_id, text):
    """400; ``text`` in the error list of the field and in the summary's link to it; no
    banner far from the field."""
    assert response.status_code == 400
    tree = lxml.html.fromstring(response.content)
    errors = tree.get_element_by_id(f"{field_id}_error")
    assert text in errors.text_content()
    assert f"{field_id}_error" in tree.get_element_by_id(field_id).get("aria-describedby", "")
    summary = tree.get_element_by_id("error-summary")
    link = summary.xpath(f'.//a[@href="#{field_id}"]')
    assert link and text in link[0].text_content()
    assert not tree.xpath('//ul[@class="messages"]')
    return tree


@pytest.fixture
def event_data(demo):
    return {
        "slug": "tari-salah",
        "title": "Kuda Lumping typed once",
        "kind": "arts",
        "city": demo.batang.pk,
        "organiser": demo.batang.pk,
        "pillar": demo.partnership.pillars.get(code="culture").pk,
        "time_zone": "Asia/Jakarta",
        "starts_at": "2027-05-01T10:00",
        "ends_at": "2027-05-01T09:00",
        "venue": "Alun-alun",
    }


def test_an_event_that_ends_before_it_starts_is_marked_at_the_end(client_for, ayu, event_data):
    before = db_snapshot("culture")
    response = client_for(ayu).post(f"{BASE}/manage/new/", event_data)
    tree = assert_refused_at(response, "id_ends_at", "The event must end after it starts.")
    assert tree.get_element_by_id("id_title").get("value") == "Kuda Lumping typed once"
    assert db_snapshot("culture") == before


def test_a_capacity_below_the_places_taken_is_marked_at_the_capacity(client_for, ayu, batik):
    data = {
        "slug": batik.slug,
        "title": "Batik typed again",
        "kind": batik.kind,
        "city": batik.city_id,
        "organiser": batik.organiser_id,
        "pillar": batik.pillar_id,
        "time_zone": batik.time_zone,
        "starts_at": "2027-05-01T10:00",
        "ends_at": "2027-05-01T12:00",
        "venue": "Omah Batik",
        "capacity": "2",
        "registration_open": "on",
    }
    before = db_snapshot("culture")
    response = client_for(ayu).post(f"{BASE}/manage/{batik.slug}/", data)
    tree = assert_refused_at(response, "id_capacity", "3 places are already taken")
    assert tree.get_element_by_id("id_title").get("value") == "Batik typed again"
    assert db_snapshot("culture") == before


def test_a_negative_attendance_is_marked_at_the_attendance(client_for, ayu, batik):
    before = db_snapshot("culture")
    response = client_for(ayu).post(f"{BASE}/manage/{batik.slug}/attendance/", {"attendance": "-4"})
    tree = assert_refused_at(response, "id_attendance", "greater than or equal to 0")
    assert tree.get_element_by_id("id_attendance").get("value") == "-4"
    assert db_snapshot("culture") == before


def test_an_image_that_is_not_one_is_marked_at_the_image(client_for, ayu, batik):
    before = db_snapshot("culture")
    response = client_for(ayu).post(
        f"{BASE}/manage/{batik.slug}/images/",
        {"alt_text": "Dancers typed once", "image": exe_as_pdf("photo.png")},
    )
    tree = assert_refused_at(response, "id_image", "not accepted")
    assert tree.get_element_by_id("id_alt_text").get("value") == "Dancers typed once"
    assert db_snapshot("culture") == before


@pytest.mark.parametrize(
    ("change", "field_id", "text", "kept_id", "kept"),
    [
        ({"source": "   "}, "id_source", "required", "id_visitors", "512"),
        ({"visitors": "-3"}, "id_visitors", "cannot be negative", "id_source", "Toyama office"),
    ],
)
def test_a_bad_visitor_figure_is_marked_at_its_field(
    client_for, ayu, demo, change, field_id, text, kept_id, kept
):
    values = {
        "city": demo.toyama.pk,
        "month": "2026-11",
        "origin": "indonesia",
        "visitors": "512",
        "source": "Toyama office",
        **change,
    }
    before = db_snapshot("culture")
    response = client_for(ayu).post(f"{BASE}/manage/visitors/", values)
    tree = assert_refused_at(response, field_id, text)
    assert tree.get_element_by_id(kept_id).get("value") == kept
    assert db_snapshot("culture") == before


@pytest.mark.parametrize(
    ("change", "field_id", "text"),
    [
        ({"email": "not-an-address"}, "id_email", "valid email"),
        ({"people": "0"}, "id_people", "greater than or equal to 1"),
    ],
)
def test_a_public_registration_is_refused_at_its_field(client, batik, change, field_id, text):
    data = {"full_name": "Tanaka typed once", "email": "t@example.jp", "people": 1}
    data = {**data, "language": "ja", **change}
    before = db_snapshot("culture")
    response = client.post(f"{BASE}/events/{batik.slug}/", data)
    tree = assert_refused_at(response, field_id, text)
    assert tree.get_element_by_id("id_full_name").get("value") == "Tanaka typed once"
    assert db_snapshot("culture") == before
