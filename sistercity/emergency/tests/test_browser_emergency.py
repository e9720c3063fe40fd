"""The fire service story in a real Chromium: the chief reads the response-time dashboard,
runs MCLP with today's posts fixed and one post more, and sees the covered population rise
and the map change; the secretariat advances a donated Toyama truck's grant procedure and is
refused until the customs document is attached."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.testing import pdf_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/{language}/emergency/batang-toyama"


def chief_reads_the_dashboard(page, url):
    page.goto(f"{url}/")
    share = page.locator("#response-summary [data-test=share-within]").inner_text()
    assert "%" in share
    assert page.locator("#by-kecamatan tr[data-kecamatan]").count() == 15


def chief_runs_mclp_with_one_more_post(page, url, language):
    page.goto(f"{url}/coverage/")
    page.fill("#id_name", "Pos yang ada + 1" if language == "id" else "既存の署所＋1")
    page.select_option("#id_model", "mclp")
    page.fill("#id_posts", "3")
    page.click("[data-test=run-model]")
    page.wait_for_url("**/coverage/*/")
    assert page.locator(".messages li.error").count() == 0


def _number(text):
    return int("".join(ch for ch in text if ch.isdigit()))


def covered_population_rises_and_the_map_changes(page):
    today = _number(page.locator("[data-test=today-covered]").inner_text())
    covered = _number(page.locator("[data-test=covered]").inner_text())
    assert covered > today
    chart = page.locator("svg[data-test=coverage-map]")
    assert chart.locator("rect[data-state=existing]").count() == 2
    assert chart.locator("rect[data-state=chosen]").count() == 1
    assert chart.locator("circle[data-covered='1']").count() > 0
    assert "proven optimal" in page.locator("[data-test=optimal]").inner_text() or (
        page.locator("[data-test=optimal]").inner_text() in {"terbukti optimal", "最適性を証明済み"}
    )


def secretariat_is_refused_until_the_customs_document_is_attached(page, url, tmp_path):
    page.goto(f"{url}/fleet/TYM-01/")
    assert page.locator("ol.steps li[data-state=current]").get_attribute("data-step") == "customs"
    page.click("[data-test=grant-advance]")
    page.wait_for_load_state()
    error = page.locator(".messages li.error").inner_text()
    assert "Bea Cukai" in error or "関税" in error
    assert page.locator("ol.steps li[data-state=current]").get_attribute("data-step") == "customs"

    upload = pdf_upload("keputusan-bea-cukai.pdf")
    path = tmp_path / upload.name
    path.write_bytes(upload.read())
    page.select_option("#id_kind", "customs_facility")
    page.fill("#id_reference", "KEP-123/BC/2026")
    page.set_input_files("#id_file", str(path))
    page.click("[data-test=attach]")
    page.wait_for_load_state()
    assert page.locator("#grant-documents tr[data-kind=customs_facility]").count() == 1

    page.click("[data-test=grant-advance]")
    page.wait_for_load_state()
    assert page.locator(".messages li.error").count() == 0
    assert page.locator("ol.steps li[data-state=current]").get_attribute("data-step") == "shipment"


@pytest.mark.parametrize("language", ["id", "ja"])
def test_fire_service_story(live_server, page, language, tmp_path):
    load_demo()
    url = live_server.url + BASE.format(language=language)
    log_in(page, live_server, "agus@batang.example", language)
    chief_reads_the_dashboard(page, url)
    chief_runs_mclp_with_one_more_post(page, url, language)
    covered_population_rises_and_the_map_changes(page)
    page.context.clear_cookies()
    log_in(page, live_server, "sari@batang.example", language)
    secretariat_is_refused_until_the_customs_document_is_attached(page, url, tmp_path)
