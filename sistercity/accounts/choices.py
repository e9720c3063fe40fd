from django.db import models
from django.utils.translation import gettext_lazy as _

# The roles and what each may do are the access rule's data; they live beside it in core so that
# core asks no app for them. Re-exported here, where the rest of accounts' vocabulary is.
from sistercity.core.roles import PILLAR_ROLE_ACTIONS, ROLE_ACTIONS, Role


class OrganisationKind(models.TextChoices):
    REGENCY = "regency", _("regency (kabupaten)")
    CITY = "city", _("city")
    PROVINCE = "province", _("province")
    PREFECTURE = "prefecture", _("prefecture")
    AGENCY = "agency", _("agency")
    MINISTRY = "ministry", _("ministry")
    OTHER = "other", _("other organisation")


MUNICIPAL_KINDS = (
    OrganisationKind.REGENCY,
    OrganisationKind.CITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.PREFECTURE,
)


class Country(models.TextChoices):
    INDONESIA = "ID", _("Indonesia")
    JAPAN = "JP", _("Japan")


__all__ = [
    "MUNICIPAL_KINDS",
    "PILLAR_ROLE_ACTIONS",
    "ROLE_ACTIONS",
    "Country",
    "OrganisationKind",
    "Role",
    "roles_allowed",
]


def roles_allowed(action: str) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]
