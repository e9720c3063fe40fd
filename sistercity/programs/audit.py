"""Change logging for the results framework: every object of a programme, its money and its
meetings shows on the partnership's History tab (``PartnershipScoped.get_additional_data``)."""

from sistercity.core.audit import register
from sistercity.programs import models as m

for model in (
    m.Clause,
    m.ActionPlanItem,
    m.Activity,
    m.Result,
    m.Indicator,
    m.Period,
    m.IndicatorUpdate,
    m.BudgetLine,
    m.Transaction,
    m.Meeting,
    m.ActionItem,
):
    register(model)
register(m.Programme, m2m_fields={"plan_items", "lead_agencies"})
