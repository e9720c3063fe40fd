"""The whole story in a real Chromium, from the demo, in Indonesian and in Japanese: Dewi applies
to the "Toyama internship" call, Rina scores, Sari shortlists and runs the allocation, Dewi
accepts the offer and completes the pre-departure checklist.

Assertions read content texts (set in three languages by the demo) and data-test selectors, not
UI strings, so they hold before and after the catalogues are translated.
"""

import datetime as dt

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo
from sistercity.demo.pdf import simple_pdf
from sistercity.exchange.choices import VisaType
from sistercity.exchange.demo import CALL_SLUG
from sistercity.exchange.models import Application, Call

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "id": {"title": "Magang di Toyama 2026", "placement": "Magang daur ulang sampah"},
    "ja": {"title": "富山インターンシップ 2026", "placement": "ごみリサイクル研修"},
}


def switch_user(page, live_server, email, language):
    page.context.clear_cookies()
    log_in(page, live_server, email, language)


@pytest.mark.parametrize("language", ["id", "ja"])
def test_the_exchange_story_from_application_to_readiness(live_server, page, tmp_path, language):
    load_demo()
    call = Call.objects.get(slug=CALL_SLUG)
    texts = TEXTS[language]
    base = f"{live_server.url}/{language}"
    cv = tmp_path / "CV Dewi.pdf"
    cv.write_bytes(simple_pdf("Curriculum vitae Dewi"))

    # The call is on the public list.
    page.goto(f"{base}/calls/")
    assert texts["title"] in page.locator(f"[data-test=call-{CALL_SLUG}]").inner_text()

    application = dewi_applies(page, live_server, language, call, texts, cv)
    rina_scores(page, live_server, language, application)
    sari_shortlists_allocates_and_offers(page, live_server, language, application, texts)
    dewi_accepts_and_fills_in_her_checklist(
        page, live_server, language, application, texts, tmp_path
    )
    sari_records_the_orientation_and_dewi_is_ready(page, live_server, language, application)


def dewi_applies(page, live_server, language, call, texts, cv):
    """Dewi applies."""
    base = f"{live_server.url}/{language}"
    log_in(page, live_server, "dewi@student.example", language)
    page.goto(f"{base}/calls/{CALL_SLUG}/")
    assert page.locator("#call-title").inner_text() == texts["title"]
    page.click("[data-test=apply]")
    page.wait_for_url("**/applications/*/")
    page.set_input_files("[data-test=upload-cv] input[type=file]", str(cv))
    page.click("[data-test=upload-cv] button[type=submit]")
    page.wait_for_load_state()
    assert "CV_Dewi.pdf" in page.locator("#documents").inner_text()
    page.fill("#id_date_of_birth", "2003-05-17")
    page.select_option("#id_gender", "female")
    page.select_option("#id_residence", str(call.residence_id))
    page.check("#id_is_enrolled")
    page.fill("#id_institution", "SMK Negeri 1 Batang")
    page.select_option("#id_field_of_study", "environment")
    page.select_option("#id_language_level", "N4")
    page.fill("#id_motivation", "Belajar daur ulang di Toyama.")
    page.fill("#application-form textarea[name^=q_]", "Pemilahan sampah untuk TPS3R Batang.")
    page.select_option("#id_choice_1", str(call.placements.get(code="recycling").pk))
    page.click("[data-test=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-test=status]").get_attribute("data-status") == "submitted"
    application = Application.objects.get(call=call, applicant__email="dewi@student.example")
    return application


def rina_scores(page, live_server, language, application):
    """Rina scores."""
    base = f"{live_server.url}/{language}"
    switch_user(page, live_server, "rina@batang.example", language)
    page.goto(f"{base}/reviews/")
    page.click("[data-test=review-link]")
    page.wait_for_url(f"**/reviews/{application.reference}/")
    for code, value in (("motivation", "9"), ("skills", "7"), ("language", "6")):
        page.fill(f"#id_c_{code}", value)
    page.click("[data-test=submit-scores]")
    page.wait_for_url("**/reviews/")


def sari_shortlists_allocates_and_offers(page, live_server, language, application, texts):
    """Sari shortlists, runs the allocation and sends the offers."""
    base = f"{live_server.url}/{language}"
    switch_user(page, live_server, "sari@batang.example", language)
    page.goto(f"{base}/manage/calls/{CALL_SLUG}/")
    row = page.locator(f"[data-test=row-{application.short_reference}]")
    page.select_option(f"[data-test=decide-{application.short_reference}] select", "shortlisted")
    page.click(f"[data-test=decide-{application.short_reference}] button[type=submit]")
    page.wait_for_load_state()
    assert row.locator("td[data-status]").get_attribute("data-status") == "shortlisted"
    page.click("[data-test=tab-allocation]")
    page.click("[data-test=run-allocation]")
    page.wait_for_url("**/manage/runs/*/")
    assert page.locator("#stability").get_attribute("data-stable") == "yes"
    assert (
        texts["placement"]
        in page.locator(f"[data-test=result-{application.short_reference}]").inner_text()
    )
    page.click("[data-test=send-offers]")
    page.wait_for_load_state()


def dewi_accepts_and_fills_in_her_checklist(
    page, live_server, language, application, texts, tmp_path
):
    """Dewi accepts and fills in her checklist."""
    base = f"{live_server.url}/{language}"
    switch_user(page, live_server, "dewi@student.example", language)
    page.goto(f"{base}/applications/{application.reference}/")
    assert texts["placement"] in page.locator("[data-test=offer]").inner_text()
    page.click("[data-test=accept-offer]")
    page.wait_for_url("**/readiness/")
    assert page.locator("#readiness-status").get_attribute("data-ready") == "no"
    readiness = Application.objects.get(pk=application.pk).readiness
    return_on = readiness.return_on
    page.fill("#id_passport_expires_on", (return_on + dt.timedelta(days=400)).isoformat())
    page.select_option("#id_visa_type", VisaType.JP_DESIGNATED_INTERNSHIP)
    page.fill("#id_insurance_provider", "Asuransi Contoh")
    page.fill("#id_insurance_valid_until", (return_on + dt.timedelta(days=30)).isoformat())
    page.fill("#id_emergency_contact_name", "Ibu Sri")
    page.fill("#id_emergency_contact_phone", "+62 812 0000 0000")
    page.click("[data-test=save-readiness]")
    page.wait_for_load_state()
    for kind in ("passport", "visa", "insurance"):
        evidence = tmp_path / f"{kind}.pdf"
        evidence.write_bytes(simple_pdf(kind))
        page.select_option("#id_evidence", kind)
        page.set_input_files("#id_file", str(evidence))
        page.click("[data-test=upload-evidence]")
        page.wait_for_load_state()
        assert page.locator(f"[data-test=item-{kind}]").get_attribute("data-ok") == "yes"
    assert page.locator("[data-test=item-orientation]").get_attribute("data-ok") == "no"


def sari_records_the_orientation_and_dewi_is_ready(page, live_server, language, application):
    """Sari records the orientation; Dewi is ready to depart."""
    base = f"{live_server.url}/{language}"
    switch_user(page, live_server, "sari@batang.example", language)
    page.goto(f"{base}/applications/{application.reference}/readiness/")
    page.click("[data-test=record-orientation]")
    page.wait_for_load_state()
    switch_user(page, live_server, "dewi@student.example", language)
    page.goto(f"{base}/applications/{application.reference}/readiness/")
    assert page.locator("#readiness-status").get_attribute("data-ready") == "yes"
    assert f'lang="{language}"' in page.content()


def test_an_outsider_gets_404_on_the_call_workspace(live_server, page):
    load_demo()
    log_in(page, live_server, "budi@batang.example")
    response = page.goto(f"{live_server.url}/id/manage/calls/{CALL_SLUG}/")
    assert response.status == 404
