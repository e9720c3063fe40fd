"""An equipment item's inspection is recorded from the fleet page: the dates move on and the
next inspection is reminded; a next inspection before this one or an inspection in the future
is refused beside the field (status 400) and changes nothing; outsiders get 404."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sistercity.emergency.models import EquipmentItem
from sistercity.emergency.services import reminders
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


@pytest.fixture
def hoses(partnership):
    post = partnership.fire_posts.get(code="mako-batang")
    return EquipmentItem.objects.create(
        post=post,
        name="Fire hoses 65 mm",
        last_inspected_on=dt.date(2025, 11, 1),
        next_inspection_on=dt.date(2026, 11, 1),
    )


def _data(item, inspected_on, next_inspection_on):
    return {
        "form": "inspection",
        "item": item.pk,
        "inspected_on": inspected_on.isoformat(),
        "next_inspection_on": next_inspection_on.isoformat(),
    }


def test_an_inspection_is_recorded_and_the_next_one_reminded(client_for, agus, hoses):
    today = timezone.localdate()
    following = today + dt.timedelta(days=180)
    url = reverse("emergency:fleet", args=[SLUG])
    response = client_for(agus).post(url, _data(hoses, today, following), follow=True)
    assert response.redirect_chain[-1] == (url, 302)
    hoses.refresh_from_db()
    assert (hoses.last_inspected_on, hoses.next_inspection_on) == (today, following)
    assert "Pemeriksaan telah dicatat." in response.content.decode()
    mail.outbox.clear()
    reminders.reminders_send_due(today=following - dt.timedelta(days=7))
    assert any("Fire hoses 65 mm" in m.subject for m in mail.outbox)


@pytest.mark.parametrize(
    ("inspected", "following", "field"),
    [(0, -10, "next_inspection_on"), (3, 200, "inspected_on")],  # days from today
)
def test_bad_dates_are_refused_beside_the_field(
    client_for, agus, hoses, inspected, following, field
):
    today = timezone.localdate()
    client = client_for(agus)
    before = db_snapshot("emergency", "auditlog")
    response = client.post(
        reverse("emergency:fleet", args=[SLUG]),
        _data(hoses, today + dt.timedelta(days=inspected), today + dt.timedelta(days=following)),
    )
    assert response.status_code == 400
    assert f'id="id_equipment{hoses.pk}_{field}_error"' in response.content.decode()
    assert db_snapshot("emergency", "auditlog") == before
    hoses.refresh_from_db()
    assert hoses.next_inspection_on == dt.date(2026, 11, 1)


def test_outsiders_get_404(client_for, otto, hoses):
    client = client_for(otto)
    today = timezone.localdate()
    before = db_snapshot("emergency", "auditlog")
    response = client.post(
        reverse("emergency:fleet", args=[SLUG]),
        _data(hoses, today, today + dt.timedelta(days=30)),
    )
    assert response.status_code == 404
    assert db_snapshot("emergency", "auditlog") == before
