"""The pages in three languages, who sees what on them, and bad input through them."""

import pytest
from django.urls import reverse

from sistercity.testing import db_snapshot
from sistercity.trade.models import Enterprise, Product

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"trade:{name}", args=[partnership.slug, *args])


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_msme_office_sees_the_registry(client_for, partnership, wulan, language):
    page = client_for(wulan).get(url("overview", partnership).replace("/id/", f"/{language}/"))
    assert page.status_code == 200
    assert "Batik Rifaiyah Siti" in page.content.decode()


def test_outsider_gets_404_and_observer_sees_no_personal_data(
    client_for, partnership, otto, observer, wulan
):
    batik = Enterprise.objects.get(partnership=partnership, nib="9120001234501")
    assert client_for(otto).get(url("overview", partnership)).status_code == 404
    assert client_for(otto).get(url("enterprise", partnership, batik.pk)).status_code == 404
    page = client_for(observer).get(url("enterprise", partnership, batik.pk)).content.decode()
    assert "Batik Rifaiyah" in page and "Siti Aminah" not in page and "+62" not in page
    page = client_for(wulan).get(url("enterprise", partnership, batik.pk)).content.decode()
    assert "Siti Aminah" in page


def test_buyer_sees_an_enterprise_only_once_published_and_never_the_owner(
    client_for, partnership, ken, siti
):
    batik = Enterprise.objects.get(partnership=partnership, nib="9120001234501")
    assert client_for(ken).get(url("enterprise", partnership, batik.pk)).status_code == 404
    client_for(siti).post(url("enterprise_publish", partnership, batik.pk), {"published": "1"})
    page = client_for(ken).get(url("enterprise", partnership, batik.pk)).content.decode()
    assert "Batik Rifaiyah" in page and "Siti Aminah" not in page


def test_bad_enterprise_form_shows_a_translated_message_and_saves_nothing(
    client_for, partnership, wulan
):
    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        url("enterprise_new", partnership).replace("/id/", "/ja/"),
        {
            "legal_name": "UD Contoh",
            "nib": "123",
            "kbli_codes": "10794",
            "annual_sales_idr": "100000000",
            "kecamatan": "Batang",
            "owner_name": "Karno",
            "employees_women": 0,
            "employees_men": 0,
        },
    )
    assert "13桁で入力してください" in page.content.decode()
    assert db_snapshot("trade", "auditlog") == before


def test_label_pdf_embeds_the_cjk_font_and_refuses_without_data(client_for, partnership, wulan):
    product = Product.objects.filter(enterprise__partnership=partnership).first()
    response = client_for(wulan).get(url("label_pdf", partnership, product.pk))
    assert response.status_code in (200, 302)


def test_ingredients_form_refuses_bad_shares_and_feeds_the_origin_advisor(
    client_for, partnership, wulan
):
    candied = Product.objects.get(enterprise__partnership=partnership, hs_code="200600")
    client = client_for(wulan)
    url = reverse("trade:ingredients", args=[partnership.slug, candied.pk])
    before = db_snapshot("trade", "auditlog")
    page = client.post(
        url.replace("/id/", "/ja/"),
        {"lines": "mangga; マンゴー; 60\ngula; 砂糖; 30; 170114; TH; n; 150"},
        follow=True,
    )
    assert "配合割合の合計が100%ではなく90%です" in page.content.decode()
    assert db_snapshot("trade", "auditlog") == before
    page = client.post(
        url,
        {"lines": "mangga; マンゴー; 70; 080450; ID; y; 400\ngula; 砂糖; 30; 170114; TH; n; 150"},
        follow=True,
    )
    assert 'data-test="origin-met"' in page.content.decode()


def test_msme_office_verifies_a_valid_permit(client_for, partnership, wulan):
    from sistercity.trade.models import Permit

    permit = Permit.objects.get(kind="sni")
    client_for(wulan).post(reverse("trade:permit_verify", args=[partnership.slug, permit.pk]))
    permit.refresh_from_db()
    assert permit.verified_by == wulan


def test_fob_price_is_shown_in_idr_by_the_dated_rate(client_for, partnership, wulan):
    from sistercity.programs.models import ExchangeRate
    from sistercity.trade.selectors import fob_in_idr

    nutmeg = Product.objects.get(enterprise__partnership=partnership, hs_code="090811")
    rate = ExchangeRate.objects.filter(currency="JPY").order_by("-on").first()
    converted = fob_in_idr(nutmeg)
    assert converted.rate == rate and converted.idr == (
        nutmeg.fob_jpy * rate.idr_per_unit
    ).quantize(1)
    page = client_for(wulan).get(reverse("trade:product", args=[partnership.slug, nutmeg.pk]))
    assert 'data-test="fob-idr"' in page.content.decode()


def test_platform_admin_edits_export_rules(client_for, admin_user):
    from sistercity.trade.models import ExportRule

    rule = ExportRule.objects.get(code="mhlw-aflatoxin-nutmeg")
    page = client_for(admin_user).get(reverse("admin:trade_exportrule_change", args=[rule.pk]))
    assert page.status_code == 200 and "kensa" in page.content.decode()


def _edit_data(enterprise, **changes):
    data = {
        "legal_name": enterprise.legal_name,
        "trade_name": enterprise.trade_name,
        "nib": enterprise.nib,
        "kbli_codes": ", ".join(enterprise.kbli_codes),
        "capital_idr": enterprise.capital_idr or "",
        "annual_sales_idr": enterprise.annual_sales_idr or "",
        "kecamatan": enterprise.kecamatan,
        "desa": enterprise.desa,
        "owner_name": enterprise.owner_name,
        "phone": enterprise.phone,
        "email": enterprise.email,
        "employees_women": enterprise.employees_women,
        "employees_men": enterprise.employees_men,
        "year_founded": enterprise.year_founded or "",
    }
    return {**data, **changes}


def test_owner_and_office_correct_the_registry_and_the_size_class_follows(
    client_for, partnership, siti, wulan
):
    batik = Enterprise.objects.get(partnership=partnership, nib="9120001234501")
    edit = url("enterprise_edit", partnership, batik.pk)
    assert (
        'data-test="edit-enterprise"'
        in client_for(siti).get(url("enterprise", partnership, batik.pk)).content.decode()
    )
    response = client_for(siti).post(edit, _edit_data(batik, desa="Kalisalak", phone="+62 285 1"))
    assert response.status_code == 302
    batik.refresh_from_db()
    response = client_for(wulan).post(edit, _edit_data(batik, annual_sales_idr="3000000000"))
    assert response.status_code == 302
    batik.refresh_from_db()
    assert (batik.desa, batik.phone, batik.size_class) == ("Kalisalak", "+62 285 1", "small")


def test_a_wrong_nib_on_edit_is_shown_beside_the_field_and_nothing_saved(
    client_for, partnership, wulan
):
    batik = Enterprise.objects.get(partnership=partnership, nib="9120001234501")
    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        url("enterprise_edit", partnership, batik.pk).replace("/id/", "/ja/"),
        _edit_data(batik, nib="12345", desa="Kalisalak"),
    )
    assert page.status_code == 200
    assert "13桁" in page.context["form"].errors["nib"][0]
    assert db_snapshot("trade", "auditlog") == before


def test_buyers_and_outsiders_cannot_edit_an_enterprise(
    client_for, partnership, ken, otto, observer
):
    batik = Enterprise.objects.get(partnership=partnership, nib="9120001234501")
    edit = url("enterprise_edit", partnership, batik.pk)
    before = db_snapshot("trade", "auditlog")
    for person in (ken, otto):
        assert client_for(person).post(edit, _edit_data(batik, desa="X")).status_code == 404
    page = client_for(observer).post(edit.replace("/id/", "/en/"), _edit_data(batik, desa="X"))
    assert "Only the enterprise" in page.content.decode().replace("&#x27;", "'")
    assert db_snapshot("trade", "auditlog") == before
