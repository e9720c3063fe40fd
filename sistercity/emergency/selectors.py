"""Reads of the emergency app; every function returns only what the user may see."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from sistercity.core.access import Action
from sistercity.emergency import grant_procedure
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


def post_list(*, user, partnership, action: str = Action.VIEW):
    return FirePost.objects.for_user(user, action).filter(partnership=partnership)


def vehicle_list(*, user, partnership, action: str = Action.VIEW):
    return (
        Vehicle.objects.for_user(user, action)
        .filter(partnership=partnership)
        .select_related("post", "grant")
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


@dataclass(frozen=True)
class RequirementStatus:
    requirement: grant_procedure.Requirement
    met: bool


def grant_requirement_statuses(grant: VehicleGrant) -> list[RequirementStatus]:
    """What the grant's current step asks for, and whether each item is there."""
    kinds = set(GrantDocument.objects.filter(grant=grant).values_list("kind", flat=True))
    statuses = []
    for requirement in grant.step.requirements:
        if requirement.kind == "document":
            met = requirement.document in kinds
        else:
            met = bool(str(getattr(grant.vehicle, requirement.field) or "").strip())
        statuses.append(RequirementStatus(requirement, met))
    return statuses


def grant_steps(grant: VehicleGrant) -> list[dict]:
    """Every step of the procedure with whether it is done, current or to come."""
    position = grant_procedure.STEP_CODES.index(grant.current_step)
    rows = []
    for index, step in enumerate(grant_procedure.STEPS):
        if grant.completed_at is not None or index < position:
            state = "done"
        elif index == position:
            state = "current"
        else:
            state = "todo"
        rows.append({"step": step, "state": state})
    return rows


def documents_by_kind(grant: VehicleGrant) -> dict[str, list[GrantDocument]]:
    grouped: dict[str, list[GrantDocument]] = defaultdict(list)
    for document in grant.documents.all():
        grouped[document.kind].append(document)
    return grouped
