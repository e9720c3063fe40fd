"""Product photos: judged by their content, with alternative text, seen as the product is."""

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.testing import db_snapshot, exe_as_pdf, png_upload
from sistercity.trade import services
from sistercity.trade.models import Product, ProductPhoto

pytestmark = pytest.mark.django_db


def _url(name, product, *args, language="id"):
    slug = product.enterprise.partnership.slug
    return reverse(f"trade:{name}", args=[slug, product.pk, *args]).replace("/id/", f"/{language}/")


@pytest.fixture
def batik(partnership):
    return Product.objects.get(enterprise__nib="9120001234501", hs_code="520852")


def test_owner_adds_a_photo_that_the_page_shows_with_its_alt_text(client_for, siti, batik):
    client = client_for(siti)
    response = client.post(
        _url("product_photo_add", batik),
        {"image": png_upload("kain.png"), "alt_text": "Kain batik Rifaiyah motif pelo ati"},
    )
    assert response.status_code == 302
    photo = ProductPhoto.objects.get(product=batik)
    assert photo.content_type == "image/png" and photo.image.name.endswith(".png")
    page = client.get(_url("product", batik)).content.decode()
    assert 'alt="Kain batik Rifaiyah motif pelo ati"' in page
    image = client.get(_url("product_photo", batik, photo.pk))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "language, message", [("en", "photo: This file type is not accepted"), ("ja", "PNG")]
)
def test_a_program_named_like_a_photo_is_refused_beside_the_field(
    client_for, wulan, batik, language, message
):
    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        _url("product_photo_add", batik, language=language),
        {"image": exe_as_pdf("kain.jpg"), "alt_text": "Kain batik"},
    )
    assert page.status_code == 400
    errors = page.context["photo_form"].errors
    assert list(errors) == ["image"] and message in errors["image"][0]
    assert db_snapshot("trade", "auditlog") == before


def test_a_photo_without_alternative_text_is_refused(client_for, siti, batik):
    before = db_snapshot("trade", "auditlog")
    page = client_for(siti).post(
        _url("product_photo_add", batik, language="en"),
        {"image": png_upload(), "alt_text": "  "},
    )
    assert page.status_code == 400 and "alt_text" in page.context["photo_form"].errors
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.product_photo_add(actor=siti, product=batik, image=png_upload(), alt_text=" ")
    assert str(refused.value) == "alternative text: This field is required."
    assert db_snapshot("trade", "auditlog") == before


def test_buyers_see_published_photos_only_and_never_add_them(client_for, siti, ken, otto, wulan):
    nutmeg = Product.objects.get(hs_code="090811")  # published by its owner in the demo
    photo = services.product_photo_add(
        actor=wulan, product=nutmeg, image=png_upload(), alt_text="Pala kering"
    )
    batik = Product.objects.get(enterprise__nib="9120001234501", hs_code="520852")
    hidden = services.product_photo_add(
        actor=siti, product=batik, image=png_upload(), alt_text="Kain"
    )
    assert client_for(ken).get(_url("product_photo", nutmeg, photo.pk)).status_code == 200
    assert client_for(ken).get(_url("product_photo", batik, hidden.pk)).status_code == 404
    assert client_for(otto).get(_url("product_photo", nutmeg, photo.pk)).status_code == 404
    # A photo is reached only through its own product.
    assert client_for(wulan).get(_url("product_photo", nutmeg, hidden.pk)).status_code == 404
    before = db_snapshot("trade", "auditlog")
    response = client_for(ken).post(
        _url("product_photo_add", nutmeg), {"image": png_upload(), "alt_text": "x"}
    )
    assert response.status_code == 404
    assert 'id="photo-form"' not in client_for(ken).get(_url("product", nutmeg)).content.decode()
    assert db_snapshot("trade", "auditlog") == before
