"""The first-year action plan of the Batang–Toyama demo (sample data): a waste-sorting pilot
with TPS3R units, a fire-truck grant with operator training, a student exchange and MSME
Japan-readiness training — with indicators, some updates approved and some pending."""

import datetime as dt
from decimal import Decimal as D

from django.db import transaction

from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar
from sistercity.core.registry import registry
from sistercity.programs import services
from sistercity.programs.choices import (
    ActivityStatus,
    Currency,
    FundingSource,
    IndicatorMeasure,
    MeetingKind,
    OrganisationRole,
    ResultStatus,
    ResultType,
    Side,
    TransactionType,
)
from sistercity.programs.models import (
    ActionPlanItem,
    Clause,
    ExchangeRate,
    Location,
    ParticipatingOrganisation,
    Programme,
)

# The exchange app's count of participants (registered in its contributions); without the
# exchange app installed, the indicator is typed by hand.
EXCHANGE_PARTICIPANTS = "exchange:participants"

QUARTERS = [
    (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    (dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    (dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
    (dt.date(2027, 4, 1), dt.date(2027, 6, 30)),
]


def _texts(obj, **texts):
    """Add the ja and en texts of an object created in Indonesian: {field: (ja, en)}."""
    for index, code in enumerate(("ja", "en")):
        obj.set_current_language(code)
        for field, values in texts.items():
            setattr(obj, field, values[index])
    obj.save()


@transaction.atomic
def load(demo) -> None:
    partnership = demo.partnership
    if Programme.objects.filter(partnership=partnership).exists():
        return
    pillar = {p.code: p for p in Pillar.objects.all()}
    _rates()
    clauses = _clauses(partnership, pillar)
    waste = _waste(demo, pillar, clauses)
    _waste_activities(demo, waste)
    _waste_results(demo, waste)
    fire = _fire(demo, pillar)
    exchange = _exchange(demo, pillar)
    _msme(demo, pillar)
    _money(demo, waste=waste, fire=fire, exchange=exchange)
    _meeting(demo)
    Programme.objects.filter(partnership=partnership).update(is_sample=True)


def _rates() -> None:
    for currency, rate in ((Currency.JPY, D("105.20")), (Currency.USD, D("16250"))):
        ExchangeRate.objects.get_or_create(
            currency=currency,
            on=dt.date(2026, 1, 1),
            defaults={"idr_per_unit": rate, "source": "Sample rate (Bank Indonesia JISDOR style)"},
        )


def _clauses(partnership, pillar) -> dict:
    clauses = {}
    for number, code, text in (
        (
            "Pasal 2",
            "environment",
            (
                "第2条 廃棄物の分別、リサイクル、エネルギー回収に関する協力",
                "Article 2: Cooperation on waste sorting, recycling and energy recovery",
            ),
        ),
        (
            "Pasal 3",
            "emergency",
            ("第3条 消防車両の供与と隊員の訓練", "Article 3: Fire trucks and operator training"),
        ),
        (
            "Pasal 4",
            "education",
            ("第4条 インターンシップと学生交流", "Article 4: Internships and student exchange"),
        ),
        (
            "Pasal 5",
            "msme",
            (
                "第5条 中小零細企業の日本市場進出支援",
                "Article 5: MSMEs entering the Japanese market",
            ),
        ),
    ):
        clause = Clause(partnership=partnership, number=number, pillar=pillar[code])
        clause.set_current_language("id")
        clause.text = {
            "environment": "Pasal 2: Kerja sama pemilahan, daur ulang dan pemanfaatan energi sampah",
            "emergency": "Pasal 3: Hibah mobil pemadam kebakaran dan pelatihan operator",
            "education": "Pasal 4: Magang dan pertukaran pelajar",
            "msme": "Pasal 5: Pendampingan UMKM memasuki pasar Jepang",
        }[code]
        clause.save()
        _texts(clause, text=text)
        clauses[code] = clause
    return clauses


def _plan_item(partnership, code, clause, id_title, ja_title, en_title):
    item = ActionPlanItem(partnership=partnership, clause=clause, code=code)
    item.set_current_language("id")
    item.title = id_title
    item.save()
    _texts(item, title=(ja_title, en_title))
    return item


def _waste(demo, pillar, clauses) -> Programme:
    partnership, budi = demo.partnership, demo.users["budi"]
    dlh = Organisation.objects.get(slug="batang-dlh")
    # 1. Environment: the waste-sorting pilot (Budi, DLH, records its results).
    waste_item = _plan_item(
        partnership,
        "rap-1-waste",
        clauses["environment"],
        "Percontohan pemilahan sampah dengan TPS3R di tiga kecamatan",
        "3つの郡でのTPS3Rによるごみ分別モデル事業",
        "Waste-sorting pilot with TPS3R units in three kecamatan",
    )
    waste = services.programme_create(
        actor=budi,
        partnership=partnership,
        pillar=pillar["environment"],
        code="waste-sorting-pilot",
        language="id",
        title="Percontohan pemilahan sampah dan TPS3R",
        description="Pemilahan di sumber, TPS3R dan bank sampah dengan pendampingan ahli Toyama.",
        is_public=True,
        lead_agencies=[dlh, demo.toyama],
        plan_items=[waste_item],
    )
    _texts(
        waste,
        title=("ごみ分別・TPS3Rモデル事業", "Waste-sorting pilot with TPS3R units"),
        description=(
            "発生源での分別、TPS3R、ごみバンクを富山市の専門家が支援します。",
            "Source separation, TPS3R units and waste banks, coached by Toyama experts.",
        ),
    )
    return waste


def _waste_activities(demo, waste) -> None:
    budi = demo.users["budi"]
    dlh = Organisation.objects.get(slug="batang-dlh")
    setup = services.activity_create(
        actor=budi,
        programme=waste,
        code="tps3r-setup",
        language="id",
        title="Pembangunan tiga unit TPS3R",
        status=ActivityStatus.IMPLEMENTATION,
        planned_start=dt.date(2026, 7, 1),
        planned_end=dt.date(2027, 3, 31),
        actual_start=dt.date(2026, 7, 15),
        is_public=True,
    )
    _texts(setup, title=("TPS3R 3か所の整備", "Setting up three TPS3R units"))
    ParticipatingOrganisation.objects.create(
        activity=setup, organisation=dlh, role=OrganisationRole.IMPLEMENTING
    )
    ParticipatingOrganisation.objects.create(
        activity=setup, organisation=demo.batang, role=OrganisationRole.FUNDING
    )
    ParticipatingOrganisation.objects.create(
        activity=setup, organisation=demo.toyama, role=OrganisationRole.EXTENDING
    )
    for name, lat, lon in (
        ("Kecamatan Batang", "-6.9070", "109.7300"),
        ("Kecamatan Warungasem", "-6.9460", "109.7000"),
        ("Kecamatan Kandeman", "-6.9370", "109.7760"),
    ):
        Location.objects.create(
            activity=setup, name=name, admin_level="kecamatan", latitude=D(lat), longitude=D(lon)
        )
    training = services.activity_create(
        actor=budi,
        programme=waste,
        code="waste-bank-training",
        language="id",
        title="Pelatihan pengelola bank sampah oleh ahli Toyama",
        status=ActivityStatus.PIPELINE,
        planned_start=dt.date(2027, 2, 1),
        planned_end=dt.date(2027, 2, 28),
        is_public=True,
    )
    _texts(
        training,
        title=(
            "富山市専門家によるごみバンク運営者研修",
            "Waste-bank operator training by Toyama experts",
        ),
    )


def _waste_results(demo, waste) -> None:
    sari, budi = demo.users["sari"], demo.users["budi"]
    households_result = services.result_create(
        actor=budi,
        programme=waste,
        result_type=ResultType.OUTPUT,
        language="id",
        title="Rumah tangga memilah sampah",
        status=ResultStatus.IN_PROGRESS,
    )
    _texts(households_result, title=("ごみを分別する世帯", "Households sorting their waste"))
    households = services.indicator_create(
        actor=budi,
        result=households_result,
        code="households-sorting",
        language="id",
        title="Jumlah rumah tangga yang memilah sampah",
        measure=IndicatorMeasure.UNIT,
        unit="KK",
        baseline_year=2026,
        baseline_value=D(0),
        disaggregations=["kecamatan"],
    )
    _texts(households, title=("ごみを分別する世帯数", "Households sorting their waste"))
    diversion_result = services.result_create(
        actor=budi,
        programme=waste,
        result_type=ResultType.OUTCOME,
        language="id",
        title="Sampah yang tidak dibuang ke TPA",
        status=ResultStatus.IN_PROGRESS,
    )
    _texts(diversion_result, title=("埋立処分を回避したごみ", "Waste diverted from the landfill"))
    diversion = services.indicator_create(
        actor=budi,
        result=diversion_result,
        code="landfill-diversion-rate",
        language="id",
        title="Tingkat pengalihan sampah dari TPA",
        measure=IndicatorMeasure.PERCENTAGE,
        cumulative=False,
        unit="%",
        baseline_year=2025,
        baseline_value=D(5),
    )
    _texts(diversion, title=("埋立回避率", "Landfill diversion rate"))
    household_periods = [
        services.period_create(actor=budi, indicator=households, start=s, end=e, target_value=t)
        for (s, e), t in zip(QUARTERS, (D(300), D(300), D(400), D(500)), strict=True)
    ]
    diversion_periods = [
        services.period_create(actor=budi, indicator=diversion, start=s, end=e, target_value=t)
        for (s, e), t in zip(QUARTERS, (D(6), D(8), D(11), D(15)), strict=True)
    ]
    first = services.update_create(
        actor=budi,
        period=household_periods[0],
        value=D(280),
        submit=True,
        disaggregation={"kecamatan": {"Batang": 150, "Warungasem": 80, "Kandeman": 50}},
    )
    services.update_approve(actor=sari, update=first, comment="Sesuai data bank sampah")
    services.update_create(actor=budi, period=household_periods[1], value=D(190), submit=True)
    approved = services.update_create(
        actor=budi, period=diversion_periods[0], value=D(7), submit=True
    )
    services.update_approve(actor=sari, update=approved)


def _fire(demo, pillar) -> Programme:
    partnership, sari, yamada = demo.partnership, demo.users["sari"], demo.users["yamada"]
    # 2. Emergency services: the fire-truck grant with operator training.
    fire = services.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=pillar["emergency"],
        code="fire-truck-grant",
        language="id",
        title="Hibah mobil pemadam kebakaran dan pelatihan operator",
        is_public=True,
        lead_agencies=[demo.batang, demo.toyama],
    )
    _texts(
        fire,
        title=("消防車両の寄贈と操作員研修", "Fire-truck grant and operator training"),
        description=("", ""),
    )
    trucks_result = services.result_create(
        actor=sari,
        programme=fire,
        result_type=ResultType.OUTPUT,
        language="id",
        title="Mobil pemadam diserahkan dan operator terlatih",
        status=ResultStatus.IN_PROGRESS,
    )
    _texts(
        trucks_result,
        title=("消防車両の引き渡しと操作員の育成", "Fire trucks handed over and operators trained"),
    )
    trucks = services.indicator_create(
        actor=sari,
        result=trucks_result,
        code="fire-trucks-delivered",
        language="id",
        title="Mobil pemadam kebakaran yang diserahkan",
        measure=IndicatorMeasure.UNIT,
        unit="unit",
        baseline_value=D(0),
    )
    _texts(trucks, title=("引き渡された消防車両", "Fire trucks delivered"))
    operators = services.indicator_create(
        actor=sari,
        result=trucks_result,
        code="operators-trained",
        language="id",
        title="Operator yang dilatih",
        measure=IndicatorMeasure.UNIT,
        unit="orang",
        baseline_value=D(0),
        disaggregations=["sex"],
    )
    _texts(operators, title=("研修を受けた操作員", "Operators trained"))
    services.period_create(
        actor=sari,
        indicator=trucks,
        start=dt.date(2026, 10, 1),
        end=dt.date(2027, 6, 30),
        target_value=D(2),
    )
    operator_period = services.period_create(
        actor=sari,
        indicator=operators,
        start=dt.date(2026, 10, 1),
        end=dt.date(2027, 6, 30),
        target_value=D(20),
    )
    trained = services.update_create(
        actor=sari,
        period=operator_period,
        value=D(8),
        submit=True,
        disaggregation={"sex": {"female": 2, "male": 6}},
    )
    services.update_approve(actor=yamada, update=trained, comment="研修記録を確認しました")

    return fire


def _exchange(demo, pillar) -> Programme:
    partnership, sari = demo.partnership, demo.users["sari"]
    # 3. Education and 4. MSMEs: programmes at the start, without reported values yet.
    exchange = services.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=pillar["education"],
        code="student-exchange-2027",
        language="id",
        title="Pertukaran pelajar 2027",
        is_public=True,
    )
    _texts(exchange, title=("2027年度 学生交流", "Student exchange 2027"), description=("", ""))
    placed_result = services.result_create(
        actor=sari,
        programme=exchange,
        result_type=ResultType.OUTPUT,
        language="id",
        title="Pelajar dan peserta magang di Toyama",
        status=ResultStatus.IN_PROGRESS,
    )
    _texts(placed_result, title=("富山で学ぶ学生・実習生", "Students and interns placed in Toyama"))
    placed = services.indicator_create(
        actor=sari,
        result=placed_result,
        code="exchange-participants",
        language="id",
        title="Peserta pertukaran dan magang",
        measure=IndicatorMeasure.UNIT,
        unit="orang",
        cumulative=False,
        baseline_value=D(0),
        feed=EXCHANGE_PARTICIPANTS if registry.indicator_feed(EXCHANGE_PARTICIPANTS) else "",
    )
    _texts(
        placed, title=("交流・インターンシップの参加者数", "Exchange and internship participants")
    )
    services.period_create(
        actor=sari,
        indicator=placed,
        start=dt.date(2026, 7, 1),
        end=dt.date(2027, 6, 30),
        target_value=D(4),
    )
    return exchange


def _msme(demo, pillar) -> None:
    partnership, sari = demo.partnership, demo.users["sari"]
    msme = services.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=pillar["msme"],
        code="msme-japan-readiness",
        language="id",
        title="Pelatihan kesiapan UMKM untuk pasar Jepang",
        is_public=False,
        status=ActivityStatus.PIPELINE,
    )
    _texts(
        msme,
        title=("中小零細企業の日本市場対応研修", "MSME Japan-readiness training"),
        description=("", ""),
    )
    msme_result = services.result_create(
        actor=sari,
        programme=msme,
        result_type=ResultType.OUTPUT,
        language="id",
        title="UMKM terlatih standar mutu Jepang",
    )
    _texts(
        msme_result,
        title=(
            "日本の品質基準の研修を受けた中小企業",
            "MSMEs trained to Japanese quality standards",
        ),
    )


def _money(demo, *, waste, fire, exchange) -> None:
    sari = demo.users["sari"]
    # Money: Batang's APBD, Toyama's budget, the Ministry of the Environment's city-to-city
    # programme, and the donated fire trucks as an in-kind grant.
    for programme, source, side, amount, currency in (
        (waste, FundingSource.APBD, Side.INDONESIA, D("750000000"), Currency.IDR),
        (waste, FundingSource.MOEJ_C2C, Side.JAPAN, D("8000000"), Currency.JPY),
        (fire, FundingSource.APBD, Side.INDONESIA, D("250000000"), Currency.IDR),
        (fire, FundingSource.IN_KIND, Side.JAPAN, D("12000000"), Currency.JPY),
        (exchange, FundingSource.JP_MUNICIPAL, Side.JAPAN, D("3000000"), Currency.JPY),
        (exchange, FundingSource.APBD, Side.INDONESIA, D("150000000"), Currency.IDR),
    ):
        services.budget_line_add(
            actor=sari,
            programme=programme,
            source=source,
            side=side,
            year=2026,
            amount=amount,
            currency=currency,
        )
    services.transaction_add(
        actor=sari,
        programme=waste,
        kind=TransactionType.DISBURSEMENT,
        source=FundingSource.APBD,
        side=Side.INDONESIA,
        on=dt.date(2026, 8, 20),
        amount=D("320000000"),
        currency=Currency.IDR,
        note="TPS3R Kecamatan Batang",
    )
    services.transaction_add(
        actor=sari,
        programme=fire,
        kind=TransactionType.COMMITMENT,
        source=FundingSource.IN_KIND,
        side=Side.JAPAN,
        on=dt.date(2026, 10, 15),
        amount=D("12000000"),
        currency=Currency.JPY,
        note="2 fire trucks (in kind)",
    )


def _meeting(demo) -> None:
    partnership, sari, yamada, budi = (
        demo.partnership,
        demo.users["sari"],
        demo.users["yamada"],
        demo.users["budi"],
    )
    meeting = services.meeting_create(
        actor=sari,
        partnership=partnership,
        kind=MeetingKind.ONLINE,
        held_on=dt.date(2026, 10, 15),
        language="id",
        title="Rapat penjajakan daring Batang–Toyama",
        place="Zoom",
        minutes="Kedua pihak menyepakati tujuh pilar dan rencana aksi tahun pertama.",
        decisions="Menyusun draf LoI; Toyama mengirim ahli persampahan pada Februari 2027.",
        participants=[sari, yamada, budi],
    )
    _texts(
        meeting,
        title=("バタン県・富山市 オンライン予備協議", "Batang–Toyama online exploration meeting"),
        minutes=(
            "双方は7分野と初年度の行動計画に合意しました。",
            "Both sides agreed on the seven pillars and the first-year action plan.",
        ),
        decisions=(
            "意向書案を作成する。富山市は2027年2月に廃棄物の専門家を派遣する。",
            "Draft the LoI; Toyama sends waste experts in February 2027.",
        ),
    )
    services.action_item_add(
        actor=sari,
        meeting=meeting,
        owner=sari,
        description="Kirim draf LoI ke Toyama",
        due_on=dt.date(2026, 11, 15),
    )
    services.action_item_add(
        actor=sari,
        meeting=meeting,
        owner=yamada,
        description="Konfirmasi jadwal kunjungan ahli",
        due_on=dt.date(2027, 1, 31),
    )
