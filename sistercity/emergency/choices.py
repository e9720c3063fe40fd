"""Choices of the fire and emergency services app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PILLAR = "emergency"


class VehicleKind(models.TextChoices):
    PUMPER = "pumper", _("pumper")
    TANKER = "tanker", _("water tanker")
    AERIAL = "aerial", _("aerial ladder")
    RESCUE = "rescue", _("rescue vehicle")
    AMBULANCE = "ambulance", _("ambulance")
    OTHER = "other", _("other vehicle")


class VehicleOrigin(models.TextChoices):
    PROCURED = "procured", _("procured")
    DONATED = "donated", _("donated")


class VehicleStatus(models.TextChoices):
    # A donated vehicle is "awaiting handover" until its grant procedure is complete.
    AWAITING_HANDOVER = "awaiting_handover", _("awaiting handover")
    IN_SERVICE = "in_service", _("in service")
    MAINTENANCE = "maintenance", _("in maintenance")
    OUT_OF_SERVICE = "out_of_service", _("out of service")


class PostKind(models.TextChoices):
    EXISTING = "existing", _("existing post")
    CANDIDATE = "candidate", _("candidate site")


class Shift(models.TextChoices):
    A = "A", _("shift A")
    B = "B", _("shift B")
    C = "C", _("shift C")


class IncidentKind(models.TextChoices):
    BUILDING_FIRE = "building_fire", _("building fire")
    LAND_FIRE = "land_fire", _("land or forest fire")
    VEHICLE_FIRE = "vehicle_fire", _("vehicle fire")
    RESCUE = "rescue", _("rescue")
    OTHER = "other", _("other incident")


class CoverageModel(models.TextChoices):
    LSCP = "lscp", _("LSCP: fewest posts covering every village")
    MCLP = "mclp", _("MCLP: most population covered with p posts")
    P_MEDIAN = "p_median", _("p-median: least mean travel time with p posts")


class TransitionDirection(models.TextChoices):
    START = "start", _("started")
    ADVANCE = "advance", _("advanced")
    COMPLETE = "complete", _("completed")
