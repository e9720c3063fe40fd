"""Every model users write shows its changes on the History tab."""

from sistercity.core.audit import register
from sistercity.irrigation import models

register(models.Scheme, translations=True)
for model in (
    models.ClimateStation,
    models.ClimateRecord,
    models.RotationGroup,
    models.WaterUserAssociation,
    models.Structure,
    models.CanalDrop,
    models.IksiAssessment,
):
    register(model)
