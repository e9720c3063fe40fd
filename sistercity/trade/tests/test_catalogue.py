"""The public catalogue: published products only, filtered, in three languages, no personal
data; the partnership's public page links to it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_public_catalogue_shows_published_products_only(client, partnership):
    url = reverse("trade:catalogue", args=[partnership.slug])
    page = client.get(url).content.decode()
    assert "Pala biji kering" in page and "Manisan mangga" in page
    assert "Gaplek singkong" not in page  # not published
    assert "Hadi Susanto" not in page and "+62" not in page
    japanese = client.get(url.replace("/id/", "/ja/")).content.decode()
    assert "ナツメグ（ホール）" in japanese


def test_catalogue_filters_by_chapter_and_certification(client, partnership):
    url = reverse("trade:catalogue", args=[partnership.slug])
    assert "Manisan mangga" not in client.get(url, {"hs_chapter": "09"}).content.decode()
    page = client.get(url, {"certification": "halal"}).content.decode()
    assert "Manisan mangga" in page and "Pala biji kering" not in page


def test_private_partnership_has_no_catalogue(client, other_partnership):
    url = reverse("trade:catalogue", args=[other_partnership.slug])
    assert client.get(url).status_code == 404


def test_public_page_links_to_the_catalogue(client, partnership):
    page = client.get(reverse("portal:partnership", args=[partnership.slug])).content.decode()
    assert reverse("trade:catalogue", args=[partnership.slug]) in page


def test_catalogue_contact_form_opens_an_inquiry_and_a_lead(client_for, partnership, ken):
    from sistercity.testing import db_snapshot
    from sistercity.trade.models import Lead, Product

    nutmeg = Product.objects.get(enterprise__partnership=partnership, hs_code="090811")
    url = reverse("trade:catalogue", args=[partnership.slug])
    client = client_for(ken)
    before = db_snapshot("trade")
    page = client.post(url, {"product": nutmeg.pk, "volume_kg": "-5", "message": "見積もり希望"})
    assert db_snapshot("trade") == before and page.status_code == 400
    # The refusal stands beside the field of the nutmeg row, which keeps what was typed; the
    # summary at the top links to that field.
    html = page.content.decode()
    row = html[html.index(f'data-product="{nutmeg.pk}"') :].split("</tr>")[0]
    assert f'id="id_p{nutmeg.pk}_volume_kg"' in row and "errorlist" in row
    assert "見積もり希望" in row
    assert f'href="#id_p{nutmeg.pk}_volume_kg"' in html
    empty = client.post(url, {"product": nutmeg.pk, "volume_kg": "200", "message": " "})
    assert db_snapshot("trade") == before and empty.status_code == 400
    response = client.post(
        url, {"product": nutmeg.pk, "volume_kg": "200", "message": "見積もり希望"}
    )
    lead = Lead.objects.get(product=nutmeg, inquiry__buyer__members=ken)
    assert response["Location"].endswith(f"/leads/{lead.pk}/")
    assert lead.inquiry.hs_code == "090811" and lead.messages.get().body == "見積もり希望"


def test_owner_publishes_a_product_from_its_page_and_buyers_then_see_it(
    client_for, partnership, siti, ken, wulan
):
    from html import unescape

    from django.urls import reverse

    from sistercity.testing import db_snapshot
    from sistercity.trade.models import Product

    batik = Product.objects.get(enterprise__nib="9120001234501", hs_code="520852")
    page = reverse("trade:product", args=[partnership.slug, batik.pk])
    publish = reverse("trade:product_publish", args=[partnership.slug, batik.pk])
    assert client_for(ken).get(page).status_code == 404
    # Only the owner publishes: the MSME office is told so, and nothing changes.
    before = db_snapshot("trade", "auditlog")
    refused = client_for(wulan).post(
        publish.replace("/id/", "/en/"), {"published": "1"}, follow=True
    )
    assert "Only the enterprise's owner can publish it to buyers." in unescape(
        refused.content.decode()
    )
    assert 'data-test="publish-product"' not in client_for(wulan).get(page).content.decode()
    assert db_snapshot("trade", "auditlog") == before
    assert client_for(siti).post(publish, {"published": "1"}).status_code == 302
    batik.refresh_from_db()
    assert batik.is_published and batik.enterprise.is_published
    assert client_for(ken).get(page).status_code == 200
    client_for(siti).post(publish, {"published": "0"})
    assert client_for(ken).get(page).status_code == 404
