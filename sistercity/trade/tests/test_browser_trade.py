"""The MSME story in a real Chromium, in Indonesian and Japanese: the MSME office registers an
enterprise and a nutmeg product, sees the aflatoxin gap, adds the lab report and sees the score
rise; a Toyama buyer (Japanese UI) posts an inquiry, sees the products ranked with reasons,
requests a sample; the deal moves to a first order and the msme indicator rises once the
secretariat approves the counted update."""

import datetime as dt
from decimal import Decimal as D

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "batang-toyama"


def register_enterprise(page, base):
    page.goto(f"{base}/msme/{SLUG}/enterprises/new/")
    for field, value in (
        ("legal_name", "UD Pala Wonotunggal"),
        ("nib", "9120005555501"),
        ("kbli_codes", "46311"),
        ("annual_sales_idr", "1200000000"),
        ("kecamatan", "Wonotunggal"),
        ("owner_name", "Darsono"),
    ):
        page.fill(f"#id_{field}", value)
    page.click("[data-test=save-enterprise]")
    page.wait_for_url("**/enterprises/*/")
    assert page.locator(".messages li.error").count() == 0
    return page.locator("[data-test=size-class]").inner_text()


def add_nutmeg(page):
    page.fill("#id_name", "Pala Wonotunggal")
    page.fill("#id_name_ja", "ナツメグ")
    page.fill("#id_hs_code", "0908.11")
    page.fill("#id_net_contents", "250g")
    page.click("[data-test=save-product]")
    page.wait_for_url("**/products/*/")


def add_aflatoxin_report(page):
    page.select_option("#id_parameter", "aflatoxin")
    page.fill("#id_result", "1.8")
    page.fill("#id_unit", "µg/kg")
    page.fill("#id_laboratory", "Lab contoh")
    page.fill("#id_tested_on", dt.date.today().isoformat())
    page.click("[data-test=save-lab]")
    page.wait_for_url("**/products/*/")


def msme_office_story(page, base, language):
    size = register_enterprise(page, base)
    assert size == {"id": "mikro", "ja": "零細"}[language]
    add_nutmeg(page)
    aflatoxin = page.locator("#readiness tr[data-rule=mhlw-aflatoxin-nutmeg]")
    assert aflatoxin.get_attribute("data-met") == "no"
    before = int(page.locator("[data-test=score]").inner_text())
    add_aflatoxin_report(page)
    assert aflatoxin.get_attribute("data-met") == "yes"
    assert int(page.locator("[data-test=score]").inner_text()) > before


def buyer_story(page, base):
    page.goto(f"{base}/msme/{SLUG}/inquiries/new/")
    page.fill("#id_title", "ナツメグ 500kg/月")
    page.fill("#id_hs_code", "090811")
    page.fill("#id_volume_kg", "500")
    page.fill("#id_target_price_jpy", "2000")
    page.fill("#id_deadline", (dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.click("[data-test=save-inquiry]")
    page.wait_for_url("**/inquiries/*/")
    first = page.locator("#matches tbody tr").first
    assert first.get_attribute("data-hs") == "090811"
    assert "同じHS号（6桁）" in first.locator(".reasons").inner_text()
    first.locator("[data-test=request-sample]").click()
    page.wait_for_url("**/leads/*/")
    page.select_option("#id_stage", "sample_sent")
    page.click("[data-test=advance]")
    page.wait_for_url("**/leads/*/")
    page.fill("#id_ordered_on", dt.date.today().isoformat())
    page.fill("#id_quantity_kg", "500")
    page.fill("#id_value_jpy", "950000")
    page.click("[data-test=record-order]")
    page.wait_for_url("**/leads/*/")
    assert page.locator("[data-test=stage]").inner_text() == "初回注文"


@pytest.mark.parametrize("language", ["id", "ja"])
def test_msme_office_and_toyama_buyer(live_server, browser, page, language):
    demo = load_demo()
    base = f"{live_server.url}/{language}"
    log_in(page, live_server, "wulan@batang.example", language)
    msme_office_story(page, base, language)

    buyer = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo").new_page()
    log_in(buyer, live_server, "ken.tanaka@toyama-foods.example", "ja")
    buyer_story(buyer, f"{live_server.url}/ja")
    buyer.context.close()

    from sistercity.programs import services as programmes
    from sistercity.programs.models import Indicator

    indicator = Indicator.objects.get(code="msme-first-orders")
    update = programmes.indicator_feed(actor=demo.users["sari"], indicator=indicator)
    assert update.value == D(2)  # the demo's first order and this one
    programmes.update_approve(actor=demo.users["yamada"], update=update)
    secretariat = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta").new_page()
    log_in(secretariat, live_server, "sari@batang.example", language)
    secretariat.goto(f"{base}/msme/{SLUG}/")
    assert secretariat.locator("#trade-funnel [data-test=first-orders]").inner_text() == "2"
    secretariat.context.close()
