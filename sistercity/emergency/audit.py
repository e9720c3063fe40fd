"""Change logging for the emergency app's records; they show on the partnership's History tab."""

from sistercity.core.audit import register
from sistercity.emergency import models as m

for model in (
    m.FirePost,
    m.Vehicle,
    m.VehicleStatusChange,
    m.MaintenanceRecord,
    m.SparePart,
    m.EquipmentItem,
    m.VehicleGrant,
    m.GrantTransition,
    m.GrantDocument,
    m.Firefighter,
    m.Qualification,
    m.Attendance,
    m.Incident,
    m.Village,
    m.CoverageScenario,
):
    register(model)
register(m.TrainingCourse, translations=True)
