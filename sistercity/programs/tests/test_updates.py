"""Indicator updates: draft → submitted → returned → approved; only approved values count."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from sistercity.core.errors import SisterCityError
from sistercity.programs import selectors, services
from sistercity.programs.models import Indicator, IndicatorUpdate, Period, Programme
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

SNAPSHOT = ("programs", "partnerships", "auditlog")


@pytest.fixture
def households(demo):
    return Indicator.objects.get(code="households-sorting")


def current_period(indicator):
    return indicator.periods.get(start=dt.date(2026, 10, 1))


def actual(partnership, code):
    for row in selectors.results_tree(partnership):
        for result in row.results:
            for ind in result.indicators:
                if ind.indicator.code == code:
                    return ind.actual
    raise AssertionError(code)


def test_only_approved_values_count(partnership, households, budi, sari):
    assert actual(partnership, "households-sorting") == D(280)  # the pending 190 does not count
    pending = IndicatorUpdate.objects.get(period=current_period(households), status="submitted")
    services.update_approve(actor=sari, update=pending)
    pending.refresh_from_db()
    assert actual(partnership, "households-sorting") == D(470)
    assert pending.reviewer == sari and pending.reviewed_at is not None


def test_return_with_comment_then_revise_and_approve(partnership, households, budi, sari):
    update = services.update_create(actor=budi, period=current_period(households), value=D(90))
    assert update.status == "draft"
    services.update_submit(actor=budi, update=update)
    with pytest.raises(SisterCityError) as refused:
        services.update_return(actor=sari, update=update, comment="  ")
    assert refused.value.code == "comment_required"
    services.update_return(actor=sari, update=update, comment="Lampirkan daftar KK")
    update.refresh_from_db()
    assert (update.status, update.review_comment) == ("returned", "Lampirkan daftar KK")
    services.update_revise(actor=budi, update=update, value=D(95))
    services.update_submit(actor=budi, update=update)
    services.update_approve(actor=sari, update=update)
    update.refresh_from_db()
    assert update.status == "approved" and update.value == D(95)


def test_approval_by_its_own_author_is_refused(households, sari):
    update = services.update_create(
        actor=sari, period=current_period(households), value=D(10), submit=True
    )
    before = db_snapshot(*SNAPSHOT)
    with pytest.raises(SisterCityError) as refused:
        services.update_approve(actor=sari, update=update)
    assert refused.value.code == "own"
    assert db_snapshot(*SNAPSHOT) == before


def test_a_locked_period_takes_no_updates(households, budi, sari):
    period = households.periods.first()
    services.period_lock(actor=sari, period=period)
    before = db_snapshot(*SNAPSHOT)
    with pytest.raises(SisterCityError) as refused:
        services.update_create(actor=budi, period=period, value=D(1))
    assert refused.value.code == "locked"
    assert db_snapshot(*SNAPSHOT) == before


def test_quantitative_needs_a_number_and_qualitative_a_narrative(households, budi, sari):
    with pytest.raises(SisterCityError) as refused:
        services.update_create(actor=budi, period=current_period(households), narrative="ok")
    assert refused.value.code == "value_required"
    programme = Programme.objects.get(code="msme-japan-readiness")
    indicator = services.indicator_create(
        actor=sari,
        result=programme.results.get(),
        code="buyer-feedback",
        language="en",
        title="Buyer feedback",
        measure="5",
    )
    period = services.period_create(
        actor=sari,
        indicator=indicator,
        start=dt.date(2026, 7, 1),
        end=dt.date(2026, 9, 30),
        target_comment="Positive feedback",
    )
    with pytest.raises(SisterCityError) as refused:
        services.update_create(actor=sari, period=period, value=D(3))
    assert refused.value.code == "narrative_required"


def test_non_numeric_value_through_the_page_changes_nothing(partnership, households, budi, client):
    client.force_login(budi)
    before = db_snapshot(*SNAPSHOT)
    url = reverse("programs:detail", args=[partnership.slug, "waste-sorting-pilot"])
    response = client.post(
        url.replace("/id/", "/en/"),
        {
            "form": "update",
            "period": current_period(households).pk,
            "value": "banyak",
            "submit": "on",
        },
        follow=True,
    )
    assert "Enter a number" in response.content.decode()
    assert db_snapshot(*SNAPSHOT) == before


def test_overlapping_periods_are_refused(households, budi):
    before = db_snapshot(*SNAPSHOT)
    with pytest.raises(SisterCityError) as refused:
        services.period_create(
            actor=budi,
            indicator=households,
            start=dt.date(2026, 9, 1),
            end=dt.date(2026, 10, 15),
            target_value=D(10),
        )
    assert refused.value.code == "overlap"
    assert db_snapshot(*SNAPSHOT) == before


def test_disaggregations_must_be_the_indicator_dimensions(households, budi):
    with pytest.raises(SisterCityError) as refused:
        services.update_create(
            actor=budi,
            period=current_period(households),
            value=D(5),
            disaggregation={"sex": {"female": 3}},
        )
    assert refused.value.code == "disaggregation"


def test_agency_officer_works_only_on_his_pillar(budi, otto):
    fire_period = Period.objects.get(indicator__code="operators-trained")
    with pytest.raises(SisterCityError) as refused:
        services.update_create(actor=budi, period=fire_period, value=D(3))
    assert refused.value.status == 403
    with pytest.raises(Http404):
        services.update_create(actor=otto, period=fire_period, value=D(3))


def test_the_observer_cannot_approve(households, observer):
    update = IndicatorUpdate.objects.filter(status="submitted").first()
    with pytest.raises(SisterCityError) as refused:
        services.update_approve(actor=observer, update=update)
    assert refused.value.status == 403


def test_a_period_that_has_not_started_takes_no_actual_value(partnership, households, budi, client):
    # Jan–Mar 2027 seen from 2 Dec 2026: the target is planned, the actual does not exist yet.
    future = households.periods.get(start=dt.date(2027, 1, 1))
    assert future.start > timezone.localdate()
    before = db_snapshot(*SNAPSHOT)
    with pytest.raises(SisterCityError) as refused:
        services.update_create(actor=budi, period=future, value=D(5))
    assert refused.value.code == "period_not_started"
    client.force_login(budi)
    url = reverse("programs:detail", args=[partnership.slug, "waste-sorting-pilot"])
    page = client.post(
        url.replace("/id/", "/en/"),
        {"form": "update", "period": future.pk, "value": "5", "submit": "on"},
        follow=True,
    ).content.decode()
    assert "has not started yet: its actual value can be entered from" in page
    assert db_snapshot(*SNAPSHOT) == before
