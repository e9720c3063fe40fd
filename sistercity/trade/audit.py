"""Change logging for the trade app; product texts and rule texts show on the History tab."""

from sistercity.core.audit import register
from sistercity.trade import models as m

register(m.Product, translations=True)
register(m.ExportRule, translations=True)
register(m.MentoringProgramme, translations=True)
for model in (
    m.Enterprise,
    m.EnterprisePhoto,
    m.Ingredient,
    m.LabReport,
    m.Permit,
    m.Buyer,
    m.Inquiry,
    m.Lead,
    m.Message,
    m.Order,
    m.MentoringSession,
    m.TradeEvent,
):
    register(model)
