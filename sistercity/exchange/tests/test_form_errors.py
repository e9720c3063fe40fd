"""The reviewer's scores and the allocation run: a refused form is shown again with the error
beside its field (and in the summary linking to it), the typed values kept, no banner."""

import lxml.html
import pytest
from django.urls import reverse

from sistercity.exchange.tests.conftest import submitted
from sistercity.partnerships.tests.test_form_errors import assert_error_beside
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_a_score_out_of_range_is_marked_at_its_criterion(call, dewi, rina, client):
    application = submitted(call, dewi)
    criteria = list(call.criteria.all())
    data = {"score": "1", "comment": "Kuat", **{f"c_{c.code}": "5" for c in criteria}}
    first = criteria[0]
    data[f"c_{first.code}"] = str(first.max_score + 1)
    client.force_login(rina)
    before = db_snapshot("exchange", "auditlog")
    url = reverse("exchange:review", args=[application.reference]).replace("/id/", "/en/")
    response = client.post(url, data)
    assert response.status_code == 200
    assert db_snapshot("exchange", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, f"id_c_{first.code}", f"must be between 0 and {first.max_score}")
    assert tree.get_element_by_id("id_comment").text_content().strip() == "Kuat"


def test_a_bad_gender_share_is_marked_at_its_field(call, sari, client):
    client.force_login(sari)
    url = reverse("exchange:allocation", args=[call.slug]).replace("/id/", "/en/")
    before = db_snapshot("exchange", "auditlog")
    response = client.post(url, {"seed": "abc", "max_gender_share": "lots"})
    assert db_snapshot("exchange", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, "id_max_gender_share", "Enter a number")
    assert tree.get_element_by_id("id_seed").get("value") == "abc"


def test_withdrawing_is_a_danger_button_not_the_primary(call, dewi, client):
    application = submitted(call, dewi)
    client.force_login(dewi)
    page = client.get(reverse("exchange:application", args=[application.reference]))
    button = lxml.html.fromstring(page.content).xpath('//*[@data-test="withdraw"]')[0]
    assert "danger" in button.get("class").split()


def _draft_data(call, **changes):
    placements = list(call.placements.all())
    data = {
        "gender": "female",
        "language_level": "N4",
        "phone": "0812 typed once",
        "institution": "SMK Negeri 1 Batang",
        "choice_1": str(placements[0].pk),
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("field", "change", "text"),
    [
        ("id_choice_2", "same", "already chosen above"),
        ("id_institution", "<b>SMK</b>", "must not contain HTML"),
    ],
)
def test_a_refused_draft_is_marked_at_its_field(
    call, dewi, dewi_draft, client, field, change, text
):
    """The application form answers 400 with the error beside the field, what was typed kept
    and the draft unchanged (no banner far from the field)."""
    data = _draft_data(call)
    if change == "same":
        data["choice_2"] = data["choice_1"]
    else:
        data["institution"] = change
    client.force_login(dewi)
    url = reverse("exchange:application", args=[dewi_draft.reference]).replace("/id/", "/en/")
    before = db_snapshot("exchange", "auditlog")
    response = client.post(url, data)
    assert response.status_code == 400
    assert db_snapshot("exchange", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, field, text)
    assert f"{field}_error" in tree.get_element_by_id(field).get("aria-describedby", "")
    assert tree.get_element_by_id("id_phone").get("value") == "0812 typed once"
