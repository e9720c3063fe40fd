"""Change logging for waste data and scenarios; their translations (names, notes) show on the
partnership's History tab too."""

from sistercity.core.audit import register
from sistercity.environment import models as m

for model in (m.DataSource, m.WasteFacility, m.WasteScenario):
    register(model, translations=True)
register(m.WasteFigure)
