"""In a real browser: Sari uploads a workbook; the job page polls (htmx) and shows the result
when the worker has run, without reloading the page."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.programs import tabular
from sistercity.testing import run_queued_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_progress_page_updates_itself(live_server, page, tmp_path):
    demo = load_demo()
    path = tmp_path / "plan.xlsx"
    path.write_bytes(tabular.export_xlsx(demo.partnership))
    log_in(page, live_server, "sari@batang.example")
    page.goto(f"{live_server.url}/id/partnerships/batang-toyama/exports/")
    page.set_input_files("#import-form input[type=file]", str(path))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector('#job-status[data-status="queued"]')
    assert page.locator("#job-progress").get_attribute("value") == "0"

    run_queued_tasks()

    # No reload: htmx polls every second and swaps the finished status in.
    page.wait_for_selector('#job-status[data-status="done"]')
    assert page.locator("#job-progress").get_attribute("value") == "100"
    assert page.locator("#job-message").is_visible()
