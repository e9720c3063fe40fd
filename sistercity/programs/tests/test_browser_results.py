"""Issue 3's browser story: an agency officer submits an indicator update, the secretariat
approves it, and the results dashboard moves."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pillar_progress(page, live_server, language="id"):
    page.goto(f"{live_server.url}/{language}/partnerships/batang-toyama/results/")
    return page.locator('[data-test="pillar-environment"] .progress').inner_text()


def test_budi_submits_sari_approves_and_the_dashboard_moves(live_server, browser):
    load_demo()
    budi = browser.new_context(locale="id-ID").new_page()
    log_in(budi, live_server, "budi@batang.example")
    before = pillar_progress(budi, live_server)

    budi.goto(f"{live_server.url}/id/partnerships/batang-toyama/programmes/waste-sorting-pilot/")
    # The latest period that has started (no form is offered for one that has not).
    form = budi.locator('[data-test^="update-form-households-sorting-"]').last
    form.locator("input[name=value]").fill("320")
    form.locator("button[type=submit]").click()
    budi.wait_for_load_state()
    assert "320" in budi.locator("#indicator-households-sorting").inner_text()
    # Submitted, not approved: the dashboard has not moved.
    assert pillar_progress(budi, live_server) == before

    sari = browser.new_context(locale="ja-JP").new_page()
    log_in(sari, live_server, "sari@batang.example", language="ja")
    sari.goto(f"{live_server.url}/ja/partnerships/batang-toyama/results/")
    assert "ごみを分別する世帯数" in sari.locator("#pending").inner_text()
    sari.goto(f"{live_server.url}/ja/partnerships/batang-toyama/programmes/waste-sorting-pilot/")
    pending = sari.locator("#indicator-households-sorting .update.submitted").last
    pending.locator("button[value=approve]").click()
    sari.wait_for_load_state()

    after = pillar_progress(sari, live_server, language="ja")
    assert after != before
    assert int(after.rstrip(" %")) > int(before.rstrip(" %"))
