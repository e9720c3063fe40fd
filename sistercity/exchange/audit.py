"""Which exchange models the change log records (``core.audit.register``), and which fields."""

from sistercity.core.audit import register
from sistercity.exchange import models as m

register(m.Call, translations=True, exclude_fields=["updated_at"])
register(m.PanelMember)
register(m.HostOrganisation)
register(m.Placement)
# Applicants' answers and personal facts stay out of the change log: it is read by more people
# (observers) than the application itself. Status and decisions are logged.
register(m.Application, include_fields=["status", "submitted_at", "alumni_opt_in"])
register(m.ReviewAssignment, include_fields=["reviewer", "conflict", "submitted_at"])
register(m.HostRanking)
register(m.AllocationRun, include_fields=["mode", "seed", "is_stable", "applied_at"])
register(m.Offer)
register(m.Readiness, include_fields=["orientation_attended_on"])
register(m.HostFeedback, include_fields=["rating"])
