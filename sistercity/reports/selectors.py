"""Reads of jobs, already restricted to the user: a job is seen only by whoever asked for it,
and only while they may still see its partnership."""

from typing import Any

from django.db.models import QuerySet

from sistercity.core.permissions import get_for_user_or_404
from sistercity.reports.models import Job

RECENT = 10


def job_for_user(*, user: Any, pk: int) -> Job:
    """The user's job ``pk`` (with its partnership and asker), or 404."""
    return get_for_user_or_404(
        Job.objects.select_related("partnership", "requested_by"), user, pk=pk
    )


def recent_jobs(*, user: Any, partnership: Any, kind: str, limit: int = RECENT) -> QuerySet[Job]:
    """The user's latest jobs of one kind for a partnership, newest first."""
    return (
        Job.objects.for_user(user)
        .filter(partnership=partnership, kind=kind)
        .order_by("-created_at")[:limit]
    )
