from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.programs import models as m

for model in (
    m.Clause,
    m.ActionPlanItem,
    m.Programme,
    m.Activity,
    m.Result,
    m.Indicator,
    m.Meeting,
):
    admin.site.register(model, TranslatableAdmin)
for model in (
    m.Period,
    m.IndicatorUpdate,
    m.BudgetLine,
    m.Transaction,
    m.ExchangeRate,
    m.ActionItem,
):
    admin.site.register(model)
