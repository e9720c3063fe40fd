"""The foreign-grant procedure of a donated truck runs on the agreement's lifecycle machinery:
its steps are a track of the partnerships app that declare documents; advancing refuses naming
what is missing; only the receiving (Indonesian) side moves it."""

import pytest
from django.http import Http404

from sistercity.core.errors import SisterCityError
from sistercity.emergency import grant_data
from sistercity.emergency.choices import VehicleStatus
from sistercity.emergency.models import GrantTransition
from sistercity.emergency.services import grants
from sistercity.partnerships import procedure
from sistercity.partnerships.models import DocumentType, Stage, StageRequirement, Track
from sistercity.testing import db_snapshot


def test_the_demo_truck_waits_at_customs(truck_at_customs):
    assert truck_at_customs.grant.current_step == "customs"
    assert truck_at_customs.status == VehicleStatus.AWAITING_HANDOVER


def test_advancing_without_the_customs_document_is_refused_naming_it(sari, truck_at_customs):
    grant = truck_at_customs.grant
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant)
    assert refused.value.code == "requirements_missing"
    assert "Bea Cukai" in str(refused.value) or "customs" in str(refused.value).lower()
    assert db_snapshot() == before


def test_with_the_customs_document_the_truck_moves_to_shipment(sari, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    grants.grant_attach_document(
        actor=sari, grant=grant, kind="customs_facility", file=pdf(), reference="KEP-001"
    )
    transition = grants.grant_advance(actor=sari, grant=grant, to_step="shipment")
    grant.refresh_from_db()
    assert grant.current_step == "shipment"
    assert (transition.from_stage.code, transition.to_stage.code) == ("customs", "shipment")


def test_steps_cannot_be_skipped(sari, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    grants.grant_attach_document(actor=sari, grant=grant, kind="customs_facility", file=pdf())
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant, to_step="inspection")
    assert refused.value.code == "stage_jump"


def test_only_the_receiving_side_moves_the_procedure(yamada, agus, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    # The donor's officer and the fire service attach documents …
    grants.grant_attach_document(actor=yamada, grant=grant, kind="customs_facility", file=pdf())
    # … but only the receiving side (its secretariat) moves the procedure.
    for actor in (yamada, agus):
        with pytest.raises(SisterCityError) as refused:
            grants.grant_advance(actor=actor, grant=grant)
        assert refused.value.status == 403


def test_outsiders_get_404(otto, truck_at_customs, pdf):
    with pytest.raises(Http404):
        grants.grant_advance(actor=otto, grant=truck_at_customs.grant)
    with pytest.raises(Http404):
        grants.grant_attach_document(
            actor=otto, grant=truck_at_customs.grant, kind="grant_other", file=pdf()
        )


def test_observer_cannot_attach(observer, truck_at_customs, pdf):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        grants.grant_attach_document(
            actor=observer, grant=truck_at_customs.grant, kind="grant_other", file=pdf()
        )
    assert refused.value.status == 403
    assert db_snapshot() == before


def test_the_whole_procedure_puts_the_truck_in_service(sari, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    vehicle = truck_at_customs
    while grant.completed_at is None:
        for requirement in procedure.stage_requirements(grant.current_stage):
            grants.grant_attach_document(
                actor=sari, grant=grant, kind=requirement.document_type.code, file=pdf()
            )
        grants.grant_advance(actor=sari, grant=grant)
        grant.refresh_from_db()
    vehicle.refresh_from_db()
    assert vehicle.status == VehicleStatus.IN_SERVICE
    assert GrantTransition.objects.filter(grant=grant, direction="complete").count() == 1
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant)
    assert refused.value.code == "complete"


def test_the_steps_are_a_track_of_the_lifecycle_and_not_an_agreement_track(partnership):
    track = Track.objects.get(code=grant_data.TRACK_CODE)
    assert track.subject == grant_data.SUBJECT
    assert list(track.stages.order_by("position").values_list("code", flat=True)) == [
        "offer",
        "acceptance",
        "central_registration",
        "customs",
        "shipment",
        "inspection",
        "registration",
        "handover",
        "asset_register",
    ]
    # Every step declares its documents …
    assert all(stage.requirements.exists() for stage in track.stages.all())
    # … and no partnership runs the grant track as one of its agreement tracks.
    assert not partnership.tracks.filter(track=track).exists()


def test_a_document_the_admin_adds_to_a_step_is_asked_for(sari, truck_at_customs, pdf):
    """The steps are data: a requirement added in the admin is enforced with no code change."""
    grant = truck_at_customs.grant
    customs = Stage.objects.get(track__code=grant_data.TRACK_CODE, code="customs")
    extra = StageRequirement.objects.create(
        stage=customs,
        kind="document",
        code="bill-in-advance",
        document_type=DocumentType.objects.get(code="bill_of_lading"),
    )
    extra.set_current_language("en")
    extra.label = "the advance bill of lading"
    extra.save()
    grants.grant_attach_document(actor=sari, grant=grant, kind="customs_facility", file=pdf())
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant)
    assert "advance bill of lading" in str(refused.value)
    grants.grant_attach_document(actor=sari, grant=grant, kind="bill_of_lading", file=pdf())
    grants.grant_advance(actor=sari, grant=grant)


def test_an_agreement_document_type_is_not_a_grant_document(sari, truck_at_customs, pdf):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        grants.grant_attach_document(
            actor=sari, grant=truck_at_customs.grant, kind="mou", file=pdf()
        )
    assert refused.value.code == "kind"
    assert db_snapshot() == before


def test_a_procured_vehicle_has_no_grant_procedure(sari, partnership):
    vehicle = partnership.fire_vehicles.get(code="DMK-01")
    with pytest.raises(SisterCityError) as refused:
        grants.grant_start(actor=sari, vehicle=vehicle)
    assert refused.value.code == "not_donated"


def test_a_file_that_is_not_a_document_is_refused(sari, truck_at_customs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        grants.grant_attach_document(
            actor=sari,
            grant=truck_at_customs.grant,
            kind="customs_facility",
            file=SimpleUploadedFile("x.pdf", b"<script>alert(1)</script>"),
        )
    assert refused.value.code == "file_type"
    assert db_snapshot() == before
    assert not truck_at_customs.grant.documents.filter(
        document_type__code="customs_facility"
    ).exists()
