"""Change logging for the emergency app's records; they show on the partnership's History tab.
Every model users write is here, the incident's units sent too (core's audit completeness test
holds the line)."""

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
    m.Village,
    m.TravelTime,
    m.CoverageScenario,
):
    register(model)
register(m.Incident, m2m_fields={"units"})
register(m.TrainingCourse, translations=True)
