"""Recording an approval on the overview: a refusal is shown beside the approval's field (not as
a banner at the top of the page), the typed basis is kept, and nothing is written."""

import lxml.html
import pytest
from django.urls import reverse

from sistercity.partnerships.models import Approval, StageRequirement
from sistercity.partnerships.tests.test_lifecycle import put_at
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def requirement(partnership):
    """The DPRD's approval, waiting at the track's current stage."""
    put_at(partnership, "dprd")
    return StageRequirement.objects.get(code="dprd-approval")


def post_approval(client, partnership, requirement, note):
    url = reverse("partnerships:approve", args=[partnership.slug]).replace("/id/", "/en/")
    return client.post(url, {"requirement": requirement.pk, "note": note})


def approval_form(tree, requirement):
    return tree.get_element_by_id(f"approval-{requirement.pk}")


def test_a_refused_role_is_shown_at_the_approval_and_keeps_the_basis(
    partnership, requirement, yamada, client
):
    client.force_login(yamada)
    before = db_snapshot()
    response = post_approval(client, partnership, requirement, "SK DPRD 12/2027")
    assert response.status_code == 200
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    form = approval_form(tree, requirement)
    errors = form.xpath('.//ul[contains(@class, "errorlist")]')
    assert errors and "Only the" in errors[0].text_content()
    field = tree.get_element_by_id(f"id_approval{requirement.pk}_note")
    assert field.get("value") == "SK DPRD 12/2027"
    assert "Only the" in tree.get_element_by_id("error-summary").text_content()
    assert not tree.xpath('//ul[@class="messages"]')  # no banner far from the field


def test_markup_in_the_basis_is_marked_at_the_field(partnership, requirement, sari, client):
    client.force_login(sari)
    before = db_snapshot()
    response = post_approval(client, partnership, requirement, "<script>x</script>")
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    field_id = f"id_approval{requirement.pk}_note"
    field = tree.get_element_by_id(field_id)
    assert field.get("aria-invalid") == "true"
    summary_link = tree.get_element_by_id("error-summary").xpath(f'.//a[@href="#{field_id}"]')
    assert summary_link and "Basis" in summary_link[0].text_content()
    errors = approval_form(tree, requirement).xpath('.//ul[contains(@class, "errorlist")]')
    assert errors and errors[0].text_content() in summary_link[0].text_content()


def test_an_accepted_approval_returns_to_the_overview(partnership, requirement, sari, client):
    client.force_login(sari)
    response = post_approval(client, partnership, requirement, "SK DPRD 12/2027")
    assert response.status_code == 302
    assert Approval.objects.get(requirement=requirement).note == "SK DPRD 12/2027"
