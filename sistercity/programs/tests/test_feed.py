"""Exchange counts feed the education pillar's indicators, through the usual approval."""

import datetime as dt
from decimal import Decimal as D

import pytest

from sistercity.core.errors import SisterCityError
from sistercity.exchange.models import Application, Call
from sistercity.programs import services
from sistercity.programs.models import Indicator
from sistercity.testing import sector_registered

pytestmark = pytest.mark.django_db


def test_participants_are_counted_and_count_once_approved(partnership, dewi, sari, yamada):
    call = Call.objects.filter(partnership=partnership).first()
    Application.objects.create(call=call, applicant=dewi, status="travelling")
    indicator = Indicator.objects.get(code="exchange-participants")
    update = services.indicator_feed(actor=sari, indicator=indicator, today=dt.date(2026, 11, 27))
    assert (update.value, update.status) == (D(1), "submitted")
    assert "2026-11-27" in update.narrative
    services.update_approve(actor=yamada, update=update)
    update.refresh_from_db()
    assert update.status == "approved"


def test_a_typed_indicator_cannot_be_counted(sari):
    indicator = Indicator.objects.get(code="households-sorting")
    with pytest.raises(SisterCityError) as refused:
        services.indicator_feed(actor=sari, indicator=indicator)
    assert refused.value.code == "no_feed"


def test_counting_needs_a_period_covering_today(sari):
    indicator = Indicator.objects.get(code="exchange-participants")
    with pytest.raises(SisterCityError) as refused:
        services.indicator_feed(actor=sari, indicator=indicator, today=dt.date(2030, 1, 1))
    assert refused.value.code == "no_period"


def test_count_button_through_the_page(partnership, sari, client):
    client.force_login(sari)
    indicator = Indicator.objects.get(code="exchange-participants")
    # The page counts for today's period, whatever day the suite runs.
    indicator.periods.update(end=dt.date.today() + dt.timedelta(days=30))
    client.post(
        f"/en/partnerships/{partnership.slug}/programmes/student-exchange-2027/",
        {"form": "feed", "indicator": indicator.pk},
    )
    assert indicator.periods.get().updates.filter(status="submitted").count() == 1


@pytest.fixture
def visitors_feed():
    """A sector's feed, registered for one test; the registry is restored after."""
    from sistercity.core.registry import IndicatorFeed, Sector

    asked = []

    def count(partnership, pillar):
        asked.append((partnership.slug, pillar.code))
        return 1200

    feed = IndicatorFeed("culture_test:visitors", "festival visitors", count)
    with sector_registered(Sector(app_label="culture_test", indicator_feeds=[feed])):
        yield asked


def test_a_registered_feed_is_offered_counted_and_named(partnership, sari, client, visitors_feed):
    from sistercity.programs.models import Programme

    result = Programme.objects.get(code="waste-sorting-pilot").results.first()
    client.force_login(sari)
    url = f"/en/partnerships/{partnership.slug}/programmes/waste-sorting-pilot/"
    assert '<option value="culture_test:visitors">festival visitors</option>' in (
        client.get(url).content.decode()
    )
    client.post(
        url,
        {
            "form": "indicator",
            "result": result.pk,
            "code": "visitors",
            "title": "Visitors",
            "measure": "1",
            "feed": "culture_test:visitors",
        },
    )
    indicator = Indicator.objects.get(code="visitors")
    assert indicator.get_feed_display() == "festival visitors"
    services.period_create(
        actor=sari, indicator=indicator, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    update = services.indicator_feed(actor=sari, indicator=indicator, today=dt.date(2026, 11, 27))
    assert visitors_feed == [("batang-toyama", "environment")]
    assert (update.value, update.status) == (D(1200), "submitted")
    assert "festival visitors" in update.narrative and "2026-11-27" in update.narrative


def test_a_feed_no_installed_app_provides_is_refused(sari):
    from sistercity.testing import db_snapshot

    result = Indicator.objects.get(code="households-sorting").result
    before = db_snapshot("programs", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        services.indicator_create(
            actor=sari,
            result=result,
            code="ghost",
            title="Ghost",
            language="en",
            measure="1",
            feed="culture_test:visitors",
        )
    assert refused.value.code == "feed"
    assert db_snapshot("programs", "auditlog") == before


def test_outsiders_cannot_count(otto):
    from django.http import Http404

    with pytest.raises(Http404):
        services.indicator_feed(
            actor=otto, indicator=Indicator.objects.get(code="households-sorting")
        )
