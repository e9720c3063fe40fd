"""Registering and keeping enterprises: who may, what is computed, what is refused."""

from decimal import Decimal as D

import pytest
from django.http import Http404
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.testing import db_snapshot, exe_as_pdf, png_upload
from sistercity.trade import services
from sistercity.trade.models import Enterprise

pytestmark = pytest.mark.django_db


def fields(**changes):
    data = dict(
        legal_name="UD Keripik Singkong Warungasem",
        nib="9120009999901",
        kbli_codes=["10794"],
        annual_sales_idr=D("2500000000"),
        kecamatan="Warungasem",
        desa="Pesaren",
        owner_name="Karno",
    )
    data.update(changes)
    return data


def test_msme_office_registers_an_enterprise_and_its_size_is_computed(partnership, wulan):
    enterprise = services.enterprise_create(actor=wulan, partnership=partnership, **fields())
    assert enterprise.size_class == "small"  # Rp2.5 bn of sales: above 2, up to 15 bn
    services.enterprise_update(actor=wulan, enterprise=enterprise, annual_sales_idr=D(900_000_000))
    enterprise.refresh_from_db()
    assert enterprise.size_class == "micro"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"nib": "91200099999"}, "NIB: must have exactly 13 digits; “91200099999” has 11."),
        ({"nib": "9120009999-01"}, "NIB: use digits only (13 digits)."),
        ({"kbli_codes": ["99999"]}, "KBLI 2020 codes: 99999 is not a KBLI 2020 code."),
        ({"kbli_codes": ["1079"]}, "KBLI 2020 codes: must have exactly 5 digits; “1079” has 4."),
        ({"owner_name": " "}, "owner (full name): This field is required."),
        (
            {"annual_sales_idr": D("60000000000")},
            "annual sales (IDR): above the medium-enterprise limit of PP 7/2021: not an MSME.",
        ),
        (
            {"annual_sales_idr": None},
            "annual sales (IDR): Give the annual sales or the business capital.",
        ),
        (
            {"nib": "9120001234501"},
            "NIB: an enterprise with NIB 9120001234501 is already registered.",
        ),
    ],
)
def test_bad_registry_data_is_refused_naming_the_field_and_nothing_is_saved(
    partnership, wulan, changes, message
):
    before = db_snapshot("trade", "auditlog")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.enterprise_create(actor=wulan, partnership=partnership, **fields(**changes))
    assert str(refused.value) == message
    assert db_snapshot("trade", "auditlog") == before


def test_messages_are_translated(partnership, wulan):
    with translation.override("ja"), pytest.raises(SisterCityError) as refused:
        services.enterprise_create(actor=wulan, partnership=partnership, **fields(nib="1"))
    assert "13" in str(refused.value) and "桁" in str(refused.value)


def test_observer_may_not_register_and_outsider_gets_404(partnership, observer, otto):
    with pytest.raises(SisterCityError) as refused:
        services.enterprise_create(actor=observer, partnership=partnership, **fields())
    assert refused.value.status == 403
    with pytest.raises(Http404):
        services.enterprise_create(actor=otto, partnership=partnership, **fields())


def test_owner_keeps_her_enterprise_and_alone_publishes_it(partnership, siti, wulan, ken):
    batik = Enterprise.objects.get(partnership=partnership, owner_user=siti)
    services.enterprise_update(actor=siti, enterprise=batik, employees_women=11)
    assert not Enterprise.objects.for_user(ken).filter(pk=batik.pk).exists()
    with pytest.raises(SisterCityError) as refused:
        services.enterprise_publish(actor=wulan, enterprise=batik)
    assert refused.value.status == 403
    services.enterprise_publish(actor=siti, enterprise=batik)
    assert Enterprise.objects.for_user(ken).filter(pk=batik.pk).exists()
    # The buyer sees it but cannot change it.
    with pytest.raises(SisterCityError):
        services.enterprise_update(actor=ken, enterprise=batik, employees_women=1)


def test_another_owner_cannot_see_or_change_an_enterprise(partnership, siti, wulan):
    other = services.enterprise_create(actor=wulan, partnership=partnership, **fields())
    with pytest.raises(Http404):
        services.enterprise_update(actor=siti, enterprise=other, employees_men=3)


def test_photos_are_judged_by_content(partnership, siti):
    batik = Enterprise.objects.get(partnership=partnership, owner_user=siti)
    photo = services.enterprise_photo_add(actor=siti, enterprise=batik, image=png_upload())
    assert photo.image.name.endswith(".png")
    before = db_snapshot("trade")
    with pytest.raises(SisterCityError):
        services.enterprise_photo_add(actor=siti, enterprise=batik, image=exe_as_pdf("batik.jpg"))
    assert db_snapshot("trade") == before
