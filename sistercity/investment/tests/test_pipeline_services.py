"""The pipeline's rules: stage moves refused with what is missing, bad input refused in words
with nothing saved, moves recorded with who and when."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.investment import choices as c
from sistercity.investment import services
from sistercity.investment.models import Incentive, StageMove
from sistercity.testing import db_snapshot, pdf_upload

pytestmark = pytest.mark.django_db

APPS = ("investment", "accounts", "auditlog")


def refused(call, **kwargs):
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as error:
        call(**kwargs)
    assert db_snapshot(*APPS) == before
    return error.value


def test_letter_of_intent_is_refused_until_the_document_is_attached(andi, leads):
    lead = leads["pharma"]  # at site visit, no LoI yet
    error = refused(services.lead_advance, actor=andi, lead=lead, stage=c.Stage.LETTER_OF_INTENT)
    assert error.code == "missing_evidence"
    assert "dokumen surat minat (LoI) dilampirkan" in str(error)
    services.document_attach(actor=andi, lead=lead, kind=c.DocumentKind.LOI, file=pdf_upload())
    services.lead_advance(actor=andi, lead=lead, stage=c.Stage.LETTER_OF_INTENT, note="signed")
    move = StageMove.objects.filter(lead=lead).first()
    assert (move.from_stage, move.to_stage, move.moved_by) == (
        "site_visit",
        "letter_of_intent",
        andi,
    )
    assert move.moved_at is not None


def test_a_jump_names_everything_missing_in_the_users_language(andi, partnership, demo):
    lead = services.lead_create(actor=andi, partnership=partnership, title="Cold lead", owner=andi)
    with translation.override("ja"):
        error = refused(services.lead_advance, actor=andi, lead=lead, stage=c.Stage.LICENSING)
        message = str(error)
    assert "意向書" in message and "NIB" in message
    with translation.override("id"):
        error = refused(services.lead_advance, actor=andi, lead=lead, stage=c.Stage.CONTACTED)
        assert "perusahaan" in str(error)


def test_dropping_needs_a_reason(andi, leads):
    error = refused(services.lead_advance, actor=andi, lead=leads["pharma"], stage=c.Stage.DROPPED)
    assert error.code == "reason_required"
    services.lead_advance(
        actor=andi, lead=leads["pharma"], stage=c.Stage.DROPPED, reason="Chose Vietnam"
    )
    assert leads["pharma"].dropped_reason == "Chose Vietnam"


@pytest.mark.parametrize(
    "amount, currency, code",
    [
        (Decimal("-1"), "JPY", "negative_amount"),
        (Decimal("20000000000000"), "JPY", "absurd_amount"),
        (Decimal("500000000000"), "USD", "absurd_amount"),
    ],
)
def test_negative_or_absurd_amounts_are_refused(andi, partnership, demo, amount, currency, code):
    error = refused(
        services.lead_create,
        actor=andi,
        partnership=partnership,
        title="Bad amount",
        owner=andi,
        expected_investment=amount,
        currency=currency,
    )
    assert error.code == code


def realisation(lead, **overrides):
    values = dict(
        lead=lead,
        year=2026,
        quarter=3,
        currency="IDR",
        land=Decimal(0),
        building=Decimal(0),
        machinery=Decimal("1000000000"),
        other_fixed=Decimal(0),
        working_capital=Decimal(0),
        local_men=10,
        local_women=5,
        local_total=15,
        expatriates=1,
        today=dt.date(2026, 12, 1),
    )
    values.update(overrides)
    return values


def test_realised_investment_is_recorded_once_per_quarter(andi, leads):
    record = services.realisation_record(actor=andi, **realisation(leads["resin"]))
    assert record.total == Decimal("1000000000") and record.jobs == 16
    error = refused(services.realisation_record, actor=andi, **realisation(leads["resin"]))
    assert error.code == "duplicate_quarter"


@pytest.mark.parametrize(
    "overrides, code, words",
    [
        ({"local_women": 6}, "jobs_total", "= 16"),
        ({"year": 2027, "quarter": 1}, "future_quarter", "Triwulan 1 tahun 2027"),
        ({"machinery": Decimal("-5")}, "negative_amount", ""),
        ({"currency": "USD", "machinery": Decimal("200000000000")}, "absurd_amount", "USD"),
        ({"currency": "JPY"}, "currency", ""),
        ({"quarter": 5}, "quarter", ""),
    ],
)
def test_bad_realisations_are_refused(andi, leads, overrides, code, words):
    error = refused(
        services.realisation_record, actor=andi, **realisation(leads["resin"], **overrides)
    )
    assert error.code == code
    assert words in str(error)


def test_realisation_waits_for_the_letter_of_intent(andi, leads):
    error = refused(services.realisation_record, actor=andi, **realisation(leads["pharma"]))
    assert error.code == "stage"


def test_an_expired_incentive_cannot_be_offered_on_a_new_opportunity(andi, partnership):
    expired = Incentive.objects.get(partnership=partnership, code="tax-holiday-2020")
    error = refused(
        services.opportunity_create,
        actor=andi,
        partnership=partnership,
        code="kitb-new",
        kind=c.OpportunityKind.PLOT,
        name="New plot",
        estate="KITB",
        area_m2=Decimal("1000"),
        zoning=c.Zoning.INDUSTRIAL,
        tenure=c.Tenure.SALE,
        price_per_m2=Decimal("2000000"),
        currency="IDR",
        owner=andi,
        incentives=[expired],
    )
    assert error.code == "incentive_expired"
    assert "31" in str(error) and "2025" in str(error)


def test_members_without_the_pillar_are_refused_and_outsiders_get_404(
    budi, observer, otto, partnership, leads
):
    # The DLH officer and the observer see the partnership but not its dossiers.
    for member in (budi, observer):
        error = refused(
            services.lead_create, actor=member, partnership=partnership, title="x", owner=member
        )
        assert error.status == 403 and "dinas penanaman modal" in str(error)
        with pytest.raises(Http404):
            services.lead_advance(actor=member, lead=leads["pharma"], stage="letter_of_intent")
    with pytest.raises(Http404):
        services.lead_advance(actor=otto, lead=leads["pharma"], stage="letter_of_intent")


def test_a_delegation_cannot_leave_before_it_arrives(andi, partnership):
    error = refused(
        services.delegation_record,
        actor=andi,
        partnership=partnership,
        title="Backwards",
        arrived_on=dt.date(2026, 11, 10),
        departed_on=dt.date(2026, 11, 9),
        visitors="Someone",
    )
    assert error.code == "dates"


def test_markup_is_refused(andi, partnership):
    error = refused(
        services.lead_create,
        actor=andi,
        partnership=partnership,
        title="<script>alert(1)</script>",
        owner=andi,
    )
    assert "markup" in str(error) or "HTML" in str(error)


def test_a_delegation_belongs_to_the_partnerships_meeting_and_shows_which_loi_it_produced(
    client_for, andi, partnership, leads
):
    from sistercity.programs.models import Meeting

    meeting = Meeting.objects.filter(partnership=partnership).first()
    delegation = services.delegation_record(
        actor=andi,
        partnership=partnership,
        title="Kunjungan balasan",
        arrived_on=dt.date(2026, 11, 20),
        departed_on=dt.date(2026, 11, 21),
        visitors="Tim Sample Etchu Pharma",
        leads=[leads["pharma"]],
        meeting=meeting,
    )
    services.document_attach(
        actor=andi,
        lead=leads["pharma"],
        kind=c.DocumentKind.LOI,
        file=pdf_upload("loi.pdf"),
        delegation=delegation,
    )
    page = client_for(andi).get(f"/id/investment/{partnership.slug}/delegations/").content.decode()
    row = page[page.index("Kunjungan balasan") :].split("</tr>")[0]
    assert "Pabrik obat generik di KITB" in row  # the LoI it produced
    assert str(meeting) in row
