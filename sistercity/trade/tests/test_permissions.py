"""Who sees which page: a role × endpoint matrix (200 or 404), and list pages whose query count
does not grow with their rows."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sistercity.trade import services
from sistercity.trade.models import Enterprise, Inquiry, Lead, Product

pytestmark = pytest.mark.django_db

PEOPLE = ["wulan", "budi", "sari", "yamada", "observer", "ken", "mika", "siti", "dewi", "otto"]

# person: (overview, unpublished batik enterprise, published nutmeg, ken's inquiry, ken's lead)
EXPECTED = {
    "wulan": (200, 200, 200, 200, 200),
    "budi": (200, 200, 200, 200, 404),  # agency officer of another pillar: reads, no leads
    "sari": (200, 200, 200, 200, 200),
    "yamada": (200, 200, 200, 200, 200),
    "observer": (200, 200, 200, 200, 404),  # reads the pillar, never the parties' leads
    "ken": (200, 404, 200, 200, 200),  # the buyer: published products, his own inquiry
    "mika": (200, 404, 200, 404, 404),  # another buyer
    "siti": (200, 200, 404, 404, 404),  # an owner: her enterprise only
    "dewi": (404, 404, 404, 404, 404),
    "otto": (404, 404, 404, 404, 404),
}


def urls(partnership):
    slug = partnership.slug
    batik = Enterprise.objects.get(nib="9120001234501")
    nutmeg = Product.objects.get(hs_code="090811", enterprise__partnership=partnership)
    inquiry = Inquiry.objects.get(title="マンゴーの砂糖漬け（業務用）")
    lead = Lead.objects.get(inquiry=inquiry)
    return [
        reverse("trade:overview", args=[slug]),
        reverse("trade:enterprise", args=[slug, batik.pk]),
        reverse("trade:product", args=[slug, nutmeg.pk]),
        reverse("trade:inquiry", args=[slug, inquiry.pk]),
        reverse("trade:lead", args=[slug, lead.pk]),
    ]


@pytest.mark.parametrize("person", PEOPLE)
def test_role_endpoint_matrix(demo, client, person, request):
    user = request.getfixturevalue("otto") if person == "otto" else demo.users[person]
    client.force_login(user)
    found = tuple(client.get(url).status_code for url in urls(demo.partnership))
    assert found == EXPECTED[person]


def test_overview_query_count_does_not_grow_with_rows(partnership, client_for, wulan):
    client = client_for(wulan)
    url = reverse("trade:overview", args=[partnership.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        services.enterprise_create(
            actor=wulan,
            partnership=partnership,
            legal_name=f"UD Tambahan {n}",
            nib=f"91200088888{n:02d}",
            kbli_codes=["10799"],
            annual_sales_idr=D(100_000_000),
            kecamatan="Batang",
            owner_name="Karno",
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
