"""The platform admin edits the Japan export rules here (each with its legal source and link)
and can inspect and correct the registry; the MSME office, owners and buyers use the pages."""

from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.trade import models as m


@admin.register(m.ExportRule)
class ExportRuleAdmin(TranslatableAdmin):
    list_display = [
        "code",
        "__str__",
        "condition",
        "evidence",
        "parameter",
        "permit_kind",
        "is_active",
    ]
    list_filter = ["is_active", "evidence", "condition"]
    search_fields = ["code", "source", "translations__title"]


@admin.register(m.Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["legal_name", "nib", "size_class", "kecamatan", "is_published", "partnership"]
    list_filter = ["size_class", "is_published", "partnership"]
    search_fields = ["legal_name", "trade_name", "nib"]


@admin.register(m.Product)
class ProductAdmin(TranslatableAdmin):
    list_display = ["__str__", "hs_code", "enterprise", "is_published"]
    list_filter = ["is_published"]


admin.site.register([m.Permit, m.LabReport, m.Buyer, m.Inquiry, m.Lead, m.Order])
