from auditlog.registry import auditlog
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

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
# Two-factor set-up: an authenticator confirmed or removed, recovery codes issued. Only who and
# when; the secret, the codes and the throttle counters stay out of the log.
auditlog.register(TOTPDevice, include_fields=["user", "name", "confirmed"])
auditlog.register(StaticDevice, include_fields=["user", "name", "confirmed"])
