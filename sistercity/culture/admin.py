"""The platform admin can inspect and correct culture records here; organisers use the pages."""

from django.contrib import admin
from parler.admin import TranslatableAdmin

from sistercity.culture import models as m


@admin.register(m.Event)
class EventAdmin(TranslatableAdmin):
    list_display = ["__str__", "partnership", "city", "starts_at", "time_zone", "status"]
    list_filter = ["status", "kind", "partnership"]
    readonly_fields = ["uid", "sequence"]


@admin.register(m.Destination)
class DestinationAdmin(TranslatableAdmin):
    list_display = ["__str__", "partnership", "city", "category", "latitude", "longitude"]
    list_filter = ["category", "partnership"]


@admin.register(m.CulturalExchange)
class CulturalExchangeAdmin(TranslatableAdmin):
    list_display = ["__str__", "partnership", "from_city", "to_city", "starts_on", "participants"]


@admin.register(m.VisitorFigure)
class VisitorFigureAdmin(admin.ModelAdmin):
    list_display = ["city", "month", "origin", "visitors", "source", "partnership"]
    list_filter = ["origin", "partnership"]


@admin.register(m.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    # Read-only: registrations change only through the services (waitlist, e-mails).
    list_display = ["__str__", "event", "people", "status", "created_at", "erased_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in m.Registration._meta.fields]

    def has_add_permission(self, request):
        return False
