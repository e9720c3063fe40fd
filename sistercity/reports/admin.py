"""Jobs in the admin, read-only: the platform admin looks into a stuck or failed job; the job's
state belongs to the worker, and its files only to the person who asked (no download here)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sistercity.reports.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "partnership", "requested_by", "status", "progress", "created_at"]
    list_filter = ["kind", "status", "language"]
    list_select_related = ["partnership", "requested_by"]
    search_fields = ["partnership__slug", "requested_by__email", "input_name", "result_name"]
    date_hierarchy = "created_at"
    # Names, not the file fields: a file field would render a link to the private file.
    fields = (
        "kind",
        "partnership",
        "requested_by",
        "language",
        "params",
        "status",
        "progress",
        "message",
        "input_name",
        "result_name",
        "result_content_type",
        "errors",
        "summary",
        "created_at",
        "started_at",
        "finished_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
