"""Forms that help, on the emergency pages: a refused status, maintenance, spare part,
qualification, attendance or coverage scenario is shown again (400) with the error beside its
field (the input points at it), the summary linking to it, the typed values kept, nothing
saved."""

import lxml.html
import pytest
from django.urls import reverse

from sistercity.emergency.models import Firefighter, TrainingCourse, Vehicle
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def en(url):
    return url.replace("/id/", "/en/", 1)


def refused_at(client, url, data, field_id, text):
    before = db_snapshot("emergency", "auditlog")
    response = client.post(en(url), data)
    assert response.status_code == 400
    assert db_snapshot("emergency", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    assert text in tree.get_element_by_id(f"{field_id}_error").text_content()
    assert f"{field_id}_error" in tree.get_element_by_id(field_id).get("aria-describedby", "")
    link = tree.get_element_by_id("error-summary").xpath(f'.//a[@href="#{field_id}"]')
    assert link and text in link[0].text_content()
    assert not tree.xpath('//ul[@class="messages"]')
    return tree


def _vehicle_url(action):
    return reverse("emergency:vehicle_action", args=[SLUG, "DMK-01", action])


@pytest.mark.parametrize(
    ("action", "data", "field_id", "text", "kept_id"),
    [
        (
            "maintenance",
            {"performed_on": "2099-01-01", "work": "Pump overhaul", "cost": "150000"},
            "id_maintenance_performed_on",
            "cannot be recorded in the future",
            "id_maintenance_work",
        ),
        (
            "spare-part",
            {"part": "Hose 2.5 in", "quantity": "0", "source": "Toyama"},
            "id_part_quantity",
            "greater than or equal to 1",
            "id_part_part",
        ),
    ],
)
def test_a_bad_vehicle_record_is_marked_at_its_field(
    client_for, agus, partnership, action, data, field_id, text, kept_id
):
    tree = refused_at(client_for(agus), _vehicle_url(action), data, field_id, text)
    typed = data["work"] if action == "maintenance" else data["part"]
    assert tree.get_element_by_id(kept_id).get("value") == typed


def test_the_same_status_again_is_marked_at_the_status(client_for, agus, partnership):
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-01")
    data = {"status": vehicle.status, "note": "typed once"}
    tree = refused_at(client_for(agus), _vehicle_url("status"), data, "id_status_status", "already")
    assert tree.get_element_by_id("id_status_note").get("value") == "typed once"


def test_a_qualification_expiring_before_issue_is_marked_at_its_expiry(
    client_for, agus, partnership
):
    person = Firefighter.objects.filter(partnership=partnership).first()
    url = reverse("emergency:qualification_add", args=[SLUG, person.pk])
    data = {
        "vehicle_kind": "pumper",
        "issued_on": "2026-05-01",
        "expires_on": "2026-01-01",
        "issued_by": "Damkar typed once",
    }
    field = f"id_person{person.pk}_expires_on"
    tree = refused_at(client_for(agus), url, data, field, "cannot expire")
    typed = tree.get_element_by_id(f"id_person{person.pk}_issued_by")
    assert typed.get("value") == "Damkar typed once"


def test_an_attendance_without_a_firefighter_is_marked_at_its_course(client_for, agus, partnership):
    course = TrainingCourse.objects.filter(partnership=partnership).first()
    url = reverse("emergency:attendance_record", args=[SLUG, course.pk])
    field = f"id_course{course.pk}_firefighter"
    tree = refused_at(client_for(agus), url, {"firefighter": "", "passed": "on"}, field, "required")
    assert tree.get_element_by_id(f"id_course{course.pk}_passed").get("checked") is not None


def test_a_scenario_without_its_number_of_posts_is_marked_at_the_posts(
    client_for, agus, partnership
):
    url = reverse("emergency:coverage", args=[SLUG])
    data = {"name": "Three more posts typed once", "model": "mclp", "standard_minutes": "15"}
    tree = refused_at(client_for(agus), url, data, "id_posts", "how many posts")
    assert tree.get_element_by_id("id_name").get("value") == "Three more posts typed once"
