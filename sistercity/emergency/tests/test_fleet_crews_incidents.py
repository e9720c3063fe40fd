"""Fleet status history, qualifications, incidents (one by one and from XLSX, all or nothing),
the flag for posts without a qualified operator, and the reminders."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from sistercity.core.errors import SisterCityError
from sistercity.emergency import stats
from sistercity.emergency.choices import VehicleStatus
from sistercity.emergency.models import EquipmentItem, Firefighter, Incident, Vehicle
from sistercity.emergency.services import crews, fleet, incidents, reminders
from sistercity.testing import db_snapshot

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_status_changes_are_kept(agus, partnership):
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-02")
    fleet.vehicle_set_status(actor=agus, vehicle=vehicle, status="maintenance", note="pump seal")
    fleet.vehicle_set_status(actor=agus, vehicle=vehicle, status="in_service")
    changes = list(vehicle.status_changes.order_by("changed_at", "pk"))
    assert [(c.from_status, c.to_status) for c in changes[-2:]] == [
        ("in_service", "maintenance"),
        ("maintenance", "in_service"),
    ]


def test_a_donated_truck_cannot_be_put_in_service_by_hand(agus, partnership):
    vehicle = Vehicle.objects.get(partnership=partnership, code="TYM-01")
    with pytest.raises(SisterCityError) as refused:
        fleet.vehicle_set_status(actor=agus, vehicle=vehicle, status="in_service")
    assert refused.value.code == "awaiting_handover"


def test_a_donated_vehicle_needs_its_donor(agus, partnership):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        fleet.vehicle_register(
            actor=agus, partnership=partnership, code="TYM-09", kind="pumper", origin="donated"
        )
    assert refused.value.code == "donor_required"
    assert db_snapshot() == before
    vehicle = fleet.vehicle_register(
        actor=agus,
        partnership=partnership,
        code="TYM-09",
        kind="pumper",
        origin="donated",
        donor="Toyama City Fire Bureau",
    )
    assert vehicle.status == VehicleStatus.AWAITING_HANDOVER


def test_a_qualification_expiring_before_it_was_issued_is_refused(agus, partnership):
    person = Firefighter.objects.filter(partnership=partnership).first()
    before = db_snapshot()
    with translation.override("ja"), pytest.raises(SisterCityError) as refused:
        crews.qualification_add(
            actor=agus,
            firefighter=person,
            vehicle_kind="pumper",
            issued_on=dt.date(2026, 5, 1),
            expires_on=dt.date(2025, 5, 1),
        )
    with translation.override("ja"):
        assert "交付日" in str(refused.value)
    assert refused.value.code == "expiry"
    assert db_snapshot() == before


def test_a_rescue_truck_without_a_qualified_operator_on_a_shift_is_flagged(agus, partnership):
    vehicles = list(Vehicle.objects.filter(partnership=partnership))
    rescue = next(v for v in vehicles if v.code == "DMK-03")
    flags = stats.unstaffed_vehicles(vehicles)
    assert rescue.pk in flags
    eko = Firefighter.objects.get(partnership=partnership, full_name="Eko")
    # Qualify a shift-B firefighter at Limpung for rescue: shift B is no longer flagged.
    wahyu = Firefighter.objects.get(partnership=partnership, full_name="Wahyu Hidayat")
    crews.qualification_add(
        actor=agus,
        firefighter=wahyu,
        vehicle_kind="rescue",
        issued_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2029, 1, 1),
    )
    after = stats.unstaffed_vehicles(vehicles)
    assert len(after.get(rescue.pk, [])) == len(flags[rescue.pk]) - 1
    assert eko.shift == "A"


def test_arrival_before_the_call_is_refused(agus, partnership):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        incidents.incident_record(
            actor=agus,
            partnership=partnership,
            kind="building_fire",
            kecamatan="Subah",
            called_at=dt.datetime(2026, 11, 2, 10, 0, tzinfo=JAKARTA),
            arrived_at=dt.datetime(2026, 11, 2, 9, 55, tzinfo=JAKARTA),
        )
    assert refused.value.code == "time_order"
    assert db_snapshot() == before


def _sheet(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["kind", "kecamatan", "desa", "called_at", "dispatched_at", "arrived_at"])
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile("incidents.xlsx", data.getvalue())


def test_incidents_import_from_xlsx(agus, partnership):
    count = Incident.objects.filter(partnership=partnership).count()
    file = _sheet(
        [
            [
                "building_fire",
                "Bandar",
                "Tombo",
                dt.datetime(2026, 10, 1, 8, 0),
                dt.datetime(2026, 10, 1, 8, 2),
                dt.datetime(2026, 10, 1, 8, 14),
            ],
            [
                "land_fire",
                "Blado",
                "",
                dt.datetime(2026, 10, 3, 13, 0),
                None,
                dt.datetime(2026, 10, 3, 13, 40),
            ],
        ]
    )
    assert incidents.incidents_import(actor=agus, partnership=partnership, file=file) == 2
    assert Incident.objects.filter(partnership=partnership).count() == count + 2
    tombo = Incident.objects.get(partnership=partnership, desa="Tombo")
    assert tombo.response_minutes == 14
    assert tombo.called_at == dt.datetime(2026, 10, 1, 8, 0, tzinfo=JAKARTA)


def test_an_xlsx_with_one_bad_row_saves_nothing(agus, partnership):
    file = _sheet(
        [
            [
                "building_fire",
                "Bandar",
                "",
                dt.datetime(2026, 10, 1, 8, 0),
                None,
                dt.datetime(2026, 10, 1, 8, 14),
            ],
            [
                "building_fire",
                "Bandar",
                "",
                dt.datetime(2026, 10, 2, 8, 0),
                None,
                dt.datetime(2026, 10, 2, 7, 59),
            ],
        ]
    )
    before = db_snapshot()
    with translation.override("id"), pytest.raises(SisterCityError) as refused:
        incidents.incidents_import(actor=agus, partnership=partnership, file=file)
    with translation.override("id"):
        assert str(refused.value).startswith("Baris 3")
    assert db_snapshot() == before


def test_inspection_and_registration_reminders_go_out_once(agus, partnership):
    post = partnership.fire_posts.get(code="mako-batang")
    today = dt.date(2027, 3, 10)
    EquipmentItem.objects.create(post=post, name="SCBA", next_inspection_on=dt.date(2027, 3, 15))
    mail.outbox.clear()
    sent = reminders.reminders_send_due(today=today)
    # The SCBA inspection (5 days) and the procured trucks' registrations (31 March: 21 days).
    assert sent > 0
    subjects = {m.subject for m in mail.outbox}
    assert any("SCBA" in s for s in subjects)
    assert any("DMK-01" in s for s in subjects)
    recipients = {address for m in mail.outbox for address in m.to}
    assert {"sari@batang.example", "agus@batang.example"} <= recipients
    assert "budi@batang.example" not in recipients
    mail.outbox.clear()
    assert reminders.reminders_send_due(today=today) == 0


def test_a_blank_row_keeps_the_incident_row_numbers(agus, partnership):
    file = _sheet(
        [
            ["building_fire", "Bandar", "", dt.datetime(2026, 10, 1, 8, 0), None, None],
            [],
            ["no_such_kind", "Bandar", "", dt.datetime(2026, 10, 2, 8, 0), None, None],
        ]
    )
    before = db_snapshot()
    with translation.override("id"), pytest.raises(SisterCityError) as refused:
        incidents.incidents_import(actor=agus, partnership=partnership, file=file)
    with translation.override("id"):
        assert str(refused.value).startswith("Baris 4")
    assert db_snapshot() == before
