"""The foundation's browser story, in a real Chromium against the live server."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.demo.pdf import simple_pdf

# transaction=True: the live server runs in another thread and needs committed data. The flush
# after each test empties the seeded catalogue too; load_demo() seeds it again.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_sari_moves_the_agreement_past_the_loi_in_japanese(live_server, page, tmp_path):
    load_demo()
    log_in(page, live_server, "sari@batang.example")
    assert "/id/dashboard/" in page.url

    # Switch to Japanese with the switcher on the page.
    page.click("form.lang button[value=ja]")
    page.wait_for_url("**/ja/dashboard/")
    page.click("text=バタン県・富山市 姉妹都市提携")
    page.wait_for_url("**/ja/partnerships/batang-toyama/")

    # Exploration → LoI: the exploration minutes are there.
    page.click("[data-test=advance-id-ksdpl]")
    page.wait_for_load_state()
    assert page.locator("#track-id-ksdpl li[aria-current=step]").inner_text() == "意向書（LoI）"

    # Past the LoI without a signed LoI: refused, and the message says what is missing.
    page.click("[data-test=advance-id-ksdpl]")
    page.wait_for_load_state()
    error = page.locator(".messages li.error").inner_text()
    assert "署名済みの意向書" in error
    assert page.locator("#track-id-ksdpl li[aria-current=step]").inner_text() == "意向書（LoI）"

    # Upload the signed LoI.
    loi = tmp_path / "LoI Batang-Toyama.pdf"
    loi.write_bytes(simple_pdf("Letter of Intent Batang - Toyama"))
    page.click("nav.tabs >> text=文書")
    page.select_option("#id_document_type", label="意向書（LoI）")
    page.fill("#id_title", "バタン県・富山市 意向書（署名済み）")
    page.select_option("#id_language", "multi")
    page.fill("#id_signed_on", "2026-11-20")
    page.set_input_files("#id_file", str(loi))
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state()
    assert "バタン県・富山市 意向書（署名済み）" in page.locator("#documents").inner_text()

    # Advance again: the timeline moves.
    page.click("nav.tabs >> text=概要")
    page.click("[data-test=advance-id-ksdpl]")
    page.wait_for_load_state()
    assert page.locator("#track-id-ksdpl li[aria-current=step]").inner_text().startswith("協力計画")
    newest = page.locator("#timeline li").first.inner_text()
    assert "意向書（LoI）" in newest and "協力計画" in newest


def test_applicant_gets_404_on_the_partnership_documents(live_server, page):
    load_demo()
    log_in(page, live_server, "dewi@student.example")
    response = page.goto(f"{live_server.url}/id/partnerships/batang-toyama/documents/")
    assert response.status == 404
