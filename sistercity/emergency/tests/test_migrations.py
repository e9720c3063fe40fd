"""The move of the grant procedure onto the lifecycle machinery (migrations 0002-0005) carries a
grant recorded in the old shape, its moves and its documents, across. On PostgreSQL this also
proves the steps commit apart: altering a foreign key to ``partnerships_stage`` in the
transaction that seeded its rows fails there ("pending trigger events"), and .ci/run's
PostgreSQL pass runs this test."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sistercity.demo.data import load_demo
from sistercity.emergency import grant_data, models

BEFORE = [("emergency", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_grant_in_the_old_shape_lands_on_the_procedure_stages():
    demo = load_demo()
    # Going back re-adds the old required columns, which only an empty table accepts.
    models.VehicleGrant.objects.all().delete()
    latest = _leaf_nodes()
    old = _migrate(BEFORE)
    Vehicle = old.get_model("emergency", "Vehicle")
    VehicleGrant = old.get_model("emergency", "VehicleGrant")
    GrantTransition = old.get_model("emergency", "GrantTransition")
    GrantDocument = old.get_model("emergency", "GrantDocument")
    vehicle = Vehicle.objects.create(
        partnership_id=demo.partnership.pk,
        code="OLD-01",
        kind="pumper",
        origin="donated",
        donor="Toyama City",
        status="awaiting_handover",
    )
    grant = VehicleGrant.objects.create(
        vehicle=vehicle, donor="Toyama City", current_step="customs"
    )
    GrantTransition.objects.create(
        grant=grant, direction="advance", from_step="acceptance", to_step="central_registration"
    )
    GrantDocument.objects.create(
        grant=grant,
        kind="other",
        file="grants/old.pdf",
        original_name="old.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by_id=demo.users["sari"].pk,
    )

    new = _migrate(latest)

    grant = new.get_model("emergency", "VehicleGrant").objects.get(vehicle__code="OLD-01")
    assert grant.current_stage.code == "customs"
    assert grant.current_stage.track.code == grant_data.TRACK_CODE
    move = grant.transitions.get()
    assert (move.from_stage.code, move.to_stage.code) == ("acceptance", "central_registration")
    assert grant.documents.get().document_type.code == "grant_other"


def _leaf_nodes():
    executor = MigrationExecutor(connection)
    return [node for node in executor.loader.graph.leaf_nodes() if node[0] == "emergency"]
