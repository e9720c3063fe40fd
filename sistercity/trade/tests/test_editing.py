"""Correcting what was recorded, through the pages: a product's data and texts in three
languages, an enterprise's photos, a session's attendance, a buyer's profile and wants, trade
events and the event a lead came from, and an order's rupiah value. Bad input: 400, the
message beside its field, nothing saved; whoever may not change it: 404."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.testing import db_snapshot, exe_as_pdf, png_upload
from sistercity.trade.models import (
    Buyer,
    Enterprise,
    EnterprisePhoto,
    Lead,
    MentoringProgramme,
    Product,
    TradeEvent,
)

pytestmark = pytest.mark.django_db

SLUG = "batang-toyama"


def url(name, *args, language="id"):
    with translation.override(language):
        return reverse(f"trade:{name}", args=[SLUG, *args])


def snapshot():
    return db_snapshot("trade", "auditlog")


@pytest.fixture
def batik(partnership):
    return Product.objects.get(enterprise__nib="9120001234501", hs_code="520852")


@pytest.fixture
def batik_enterprise(partnership):
    return Enterprise.objects.get(partnership=partnership, nib="9120001234501")


def product_data(**changes):
    data = {
        "name": "Kain batik Rifaiyah",
        "description": "Batik tulis tangan dari Kalipucang",
        "name_ja": "リファイヤ・バティック布",
        "description_ja": "手描きのバティック",
        "name_en": "Rifaiyah batik cloth",
        "description_en": "Hand-drawn batik",
        "hs_code": "520852",
        "net_contents": "1 lembar",
        "price_idr": "850000",
        "fob_jpy": "9500",
    }
    return {**data, **changes}


# -- products -------------------------------------------------------------------------------


def test_owner_edits_a_product_in_three_languages_with_its_ex_works_price(client_for, siti, batik):
    page = client_for(siti).get(url("product_edit", batik.pk, language="ja"))
    assert page.status_code == 200 and 'id="product-form"' in page.content.decode()
    response = client_for(siti).post(url("product_edit", batik.pk), product_data())
    assert response.status_code == 302
    batik = Product.objects.get(pk=batik.pk)
    assert batik.price_idr == D("850000") and batik.fob_jpy == D("9500")
    texts = {t.language_code: (t.name, t.description) for t in batik.translations.all()}
    assert texts["ja"] == ("リファイヤ・バティック布", "手描きのバティック")
    assert texts["en"] == ("Rifaiyah batik cloth", "Hand-drawn batik")
    assert texts["id"] == ("Kain batik Rifaiyah", "Batik tulis tangan dari Kalipucang")
    english = client_for(siti).get(url("product", batik.pk, language="en")).content.decode()
    assert "Rifaiyah batik cloth" in english and "Hand-drawn batik" in english


def test_emptying_a_language_removes_it_but_a_description_without_a_name_is_refused(
    client_for, wulan, batik
):
    client = client_for(wulan)
    client.post(url("product_edit", batik.pk), product_data())
    response = client.post(
        url("product_edit", batik.pk), product_data(name_en="", description_en="")
    )
    assert response.status_code == 302
    assert not Product.objects.get(pk=batik.pk).has_translation("en")
    before = snapshot()
    page = client.post(
        url("product_edit", batik.pk, language="en"), product_data(name_ja="", description_ja="x")
    )
    assert page.status_code == 400
    assert page.context["form"].errors["name_ja"] == ["name (Japanese): This field is required."]
    assert snapshot() == before


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"hs_code": "1234"}, "hs_code", "exactly 6 digits"),
        ({"hs_code": "999999"}, "hs_code", "is not an HS 2022 subheading"),
        ({"price_idr": "-5"}, "price_idr", "greater than or equal to 0"),
        ({"name": ""}, "name", "This field is required."),
    ],
)
def test_bad_product_edit_is_refused_beside_the_field(
    client_for, siti, batik, changes, field, message
):
    before = snapshot()
    page = client_for(siti).post(
        url("product_edit", batik.pk, language="en"), product_data(**changes)
    )
    assert page.status_code == 400
    assert message in " ".join(page.context["form"].errors[field])
    assert snapshot() == before


def test_only_the_keepers_reach_the_product_edit_page(client_for, otto, ken, observer, batik):
    nutmeg = Product.objects.get(hs_code="090811")  # published: the buyer sees it
    before = snapshot()
    for person in (otto, ken, observer):
        client = client_for(person)
        assert client.get(url("product_edit", nutmeg.pk)).status_code == 404
        assert client.post(url("product_edit", nutmeg.pk), product_data()).status_code == 404
    assert snapshot() == before


def test_new_product_form_takes_descriptions_english_names_and_the_ex_works_price(
    client_for, wulan, batik_enterprise
):
    response = client_for(wulan).post(
        url("enterprise", batik_enterprise.pk, language="ja"),
        product_data(name="Selendang batik", hs_code="6214.90"),
    )
    assert response.status_code == 302
    product = Product.objects.get(enterprise=batik_enterprise, hs_code="621490")
    assert product.price_idr == D("850000")
    assert product.safe_translation_getter("name", language_code="id") == "Selendang batik"
    assert product.safe_translation_getter("name", language_code="en") == "Rifaiyah batik cloth"
    assert (
        product.safe_translation_getter("description", language_code="ja") == "手描きのバティック"
    )


def test_new_product_with_a_wrong_hs_code_is_refused_beside_the_field(
    client_for, wulan, batik_enterprise
):
    before = snapshot()
    page = client_for(wulan).post(
        url("enterprise", batik_enterprise.pk, language="ja"), product_data(hs_code="12")
    )
    assert page.status_code == 400
    assert "6桁" in " ".join(page.context["form"].errors["hs_code"])
    assert 'id="error-summary"' in page.content.decode()
    assert snapshot() == before


# -- enterprise photos ----------------------------------------------------------------------


def test_owner_adds_an_enterprise_photo_that_its_page_shows(client_for, siti, batik_enterprise):
    client = client_for(siti)
    response = client.post(
        url("enterprise_photo_add", batik_enterprise.pk),
        {"image": png_upload("bengkel.png"), "caption": "Bengkel batik di Kalipucang"},
    )
    assert response.status_code == 302
    photo = EnterprisePhoto.objects.get(enterprise=batik_enterprise)
    page = client.get(url("enterprise", batik_enterprise.pk)).content.decode()
    assert 'alt="Bengkel batik di Kalipucang"' in page
    image = client.get(url("enterprise_photo", batik_enterprise.pk, photo.pk))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_a_program_named_like_a_photo_is_refused_beside_the_field(
    client_for, wulan, batik_enterprise, language
):
    before = snapshot()
    page = client_for(wulan).post(
        url("enterprise_photo_add", batik_enterprise.pk, language=language),
        {"image": exe_as_pdf("bengkel.jpg"), "caption": "Bengkel"},
    )
    assert page.status_code == 400
    assert list(page.context["photo_form"].errors) == ["image"]
    assert snapshot() == before


def test_outsiders_and_buyers_neither_add_nor_see_unpublished_enterprise_photos(
    client_for, otto, ken, siti, batik_enterprise
):
    client_for(siti).post(
        url("enterprise_photo_add", batik_enterprise.pk), {"image": png_upload(), "caption": "x"}
    )
    photo = EnterprisePhoto.objects.get(enterprise=batik_enterprise)
    before = snapshot()
    for person in (otto, ken):
        client = client_for(person)
        assert client.get(url("enterprise_photo", batik_enterprise.pk, photo.pk)).status_code == 404
        response = client.post(
            url("enterprise_photo_add", batik_enterprise.pk),
            {"image": png_upload(), "caption": "y"},
        )
        assert response.status_code == 404
    assert snapshot() == before


# -- mentoring attendance -------------------------------------------------------------------


@pytest.fixture
def programme(partnership):
    return MentoringProgramme.objects.get(partnership=partnership)


def session_data(session, attendees):
    return {
        "held_on": session.held_on.isoformat(),
        "topic": session.topic,
        "instructor": session.instructor,
        "attendees": [e.pk for e in attendees],
    }


def test_msme_office_corrects_the_attendance_of_a_recorded_session(
    client_for, wulan, programme, batik_enterprise
):
    session = programme.sessions.first()
    attendees = list(session.attendees.all())
    changed = [*attendees[1:], batik_enterprise]
    page = client_for(wulan).get(url("session_edit", programme.pk, session.pk, language="ja"))
    assert page.status_code == 200
    response = client_for(wulan).post(
        url("session_edit", programme.pk, session.pk), session_data(session, changed)
    )
    assert response.status_code == 302
    assert set(session.attendees.all()) == set(changed)
    detail = client_for(wulan).get(url("mentoring", programme.pk)).content.decode()
    assert str(batik_enterprise) in detail


def test_a_session_before_the_programme_is_refused_beside_the_date(client_for, wulan, programme):
    session = programme.sessions.first()
    before = snapshot()
    data = session_data(session, session.attendees.all())
    data["held_on"] = (programme.starts_on - dt.timedelta(days=1)).isoformat()
    page = client_for(wulan).post(
        url("session_edit", programme.pk, session.pk, language="en"), data
    )
    assert page.status_code == 400
    assert "before the programme starts" in page.context["form"].errors["held_on"][0]
    assert snapshot() == before


def test_owners_buyers_and_outsiders_cannot_edit_a_session(
    client_for, siti, ken, otto, observer, programme
):
    session = programme.sessions.first()
    before = snapshot()
    for person in (siti, ken, otto, observer):
        response = client_for(person).post(
            url("session_edit", programme.pk, session.pk), session_data(session, [])
        )
        assert response.status_code == 404
    assert snapshot() == before


# -- buyers ---------------------------------------------------------------------------------


def buyer_data(buyer, **changes):
    data = {
        "name_ja": buyer.name_ja,
        "name_romaji": buyer.name_romaji,
        "prefecture": buyer.prefecture,
        "sector": buyer.sector,
        "wanted_hs_codes": "0908.11, 200600",
        "wanted_volume_kg": "500",
        "wanted_certifications": ["halal", "haccp"],
        "target_price_jpy": "1800",
    }
    return {**data, **changes}


@pytest.fixture
def toyama(ken):
    return Buyer.objects.get(members=ken)


def test_buyer_keeps_its_profile_and_standing_wants(client_for, ken, toyama):
    client = client_for(ken)
    assert client.get(url("buyer_edit", toyama.pk, language="ja")).status_code == 200
    response = client.post(url("buyer_edit", toyama.pk), buyer_data(toyama, sector="食品輸入"))
    assert response.status_code == 302
    toyama.refresh_from_db()
    assert toyama.sector == "食品輸入" and toyama.wanted_hs_codes == ["090811", "200600"]
    assert toyama.wanted_volume_kg == D("500") and toyama.target_price_jpy == D("1800")
    assert toyama.wanted_certifications == ["haccp", "halal"]
    overview = client.get(url("overview", language="en")).content.decode()
    assert "090811, 200600" in overview


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"wanted_hs_codes": "090811, 12"}, "wanted_hs_codes", "6 digits"),
        ({"wanted_hs_codes": "999999"}, "wanted_hs_codes", "not an HS 2022 subheading"),
        ({"wanted_volume_kg": "-1"}, "wanted_volume_kg", "greater than or equal to 0"),
        ({"wanted_certifications": ["gold"]}, "wanted_certifications", "not one of"),
        ({"prefecture": " "}, "prefecture", "required"),
    ],
)
def test_bad_buyer_wants_are_refused_beside_the_field(
    client_for, ken, toyama, changes, field, message
):
    before = snapshot()
    page = client_for(ken).post(
        url("buyer_edit", toyama.pk, language="en"), buyer_data(toyama, **changes)
    )
    assert page.status_code == 400
    assert message in " ".join(page.context["form"].errors[field])
    assert snapshot() == before


def test_another_buyer_and_outsiders_get_404_on_a_buyer(client_for, demo, otto, observer, toyama):
    before = snapshot()
    for person in (demo.users["mika"], otto, observer):
        client = client_for(person)
        assert client.get(url("buyer_edit", toyama.pk)).status_code == 404
        assert client.post(url("buyer_edit", toyama.pk), buyer_data(toyama)).status_code == 404
    assert snapshot() == before


# -- trade events and leads -----------------------------------------------------------------


def test_msme_office_records_a_fair_and_a_lead_names_it(client_for, wulan, ken):
    response = client_for(wulan).post(
        url("event_new"),
        {"name": "Indonesia Fair Toyama", "held_on": "2026-11-14", "place": "Toyama"},
    )
    assert response.status_code == 302
    fair = TradeEvent.objects.get(name="Indonesia Fair Toyama")
    lead = Lead.objects.get(inquiry__buyer__members=ken)
    response = client_for(ken).post(url("lead", lead.pk), {"action": "event", "event": fair.pk})
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.event == fair
    overview = client_for(wulan).get(url("overview", language="ja")).content.decode()
    assert "Indonesia Fair Toyama" in overview


def test_a_bad_event_is_refused_beside_its_field(client_for, wulan, ken):
    before = snapshot()
    page = client_for(wulan).post(
        url("event_new", language="en"), {"name": " ", "held_on": "2026-11-14"}
    )
    assert page.status_code == 400 and "name" in page.context["form"].errors
    lead = Lead.objects.get(inquiry__buyer__members=ken)
    page = client_for(ken).post(
        url("lead", lead.pk, language="en"), {"action": "event", "event": 99999}
    )
    assert page.status_code == 400 and "event" in page.context["event_form"].errors
    assert snapshot() == before


def test_only_the_msme_office_records_events(client_for, ken, siti, otto, observer):
    before = snapshot()
    for person in (ken, siti, otto, observer):
        response = client_for(person).post(url("event_new"), {"name": "x", "held_on": "2026-11-14"})
        assert response.status_code == 404
    assert snapshot() == before


# -- orders in JPY and IDR ------------------------------------------------------------------


def order_data(**changes):
    data = {
        "action": "order",
        "ordered_on": "2026-12-01",
        "quantity_kg": "100",
        "value_jpy": "150000",
    }
    return {**data, **changes}


def test_an_order_keeps_its_rupiah_value_or_converts_it_at_the_dated_rate(client_for, ken):
    lead = Lead.objects.get(inquiry__buyer__members=ken)
    client = client_for(ken)
    assert client.post(url("lead", lead.pk), order_data(value_idr="15500000")).status_code == 302
    assert client.post(url("lead", lead.pk), order_data()).status_code == 302
    given, converted = lead.orders.order_by("-pk")[:2][::-1]
    assert given.value_idr == D("15500000")
    assert converted.value_idr == D("15780000")  # 150 000 JPY × 105.20 (rate of 1 January 2026)
    page = client.get(url("lead", lead.pk, language="ja")).content.decode()
    assert 'data-test="order-idr"' in page


def test_a_bad_order_is_refused_beside_the_field(client_for, ken):
    lead = Lead.objects.get(inquiry__buyer__members=ken)
    before = snapshot()
    page = client_for(ken).post(url("lead", lead.pk, language="en"), order_data(value_idr="-3"))
    assert page.status_code == 400 and "value_idr" in page.context["order_form"].errors
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    page = client_for(ken).post(url("lead", lead.pk, language="en"), order_data(ordered_on=future))
    assert page.status_code == 400
    assert "is in the future" in page.context["order_form"].errors["ordered_on"][0]
    assert snapshot() == before


# -- inquiries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"hs_code": "0908"}, "hs_code", "6 digits"),
        ({"deadline": "2020-01-01"}, "deadline", "is in the past"),
    ],
)
def test_a_bad_inquiry_is_refused_beside_the_field(client_for, ken, changes, field, message):
    data = {
        "title": "Nutmeg 500 kg/month",
        "hs_code": "090811",
        "volume_kg": "500",
        "deadline": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        **changes,
    }
    before = snapshot()
    page = client_for(ken).post(url("inquiry_new", language="en"), data)
    assert page.status_code == 400
    assert message in page.context["form"].errors[field][0]
    assert snapshot() == before


def test_a_sample_request_names_the_fair_that_brought_the_buyer(client_for, wulan, ken):
    from sistercity.trade import selectors, services
    from sistercity.trade.models import Buyer

    client_for(wulan).post(
        url("event_new"), {"name": "Toyama Food Fair", "held_on": "2026-10-01", "place": "Toyama"}
    )
    fair = TradeEvent.objects.get(name="Toyama Food Fair")
    # A new nutmeg inquiry of Ken's, and the product ranked first for it.
    inquiry = services.inquiry_create(
        actor=ken,
        buyer=Buyer.objects.filter(members=ken).first(),
        title="ナツメグ（ホール）",
        hs_code="090811",
        volume_kg=D("500"),
        deadline=dt.date.today() + dt.timedelta(days=60),
    )
    product = selectors.matches(user=ken, inquiry=inquiry)[0].product
    page = client_for(ken).get(url("inquiry", inquiry.pk)).content.decode()
    assert f'id="event-{product.pk}"' in page and "Toyama Food Fair" in page
    response = client_for(ken).post(
        url("inquiry", inquiry.pk), {"product": product.pk, "event": fair.pk}
    )
    assert response.status_code == 302
    assert Lead.objects.get(inquiry=inquiry, product=product).event == fair
