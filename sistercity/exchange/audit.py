"""Which exchange models the change log records (``core.audit.register``), and which fields."""

from sistercity.core.audit import register
from sistercity.exchange import models as m

register(m.Call, translations=True, exclude_fields=["updated_at"])
register(m.PanelMember)
register(m.HostOrganisation, translations=True)
register(m.Placement, translations=True)
# Applicants' answers and personal facts stay out of the change log: it is read by more people
# (observers) than the application itself. Status and decisions are logged.
register(m.Application, include_fields=["status", "submitted_at", "alumni_opt_in", "erased_at"])
register(m.ReviewAssignment, include_fields=["reviewer", "conflict", "submitted_at"])
register(m.HostRanking)
register(m.AllocationRun, include_fields=["mode", "seed", "is_stable", "applied_at"])
register(m.Offer)
register(m.Readiness, include_fields=["orientation_attended_on"])
register(m.HostFeedback, include_fields=["rating"])

# The call's set-up: questions, the rubric and the documents it asks for, with their texts.
for model in (m.CallQuestion, m.Criterion, m.RequiredDocument):
    register(model, translations=True)
register(m.Preference)
register(m.Score)
# Which file was added for what, not the name it was uploaded under (it may name the person).
register(
    m.ApplicationFile,
    include_fields=["application", "required_document", "evidence", "size", "sha256"],
)
register(m.ParticipantReport, include_fields=["application", "created_at"])
register(m.ApplicantProfile, include_fields=["email_verified_at"])
# The access log of personal files: who opened which file (by what it was, not its name).
register(m.FileAccess, include_fields=["application", "file", "document", "user"])
