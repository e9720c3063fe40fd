"""The trade sector's seam: its msme feeds are registered and count; its dashboard panel shows
the funnel to members only."""

from decimal import Decimal as D

import pytest
from django.test import RequestFactory

from sistercity.core.registry import registry
from sistercity.trade import contributions

pytestmark = pytest.mark.django_db


def test_feeds_are_registered_for_the_msme_pillar():
    codes = {feed.code for feed in registry.indicator_feeds()}
    assert {"trade:first_orders", "trade:repeat_orders", "trade:order_value_jpy"} <= codes
    assert registry.sectors["trade"].pillar == "msme"


def test_demo_counts(partnership):
    assert contributions.first_orders(partnership, None) == 1
    assert contributions.repeat_orders(partnership, None) == 0
    assert contributions.order_value_jpy(partnership, None) == D(450000)
    assert contributions.export_ready(partnership, None) == 0  # no product meets every rule yet


def test_dashboard_panel_for_members_only(partnership, sari, otto):
    request = RequestFactory().get("/")
    request.user = sari
    panel = contributions.dashboard_panel(request, partnership)
    assert panel["first_orders"] == 1
    request.user = otto
    assert contributions.dashboard_panel(request, partnership) is None
