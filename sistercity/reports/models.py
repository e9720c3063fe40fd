"""Background jobs a person starts and watches: an XLSX import, an M&E report."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, partnership_ids
from sistercity.core.models import PartnershipScoped


class JobKind(models.TextChoices):
    IMPORT = "import", _("import of programmes")
    ME_REPORT = "me_report", _("monitoring & evaluation report")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


def _job_path(instance: "Job", filename: str) -> str:
    # Random names: nothing about a private file can be guessed from its path.
    return f"jobs/{instance.partnership_id}/{uuid.uuid4().hex}/{filename}"


class Job(PartnershipScoped):
    """One run of a background job for a partnership: who asked, in which language, how far it
    got, and what came out (a file, or a per-row error report). Its files are private and served
    only to the person who asked, while they may still see the partnership."""

    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="jobs",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="jobs",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    input_file = models.FileField(_("uploaded file"), upload_to=_job_path, blank=True)
    input_name = models.CharField(_("uploaded file name"), max_length=255, blank=True)
    result_file = models.FileField(_("result"), upload_to=_job_path, blank=True)
    result_name = models.CharField(_("result file name"), max_length=255, blank=True)
    result_content_type = models.CharField(_("result type"), max_length=100, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        # Narrower than the partnership: a job and its files are the asker's alone, and only
        # while they may still see the partnership (whatever the action asked for).
        return models.Q(requested_by=user) & models.Q(
            partnership__in=partnership_ids(user, Action.VIEW)
        )

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
