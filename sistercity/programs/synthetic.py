"""Large, realistic data for scale tests and benchmarks (``manage.py seed_synthetic``).

Per partnership: two municipalities, 5 programmes × 10 activities × 3 indicators × 4 periods,
budget lines, a commitment and a disbursement per programme, and meetings with action items.
Rows are written with bulk_create (translations included) so that 1,000 partnerships take
minutes, not hours; everything is marked sample data.
"""

import datetime as dt
import random
from decimal import Decimal as D

from django.db import connection, transaction
from django.utils import timezone

from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar
from sistercity.partnerships.choices import AGREEMENT
from sistercity.partnerships.models import Partnership, PartnershipTrack, Track
from sistercity.programs import choices as c
from sistercity.programs import models as m

QUARTERS = [(dt.date(2026, q * 3 + 1, 1), dt.date(2026, q * 3 + 3, 28)) for q in range(4)]


def _translations(model):
    return model.translations.field.model


def _bulk(model, rows, texts):
    """Create rows and their Indonesian translations; returns the saved rows."""
    created = model.objects.bulk_create(rows)
    translation = _translations(model)
    translation.objects.bulk_create(
        translation(master=row, language_code="id", **text)
        for row, text in zip(created, texts, strict=True)
    )
    return created


@transaction.atomic
def seed_partnership(index: int, *, rng: random.Random, pillars, tracks, author) -> Partnership:
    # The steps draw from ``rng`` in this order; keeping it keeps a seed's data unchanged.
    partnership = _seed_partnership_row(index, rng, pillars, tracks)
    programmes = _seed_programmes(partnership, pillars)
    indicators = _seed_results_chain(programmes)
    _seed_progress(indicators, rng, author)
    _seed_money(programmes, rng)
    _seed_meetings(partnership, rng)
    return partnership


def _seed_partnership_row(index: int, rng: random.Random, pillars, tracks) -> Partnership:
    """The two municipalities and the partnership between them, on every pillar and track."""
    regency, city = _bulk(
        Organisation,
        [
            Organisation(
                kind="regency",
                country="ID",
                slug=f"synthetic-id-{index}",
                population=rng.randint(200_000, 2_000_000),
                is_sample=True,
            ),
            Organisation(
                kind="city",
                country="JP",
                slug=f"synthetic-jp-{index}",
                population=rng.randint(50_000, 900_000),
                is_sample=True,
            ),
        ],
        [{"name": f"Kabupaten Sintetis {index}"}, {"name": f"Synthetic City {index}"}],
    )
    (partnership,) = _bulk(
        Partnership,
        [
            Partnership(
                slug=f"synthetic-{index}",
                kind="sister_city",
                is_sample=True,
                started_on=dt.date(2025, 1, 1),
            )
        ],
        [{"name": f"Kerja sama sintetis {index}"}],
    )
    partnership.municipalities.set([regency, city])
    partnership.pillars.set(pillars)
    PartnershipTrack.objects.bulk_create(
        PartnershipTrack(partnership=partnership, track=t, current_stage=t.stages.all()[0])
        for t in tracks
    )
    return partnership


def _seed_programmes(partnership: Partnership, pillars) -> list[m.Programme]:
    return _bulk(
        m.Programme,
        [
            m.Programme(
                partnership=partnership,
                pillar=pillars[i % len(pillars)],
                code=f"programme-{i}",
                is_public=True,
                is_sample=True,
            )
            for i in range(5)
        ],
        [{"title": f"Program {i}"} for i in range(5)],
    )


def _seed_results_chain(programmes: list[m.Programme]) -> list[m.Indicator]:
    """10 activities per programme, one output result each, 3 indicators per result."""
    activities = _bulk(
        m.Activity,
        [
            m.Activity(
                programme=p,
                code=f"activity-{j}",
                status=c.ActivityStatus.IMPLEMENTATION,
                planned_start=dt.date(2026, 1, 1),
                planned_end=dt.date(2026, 12, 31),
            )
            for p in programmes
            for j in range(10)
        ],
        [{"title": f"Kegiatan {j}"} for _ in programmes for j in range(10)],
    )
    results = _bulk(
        m.Result,
        [
            m.Result(
                programme=a.programme,
                activity=a,
                result_type=c.ResultType.OUTPUT,
                status=c.ResultStatus.IN_PROGRESS,
            )
            for a in activities
        ],
        [{"title": "Hasil"} for _ in activities],
    )
    return _bulk(
        m.Indicator,
        [
            m.Indicator(
                result=r,
                code=f"{r.programme.code}-{r.activity.code}-{k}",
                measure=c.IndicatorMeasure.UNIT,
                baseline_value=D(0),
            )
            for r in results
            for k in range(3)
        ],
        [{"title": f"Indikator {k}"} for _ in results for k in range(3)],
    )


def _seed_progress(indicators: list[m.Indicator], rng: random.Random, author) -> None:
    """A target per quarter on every indicator, and an update on every other period."""
    periods = m.Period.objects.bulk_create(
        m.Period(indicator=i, start=s, end=e, target_value=D(rng.randint(10, 100)))
        for i in indicators
        for s, e in QUARTERS
    )
    now = timezone.now()
    m.IndicatorUpdate.objects.bulk_create(
        m.IndicatorUpdate(
            period=p,
            value=D(rng.randint(0, 100)),
            author=author,
            status=rng.choice([c.UpdateStatus.APPROVED, c.UpdateStatus.SUBMITTED]),
            submitted_at=now,
            reviewed_at=now,
        )
        for p in periods[::2]
    )


def _seed_money(programmes: list[m.Programme], rng: random.Random) -> None:
    """Budget lines on both sides, and one transaction of each kind, per programme."""
    m.BudgetLine.objects.bulk_create(
        m.BudgetLine(
            programme=p, source=source, side=side, year=2026, amount=amount, currency=currency
        )
        for p in programmes
        for source, side, amount, currency in (
            (c.FundingSource.APBD, c.Side.INDONESIA, D(rng.randint(1, 9) * 100_000_000), "IDR"),
            (c.FundingSource.JP_MUNICIPAL, c.Side.JAPAN, D(rng.randint(1, 9) * 1_000_000), "JPY"),
        )
    )
    m.Transaction.objects.bulk_create(
        m.Transaction(
            programme=p,
            kind=kind,
            source=c.FundingSource.APBD,
            side=c.Side.INDONESIA,
            on=dt.date(2026, 6, 1),
            amount=D(rng.randint(1, 5) * 10_000_000),
            currency="IDR",
        )
        for p in programmes
        for kind in c.TransactionType.values
    )


def _seed_meetings(partnership: Partnership, rng: random.Random) -> None:
    """Four meetings with three action items each."""
    meetings = _bulk(
        m.Meeting,
        [
            m.Meeting(
                partnership=partnership,
                kind=c.MeetingKind.ONLINE,
                held_on=dt.date(2026, rng.randint(1, 11), 1),
            )
            for _ in range(4)
        ],
        [{"title": "Rapat"} for _ in range(4)],
    )
    m.ActionItem.objects.bulk_create(
        m.ActionItem(
            meeting=meeting,
            description="Tindak lanjut",
            due_on=dt.date(2026, rng.randint(1, 12), 1),
        )
        for meeting in meetings
        for _ in range(3)
    )


def seed(count: int, *, seed: int = 1, progress=None) -> int:
    """Add synthetic partnerships until ``count`` exist; returns how many were added."""
    from sistercity.accounts.models import User

    rng = random.Random(seed)
    pillars = list(Pillar.objects.order_by("position"))
    tracks = list(Track.objects.filter(subject=AGREEMENT).prefetch_related("stages"))
    author = User.objects.filter(is_superuser=True).first() or User.objects.first()
    existing = Partnership.objects.filter(slug__startswith="synthetic-").count()
    for index in range(existing, count):
        seed_partnership(index, rng=rng, pillars=pillars, tracks=tracks, author=author)
        if progress and (index + 1) % 50 == 0:
            progress(index + 1)
    if count > existing:
        # Bulk loads leave the planner's statistics stale until autovacuum passes; without
        # them PostgreSQL picks sequential scans over the new rows (seen: 0.6 s instead of
        # 1 ms for a dashboard query at 1,000 partnerships).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return max(0, count - existing)
