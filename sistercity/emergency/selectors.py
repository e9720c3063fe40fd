"""Reads of the emergency app; every function returns only what the user may see."""

from django.db.models import Prefetch

from sistercity.core.access import Action
from sistercity.emergency import grant_data
from sistercity.emergency.models import (
    CoverageScenario,
    FirePost,
    GrantDocument,
    Incident,
    Vehicle,
    VehicleGrant,
    VehicleStatusChange,
    Village,
)
from sistercity.partnerships import procedure
from sistercity.partnerships.models import DocumentType, Stage


def post_list(*, user, partnership, action: str = Action.VIEW):
    return FirePost.objects.for_user(user, action).filter(partnership=partnership)


def vehicle_list(*, user, partnership, action: str = Action.VIEW):
    return (
        Vehicle.objects.for_user(user, action)
        .filter(partnership=partnership)
        .select_related("post", "grant__current_stage")
        .prefetch_related("grant__current_stage__translations")
    )


def vehicle_detail_history(vehicle: Vehicle):
    return VehicleStatusChange.objects.filter(vehicle=vehicle).select_related("actor")


def grant_list(*, user, partnership, action: str = Action.VIEW):
    return (
        VehicleGrant.objects.for_user(user, action)
        .filter(vehicle__partnership=partnership)
        .select_related("vehicle")
        .prefetch_related(Prefetch("documents", queryset=GrantDocument.objects.order_by("pk")))
    )


def village_list(*, user, partnership, action: str = Action.VIEW):
    return Village.objects.for_user(user, action).filter(partnership=partnership)


def incident_list(*, user, partnership, action: str = Action.VIEW):
    return Incident.objects.for_user(user, action).filter(partnership=partnership)


def scenario_list(*, user, partnership, action: str = Action.VIEW):
    return (
        CoverageScenario.objects.for_user(user, action)
        .filter(partnership=partnership)
        .select_related("created_by")
    )


def grant_requirement_statuses(grant: VehicleGrant) -> list[procedure.RequirementStatus]:
    """What the grant's current step asks for, and whether each item is there: the lifecycle
    machinery's check, over the documents attached to this vehicle's procedure."""
    documents = GrantDocument.objects.filter(grant=grant)
    evidence = procedure.Evidence(
        documents=frozenset(documents.values_list("document_type_id", flat=True)),
        signed_documents=frozenset(
            documents.filter(dated_on__isnull=False).values_list("document_type_id", flat=True)
        ),
    )
    return procedure.requirement_statuses(
        procedure.stage_requirements(grant.current_stage), evidence
    )


def grant_steps(grant: VehicleGrant) -> list[dict]:
    """Every step of the procedure with whether it is done, current or to come."""
    current = grant.current_stage
    stages = Stage.objects.filter(track_id=current.track_id).prefetch_related("translations")
    rows = []
    for stage in stages.order_by("position"):
        if grant.completed_at is not None or stage.position < current.position:
            state = "done"
        elif stage.pk == current.pk:
            state = "current"
        else:
            state = "todo"
        rows.append({"step": stage, "state": state})
    return rows


def grant_document_types():
    """The kinds of document a grant procedure takes, in order."""
    return DocumentType.objects.filter(subject=grant_data.SUBJECT).prefetch_related("translations")
