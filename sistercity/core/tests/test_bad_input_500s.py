"""Inputs that gave server errors get a translated refusal instead (issue 10, finding 8; the
values by dimension are in programs/tests/test_disaggregation_shape.py)."""

import pytest
from django.urls import reverse

from sistercity.core.errors import SisterCityError
from sistercity.environment.models import WasteScenario
from sistercity.partnerships import services as partnerships
from sistercity.partnerships.models import DocumentType
from sistercity.programs.models import Meeting
from sistercity.testing import api_token, db_snapshot, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


@pytest.mark.parametrize(
    "query, code",
    [
        ({"seed": "-1", "draws": "10"}, "seed"),
        ({"seed": str(2**32), "draws": "10"}, "seed"),
        ({"seed": "abc", "draws": "10"}, "seed"),
        ({"draws": "abc"}, "draws"),
    ],
)
def test_monte_carlo_refuses_a_bad_seed_or_draws(demo, api, observer, query, code):
    scenario = WasteScenario.objects.get(code="toyama-style")
    url = reverse("api:waste-scenario-monte-carlo", args=[scenario.pk])
    response = api(observer).get(url, query)
    assert response.status_code == 400
    assert response.json()["code"] == code


def test_monte_carlo_takes_seed_zero(demo, api, observer):
    scenario = WasteScenario.objects.get(code="toyama-style")
    url = reverse("api:waste-scenario-monte-carlo", args=[scenario.pk])
    assert api(observer).get(url, {"seed": "0", "draws": "10"}).status_code == 200


@pytest.mark.parametrize("item", ["abc", "1e5", "-1", "99999999999999999999"])
def test_meeting_form_with_a_bad_item_changes_nothing(demo, client, sari, item):
    client.force_login(sari)
    meeting = Meeting.objects.filter(partnership=demo.partnership).first()
    before = db_snapshot("programs", "auditlog")
    response = client.post(
        reverse("programs:meeting", args=[demo.partnership.slug, meeting.pk]),
        {"item": item, "status": "done"},
    )
    assert response.status_code in (302, 404)
    assert db_snapshot("programs", "auditlog") == before


@pytest.mark.parametrize("name", ["「」.pdf", "!?.pdf", " .pdf"])
def test_an_upload_named_without_letters_or_digits_gets_a_message(demo, sari, name):
    before = db_snapshot("partnerships", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        partnerships.document_upload(
            actor=sari,
            partnership=demo.partnership,
            document_type=DocumentType.objects.get(code="loi"),
            title="Letter of Intent",
            language="multi",
            file=pdf_upload(name=name),
        )
    assert refused.value.code == "file_name"
    assert "tidak memuat huruf atau angka" in str(refused.value)  # in the user's language
    assert db_snapshot("partnerships", "auditlog") == before


def test_a_japanese_file_name_is_kept(demo, sari):
    document = partnerships.document_upload(
        actor=sari,
        partnership=demo.partnership,
        document_type=DocumentType.objects.get(code="loi"),
        title="Letter of Intent",
        language="multi",
        file=pdf_upload(name="意向書.pdf"),
    )
    assert document.versions.get().file.name.endswith("意向書.pdf")
