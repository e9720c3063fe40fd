"""The emergency part of the Batang–Toyama demo (see ``demo_data.py``; ILLUSTRATIVE data).

Adds the fire service chief (Agus, agency officer of Damkar Batang for the emergency pillar),
Batang's posts and candidate sites, 15 demand points, a small fleet with two donated Toyama
trucks at different steps of the grant procedure, a crew with qualifications, a year of
incidents and one coverage scenario of today's posts. Idempotent and quick.
"""

import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.demo.pdf import simple_pdf
from sistercity.emergency import coverage, demo_data, grant_data
from sistercity.emergency.choices import IncidentKind, PostKind
from sistercity.emergency.models import (
    Attendance,
    EquipmentItem,
    Firefighter,
    FirePost,
    GrantDocument,
    GrantTransition,
    Incident,
    Qualification,
    TrainingCourse,
    Vehicle,
    VehicleGrant,
    VehicleStatusChange,
    Village,
)
from sistercity.emergency.services import coverage as coverage_services

JAKARTA = ZoneInfo("Asia/Jakarta")
CHIEF_EMAIL = "agus@batang.example"
# The logins ``make run`` prints (e-mail, who it is).
LOGINS = [(CHIEF_EMAIL, "Agus Prasetyo — fire service (Damkar Batang), emergency pillar")]


def load(demo) -> None:
    """Add this sector's demo records; idempotent."""
    chief = _chief(demo)
    partnership = demo.partnership
    if FirePost.objects.filter(partnership=partnership).exists():
        return
    posts = _posts(partnership)
    _villages(partnership)
    vehicles = _fleet(partnership, posts, demo.users["sari"])
    _grants(vehicles, demo.users["sari"], demo.users["yamada"])
    _crew(partnership, posts)
    _equipment(posts)
    _training(partnership)
    _incidents(partnership, posts, vehicles)
    coverage_services.scenario_run(
        actor=chief,
        partnership=partnership,
        name="Pos yang ada + 1 (contoh)",
        model="mclp",
        posts=3,
        note="Ilustrasi: waktu tempuh diperkirakan dari jarak garis lurus.",
    )


def _chief(demo) -> User:
    from sistercity.demo.data import DEMO_PASSWORD

    damkar, created = Organisation.objects.get_or_create(
        slug="batang-damkar",
        defaults=dict(
            kind=OrganisationKind.AGENCY,
            country=Country.INDONESIA,
            parent=demo.batang,
            is_sample=True,
        ),
    )
    if created:
        for code, name in zip(
            ("id", "ja", "en"),
            (
                "Dinas Pemadam Kebakaran Kabupaten Batang (Damkar)",
                "バタン県消防局",
                "Batang Fire Service (Damkar)",
            ),
            strict=True,
        ):
            damkar.set_current_language(code)
            damkar.name = name
        damkar.save()
    chief = User.objects.filter(email=CHIEF_EMAIL).first()
    if chief is None:
        chief = User.objects.create_user(
            CHIEF_EMAIL,
            DEMO_PASSWORD,
            full_name="Agus Prasetyo",
            preferred_language="id",
            time_zone="Asia/Jakarta",
        )
    membership, _ = Membership.objects.get_or_create(
        user=chief, organisation=damkar, role=Role.AGENCY_OFFICER
    )
    membership.pillars.set(Pillar.objects.filter(code="emergency"))
    demo.users.setdefault("agus", chief)
    return chief


def _posts(partnership) -> dict[str, FirePost]:
    posts = FirePost.objects.bulk_create(
        FirePost(
            partnership=partnership,
            code=code,
            name=name,
            kind=kind,
            kecamatan=kecamatan,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            is_illustrative=True,
        )
        for code, name, kind, kecamatan, (lat, lon) in demo_data.POSTS
    )
    return {p.code: p for p in posts}


def _villages(partnership) -> None:
    Village.objects.bulk_create(
        Village(
            partnership=partnership,
            code=code,
            name=name,
            kecamatan=name,
            population=population,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            is_illustrative=True,
        )
        for code, name, population, (lat, lon) in demo_data.VILLAGES
    )


def _fleet(partnership, posts, sari) -> dict[str, Vehicle]:
    vehicles = {}
    for code, kind, model, plate, pump, tank, year, origin, donor, post in demo_data.VEHICLES:
        donated = origin == "donated"
        vehicle = Vehicle.objects.create(
            partnership=partnership,
            code=code,
            kind=kind,
            make_model=model,
            registration=plate,
            registration_expires_on=None if donated else dt.date(2027, 3, 31),
            pump_lpm=pump,
            tank_litres=tank,
            year=year,
            origin=origin,
            donor=donor,
            post=posts[post],
            status="awaiting_handover" if donated else "in_service",
            is_illustrative=True,
        )
        VehicleStatusChange.objects.create(vehicle=vehicle, to_status=vehicle.status, actor=sari)
        vehicles[code] = vehicle
    return vehicles


def _grants(vehicles, sari, yamada) -> None:
    from sistercity.partnerships import procedure
    from sistercity.partnerships.models import DocumentType, Track

    if not Track.objects.filter(code=grant_data.TRACK_CODE).exists():
        grant_data.seed()  # a flushed test database lost the migration's rows
    track = Track.objects.get(code=grant_data.TRACK_CODE)
    types = {t.code: t for t in DocumentType.objects.filter(subject=grant_data.SUBJECT)}
    for code, kinds in demo_data.GRANT_PROGRESS.items():
        vehicle = vehicles[code]
        stage = procedure.first_stage(track)
        assert stage is not None  # the seeded track has its steps
        grant = VehicleGrant.objects.create(
            vehicle=vehicle, donor=vehicle.donor, current_stage=stage
        )
        GrantTransition.objects.create(grant=grant, direction="start", to_stage=stage, actor=sari)
        for kind in kinds:
            uploader = yamada if kind == "offer_letter" else sari
            content = simple_pdf(f"{code}: {kind} (demo)")
            document = GrantDocument(
                grant=grant,
                document_type=types[kind],
                reference=f"DEMO/{code}/{kind}",
                dated_on=dt.date(2026, 6, 1),
                original_name=f"{kind}.pdf",
                content_type="application/pdf",
                size=len(content),
                sha256="",
                uploaded_by=uploader,
            )
            document.file.save(f"{kind}.pdf", SimpleUploadedFile(f"{kind}.pdf", content), False)
            document.save()
            # Each document in lets its step be left.
            following = procedure.stage_after(grant.current_stage)
            assert following is not None  # the demo stops short of the last step
            GrantTransition.objects.create(
                grant=grant,
                direction="advance",
                from_stage=grant.current_stage,
                to_stage=following,
                actor=sari,
            )
            grant.current_stage = following
        grant.save()


def _crew(partnership, posts) -> None:
    for name, post, shift, kinds in demo_data.CREW:
        person = Firefighter.objects.create(
            partnership=partnership,
            full_name=name,
            post=posts[post],
            shift=shift,
            is_illustrative=True,
        )
        for kind in kinds:
            Qualification.objects.create(
                firefighter=person,
                vehicle_kind=kind,
                issued_on=dt.date(2024, 9, 1),
                expires_on=dt.date(2027, 8, 31),
                issued_by="Damkar Batang",
            )


def _equipment(posts) -> None:
    """Equipment at the two posts, each next inspected beyond the reminder window (so loading
    the demo sends no reminder; the reminder tests make their own due items)."""
    today = timezone.localdate()
    for post, name, serial, quantity, last, due in (
        ("mako-batang", "Alat bantu pernapasan (SCBA)", "SCBA-2019", 4, -165, 200),
        ("mako-batang", "Selang pemadam 2,5 inci (20 m)", "", 20, -60, 300),
        ("pos-limpung", "APAR 6 kg", "", 6, -90, 275),
    ):
        EquipmentItem.objects.create(
            post=posts[post],
            name=name,
            serial=serial,
            quantity=quantity,
            last_inspected_on=today + dt.timedelta(days=last),
            next_inspection_on=today + dt.timedelta(days=due),
        )


def _training(partnership) -> None:
    course = TrainingCourse(
        partnership=partnership,
        starts_on=dt.date(2026, 9, 14),
        ends_on=dt.date(2026, 9, 18),
        place="Markas Damkar Batang",
        instructors="Toyama City Fire Bureau (富山市消防局)",
        vehicle_kind="pumper",
    )
    for code, title in zip(("id", "ja", "en"), demo_data.COURSE_TITLE, strict=True):
        course.set_current_language(code)
        course.title = title
    course.save()
    people = Firefighter.objects.filter(partnership=partnership).order_by("pk")[:4]
    for index, person in enumerate(people):
        Attendance.objects.create(course=course, firefighter=person, passed=index < 3)


def _incidents(partnership, posts, vehicles) -> None:
    """About fifty call-outs over the last year; response times grow with the distance to the
    nearest existing post (estimated as the coverage analysis does), plus noise."""
    rng = random.Random(13)
    existing = [p for p in posts.values() if p.kind == PostKind.EXISTING]
    sites = [[float(p.latitude), float(p.longitude)] for p in existing]
    kinds = [k for k, _label in IncidentKind.choices]
    end = timezone.localdate()
    rows = []
    for index in range(52):
        code, name, _population, point = demo_data.VILLAGES[index % len(demo_data.VILLAGES)]
        minutes = coverage.estimated_minutes([point], sites, detour_factor=1.4, speed_kmh=35.0)
        travel = float(minutes.min()) + rng.uniform(2.0, 6.0)
        day = end - dt.timedelta(days=rng.randint(1, 364))
        called = dt.datetime.combine(day, dt.time(rng.randint(0, 23), rng.randint(0, 59)))
        called = called.replace(tzinfo=JAKARTA)
        dispatched = called + dt.timedelta(minutes=rng.uniform(1.0, 3.0))
        arrived = dispatched + dt.timedelta(minutes=travel)
        rows.append(
            Incident(
                partnership=partnership,
                kind=kinds[index % len(kinds)] if index % 3 else "building_fire",
                kecamatan=name,
                desa=name,
                latitude=Decimal(str(point[0])),
                longitude=Decimal(str(point[1])),
                called_at=called,
                dispatched_at=dispatched,
                arrived_at=arrived,
                controlled_at=arrived + dt.timedelta(minutes=rng.uniform(10, 90)),
                closed_at=arrived + dt.timedelta(minutes=rng.uniform(95, 180)),
                loss_idr=Decimal(rng.randrange(0, 300_000_000, 5_000_000)),
                injured=rng.choice([0, 0, 0, 1]),
                is_illustrative=True,
            )
        )
    Incident.objects.bulk_create(rows)
    mako = vehicles["DMK-01"]
    for incident in Incident.objects.filter(partnership=partnership):
        incident.units.add(mako)
