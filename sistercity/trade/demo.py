"""The trade part of the Batang–Toyama demo (see ``demo/data.py``).

Every enterprise, product, buyer and figure here is **illustrative** (``is_sample``): the
names are typical of Batang's MSMEs (batik Rifaiyah from Kalipucang Wetan, coffee from the
Blado highlands, processed fish from Klidang Lor) but none is a real business, NIB or permit.

Personas added here: Wulandari, agency officer of the Dinas Koperasi dan UKM (msme pillar);
Siti Aminah, owner of a batik enterprise; Tanaka Ken (田中 健), buyer at a Toyama food
importer.
"""

import datetime as dt
from decimal import Decimal as D
from typing import Any

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.trade import services
from sistercity.trade.models import Buyer, Enterprise

# The demo's password (``sistercity.demo.data.DEMO_PASSWORD``; not imported: demo imports us).
PASSWORD = "sistercity-demo"  # noqa: S105 - the published demo password

ENTERPRISES: list[dict[str, Any]] = [
    {
        "legal_name": "Batik Rifaiyah Kalipucang",
        "trade_name": "Batik Rifaiyah Siti",
        "nib": "9120001234501",
        "kbli_codes": ["13134"],
        "annual_sales_idr": D("480000000"),
        "kecamatan": "Batang",
        "desa": "Kalipucang Wetan",
        "owner_name": "Siti Aminah",
        "phone": "+62 812 0000 1001",
        "employees_women": 9,
        "employees_men": 1,
        "year_founded": 2009,
        "owner": "siti",
    },
    {
        "legal_name": "CV Kopi Blado Lestari",
        "trade_name": "Kopi Blado",
        "nib": "9120001234502",
        "kbli_codes": ["10761", "01270"],
        "annual_sales_idr": D("2600000000"),
        "kecamatan": "Blado",
        "desa": "Kalisari",
        "owner_name": "Slamet",
        "employees_women": 6,
        "employees_men": 8,
        "year_founded": 2016,
    },
    {
        "legal_name": "UD Pala Sari Bandar",
        "trade_name": "Pala Sari",
        "nib": "9120001234503",
        "kbli_codes": ["46311", "10772"],
        "capital_idr": D("350000000"),
        "kecamatan": "Bandar",
        "desa": "Wonomerto",
        "owner_name": "Hadi Susanto",
        "employees_women": 4,
        "employees_men": 3,
        "year_founded": 2019,
    },
    {
        "legal_name": "KUB Mina Klidang Lor",
        "trade_name": "Olahan Ikan Klidang",
        "nib": "9120001234504",
        "kbli_codes": ["10211", "10216"],
        "annual_sales_idr": D("900000000"),
        "kecamatan": "Batang",
        "desa": "Klidang Lor",
        "owner_name": "Rusmini",
        "employees_women": 12,
        "employees_men": 2,
        "year_founded": 2012,
    },
]


def _organisation(batang: Organisation) -> Organisation:
    office, created = Organisation.objects.get_or_create(
        slug="batang-dinkop-ukm",
        defaults=dict(
            kind=OrganisationKind.AGENCY, country=Country.INDONESIA, parent=batang, is_sample=True
        ),
    )
    if created:
        for code, name in (
            ("id", "Dinas Koperasi dan UKM Kabupaten Batang"),
            ("ja", "バタン県協同組合・中小企業局"),
            ("en", "Batang Cooperatives and MSME Office"),
        ):
            office.set_current_language(code)
            office.name = name
        office.save()
    return office


def _user(email: str, name: str, reading: str, language: str, zone: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email,
            PASSWORD,
            full_name=name,
            name_reading=reading,
            preferred_language=language,
            time_zone=zone,
        )
    return user


def personas(demo: Any) -> dict[str, User]:
    """The msme pillar's people, created once."""
    office = _organisation(demo.batang)
    wulan = _user("wulan@batang.example", "Wulandari", "", "id", "Asia/Jakarta")
    membership, _ = Membership.objects.get_or_create(
        user=wulan, organisation=office, role=Role.AGENCY_OFFICER
    )
    membership.pillars.set(Pillar.objects.filter(code="msme"))
    siti = _user("siti@batik.example", "Siti Aminah", "", "id", "Asia/Jakarta")
    ken = _user("ken.tanaka@toyama-foods.example", "田中 健", "Tanaka Ken", "ja", "Asia/Tokyo")
    found = {"wulan": wulan, "siti": siti, "ken": ken}
    demo.users.update(found)
    return found


def load(demo: Any) -> None:
    """Add this sector's demo records; idempotent."""
    people = personas(demo)
    partnership = demo.partnership
    if Enterprise.objects.filter(partnership=partnership).exists():
        return
    wulan = people["wulan"]
    for row in ENTERPRISES:
        data = dict(row)
        owner = people.get(data.pop("owner", ""))
        services.enterprise_create(
            actor=wulan, partnership=partnership, owner_user=owner, is_sample=True, **data
        )
    buyer = Buyer.objects.create(
        partnership=partnership,
        name_ja="株式会社とやま食品（例示）",
        name_romaji="Toyama Shokuhin Co., Ltd. (illustrative)",
        prefecture="富山県",
        sector="食品輸入・卸売",
        is_sample=True,
    )
    buyer.members.add(people["ken"])
    _ = dt
