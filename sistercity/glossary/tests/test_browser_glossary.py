"""The glossary's wording in a real browser: the Indonesian navigation says "Seleksi terbuka"
(not "Panggilan"), the Japanese lifecycle names the regency バタン県 and the stage 意向書, and
the public glossary page lists the terms with their sources."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_agreed_terms_in_the_navigation_the_lifecycle_and_the_glossary(live_server, page):
    load_demo()
    page.goto(f"{live_server.url}/id/")
    navigation = page.locator("header nav").inner_text()
    assert "Seleksi terbuka" in navigation and "Panggilan" not in navigation

    log_in(page, live_server, "yamada@toyama.example", language="ja")
    page.goto(f"{live_server.url}/ja/partnerships/batang-toyama/")
    stages = page.locator("#track-id-ksdpl").inner_text()
    assert "意向書（LoI）" in stages
    assert "バタン県" in page.locator("h1").inner_text()
    assert "カブパテン" not in page.content()

    page.goto(f"{live_server.url}/id/glossary/")
    row = page.locator("tr", has_text="letter of intent")
    assert "Pernyataan Kehendak Kerja Sama" in row.inner_text()
    assert "Permendagri 25/2020" in row.inner_text()
    page.fill("#glossary-q", "sampah")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("tr", has_text="waste bank").count() == 1
    assert page.locator("tr", has_text="letter of intent").count() == 0
