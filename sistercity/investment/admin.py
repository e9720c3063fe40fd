"""The platform admin can inspect and correct the investment data here; the investment office
uses the pages, whose services hold the rules."""

from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.investment import models as m


@admin.register(m.Incentive)
class IncentiveAdmin(TranslatableAdmin):
    list_display = [
        "code",
        "__str__",
        "kind",
        "legal_source",
        "valid_from",
        "valid_until",
        "source_status",
    ]
    list_filter = ["kind", "source_status", "partnership"]


@admin.register(m.Opportunity)
class OpportunityAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "kind", "area_m2", "availability", "is_public"]
    list_filter = ["kind", "availability", "partnership"]


@admin.register(m.Lead)
class LeadAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "stage", "owner", "confidential", "partnership"]
    list_filter = ["stage", "confidential", "partnership"]


@admin.register(m.Realisation)
class RealisationAdmin(admin.ModelAdmin):
    list_display = ["lead", "year", "quarter", "currency", "local_total", "expatriates"]
    list_filter = ["year", "quarter"]


@admin.register(m.TechTransferProject)
class TechTransferProjectAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "partner", "status", "starts_on"]
    list_filter = ["status", "partnership"]
