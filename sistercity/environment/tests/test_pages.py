"""Waste pages: who sees them, the numbers they show, editing through the form, query counts."""

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sistercity.environment import forms, results, services
from sistercity.environment.demo import TODAY
from sistercity.environment.models import WasteFigure, WasteScenario
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

SLUG = "batang-toyama"
PAGES = [
    ("environment:overview", {}),
    ("environment:compare", {}),
    ("environment:data", {}),
    ("environment:data_export", {"fmt": "xlsx"}),
    ("environment:data_export", {"fmt": "csv"}),
    ("environment:scenario", {"code": "toyama-style"}),
    ("environment:scenario_xlsx", {"code": "toyama-style"}),
]


def url(name, **kwargs):
    return reverse(name, kwargs={"slug": SLUG, **kwargs})


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer", "admin"])
@pytest.mark.parametrize("name, kwargs", PAGES)
def test_members_and_observers_see_the_waste_pages(demo, client_for, persona, name, kwargs):
    response = client_for(demo.users[persona]).get(url(name, **kwargs))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "name, kwargs", [*PAGES, ("environment:scenario_edit", {"code": "toyama-style"})]
)
def test_outsider_reviewer_and_applicant_get_404(demo, otto, client_for, name, kwargs):
    for user in (otto, demo.users["rina"], demo.users["dewi"]):
        assert client_for(user).get(url(name, **kwargs)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(demo, client):
    response = client.get(url("environment:scenario", code="toyama-style"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_observer_cannot_open_the_editor(demo, client_for, observer):
    response = client_for(observer).get(url("environment:scenario_edit", code="toyama-style"))
    assert response.status_code == 302
    page = client_for(observer).get(url("environment:scenario", code="toyama-style"))
    assert b'data-test="edit-scenario"' not in page.content


def test_results_page_shows_the_engine_numbers(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="open-dump-today")
    report = results.build(scenario, with_charts=False)
    page = client_for(budi).get(url("environment:scenario", code="open-dump-today"))
    html = page.content.decode()
    assert report.summary["year_full"] == 2027
    assert '<strong data-test="year-full">2027</strong>' in html
    for chart in ("sankey", "chart-flows", "chart-targets", "chart-tpa", "chart-ch4-band"):
        assert f'data-test="{chart}"' in html
    # The Monte Carlo band is drawn, and nothing is loaded from another site.
    assert "data-band=" in html
    assert 'src="http' not in html and 'href="http' not in html.split("<main>")[0]


def test_sankey_follows_the_chosen_year(demo, client_for, budi):
    client = client_for(budi)
    path = url("environment:scenario", code="toyama-style")
    # 2026: the WtE plant is not built yet, so its share overflows to the sanitary landfill.
    early = client.get(path, {"year": 2026}).content.decode()
    assert 'data-link="incineration-landfill_managed_anaerobic"' in early
    later = client.get(path, {"year": 2031}).content.decode()
    assert '<option value="2031" selected>' in later
    assert 'data-link="generated-incineration"' in later
    assert 'data-link="incineration-landfill_managed_anaerobic"' not in later


def post_data(scenario, **changes):
    """What the edit form posts when a planner changes only ``changes``."""
    data = {"form": "settings"}
    for key, value in forms.initial_from_inputs(scenario).items():
        data[key] = "" if value is None else str(value)
    facilities = forms.facility_initial(scenario.inputs)
    data.update(
        {
            "facility-TOTAL_FORMS": str(len(facilities) + 1),
            "facility-INITIAL_FORMS": str(len(facilities)),
            "facility-MIN_NUM_FORMS": "0",
            "facility-MAX_NUM_FORMS": "1000",
        }
    )
    for i, facility in enumerate(facilities):
        for key, value in facility.items():
            data[f"facility-{i}-{key}"] = "" if value is None else str(value)
    data.update(changes)
    return data


def test_planner_changes_separation_and_start_year_and_results_change(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    before = results.build(scenario, with_charts=False).summary
    client = client_for(budi)
    response = client.post(
        url("environment:scenario_edit", code="toyama-style"),
        post_data(scenario, source_separation_pct="50", **{"facility-3-start_year": "2028"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    scenario.refresh_from_db()
    assert scenario.inputs["source_separation_rate"] == 0.5
    assert scenario.inputs["facilities"][3]["start_year"] == 2028
    # Recycling and composting are asked as shares of the separated material: they grow.
    assert scenario.inputs["shares"]["recycling"] == pytest.approx(0.12 * 0.5 / 0.4)
    # Untouched values stay exactly as stored.
    assert scenario.inputs["prior_landfill"] == TODAY["prior_landfill"]
    assert scenario.inputs["facilities"][0] == demo_facility(0)
    after = results.build(scenario, with_charts=False).summary
    assert after["year_full"] != before["year_full"]
    assert after["ch4_emitted_total_t"] < before["ch4_emitted_total_t"]
    assert after["reduction_last_pct"] > before["reduction_last_pct"]
    assert after["cost_total_idr"] != before["cost_total_idr"]


def demo_facility(index):
    from sistercity.environment.demo import TOYAMA_STYLE

    return copy.deepcopy(TOYAMA_STYLE["facilities"][index])


def test_a_bad_edit_is_refused_with_the_engine_message_and_nothing_changes(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    stored = copy.deepcopy(scenario.inputs)
    before = db_snapshot("environment", "auditlog")
    response = client_for(budi).post(
        url("environment:scenario_edit", code="toyama-style"),
        post_data(scenario, composition_food="50"),
        follow=True,
    )
    assert response.status_code == 200
    assert "must add up to 100 %" in response.content.decode()
    assert db_snapshot("environment", "auditlog") == before
    scenario.refresh_from_db()
    assert scenario.inputs == stored


def test_no_capacity_edit_is_refused(demo, client_for, budi):
    scenario = WasteScenario.objects.get(code="toyama-style")
    before = db_snapshot("environment")
    response = client_for(budi).post(
        url("environment:scenario_edit", code="toyama-style"),
        post_data(scenario, **{"facility-3-capacity_t_per_day": "0"}),
        follow=True,
    )
    assert "no capacity" in response.content.decode()
    assert db_snapshot("environment") == before


def test_json_inputs_can_be_edited_too(demo, client_for, budi):
    import json

    scenario = WasteScenario.objects.get(code="open-dump-today")
    inputs = copy.deepcopy(scenario.inputs)
    inputs["source_separation_rate"] = [0.08 + 0.01 * i for i in range(20)]
    response = client_for(budi).post(
        url("environment:scenario_edit", code="open-dump-today"),
        {"form": "json", "inputs": json.dumps(inputs)},
    )
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.inputs["source_separation_rate"][-1] == pytest.approx(0.27)
    # The settings form keeps a per-year trajectory when another field changes.
    client_for(budi).post(
        url("environment:scenario_edit", code="open-dump-today"),
        post_data(scenario, name="Hari ini (per tahun)"),
    )
    scenario.refresh_from_db()
    assert isinstance(scenario.inputs["source_separation_rate"], list)


def test_new_scenario_starts_from_an_existing_one(demo, client_for, budi):
    response = client_for(budi).post(
        url("environment:scenario_new"),
        {"code": "toyama-faster", "name": "Toyama, lebih cepat", "start_from": "toyama-style"},
    )
    assert response.status_code == 302
    copy_ = WasteScenario.objects.get(code="toyama-faster")
    assert copy_.inputs == WasteScenario.objects.get(code="toyama-style").inputs


def test_compare_puts_both_scenarios_side_by_side(demo, client_for, yamada):
    html = (
        client_for(yamada)
        .get(url("environment:compare"), {"s": ["open-dump-today", "toyama-style"]})
        .content.decode()
    )
    assert html.count('data-test="year-full"') == 2
    assert ">2027<" in html and ">2034<" in html
    assert 'data-test="compare-tpa"' in html


def test_data_page_keeps_conflicting_figures_side_by_side(demo, client_for, observer):
    # In Indonesian, the language the sources were published in.
    html = (
        client_for(observer).get(url("environment:data").replace("/en/", "/id/")).content.decode()
    )
    row = html.split('data-metric="generation_t_day"')[1].split("</tr>")[0]
    assert 'class="conflict"' in row
    assert "300" in row and "413" in row
    assert "Laporan media lokal" in row and "Perkiraan" in row


def add_scenarios(demo, count):
    for i in range(count):
        services.scenario_create(
            actor=demo.users["budi"],
            partnership=demo.partnership,
            municipality=demo.batang,
            code=f"extra-{i}",
            name=f"Extra {i}",
            inputs=copy.deepcopy(TODAY),
        )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_overview_query_count_does_not_grow_with_scenarios(demo, client_for, budi):
    client = client_for(budi)
    path = url("environment:overview")
    small = count_queries(client, path)
    add_scenarios(demo, 3)
    assert count_queries(client, path) == small


def test_data_page_query_count_does_not_grow_with_figures(demo, client_for, budi):
    client = client_for(budi)
    path = url("environment:data")
    small = count_queries(client, path)
    source = demo.partnership.waste_sources.first()
    for year in (2019, 2020, 2021):
        services.figure_record(
            actor=budi,
            partnership=demo.partnership,
            municipality=demo.batang,
            year=year,
            metric="generation_t_day",
            value=250 + year % 10,
            source=source,
            as_of=dt.date(year, 12, 31),
        )
    assert WasteFigure.objects.filter(year=2019).exists()
    assert count_queries(client, path) == small
