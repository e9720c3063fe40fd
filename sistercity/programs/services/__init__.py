"""Writes for programmes, results, budgets and meetings. Rules live here.

One module per part of the results framework; every service is importable from here
(``from sistercity.programs import services; services.update_approve(...)``).
"""

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

__all__ = [
    "action_item_add",
    "action_item_set_status",
    "activity_add_location",
    "activity_add_participant",
    "activity_create",
    "budget_line_add",
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
