from auditlog.registry import auditlog

from sistercity.accounts.models import Membership, Organisation, User

auditlog.register(Organisation, m2m_fields={"strengths", "needs"})
auditlog.register(Organisation.translations.field.model)
auditlog.register(Membership, m2m_fields={"pillars"})
auditlog.register(User, exclude_fields=["password", "last_login"])
