from auditlog.registry import auditlog

from sistercity.exchange import models as m

auditlog.register(m.Call, exclude_fields=["updated_at"])
auditlog.register(m.PanelMember)
auditlog.register(m.HostOrganisation)
auditlog.register(m.Placement)
# Applicants' answers and personal facts stay out of the change log: it is read by more people
# (observers) than the application itself. Status and decisions are logged.
auditlog.register(m.Application, include_fields=["status", "submitted_at", "alumni_opt_in"])
auditlog.register(m.ReviewAssignment, include_fields=["reviewer", "conflict", "submitted_at"])
auditlog.register(m.HostRanking)
auditlog.register(m.AllocationRun, include_fields=["mode", "seed", "is_stable", "applied_at"])
auditlog.register(m.Offer)
auditlog.register(m.Readiness, include_fields=["orientation_attended_on"])
auditlog.register(m.HostFeedback, include_fields=["rating"])

CallTranslation = m.Call.translations.field.model
CallTranslation.get_additional_data = lambda self: {"partnership": self.master.partnership_id}
auditlog.register(CallTranslation)
