"""Fire and emergency services of a partnership: posts and fleet, the foreign-grant procedure
of donated vehicles, crews and training, incidents, and coverage analysis.

Everything belongs to the emergency pillar as a whole (``scope_pillar = "emergency"``): besides
the partnership's secretariat and partner officers, the agency officers whose membership names
that pillar (the Damkar) change it (``core.access``).
"""

from sistercity.emergency.models.coverage import CoverageScenario, TravelTime, Village
from sistercity.emergency.models.crews import Attendance, Firefighter, Qualification, TrainingCourse
from sistercity.emergency.models.fleet import (
    EquipmentItem,
    FirePost,
    MaintenanceRecord,
    ReminderSent,
    SparePart,
    Vehicle,
    VehicleStatusChange,
)
from sistercity.emergency.models.grants import GrantDocument, GrantTransition, VehicleGrant
from sistercity.emergency.models.incidents import Incident

__all__ = [
    "Attendance",
    "CoverageScenario",
    "EquipmentItem",
    "FirePost",
    "Firefighter",
    "GrantDocument",
    "GrantTransition",
    "Incident",
    "MaintenanceRecord",
    "Qualification",
    "ReminderSent",
    "SparePart",
    "TrainingCourse",
    "TravelTime",
    "Vehicle",
    "VehicleGrant",
    "VehicleStatusChange",
    "Village",
]
