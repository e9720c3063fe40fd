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
from sistercity.trade import rules_data, services
from sistercity.trade.models import Enterprise, ExportRule

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
        "owner": "hadi",
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
    {
        "legal_name": "UD Manisan Buah Subah",
        "nib": "9120001234505",
        "kbli_codes": ["10393"],
        "annual_sales_idr": D("350000000"),
        "kecamatan": "Subah",
        "owner_name": "Maryati",
        "employees_women": 5,
        "employees_men": 0,
    },
    {
        "legal_name": "KUB Keripik Singkong Warungasem",
        "nib": "9120001234506",
        "kbli_codes": ["10794"],
        "annual_sales_idr": D("210000000"),
        "kecamatan": "Warungasem",
        "owner_name": "Karno",
        "employees_women": 6,
        "employees_men": 1,
    },
    {
        "legal_name": "UD Anyaman Bambu Bawang",
        "nib": "9120001234507",
        "kbli_codes": ["16293"],
        "annual_sales_idr": D("160000000"),
        "kecamatan": "Bawang",
        "owner_name": "Sutrisno",
        "employees_women": 3,
        "employees_men": 3,
    },
    {
        "legal_name": "UD Buah Kering Limpung",
        "nib": "9120001234508",
        "kbli_codes": ["10313"],
        "annual_sales_idr": D("95000000"),
        "kecamatan": "Limpung",
        "owner_name": "Nur Khasanah",
        "employees_women": 2,
        "employees_men": 0,
    },
    {
        "legal_name": "CV Ukir Kayu Tersono",
        "nib": "9120001234509",
        "kbli_codes": ["16291"],
        "annual_sales_idr": D("730000000"),
        "kecamatan": "Tersono",
        "owner_name": "Wahyudi",
        "employees_women": 1,
        "employees_men": 7,
    },
    {
        "legal_name": "KUB Ikan Asap Roban",
        "nib": "9120001234510",
        "kbli_codes": ["10212"],
        "annual_sales_idr": D("420000000"),
        "kecamatan": "Subah",
        "desa": "Kumejing",
        "owner_name": "Tarmuji",
        "employees_women": 4,
        "employees_men": 4,
    },
]

NUTRITION = {
    "energy_kcal": D("320"),
    "protein_g": D("1.2"),
    "fat_g": D("0.3"),
    "carbohydrate_g": D("78.0"),
    "salt_g": D("0.05"),
}


# The logins ``make run`` prints (e-mail, who it is).
LOGINS = [
    ("wulan@batang.example", "Wulandari — MSME office (Dinas Koperasi dan UKM), msme pillar"),
    ("siti@batik.example", "Siti Aminah — MSME owner (batik Rifaiyah)"),
    ("hadi@pala.example", "Hadi Susanto — MSME owner (nutmeg)"),
    ("ken.tanaka@toyama-foods.example", "田中 健 — Toyama buyer (Japanese)"),
    ("mika.sato@etchu-trading.example", "佐藤 美香 — Toyama buyer (Japanese)"),
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
            ("id", "Dinas Koperasi dan UMKM Kabupaten Batang"),
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
    hadi = _user("hadi@pala.example", "Hadi Susanto", "", "id", "Asia/Jakarta")
    ken = _user("ken.tanaka@toyama-foods.example", "田中 健", "Tanaka Ken", "ja", "Asia/Tokyo")
    mika = _user("mika.sato@etchu-trading.example", "佐藤 美香", "Sato Mika", "ja", "Asia/Tokyo")
    found = {"wulan": wulan, "siti": siti, "hadi": hadi, "ken": ken, "mika": mika}
    demo.users.update(found)
    return found


def load(demo: Any) -> None:
    """Add this sector's demo records; idempotent."""
    people = personas(demo)
    rules_data.seed(ExportRule, ExportRule._parler_meta.root_model)
    partnership = demo.partnership
    if Enterprise.objects.filter(partnership=partnership).exists():
        return
    wulan = people["wulan"]
    enterprises = {}
    for row in ENTERPRISES:
        data = dict(row)
        owner = people.get(data.pop("owner", ""))
        enterprises[data["nib"][-2:]] = services.enterprise_create(
            actor=wulan, partnership=partnership, owner_user=owner, is_sample=True, **data
        )
    products = _products(wulan, enterprises)
    _permits(wulan, enterprises, products)
    _deals(demo, people, products)
    _mentoring(demo, wulan, enterprises)
    _indicator(demo)


def _product(actor: User, enterprise: Enterprise, name: tuple[str, str, str], **fields: Any):
    texts = {"ja": {"name": name[1]}, "en": {"name": name[2]}}
    storage = fields.pop("storage", None)
    if storage:
        for language, text in zip(("id", "ja", "en"), storage, strict=True):
            texts.setdefault(language, {})["storage"] = text
    return services.product_create(
        actor=actor, enterprise=enterprise, name=name[0], language="id", texts=texts, **fields
    )


STORAGE = (
    "Simpan di tempat sejuk dan kering",
    "直射日光、高温多湿を避けて保存",
    "Keep cool and dry",
)


def _products(wulan: User, e: dict[str, Enterprise]) -> dict[str, Any]:
    p = _batik_coffee_and_nutmeg(wulan, e)
    p.update(_fish_fruit_and_crafts(wulan, e))
    for key in ("nutmeg", "candied", "coffee"):
        p[key].is_published = True
        p[key].save(update_fields=["is_published"])
    # The owners of these enterprises published them (their owners' consent in the demo story).
    Enterprise.objects.filter(pk__in=[e["02"].pk, e["03"].pk, e["05"].pk]).update(is_published=True)
    return p


def _batik_coffee_and_nutmeg(wulan: User, e: dict[str, Enterprise]) -> dict[str, Any]:
    p = {}
    p["batik"] = _product(
        wulan,
        e["01"],
        (
            "Kain batik Rifaiyah tulis",
            "リファイヤ・バティック（手描き）",
            "Hand-drawn Rifaiyah batik cloth",
        ),
        hs_code="520852",
        monthly_capacity=D("40"),
        fob_jpy=D("18000"),
    )
    p["coffee"] = _product(
        wulan,
        e["02"],
        (
            "Kopi robusta sangrai Blado",
            "ブラド産ロブスタ焙煎コーヒー",
            "Blado roasted robusta coffee",
        ),
        hs_code="090121",
        monthly_capacity=D("1500"),
        fob_jpy=D("2100"),
        net_contents="200g",
        shelf_life_days=365,
        storage=STORAGE,
        **NUTRITION,
    )
    p["nutmeg"] = _product(
        wulan,
        e["03"],
        ("Pala biji kering", "ナツメグ（ホール）", "Whole dried nutmeg"),
        hs_code="090811",
        monthly_capacity=D("800"),
        fob_jpy=D("1900"),
        net_contents="500g",
        shelf_life_days=540,
        storage=STORAGE,
        importer_of_record="株式会社とやま食品（例示）",
        **NUTRITION,
    )
    services.product_set_ingredients(
        actor=wulan,
        product=p["nutmeg"],
        ingredients=[
            {
                "name": "pala",
                "name_ja": "ナツメグ",
                "share_pct": 100,
                "hs_code": "090811",
                "value_jpy": 1100,
            }
        ],
    )
    services.lab_report_add(
        actor=wulan,
        product=p["nutmeg"],
        parameter="pesticide_residues",
        result="0.004",
        unit="mg/kg",
        laboratory="Laboratorium contoh Semarang (illustrative)",
        tested_on=dt.date(2026, 9, 15),
    )
    return p


def _fish_fruit_and_crafts(wulan: User, e: dict[str, Enterprise]) -> dict[str, Any]:
    p: dict[str, Any] = {}
    p["fish"] = _product(
        wulan,
        e["04"],
        ("Abon ikan tongkol", "カツオそぼろ", "Shredded tuna floss"),
        hs_code="160414",
        monthly_capacity=D("300"),
        fob_jpy=D("2600"),
    )
    p["candied"] = _product(
        wulan,
        e["05"],
        ("Manisan mangga", "マンゴーの砂糖漬け", "Candied mango"),
        hs_code="200600",
        monthly_capacity=D("500"),
        fob_jpy=D("1500"),
        net_contents="150g",
        shelf_life_days=180,
        storage=STORAGE,
        importer_of_record="株式会社とやま食品（例示）",
        **NUTRITION,
    )
    services.product_set_ingredients(
        actor=wulan,
        product=p["candied"],
        ingredients=[
            {
                "name": "mangga",
                "name_ja": "マンゴー",
                "share_pct": 70,
                "hs_code": "080450",
                "value_jpy": 400,
            },
            {
                "name": "gula tebu (Thailand)",
                "name_ja": "砂糖",
                "share_pct": 30,
                "hs_code": "170114",
                "value_jpy": 150,
                "originating": False,
                "origin_country": "TH",
            },
        ],
    )
    p["cassava"] = _product(
        wulan,
        e["06"],
        ("Gaplek singkong", "キャッサバチップ（乾燥）", "Dried cassava chips"),
        hs_code="071410",
        monthly_capacity=D("2000"),
        fob_jpy=D("300"),
    )
    p["bamboo"] = _product(
        wulan,
        e["07"],
        ("Keranjang anyaman bambu", "竹かご", "Woven bamboo basket"),
        hs_code="460211",
        monthly_capacity=D("200"),
        fob_jpy=D("1200"),
    )
    p["dried"] = _product(
        wulan,
        e["08"],
        ("Keripik nangka", "ドライジャックフルーツ", "Dried jackfruit"),
        hs_code="081340",
        monthly_capacity=D("150"),
        fob_jpy=D("2400"),
    )
    return p


def _permits(wulan: User, e: dict[str, Enterprise], p: dict[str, Any]) -> None:
    for enterprise, kind, number, issuer, issued, expires, products in (
        (
            e["05"],
            "pirt",
            "206332501012325",
            "DPMPTSP Kabupaten Batang",
            dt.date(2022, 3, 1),
            None,
            [p["candied"]],
        ),  # valid to 2027-03-01: renewal window open (expiring)
        (
            e["05"],
            "halal",
            "ID33110000123450323",
            "BPJPH",
            dt.date(2023, 3, 20),
            dt.date(2027, 3, 20),
            [p["candied"]],
        ),
        (
            e["06"],
            "pirt",
            "206332502011223",
            "DPMPTSP Kabupaten Batang",
            dt.date(2019, 5, 2),
            None,
            [p["cassava"]],
        ),  # expired in 2024
        (
            e["02"],
            "sni",
            "SNI-2907-2008-0042",
            "LSPro contoh",
            dt.date(2025, 1, 10),
            dt.date(2029, 1, 10),
            [p["coffee"]],
        ),
    ):
        services.permit_add(
            actor=wulan,
            enterprise=enterprise,
            kind=kind,
            number=number,
            issuer=issuer,
            issued_on=issued,
            expires_on=expires,
            products=products,
            halal_scheme="regular" if kind == "halal" else "",
        )


def _deals(demo: Any, people: dict[str, User], p: dict[str, Any]) -> None:
    partnership, wulan = demo.partnership, people["wulan"]
    toyama = services.buyer_create(
        actor=wulan,
        partnership=partnership,
        name_ja="株式会社とやま食品（例示）",
        name_romaji="Toyama Shokuhin Co., Ltd. (illustrative)",
        prefecture="富山県",
        sector="食品輸入・卸売",
        members=[people["ken"]],
        is_sample=True,
    )
    etchu = services.buyer_create(
        actor=wulan,
        partnership=partnership,
        name_ja="越中トレーディング株式会社（例示）",
        name_romaji="Etchu Trading Co., Ltd. (illustrative)",
        prefecture="富山県",
        sector="雑貨・テキスタイル輸入",
        members=[people["mika"]],
        is_sample=True,
    )
    candied = services.inquiry_create(
        actor=people["ken"],
        buyer=toyama,
        title="マンゴーの砂糖漬け（業務用）",
        hs_code="200600",
        volume_kg=D("300"),
        deadline=dt.date(2027, 3, 31),
        target_price_jpy=D("1600"),
        certifications=["halal"],
    )
    services.inquiry_create(
        actor=people["mika"],
        buyer=etchu,
        title="手描きバティック生地",
        hs_code="520852",
        volume_kg=D("20"),
        deadline=dt.date(2027, 2, 28),
    )
    fair = services.event_record(
        actor=wulan,
        partnership=partnership,
        name="Toyama Asia Food Fair 2026 (contoh / 例示)",
        held_on=dt.date(2026, 10, 24),
        place="Toyama",
        is_sample=True,
    )
    lead = services.lead_open(
        actor=people["ken"],
        event=fair,
        inquiry=candied,
        product=p["candied"],
        note="サンプルを5袋お送りいただけますか。",
    )
    services.lead_advance(actor=wulan, lead=lead, stage="sample_sent")
    services.message_send(
        actor=wulan,
        lead=lead,
        language="id",
        body="Sampel 5 bungkus sudah dikirim lewat pos pada 10 November.",
    )
    services.order_record(
        actor=people["ken"],
        lead=lead,
        ordered_on=dt.date(2026, 11, 25),
        quantity_kg=D("300"),
        value_jpy=D("450000"),
    )


def _indicator(demo: Any) -> None:
    """The msme programme's "first orders from Japan" indicator, counted from the deal funnel
    (its value counts once the secretariat approves the proposed update)."""
    from sistercity.programs import services as programmes
    from sistercity.programs.choices import IndicatorMeasure
    from sistercity.programs.models import Result

    result = Result.objects.filter(
        programme__partnership=demo.partnership, programme__code="msme-japan-readiness"
    ).first()
    if result is None or result.indicators.filter(code="msme-first-orders").exists():
        return
    sari = demo.users["sari"]
    indicator = programmes.indicator_create(
        actor=sari,
        result=result,
        code="msme-first-orders",
        language="id",
        title="Pesanan pertama dari pembeli Jepang",
        measure=IndicatorMeasure.UNIT,
        unit="pesanan",
        baseline_year=2026,
        baseline_value=D(0),
        feed="trade:first_orders",
    )
    for code, title in (
        ("ja", "日本のバイヤーからの初回注文"),
        ("en", "First orders from Japanese buyers"),
    ):
        indicator.set_current_language(code)
        indicator.title = title
    indicator.save()
    programmes.period_create(
        actor=sari,
        indicator=indicator,
        start=dt.date(2026, 7, 1),
        end=dt.date(2027, 6, 30),
        target_value=D(3),
    )


def _mentoring(demo: Any, wulan: User, e: dict[str, Enterprise]) -> None:
    programme = services.mentoring_create(
        actor=wulan,
        partnership=demo.partnership,
        title="Pelatihan mutu produk pangan untuk pasar Jepang (contoh)",
        starts_on=dt.date(2026, 10, 5),
        is_sample=True,
    )
    programme.set_current_language("ja")
    programme.title = "日本市場向け食品品質研修（例示）"
    programme.set_current_language("en")
    programme.title = "Food quality training for the Japanese market (illustrative)"
    programme.save()
    for held_on, topic, attendees in (
        (dt.date(2026, 10, 5), "Label pangan Jepang dan alergen", ["03", "05", "02", "06"]),
        (dt.date(2026, 10, 19), "Keamanan pangan dan uji laboratorium", ["03", "05", "04"]),
    ):
        services.session_record(
            actor=wulan,
            programme=programme,
            held_on=held_on,
            topic=topic,
            instructor="Instruktur Toyama (contoh)",
            attendees=[e[key] for key in attendees],
        )
