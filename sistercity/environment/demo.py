"""This app's part of the Batang–Toyama demo; called by sistercity.demo.data.load_demo.

Batang's waste figures are public but rough, and they disagree: local reports say the
Randukuning TPA receives about 100 t/day of an estimated 300 t/day generated, while the
population times the national per-capita average gives about 413 t/day. Both generation
figures are loaded side by side with their provenance. Every figure here is sample data,
rounded, to be replaced by DLH's own survey; the facility volumes, capacities and costs of
the scenarios are illustrative planning values, not decisions.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from sistercity.environment import services
from sistercity.environment.defaults import SIPSN_NATIONAL_COMPOSITION, SIPSN_NATIONAL_SOURCES
from sistercity.environment.models import DataSource, WasteFacility, WasteScenario

SOURCES: dict[str, dict[str, Any]] = {
    "sipsn": {
        "title": (
            "SIPSN: komposisi sampah nasional menurut jenis dan sumber (dibulatkan; data contoh)",
            "SIPSN：全国のごみ組成（種類別・発生源別、概数・サンプルデータ）",
            "SIPSN: national waste composition by type and source (rounded; sample data)",
        ),
        "publisher": "KLHK – Sistem Informasi Pengelolaan Sampah Nasional",
        "url": "https://sipsn.menlhk.go.id/sipsn/",
        "published_on": dt.date(2024, 12, 31),
    },
    "news": {
        "title": (
            "Laporan media lokal: TPA Randukuning kelebihan muatan (data contoh)",
            "地元報道：ランドゥクニン最終処分場の容量超過（サンプルデータ）",
            "Local press reports: Randukuning TPA overloaded (sample data)",
        ),
        "publisher": "Media lokal Batang",
        "url": "",
        "published_on": dt.date(2024, 10, 1),
    },
    "estimate": {
        "title": (
            "Perkiraan: jumlah penduduk × 0,5 kg/orang/hari (data contoh)",
            "推計：人口 × 0.5 kg/人/日（サンプルデータ）",
            "Estimate: population × 0.5 kg/person/day (sample data)",
        ),
        "publisher": "SisterCity (perhitungan)",
        "url": "",
        "published_on": dt.date(2025, 1, 15),
    },
    "bps": {
        "title": (
            "BPS Kabupaten Batang: jumlah penduduk (dibulatkan; data contoh)",
            "バタン県統計局：人口（概数・サンプルデータ）",
            "BPS Batang Regency: population (rounded; sample data)",
        ),
        "publisher": "BPS Kabupaten Batang",
        "url": "https://batangkab.bps.go.id",
        "published_on": dt.date(2024, 12, 31),
    },
    "toyama": {
        "title": (
            "Kota Toyama: Toyama Area Clean Center dan eco-town (data contoh)",
            "富山市：富山地区広域圏クリーンセンターとエコタウン（サンプルデータ）",
            "Toyama City: Toyama Area Clean Center and eco-town (sample data)",
        ),
        "publisher": "Toyama City",
        "url": "https://www.city.toyama.lg.jp",
        "published_on": dt.date(2024, 4, 1),
    },
}

FACILITIES = [
    # code, municipality, kind, site type, capacity t/day, volume m3, names, source
    (
        "tpa-randukuning",
        "batang",
        "tpa",
        "unmanaged_deep",
        None,
        Decimal(400_000),
        ("TPA Randukuning", "ランドゥクニン最終処分場（TPA）", "Randukuning landfill (TPA)"),
        "news",
    ),
    (
        "tps3r-contoh",
        "batang",
        "tps3r",
        "",
        Decimal(5),
        None,
        (
            "TPS3R dan rumah kompos (contoh)",
            "TPS3R・堆肥化施設（例）",
            "TPS3R and compost house (example)",
        ),
        "estimate",
    ),
    (
        "bank-sampah-induk",
        "batang",
        "waste_bank",
        "",
        Decimal(2),
        None,
        ("Bank Sampah Induk (contoh)", "中央ごみバンク（例）", "Central waste bank (example)"),
        "estimate",
    ),
    (
        "toyama-clean-center",
        "toyama",
        "wte",
        "",
        Decimal(810),
        None,
        (
            "Toyama Area Clean Center (PLTSa)",
            "富山地区広域圏クリーンセンター（ごみ発電）",
            "Toyama Area Clean Center (waste-to-energy)",
        ),
        "toyama",
    ),
    (
        "toyama-ecotown",
        "toyama",
        "recycling",
        "",
        None,
        None,
        (
            "Eco-town Toyama: daur ulang dan RDF",
            "富山市エコタウン：リサイクル・RDF",
            "Toyama eco-town: recycling and RDF plants",
        ),
        "toyama",
    ),
]

# Open dumping today: about a third of the waste reaches the TPA, a fifth is burnt in the
# open, the rest is not collected. The TPA (illustrative 400,000 m³) is nearly full.
TODAY = {
    "start_year": 2026,
    "horizon_years": 20,
    "population": 826_000,
    "population_growth": 0.008,
    "generation_kg_per_capita_day": 0.363,  # ≈ 300 t/day, the lower published figure
    "generation_growth": 0.01,
    "composition": SIPSN_NATIONAL_COMPOSITION,
    "source_separation_rate": 0.08,
    "shares": {
        "recycling": 0.02,
        "composting": 0.01,
        "landfill_unmanaged_deep": 0.33,  # ≈ 100 t/day arriving at Randukuning
        "open_burning": 0.20,
    },
    "residual_pathway": "uncollected",
    "facilities": [
        {
            "name": "TPS3R",
            "pathway": "composting",
            "capacity_t_per_year": 5 * 365,
            "start_year": 2020,
            "overflow_to": "landfill_unmanaged_deep",
            "opex_idr_per_t": 150_000,
        }
    ],
    "landfill_capacity_m3": 400_000,
    "landfill_used_m3_at_start": 330_000,
    "tpa_site_types": ["unmanaged_deep", "managed_anaerobic"],
    "prior_landfill": [{"site_type": "unmanaged_deep", "tonnes_per_year": [36_500.0] * 15}],
    "opex_idr_per_t": {"landfill_unmanaged_deep": 120_000},
    "discount_rate": 0.08,
}

# A Toyama-style plan: separation at source, compost and biogas, an RDF plant, a
# waste-to-energy plant like Toyama's Clean Center (smaller), and a sanitary cell with gas
# capture at Randukuning (illustrative volume, capacities and costs).
TOYAMA_STYLE = {
    **TODAY,
    "source_separation_rate": 0.40,
    "shares": {
        "recycling": 0.12,
        "composting": 0.12,
        "anaerobic_digestion": 0.04,
        "rdf": 0.08,
        "incineration": 0.30,
        "open_burning": 0.02,
        "uncollected": 0.05,
    },
    "residual_pathway": "landfill_managed_anaerobic",
    "facilities": [
        {
            "name": "Rumah kompos & TPS3R",
            "pathway": "composting",
            "capacity_t_per_year": 40 * 365,
            "start_year": 2027,
            "overflow_to": "landfill_managed_anaerobic",
            "capex_idr": 15e9,
            "opex_idr_per_t": 150_000,
        },
        {
            "name": "Biodigester pasar",
            "pathway": "anaerobic_digestion",
            "capacity_t_per_year": 15 * 365,
            "start_year": 2028,
            "overflow_to": "landfill_managed_anaerobic",
            "capex_idr": 12e9,
            "opex_idr_per_t": 200_000,
        },
        {
            "name": "Pabrik RDF",
            "pathway": "rdf",
            "capacity_t_per_year": 30 * 365,
            "start_year": 2028,
            "overflow_to": "landfill_managed_anaerobic",
            "capex_idr": 60e9,
            "opex_idr_per_t": 250_000,
        },
        {
            "name": "PLTSa (WtE)",
            "pathway": "incineration",
            "capacity_t_per_year": 120 * 365,
            "start_year": 2031,
            "overflow_to": "landfill_managed_anaerobic",
            "capex_idr": 900e9,
            "opex_idr_per_t": 450_000,
        },
    ],
    "landfill_capacity_m3": 1_000_000,
    "landfill_gas_recovery": {"managed_anaerobic": 0.5},
    "opex_idr_per_t": {"landfill_managed_anaerobic": 180_000, "recycling": 50_000},
}

SCENARIOS = [
    (
        "open-dump-today",
        TODAY,
        (
            "Hari ini: open dumping di TPA Randukuning",
            "現状：ランドゥクニン処分場へのオープンダンプ",
            "Today: open dumping at Randukuning",
        ),
        (
            "Sepertiga sampah sampai ke TPA, seperlima dibakar terbuka, sisanya tidak "
            "terangkut (data contoh).",
            "ごみの3分の1が最終処分場へ、5分の1が野焼き、残りは未収集（サンプルデータ）。",
            "A third of the waste reaches the TPA, a fifth is burnt in the open, the rest "
            "is not collected (sample data).",
        ),
    ),
    (
        "toyama-style",
        TOYAMA_STYLE,
        ("Rencana gaya Toyama", "富山型プラン", "Toyama-style plan"),
        (
            "Pemilahan di sumber, kompos dan biogas, pabrik RDF, PLTSa seperti Clean Center "
            "Toyama dan sel sanitary landfill dengan penangkapan gas (angka ilustratif).",
            "分別収集、堆肥化・バイオガス、RDF工場、富山のクリーンセンターのようなごみ発電、"
            "ガス回収付き衛生埋立（数値は例示）。",
            "Separation at source, compost and biogas, an RDF plant, waste-to-energy like "
            "Toyama's Clean Center and a sanitary cell with gas capture (illustrative).",
        ),
    ),
]


def _translate(obj, **texts):
    for index, code in enumerate(("id", "ja", "en")):
        obj.set_current_language(code)
        for field, values in texts.items():
            setattr(obj, field, values[index])
    obj.save()


def load(demo) -> None:
    """Idempotent: running it twice changes nothing."""
    partnership = demo.partnership
    sari = demo.users["sari"]
    budi = demo.users["budi"]
    municipalities = {"batang": demo.batang, "toyama": demo.toyama}

    sources = {}
    for key, data in SOURCES.items():
        source = (
            DataSource.objects.filter(partnership=partnership, translations__title=data["title"][0])
            .distinct()
            .first()
        )
        if source is None:
            source = services.source_create(
                actor=sari,
                partnership=partnership,
                title=data["title"][0],
                publisher=data["publisher"],
                url=data["url"],
                published_on=data["published_on"],
                is_sample=True,
                language="id",
            )
            _translate(source, title=data["title"])
        sources[key] = source

    for code, town, kind, site, capacity, volume, names, source_key in FACILITIES:
        if WasteFacility.objects.filter(partnership=partnership, code=code).exists():
            continue
        facility = services.facility_create(
            actor=sari,
            partnership=partnership,
            municipality=municipalities[town],
            code=code,
            kind=kind,
            site_type=site,
            capacity_t_per_day=capacity,
            volume_m3=volume,
            name=names[0],
            source=sources[source_key],
            language="id",
        )
        _translate(facility, name=names)

    if not partnership.waste_figures.exists():
        batang, toyama = demo.batang, demo.toyama
        figures = [
            (batang, "population", "", Decimal(826_000), "bps", dt.date(2024, 12, 31)),
            (batang, "generation_t_day", "", Decimal(300), "news", dt.date(2024, 10, 1)),
            (batang, "generation_t_day", "", Decimal(413), "estimate", dt.date(2025, 1, 15)),
            (
                batang,
                "facility_t_day",
                "tpa-randukuning",
                Decimal(100),
                "news",
                dt.date(2024, 10, 1),
            ),
            (
                toyama,
                "facility_t_day",
                "toyama-clean-center",
                Decimal(810),
                "toyama",
                dt.date(2024, 4, 1),
            ),
        ]
        figures += [
            (
                batang,
                "composition_pct",
                w,
                Decimal(str(round(v * 100, 1))),
                "sipsn",
                dt.date(2024, 12, 31),
            )
            for w, v in SIPSN_NATIONAL_COMPOSITION.items()
        ]
        figures += [
            (batang, "source_pct", s, Decimal(v), "sipsn", dt.date(2024, 12, 31))
            for s, v in SIPSN_NATIONAL_SOURCES.items()
        ]
        for town, metric, category, value, source_key, as_of in figures:
            services.figure_record(
                actor=sari,
                partnership=partnership,
                municipality=town,
                year=2024,
                metric=metric,
                category=category,
                value=value,
                source=sources[source_key],
                as_of=as_of,
            )

    for position, (code, inputs, names, descriptions) in enumerate(SCENARIOS):
        if WasteScenario.objects.filter(partnership=partnership, code=code).exists():
            continue
        scenario = services.scenario_create(
            actor=budi,
            partnership=partnership,
            municipality=demo.batang,
            code=code,
            name=names[0],
            description=descriptions[0],
            inputs=inputs,
            language="id",
            indicator_code="landfill-diversion-rate",
            indicator_series="diversion_pct",
            is_sample=True,
            position=position,
        )
        _translate(scenario, name=names, description=descriptions)
