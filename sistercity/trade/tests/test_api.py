"""The REST API: the same rows and refusals as the pages; outsiders get 404."""

import pytest
from django.utils import translation

from sistercity.testing import db_snapshot
from sistercity.trade.models import Enterprise, Inquiry, Product

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
