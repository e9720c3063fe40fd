# ruff: noqa: E501 - a data module: multilingual texts read better on one line each
"""The investment part of the Batang–Toyama demo (see ``demo/data.py``). Illustrative sample
data throughout (``is_sample``): four KITB plots, three invented Toyama companies in different
stages (one at site visit, one with a letter of intent, one operating with two quarters of
realised investment), a confidential lead, a recycling technology-transfer project, and the
investment pillar's jobs indicator fed by the operating company's workforce and approved.

The regulations named on the incentives are real; what the demo says they grant is a
summary, and every incentive not checked against the official text is marked illustrative.
"""

import datetime as dt
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.demo.pdf import simple_pdf
from sistercity.investment import choices as c
from sistercity.investment import services
from sistercity.investment.contributions import JOBS
from sistercity.investment.demo_data import (
    COMPANIES,
    INCENTIVES,
    LEADS,
    MILESTONES,
    PLOTS,
    QUARTERS,
)
from sistercity.investment.models import Incentive, Lead

DEMO_PASSWORD = "sistercity-demo"  # noqa: S105 - the demo's shared password, printed on purpose
# The day the demo's figures are "as of", so that it loads the same whatever today is.
AS_OF = dt.date(2026, 11, 30)


# The logins ``make run`` prints (e-mail, who it is).
LOGINS = [
    ("andi@batang.example", "Andi Pratama — investment office (DPMPTSP), investment pillar"),
    ("tanaka@sample-seiki.example", "田中 一郎 — contact of the operating Toyama company"),
]


def _texts(obj, **texts):
    """Add the ja and en texts of an object created in Indonesian: {field: (ja, en)}."""
    for index, code in enumerate(("ja", "en")):
        obj.set_current_language(code)
        for field, values in texts.items():
            setattr(obj, field, values[index])
    obj.save()


def _user(email, name, language, zone, organisation=None, role=None, pillar=None) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email, DEMO_PASSWORD, full_name=name, preferred_language=language, time_zone=zone
        )
    if organisation is not None and role is not None:
        membership, _ = Membership.objects.get_or_create(
            user=user, organisation=organisation, role=role
        )
        if pillar is not None:
            membership.pillars.add(pillar)
    return user


def _dpmptsp(batang) -> Organisation:
    office, created = Organisation.objects.get_or_create(
        slug="batang-dpmptsp",
        defaults=dict(
            kind=OrganisationKind.AGENCY, country=Country.INDONESIA, parent=batang, is_sample=True
        ),
    )
    if created:
        for code, name in (
            ("id", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Batang"),
            ("ja", "バタン県投資・ワンストップサービス局"),
            ("en", "Batang Investment and One-Stop Service Office (DPMPTSP)"),
        ):
            office.set_current_language(code)
            office.name = name
        office.save()
    return office


@transaction.atomic
def load(demo) -> None:
    partnership = demo.partnership
    pillar = Pillar.objects.filter(code=c.PILLAR).first()
    andi = _user(
        "andi@batang.example",
        "Andi Pratama",
        "id",
        "Asia/Jakarta",
        _dpmptsp(demo.batang),
        Role.AGENCY_OFFICER,
        pillar,
    )
    demo.users["andi"] = andi
    if Incentive.objects.filter(partnership=partnership).exists():
        demo.users["tanaka"] = User.objects.get(email="tanaka@sample-seiki.example")
        return
    incentives = _incentives(andi, partnership)
    sectors = _sectors(andi, partnership)
    plots = _plots(andi, partnership, incentives, sectors)
    _project(andi, partnership, incentives, sectors)
    leads = _pipeline(demo, andi, plots, sectors)
    _tech_transfer(demo, andi, leads["resin"])
    _jobs_indicator(demo, andi, pillar)


def _incentives(andi, partnership) -> dict[str, Incentive]:
    made = {}
    for code, kind, source, url, start, end, status, names, summaries, notes in INCENTIVES:
        incentive = services.incentive_create(
            actor=andi,
            partnership=partnership,
            code=code,
            kind=kind,
            legal_source=source,
            source_url=url,
            valid_from=start,
            valid_until=end,
            source_status=status,
            name=names[0],
            summary=summaries[0],
            source_note=notes[0],
            language="id",
            is_sample=True,
        )
        _texts(incentive, name=names[1:], summary=summaries[1:], source_note=notes[1:])
        made[code] = incentive
    return made


def _sectors(andi, partnership):
    made = {}
    for position, (code, names) in enumerate(
        (
            (
                "recycling",
                (
                    "Daur ulang dan pemulihan material",
                    "リサイクル・資源回収",
                    "Recycling and material recovery",
                ),
            ),
            (
                "precision",
                (
                    "Komponen presisi dan permesinan",
                    "精密部品・機械加工",
                    "Precision parts and machining",
                ),
            ),
            ("pharma", ("Farmasi", "医薬品", "Pharmaceuticals")),
        )
    ):
        sector = services.sector_create(
            actor=andi,
            partnership=partnership,
            code=code,
            name=names[0],
            position=position,
            language="id",
        )
        _texts(sector, name=names[1:])
        made[code] = sector
    return made


def _plots(andi, partnership, incentives, sectors):
    made = {}
    offered = [
        incentives["kek-facilities"],
        incentives["kek-batang"],
        incentives["import-duty-machinery"],
    ]
    for (
        code,
        kind,
        cluster,
        area,
        building,
        zoning,
        kva,
        water,
        tenure,
        price,
        availability,
        names,
    ) in PLOTS:
        plot = services.opportunity_create(
            actor=andi,
            partnership=partnership,
            code=code,
            kind=kind,
            name=names[0],
            estate=cluster,
            area_m2=area,
            building_m2=building,
            zoning=zoning,
            electricity_kva=kva,
            water_m3_per_day=water,
            gas=zoning == c.Zoning.INDUSTRIAL,
            wastewater=True,
            tenure=tenure,
            price_per_m2=price,
            currency=c.Currency.IDR,
            availability=availability,
            owner=andi,
            sectors=[sectors["recycling"], sectors["precision"]]
            if zoning == c.Zoning.INDUSTRIAL
            else [],
            incentives=offered,
            description="Harga dan luas adalah contoh ilustratif.",
            language="id",
            is_sample=True,
            today=AS_OF,
        )
        _texts(
            plot,
            name=names[1:],
            description=(
                "価格・面積は説明用のサンプルです。",
                "Prices and areas are illustrative samples.",
            ),
        )
        made[code] = plot
    return made


def _project(andi, partnership, incentives, sectors):
    project = services.project_create(
        actor=andi,
        partnership=partnership,
        code="pltsa-batang",
        name="Pembangkit listrik tenaga sampah (PLTSa) Batang",
        owner=andi,
        currency=c.Currency.IDR,
        estimated_cost=D("1200000000000"),
        description="Mitra dicari untuk pembangkit listrik tenaga sampah 500 ton/hari (angka ilustratif).",
        sectors=[sectors["recycling"]],
        incentives=[incentives["import-duty-machinery"]],
        language="id",
        is_sample=True,
        today=AS_OF,
    )
    _texts(
        project,
        name=("バタン県ごみ発電所（PLTSa）", "Batang waste-to-energy plant (PLTSa)"),
        description=(
            "日量500トンのごみ発電所のパートナーを募集しています（数値は説明用）。",
            "Partners sought for a 500 t/day waste-to-energy plant (illustrative figures).",
        ),
    )


def _loi_pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"{name}.pdf", simple_pdf(f"Letter of intent (sample): {name}"))


def _pipeline(demo, andi, plots, sectors) -> dict[str, Lead]:
    companies = _companies(demo, sectors)
    leads = _leads(demo, andi, companies, plots)
    mission, earlier = _delegations(demo, andi, plots, leads)
    _evidence(andi, leads, mission, earlier)
    _realised(andi, leads["seiki"])
    return leads


def _companies(demo, sectors):
    companies = {}
    for key, name_ja, romaji, name_id, size, sector, contact, email in COMPANIES:
        companies[key] = services.company_create(
            actor=demo.users["yamada"],
            partnership=demo.partnership,
            name_ja=name_ja,
            name_romaji=romaji,
            name_id=name_id,
            size=size,
            sector=sectors[sector],
            introduced_by=demo.toyama,
            contact_name=contact,
            contact_email=email,
            is_sample=True,
        )
    # The operating company's contact has a login: he sees his company's dossier only.
    tanaka = _user("tanaka@sample-seiki.example", "田中 一郎", "ja", "Asia/Tokyo")
    demo.users["tanaka"] = tanaka
    companies["seiki"].contacts.update(user=tanaka)
    return companies


def _leads(demo, andi, companies, plots) -> dict[str, Lead]:
    leads = {}
    for key, company, title, amount, jobs, probability, step, due, plot, secret in LEADS:
        leads[key] = services.lead_create(
            actor=andi,
            partnership=demo.partnership,
            company=companies[company],
            title=title,
            owner=andi,
            source=c.LeadSource.INTRODUCTION,
            expected_investment=amount,
            currency=c.Currency.JPY,
            expected_jobs=jobs,
            probability=probability,
            next_step=step,
            next_step_due=due,
            opportunity=plots[plot] if plot else None,
            confidential=secret,
            is_sample=True,
        )
    return leads


def _delegations(demo, andi, plots, leads):
    mission = services.delegation_record(
        actor=andi,
        partnership=demo.partnership,
        title="Misi bisnis Toyama ke KITB, November 2026",
        arrived_on=dt.date(2026, 11, 10),
        departed_on=dt.date(2026, 11, 12),
        visitors="Delegasi 8 orang: Kota Toyama (divisi industri), Kamar Dagang Toyama, tiga perusahaan",
        sites=[plots["kitb-c1-b02"], plots["kitb-sbf-03"]],
        leads=[leads["pharma"], leads["resin"]],
        language="id",
    )
    _texts(
        mission,
        title=(
            "富山市KITB経済ミッション（2026年11月）",
            "Toyama business mission to KITB, November 2026",
        ),
        notes=("", ""),
    )
    earlier = services.delegation_record(
        actor=andi,
        partnership=demo.partnership,
        title="Kunjungan survei lokasi 2025",
        arrived_on=dt.date(2025, 11, 4),
        departed_on=dt.date(2025, 11, 5),
        visitors="Sample Toyama Seiki: direktur dan manajer pabrik",
        sites=[plots["kitb-c1-a07"]],
        leads=[leads["seiki"]],
        language="id",
    )
    _texts(earlier, title=("2025年 用地視察", "Site survey visit 2025"), notes=("", ""))
    return mission, earlier


def _evidence(andi, leads, mission, earlier) -> None:
    """The documents and stage moves that put each lead where the demo shows it."""
    for stage in (c.Stage.CONTACTED, c.Stage.INFORMATION_SENT, c.Stage.SITE_VISIT):
        services.lead_advance(actor=andi, lead=leads["pharma"], stage=stage)
    services.lead_advance(actor=andi, lead=leads["expansion"], stage=c.Stage.INFORMATION_SENT)
    services.document_attach(
        actor=andi,
        lead=leads["resin"],
        kind=c.DocumentKind.LOI,
        file=_loi_pdf("loi-jushi"),
        signed_on=dt.date(2026, 11, 12),
        delegation=mission,
    )
    services.lead_advance(
        actor=andi,
        lead=leads["resin"],
        stage=c.Stage.LETTER_OF_INTENT,
        note="LoI ditandatangani saat misi bisnis",
    )
    seiki = leads["seiki"]
    services.document_attach(
        actor=andi,
        lead=seiki,
        kind=c.DocumentKind.LOI,
        file=_loi_pdf("loi-seiki"),
        signed_on=dt.date(2025, 11, 5),
        delegation=earlier,
    )
    for kind in (
        c.DocumentKind.NIB,
        c.DocumentKind.LOCATION_PERMIT,
        c.DocumentKind.BUILDING_PERMIT,
    ):
        services.document_attach(actor=andi, lead=seiki, kind=kind, file=_loi_pdf(f"{kind}-seiki"))
    services.lead_advance(
        actor=andi, lead=seiki, stage=c.Stage.OPERATING, note="Produksi komersial dimulai"
    )
    Lead.objects.filter(pk=seiki.pk).update(nib="9120001234567")


def _realised(andi, seiki) -> None:
    for quarter, land, building, machinery, working, men, women in QUARTERS:
        services.realisation_record(
            actor=andi,
            lead=seiki,
            year=2026,
            quarter=quarter,
            currency=c.Currency.IDR,
            land=land,
            building=building,
            machinery=machinery,
            other_fixed=D("0"),
            working_capital=working,
            local_men=men,
            local_women=women,
            local_total=men + women,
            expatriates=3,
            today=AS_OF,
        )


def _tech_transfer(demo, andi, resin) -> None:
    from sistercity.programs.models import Indicator, Programme

    partnership = demo.partnership
    programme = Programme.objects.filter(
        partnership=partnership, code="waste-sorting-pilot"
    ).first()
    indicator = (
        Indicator.objects.filter(
            result__programme=programme, code="landfill-diversion-rate"
        ).first()
        if programme
        else None
    )
    project = services.techproject_create(
        actor=andi,
        partnership=partnership,
        code="pet-recycling-line",
        title="Alih teknologi lini daur ulang PET",
        partner=demo.toyama,
        lead=resin,
        programme=programme,
        indicator=indicator,
        status=c.TechTransferStatus.RUNNING,
        starts_on=dt.date(2026, 9, 1),
        ends_on=dt.date(2027, 8, 31),
        technology="Pencucian dan pencacahan botol PET (model eco-town Toyama)",
        objectives="Lini percontohan 2 ton/hari; tingkat daur ulang 60 %",
        equipment="Mesin cuci-cacah bekas pakai dari Toyama (hibah)",
        language="id",
        is_sample=True,
    )
    _texts(
        project,
        title=("PETリサイクルラインの技術移転", "PET recycling line technology transfer"),
        technology=(
            "PETボトルの洗浄・破砕（富山市エコタウン方式）",
            "Washing and shredding PET bottles (Toyama eco-town model)",
        ),
        objectives=(
            "日量2トンのパイロットライン、リサイクル率60％",
            "A 2 t/day pilot line; 60 % recycling rate",
        ),
        equipment=(
            "富山市からの中古洗浄・破砕機（無償譲渡）",
            "Used washing and shredding machine from Toyama (grant)",
        ),
        outcomes=("", ""),
    )
    _milestones(andi, project)
    for name, gender in (("Rizky Hidayat", c.Gender.MALE), ("Siti Rahmawati", c.Gender.FEMALE)):
        services.trainee_add(
            actor=andi,
            project=project,
            full_name=name,
            organisation=demo.batang.children.filter(slug="batang-dlh").first() or demo.batang,
            gender=gender,
            subject="Operasi lini daur ulang PET",
            trained_from=dt.date(2026, 10, 5),
            trained_until=dt.date(2026, 10, 20),
        )
    services.techdocument_attach(
        actor=andi,
        project=project,
        title="Nota kesepahaman alih teknologi (contoh)",
        file=_loi_pdf("mou-pet-line"),
    )
    output = services.output_record(
        actor=andi,
        project=project,
        name="Tingkat daur ulang lini percontohan",
        value=D("42.5"),
        unit="%",
        measured_on=dt.date(2026, 11, 28),
        language="id",
    )
    _texts(output, name=("パイロットラインのリサイクル率", "Recycling rate of the pilot line"))


def _milestones(andi, project) -> None:
    for title, due, done, texts in MILESTONES:
        milestone = services.milestone_add(
            actor=andi, project=project, title=title, due_on=due, language="id"
        )
        _texts(milestone, title=texts)
        if done:
            services.milestone_done(actor=andi, milestone=milestone, done_on=done)


def _jobs_indicator(demo, andi, pillar) -> None:
    """The investment pillar's programme, with the jobs indicator fed from the realised
    figures and the count approved by the secretariat."""
    from sistercity.programs import services as programmes
    from sistercity.programs.choices import IndicatorMeasure, ResultStatus, ResultType
    from sistercity.programs.models import IndicatorUpdate

    sari, partnership = demo.users["sari"], demo.partnership
    programme = programmes.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=pillar,
        code="kitb-investment-promotion",
        language="id",
        title="Promosi investasi Toyama di KITB",
        is_public=True,
    )
    _texts(
        programme,
        title=("KITBへの富山企業の投資促進", "Toyama investment promotion in KITB"),
        description=("", ""),
    )
    result = programmes.result_create(
        actor=sari,
        programme=programme,
        result_type=ResultType.OUTCOME,
        language="id",
        title="Investasi Toyama terealisasi dan lapangan kerja di Batang",
        status=ResultStatus.IN_PROGRESS,
    )
    _texts(
        result,
        title=(
            "富山企業の投資実現とバタン県の雇用",
            "Toyama investment realised and jobs in Batang",
        ),
    )
    indicator = programmes.indicator_create(
        actor=sari,
        result=result,
        code="investment-jobs",
        language="id",
        title="Tenaga kerja pada proyek investasi terealisasi",
        measure=IndicatorMeasure.UNIT,
        unit="orang",
        cumulative=False,
        baseline_value=D(0),
        feed=JOBS,
    )
    _texts(
        indicator,
        title=("投資実現プロジェクトの雇用者数", "Workers in realised investment projects"),
    )
    programmes.period_create(
        actor=sari,
        indicator=indicator,
        start=dt.date(2026, 7, 1),
        end=dt.date(2027, 6, 30),
        target_value=D(150),
    )
    update = programmes.indicator_feed(actor=andi, indicator=indicator, today=AS_OF)
    programmes.update_approve(actor=sari, update=update, comment="Sesuai LKPM triwulan III")
    # The demo's count was made and approved on its as-of day, not whenever the demo loads.
    as_of = timezone.make_aware(dt.datetime.combine(AS_OF, dt.time(10, 0)))
    IndicatorUpdate.objects.filter(pk=update.pk).update(submitted_at=as_of, reviewed_at=as_of)
