"""Who may do what, page by page: the pipeline's people change, observers and other agency
officers read totals and the public offers, outsiders get 404; a refused page form shows the
translated reason and saves nothing."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sistercity.investment import services
from sistercity.investment.models import Incentive, Opportunity
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "persona, can_edit",
    [("sari", True), ("yamada", True), ("andi", True), ("budi", False), ("observer", False)],
)
def test_the_forms_appear_for_those_who_may_change(
    client_for, demo, andi, partnership, persona, can_edit
):
    user = andi if persona == "andi" else demo.users[persona]
    page = client_for(user).get(reverse("investment:pipeline", args=[partnership.slug]))
    assert page.status_code == 200
    assert ('data-form="lead"' in page.content.decode()) is can_edit


def test_an_expired_incentive_is_refused_on_the_page_in_words(client_for, andi, partnership):
    expired = Incentive.objects.get(partnership=partnership, code="tax-holiday-2020")
    before = db_snapshot("investment", "auditlog")
    response = client_for(andi).post(
        reverse("investment:opportunities", args=[partnership.slug]).replace("/id/", "/ja/"),
        {
            "form": "opportunity",
            "code": "kitb-c9-z01",
            "name": "新しい区画",
            "kind": "plot",
            "estate": "KITB",
            "area_m2": "10000",
            "zoning": "industrial",
            "tenure": "sale",
            "price_per_m2": "2000000",
            "currency": "IDR",
            "owner": andi.pk,
            "incentives": [expired.pk],
            "is_public": "on",
        },
    )
    assert response.status_code == 200
    assert "期限切れの優遇措置は新しい投資機会に掲載できません" in response.content.decode()
    assert db_snapshot("investment", "auditlog") == before


def test_the_pipeline_page_costs_the_same_queries_at_two_sizes(client_for, andi, partnership, demo):
    client = client_for(andi)
    url = reverse("investment:pipeline", args=[partnership.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    company = demo.partnership.company_set.first()
    for n in range(6):
        services.lead_create(
            actor=andi,
            partnership=partnership,
            title=f"Lead {n}",
            owner=andi,
            company=company,
            expected_investment=Decimal(1000 * n),
            currency="USD",
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_prospectus_costs_the_same_queries_at_two_sizes(client, andi, partnership):
    url = reverse("investment:prospectus", args=[partnership.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    template = Opportunity.objects.get(code="kitb-log-11")
    for n in range(4):
        services.opportunity_create(
            actor=andi,
            partnership=partnership,
            code=f"extra-{n}",
            kind="plot",
            name=f"Extra {n}",
            estate="KITB",
            area_m2=Decimal(1000),
            zoning="industrial",
            tenure="sale",
            price_per_m2=Decimal(1),
            currency="IDR",
            owner=andi,
            incentives=list(template.incentives.all()),
            sectors=list(template.sectors.all()),
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
