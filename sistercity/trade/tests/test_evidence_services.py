"""Products, recipes, lab reports and permits, and the readiness checklist they feed."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.http import Http404
from django.utils import timezone, translation

from sistercity.core.errors import SisterCityError
from sistercity.testing import db_snapshot, html_as_pdf, pdf_upload
from sistercity.trade import services
from sistercity.trade.models import Enterprise
from sistercity.trade.readiness import assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def pala(partnership):
    return Enterprise.objects.get(partnership=partnership, nib="9120001234503")


def nutmeg_product(actor, enterprise, **changes):
    fields = dict(
        hs_code="0908.11",
        name="Pala biji kering",
        texts={"ja": {"name": "ナツメグ（ホール）", "storage": "直射日光、高温多湿を避けて保存"}},
        net_contents="500g",
        shelf_life_days=365,
        importer_of_record="",
        fob_jpy=D("1800"),
        energy_kcal=D("525"),
        protein_g=D("5.8"),
        fat_g=D("36.3"),
        carbohydrate_g=D("49.3"),
        salt_g=D("0.04"),
    )
    fields.update(changes)
    return services.product_create(actor=actor, enterprise=enterprise, language="id", **fields)


def test_nutmeg_asks_for_an_aflatoxin_report_and_the_score_rises_with_it(wulan, pala):
    product = nutmeg_product(wulan, pala, importer_of_record="株式会社とやま食品")
    services.product_set_ingredients(
        actor=wulan,
        product=product,
        ingredients=[
            {"name": "pala", "name_ja": "ナツメグ", "share_pct": 100, "hs_code": "090811"}
        ],
    )
    services.lab_report_add(
        actor=wulan,
        product=product,
        parameter="pesticide_residues",
        result="0.005",
        unit="mg/kg",
        laboratory="Lab contoh",
        tested_on=timezone.localdate() - dt.timedelta(days=30),
    )
    before = services.product_assess(actor=wulan, product=product)
    assert [item.rule.code for item in before.missing] == ["mhlw-aflatoxin-nutmeg"]
    assert before.missing[0].next_step.startswith("Unggah laporan uji aflatoksin")
    services.lab_report_add(
        actor=wulan,
        product=product,
        parameter="aflatoxin",
        result="2.1",
        unit="µg/kg",
        laboratory="Lab contoh",
        tested_on=timezone.localdate(),
    )
    after = services.product_assess(actor=wulan, product=product)
    assert before.score == 83 and after.score == 100
    assert list(product.readiness.values_list("score", flat=True)) == [83, 100]


def test_hs_code_checks(wulan, pala):
    before = db_snapshot("trade")
    with translation.override("en"):
        for code, message in (
            ("09081", "HS code (HS 2022): must have exactly 6 digits; “09081” has 5."),
            (
                "999999",
                "HS code (HS 2022): 999999 is not an HS 2022 subheading the platform knows.",
            ),
            (
                "4420.10",
                "HS code (HS 2022): 442010 is an HS 2017 code that HS 2022 replaced; "
                "use one of 442011, 442019.",
            ),
        ):
            with pytest.raises(SisterCityError) as refused:
                nutmeg_product(wulan, pala, hs_code=code)
            assert str(refused.value) == message
    assert db_snapshot("trade") == before


def test_recipe_must_add_up_and_fob_must_cover_foreign_inputs(wulan, pala):
    product = nutmeg_product(wulan, pala, hs_code="200600", fob_jpy=D("100"))
    before = db_snapshot("trade")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.product_set_ingredients(
            actor=wulan,
            product=product,
            ingredients=[{"name": "mango", "share_pct": 60}, {"name": "sugar", "share_pct": 30}],
        )
    assert str(refused.value) == "share (%): the shares add up to 90 %, not 100 %."
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.product_set_ingredients(
            actor=wulan,
            product=product,
            ingredients=[
                {"name": "mango", "share_pct": 60, "value_jpy": 20},
                {"name": "sugar", "share_pct": 40, "value_jpy": 120, "originating": False},
            ],
        )
    assert str(refused.value).startswith("FOB price (JPY/kg): 100 is below the value")
    assert db_snapshot("trade") == before


def test_origin_advisor_reads_the_bill_of_materials(wulan, pala):
    product = nutmeg_product(wulan, pala, hs_code="200600", fob_jpy=D("100"))
    services.product_set_ingredients(
        actor=wulan,
        product=product,
        ingredients=[
            {"name": "mango", "share_pct": 70, "value_jpy": 30, "hs_code": "080450"},
            {
                "name": "sugar",
                "share_pct": 30,
                "value_jpy": 20,
                "originating": False,
                "hs_code": "170114",
            },
        ],
    )
    from sistercity.trade.readiness import origin_for

    origin = origin_for(product)
    assert origin.criterion == "CTH/QVC40" and origin.result.met and origin.result.qvc == D("80.00")


def test_pirt_numbers_have_15_digits_and_five_years(wulan, pala):
    before = db_snapshot("trade")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.permit_add(
            actor=wulan,
            enterprise=pala,
            kind="pirt",
            number="12345",
            issuer="DPMPTSP",
            issued_on=dt.date(2024, 3, 1),
        )
    assert str(refused.value) == "number: must have exactly 15 digits; “12345” has 5."
    assert db_snapshot("trade") == before
    permit = services.permit_add(
        actor=wulan,
        enterprise=pala,
        kind="pirt",
        number="206332501012325",
        issuer="DPMPTSP Kabupaten Batang",
        issued_on=dt.date(2024, 3, 1),
        evidence=pdf_upload(),
    )
    assert permit.expires_on == dt.date(2029, 3, 1)


def test_evidence_files_are_checked_by_content(wulan, pala):
    before = db_snapshot("trade")
    with pytest.raises(SisterCityError):
        services.permit_add(
            actor=wulan,
            enterprise=pala,
            kind="haccp",
            number="H-1",
            issuer="LSSM",
            issued_on=dt.date(2024, 3, 1),
            evidence=html_as_pdf(),
        )
    assert db_snapshot("trade") == before


def test_an_expired_permit_cannot_be_verified_as_evidence(wulan, pala):
    permit = services.permit_add(
        actor=wulan,
        enterprise=pala,
        kind="sni",
        number="SNI-01",
        issuer="LSPro",
        issued_on=dt.date(2020, 1, 1),
        expires_on=dt.date(2024, 1, 1),
    )
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.permit_verify(actor=wulan, permit=permit)
    assert "expired" in str(refused.value)


def test_owner_keeps_evidence_of_her_own_enterprise_only(partnership, siti, wulan, pala, ken):
    with pytest.raises(Http404):
        nutmeg_product(siti, pala)
    # The buyer sees the published enterprise but may not change it.
    with pytest.raises(SisterCityError) as refused:
        nutmeg_product(ken, pala)
    assert refused.value.status == 403
    batik = Enterprise.objects.get(partnership=partnership, owner_user=siti)
    cloth = services.product_create(
        actor=siti, enterprise=batik, name="Kain batik Rifaiyah", hs_code="520852"
    )
    assert [i.rule.code for i in assess(cloth).items] == ["importer-of-record", "ijepa-origin"]
