# ruff: noqa: E501 - a data module: multilingual texts read better on one line each
"""The investment demo's data: incentives with their legal sources, KITB plots, the invented
Toyama companies and their leads, the operating company's quarters, the recycling project's
milestones. Illustrative sample data, except the names of the regulations."""

import datetime as dt
from decimal import Decimal as D

from sistercity.investment import choices as c

# The regulations are real; the summaries are the demo's. Only the first is marked checked
# against the official text (PP 40/2021); the machinery and tax-holiday rules are official but
# not yet checked here; PP 12/2025 (KEK Industropolis Batang) is known from press reports only
# (its text was not seen), and its note says so on the prospectus.
INCENTIVES = [
    # code, kind, legal source, url, from, until, source status,
    # (id, ja, en) name, (id, ja, en) summary, (id, ja, en) note on the source
    (
        "kek-facilities",
        c.IncentiveKind.SEZ,
        "PP 40/2021 tentang Penyelenggaraan Kawasan Ekonomi Khusus; PMK 237/PMK.010/2020 "
        "jo. PMK 33/PMK.010/2021",
        "https://peraturan.bpk.go.id/",
        dt.date(2021, 2, 2),
        None,
        c.SourceStatus.CHECKED,
        (
            "Fasilitas dan kemudahan KEK",
            "KEK（経済特区）の優遇措置",
            "Special economic zone facilities",
        ),
        (
            "Fasilitas perpajakan, kepabeanan dan cukai serta kemudahan perizinan bagi pelaku usaha di KEK.",
            "KEK内の事業者に対する税・関税・物品税の優遇と許認可の簡素化です。",
            "Tax, customs and excise facilities and simpler licensing for businesses in the zone.",
        ),
        ("", "", ""),
    ),
    (
        "kek-batang",
        c.IncentiveKind.SEZ,
        "PP 12/2025 tentang Kawasan Ekonomi Khusus Industropolis Batang",
        "",
        dt.date(2025, 3, 19),
        None,
        c.SourceStatus.PRESS,
        (
            "Status KEK Industropolis Batang",
            "KEKインダストロポリス・バタンの指定",
            "KEK Industropolis Batang status",
        ),
        (
            "Menurut pemberitaan, KITB ditetapkan sebagai KEK Industropolis Batang; bila benar, fasilitas KEK berlaku bagi pelaku usaha di kawasan.",
            "報道によれば、KITBはKEKインダストロポリス・バタンに指定されました。そうであれば、区域内の事業者にKEKの優遇措置が適用されます。",
            "According to press reports KITB became the special economic zone KEK Industropolis Batang; if so, the zone's facilities apply to businesses there.",
        ),
        (
            "Hanya diketahui dari pemberitaan (Maret–Mei 2025: PP 12/2025 tertanggal 19 Maret 2025, diresmikan 20 Maret 2025). Teks resmi peraturan belum dilihat; nomor, tanggal dan isinya belum diperiksa.",
            "報道（2025年3月〜5月：2025年3月19日付PP 12/2025、3月20日に発足）でのみ知られています。政令の公式条文は未確認で、番号・日付・内容は検証されていません。",
            "Known from press reports only (March–May 2025: PP 12/2025 dated 19 March 2025, inaugurated 20 March 2025). The regulation's official text has not been seen; its number, date and content are unchecked.",
        ),
    ),
    (
        "import-duty-machinery",
        c.IncentiveKind.IMPORT_DUTY,
        "PMK 176/PMK.011/2009 jo. PMK 188/PMK.010/2015",
        "",
        dt.date(2009, 11, 16),
        None,
        c.SourceStatus.UNCHECKED,
        (
            "Pembebasan bea masuk mesin",
            "機械輸入関税の免除",
            "Import duty exemption for machinery",
        ),
        (
            "Pembebasan bea masuk atas impor mesin untuk pembangunan atau pengembangan industri.",
            "工業の建設・拡張のための機械輸入に対する関税免除です。",
            "Import duty exemption on machinery for building or expanding an industry.",
        ),
        ("", "", ""),
    ),
    (
        "tax-holiday-2020",
        c.IncentiveKind.TAX_HOLIDAY,
        "PMK 130/PMK.010/2020 jo. PMK 69/2024 (usulan paling lambat 31 Desember 2025)",
        "",
        dt.date(2020, 10, 9),
        dt.date(2025, 12, 31),
        c.SourceStatus.UNCHECKED,
        (
            "Tax holiday industri pionir",
            "パイオニア産業のタックスホリデー",
            "Pioneer-industry tax holiday",
        ),
        (
            "Pengurangan PPh badan bagi industri pionir; pengajuan berdasarkan aturan ini berakhir.",
            "パイオニア産業の法人税減免です。この規則による申請期限は終了しました。",
            "Corporate income tax reduction for pioneer industries; applications under it closed.",
        ),
        ("", "", ""),
    ),
]


PLOTS = [
    # code, kind, cluster, area, building, zoning, kVA, water, tenure, IDR per m², availability, names
    (
        "kitb-c1-a07",
        c.OpportunityKind.PLOT,
        "KITB Klaster 1",
        D("50000"),
        None,
        c.Zoning.INDUSTRIAL,
        5000,
        300,
        c.Tenure.SALE,
        D("2100000"),
        c.Availability.AVAILABLE,
        ("Kavling industri C1-A07", "工業用区画 C1-A07", "Industrial plot C1-A07"),
    ),
    (
        "kitb-c1-b02",
        c.OpportunityKind.PLOT,
        "KITB Klaster 1",
        D("120000"),
        None,
        c.Zoning.INDUSTRIAL,
        15000,
        800,
        c.Tenure.SALE,
        D("1950000"),
        c.Availability.AVAILABLE,
        ("Kavling industri C1-B02", "工業用区画 C1-B02", "Industrial plot C1-B02"),
    ),
    (
        "kitb-sbf-03",
        c.OpportunityKind.FACTORY,
        "KITB Klaster 2",
        D("6000"),
        D("4200"),
        c.Zoning.INDUSTRIAL,
        1500,
        60,
        c.Tenure.LEASE,
        D("780000"),
        c.Availability.RESERVED,
        ("Pabrik siap pakai SBF-03", "レンタル工場 SBF-03", "Ready-built factory SBF-03"),
    ),
    (
        "kitb-log-11",
        c.OpportunityKind.PLOT,
        "KITB Klaster 3",
        D("30000"),
        None,
        c.Zoning.LOGISTICS,
        2000,
        100,
        c.Tenure.SALE,
        D("1800000"),
        c.Availability.AVAILABLE,
        ("Kavling logistik L-11", "物流用区画 L-11", "Logistics plot L-11"),
    ),
]


COMPANIES = [
    # key, Japanese name, romaji, Indonesian name, size, sector, contact, contact e-mail
    (
        "seiki",
        "株式会社サンプル富山精機",
        "Sample Toyama Seiki Co., Ltd.",
        "Sample Toyama Seiki",
        c.CompanySize.MEDIUM,
        "precision",
        "田中 一郎",
        "tanaka@sample-seiki.example",
    ),
    (
        "resin",
        "サンプル樹脂リサイクル株式会社",
        "Sample Jushi Recycle Co., Ltd.",
        "Sample Jushi Recycle",
        c.CompanySize.SMALL,
        "recycling",
        "佐藤 美咲",
        "sato@sample-jushi.example",
    ),
    (
        "pharma",
        "サンプル越中製薬株式会社",
        "Sample Etchu Pharma Co., Ltd.",
        "Sample Etchu Pharma",
        c.CompanySize.LARGE,
        "pharma",
        "高橋 健",
        "takahashi@sample-etchu.example",
    ),
]


LEADS = [
    # key, company, title, JPY, jobs, probability %, next step, due, plot, confidential
    (
        "pharma",
        "pharma",
        "Pabrik obat generik di KITB",
        D("3000000000"),
        120,
        30,
        "Kirim studi kelayakan",
        dt.date(2026, 11, 20),
        "kitb-c1-b02",
        False,
    ),
    (
        "resin",
        "resin",
        "Lini daur ulang PET",
        D("800000000"),
        45,
        60,
        "Pengajuan NIB melalui OSS-RBA",
        dt.date(2027, 1, 15),
        "kitb-sbf-03",
        False,
    ),
    (
        "seiki",
        "seiki",
        "Pabrik komponen presisi",
        D("1500000000"),
        80,
        100,
        "Laporan LKPM triwulan IV",
        dt.date(2027, 1, 10),
        "kitb-c1-a07",
        False,
    ),
    (
        "expansion",
        "seiki",
        "Perluasan lini kedua (rahasia)",
        D("900000000"),
        40,
        20,
        "Pertemuan direksi",
        dt.date(2027, 2, 1),
        None,
        True,
    ),
]


# The operating company's two quarters (IDR): land, buildings, machinery, working capital,
# Indonesian men, Indonesian women (3 foreign workers each quarter).
QUARTERS = [
    (2, D("10500000000"), D("24000000000"), D("52000000000"), D("3000000000"), 38, 22),
    (3, D("0"), D("0"), D("18000000000"), D("4500000000"), 51, 31),
]


MILESTONES = [
    # Indonesian title, due, done, (ja, en) titles
    (
        "Pelatihan operator di Toyama",
        dt.date(2026, 10, 15),
        dt.date(2026, 10, 20),
        ("富山での運転員研修", "Operator training in Toyama"),
    ),
    (
        "Lini percontohan beroperasi",
        dt.date(2026, 11, 25),
        dt.date(2026, 11, 28),
        ("パイロットライン稼働", "Pilot line running"),
    ),
    (
        "Tingkat daur ulang 60 % tercapai",
        dt.date(2027, 6, 30),
        None,
        ("リサイクル率60％達成", "60 % recycling rate reached"),
    ),
]
