"""The culture pillar's indicator feeds count from the sector's own records."""

import pytest

from sistercity.core.registry import registry
from sistercity.culture import services
from sistercity.culture.tests.conftest import register

pytestmark = pytest.mark.django_db


def count(code, partnership, pillar=None):
    feed = registry.indicator_feed(code)
    assert feed is not None, code
    return feed.count(partnership, pillar)


def test_feeds_count_the_demo(partnership):
    assert count("culture:events_held", partnership) == 2  # two past, none cancelled
    assert count("culture:attendance", partnership) == 2000
    assert count("culture:registrations", partnership) == 5
    assert count("culture:visitors", partnership) > 0


def test_registrations_feed_follows_the_waitlist(partnership, batik, glass):
    register(batik, "last@example.org")
    register(batik, "waits@example.org")
    assert count("culture:registrations", partnership) == 6
    services.registration_cancel(token=glass.registrations.filter(status="confirmed")[0].token)
    assert count("culture:registrations", partnership) == 6  # Rahmat moved up


def test_feeds_narrow_to_the_indicators_pillar(partnership):
    from sistercity.core.models import Pillar

    education = Pillar.objects.get(code="education")
    assert count("culture:events_held", partnership, education) == 0
