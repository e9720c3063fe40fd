"""The REST API: the same rows and refusals as the pages; outsiders get 404."""

import pytest
from django.utils import translation

from sistercity.testing import db_snapshot
from sistercity.trade.models import Buyer, Enterprise, Inquiry, Lead, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def rows_of(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


def test_staff_list_enterprises_with_personal_data_observers_without(api, wulan, observer):
    rows = rows_of(api(wulan).get("/api/msme-enterprises/?partnership=batang-toyama"))
    batik = next(r for r in rows if r["nib"] == "9120001234501")
    assert batik["owner_name"] == "Siti Aminah" and batik["size_class"] == "micro"
    rows = rows_of(api(observer).get("/api/msme-enterprises/"))
    assert rows and all("owner_name" not in r and "phone" not in r for r in rows)


def test_buyer_sees_published_enterprises_only(api, ken):
    rows = rows_of(api(ken).get("/api/msme-enterprises/"))
    published = set(Enterprise.objects.filter(is_published=True).values_list("pk", flat=True))
    assert {r["id"] for r in rows} == published


def test_create_refuses_bad_nib_with_a_translated_message(api, wulan):
    before = db_snapshot("trade", "auditlog")
    response = api(wulan).post(
        "/api/msme-enterprises/",
        {
            "partnership": "batang-toyama",
            "legal_name": "UD Contoh",
            "nib": "12",
            "kbli_codes": ["10794"],
            "annual_sales_idr": "1000000",
            "kecamatan": "Batang",
            "owner_name": "Karno",
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert "13桁" in response.json()["detail"]
    assert db_snapshot("trade", "auditlog") == before


def test_readiness_of_a_product(api, wulan):
    nutmeg = Product.objects.get(hs_code="090811")
    with translation.override("en"):
        data = api(wulan).get(f"/api/msme-products/{nutmeg.pk}/readiness/").json()
    assert data["score"] == 83
    missing = [i["rule"] for i in data["items"] if not i["met"]]
    assert missing == ["mhlw-aflatoxin-nutmeg"]


def test_another_buyer_and_outsiders_get_404(api, demo, otto):
    inquiry = Inquiry.objects.get(title="マンゴーの砂糖漬け（業務用）")
    assert api(demo.users["mika"]).get(f"/api/msme-inquiries/{inquiry.pk}/").status_code == 404
    assert api(otto).get(f"/api/msme-inquiries/{inquiry.pk}/").status_code == 404
    assert api(demo.users["ken"]).get(f"/api/msme-inquiries/{inquiry.pk}/").status_code == 200


def test_schema_documents_the_msme_endpoints(api, admin_user):
    response = api(admin_user).get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/msme-products/{id}/readiness/" in response.content


def test_anonymous_callers_are_refused_everywhere(client):
    for path in (
        "/api/msme-buyers/",
        "/api/msme-inquiries/",
        "/api/msme-leads/",
        "/api/msme-orders/",
        "/api/msme-enterprises/",
    ):
        assert client.get(path).status_code in (401, 403), path


def test_listings_are_scoped_to_the_caller(api, demo, wulan):
    ken, mika = demo.users["ken"], demo.users["mika"]
    assert {r["name_romaji"] for r in rows_of(api(mika).get("/api/msme-buyers/"))} == {
        "Etchu Trading Co., Ltd. (illustrative)"
    }
    assert [r["title"] for r in rows_of(api(mika).get("/api/msme-inquiries/"))] == [
        "手描きバティック生地"
    ]
    assert rows_of(api(mika).get("/api/msme-leads/")) == []
    assert rows_of(api(mika).get("/api/msme-orders/")) == []
    orders = rows_of(api(ken).get("/api/msme-orders/"))
    assert [(o["kind"], o["value_jpy"]) for o in orders] == [("first", "450000.00")]
    assert len(rows_of(api(wulan).get("/api/msme-buyers/?partnership=batang-toyama"))) == 2


def test_another_buyer_cannot_reach_a_lead_its_messages_or_orders(api, demo):
    lead = Lead.objects.get(inquiry__title="マンゴーの砂糖漬け（業務用）")
    order = lead.orders.get()
    mika = api(demo.users["mika"])
    before = db_snapshot("trade")
    assert mika.get(f"/api/msme-leads/{lead.pk}/").status_code == 404
    assert mika.get(f"/api/msme-leads/{lead.pk}/messages/").status_code == 404
    assert mika.get(f"/api/msme-orders/{order.pk}/").status_code == 404
    response = mika.post(
        f"/api/msme-leads/{lead.pk}/messages/",
        {"body": "こんにちは", "language": "ja"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert mika.get(f"/api/msme-inquiries/{lead.inquiry_id}/matches/").status_code == 404
    assert db_snapshot("trade") == before


def test_buyer_opens_a_lead_and_the_funnel_moves_to_a_first_order(api, demo):
    mika = demo.users["mika"]
    buyer = Buyer.objects.get(members=mika)
    client = api(mika)
    posted = client.post(
        "/api/msme-inquiries/",
        {
            "buyer": buyer.pk,
            "title": "ジャワコーヒー豆",
            "hs_code": "0901.21",
            "volume_kg": "50",
            "deadline": "2027-06-30",
        },
        content_type="application/json",
    )
    assert posted.status_code == 201, posted.content
    inquiry = Inquiry.objects.get(pk=posted.json()["id"])
    matches = client.get(
        f"/api/msme-inquiries/{inquiry.pk}/matches/", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    best = matches[0]
    assert Product.objects.get(pk=best["product"]).hs_code == "090121"
    assert best["reasons"] and all(r["text"] for r in best["reasons"])
    created = client.post(
        "/api/msme-leads/",
        {"inquiry": inquiry.pk, "product": best["product"], "note": "見本をお願いします"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",  # the note is labelled with the caller's language
    )
    assert created.status_code == 201, created.content
    lead = created.json()
    assert lead["stage"] == "inquiry"
    url = f"/api/msme-leads/{lead['id']}/"
    assert (
        client.post(
            url + "advance/", {"stage": "sample_sent"}, content_type="application/json"
        ).json()["stage"]
        == "sample_sent"
    )
    order = client.post(
        url + "orders/",
        {"ordered_on": "2026-11-30", "quantity_kg": "20", "value_jpy": "120000"},
        content_type="application/json",
    )
    assert order.status_code == 201 and order.json()["kind"] == "first"
    assert client.get(url).json()["stage"] == "first_order"
    messages = client.get(url + "messages/").json()
    assert [(m["language"], m["body"]) for m in messages] == [("ja", "見本をお願いします")]


def test_bad_funnel_input_is_refused_naming_the_field_and_nothing_is_saved(api, demo):
    ken = api(demo.users["ken"])
    lead = Lead.objects.get(inquiry__title="マンゴーの砂糖漬け（業務用）")
    inquiry = Inquiry.objects.get(title="手描きバティック生地")
    before = db_snapshot("trade", "auditlog")
    response = ken.post(
        f"/api/msme-leads/{lead.pk}/orders/",
        {"ordered_on": "2026-11-30", "quantity_kg": "10", "value_jpy": "0"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "value (JPY): must be more than zero."
    response = ken.post(
        f"/api/msme-leads/{lead.pk}/advance/",
        {"stage": "negotiation"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "stage: a lead cannot go from “first order” to “negotiation”."
    )
    # ken is not one of Etchu's people: its inquiry does not exist for him.
    response = ken.post(
        "/api/msme-leads/",
        {"inquiry": inquiry.pk, "product": lead.product_id},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert db_snapshot("trade", "auditlog") == before


def test_only_the_pillar_staff_register_buyers(api, demo, wulan):
    payload = {
        "partnership": "batang-toyama",
        "name_ja": "北陸物産株式会社",
        "name_romaji": "Hokuriku Bussan",
        "prefecture": "富山県",
        "sector": "食品",
    }
    before = db_snapshot("trade")
    assert (
        api(demo.users["ken"])
        .post("/api/msme-buyers/", payload, content_type="application/json")
        .status_code
        == 404
    )
    assert db_snapshot("trade") == before
    response = api(wulan).post("/api/msme-buyers/", payload, content_type="application/json")
    assert response.status_code == 201 and response.json()["name_romaji"] == "Hokuriku Bussan"


def test_schema_documents_buyers_leads_and_orders(api, admin_user):
    content = api(admin_user).get("/api/schema/").content
    for path in (
        b"/api/msme-buyers/",
        b"/api/msme-leads/{id}/advance/",
        b"/api/msme-leads/{id}/orders/",
        b"/api/msme-leads/{id}/messages/",
        b"/api/msme-inquiries/{id}/matches/",
        b"/api/msme-orders/",
    ):
        assert path in content, path
