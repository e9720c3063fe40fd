"""The investment app's models: what Batang offers (opportunities), the investor pipeline, and
technology-transfer projects."""

from sistercity.investment.models.opportunities import (
    Incentive,
    Opportunity,
    PartnerProject,
    TargetSector,
)
from sistercity.investment.models.pipeline import (
    Company,
    CompanyContact,
    Delegation,
    Lead,
    LeadDocument,
    Realisation,
    StageMove,
)
from sistercity.investment.models.techtransfer import (
    Milestone,
    TechDocument,
    TechOutput,
    TechTransferProject,
    Trainee,
)

__all__ = [
    "Company",
    "CompanyContact",
    "Delegation",
    "Incentive",
    "Lead",
    "LeadDocument",
    "Milestone",
    "Opportunity",
    "PartnerProject",
    "Realisation",
    "StageMove",
    "TargetSector",
    "TechDocument",
    "TechOutput",
    "TechTransferProject",
    "Trainee",
]
