"""The roles a membership can hold and what each may do: the data of the access rule
(``core.access``). Platform admins (superusers) may do everything."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("secretariat")
    AGENCY_OFFICER = "agency_officer", _("agency officer")
    PARTNER_OFFICER = "partner_officer", _("partner officer")
    REVIEWER = "reviewer", _("reviewer")
    OBSERVER = "observer", _("observer")
    APPLICANT = "applicant", _("applicant")


# What each role may do with a partnership and its documents (platform admins may do all).
# Advancing a track is further limited to the track's own country (see partnerships.services).
# "personal_data" is reading people's personal data in full (applicants' facts, answers and
# files, participants' checklists): only the staff who run the calls need it. Observers audit the
# partnership (its records, its change log, aggregate figures) but not the people in it
# (UU 27/2022 and APPI: purpose limitation and minimisation).
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.SECRETARIAT: frozenset({"view", "change", "advance", "audit", "personal_data"}),
    Role.PARTNER_OFFICER: frozenset({"view", "change", "advance", "audit", "personal_data"}),
    Role.AGENCY_OFFICER: frozenset({"view"}),
    Role.OBSERVER: frozenset({"view", "audit"}),
    Role.REVIEWER: frozenset(),
    Role.APPLICANT: frozenset(),
}


# What a role may do only with the pillars its membership names (``Membership.pillars``): an agency
# officer of the DLH changes the environment pillar's programmes, indicators, waste data and
# scenarios. ``core.access`` reads both tables; no app writes its own "may edit" rule.
PILLAR_ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.AGENCY_OFFICER: frozenset({"change"}),
}
