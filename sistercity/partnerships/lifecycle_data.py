"""The catalogue every installation starts with: pillars, document types and the two tracks.

Plain data (no Django), read by the seeding migration. After that the platform admin edits it in
the admin; nothing in the code depends on these codes except the demo. Texts are (id, ja, en).

Sources: Indonesian track — UU 23/2014 (Pemerintahan Daerah) art. 363–369, PP 28/2018 (Kerja
Sama Daerah) and Permendagri 25/2020 (Tata Cara Kerja Sama Daerah dengan Pemerintah Daerah di
Luar Negeri dan Lembaga di Luar Negeri). Japanese track — CLAIR's conditions for a recognised
sister-city affiliation (姉妹自治体提携): an agreement signed by both heads, exchange in more
than one field, and an exchange budget approved by the assembly.
"""

from typing import Any

PILLARS = [
    # code, OECD-DAC purpose code, (id, ja, en)
    (
        "environment",
        "14050",
        (
            "Lingkungan hidup & pengelolaan sampah",
            "環境・廃棄物管理",
            "Environment & waste management",
        ),
    ),
    ("agriculture", "31140", ("Pertanian & irigasi", "農業・灌漑", "Agriculture & irrigation")),
    (
        "emergency",
        "74020",
        ("Pemadam kebakaran & kedaruratan", "消防・緊急対応", "Emergency services (fire)"),
    ),
    (
        "investment",
        "32130",
        ("Investasi & alih teknologi", "投資・技術移転", "Investment & technology transfer"),
    ),
    ("msme", "25030", ("UMKM & perdagangan", "中小零細企業・貿易", "MSMEs & trade")),
    ("education", "11420", ("Pendidikan & pertukaran", "教育・人材交流", "Education & exchange")),
    ("culture", "33210", ("Budaya & pariwisata", "文化・観光", "Culture & tourism")),
]

DOCUMENT_TYPES = [
    (
        "feasibility",
        ("Kajian pemetaan & kelayakan", "事前調査・実現可能性調査", "Mapping & feasibility study"),
    ),
    ("initiative_letter", ("Surat prakarsa", "提携発意書", "Letter of initiative")),
    ("minutes", ("Notulen / berita acara rapat", "会議議事録", "Meeting minutes")),
    (
        "loi",
        (
            "Pernyataan Kehendak Kerja Sama (LoI)",
            "意向書（LoI）",
            "Letter of Intent (LoI)",
        ),
    ),
    (
        "rks",
        (
            "Rencana kerja sama (RKS) / KAK / rencana aksi",
            "協力計画（RKS）・付託事項・行動計画",
            "Cooperation plan (RKS) / ToR / plan of action",
        ),
    ),
    (
        "kemendagri_letter",
        (
            "Surat Kementerian Dalam Negeri",
            "インドネシア内務省の文書",
            "Letter from the Ministry of Home Affairs",
        ),
    ),
    (
        "dprd_decision",
        ("Keputusan persetujuan DPRD", "地方議会（DPRD）承認決定", "DPRD approval decision"),
    ),
    ("mou_draft", ("Rancangan MoU (paraf)", "覚書（MoU）案（仮署名）", "Draft MoU (initialled)")),
    ("full_powers", ("Surat Kuasa Penuh (Full Powers)", "全権委任状", "Full Powers")),
    ("mou", ("Naskah kerja sama / MoU", "姉妹都市提携協定書・覚書", "Agreement / MoU")),
    (
        "assembly_budget",
        (
            "Persetujuan anggaran dewan (Jepang)",
            "議会の交流予算議決",
            "Assembly budget approval (Japan)",
        ),
    ),
    (
        "evaluation",
        (
            "Laporan monitoring & evaluasi",
            "モニタリング・評価報告書",
            "Monitoring & evaluation report",
        ),
    ),
    ("other", ("Dokumen lain", "その他の文書", "Other document")),
]

# Each stage: code, (id, ja, en) name, requirements to leave it.
# A requirement: ("document", code, doc_type, must_be_signed, label)
#                ("approval", code, role, label)
#                ("min_pillars", code, number, label)
TRACKS: list[dict[str, Any]] = [
    {
        "code": "id-ksdpl",
        "country": "ID",
        "name": (
            "Tahapan KSDPL (Permendagri 25/2020)",
            "インドネシア側手続（KSDPL）",
            "Indonesian procedure (KSDPL)",
        ),
        "stages": [
            (
                "mapping",
                (
                    "Pemetaan internal & kajian kelayakan",
                    "内部調査・実現可能性の検討",
                    "Internal mapping & feasibility",
                ),
                [
                    (
                        "document",
                        "feasibility",
                        "feasibility",
                        False,
                        ("Kajian pemetaan & kelayakan", "実現可能性調査", "Feasibility study"),
                    )
                ],
            ),
            (
                "initiative",
                ("Prakarsa", "提携の発意", "Initiative"),
                [
                    (
                        "document",
                        "initiative-letter",
                        "initiative_letter",
                        False,
                        ("Surat prakarsa", "提携発意書", "Letter of initiative"),
                    )
                ],
            ),
            (
                "exploration",
                ("Penjajakan", "予備協議", "Exploration"),
                [
                    (
                        "document",
                        "exploration-minutes",
                        "minutes",
                        False,
                        (
                            "Notulen penjajakan",
                            "予備協議の議事録",
                            "Minutes of the exploration talks",
                        ),
                    )
                ],
            ),
            (
                "loi",
                ("Pernyataan Kehendak Kerja Sama", "意向書（LoI）", "Letter of Intent"),
                [
                    (
                        "document",
                        "signed-loi",
                        "loi",
                        True,
                        (
                            "Pernyataan Kehendak Kerja Sama yang ditandatangani",
                            "署名済みの意向書",
                            "Signed Letter of Intent",
                        ),
                    )
                ],
            ),
            (
                "plan",
                (
                    "Penyusunan Rencana Kerja Sama (RKS) / KAK / rencana aksi",
                    "協力計画（RKS）・行動計画の作成",
                    "Cooperation plan (RKS) / ToR / plan of action",
                ),
                [
                    (
                        "document",
                        "rks",
                        "rks",
                        False,
                        ("Rencana kerja sama (RKS)", "協力計画（RKS）", "Cooperation plan (RKS)"),
                    )
                ],
            ),
            (
                "kemendagri",
                (
                    "Konsultasi dengan Kementerian Dalam Negeri",
                    "内務省との協議",
                    "Consultation with the Ministry of Home Affairs",
                ),
                [
                    (
                        "approval",
                        "kemendagri-recommendation",
                        "secretariat",
                        (
                            "Rekomendasi Kemendagri",
                            "内務省の推薦",
                            "Ministry of Home Affairs recommendation",
                        ),
                    )
                ],
            ),
            (
                "dprd",
                ("Persetujuan DPRD", "地方議会（DPRD）の承認", "DPRD approval"),
                [
                    (
                        "document",
                        "dprd-decision",
                        "dprd_decision",
                        True,
                        ("Keputusan DPRD", "DPRD承認決定書", "DPRD decision"),
                    ),
                    (
                        "approval",
                        "dprd-approval",
                        "secretariat",
                        ("Persetujuan DPRD", "DPRDの承認", "DPRD approval"),
                    ),
                ],
            ),
            (
                "central",
                (
                    "Verifikasi & persetujuan pemerintah pusat",
                    "中央政府の審査・承認",
                    "Verification & central approval",
                ),
                [
                    (
                        "approval",
                        "central-approval",
                        "secretariat",
                        (
                            "Persetujuan pemerintah pusat",
                            "中央政府の承認",
                            "Central government approval",
                        ),
                    )
                ],
            ),
            (
                "mou-drafting",
                (
                    "Penyusunan & paraf MoU bersama Kemlu",
                    "外務省と覚書案の作成・仮署名",
                    "MoU drafting & initialling with the Foreign Ministry",
                ),
                [
                    (
                        "document",
                        "mou-draft",
                        "mou_draft",
                        False,
                        ("Rancangan MoU", "覚書案", "Draft MoU"),
                    )
                ],
            ),
            (
                "full-powers",
                ("Surat Kuasa Penuh (Full Powers)", "全権委任状", "Full Powers"),
                [
                    (
                        "document",
                        "full-powers",
                        "full_powers",
                        True,
                        ("Surat Kuasa Penuh", "全権委任状", "Full Powers letter"),
                    )
                ],
            ),
            (
                "signing",
                ("Penandatanganan", "協定の締結（署名）", "Signing"),
                [
                    (
                        "document",
                        "signed-mou",
                        "mou",
                        True,
                        (
                            "Naskah perjanjian / MoU yang ditandatangani",
                            "署名済み協定書・覚書",
                            "Signed agreement / MoU",
                        ),
                    )
                ],
            ),
            ("implementation", ("Pelaksanaan", "実施", "Implementation"), []),
            (
                "monitoring",
                ("Monitoring & evaluasi", "モニタリング・評価", "Monitoring & evaluation"),
                [
                    (
                        "document",
                        "evaluation-report",
                        "evaluation",
                        False,
                        (
                            "Laporan monitoring & evaluasi",
                            "評価報告書",
                            "Monitoring & evaluation report",
                        ),
                    )
                ],
            ),
            (
                "amendment",
                (
                    "Perubahan / perpanjangan / pengakhiran",
                    "改定・更新・終了",
                    "Amendment / renewal / termination",
                ),
                [],
            ),
        ],
    },
    {
        "code": "jp-clair",
        "country": "JP",
        "name": (
            "Syarat pihak Jepang (CLAIR)",
            "日本側の要件（CLAIR）",
            "Japanese conditions (CLAIR)",
        ),
        "stages": [
            (
                "preparation",
                ("Persiapan pertukaran", "交流の準備", "Preparing the exchange"),
                [
                    (
                        "min_pillars",
                        "several-fields",
                        2,
                        (
                            "Pertukaran di lebih dari satu bidang",
                            "複数分野にわたる交流",
                            "Exchange in more than one field",
                        ),
                    )
                ],
            ),
            (
                "assembly-budget",
                (
                    "Persetujuan anggaran oleh dewan",
                    "議会による交流予算の議決",
                    "Assembly approval of an exchange budget",
                ),
                [
                    (
                        "approval",
                        "assembly-budget",
                        "partner_officer",
                        (
                            "Anggaran pertukaran disetujui dewan kota",
                            "市議会が交流予算を議決",
                            "City assembly approved an exchange budget",
                        ),
                    )
                ],
            ),
            (
                "heads-signing",
                (
                    "Penandatanganan naskah kerja sama oleh kedua kepala daerah",
                    "両首長による協定署名",
                    "Agreement signed by both heads",
                ),
                [
                    (
                        "document",
                        "signed-agreement",
                        "mou",
                        True,
                        (
                            "Naskah kerja sama ditandatangani kedua kepala daerah",
                            "両首長が署名した協定書",
                            "Agreement signed by both heads",
                        ),
                    )
                ],
            ),
            (
                "affiliated",
                (
                    "Hubungan kota kembar diakui",
                    "姉妹都市提携の成立",
                    "Recognised sister-city affiliation",
                ),
                [],
            ),
        ],
    },
]
