"""Buyers, inquiries, the match list, leads, messages and orders; the msme indicator feeds."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.http import Http404
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.programs import services as programmes
from sistercity.programs.models import Indicator
from sistercity.testing import db_snapshot
from sistercity.trade import contributions, selectors, services
from sistercity.trade.models import Buyer, Inquiry, Lead, Message, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def toyama_buyer(partnership, ken):
    return Buyer.objects.get(partnership=partnership, members=ken)


def nutmeg_inquiry(ken, buyer, **changes):
    fields = dict(
        title="ナツメグ（ホール）",
        hs_code="090811",
        volume_kg=D("500"),
        deadline=dt.date.today() + dt.timedelta(days=60),
        target_price_jpy=D("2000"),
    )
    fields.update(changes)
    return services.inquiry_create(actor=ken, buyer=buyer, **fields)


def test_buyer_sees_published_products_ranked_with_reasons(ken, toyama_buyer):
    inquiry = nutmeg_inquiry(ken, toyama_buyer)
    ranked = selectors.matches(user=ken, inquiry=inquiry)
    assert str(ranked[0].product) == "Pala biji kering"
    codes = [r.code for r in ranked[0].match.reasons]
    assert codes[:2] == ["hs6", "capacity"] and "price" in codes
    # Products of the same chapter follow; unpublished ones (the cassava chips) never show.
    assert all(r.product.is_published for r in ranked)
    assert [r.match.reasons[0].code for r in ranked] == ["hs6", "hs2"]


def test_a_buyer_cannot_read_another_buyers_inquiry(partnership, demo):
    mika = demo.users["mika"]
    ken_inquiry = Inquiry.objects.get(title="マンゴーの砂糖漬け（業務用）")
    assert not Inquiry.objects.for_user(mika).filter(pk=ken_inquiry.pk).exists()
    with pytest.raises(Http404):
        services.lead_open(
            actor=mika, inquiry=ken_inquiry, product=Product.objects.get(hs_code="520852")
        )


def test_bad_inquiry_is_refused_naming_the_field(ken, toyama_buyer):
    before = db_snapshot("trade")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        nutmeg_inquiry(ken, toyama_buyer, hs_code="0908")
    assert str(refused.value) == "HS code wanted: must have exactly 6 digits; “0908” has 4."
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        nutmeg_inquiry(ken, toyama_buyer, deadline=dt.date(2020, 1, 1))
    assert str(refused.value) == "answer by: is in the past."
    assert db_snapshot("trade") == before


def test_funnel_to_first_and_repeat_order_and_the_feeds_count_orders(
    partnership, ken, hadi_or_wulan, toyama_buyer
):
    inquiry = nutmeg_inquiry(ken, toyama_buyer)
    nutmeg = Product.objects.get(hs_code="090811", enterprise__partnership=partnership)
    lead = services.lead_open(actor=ken, inquiry=inquiry, product=nutmeg, note="サンプル希望")
    assert Message.objects.get(lead=lead).language in ("id", "ja")
    with pytest.raises(SisterCityError):
        services.order_record(
            actor=ken, lead=lead, ordered_on=dt.date.today(), quantity_kg=D(1), value_jpy=D(1)
        )
    services.lead_advance(actor=hadi_or_wulan, lead=lead, stage="sample_sent")
    before = contributions.first_orders(partnership, None)
    value_before = contributions.order_value_jpy(partnership, None)
    services.order_record(
        actor=ken, lead=lead, ordered_on=dt.date.today(), quantity_kg=D(500), value_jpy=D(950000)
    )
    services.order_record(
        actor=ken, lead=lead, ordered_on=dt.date.today(), quantity_kg=D(500), value_jpy=D(950000)
    )
    lead.refresh_from_db()
    assert lead.stage == "repeat_order"
    assert contributions.first_orders(partnership, None) == before + 1
    assert contributions.repeat_orders(partnership, None) >= 1
    assert contributions.order_value_jpy(partnership, None) == value_before + D(1900000)


@pytest.fixture
def hadi_or_wulan(demo):
    return demo.users["hadi"]


def test_lost_needs_a_reason_and_leads_stay_between_their_parties(partnership, ken, siti, demo):
    lead = Lead.objects.get(inquiry__title="マンゴーの砂糖漬け（業務用）")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.lead_advance(actor=ken, lead=lead, stage="inquiry")
    assert "cannot go from" in str(refused.value)
    assert not Lead.objects.for_user(siti).filter(pk=lead.pk).exists()
    assert not Lead.objects.for_user(demo.users["observer"]).filter(pk=lead.pk).exists()
    with pytest.raises(Http404):
        services.message_send(actor=demo.users["mika"], lead=lead, body="?")


def test_first_orders_indicator_rises_after_approval(partnership, sari, demo):
    indicator = Indicator.objects.get(code="msme-first-orders")
    update = programmes.indicator_feed(actor=sari, indicator=indicator)
    assert update.value == D(1)  # the demo's first order of candied mango
    programmes.update_approve(actor=demo.users["yamada"], update=update)
    update.refresh_from_db()
    assert update.status == "approved"


def test_japan_requirements_command_prints_the_rules(capsys):
    call_command("japan_requirements", "0908.11", "--json")
    found = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in found][:2] == ["fsa-import-notification", "mhlw-aflatoxin-nutmeg"]
    assert all(r["source"] and r["url"].startswith("https://") for r in found)
    call_command("japan_requirements", "090121", "--organic")
    assert "jas-organic" in capsys.readouterr().out


def test_leads_link_back_to_the_fair_that_produced_them(partnership, client_for, wulan):
    from django.urls import reverse

    lead = Lead.objects.get(inquiry__title="マンゴーの砂糖漬け（業務用）")
    assert lead.event.name.startswith("Toyama Asia Food Fair")
    page = client_for(wulan).get(reverse("trade:lead", args=[partnership.slug, lead.pk]))
    assert 'data-test="lead-event"' in page.content.decode()
    overview = client_for(wulan).get(reverse("trade:overview", args=[partnership.slug]))
    assert 'data-test="event-leads">1<' in overview.content.decode()


def test_msme_office_registers_a_buyer_with_its_contact_from_the_page(
    client_for, partnership, wulan, otto
):
    from django.urls import reverse

    from sistercity.trade.models import Buyer

    new = reverse("trade:buyer_new", args=[partnership.slug])
    response = client_for(wulan).post(
        new,
        {
            "name_ja": "北陸物産株式会社",
            "name_romaji": "Hokuriku Bussan",
            "prefecture": "富山県",
            "sector": "食品",
            "member_email": otto.email.upper(),
        },
    )
    assert response.status_code == 302
    buyer = Buyer.objects.get(name_romaji="Hokuriku Bussan")
    assert list(buyer.members.all()) == [otto]
    # Its contact now reaches the workspace and may post inquiries for the buyer.
    assert (
        client_for(otto).get(reverse("trade:inquiry_new", args=[partnership.slug])).status_code
        == 200
    )


def test_an_unknown_contact_e_mail_is_refused_beside_the_field(client_for, partnership, wulan):
    from django.urls import reverse

    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        reverse("trade:buyer_new", args=[partnership.slug]).replace("/id/", "/en/"),
        {
            "name_ja": "北陸物産",
            "name_romaji": "Hokuriku",
            "prefecture": "富山県",
            "sector": "食品",
            "member_email": "nobody@nowhere.example",
        },
    )
    assert page.status_code == 200
    assert "no account has this e-mail" in page.context["form"].errors["member_email"][0]
    assert db_snapshot("trade", "auditlog") == before


def test_buyers_and_owners_cannot_register_buyers(client_for, partnership, ken, siti):
    from django.urls import reverse

    before = db_snapshot("trade", "auditlog")
    data = {"name_ja": "x", "name_romaji": "x", "prefecture": "x", "sector": "x"}
    for person in (ken, siti):
        response = client_for(person).post(
            reverse("trade:buyer_new", args=[partnership.slug]), data
        )
        assert response.status_code == 404
    assert db_snapshot("trade", "auditlog") == before
