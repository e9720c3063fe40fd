"""Exchange counts feed the education pillar's indicators, through the usual approval."""

import datetime as dt
from decimal import Decimal as D

import pytest

from sistercity.core.errors import SisterCityError
from sistercity.exchange.models import Application, Call
from sistercity.programs import services
from sistercity.programs.models import Indicator

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
