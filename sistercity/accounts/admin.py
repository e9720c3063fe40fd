from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from parler.admin import TranslatableAdmin

from sistercity.accounts.models import Membership, Organisation, ProfileTag, User


@admin.register(ProfileTag)
class ProfileTagAdmin(TranslatableAdmin):
    list_display = ["code", "__str__"]


@admin.register(Organisation)
class OrganisationAdmin(TranslatableAdmin):
    list_display = ["slug", "__str__", "kind", "country", "parent"]
    list_filter = ["kind", "country"]
    filter_horizontal = ["strengths", "needs"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    filter_horizontal = ["pillars"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "preferred_language", "is_superuser"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["full_name", "name_reading", "preferred_language", "time_zone"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "full_name", "password1", "password2"]})]
