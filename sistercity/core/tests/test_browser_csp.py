"""The Content-Security-Policy holds in Chromium: the main pages of the public and of the
secretariat load and work (htmx search, the destination map, the year picker that submits
itself, the confirm before deleting a scenario) without the browser refusing anything, and an
inline script slipped into a page is refused."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.environment.models import WasteScenario as Scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

P = "/partnerships/batang-toyama"
W = "/waste/batang-toyama"
C = "/culture/batang-toyama"
PUBLIC = [
    "/",
    "/calls/",
    "/accountability/batang-toyama/",
    "/culture/",
    f"{C}/destinations/",
    f"{C}/events/lentera-kanal-toyama/",
    f"{C}/visitors/",
]
SECRETARIAT = [
    "/dashboard/",
    f"{P}/",
    f"{P}/results/",
    f"{P}/history/",
    f"{W}/scenarios/toyama-style/",
    f"{W}/scenarios/toyama-style/edit/",
    "/emergency/batang-toyama/",
    "/irrigation/batang-toyama/",
]


def _watch(page):
    """Every refusal the browser reports: CSP violations are logged to the console."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    return refused


def test_the_pages_keep_the_policy(live_server, browser):
    load_demo()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = _watch(page)
    for path in PUBLIC:
        response = page.goto(f"{live_server.url}/ja{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    # htmx's live search still runs: its request and the swap of the results.
    page.goto(f"{live_server.url}/ja/")
    page.fill("#search-input", "Batang")
    page.wait_for_selector("#search-live [role=option]")
    # The map script draws the points (Leaflet markers) with no tile server set.
    page.goto(f"{live_server.url}/ja{C}/destinations/")
    page.wait_for_selector(".leaflet-marker-icon, .leaflet-interactive")
    log_in(page, live_server, "sari@batang.example", "ja")
    for path in SECRETARIAT:
        response = page.goto(f"{live_server.url}/ja{path}")
        assert response.status == 200, path
    assert refused == []
    context.close()


def test_an_inline_script_is_refused(live_server, page):
    load_demo()
    refused = _watch(page)
    page.goto(f"{live_server.url}/id/")
    # What an injected <script> would do: the page's policy stops it from running.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    assert page.evaluate("() => window.injected === undefined")
    assert any("Content Security Policy" in text for text in refused)


def test_the_year_picker_and_the_delete_confirm_work_without_inline_handlers(live_server, page):
    load_demo()
    refused = _watch(page)
    log_in(page, live_server, "budi@batang.example")
    page.goto(f"{live_server.url}/id{W}/scenarios/toyama-style/")
    years = page.locator("#id_year option").all_inner_texts()
    page.select_option("#id_year", years[-1])
    page.wait_for_url(f"**year={years[-1]}*")
    page.goto(f"{live_server.url}/id{W}/scenarios/toyama-style/edit/")
    # Dismissed: the scenario stays.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-test=delete-scenario]")
    page.wait_for_timeout(300)
    assert Scenario.objects.filter(code="toyama-style").exists()
    # Accepted: it is deleted.
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("[data-test=delete-scenario]")
    assert not Scenario.objects.filter(code="toyama-style").exists()
    assert refused == []
