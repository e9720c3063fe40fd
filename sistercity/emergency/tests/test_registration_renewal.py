"""A renewed vehicle registration is recorded on the vehicle's page, and the renewal reminders
count down to the new expiry; an expiry not later than today or than the current one is refused
beside the field (status 400) and changes nothing; outsiders get 404."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sistercity.emergency.models import Vehicle
from sistercity.emergency.services import reminders
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def _url(code="DMK-01"):
    return reverse("emergency:vehicle_action", args=[SLUG, code, "registration"])


def test_a_renewed_registration_is_recorded_and_reminded(client_for, agus, partnership):
    expires = timezone.localdate() + dt.timedelta(days=400)
    response = client_for(agus).post(
        _url(), {"expires_on": expires.isoformat(), "registration": "g 9 dk"}, follow=True
    )
    assert response.status_code == 200
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-01")
    assert (vehicle.registration_expires_on, vehicle.registration) == (expires, "G 9 DK")
    assert "Perpanjangan registrasi telah dicatat." in response.content.decode()
    mail.outbox.clear()
    reminders.reminders_send_due(today=expires - dt.timedelta(days=30))
    assert any("DMK-01" in m.subject for m in mail.outbox)


@pytest.mark.parametrize("days", [0, -5, None])  # today, past, not later than the current one
def test_an_expiry_not_later_is_refused_beside_the_field(client_for, agus, partnership, days):
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-01")
    if days is None:
        vehicle.registration_expires_on = timezone.localdate() + dt.timedelta(days=100)
        vehicle.save()
        expires = timezone.localdate() + dt.timedelta(days=50)
    else:
        expires = timezone.localdate() + dt.timedelta(days=days)
    client = client_for(agus)
    before = (db_snapshot("emergency", "auditlog"), vehicle.registration_expires_on)
    response = client.post(_url(), {"expires_on": expires.isoformat()})
    assert response.status_code == 400
    assert response.context["renewal_form"].errors["expires_on"]
    assert 'id="id_expires_on_error"' in response.content.decode()
    vehicle.refresh_from_db()
    assert (db_snapshot("emergency", "auditlog"), vehicle.registration_expires_on) == before


def test_outsiders_get_404(client_for, otto):
    client = client_for(otto)
    before = db_snapshot("emergency", "auditlog")
    expires = timezone.localdate() + dt.timedelta(days=400)
    assert client.post(_url(), {"expires_on": expires.isoformat()}).status_code == 404
    assert db_snapshot("emergency", "auditlog") == before
