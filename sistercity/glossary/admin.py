from django.contrib import admin

from sistercity.glossary.models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """For the platform admin; secretariats edit at /<lang>/glossary/ (the rules live in
    glossary.services, which the admin's save bypasses, so it is read-only here)."""

    list_display = ["concept", "domain", "term_id", "term_ja", "status"]
    list_filter = ["domain", "status"]
    search_fields = ["concept", "term_id", "term_ja", "variants_id", "variants_ja"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
