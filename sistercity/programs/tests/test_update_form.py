"""The indicator update form helps: a refusal shows the page again with the typed values, the
error beside the field and named with its period at the top; a period that has not started
offers no form; each disaggregation says what to type in its own words."""

import datetime as dt

import lxml.html
import pytest

from sistercity.programs.models import Indicator
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

PAGE = "/en/partnerships/batang-toyama/programmes/waste-sorting-pilot/"


@pytest.fixture
def households(demo):
    return Indicator.objects.get(code="households-sorting")


def test_a_bad_value_stays_in_its_field_with_the_error_beside_it(households, budi, client):
    period = households.periods.get(start=dt.date(2026, 10, 1))
    client.force_login(budi)
    before = db_snapshot("programs", "auditlog")
    response = client.post(
        PAGE,
        {
            "form": "update",
            "period": period.pk,
            "value": "banyak",
            "submit": "on",
            "dis_kecamatan": "Batang=40",
        },
    )
    assert response.status_code == 200  # shown again, not redirected away from the input
    assert db_snapshot("programs", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    form = tree.get_element_by_id(f"update-form-{period.pk}")
    value = form.get_element_by_id(f"id_update{period.pk}_value")
    assert value.get("value") == "banyak" and value.get("aria-invalid") == "true"
    assert "Enter a number" in form.text_content()  # beside the field, inside its form
    assert form.get_element_by_id(f"id_update{period.pk}_dis_kecamatan").get("value") == "Batang=40"
    summary = tree.get_element_by_id("error-summary")
    assert "Households sorting their waste, period Oct. 1, 2026 – Dec. 31, 2026" in (
        summary.text_content()
    )
    assert summary.xpath(f'.//a[@href="#update-form-{period.pk}"]')
    assert summary.xpath(f'.//a[@href="#id_update{period.pk}_value"]')
    assert not tree.xpath('//ul[@class="messages"]')  # no banner far from the field


def test_a_period_that_has_not_started_offers_no_update_form(households, budi, client):
    future = households.periods.get(start=dt.date(2027, 1, 1))
    client.force_login(budi)
    tree = lxml.html.fromstring(client.get(PAGE).content)
    assert not tree.xpath(f'//*[@id="update-form-{future.pk}"]')
    assert tree.xpath(f'//*[@data-test="not-started-{future.pk}"]')


def test_the_disaggregation_placeholder_fits_its_dimension(households, budi, client):
    client.force_login(budi)
    for language in ("en", "id", "ja"):
        page = client.get(PAGE.replace("/en/", f"/{language}/")).content.decode()
        assert "female=2; male=6" not in page  # that example belongs to "sex", not kecamatan
        assert "Batang=150" in page
