from django.db import models
from django.utils.translation import gettext_lazy as _


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AGREED = "agreed", _("agreed")


class Domain(models.TextChoices):
    """Where a term belongs; the public page groups by it."""

    PLACES = "places", _("cities and regions")
    LIFECYCLE = "lifecycle", _("agreement lifecycle")
    ROLES = "roles", _("roles")
    RESULTS = "results", _("programmes and results")
    EXCHANGE = "exchange", _("calls and exchange")
    WASTE = "waste", _("waste management")
    IRRIGATION = "irrigation", _("irrigation")
    SECTORS = "sectors", _("other pillars")
