from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.programs import models as m

admin.site.register(
    [m.Clause, m.ActionPlanItem, m.Programme, m.Activity, m.Result, m.Indicator, m.Meeting],
    TranslatableAdmin,
)
admin.site.register(
    [m.Period, m.IndicatorUpdate, m.BudgetLine, m.Transaction, m.ExchangeRate, m.ActionItem]
)
