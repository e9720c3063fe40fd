"""axe-core in Chromium over the main pages of each persona, in Japanese and Indonesian: the
home page, every tab of the partnership workspace, a programme, results, calls, the waste
planner, the glossary and My tasks have no serious or critical violations (the header and its
language switcher included)."""

import pytest

from sistercity.conftest import log_in
from sistercity.core.tests.accessibility import serious_violations
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

P = "/partnerships/batang-toyama"
W = "/waste/batang-toyama"
PAGES = {
    None: ["/", "/calls/", "/municipalities/", "/accountability/batang-toyama/", "/glossary/"],
    "sari@batang.example": [
        "/dashboard/",
        "/tasks/",
        f"{P}/",
        f"{P}/programmes/",
        f"{P}/programmes/waste-sorting-pilot/",
        f"{P}/results/",
        f"{P}/meetings/",
        f"{P}/clauses/",
        f"{P}/documents/",
        f"{P}/deadlines/",
        f"{P}/history/",
        f"{P}/exports/",
        f"{W}/",
        f"{W}/scenarios/toyama-style/",
        f"{W}/compare/",
        f"{W}/data/",
        "/glossary/",
    ],
    "dewi@student.example": ["/applications/", "/calls/", "/tasks/"],
    "rina@batang.example": ["/reviews/", "/tasks/"],
}


@pytest.mark.parametrize("language", ["ja", "id"])
def test_main_pages_have_no_serious_violations(live_server, browser, language):
    load_demo()
    found = {}
    for email, paths in PAGES.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        if email:
            log_in(page, live_server, email, language)
        for path in paths:
            response = page.goto(f"{live_server.url}/{language}{path}")
            assert response is not None and response.status == 200, (email, path)
            violations = serious_violations(page)
            if violations:
                found[f"{email} {path}"] = violations
        context.close()
    assert found == {}


def test_the_live_search_is_an_accessible_combobox(live_server, page):
    """Type, and the results are a listbox the keyboard walks through from the input; Enter
    opens the chosen one; the open list passes axe too."""
    load_demo()
    page.goto(f"{live_server.url}/id/")
    box = page.locator("#search-input")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.fill("Batang")
    page.wait_for_selector("#search-live [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    first = page.locator("#search-live [role=option]").first
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-input"  # the focus stays
    assert serious_violations(page) == []
    target = first.get_attribute("href")
    box.press("Enter")
    page.wait_for_url(f"**{target}")
    page.goto(f"{live_server.url}/id/")
    page.locator("#search-input").fill("Batang")
    page.wait_for_selector("#search-live [role=option]")
    page.locator("#search-input").press("Escape")
    assert page.locator("#search-live [role=option]").count() == 0
    assert page.locator("#search-input").get_attribute("aria-expanded") == "false"
