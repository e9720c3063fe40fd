"""The sector seam: what the sector apps register is what the platform reads."""

from decimal import Decimal

import pytest

from sistercity.core.registry import IndicatorFeed, Registry, Sector, registry


def test_the_installed_apps_register_their_contributions():
    codes = {feed.code for feed in registry.indicator_feeds()}
    assert {"exchange:participants", "exchange:applications"} <= codes
    jobs = {job.name for job in registry.scheduled_jobs()}
    assert {"send_due_reminders", "expire_offers", "send_readiness_reminders"} <= jobs


def test_a_feed_code_is_registered_once():
    own = Registry()
    feed = IndicatorFeed(code="trade:orders", label="orders", count=lambda p, q: Decimal(1))
    own.register(Sector(app_label="trade", indicator_feeds=[feed]))
    own.register(Sector(app_label="trade", indicator_feeds=[feed]))  # a reload replaces
    with pytest.raises(ValueError):
        own.register(Sector(app_label="culture", indicator_feeds=[feed]))
    assert own.indicator_feed("trade:orders") is feed
    assert own.indicator_feed("trade:none") is None
