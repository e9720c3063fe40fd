"""Change logging for the investment app: every model users write, and the translations of
the translatable ones, show on the partnership's History tab. Reads of a confidential lead
are logged too (``selectors.lead_for_reading`` sends auditlog's ``accessed`` signal)."""

from sistercity.core.audit import register
from sistercity.investment import models as m

# Which sectors and incentives an offer carries, and which sites and leads a visit covered,
# are part of the record too.
register(m.Opportunity, translations=True, m2m_fields={"sectors", "incentives"})
register(m.PartnerProject, translations=True, m2m_fields={"sectors", "incentives"})
register(m.Delegation, translations=True, m2m_fields={"sites", "leads"})
for model in (
    m.TargetSector,
    m.Incentive,
    m.TechTransferProject,
    m.Milestone,
    m.TechOutput,
):
    register(model, translations=True)
for logged in (
    m.Company,
    m.CompanyContact,
    m.Lead,
    m.StageMove,
    m.LeadDocument,
    m.Realisation,
    m.Trainee,
    m.TechDocument,
):
    register(logged)
