"""Writes for programmes, results, budgets and meetings. Rules live here.

One module per part of the results framework; every service is importable from here
(``from sistercity.programs import services; services.update_approve(...)``).
"""

from typing import Any

from sistercity.accounts.models import User
from sistercity.core.access import Action, access_for
from sistercity.programs.services.agreement import clause_create, plan_item_create
from sistercity.programs.services.meetings import (
    action_item_add,
    action_item_set_status,
    meeting_create,
)
from sistercity.programs.services.programmes import (
    activity_add_location,
    activity_add_participant,
    activity_create,
    budget_line_add,
    indicator_create,
    period_create,
    programme_create,
    result_create,
    transaction_add,
)
from sistercity.programs.services.updates import (
    indicator_feed,
    period_lock,
    update_approve,
    update_create,
    update_return,
    update_revise,
    update_submit,
)


# Kept for the spreadsheet import (``programs.tabular``) until it asks ``core.access`` itself.
def agency_officer_pillars(user: User, partnership: Any) -> set[int]:
    """The pillars the user changes one by one (an agency officer's), not through a role
    covering every pillar."""
    return access_for(user, partnership).pillar_ids(Action.CHANGE)


def can_edit_pillar(user: User, partnership: Any, pillar_id: int | None) -> bool:
    """The secretariat and partner officers edit every pillar; an agency officer his own."""
    return access_for(user, partnership).can(Action.CHANGE, pillar=pillar_id)


__all__ = [
    "action_item_add",
    "action_item_set_status",
    "activity_add_location",
    "activity_add_participant",
    "activity_create",
    "agency_officer_pillars",
    "budget_line_add",
    "can_edit_pillar",
    "clause_create",
    "indicator_create",
    "indicator_feed",
    "meeting_create",
    "period_create",
    "period_lock",
    "plan_item_create",
    "programme_create",
    "result_create",
    "transaction_add",
    "update_approve",
    "update_create",
    "update_return",
    "update_revise",
    "update_submit",
]
