"""The public prospectus's contact form: an enquiry becomes a lead of the pipeline owner, who
gets an e-mail; the honeypot and the rate limit stop bots; bad input saves nothing."""

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache

from sistercity.investment import choices as c
from sistercity.investment.models import Lead, Opportunity
from sistercity.investment.services import enquiries
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("investment", "auditlog")


@pytest.fixture(autouse=True)
def _fresh_limit():
    cache.clear()


def url(partnership, code="kitb-c1-a07", language="ja"):
    return f"/{language}/investment/{partnership.slug}/prospectus/sites/{code}/"


FORM = {
    "name": "鈴木 太郎",
    "company": "株式会社サンプル北陸",
    "email": "suzuki@example.jp",
    "message": "C1-A07の区画について、電力容量を教えてください。",
}


def test_an_enquiry_becomes_a_lead_and_mails_the_pipeline_owner(client, partnership, andi):
    response = client.post(url(partnership), FORM)
    assert response.status_code == 302
    lead = Lead.objects.get(enquiry_email="suzuki@example.jp")
    assert (lead.stage, lead.source, lead.owner) == (
        c.Stage.IDENTIFIED,
        c.LeadSource.PROSPECTUS,
        andi,
    )
    assert lead.opportunity.code == "kitb-c1-a07"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [andi.email]
    # The owner reads Indonesian: the e-mail is in his language, with the enquiry as typed.
    assert "Pertanyaan investasi baru" in message.subject
    assert FORM["message"] in message.body and str(lead.reference) in message.body
    page = client.get(response["Location"]).content.decode()
    assert "お問い合わせを投資担当部局に送信しました" in page


def test_the_honeypot_saves_nothing_and_says_nothing_different(client, partnership):
    before = db_snapshot(*APPS)
    response = client.post(url(partnership), {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert db_snapshot(*APPS) == before and mail.outbox == []


def test_the_rate_limit_refuses_the_sixth_enquiry_in_an_hour(client, partnership):
    for _ in range(enquiries.RATE_LIMIT):
        assert client.post(url(partnership), FORM).status_code == 302
    before = db_snapshot(*APPS)
    response = client.post(url(partnership), FORM)
    assert response.status_code == 400
    assert "1時間後にもう一度" in response.content.decode()
    assert db_snapshot(*APPS) == before


@pytest.mark.parametrize(
    "change, words",
    [
        ({"email": "not-an-address"}, "メールアドレス"),
        ({"message": "<script>alert(1)</script>"}, "HTML"),
        ({"message": ""}, "お問い合わせ内容"),
    ],
)
def test_bad_enquiries_are_refused_in_the_visitors_language(client, partnership, change, words):
    before = db_snapshot(*APPS)
    response = client.post(url(partnership), {**FORM, **change})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert db_snapshot(*APPS) == before and mail.outbox == []


def test_a_private_offer_has_no_public_page(client, partnership):
    Opportunity.objects.filter(code="kitb-log-11").update(is_public=False)
    assert client.get(url(partnership, "kitb-log-11")).status_code == 404
    assert client.post(url(partnership, "kitb-log-11"), FORM).status_code == 404


def test_the_prospectus_marks_unverified_incentives_and_hides_expired_ones(client, partnership):
    page = client.get(f"/en/investment/{partnership.slug}/prospectus/").content.decode()
    assert "PP 40/2021" in page
    assert "illustrative: not yet checked against the official text" in page
    assert "Pioneer-industry tax holiday" not in page  # valid only until 31 December 2025
    assert "Batang waste-to-energy plant (PLTSa)" in page


def test_the_kek_batang_regulation_is_shown_as_known_from_the_press_only(client, partnership):
    from sistercity.investment.models import Incentive

    kek = Incentive.objects.get(partnership=partnership, code="kek-batang")
    assert kek.source_status == "press" and not kek.verified
    assert "(" not in kek.legal_source  # the caveat is data, not squeezed into the name
    for language, words in (
        ("en", "known from press reports only"),
        ("id", "pemberitaan"),
        ("ja", "報道"),
    ):
        page = client.get(f"/{language}/investment/{partnership.slug}/prospectus/")
        html = page.content.decode()
        item = html[html.index('data-incentive="kek-batang"') :].split("</li>")[0]
        assert 'data-source="press"' in item and words in item, language
        assert 'data-test="source-note"' in item


def test_an_overdue_next_step_is_on_the_owners_dashboard_and_reminded_once_a_day(
    client_for, andi, partnership, leads
):
    from sistercity.investment import services

    overdue = leads["pharma"]  # next step due 20 November 2026
    page = client_for(andi).get(f"/id/investment/{partnership.slug}/").content.decode()
    assert 'id="overdue"' in page and overdue.title in page
    today = dt.date(2026, 12, 2)
    assert services.next_step_reminders_send(today=today) == 1
    assert mail.outbox[0].to == [andi.email] and overdue.title in mail.outbox[0].subject
    assert services.next_step_reminders_send(today=today) == 0
    assert services.next_step_reminders_send(today=today + dt.timedelta(days=1)) == 1
