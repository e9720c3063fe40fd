"""The public-works planner's story in a real Chromium: import a BMKG climate file, see ETo and
DI Sambong's demand by half-month, move golongan III's planting date and see the peak fall
below the available flow; record a better IKSI score and see the rehabilitation ranking change.
"""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.irrigation.demo import FIXTURE, PLANNER_EMAIL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BASE = "/irrigation/batang-toyama"


def import_climate(page, url):
    page.goto(f"{url}/stations/ILU-BTG01/")
    page.set_input_files("#id_file", str(FIXTURE))
    page.click("[data-test=import-bmkg]")
    page.wait_for_url(f"{url}/stations/ILU-BTG01/")
    assert page.locator(".messages li.error").count() == 0
    assert "365" in page.locator(".messages").inner_text()
    assert page.locator("svg[data-test=chart-eto] polyline").count() == 1
    assert page.locator("#climate tbody tr").count() == 24
    assert page.locator("[data-test=gaps]").get_attribute("data-count") == "10"


def demand(page) -> tuple[float, float, bool, str]:
    peak = float(page.locator("[data-test=peak]").get_attribute("data-value"))
    available = float(page.locator("[data-test=peak-available]").get_attribute("data-value"))
    fits = page.locator("[data-test=verdict]").get_attribute("data-fits") == "1"
    return peak, available, fits, page.locator("[data-test=deficits]").inner_text()


def shift_golongan_iii(page, url, language):
    page.goto(f"{url}/schemes/di-sambong/")
    assert page.locator("svg[data-test=chart-demand] rect[data-deficit]").count() == 1
    peak, available, fits, deficits = demand(page)
    assert not fits and peak > available
    assert deficits == ("Jun I" if language == "id" else "6月 I")
    page.select_option("[data-test=shift-III]", "3")
    page.click("[data-test=save-shift-III]")
    page.wait_for_url(f"{url}/schemes/di-sambong/")
    assert page.locator(".messages li.error").count() == 0
    new_peak, new_available, fits, deficits = demand(page)
    assert fits and new_peak < peak and new_peak <= new_available
    assert page.locator("svg[data-test=chart-demand] rect[data-deficit]").count() == 0


def rescore_kramat(page, url):
    page.goto(f"{url}/")
    first = page.locator("#ranking tbody tr").first
    assert first.get_attribute("data-scheme") == "di-kramat"
    page.goto(f"{url}/schemes/di-kramat/")
    page.fill("#id_iksi-assessed_on", "2026-11-30")
    for component in (
        "physical",
        "productivity",
        "facilities",
        "personnel",
        "documentation",
        "wua",
    ):
        page.fill(f"#id_iksi-{component}", "90")
    page.click("[data-test=save-iksi]")
    page.wait_for_url(f"{url}/schemes/di-kramat/")
    assert page.locator(".messages li.error").count() == 0
    page.goto(f"{url}/")
    rows = page.locator("#ranking tbody tr")
    assert rows.first.get_attribute("data-scheme") != "di-kramat"
    assert rows.last.get_attribute("data-scheme") == "di-kramat"


@pytest.mark.parametrize("language", ["id", "ja"])
def test_planner_imports_climate_shifts_a_group_and_reranks(live_server, page, language):
    load_demo()
    log_in(page, live_server, PLANNER_EMAIL, language)
    url = f"{live_server.url}/{language}{BASE}"
    import_climate(page, url)
    shift_golongan_iii(page, url, language)
    rescore_kramat(page, url)
    pdf = page.request.get(f"{url}/schemes/di-sambong/report.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")


def test_a_bad_file_is_refused_in_the_browser(live_server, page, tmp_path):
    load_demo()
    log_in(page, live_server, PLANNER_EMAIL)
    bad = tmp_path / "bmkg.xlsx"
    bad.write_bytes(b"not a workbook")
    page.goto(f"{live_server.url}/id{BASE}/stations/ILU-BTG01/")
    page.set_input_files("#id_file", str(bad))
    page.click("[data-test=import-bmkg]")
    page.wait_for_load_state()
    assert "tidak ada yang disimpan" in page.locator(".messages li.error").inner_text()
