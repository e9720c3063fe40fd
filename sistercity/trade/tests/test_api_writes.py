"""API writes of permits, products and lab reports: the same services and permissions as the
pages (the owner and the MSME office write; a buyer who sees the row gets 403, an outsider
404); bad input is a 400 with the translated message and nothing saved."""

import datetime as dt

import pytest

from sistercity.testing import db_snapshot, exe_as_pdf, png_upload
from sistercity.trade.models import Enterprise, LabReport, Permit, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def snapshot():
    return db_snapshot("trade", "auditlog")


@pytest.fixture
def batik_enterprise(partnership):
    return Enterprise.objects.get(partnership=partnership, nib="9120001234501")


@pytest.fixture
def nutmeg(partnership):
    return Product.objects.get(hs_code="090811")  # published by its owner in the demo


def permit_payload(enterprise, **changes):
    data = {
        "enterprise": enterprise.pk,
        "kind": "pirt",
        "number": "206332501234523",
        "issuer": "Dinas Kesehatan Kabupaten Batang",
        "issued_on": "2025-03-01",
    }
    return {**data, **changes}


def test_owner_records_a_permit_with_its_evidence_through_the_api(api, siti, batik_enterprise):
    batik = batik_enterprise.products.first()
    response = api(siti).post(
        "/api/msme-permits/",
        {**permit_payload(batik_enterprise), "products": [batik.pk], "evidence": png_upload()},
    )
    assert response.status_code == 201, response.content
    permit = Permit.objects.get(pk=response.json()["id"])
    assert permit.expires_on == dt.date(2030, 3, 1)  # a P-IRT's five years
    assert list(permit.products.all()) == [batik] and permit.evidence.name.endswith(".png")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"number": "12345"}, "15桁"),
        ({"issued_on": "2099-01-01"}, "未来"),
    ],
)
def test_a_bad_permit_is_refused_with_a_translated_message(
    api, wulan, batik_enterprise, changes, message
):
    before = snapshot()
    response = api(wulan).post(
        "/api/msme-permits/",
        permit_payload(batik_enterprise, **changes),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert snapshot() == before


def test_a_permit_whose_evidence_is_not_what_it_says_is_refused(api, wulan, batik_enterprise):
    before = snapshot()
    response = api(wulan).post(
        "/api/msme-permits/",
        {**permit_payload(batik_enterprise), "evidence": exe_as_pdf("pirt.pdf")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and response.json()["detail"].startswith("evidence:")
    assert snapshot() == before


def test_buyers_and_outsiders_write_no_permit(api, ken, otto, nutmeg, batik_enterprise):
    before = snapshot()
    published = nutmeg.enterprise
    assert api(ken).post(
        "/api/msme-permits/", permit_payload(published), content_type="application/json"
    ).status_code in (403, 404)
    for person in (ken, otto):
        response = api(person).post(
            "/api/msme-permits/",
            permit_payload(batik_enterprise),
            content_type="application/json",
        )
        assert response.status_code == 404
    permit = Permit.objects.filter(enterprise__partnership=batik_enterprise.partnership).first()
    assert api(otto).post(f"/api/msme-permits/{permit.pk}/verify/").status_code == 404
    assert snapshot() == before


def test_msme_office_verifies_a_permit_through_the_api(api, wulan, partnership):
    permit = Permit.objects.filter(
        enterprise__partnership=partnership, verified_by=None, expires_on__gt=dt.date.today()
    ).first()
    response = api(wulan).post(f"/api/msme-permits/{permit.pk}/verify/")
    assert response.status_code == 200 and response.json()["verified_by"] == wulan.pk


def test_owner_adds_and_corrects_a_product_through_the_api(api, siti, batik_enterprise):
    client = api(siti)
    response = client.post(
        "/api/msme-products/",
        {
            "enterprise": batik_enterprise.pk,
            "name": "Selendang batik",
            "hs_code": "6214.90",
            "price_idr": "350000",
            "texts": {"ja": {"name": "バティックのショール"}, "en": {"name": "Batik shawl"}},
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["hs_code"] == "621490" and data["price_idr"] == "350000.00"
    product = Product.objects.get(pk=data["id"])
    response = client.patch(
        f"/api/msme-products/{product.pk}/",
        {"fob_jpy": "4200", "texts": {"en": {"description": "Hand-drawn"}}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    product = Product.objects.get(pk=product.pk)
    assert str(product.fob_jpy) == "4200.00" and product.hs_code == "621490"
    assert product.safe_translation_getter("description", language_code="en") == "Hand-drawn"
    assert product.safe_translation_getter("name", language_code="en") == "Batik shawl"


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"hs_code": "0908"}, "6桁"),
        ({"hs_code": "999999"}, "999999"),
        ({"allergens": ["gold"]}, "gold"),
    ],
)
def test_a_bad_product_change_is_refused(api, wulan, nutmeg, payload, message):
    before = snapshot()
    response = api(wulan).patch(
        f"/api/msme-products/{nutmeg.pk}/",
        payload,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert snapshot() == before


def test_buyers_read_published_products_but_never_write_them(api, ken, otto, nutmeg):
    before = snapshot()
    assert api(ken).get(f"/api/msme-products/{nutmeg.pk}/").status_code == 200
    response = api(ken).patch(
        f"/api/msme-products/{nutmeg.pk}/", {"fob_jpy": "1"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert api(ken).get(f"/api/msme-products/{nutmeg.pk}/lab-reports/").status_code == 404
    response = api(otto).patch(
        f"/api/msme-products/{nutmeg.pk}/", {"fob_jpy": "1"}, content_type="application/json"
    )
    assert response.status_code == 404
    response = api(otto).post(
        "/api/msme-products/",
        {"enterprise": nutmeg.enterprise_id, "name": "x", "hs_code": "090811"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert snapshot() == before


def lab_payload(**changes):
    data = {
        "parameter": "aflatoxin",
        "result": "1.8",
        "unit": "µg/kg",
        "laboratory": "Lab contoh",
        "tested_on": dt.date.today().isoformat(),
    }
    return {**data, **changes}


def test_msme_office_adds_a_lab_report_and_the_checklist_reads_it(api, wulan, nutmeg):
    client = api(wulan)
    url = f"/api/msme-products/{nutmeg.pk}/lab-reports/"
    response = client.post(url, lab_payload(), content_type="application/json")
    assert response.status_code == 201, response.content
    assert LabReport.objects.filter(product=nutmeg, parameter="aflatoxin").exists()
    assert any(row["laboratory"] == "Lab contoh" for row in client.get(url).json())
    items = client.get(f"/api/msme-products/{nutmeg.pk}/readiness/").json()["items"]
    assert next(i for i in items if i["rule"] == "mhlw-aflatoxin-nutmeg")["met"] is True


@pytest.mark.parametrize(
    "changes", [{"tested_on": "2099-01-01"}, {"parameter": "gold"}, {"result": "abc"}]
)
def test_a_bad_lab_report_is_refused(api, wulan, nutmeg, changes):
    before = snapshot()
    response = api(wulan).post(
        f"/api/msme-products/{nutmeg.pk}/lab-reports/",
        lab_payload(**changes),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert snapshot() == before


def test_an_outsider_adds_no_lab_report(api, otto, ken, nutmeg):
    before = snapshot()
    for person in (otto, ken):
        response = api(person).post(
            f"/api/msme-products/{nutmeg.pk}/lab-reports/",
            lab_payload(),
            content_type="application/json",
        )
        assert response.status_code == 404
    assert snapshot() == before
