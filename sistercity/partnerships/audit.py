"""Change logging for partnerships, the lifecycle, documents and deadlines (the History tab),
and for the catalogue the platform admin edits (pillars, tracks, stages, document types)."""

from sistercity.core.audit import register
from sistercity.partnerships import models as m

# A changed name or title shows on the same tab as the partnership or document it belongs to.
register(m.Partnership, translations=True, m2m_fields={"pillars", "municipalities"})
register(m.Document, translations=True)
for model in (m.PartnershipTrack, m.StageTransition, m.Approval, m.DocumentVersion, m.Deadline):
    register(model)
for model in (m.Pillar, m.Track, m.Stage, m.StageRequirement, m.DocumentType):
    register(model, translations=True)
