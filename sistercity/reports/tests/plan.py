"""A small first-year action plan for the export, import and report tests, built through the
programme services by the personas (the demo's own plan may differ and grow; these tests need
data whose numbers they know).

Two programmes: a public waste-sorting programme of the environment pillar in three languages,
with two activities, quantitative and qualitative indicators, approved and pending updates,
budgets in IDR and JPY and transactions; and a private fire-services programme in Indonesian
only.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar
from sistercity.programs import services
from sistercity.programs.models import (
    ExchangeRate,
    Location,
    ParticipatingOrganisation,
    Programme,
)


@dataclass
class Plan:
    waste: Programme
    fire: Programme


def _translate(obj, **texts_by_language):
    for language, texts in texts_by_language.items():
        obj.set_current_language(language)
        for field, value in texts.items():
            setattr(obj, field, value)
        obj.save()


def build_plan(demo) -> Plan:
    partnership = demo.partnership
    sari, budi = demo.users["sari"], demo.users["budi"]
    if partnership.programmes.filter(code="t-waste-sorting").exists():
        return Plan(
            waste=partnership.programmes.get(code="t-waste-sorting"),
            fire=partnership.programmes.get(code="t-fire-training"),
        )
    dlh = Organisation.objects.get(slug="batang-dlh")
    waste = _waste_programme(demo, sari, dlh)
    training = _waste_activities(demo, budi, waste, dlh)
    _output_indicators(sari, budi, waste)
    _outcome_policy(sari, budi, waste)
    _waste_money(sari, waste, training)
    fire = _fire_programme(partnership, sari)
    return Plan(waste=waste, fire=fire)


def _waste_programme(demo, sari, dlh) -> Programme:
    partnership = demo.partnership
    environment = Pillar.objects.get(code="environment")
    waste = services.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=environment,
        code="t-waste-sorting",
        title="Percontohan pemilahan sampah",
        description="Pemilahan sampah di sumber bersama Kota Toyama.",
        language="id",
        is_public=True,
        lead_agencies=[dlh, demo.toyama],
    )
    _translate(
        waste,
        ja={"title": "ごみ分別モデル事業", "description": "富山市と連携した発生源でのごみ分別。"},
        en={"title": "Waste-sorting pilot", "description": "Sorting at source with Toyama City."},
    )
    return waste


def _waste_activities(demo, budi, waste, dlh):
    """Two activities: a public, located training with participants, and a private pilot."""
    training = services.activity_create(
        actor=budi,
        programme=waste,
        code="training-2026",
        title="Pelatihan petugas bank sampah",
        language="id",
        status="2",
        planned_start=dt.date(2026, 2, 1),
        planned_end=dt.date(2026, 3, 31),
        actual_start=dt.date(2026, 2, 10),
        is_public=True,
    )
    _translate(
        training,
        ja={"title": "ごみバンク職員研修"},
        en={"title": "Training of waste-bank officers"},
    )
    Location.objects.create(
        activity=training,
        name="Kecamatan Batang",
        admin_level="kecamatan",
        latitude=Decimal("-6.907800"),
        longitude=Decimal("109.730400"),
    )
    ParticipatingOrganisation.objects.create(activity=training, organisation=dlh, role="4")
    ParticipatingOrganisation.objects.create(activity=training, organisation=demo.toyama, role="1")
    services.activity_create(
        actor=budi,
        programme=waste,
        code="pilot-kelurahan",
        title="Uji coba di tiga kelurahan",
        language="id",
        planned_start=dt.date(2026, 4, 1),
        planned_end=dt.date(2026, 12, 31),
    )
    return training


def _output_indicators(sari, budi, waste) -> None:
    """Officers trained (one approved update, one pending) and the household sorting rate."""
    output = services.result_create(
        actor=budi,
        programme=waste,
        result_type="1",
        title="Petugas terlatih",
        language="id",
        status="in_progress",
    )
    _translate(output, ja={"title": "研修を受けた職員"}, en={"title": "Officers trained"})
    trained = services.indicator_create(
        actor=budi,
        result=output,
        code="t-officers-trained",
        title="Jumlah petugas terlatih",
        language="id",
        measure="1",
        unit="orang",
        baseline_year=2025,
        baseline_value=Decimal(0),
    )
    _translate(trained, ja={"title": "研修を受けた職員数"}, en={"title": "Officers trained"})
    first_half = services.period_create(
        actor=budi,
        indicator=trained,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 6, 30),
        target_value=Decimal(20),
    )
    services.period_create(
        actor=budi,
        indicator=trained,
        start=dt.date(2026, 7, 1),
        end=dt.date(2026, 12, 31),
        target_value=Decimal(20),
    )
    approved = services.update_create(actor=budi, period=first_half, value=Decimal(12), submit=True)
    services.update_approve(actor=sari, update=approved)
    # Submitted but not approved: it must not count anywhere.
    services.update_create(actor=budi, period=first_half, value=Decimal(5), submit=True)

    sorting = services.indicator_create(
        actor=budi,
        result=output,
        code="t-sorting-rate",
        title="Rumah tangga yang memilah sampah",
        language="id",
        measure="2",
        unit="%",
        cumulative=False,
        baseline_year=2025,
        baseline_value=Decimal(5),
    )
    _translate(sorting, ja={"title": "分別する世帯の割合"}, en={"title": "Households sorting"})
    year = services.period_create(
        actor=budi,
        indicator=sorting,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        target_value=Decimal(30),
    )
    update = services.update_create(actor=budi, period=year, value=Decimal(15), submit=True)
    services.update_approve(actor=sari, update=update)


def _outcome_policy(sari, budi, waste) -> None:
    """A qualitative indicator with an approved narrative."""
    outcome = services.result_create(
        actor=sari, programme=waste, result_type="2", title="Kebijakan daerah", language="id"
    )
    _translate(outcome, ja={"title": "地域の政策"}, en={"title": "Local policy"})
    policy = services.indicator_create(
        actor=sari,
        result=outcome,
        code="t-policy-adopted",
        title="Peraturan bupati tentang pemilahan",
        language="id",
        measure="5",
    )
    _translate(policy, ja={"title": "分別に関する県令"}, en={"title": "Regent's regulation"})
    policy_period = services.period_create(
        actor=sari,
        indicator=policy,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        target_comment="Perbup ditetapkan",
    )
    narrative = services.update_create(
        actor=budi, period=policy_period, narrative="Rancangan perbup dibahas.", submit=True
    )
    services.update_approve(actor=sari, update=narrative)


def _waste_money(sari, waste, training) -> None:
    """Budgets in IDR and JPY (one line tied to the training) and two transactions."""
    ExchangeRate.objects.get_or_create(
        currency="JPY", on=dt.date(2026, 1, 1), defaults={"idr_per_unit": Decimal("105")}
    )
    services.budget_line_add(
        actor=sari,
        programme=waste,
        source="apbd",
        side="ID",
        year=2026,
        amount=Decimal("150000000"),
        currency="IDR",
    )
    services.budget_line_add(
        actor=sari,
        programme=waste,
        source="jp_municipal",
        side="JP",
        year=2026,
        amount=Decimal("2000000"),
        currency="JPY",
    )
    services.budget_line_add(
        actor=sari,
        programme=waste,
        activity=training,
        source="apbd",
        side="ID",
        year=2026,
        amount=Decimal("25000000"),
        currency="IDR",
    )
    services.transaction_add(
        actor=sari,
        programme=waste,
        kind="2",
        source="apbd",
        side="ID",
        on=dt.date(2026, 1, 15),
        amount=Decimal("150000000"),
        currency="IDR",
    )
    services.transaction_add(
        actor=sari,
        programme=waste,
        activity=training,
        kind="3",
        source="apbd",
        side="ID",
        on=dt.date(2026, 2, 20),
        amount=Decimal("20000000"),
        currency="IDR",
        note="Honorarium pelatih",
    )


def _fire_programme(partnership, sari) -> Programme:
    """A private programme in Indonesian only."""
    emergency = Pillar.objects.get(code="emergency")
    fire = services.programme_create(
        actor=sari,
        partnership=partnership,
        pillar=emergency,
        code="t-fire-training",
        title="Pelatihan pemadam kebakaran",
        language="id",
        is_public=False,
    )
    drill = services.activity_create(
        actor=sari,
        programme=fire,
        code="drill",
        title="Latihan gabungan",
        language="id",
        planned_start=dt.date(2026, 5, 1),
    )
    response = services.result_create(
        actor=sari,
        programme=fire,
        result_type="1",
        title="Waktu tanggap",
        language="id",
        activity=drill,
    )
    minutes = services.indicator_create(
        actor=sari,
        result=response,
        code="t-response-minutes",
        title="Waktu tanggap rata-rata",
        language="id",
        measure="1",
        unit="menit",
        ascending=False,
        cumulative=False,
        baseline_year=2025,
        baseline_value=Decimal("25.5"),
    )
    services.period_create(
        actor=sari,
        indicator=minutes,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        target_value=Decimal("15"),
    )
    return fire
