"""The agreement lifecycle: advancing, refusing with what is missing, sending back, approvals."""

import datetime as dt

import pytest
from django.http import Http404
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.partnerships import services
from sistercity.partnerships.models import (
    DocumentType,
    PartnershipTrack,
    Pillar,
    Stage,
    StageRequirement,
    StageTransition,
)
from sistercity.testing import db_snapshot, pdf_upload

pytestmark = pytest.mark.django_db


def current(partnership, track="id-ksdpl"):
    return PartnershipTrack.objects.get(
        partnership=partnership, track__code=track
    ).current_stage.code


def put_at(partnership, stage_code, track="id-ksdpl"):
    """Place a track at a stage directly (test set-up for later stages)."""
    PartnershipTrack.objects.filter(partnership=partnership, track__code=track).update(
        current_stage=Stage.objects.get(track__code=track, code=stage_code)
    )


def upload(partnership, user, doc_type, signed=True):
    return services.document_upload(
        actor=user,
        partnership=partnership,
        document_type=DocumentType.objects.get(code=doc_type),
        title=f"{doc_type} document",
        language="id",
        signed_on=dt.date(2026, 11, 1) if signed else None,
        file=pdf_upload(),
    )


def test_demo_partnership_is_at_exploration_on_the_indonesian_track(partnership):
    assert current(partnership) == "exploration"
    assert current(partnership, "jp-clair") == "preparation"


def test_secretariat_advances_when_the_requirements_are_met(partnership, sari):
    transition = services.track_advance(
        actor=sari, partnership=partnership, track="id-ksdpl", note="LoI drafting starts"
    )
    assert current(partnership) == "loi"
    assert (transition.from_stage.code, transition.to_stage.code) == ("exploration", "loi")
    assert transition.actor == sari and transition.note == "LoI drafting starts"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("id", "Pernyataan Kehendak Kerja Sama yang ditandatangani"),
        ("ja", "意向書"),
        ("en", "Letter of Intent"),
    ],
)
def test_advancing_past_loi_without_a_signed_loi_names_what_is_missing(
    partnership, sari, language, expected
):
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    before = db_snapshot()
    with translation.override(language), pytest.raises(SisterCityError) as refused:
        services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert refused.value.code == "requirements_missing"
    assert expected in str(refused.value)
    assert current(partnership) == "loi"
    assert db_snapshot() == before


def test_an_unsigned_loi_is_not_enough_but_a_signed_one_is(partnership, sari):
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    upload(partnership, sari, "loi", signed=False)
    with pytest.raises(SisterCityError):
        services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    upload(partnership, sari, "loi", signed=True)
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert current(partnership) == "plan"


def test_stages_cannot_be_skipped(partnership, sari):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.track_advance(
            actor=sari, partnership=partnership, track="id-ksdpl", to_stage="signing"
        )
    assert refused.value.code == "stage_jump"
    assert current(partnership) == "exploration"
    assert db_snapshot() == before


def test_the_last_stage_cannot_be_advanced(partnership, sari):
    put_at(partnership, "amendment")
    with pytest.raises(SisterCityError) as refused:
        services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert refused.value.code == "last_stage"


def test_send_back_needs_a_reason_and_keeps_it(partnership, sari):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.track_send_back(
            actor=sari, partnership=partnership, track="id-ksdpl", to_stage="mapping", reason=" "
        )
    assert refused.value.code == "reason_required"
    assert db_snapshot() == before
    transition = services.track_send_back(
        actor=sari,
        partnership=partnership,
        track="id-ksdpl",
        to_stage="initiative",
        reason="Initiative letter must be re-signed by the new Bupati",
    )
    assert current(partnership) == "initiative"
    assert transition.direction == "send_back"
    assert transition.note.startswith("Initiative letter")


def test_send_back_only_goes_to_an_earlier_stage(partnership, sari):
    with pytest.raises(SisterCityError) as refused:
        services.track_send_back(
            actor=sari, partnership=partnership, track="id-ksdpl", to_stage="signing", reason="x"
        )
    assert refused.value.code == "not_earlier"


def test_partner_officer_cannot_move_the_indonesian_track(partnership, yamada):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.track_advance(actor=yamada, partnership=partnership, track="id-ksdpl")
    assert refused.value.code == "wrong_side" and refused.value.status == 403
    assert db_snapshot() == before


def test_partner_officer_cannot_approve_dprd_stage(partnership, sari, yamada):
    put_at(partnership, "dprd")
    requirement = StageRequirement.objects.get(code="dprd-approval")
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.approval_record(actor=yamada, partnership=partnership, requirement=requirement)
    assert refused.value.code == "wrong_role"
    assert db_snapshot() == before
    services.approval_record(
        actor=sari, partnership=partnership, requirement=requirement, note="SK DPRD 12/2027"
    )
    upload(partnership, sari, "dprd_decision")
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert current(partnership) == "central"


def test_approval_of_another_stage_is_refused(partnership, sari):
    requirement = StageRequirement.objects.get(code="dprd-approval")
    with pytest.raises(SisterCityError) as refused:
        services.approval_record(actor=sari, partnership=partnership, requirement=requirement)
    assert refused.value.code == "wrong_stage"


def test_agency_officer_and_observer_cannot_advance(partnership, budi, observer):
    for user in (budi, observer):
        with pytest.raises(SisterCityError) as refused:
            services.track_advance(actor=user, partnership=partnership, track="id-ksdpl")
        assert refused.value.status == 403


def test_applicant_and_outsider_get_404(partnership, dewi, otto):
    for user in (dewi, otto):
        with pytest.raises(Http404):
            services.track_advance(actor=user, partnership=partnership, track="id-ksdpl")


def test_japanese_track_follows_clair_conditions(partnership, yamada, sari):
    partnership.pillars.set(Pillar.objects.filter(code="environment"))
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.track_advance(actor=yamada, partnership=partnership, track="jp-clair")
    assert "more than one field" in str(refused.value)
    partnership.pillars.set(Pillar.objects.filter(code__in=["environment", "education"]))
    services.track_advance(actor=yamada, partnership=partnership, track="jp-clair")
    budget = StageRequirement.objects.get(code="assembly-budget")
    with pytest.raises(SisterCityError):  # the Indonesian secretariat cannot record it
        services.approval_record(actor=sari, partnership=partnership, requirement=budget)
    services.approval_record(actor=yamada, partnership=partnership, requirement=budget)
    services.track_advance(actor=yamada, partnership=partnership, track="jp-clair")
    assert current(partnership, "jp-clair") == "heads-signing"


def test_stage_requirements_are_data_the_admin_can_change(partnership, sari):
    """A region adds a step: a new requirement on the exploration stage blocks advancing."""
    stage = Stage.objects.get(track__code="id-ksdpl", code="exploration")
    extra = StageRequirement(
        stage=stage,
        kind="document",
        code="site-visit",
        document_type=DocumentType.objects.get(code="other"),
    )
    extra.set_current_language("en")
    extra.label = "Site visit report"
    extra.save()
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    assert "Site visit report" in str(refused.value)
    assert current(partnership) == "exploration"


def test_every_transition_is_kept_for_the_timeline(partnership, sari):
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    moves = list(
        StageTransition.objects.filter(
            partnership_track__partnership=partnership, partnership_track__track__code="id-ksdpl"
        ).values_list("direction", "to_stage__code")
    )
    assert moves == [
        ("start", "mapping"),
        ("advance", "initiative"),
        ("advance", "exploration"),
        ("advance", "loi"),
    ]
