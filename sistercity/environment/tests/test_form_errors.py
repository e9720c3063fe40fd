"""The scenario form (some sixty inputs): a refused edit is shown again with each error beside
its input, the engine's refusal at the top of the form and in the summary, values kept."""

import lxml.html
import pytest

from sistercity.environment.models import WasteScenario
from sistercity.environment.tests.test_pages import post_data, url
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_a_bad_number_is_marked_at_its_input(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    before = db_snapshot("environment", "auditlog")
    response = client_for(budi).post(
        url("environment:scenario_edit", code="toyama-style").replace("/id/", "/en/"),
        post_data(scenario, population="many", source_separation_pct="45"),
    )
    assert db_snapshot("environment", "auditlog") == before
    tree = lxml.html.fromstring(response.content)
    population = tree.get_element_by_id("id_population")
    # The next thing after the input (before any other input) is its error list.
    error = population.xpath("following::*[self::ul or self::input or self::select][1]")[0]
    assert error.tag == "ul" and "errorlist" in error.get("class", "")
    assert "Enter a" in error.text_content()
    assert population.get("aria-invalid") == "true"
    summary = tree.get_element_by_id("error-summary")
    assert summary.xpath('.//a[@href="#id_population"]')
    assert tree.get_element_by_id("id_source_separation_pct").get("value") == "45"
    assert not tree.xpath('//ul[@class="messages"]')


def test_the_engines_refusal_shows_at_the_top_of_the_form(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    response = client_for(budi).post(
        url("environment:scenario_edit", code="toyama-style").replace("/id/", "/en/"),
        post_data(scenario, composition_food="50"),
    )
    tree = lxml.html.fromstring(response.content)
    form = tree.get_element_by_id("scenario-form")
    assert (
        "must add up to 100 %"
        in form.xpath('.//ul[contains(@class, "errorlist")]')[0].text_content()
    )
    assert "must add up to 100 %" in tree.get_element_by_id("error-summary").text_content()
