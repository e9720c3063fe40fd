from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("secretariat")
    AGENCY_OFFICER = "agency_officer", _("agency officer")
    PARTNER_OFFICER = "partner_officer", _("partner officer")
    REVIEWER = "reviewer", _("reviewer")
    OBSERVER = "observer", _("observer")
    APPLICANT = "applicant", _("applicant")


# What each role may do with a partnership and its documents (platform admins may do all).
# Advancing a track is further limited to the track's own country (see partnerships.services).
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.SECRETARIAT: frozenset({"view", "change", "advance", "audit"}),
    Role.PARTNER_OFFICER: frozenset({"view", "change", "advance", "audit"}),
    Role.AGENCY_OFFICER: frozenset({"view"}),
    Role.OBSERVER: frozenset({"view", "audit"}),
    Role.REVIEWER: frozenset(),
    Role.APPLICANT: frozenset(),
}


# What a role may do only with the pillars its membership names (``Membership.pillars``): an agency
# officer of the DLH changes the environment pillar's programmes, indicators, waste data and
# scenarios. ``sistercity.core.access`` reads both tables; no app writes its own "may edit" rule.
PILLAR_ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.AGENCY_OFFICER: frozenset({"change"}),
}


def roles_allowed(action: str) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]
