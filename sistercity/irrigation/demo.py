"""The irrigation part of the Batang–Toyama demo (see ``demo/data.py``).

The public-works planner of Batang (Wahyu, an agency officer of DPUPR with the agriculture
pillar), a climate station whose year comes from ``demo_data/bmkg_batang_2025.xlsx`` (BMKG's
layout, synthetic numbers), and schemes named after Batang's rivers. Their areas, flows, IKSI
scores and costs are **illustrative** (marked so on every page), not published figures.
DI Sambong carries the story: paddy–paddy–palawija in three rotation groups whose stagger
(0, 1, 2 half-months) leaves the dry-season land preparation short of water in the first half
of June; moving golongan III one half-month later brings the peak under the flow.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.irrigation import services
from sistercity.irrigation.models import ClimateStation, Scheme

FIXTURE = Path(__file__).parent / "demo_data" / "bmkg_batang_2025.xlsx"
PLANNER_EMAIL = "wahyu@batang.example"
# The logins ``make run`` prints (e-mail, who it is).
LOGINS = [(PLANNER_EMAIL, "Wahyu Hidayat — public-works planner (DPUPR), agriculture pillar")]
DEMO_PASSWORD = "sistercity-demo"  # noqa: S105 - the demo's shared login, printed on purpose
SAMBONG_FLOW = [
    2.86,
    2.86,
    2.75,
    2.64,
    2.42,
    2.2,
    1.98,
    1.76,
    1.59,
    1.43,
    1.32,
    1.21,
    1.1,
    1.04,
    0.99,
    0.94,
    0.94,
    0.99,
    1.1,
    1.32,
    1.65,
    2.09,
    2.42,
    2.75,
]
ILLUSTRATIVE = "Ilustrasi (bukan angka resmi) / 例示 / illustrative"

SCHEMES = [
    # code, name, area, source, cost (IDR), groups (code, ha, shift), IKSI scores, flow scale
    (
        "di-sambong",
        "DI Sambong",
        "950",
        "Kali Sambong",
        9_500_000_000,
        [("I", "350", 0), ("II", "330", 1), ("III", "270", 2)],
        (62, 70, 55, 60, 50, 58),
        1.0,
    ),
    (
        "di-kupang",
        "DI Kupang",
        "1480",
        "Kali Kupang",
        18_000_000_000,
        [("I", "520", 0), ("II", "500", 1), ("III", "460", 2)],
        (58, 65, 50, 55, 45, 52),
        1.6,
    ),
    (
        "di-lojahan",
        "DI Lojahan",
        "420",
        "Kali Lojahan",
        3_100_000_000,
        [("I", "210", 0), ("II", "210", 1)],
        (74, 78, 70, 72, 60, 68),
        0.5,
    ),
    (
        "di-kramat",
        "DI Kramat",
        "260",
        "Kali Kramat",
        2_900_000_000,
        [],
        (52, 60, 45, 50, 40, 55),
        0.3,
    ),
]


def _planner(demo) -> User:
    dpupr, created = Organisation.objects.get_or_create(
        slug="batang-dpupr",
        defaults=dict(
            kind=OrganisationKind.AGENCY,
            country=Country.INDONESIA,
            parent=demo.batang,
            is_sample=True,
        ),
    )
    if created:
        for code, name in (
            ("id", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Batang"),
            ("ja", "バタン県公共事業・空間計画局"),
            ("en", "Batang Public Works and Spatial Planning Agency (DPUPR)"),
        ):
            dpupr.set_current_language(code)
            dpupr.name = name
        dpupr.save()
    user = User.objects.filter(email=PLANNER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            PLANNER_EMAIL,
            DEMO_PASSWORD,
            full_name="Wahyu Hidayat",
            preferred_language="id",
            time_zone="Asia/Jakarta",
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=dpupr, role=Role.AGENCY_OFFICER
    )
    membership.pillars.add(*Pillar.objects.filter(code="agriculture"))
    demo.users.setdefault("wahyu", user)
    return user


def _station(demo, planner) -> ClimateStation:
    station = ClimateStation.objects.filter(partnership=demo.partnership, code="ILU-BTG01").first()
    if station is None:
        station = services.station_create(
            actor=planner,
            partnership=demo.partnership,
            code="ILU-BTG01",
            name="Pos Klimatologi Batang (ilustrasi)",
            latitude=Decimal("-6.91"),
            longitude=Decimal("109.73"),
            elevation_m=Decimal("12"),
            is_illustrative=True,
        )
        services.climate_import_bmkg(actor=planner, station=station, content=FIXTURE.read_bytes())
    return station


def _scheme(demo, planner, station, row) -> None:
    code, name, area, source, cost, groups, scores, scale = row
    if Scheme.objects.filter(partnership=demo.partnership, code=code).exists():
        return
    scheme = services.scheme_save(
        actor=planner,
        partnership=demo.partnership,
        code=code,
        name=name,
        command_area_ha=Decimal(area),
        water_source=source,
        intake=f"Bendung {source[5:]}",
        station=station,
        available_flow_m3s=[round(q * scale, 2) for q in SAMBONG_FLOW],
        rehabilitation_cost_idr=Decimal(cost),
        is_illustrative=True,
        note="Angka ilustrasi untuk demo; bukan data resmi DPUPR.",
    )
    for group_code, ha, shift in groups:
        services.rotation_group_save(
            actor=planner,
            scheme=scheme,
            code=group_code,
            area_ha=Decimal(ha),
            shift_half_months=shift,
        )
    physical, productivity, facilities, personnel, documentation, wua = scores
    services.iksi_record(
        actor=planner,
        scheme=scheme,
        assessed_on=dt.date(2025, 9, 30),
        physical=Decimal(physical),
        productivity=Decimal(productivity),
        facilities=Decimal(facilities),
        personnel=Decimal(personnel),
        documentation=Decimal(documentation),
        wua=Decimal(wua),
        source=ILLUSTRATIVE,
        is_illustrative=True,
    )
    services.association_add(
        actor=planner,
        scheme=scheme,
        name=f"GP3A Tirta {source[5:]}",
        level="gp3a",
        members=4 if groups else 2,
    )
    if code == "di-sambong":
        services.drop_save(
            actor=planner,
            scheme=scheme,
            name="Terjunan BS.3 Sambong",
            head_m=Decimal("3.2"),
            flow_duration=[
                [0, 2.9],
                [10, 2.6],
                [30, 2.0],
                [50, 1.5],
                [70, 1.1],
                [90, 0.9],
                [100, 0.8],
            ],
            design_flow_m3s=Decimal("1.5"),
            is_illustrative=True,
        )


def load(demo) -> None:
    """Add this sector's demo records; idempotent."""
    planner = _planner(demo)
    station = _station(demo, planner)
    for row in SCHEMES:
        _scheme(demo, planner, station, row)
