"""The Batang–Toyama demo: organisations, one login per persona, the partnership at the
exploration stage. Idempotent: running it again changes nothing.

Profile facts are public figures rounded and marked as sample data (``is_sample``); their
sources are named on each profile. The talks were reported on 30 August 2025.
"""

import datetime as dt
from dataclasses import dataclass
from importlib import import_module

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, ProfileTag, User
from sistercity.demo.pdf import simple_pdf
from sistercity.partnerships import services
from sistercity.partnerships.catalogue import seed_catalogue
from sistercity.partnerships.choices import DocumentLanguage, PartnershipKind
from sistercity.partnerships.models import (
    DocumentType,
    Partnership,
    Pillar,
    StageTransition,
    Track,
)

DEMO_PASSWORD = "sistercity-demo"  # noqa: S105 - printed on purpose: demo logins only
PARTNERSHIP_SLUG = "batang-toyama"
# Each app adds its part of the demo (programmes, calls, waste data) in its demo.py.
DEMO_PARTS = [
    "sistercity.glossary.demo",
    "sistercity.programs.demo",
    "sistercity.exchange.demo",
    "sistercity.environment.demo",
    "sistercity.trade.demo",
    "sistercity.investment.demo",
    "sistercity.emergency.demo",
    "sistercity.irrigation.demo",
    "sistercity.culture.demo",
]

TAGS = {
    "waste-to-energy": ("Sampah menjadi energi", "ごみ発電", "Waste-to-energy"),
    "recycling": ("Daur ulang & eco-town", "リサイクル・エコタウン", "Recycling & eco-town"),
    "compact-city": (
        "Kota kompak & transportasi umum",
        "コンパクトシティ・公共交通",
        "Compact city & public transport",
    ),
    "pharmaceuticals": ("Industri farmasi", "医薬品産業", "Pharmaceutical industry"),
    "waste-management": ("Pengelolaan sampah", "廃棄物管理", "Waste management"),
    "irrigation": ("Irigasi", "灌漑", "Irrigation"),
    "fire-services": ("Pemadam kebakaran", "消防", "Fire services"),
    "industrial-estate": (
        "Kawasan industri (KITB)",
        "工業団地（KITB）",
        "Industrial estate (KITB)",
    ),
    "agrotourism": ("Agrowisata & pantai", "アグリツーリズム・海岸", "Agrotourism & beaches"),
    "msme": ("UMKM", "中小零細企業（UMKM）", "MSMEs (UMKM)"),
}

PERSONAS = [
    # email, full name, reading, language, zone, organisation slug, role
    ("admin@sistercity.example", "Admin Platform", "", "en", "Asia/Jakarta", None, None),
    ("sari@batang.example", "Sari Wulandari", "", "id", "Asia/Jakarta", "batang", Role.SECRETARIAT),
    (
        "yamada@toyama.example",
        "山田 花子",
        "やまだ はなこ / Yamada Hanako",
        "ja",
        "Asia/Tokyo",
        "toyama",
        Role.PARTNER_OFFICER,
    ),
    (
        "budi@batang.example",
        "Budi Santoso",
        "",
        "id",
        "Asia/Jakarta",
        "batang-dlh",
        Role.AGENCY_OFFICER,
    ),
    ("rina@batang.example", "Rina Kusumawati", "", "id", "Asia/Jakarta", "batang", Role.REVIEWER),
    ("dewi@student.example", "Dewi", "", "id", "Asia/Jakarta", None, Role.APPLICANT),
    (
        "observer@kemendagri.example",
        "Pengamat Kemendagri",
        "",
        "id",
        "Asia/Jakarta",
        "kemendagri",
        Role.OBSERVER,
    ),
]


@dataclass
class Demo:
    partnership: Partnership
    batang: Organisation
    toyama: Organisation
    users: dict[str, User]


def _translate(obj, names, **extra):
    """Set the (id, ja, en) texts of a translatable object and save it."""
    for index, code in enumerate(("id", "ja", "en")):
        obj.set_current_language(code)
        obj.name = names[index]
        for field, texts in extra.items():
            setattr(obj, field, texts[index])
    obj.save()


@transaction.atomic
def load_demo() -> Demo:
    if not Track.objects.exists():
        # The seeding migration's rows are gone (a flushed test database): seed again. An
        # installation that has them keeps the platform admin's edits untouched.
        seed_catalogue()
    tags = {}
    for code, names in TAGS.items():
        tag, created = ProfileTag.objects.get_or_create(code=code)
        if created:
            _translate(tag, names)
        tags[code] = tag

    batang, created = Organisation.objects.get_or_create(
        slug="batang",
        defaults=dict(
            kind=OrganisationKind.REGENCY,
            country=Country.INDONESIA,
            population=826_000,
            population_year=2024,
            area_km2=788.95,
            website="https://batangkab.go.id",
            is_sample=True,
        ),
    )
    if created:
        _translate(
            batang,
            ("Kabupaten Batang", "バタン県", "Batang Regency"),
            description=(
                "Kabupaten di pantai utara Jawa Tengah; Kawasan Industri Terpadu Batang (KEK "
                "Industropolis Batang), pertanian, pantai dan agrowisata.",
                "中部ジャワ州北岸の県。バタン統合工業団地（KEKインダストロポリス・バタン）、農業、海岸、アグリツーリズム。",
                "A regency on the north coast of Central Java: the Batang Integrated Industrial "
                "Estate (KEK Industropolis Batang), farming, beaches and agrotourism.",
            ),
            source_note=(
                "BPS Kabupaten Batang (angka dibulatkan; data contoh)",
                "バタン県統計局（概数・サンプルデータ）",
                "BPS Batang Regency (rounded; sample data)",
            ),
        )
        batang.needs.set(
            [tags[c] for c in ("waste-management", "irrigation", "fire-services", "msme")]
        )
        batang.strengths.set([tags[c] for c in ("industrial-estate", "agrotourism")])

    toyama, created = Organisation.objects.get_or_create(
        slug="toyama",
        defaults=dict(
            kind=OrganisationKind.CITY,
            country=Country.JAPAN,
            population=406_000,
            population_year=2024,
            area_km2=1241.77,
            website="https://www.city.toyama.lg.jp",
            is_sample=True,
        ),
    )
    if created:
        _translate(
            toyama,
            ("Kota Toyama", "富山市", "Toyama City"),
            description=(
                "Ibu kota Prefektur Toyama; Kota Model Lingkungan dengan eco-town, daur ulang "
                "dan pembangkit listrik tenaga sampah; kota kompak dengan trem LRT.",
                "富山県の県庁所在地。環境モデル都市としてエコタウン、リサイクル、ごみ発電に取り組むLRTのコンパクトシティ。",
                "Capital of Toyama Prefecture; an Environmental Model City with an eco-town, "
                "recycling and waste-to-energy; a compact city built around its light rail.",
            ),
            source_note=(
                "Statistik Kota Toyama (angka dibulatkan; data contoh)",
                "富山市統計（概数・サンプルデータ）",
                "Toyama City statistics (rounded; sample data)",
            ),
        )
        toyama.strengths.set(
            [tags[c] for c in ("waste-to-energy", "recycling", "compact-city", "pharmaceuticals")]
        )

    dlh, created = Organisation.objects.get_or_create(
        slug="batang-dlh",
        defaults=dict(
            kind=OrganisationKind.AGENCY, country=Country.INDONESIA, parent=batang, is_sample=True
        ),
    )
    if created:
        _translate(
            dlh,
            (
                "Dinas Lingkungan Hidup Kabupaten Batang",
                "バタン県環境局",
                "Batang Environment Agency (DLH)",
            ),
        )
    kemendagri, created = Organisation.objects.get_or_create(
        slug="kemendagri",
        defaults=dict(
            kind=OrganisationKind.MINISTRY,
            country=Country.INDONESIA,
            oversees_country=Country.INDONESIA,
        ),
    )
    if created:
        _translate(
            kemendagri,
            (
                "Kementerian Dalam Negeri",
                "インドネシア内務省",
                "Ministry of Home Affairs (Kemendagri)",
            ),
        )

    organisations = {
        "batang": batang,
        "toyama": toyama,
        "batang-dlh": dlh,
        "kemendagri": kemendagri,
    }
    users = {}
    for email, name, reading, language, zone, org_slug, role in PERSONAS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email,
                DEMO_PASSWORD,
                full_name=name,
                name_reading=reading,
                preferred_language=language,
                time_zone=zone,
                is_staff=org_slug is None and role is None,
                is_superuser=org_slug is None and role is None,
            )
        if org_slug and role:
            membership, _ = Membership.objects.get_or_create(
                user=user, organisation=organisations[org_slug], role=role
            )
            if role == Role.AGENCY_OFFICER:
                membership.pillars.set(Pillar.objects.filter(code="environment"))
        users[email.split("@")[0]] = user

    partnership = Partnership.objects.filter(slug=PARTNERSHIP_SLUG).first()
    if partnership is None:
        partnership = _create_partnership(users["sari"], batang, toyama)
    demo = Demo(partnership=partnership, batang=batang, toyama=toyama, users=users)
    for part in DEMO_PARTS:
        import_module(part).load(demo)
    return demo


def sector_logins() -> list[tuple[str, str]]:
    """The logins each sector's demo adds (its module's ``LOGINS``: e-mail, who it is), so that
    ``make run`` prints every persona a newcomer can try, not only the foundation's."""
    logins: list[tuple[str, str]] = []
    for part in DEMO_PARTS:
        logins.extend(getattr(import_module(part), "LOGINS", ()))
    return logins


def _at(year, month, day):
    return timezone.make_aware(dt.datetime(year, month, day, 10, 0))


def _create_partnership(sari, batang, toyama) -> Partnership:
    partnership = services.partnership_create(
        actor=sari,
        slug=PARTNERSHIP_SLUG,
        kind=PartnershipKind.SISTER_CITY,
        municipalities=[batang, toyama],
        pillars=list(Pillar.objects.all()),
        name="Kerja sama Kabupaten Batang – Kota Toyama",
        summary=(
            "Penjajakan kota kembar yang dimulai pada 30 Agustus 2025: pengelolaan sampah, "
            "irigasi, pemadam kebakaran, investasi di KITB, UMKM, pendidikan, budaya dan pariwisata."
        ),
        language="id",
        started_on=dt.date(2025, 8, 30),
    )
    for code, name, summary in (
        (
            "ja",
            "バタン県・富山市 姉妹都市提携",
            "2025年8月30日に始まった姉妹都市提携の協議。廃棄物管理、灌漑、消防、KITBへの投資、中小企業、教育、文化・観光。",
        ),
        (
            "en",
            "Batang Regency – Toyama City partnership",
            "Sister-city talks that began on 30 August 2025: waste management, irrigation, fire services, investment in KITB, MSMEs, education, culture and tourism.",
        ),
    ):
        partnership.set_current_language(code)
        partnership.name = name
        partnership.summary = summary
    partnership.is_sample = True
    partnership.save()

    # History of the first two stages, with their documents, dated as they happened.
    history = [
        (
            "feasibility",
            "Kajian pemetaan potensi kerja sama Batang–Toyama",
            dt.date(2025, 9, 22),
            "mapping",
            "initiative",
            _at(2025, 9, 25),
        ),
        (
            "initiative_letter",
            "Surat prakarsa Bupati Batang kepada Wali Kota Toyama",
            dt.date(2025, 10, 20),
            "initiative",
            "exploration",
            _at(2025, 10, 24),
        ),
        (
            "minutes",
            "Notulen rapat penjajakan daring Batang–Toyama",
            dt.date(2026, 10, 15),
            None,
            None,
            None,
        ),
    ]
    StageTransition.objects.filter(partnership_track__partnership=partnership).update(
        created_at=_at(2025, 8, 30)
    )
    for doc_code, title, signed_on, _from, _to, when in history:
        services.document_upload(
            actor=sari,
            partnership=partnership,
            document_type=DocumentType.objects.get(code=doc_code),
            title=title,
            language=DocumentLanguage.INDONESIAN,
            signed_on=signed_on,
            parties="Pemerintah Kabupaten Batang; Toyama City",
            file=SimpleUploadedFile(
                f"{doc_code}.pdf",
                simple_pdf("SisterCity demo document", title[:60]),
                content_type="application/pdf",
            ),
        )
        if _to:
            transition = services.track_advance(
                actor=sari,
                partnership=partnership,
                track="id-ksdpl",
                to_stage=_to,
                note="Data contoh / sample data",
            )
            StageTransition.objects.filter(pk=transition.pk).update(created_at=when)
    return partnership
