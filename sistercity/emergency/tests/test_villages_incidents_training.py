"""Villages imported from XLSX or CSV (all or nothing, problems named by row and column), the
page of one incident (its timeline and response time against the standard), recording an
incident in the page, and training courses with the operators trained."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from sistercity.core.errors import SisterCityError
from sistercity.emergency.models import Attendance, Firefighter, Incident, TrainingCourse, Village
from sistercity.emergency.services import crews, incidents
from sistercity.emergency.services.villages import villages_import
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"
HEADER = ["code", "name", "kecamatan", "population", "latitude", "longitude"]


def _csv(*rows, header=HEADER) -> SimpleUploadedFile:
    lines = [",".join(header), *(",".join(str(c) for c in row) for row in rows)]
    return SimpleUploadedFile("villages.csv", "\n".join(lines).encode(), "text/csv")


def _xlsx(*rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("villages.xlsx", buffer.getvalue())


def test_villages_from_xlsx_are_added_and_updated(agus, partnership):
    existing = Village.objects.filter(partnership=partnership).first()
    count = villages_import(
        actor=agus,
        partnership=partnership,
        file=_xlsx(
            ("desa-baru", "Desa Baru", "Bandar", 3210, -7.05, 109.85),
            (existing.code, existing.name, existing.kecamatan, 9999, -7.0, 109.9),
        ),
    )
    assert count == 2
    new = Village.objects.get(partnership=partnership, code="desa-baru")
    assert (new.population, new.latitude, new.longitude) == (
        3210,
        Decimal("-7.050000"),
        Decimal("109.850000"),
    )
    existing.refresh_from_db()
    assert existing.population == 9999


def test_villages_from_csv(agus, partnership):
    villages_import(
        actor=agus,
        partnership=partnership,
        file=_csv(("karanganyar-x", "Karanganyar X", "Tulis", "1200", "-6.95", "109.80")),
    )
    assert Village.objects.filter(partnership=partnership, code="karanganyar-x").exists()


def test_a_bad_file_names_every_problem_by_row_and_column_and_saves_nothing(agus, partnership):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused, translation.override("en"):
        villages_import(
            actor=agus,
            partnership=partnership,
            file=_csv(
                ("ok-1", "Baik", "Bandar", 100, -7.0, 109.9),
                ("ok-1", "Lagi", "Bandar", "banyak", -7.0, 109.9),
                ("no-coords", "Tanpa", "Bandar", 100, "", 109.9),
                ("far", "Jauh", "Bandar", 100, -95, 109.9),
            ),
        )
    message = str(refused.value)
    assert refused.value.code == "invalid_rows"
    assert "4 problems" in message
    assert "row 3, “code”" in message and "already on row 2" in message
    assert "row 3, “population”: Not a whole number;" in message
    assert "row 4, “latitude”: A value is required" in message
    assert "row 5, “latitude”: Must be between -90 and 90" in message
    assert db_snapshot() == before


def test_a_missing_column_is_named(agus, partnership):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused, translation.override("en"):
        villages_import(
            actor=agus,
            partnership=partnership,
            file=_csv(("a", "A", "1"), header=["code", "name", "population"]),
        )
    assert "“latitude”" in str(refused.value) and "“longitude”" in str(refused.value)
    assert db_snapshot() == before


def test_the_village_refusal_is_translated_in_the_page(client_for, agus):
    client = client_for(agus)
    before = db_snapshot()
    response = client.post(
        reverse("emergency:villages_import", args=[SLUG]),
        {"file": _csv(("x", "X", "", "-3", -7, 109))},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert db_snapshot() == before
    assert "Tidak ada yang diimpor" in response.content.decode()


def test_observers_cannot_import_villages(observer, partnership):
    with pytest.raises(SisterCityError) as refused:
        villages_import(
            actor=observer, partnership=partnership, file=_csv(("a", "A", "", 1, -7, 109))
        )
    assert refused.value.status == 403


def _en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def _incident(agus, partnership, minutes: int) -> Incident:
    called = timezone.now().replace(microsecond=0) - dt.timedelta(days=1)
    return incidents.incident_record(
        actor=agus,
        partnership=partnership,
        kind="building_fire",
        kecamatan="Batang",
        desa="Kauman",
        called_at=called,
        dispatched_at=called + dt.timedelta(minutes=2),
        arrived_at=called + dt.timedelta(minutes=minutes),
        closed_at=called + dt.timedelta(minutes=minutes + 60),
        units=[partnership.fire_vehicles.get(code="DMK-01")],
        injured=1,
    )


def test_the_incident_page_shows_its_timeline_and_the_standard(client_for, agus, partnership):
    late = _incident(agus, partnership, 22)
    client = client_for(agus)
    html = client.get(_en("emergency:incident", SLUG, late.pk)).content.decode()
    assert 'data-within="no"' in html
    assert "7.0 minutes over the 15-minute standard" in html
    timeline = html.split('id="timeline"')[1].split("</table>")[0]
    assert timeline.index('data-step="called_at"') < timeline.index('data-step="arrived_at"')
    arrival = timeline.split('data-step="arrived_at"')[1].split("</tr>")[0]
    assert "22.0" in arrival
    assert "DMK-01" in html.split('id="units"')[1]
    quick = _incident(agus, partnership, 9)
    html = client.get(reverse("emergency:incident", args=[SLUG, quick.pk])).content.decode()
    assert 'data-within="yes"' in html


def test_another_partnerships_incident_is_404(client_for, otto, agus, partnership):
    incident = _incident(agus, partnership, 9)
    url = reverse("emergency:incident", args=[SLUG, incident.pk])
    assert client_for(otto).get(url).status_code == 404


def test_recording_an_incident_out_of_order_is_refused_beside_the_form(client_for, agus):
    client = client_for(agus)
    before = db_snapshot()
    response = client.post(
        _en("emergency:incidents", SLUG),
        {
            "kind": "building_fire",
            "kecamatan": "Batang",
            "called_at": "2026-11-02T10:00",
            "arrived_at": "2026-11-02T09:50",
            "injured": 0,
            "deaths": 0,
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert db_snapshot() == before
    assert "out of order" in response.content.decode()


def test_recording_an_incident_in_the_page_opens_it(client_for, agus, partnership):
    response = client_for(agus).post(
        reverse("emergency:incidents", args=[SLUG]),
        {
            "kind": "land_fire",
            "kecamatan": "Blado",
            "desa": "Kalisari",
            "called_at": "2026-11-02T10:00",
            "dispatched_at": "2026-11-02T10:03",
            "arrived_at": "2026-11-02T10:12",
            "injured": 0,
            "deaths": 0,
            "units": [partnership.fire_vehicles.get(code="DMK-01").pk],
        },
    )
    incident = Incident.objects.get(partnership=partnership, desa="Kalisari")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/incidents/{incident.pk}/")
    assert incident.response_minutes == 12
    assert list(incident.units.values_list("code", flat=True)) == ["DMK-01"]


def test_a_course_and_its_trained_operators_are_recorded_in_the_page(client_for, agus, partnership):
    client = client_for(agus)
    response = client.post(
        reverse("emergency:crews", args=[SLUG]),
        {
            "form": "course",
            "course-title": "Pelatihan operator pompa Morita",
            "course-starts_on": "2026-10-05",
            "course-ends_on": "2026-10-09",
            "course-place": "Batang",
            "course-instructors": "Toyama City Fire Bureau",
            "course-vehicle_kind": "pumper",
        },
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 302
    course = TrainingCourse.objects.get(translations__title="Pelatihan operator pompa Morita")
    person = Firefighter.objects.filter(partnership=partnership).first()
    response = client.post(
        reverse("emergency:attendance_record", args=[SLUG, course.pk]),
        {"firefighter": person.pk, "passed": "on"},
    )
    assert response.status_code == 302
    attendance = Attendance.objects.get(course=course, firefighter=person)
    assert attendance.passed
    html = client.get(reverse("emergency:crews", args=[SLUG])).content.decode()
    assert reverse("emergency:certificate", args=[SLUG, attendance.pk]) in html


def test_a_course_ending_before_it_starts_is_refused_beside_the_field(client_for, agus):
    client = client_for(agus)
    before = db_snapshot()
    response = client.post(
        _en("emergency:crews", SLUG),
        {
            "form": "course",
            "course-title": "X",
            "course-starts_on": "2026-10-05",
            "course-ends_on": "2026-10-01",
            "course-place": "Toyama",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert db_snapshot() == before
    assert "cannot end (2026-10-01) before it starts (2026-10-05)" in response.content.decode()


def test_a_firefighter_is_added_in_the_page(client_for, agus, partnership):
    post = partnership.fire_posts.first()
    response = client_for(agus).post(
        reverse("emergency:crews", args=[SLUG]),
        {
            "form": "person",
            "person-full_name": "Siti Rahmawati",
            "person-shift": "B",
            "person-post": post.pk,
        },
    )
    assert response.status_code == 302
    assert Firefighter.objects.get(full_name="Siti Rahmawati").post == post


def test_the_observer_sees_no_crew_forms_and_cannot_add_a_course(client_for, observer, partnership):
    html = client_for(observer).get(reverse("emergency:crews", args=[SLUG])).content.decode()
    assert 'id="course-form"' not in html and 'id="person-form"' not in html
    with pytest.raises(SisterCityError) as refused:
        crews.training_course_create(
            actor=observer,
            partnership=partnership,
            title="X",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 1, 2),
            place="Batang",
        )
    assert refused.value.status == 403


def test_a_blank_line_keeps_the_row_numbers_of_the_file(agus, partnership):
    # Row numbers are the ones the officer sees in the spreadsheet, blank lines included.
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused, translation.override("en"):
        villages_import(
            actor=agus,
            partnership=partnership,
            file=_xlsx(("ok-1", "Baik", "Bandar", 100, -7.0, 109.9), (), ("x", "X", "", -3, -7, 1)),
        )
    assert "row 4, “population”" in str(refused.value)
    assert db_snapshot() == before


@pytest.mark.parametrize("kind", ["villages", "incidents"])
def test_a_file_over_the_import_limit_is_refused_unread(agus, partnership, settings, kind):
    settings.IMPORT_MAX_BYTES = 1024
    big = SimpleUploadedFile(f"{kind}.csv", b"code,name\n" + b"a,b\n" * 600, "text/csv")
    importer = villages_import if kind == "villages" else incidents.incidents_import
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused, translation.override("id"):
        importer(actor=agus, partnership=partnership, file=big)
    assert refused.value.code == "file_too_large"
    assert big.tell() == 0  # nothing was read
    assert db_snapshot() == before
