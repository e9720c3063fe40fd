"""Open calls for exchange and internships: applications, review panels, hosts and placements,
allocation runs, offers, pre-departure readiness and what comes after return.

Every model is an object of a partnership (``core.models.PartnershipScoped``, the way to it in
``partnership_path``): that gives ``for_user`` and the History tab's link. A call is seen by its
partnership and by its panel; what concerns applicants is narrower (``models.applications``).
Published calls are public through the public selectors.
"""

from sistercity.exchange.models.applications import (
    Application,
    ApplicationFile,
    ApplicationRecord,
    FileAccess,
    HostRanking,
    Preference,
    ReviewAssignment,
    Score,
    StaffRecord,
    StatusChange,
    _file_path,
    secretariat_partnership_ids,
)
from sistercity.exchange.models.calls import (
    ApplicantProfile,
    Call,
    CallQuerySet,
    CallQuestion,
    Criterion,
    HostOrganisation,
    PanelMember,
    Placement,
    RequiredDocument,
)
from sistercity.exchange.models.participation import (
    AllocationRun,
    HostFeedback,
    Offer,
    ParticipantReport,
    Readiness,
    ReadinessReminder,
)

__all__ = [
    "AllocationRun",
    "ApplicantProfile",
    "Application",
    "ApplicationFile",
    "ApplicationRecord",
    "Call",
    "CallQuerySet",
    "CallQuestion",
    "Criterion",
    "FileAccess",
    "HostFeedback",
    "HostOrganisation",
    "HostRanking",
    "Offer",
    "PanelMember",
    "ParticipantReport",
    "Placement",
    "Preference",
    "Readiness",
    "ReadinessReminder",
    "RequiredDocument",
    "ReviewAssignment",
    "Score",
    "StaffRecord",
    "StatusChange",
    "_file_path",  # named by the initial migration (FileField.upload_to)
    "secretariat_partnership_ids",
]
