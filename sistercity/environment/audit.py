from auditlog.registry import auditlog

from sistercity.environment import models as m

for model in (m.DataSource, m.WasteFacility, m.WasteFigure, m.WasteScenario):
    auditlog.register(model)

# Content translations live in their own tables; tie their change log to the partnership too.
for model in (m.DataSource, m.WasteFacility, m.WasteScenario):
    translation = model.translations.field.model
    translation.get_additional_data = lambda self: {"partnership": self.master.partnership_id}
    auditlog.register(translation)
