"""The platform admin (and the secretariat, through the admin) edits calls, their question set,
required documents, rubric, panel, hosts and placements here."""

from django.contrib import admin
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from sistercity.exchange import models as m


class QuestionInline(TranslatableTabularInline):
    model = m.CallQuestion
    extra = 0


class RequiredDocumentInline(TranslatableTabularInline):
    model = m.RequiredDocument
    extra = 0


class CriterionInline(TranslatableTabularInline):
    model = m.Criterion
    extra = 0


class PanelInline(admin.TabularInline):
    model = m.PanelMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(m.Call)
class CallAdmin(TranslatableAdmin):
    list_display = ["slug", "__str__", "call_type", "direction", "opens_at", "closes_at", "quota"]
    list_filter = ["call_type", "direction", "is_published"]
    inlines = [QuestionInline, RequiredDocumentInline, CriterionInline, PanelInline]


@admin.register(m.HostOrganisation)
class HostAdmin(TranslatableAdmin):
    list_display = ["slug", "__str__", "kind", "partnership"]


@admin.register(m.Placement)
class PlacementAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "call", "host", "capacity"]
    list_filter = ["call"]


@admin.register(m.Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["short_reference", "call", "applicant", "status", "submitted_at"]
    list_filter = ["call", "status"]
    raw_id_fields = ["applicant"]
    readonly_fields = ["reference", "status", "submitted_at"]


@admin.register(m.AllocationRun)
class AllocationRunAdmin(admin.ModelAdmin):
    list_display = ["pk", "call", "mode", "seed", "is_stable", "created_at", "applied_at"]
    readonly_fields = [f.name for f in m.AllocationRun._meta.fields]

    def has_add_permission(self, request):
        return False  # runs come from the allocation service only


@admin.register(m.ApplicantProfile)
class ApplicantProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "email_verified_at"]
    raw_id_fields = ["user"]
