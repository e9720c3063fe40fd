"""This app's part of the Batang–Toyama demo (sample data); called by
sistercity.demo.data.load_demo: the open call "Toyama internship", three hosts in Toyama with
their placements, a rubric, Rina on the panel and Dewi's address verified.

Dates are relative to today, so that the call is open whenever the demo is loaded.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from sistercity.core.models import Pillar
from sistercity.exchange.choices import CallType, Direction, FieldOfStudy, HostKind, LanguageLevel
from sistercity.exchange.models import (
    ApplicantProfile,
    Call,
    CallQuestion,
    Criterion,
    HostOrganisation,
    PanelMember,
    Placement,
    RequiredDocument,
)

CALL_SLUG = "toyama-internship"
LANGS = ("id", "ja", "en")

CALL_TEXTS = {
    "title": (
        "Magang di Toyama 2026",
        "富山インターンシップ 2026",
        "Toyama internship 2026",
    ),
    "summary": (
        "Magang tiga bulan di perusahaan dan layanan publik Kota Toyama untuk pemuda Kabupaten "
        "Batang (data contoh).",
        "バタン県の若者を対象とした、富山市の企業・公共機関での3か月間のインターンシップ（サンプルデータ）。",
        "A three-month internship with companies and public services of Toyama City for young "
        "people of Batang Regency (sample data).",
    ),
    "description": (
        "Peserta bekerja di bidang daur ulang, pemadam kebakaran atau industri farmasi, "
        "mengikuti orientasi sebelum berangkat dan menulis laporan setelah kembali.",
        "参加者はリサイクル、消防、医薬品産業の現場で研修し、出発前オリエンテーションに参加し、帰国後に報告書を提出します。",
        "Participants work in recycling, fire services or the pharmaceutical industry, attend "
        "an orientation before departure and write a report after return.",
    ),
}

HOSTS = [
    # slug, kind, (id, ja, en) names, (id, ja, en) descriptions
    (
        "toyama-eco-recycling",
        HostKind.COMPANY,
        (
            "Toyama Eco Recycling, daur ulang (contoh)",
            "富山エコリサイクル（サンプル）",
            "Toyama Eco Recycling (sample)",
        ),
        (
            "Perusahaan daur ulang di kawasan eco-town Toyama.",
            "富山エコタウンのリサイクル事業者。",
            "A recycling company in Toyama's eco-town.",
        ),
    ),
    (
        "toyama-fire",
        HostKind.PUBLIC_SERVICE,
        (
            "Dinas Pemadam Kebakaran Kota Toyama (contoh)",
            "富山市消防局（サンプル）",
            "Toyama City Fire Bureau (sample)",
        ),
        (
            "Pelatihan operasi dan perawatan kendaraan pemadam.",
            "消防車両の運用と整備の研修。",
            "Training in fire-engine operation and maintenance.",
        ),
    ),
    (
        "toyama-pharma",
        HostKind.COMPANY,
        (
            "Toyama Pharma Lab (contoh)",
            "富山ファーマラボ（サンプル）",
            "Toyama Pharma Lab (sample)",
        ),
        (
            "Laboratorium kendali mutu obat tradisional Toyama.",
            "富山の伝統薬の品質管理ラボ。",
            "A quality-control laboratory for Toyama's traditional medicines.",
        ),
    ),
]

PLACEMENTS = [
    # code, host slug, capacity, field, (id, ja, en) titles
    (
        "recycling",
        "toyama-eco-recycling",
        2,
        FieldOfStudy.ENVIRONMENT,
        ("Magang daur ulang sampah", "ごみリサイクル研修", "Waste recycling internship"),
    ),
    (
        "fire",
        "toyama-fire",
        1,
        FieldOfStudy.PUBLIC_SERVICE,
        ("Magang pemadam kebakaran", "消防研修", "Fire services internship"),
    ),
    (
        "pharma",
        "toyama-pharma",
        1,
        FieldOfStudy.HEALTH,
        ("Magang laboratorium farmasi", "医薬品ラボ研修", "Pharmaceutical lab internship"),
    ),
]

CRITERIA = [
    ("motivation", Decimal(2), ("Motivasi", "志望動機", "Motivation")),
    ("skills", Decimal(1), ("Keterampilan", "技能", "Skills")),
    ("language", Decimal(1), ("Bahasa Jepang", "日本語", "Japanese")),
]


def _texts(obj, **fields):
    for index, code in enumerate(LANGS):
        obj.set_current_language(code)
        for name, texts in fields.items():
            setattr(obj, name, texts[index])
    obj.save()


def load(demo) -> None:
    """Idempotent: running it twice changes nothing (a call that closed meanwhile is moved
    forward so the demo stays open)."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    rina, dewi = demo.users["rina"], demo.users["dewi"]
    ApplicantProfile.objects.get_or_create(
        user=dewi, defaults={"email_verified_at": now, "is_sample": True}
    )
    hosts = {}
    for slug, kind, names, descriptions in HOSTS:
        host, created = HostOrganisation.objects.get_or_create(
            partnership=demo.partnership,
            slug=slug,
            defaults={"kind": kind, "city": demo.toyama, "is_sample": True},
        )
        if created:
            _texts(host, name=names, description=descriptions)
        hosts[slug] = host

    starts = (now + dt.timedelta(days=120)).date()
    ends = starts + dt.timedelta(days=90)
    call = Call.objects.filter(slug=CALL_SLUG).first()
    if call is None:
        call = Call(
            partnership=demo.partnership,
            pillar=Pillar.objects.get(code="education"),
            slug=CALL_SLUG,
            call_type=CallType.INTERNSHIP,
            direction=Direction.ID_TO_JP,
            time_zone="Asia/Jakarta",
            opens_at=now - dt.timedelta(days=7),
            closes_at=now + dt.timedelta(days=42),
            quota=4,
            programme_starts_on=starts,
            programme_ends_on=ends,
            min_age=18,
            max_age=30,
            requires_enrolment=False,
            min_language_level=LanguageLevel.N5,
            residence=demo.batang,
            lottery_seed="batang-toyama-2026",
            is_published=True,
            is_sample=True,
        )
        _texts(call, **CALL_TEXTS)
        for position, (code, names) in enumerate(
            [("cv", ("Daftar riwayat hidup (CV)", "履歴書（CV）", "Curriculum vitae (CV)"))],
            start=1,
        ):
            document = RequiredDocument(call=call, code=code, position=position)
            _texts(document, label=names)
        question = CallQuestion(call=call, position=1, is_required=True)
        _texts(
            question,
            text=(
                "Apa yang ingin Anda pelajari di Toyama dan bawa pulang ke Batang?",
                "富山で何を学び、バタンに何を持ち帰りたいですか？",
                "What do you want to learn in Toyama and bring back to Batang?",
            ),
        )
        for position, (code, weight, names) in enumerate(CRITERIA, start=1):
            criterion = Criterion(call=call, code=code, weight=weight, position=position)
            _texts(criterion, name=names)
        for code, host_slug, capacity, field, titles in PLACEMENTS:
            placement = Placement(
                call=call,
                host=hosts[host_slug],
                code=code,
                capacity=capacity,
                field_of_study=field,
                starts_on=starts,
                ends_on=ends,
            )
            _texts(placement, title=titles)
        PanelMember.objects.get_or_create(call=call, user=rina)
    elif call.is_sample and call.closes_at <= now and not call.applications.exists():
        call.opens_at = now - dt.timedelta(days=7)
        call.closes_at = now + dt.timedelta(days=42)
        call.save(update_fields=["opens_at", "closes_at"])
