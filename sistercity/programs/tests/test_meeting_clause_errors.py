"""Forms that help, on the meetings and clauses tabs: a refused action item, clause or
action-plan item is shown again (400) with the error beside its field in its own meeting's or
clause's form, the summary linking to it, the typed values kept and nothing saved."""

import lxml.html
import pytest
from django.urls import reverse

from sistercity.programs.models import ActionPlanItem, Clause, Meeting
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def _describes(tree, field_id):
    return f"{field_id}_error" in tree.get_element_by_id(field_id).get("aria-describedby", "")


def assert_error_beside(tree, field_id, text):
    """The field's own error list holds ``text``, the summary links to the field, no banner."""
    assert text in tree.get_element_by_id(f"{field_id}_error").text_content()
    link = tree.get_element_by_id("error-summary").xpath(f'.//a[@href="#{field_id}"]')
    assert link and text in link[0].text_content()
    assert not tree.xpath('//ul[@class="messages"]')


def test_an_action_item_without_a_date_is_marked_at_its_meeting(partnership, sari, client):
    meeting = Meeting.objects.filter(partnership=partnership).first()
    client.force_login(sari)
    url = f"/en/partnerships/{partnership.slug}/meetings/{meeting.pk}/"
    before = db_snapshot()
    response = client.post(url, {"description": "Book the hall typed once", "due_on": "soon"})
    assert response.status_code == 400
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    field = f"id_item{meeting.pk}_due_on"
    assert_error_beside(tree, field, "Enter a valid date")
    assert _describes(tree, field)
    typed = tree.get_element_by_id(f"id_item{meeting.pk}_description")
    assert typed.get("value") == "Book the hall typed once"


def test_a_clause_without_text_is_marked_at_the_text(partnership, sari, client):
    client.force_login(sari)
    url = reverse("programs:clauses", args=[partnership.slug]).replace("/id/", "/en/")
    before = db_snapshot()
    response = client.post(url, {"form": "clause", "number": "Pasal 9", "text": "  "})
    assert response.status_code == 400
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, "id_text", "required")
    assert _describes(tree, "id_text")
    assert tree.get_element_by_id("id_number").get("value") == "Pasal 9"


def test_an_item_code_already_used_is_marked_at_the_code_of_its_clause(partnership, sari, client):
    clause = Clause.objects.filter(partnership=partnership).first()
    taken = ActionPlanItem.objects.filter(partnership=partnership).first().code
    client.force_login(sari)
    url = reverse("programs:clauses", args=[partnership.slug]).replace("/id/", "/en/")
    before = db_snapshot()
    response = client.post(
        url, {"form": "item", "clause": clause.pk, "code": taken, "title": "Festival typed once"}
    )
    assert response.status_code == 400
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    field = f"id_item{clause.pk}_code"
    assert_error_beside(tree, field, "already exists")
    assert _describes(tree, field)
    assert tree.get_element_by_id(f"id_item{clause.pk}_title").get("value") == "Festival typed once"
