from auditlog.registry import auditlog

from sistercity.accounts.models import ApiToken, Membership, Organisation, ProfileTag, User
from sistercity.core.audit import register

auditlog.register(Organisation, m2m_fields={"strengths", "needs"})
auditlog.register(Organisation.translations.field.model)
auditlog.register(Membership, m2m_fields={"pillars"})
auditlog.register(User, exclude_fields=["password", "last_login"])
# The strengths and needs catalogue of partner search, and its names in three languages.
register(ProfileTag, translations=True)
# Issued and revoked API tokens (the hash stays out of the log).
auditlog.register(ApiToken, exclude_fields=["digest"])
