"""Partnership health: last joint activity, overdue items, dormancy; dashboard query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sistercity.partnerships import services
from sistercity.partnerships.health import health_of, months_between
from sistercity.partnerships.models import Deadline, StageTransition

pytestmark = pytest.mark.django_db


def test_months_between_counts_whole_months():
    assert months_between(dt.date(2026, 10, 15), dt.date(2026, 11, 27)) == 1
    assert months_between(dt.date(2026, 10, 28), dt.date(2026, 11, 27)) == 0
    assert months_between(dt.date(2025, 8, 30), dt.date(2026, 11, 27)) == 14


def test_last_joint_activity_is_the_latest_signed_document_or_joint_meeting(partnership):
    # The demo's latest record: the exploration minutes signed on 15 October 2026.
    health = health_of(partnership, today=dt.date(2026, 11, 27))
    assert health.last_activity == dt.date(2026, 10, 15)
    assert health.months_since == 1 and not health.dormant


def test_dormant_after_the_configured_number_of_months(partnership, settings):
    settings.DORMANT_AFTER_MONTHS = 6
    assert not health_of(partnership, today=dt.date(2027, 4, 14)).dormant
    assert health_of(partnership, today=dt.date(2027, 4, 15)).dormant
    settings.DORMANT_AFTER_MONTHS = 12
    assert not health_of(partnership, today=dt.date(2027, 4, 15)).dormant


def test_one_sides_stage_change_does_not_silence_dormancy(partnership, sari, settings):
    # A stage change is one side's click, not joint activity: the warning stays.
    settings.DORMANT_AFTER_MONTHS = 1
    today = timezone.localdate()
    before = health_of(partnership, today=today)
    assert before.dormant
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert timezone.localdate(StageTransition.objects.latest("created_at").created_at) == today
    after = health_of(partnership, today=today)
    assert after.last_activity == before.last_activity and after.dormant


def test_overdue_items_are_open_deadlines_in_the_past(partnership):
    today = dt.date(2026, 11, 27)
    already = health_of(partnership, today=today).overdue  # the demo's overdue action item
    Deadline.objects.create(partnership=partnership, kind="report", due_on=today - dt.timedelta(1))
    Deadline.objects.create(
        partnership=partnership, kind="report", due_on=today - dt.timedelta(5), is_done=True
    )
    Deadline.objects.create(partnership=partnership, kind="report", due_on=today)
    assert health_of(partnership, today=today).overdue == already + 1


def test_partnership_page_and_dashboard_show_health(partnership, sari, client):
    already = health_of(partnership).overdue
    Deadline.objects.create(partnership=partnership, kind="report", due_on=dt.date(2020, 1, 1))
    client.force_login(sari)
    page = client.get(reverse("partnerships:detail", args=[partnership.slug])).content.decode()
    assert 'id="health"' in page
    dashboard = client.get(reverse("partnerships:dashboard"))
    rows = dashboard.context["rows"]
    assert rows[0][1].overdue == already + 1


def _add_partnerships(start, count, sari, batang, toyama):
    for i in range(start, start + count):
        services.partnership_create(
            actor=sari,
            slug=f"extra-{i}",
            kind="thematic",
            municipalities=[batang, toyama],
            pillars=[],
            name=f"Extra {i}",
            language="id",
        )


def test_dashboard_query_count_does_not_grow_with_partnerships(demo, client, admin_user):
    client.force_login(admin_user)
    url = reverse("partnerships:dashboard")
    _add_partnerships(0, 2, demo.users["sari"], demo.batang, demo.toyama)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _add_partnerships(2, 20, demo.users["sari"], demo.batang, demo.toyama)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_overdue_count_and_the_deadlines_tab_agree(partnership, sari, client):
    # The demo leaves an overdue action item ("Kirim draf LoI ke Toyama"); add a deadline.
    Deadline.objects.create(partnership=partnership, kind="report", due_on=dt.date(2020, 1, 1))
    client.force_login(sari)
    overview = client.get(f"/en/partnerships/{partnership.slug}/")
    count = overview.context["health"].overdue
    assert count >= 2
    assert f"Overdue items: {count}" in overview.content.decode()
    tab = client.get(f"/en/partnerships/{partnership.slug}/deadlines/").content.decode()
    assert tab.count('data-test="overdue"') == count
    assert "Kirim draf LoI ke Toyama" in tab
