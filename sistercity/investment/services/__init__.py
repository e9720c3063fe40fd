"""The investment app's writes, by sub-domain; every one opens with ``core.access.require``
(through ``common.require_pipeline``) except the public enquiry and the scheduled reminder."""

from sistercity.investment.services.enquiries import enquiry_guard, enquiry_submit
from sistercity.investment.services.opportunities import (
    incentive_create,
    incentive_update,
    opportunity_create,
    opportunity_update,
    project_create,
    project_update,
    sector_create,
    sector_update,
)
from sistercity.investment.services.pipeline import (
    company_create,
    contact_add,
    delegation_record,
    document_attach,
    lead_advance,
    lead_create,
    lead_plan,
)
from sistercity.investment.services.realisation import realisation_correct, realisation_record
from sistercity.investment.services.reminders import next_step_reminders_send
from sistercity.investment.services.stages import missing_for
from sistercity.investment.services.techtransfer import (
    milestone_add,
    milestone_done,
    output_record,
    techdocument_attach,
    techproject_create,
    techproject_update,
    trainee_add,
)

__all__ = [
    "company_create",
    "contact_add",
    "delegation_record",
    "document_attach",
    "enquiry_guard",
    "enquiry_submit",
    "incentive_create",
    "incentive_update",
    "lead_advance",
    "lead_create",
    "lead_plan",
    "milestone_add",
    "milestone_done",
    "missing_for",
    "next_step_reminders_send",
    "opportunity_create",
    "opportunity_update",
    "output_record",
    "project_create",
    "project_update",
    "realisation_correct",
    "realisation_record",
    "sector_create",
    "sector_update",
    "techdocument_attach",
    "techproject_create",
    "techproject_update",
    "trainee_add",
]
