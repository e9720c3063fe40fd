"""The platform admin can inspect and correct waste data here; planners use the pages."""

from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.environment import models as m


@admin.register(m.DataSource)
class DataSourceAdmin(TranslatableAdmin):
    list_display = ["__str__", "publisher", "published_on", "is_sample", "partnership"]
    list_filter = ["is_sample", "partnership"]


@admin.register(m.WasteFacility)
class WasteFacilityAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "kind", "municipality", "capacity_t_per_day", "volume_m3"]
    list_filter = ["kind", "partnership"]


@admin.register(m.WasteFigure)
class WasteFigureAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "municipality",
        "area",
        "metric",
        "category",
        "value",
        "source",
        "as_of",
    ]
    list_filter = ["metric", "year", "partnership"]
    list_select_related = ["municipality", "source"]


@admin.register(m.WasteScenario)
class WasteScenarioAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "partnership", "municipality", "indicator_code"]
    list_filter = ["partnership"]
