"""The DLH planner's story in a real Chromium: load the demo, change the separation rate and
the waste-to-energy plant's start year, and watch flows, targets, the TPA-full year, methane
and cost change; the PDF report follows."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEYS = ["year-full", "reduction-last", "handling-last", "ch4-total", "cost-total", "co2e-total"]


def read_summary(page) -> dict[str, str]:
    return {key: page.locator(f"#summary [data-test={key}]").inner_text() for key in KEYS}


def read_flows(page) -> dict[str, str]:
    rows = page.locator("#flows-total tbody tr")
    return {
        rows.nth(i).get_attribute("data-pathway"): rows.nth(i).locator("td").nth(1).inner_text()
        for i in range(rows.count())
    }


@pytest.mark.parametrize("language", ["id", "ja"])
def test_dlh_planner_changes_separation_and_wte_start_year(live_server, page, language):
    load_demo()
    log_in(page, live_server, "budi@batang.example", language)
    page.goto(f"{live_server.url}/{language}/waste/batang-toyama/")
    # Both demo scenarios are listed; open the Toyama-style plan.
    assert page.locator("tr[data-scenario]").count() == 2
    page.click("tr[data-scenario=toyama-style] a")
    page.wait_for_url("**/scenarios/toyama-style/")
    if language == "ja":
        assert page.locator("[data-test=scenario-name]").inner_text().startswith("富山型プラン")
    before, flows_before = read_summary(page), read_flows(page)
    assert before["year-full"] == "2034"
    assert page.locator("svg[data-test=sankey] [data-node=generated]").count() == 1
    assert page.locator("svg[data-test=chart-ch4-band] polygon[data-band]").count() == 1

    page.click("[data-test=edit-scenario]")
    page.wait_for_url("**/edit/")
    page.fill("#id_source_separation_pct", "50")
    wte_row = page.locator("#facilities tr", has=page.locator("input[value='PLTSa (WtE)']"))
    wte_row.locator("input[name$=start_year]").fill("2028")
    page.click("[data-test=save-scenario]")
    page.wait_for_url("**/scenarios/toyama-style/")
    page.wait_for_url("**/scenarios/toyama-style/")

    after, flows_after = read_summary(page), read_flows(page)
    assert page.locator(".messages li.error").count() == 0
    for key in KEYS:
        assert after[key] != before[key], key
    assert int(after["year-full"]) > int(before["year-full"])
    assert flows_after["recycling"] != flows_before["recycling"]
    assert flows_after["incineration"] != flows_before["incineration"]
    start = page.locator(
        "#scenario-facilities tr[data-facility='PLTSa (WtE)'] [data-test=facility-start]"
    )
    assert start.inner_text() == "2028"

    # The PDF report is generated from the same numbers.
    pdf = page.request.get(
        f"{live_server.url}/{language}/waste/batang-toyama/scenarios/toyama-style/report.pdf"
    )
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")


def test_a_bad_change_is_refused_in_the_browser(live_server, page):
    load_demo()
    log_in(page, live_server, "budi@batang.example")
    page.goto(f"{live_server.url}/id/waste/batang-toyama/scenarios/toyama-style/edit/")
    page.fill("#id_composition_food", "60")
    page.click("[data-test=save-scenario]")
    page.wait_for_load_state()
    # The refusal is at the top of the form and in the summary, which has the focus.
    assert "100 %" in page.locator("#error-summary").inner_text()
    assert "100 %" in page.locator("#scenario-form .errorlist").first.inner_text()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    page.goto(f"{live_server.url}/id/waste/batang-toyama/scenarios/toyama-style/")
    assert page.locator("#summary [data-test=year-full]").inner_text() == "2034"


def test_outsider_gets_404_in_the_browser(live_server, page):
    load_demo()
    log_in(page, live_server, "dewi@student.example")
    response = page.goto(f"{live_server.url}/id/waste/batang-toyama/scenarios/toyama-style/")
    assert response.status == 404
