from django.db import models
from django.utils.translation import gettext_lazy as _


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AGREED = "agreed", _("agreed")


class Domain(models.TextChoices):
    """Where a term belongs; the public page groups by it, and the check applies a sector's
    terms only to that sector's texts (a fire service's "call" is a phone call, an exchange's
    is an open call)."""

    PLACES = "places", _("cities and regions")
    ROLES = "roles", _("roles")
    RESULTS = "results", _("programmes and results")
    PILLARS = "pillars", _("the pillars")
    LIFECYCLE = "lifecycle", _("agreement lifecycle")
    EXCHANGE = "exchange", _("calls and exchange")
    WASTE = "waste", _("waste management")
    TRADE = "trade", _("MSMEs and trade")
    INVESTMENT = "investment", _("investment")
    EMERGENCY = "emergency", _("fire and emergency services")
    IRRIGATION = "irrigation", _("irrigation")
    CULTURE = "culture", _("culture and tourism")


# Terms every text is held to; the platform's own apps add the lifecycle, calls and waste; a
# sector app (its label is its domain) adds its own.
SHARED_DOMAINS = frozenset({Domain.PLACES, Domain.ROLES, Domain.RESULTS, Domain.PILLARS})
PLATFORM_DOMAINS = SHARED_DOMAINS | {Domain.LIFECYCLE, Domain.EXCHANGE, Domain.WASTE}
SECTOR_DOMAINS = frozenset(
    {Domain.TRADE, Domain.INVESTMENT, Domain.EMERGENCY, Domain.IRRIGATION, Domain.CULTURE}
)


def domains_for(app_label: str) -> frozenset[str]:
    """The domains whose terms the texts of ``app_label`` are held to."""
    if app_label in SECTOR_DOMAINS:
        return SHARED_DOMAINS | {app_label}
    return PLATFORM_DOMAINS
