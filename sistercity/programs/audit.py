"""Change logging for the results framework: every object of a programme, its money and its
meetings shows on the partnership's History tab (``PartnershipScoped.get_additional_data``)."""

from sistercity.core.audit import register
from sistercity.programs import models as m

# Titles, descriptions and minutes live in parler translation rows: logged with their object.
for model in (m.Clause, m.ActionPlanItem, m.Activity, m.Result, m.Indicator):
    register(model, translations=True)
register(m.Programme, translations=True, m2m_fields={"plan_items", "lead_agencies"})
register(m.Meeting, translations=True, m2m_fields={"participants"})
for plain_model in (
    m.Period,
    m.IndicatorUpdate,
    m.BudgetLine,
    m.Transaction,
    m.ActionItem,
    m.Location,
    m.ParticipatingOrganisation,
    m.ExchangeRate,
):
    register(plain_model)
