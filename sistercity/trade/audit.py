"""Change logging for the trade app; product texts and rule texts show on the History tab."""

from sistercity.core.audit import register
from sistercity.trade import models as m

register(m.Product, translations=True)
register(m.ExportRule, translations=True)
register(m.MentoringProgramme, translations=True)
for model in (
    m.ReadinessRecord,
    m.Enterprise,
    m.EnterprisePhoto,
    m.ProductPhoto,
    m.Ingredient,
    m.LabReport,
    m.Inquiry,
    m.Lead,
    m.Message,
    m.Order,
    m.TradeEvent,
):
    register(model)
# Which products a permit covers, who speaks for a buyer, who attended: changes worth tracing.
register(m.Permit, m2m_fields={"products"})
register(m.Buyer, m2m_fields={"members"})
register(m.MentoringSession, m2m_fields={"attendees"})
