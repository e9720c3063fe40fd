"""Registering a vehicle from the fleet page: the registration's expiry is kept, so its renewal
is reminded like a deadline."""

import datetime as dt

from django.core import mail
from django.urls import reverse

from sistercity.emergency.models import Vehicle
from sistercity.emergency.services import reminders
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def test_a_registration_expiry_entered_in_the_page_is_reminded(client_for, agus, partnership):
    response = client_for(agus).post(
        reverse("emergency:fleet", args=[SLUG]),
        {
            "code": "DMK-09",
            "kind": "tanker",
            "origin": "procured",
            "registration": "g 1234 xy",
            "registration_expires_on": "2027-08-31",
        },
    )
    assert response.status_code == 302
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-09")
    assert vehicle.registration == "G 1234 XY"
    assert vehicle.registration_expires_on == dt.date(2027, 8, 31)
    mail.outbox.clear()
    reminders.reminders_send_due(today=dt.date(2027, 8, 1))
    assert any("DMK-09" in m.subject for m in mail.outbox)
    html = client_for(agus).get(reverse("emergency:vehicle", args=[SLUG, "DMK-09"])).content
    assert "2027" in html.decode().split("G 1234 XY")[1].split("</dd>")[0]


def test_a_code_in_use_is_refused_beside_the_field(client_for, agus, partnership):
    before = db_snapshot("emergency", "auditlog")
    response = client_for(agus).post(
        reverse("emergency:fleet", args=[SLUG]),
        {"form": "vehicle", "code": "DMK-01", "kind": "tanker", "origin": "procured"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["code"] == ["Kendaraan dengan kode “DMK-01” sudah ada."]
    assert 'id="id_code_error"' in response.content.decode()
    assert db_snapshot("emergency", "auditlog") == before
