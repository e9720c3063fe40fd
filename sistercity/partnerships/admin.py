"""The platform admin edits the lifecycle here: tracks, stages and what each stage requires."""

from django.contrib import admin
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from sistercity.partnerships import models as m


@admin.register(m.Pillar)
class PillarAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "dac_sector_code", "position"]


@admin.register(m.DocumentType)
class DocumentTypeAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "position"]


class StageInline(TranslatableTabularInline):
    model = m.Stage
    extra = 0


@admin.register(m.Track)
class TrackAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "country"]
    inlines = [StageInline]


class RequirementInline(TranslatableTabularInline):
    model = m.StageRequirement
    extra = 0


@admin.register(m.Stage)
class StageAdmin(TranslatableAdmin):
    list_display = ["__str__", "track", "position", "code"]
    list_filter = ["track"]
    inlines = [RequirementInline]


@admin.register(m.Partnership)
class PartnershipAdmin(TranslatableAdmin):
    list_display = ["slug", "__str__", "kind", "is_public"]
    filter_horizontal = ["municipalities", "pillars"]
