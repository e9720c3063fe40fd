"""The foreign-grant procedure of a donated vehicle, as data for the lifecycle machinery.

A track of the partnerships app (``partnerships.procedure``: ordered stages, each declaring the
documents it needs before it can be left; advancing refuses naming what is missing), of this
app's ``SUBJECT``, seeded by migration ``0002`` in the shape of ``partnerships.lifecycle_data``.
After that the platform admin edits the steps and their documents in the admin. Texts are
(id, ja, en).

Legal basis (Indonesia): PP 10/2011 and PMK 99/2017 (grants from abroad are registered with
the Ministry of Finance), Permendagri 19/2016 and 47/2021 (regional property: receiving a
grant, the BAST, entry in the register of regional property), PMK 171/2019 and 70/2012
(customs facilities for imported grant goods), Perpol 7/2021 (vehicle registration).
"""

from typing import Any

SUBJECT = "vehicle-grant"
TRACK_CODE = "id-vehicle-grant"
# After the partnerships app's own tracks and document types.
FIRST_POSITION = 50

DOCUMENT_TYPES = [
    (
        "offer_letter",
        (
            "surat penawaran dari pemberi hibah",
            "寄附者からの申出書",
            "proposal letter from the donor",
        ),
    ),
    (
        "acceptance_decision",
        (
            "keputusan Bupati tentang penerimaan hibah",
            "県知事の受入決定",
            "regent's acceptance decision",
        ),
    ),
    (
        "grant_registration",
        (
            "registrasi hibah pada pemerintah pusat",
            "中央政府への寄附の登録",
            "grant registration with the central government",
        ),
    ),
    (
        "customs_facility",
        (
            "keputusan fasilitas kepabeanan dan impor (Bea Cukai)",
            "関税・輸入の免除措置の決定",
            "customs and import facility decision",
        ),
    ),
    (
        "bill_of_lading",
        (
            "konosemen (B/L) dan berita acara kedatangan",
            "船荷証券（B/L）と到着報告",
            "bill of lading and arrival report",
        ),
    ),
    (
        "inspection_report",
        ("berita acara pemeriksaan teknis", "技術検査報告書", "technical inspection report"),
    ),
    (
        "vehicle_registration",
        (
            "registrasi kendaraan (STNK/BPKB)",
            "車両登録（STNK/BPKB）",
            "vehicle registration (STNK/BPKB)",
        ),
    ),
    (
        "handover_record",
        ("berita acara serah terima (BAST)", "引渡し証書（BAST）", "handover record (BAST)"),
    ),
    (
        "asset_record",
        (
            "pencatatan dalam daftar barang milik daerah",
            "地方公有財産台帳への登録",
            "entry in the register of regional property",
        ),
    ),
    ("grant_other", ("dokumen hibah lain", "その他の寄附関係文書", "other grant document")),
]


def _document(code: str, labels: tuple[str, str, str], doc_type: str = "") -> tuple:
    return ("document", code, doc_type or code, False, labels)


TRACKS: list[dict[str, Any]] = [
    {
        "code": TRACK_CODE,
        "country": "ID",
        "name": (
            "Penerimaan hibah kendaraan dari luar negeri",
            "海外からの車両寄附の受入手続",
            "Receiving a donated vehicle as a foreign grant",
        ),
        "stages": [
            (
                "offer",
                ("Penawaran dari pemberi hibah", "寄附者からの申出", "Proposal from the donor"),
                [
                    _document(
                        "offer-letter",
                        (
                            "surat penawaran pemberi hibah",
                            "寄附者の申出書",
                            "the donor's proposal letter",
                        ),
                        "offer_letter",
                    )
                ],
            ),
            (
                "acceptance",
                (
                    "Keputusan penerimaan oleh Bupati",
                    "県知事による受入決定",
                    "Acceptance decision by the regent",
                ),
                [
                    _document(
                        "acceptance-decision",
                        (
                            "keputusan penerimaan oleh Bupati",
                            "県知事の受入決定",
                            "the regent's acceptance decision",
                        ),
                        "acceptance_decision",
                    )
                ],
            ),
            (
                "central_registration",
                (
                    "Registrasi hibah pada pemerintah pusat",
                    "中央政府への寄附の登録",
                    "Registration of the grant with the central government",
                ),
                [
                    _document(
                        "grant-registration",
                        (
                            "bukti registrasi hibah (nomor registrasi)",
                            "寄附の登録証明（登録番号）",
                            "the grant's registration (its number)",
                        ),
                        "grant_registration",
                    )
                ],
            ),
            (
                "customs",
                (
                    "Fasilitas kepabeanan dan impor",
                    "関税・輸入手続",
                    "Customs and import facilities",
                ),
                [
                    _document(
                        "customs-facility",
                        (
                            "keputusan fasilitas kepabeanan dan impor (Bea Cukai)",
                            "関税・輸入の免除措置の決定",
                            "the customs and import facility decision",
                        ),
                        "customs_facility",
                    )
                ],
            ),
            (
                "shipment",
                ("Pengiriman dan kedatangan", "輸送・到着", "Shipment and arrival"),
                [
                    _document(
                        "bill-of-lading",
                        (
                            "konosemen (B/L) dan berita acara kedatangan",
                            "船荷証券（B/L）と到着報告",
                            "the bill of lading and arrival report",
                        ),
                        "bill_of_lading",
                    )
                ],
            ),
            (
                "inspection",
                ("Pemeriksaan teknis", "技術検査", "Technical inspection"),
                [
                    _document(
                        "inspection-report",
                        (
                            "berita acara pemeriksaan teknis",
                            "技術検査報告書",
                            "the technical inspection report",
                        ),
                        "inspection_report",
                    )
                ],
            ),
            (
                "registration",
                ("Registrasi kendaraan", "車両登録", "Vehicle registration"),
                [
                    _document(
                        "vehicle-registration",
                        (
                            "dokumen registrasi kendaraan (STNK/BPKB)",
                            "車両登録書類（STNK/BPKB）",
                            "the vehicle registration papers",
                        ),
                        "vehicle_registration",
                    )
                ],
            ),
            (
                "handover",
                (
                    "Berita acara serah terima (BAST)",
                    "引渡し証書（BAST）",
                    "Handover record (BAST)",
                ),
                [
                    _document(
                        "handover-record",
                        (
                            "berita acara serah terima (BAST) yang ditandatangani",
                            "署名済みの引渡し証書（BAST）",
                            "the signed handover record (BAST)",
                        ),
                        "handover_record",
                    )
                ],
            ),
            (
                "asset_register",
                (
                    "Pencatatan dalam daftar barang milik daerah",
                    "地方公有財産台帳への登録",
                    "Entry in the register of regional property",
                ),
                [
                    _document(
                        "asset-record",
                        ("bukti pencatatan (KIB)", "台帳の登録記録（KIB）", "the register entry"),
                        "asset_record",
                    )
                ],
            ),
        ],
    }
]


def seed(apps=None) -> None:
    """Create or update the grant track (from migration 0002, or the demo after a flush)."""
    from sistercity.partnerships.catalogue import seed_tracks

    kwargs = {} if apps is None else {"apps": apps}
    seed_tracks(
        **kwargs,
        document_types=DOCUMENT_TYPES,
        tracks=TRACKS,
        subject=SUBJECT,
        first_position=FIRST_POSITION,
    )
