from auditlog.registry import auditlog

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
    auditlog.register(model)
auditlog.register(m.Programme, m2m_fields={"plan_items", "lead_agencies"})
