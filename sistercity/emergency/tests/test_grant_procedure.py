"""The foreign-grant procedure of a donated truck: steps declare documents; advancing refuses
naming what is missing; only the regency's secretariat moves it."""

import pytest
from django.http import Http404

from sistercity.core.errors import SisterCityError
from sistercity.emergency import grant_procedure
from sistercity.emergency.choices import VehicleStatus
from sistercity.emergency.models import GrantTransition
from sistercity.emergency.services import fleet, grants
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
    assert (transition.from_step, transition.to_step) == ("customs", "shipment")


def test_steps_cannot_be_skipped(sari, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    grants.grant_attach_document(actor=sari, grant=grant, kind="customs_facility", file=pdf())
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant, to_step="inspection")
    assert refused.value.code == "step_jump"


def test_only_the_regency_secretariat_moves_the_procedure(yamada, agus, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    # The donor's officer and the fire service attach documents …
    grants.grant_attach_document(actor=yamada, grant=grant, kind="customs_facility", file=pdf())
    # … but only the receiving regency's secretariat moves the procedure.
    for actor in (yamada, agus):
        with pytest.raises(SisterCityError) as refused:
            grants.grant_advance(actor=actor, grant=grant)
        assert refused.value.status == 403


def test_outsiders_get_404(otto, truck_at_customs, pdf):
    with pytest.raises(Http404):
        grants.grant_advance(actor=otto, grant=truck_at_customs.grant)
    with pytest.raises(Http404):
        grants.grant_attach_document(
            actor=otto, grant=truck_at_customs.grant, kind="other", file=pdf()
        )


def test_observer_cannot_attach(observer, truck_at_customs, pdf):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        grants.grant_attach_document(
            actor=observer, grant=truck_at_customs.grant, kind="other", file=pdf()
        )
    assert refused.value.status == 403
    assert db_snapshot() == before


def test_the_whole_procedure_puts_the_truck_in_service(sari, truck_at_customs, pdf):
    grant = truck_at_customs.grant
    vehicle = truck_at_customs
    while grant.completed_at is None:
        for requirement in grant.step.requirements:
            if requirement.kind == "document":
                grants.grant_attach_document(
                    actor=sari, grant=grant, kind=requirement.document, file=pdf()
                )
            elif requirement.field == "registration":
                fleet.vehicle_update(actor=sari, vehicle=vehicle, registration="g 9101 b")
            else:
                fleet.vehicle_update(actor=sari, vehicle=vehicle, asset_number="BMD-02.03.01-7")
        grants.grant_advance(actor=sari, grant=grant)
        grant.refresh_from_db()
    vehicle.refresh_from_db()
    assert vehicle.status == VehicleStatus.IN_SERVICE
    assert vehicle.registration == "G 9101 B"
    assert GrantTransition.objects.filter(grant=grant, direction="complete").count() == 1
    with pytest.raises(SisterCityError):
        grants.grant_advance(actor=sari, grant=grant)


def test_registration_step_also_needs_the_number(sari, partnership, pdf):
    vehicle = partnership.fire_vehicles.get(code="TYM-02")
    grant = vehicle.grant
    grants.grant_attach_document(actor=sari, grant=grant, kind="inspection_report", file=pdf())
    grants.grant_advance(actor=sari, grant=grant)
    grants.grant_attach_document(actor=sari, grant=grant, kind="vehicle_registration", file=pdf())
    with pytest.raises(SisterCityError) as refused:
        grants.grant_advance(actor=sari, grant=grant)
    assert str(grant_procedure.step("registration").requirements[1].label) in str(refused.value)


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
    assert not truck_at_customs.grant.documents.filter(kind="customs_facility").exists()
