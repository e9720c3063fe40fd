"""The Japanese label draft: mandatory lines, descending weight, allergens, the PDF's font."""

import re
import zlib

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.trade import labels, services
from sistercity.trade.models import Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def candied(partnership):
    return Product.objects.get(enterprise__partnership=partnership, hs_code="200600")


def test_label_has_every_mandatory_heading_and_ingredients_by_weight(candied, wulan):
    services.product_update(actor=wulan, product=candied, allergens=["peanut", "soybean"])
    label = labels.label_lines(candied)
    assert [heading for heading, _text in label.lines] == list(labels.HEADINGS)
    text = dict(label.lines)
    assert text["原材料名"] == "マンゴー、砂糖（一部に落花生・大豆を含む）"
    assert text["原産国名"] == "インドネシア"
    assert text["輸入者"] == labels.IMPORTER_PLACEHOLDER
    assert [name for name, _v in label.nutrition] == [
        "熱量",
        "たんぱく質",
        "脂質",
        "炭水化物",
        "食塩相当量",
    ]
    html = render_to_string("trade/label_pdf.html", {"label": label, "product": candied})
    assert all(heading in html for heading in labels.HEADINGS)


def test_label_refuses_naming_the_missing_field(partnership, wulan):
    fish = Product.objects.get(enterprise__partnership=partnership, hs_code="160414")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        labels.label_lines(fish)
    assert str(refused.value) == (
        "The label cannot be drawn up yet: ingredients (Japanese names) is missing."
    )


def _inflated(pdf: bytes) -> bytes:
    found = b""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            found += zlib.decompress(stream)
        except zlib.error:
            continue
    return found


def test_label_pdf_embeds_its_cjk_font(partnership, candied, client_for, ken, wulan):
    response = client_for(wulan).get(
        reverse("trade:label_pdf", args=[partnership.slug, candied.pk])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"NotoSansCJK" in response.content + _inflated(response.content)
