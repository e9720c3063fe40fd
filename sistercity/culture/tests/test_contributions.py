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


def test_open_data_tables_carry_events_and_figures_without_names(partnership):
    tables = {t.filename: t for t in registry.open_data_tables()}
    events = list(tables["culture-events.csv"].rows([partnership]))
    assert events[0][0] == "uid" and len(events) == 1 + 6
    cancelled = next(r for r in events if r[2] == "kunjungan-kebun-teh-pagilaran")
    assert cancelled[9] == "cancelled"
    assert not any("siti@example.org" in str(cell) for row in events for cell in row)
    figures = list(tables["culture-visitor-figures.csv"].rows([partnership]))
    assert len(figures) == 1 + 12


def test_cultural_exchange_links_its_event(client, demo):
    html = client.get("/en/culture/batang-toyama/exchanges/").content.decode()
    assert 'data-exchange="sanggar-tari-batang-ke-toyama"' in html
    assert "/events/lentera-kanal-toyama/" in html


def test_a_delegation_cannot_end_before_it_starts(sari, partnership, demo):
    import datetime as dt

    from sistercity.core.errors import SisterCityError
    from sistercity.testing import db_snapshot

    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        services.cultural_exchange_create(
            actor=sari,
            partnership=partnership,
            language="id",
            slug="x",
            from_city=demo.toyama,
            to_city=demo.batang,
            starts_on=dt.date(2027, 5, 3),
            ends_on=dt.date(2027, 5, 1),
            participants=3,
            title="Kunjungan",
        )
    assert error.value.code == "end_before_start"
    assert db_snapshot("culture") == before
