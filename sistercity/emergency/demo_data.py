"""The emergency part of the Batang–Toyama demo, as data. ILLUSTRATIVE: the posts, villages,
fleet, crew and incidents are made up for the demo (rounded, plausible values), not Damkar
Batang's records; the kecamatan names and their approximate centres are Batang's own.
"""

# code, name, kind, kecamatan, (lat, lon)
POSTS = [
    ("mako-batang", "Markas Damkar Batang", "existing", "Batang", (-6.9070, 109.7300)),
    ("pos-limpung", "Pos Damkar Limpung", "existing", "Limpung", (-6.9850, 109.9350)),
    ("cand-bandar", "Calon pos Bandar", "candidate", "Bandar", (-7.0480, 109.7160)),
    ("cand-subah", "Calon pos Subah", "candidate", "Subah", (-6.9400, 109.8800)),
    ("cand-gringsing", "Calon pos Gringsing", "candidate", "Gringsing", (-6.9500, 110.0400)),
    ("cand-bawang", "Calon pos Bawang", "candidate", "Bawang", (-7.0850, 109.9050)),
    ("cand-blado", "Calon pos Blado", "candidate", "Blado", (-7.1100, 109.7650)),
    ("cand-tulis", "Calon pos Tulis", "candidate", "Tulis", (-6.9100, 109.8150)),
]

# Demand points: the centres of Batang's 15 kecamatan with rounded populations (about
# 826,000 in all, BPS 2024 order of magnitude); illustrative.
VILLAGES = [
    ("batang", "Batang", 125_000, (-6.9070, 109.7300)),
    ("warungasem", "Warungasem", 50_000, (-6.9270, 109.6900)),
    ("wonotunggal", "Wonotunggal", 42_000, (-7.0000, 109.7150)),
    ("bandar", "Bandar", 70_000, (-7.0480, 109.7160)),
    ("blado", "Blado", 47_000, (-7.1100, 109.7650)),
    ("reban", "Reban", 42_000, (-7.1000, 109.8400)),
    ("bawang", "Bawang", 62_000, (-7.0850, 109.9050)),
    ("tersono", "Tersono", 50_000, (-7.0100, 109.9050)),
    ("gringsing", "Gringsing", 63_000, (-6.9500, 110.0400)),
    ("limpung", "Limpung", 45_000, (-6.9850, 109.9350)),
    ("subah", "Subah", 56_000, (-6.9400, 109.8800)),
    ("tulis", "Tulis", 40_000, (-6.9100, 109.8150)),
    ("kandeman", "Kandeman", 55_000, (-6.9250, 109.7650)),
    ("pecalungan", "Pecalungan", 40_000, (-7.0250, 109.8300)),
    ("banyuputih", "Banyuputih", 40_000, (-6.9450, 109.9800)),
]

# code, kind, make/model, registration, pump l/min, tank l, year, origin, donor, post
VEHICLES = [
    (
        "DMK-01",
        "pumper",
        "Hino Dutro pumper",
        "G 9011 B",
        2000,
        4000,
        2012,
        "procured",
        "",
        "mako-batang",
    ),
    (
        "DMK-02",
        "tanker",
        "Mitsubishi Fuso tanker",
        "G 9012 B",
        1000,
        8000,
        2015,
        "procured",
        "",
        "mako-batang",
    ),
    (
        "DMK-03",
        "rescue",
        "Isuzu Elf rescue",
        "G 9013 B",
        None,
        None,
        2018,
        "procured",
        "",
        "pos-limpung",
    ),
    (
        "TYM-01",
        "pumper",
        "Isuzu Forward CD-I pumper (ex Toyama)",
        "",
        2000,
        1500,
        2004,
        "donated",
        "Toyama City Fire Bureau (富山市消防局)",
        "pos-limpung",
    ),
    (
        "TYM-02",
        "pumper",
        "Hino Ranger CD-I pumper (ex Toyama)",
        "",
        2000,
        2000,
        2006,
        "donated",
        "Toyama City Fire Bureau (富山市消防局)",
        "mako-batang",
    ),
]

# How far each donated truck is: the steps whose documents are in (their kinds).
GRANT_PROGRESS = {
    "TYM-01": ("offer_letter", "acceptance_decision", "grant_registration"),  # at customs
    "TYM-02": (
        "offer_letter",
        "acceptance_decision",
        "grant_registration",
        "customs_facility",
        "bill_of_lading",
    ),  # at technical inspection
}

# full name, post, shift, qualifications (vehicle kinds)
CREW = [
    ("Agus Prasetyo", "mako-batang", "A", ("pumper", "tanker")),
    ("Slamet Riyadi", "mako-batang", "A", ("pumper",)),
    ("Nur Hidayah", "mako-batang", "B", ("rescue", "ambulance")),
    ("Joko Susilo", "mako-batang", "B", ("tanker",)),
    ("Eko", "pos-limpung", "A", ("rescue",)),
    ("Wahyu Hidayat", "pos-limpung", "B", ("pumper",)),
]

COURSE_TITLE = (
    "Pelatihan operator mobil pompa hibah oleh instruktur Kota Toyama",
    "富山市の講師による寄附ポンプ車の機関員研修",
    "Operator training for the donated pumpers by Toyama City instructors",
)
