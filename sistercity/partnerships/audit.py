from auditlog.registry import auditlog

from sistercity.partnerships import models as m

auditlog.register(m.Partnership, m2m_fields={"pillars", "municipalities"})
auditlog.register(m.PartnershipTrack)
auditlog.register(m.StageTransition)
auditlog.register(m.Approval)
auditlog.register(m.Document)
auditlog.register(m.DocumentVersion)
auditlog.register(m.Deadline)
for model in (m.Pillar, m.Track, m.Stage, m.StageRequirement, m.DocumentType):
    auditlog.register(model)

# Content translations live in their own tables; tie their change log to the partnership too.
PartnershipTranslation = m.Partnership.translations.field.model
DocumentTranslation = m.Document.translations.field.model
PartnershipTranslation.get_additional_data = lambda self: {"partnership": self.master_id}
DocumentTranslation.get_additional_data = lambda self: {"partnership": self.master.partnership_id}
auditlog.register(PartnershipTranslation)
auditlog.register(DocumentTranslation)
