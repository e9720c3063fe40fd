"""Starting and running background jobs. The web request checks permission, stores what the
job needs and enqueues it after commit; the worker runs it and records progress, the result
file or the per-row error report.

This is the one job-running path: programs knows nothing of jobs; the import of its workbook
layout (``programs.tabular``) is started, run and reported here.
"""

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, forbidden, require
from sistercity.core.errors import SisterCityError
from sistercity.partnerships.models import Partnership
from sistercity.programs import tabular
from sistercity.reports import me_report
from sistercity.reports.models import Job, JobKind, JobStatus

logger = logging.getLogger(__name__)


def _language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        raise SisterCityError(
            _("Unknown language “{code}”.").format(code=language), code="language"
        )
    return language


def _enqueue(job: Job) -> None:
    # Imported late: tasks import this module.
    from sistercity.reports.tasks import generate_me_report, import_programmes

    task = import_programmes if job.kind == JobKind.IMPORT else generate_me_report
    transaction.on_commit(lambda: task.enqueue(job.pk))


def job_start_import(*, actor: Any, partnership: Partnership, upload: Any, language: str) -> Job:
    """Queue an XLSX import. Refuses at once what can be judged without reading the file: a
    user who may not edit, an empty or too large file, a file that is not a ZIP container."""
    # Anyone who may change some pillar may upload; the import itself checks each row's pillar.
    if not require(actor, partnership).can_change_some_pillar():
        raise forbidden()
    tabular.check_size(upload.size)
    upload.seek(0)
    if upload.read(4) != b"PK\x03\x04":
        raise SisterCityError(
            _("This is not an XLSX workbook. Export one from this page and fill it in."),
            code="file_type",
        )
    upload.seek(0)
    name = get_valid_filename((upload.name or "import.xlsx").rsplit("/", 1)[-1])[:100]
    with transaction.atomic():
        job = Job.objects.create(
            kind=JobKind.IMPORT,
            partnership=partnership,
            requested_by=actor,
            language=_language(language),
            input_name=name,
        )
        job.input_file.save("import.xlsx", upload, save=True)
        _enqueue(job)
    return job


def job_start_me_report(
    *,
    actor: Any,
    partnership: Partnership,
    language: str,
    fmt: str,
    year: int | None = None,
    texts: dict[str, str] | None = None,
) -> Job:
    """Queue the annual M&E report (anyone who sees the partnership may ask for it). ``texts``:
    the written parts (summary, narrative, recommendations, signatory), printed as given."""
    require(actor, partnership, Action.VIEW)
    if fmt not in me_report.FORMATS:
        raise SisterCityError(
            _("Unknown format “{format}”; choose PDF or XLSX.").format(format=fmt), code="format"
        )
    year = year or timezone.localdate().year
    if not 2000 <= int(year) <= 2100:
        raise SisterCityError(_("Enter a year from 2000 to 2100."), code="year")
    written = {k: v for k, v in (texts or {}).items() if k in me_report.TEXTS and v}
    with transaction.atomic():
        job = Job.objects.create(
            kind=JobKind.ME_REPORT,
            partnership=partnership,
            requested_by=actor,
            language=_language(language),
            params={"format": fmt, "year": int(year), **({"texts": written} if written else {})},
        )
        _enqueue(job)
    return job


def _progress(job_id: int, fraction: float) -> None:
    """Written at once (outside any transaction), so that the status page sees it."""
    Job.objects.filter(pk=job_id).update(progress=max(0, min(100, round(fraction * 100))))


def job_run(*, job_id: int) -> Job:
    """Run a queued job (called by the worker). Never raises for a job that failed on bad
    input: the failure is recorded on the job for the person who asked."""
    # Claim the job: a task delivered twice must not import twice.
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), progress=0
    )
    job = Job.objects.select_related("partnership", "requested_by").get(pk=job_id)
    if not claimed:
        return job
    with translation.override(job.language):
        try:
            if job.kind == JobKind.IMPORT:
                _run_import(job)
            else:
                _run_me_report(job)
        except tabular.ImportRejected as rejected:
            _finish(
                job,
                JobStatus.FAILED,
                str(rejected),
                errors=[e.as_dict() for e in rejected.errors],
            )
        except SisterCityError as error:
            _finish(job, JobStatus.FAILED, str(error))
        except Http404:
            _finish(job, JobStatus.FAILED, str(_("You can no longer see this partnership.")))
        except Exception:
            logger.exception("job %s failed", job.pk)
            _finish(
                job, JobStatus.FAILED, str(_("The job failed unexpectedly; nothing was changed."))
            )
    job.refresh_from_db()
    return job


def _finish(
    job: Job,
    status: str,
    message: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    summary: dict[str, Any] | None = None,
) -> None:
    job.status = status
    job.message = message[:500]
    job.errors = errors or []
    job.summary = summary or {}
    job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "errors", "summary", "progress", "finished_at"])


def _run_import(job: Job) -> None:
    with job.input_file.open("rb") as handle:
        data = handle.read()
    summary = tabular.import_xlsx(
        actor=job.requested_by,
        partnership=job.partnership,
        data=data,
        on_progress=lambda fraction: _progress(job.pk, fraction * 0.9),
    )
    created = sum(summary.created.values())
    updated = sum(summary.updated.values())
    _finish(
        job,
        JobStatus.DONE,
        str(
            _("Imported: {created} created, {updated} updated.").format(
                created=created, updated=updated
            )
        ),
        summary=summary.as_dict(),
    )


def _run_me_report(job: Job) -> None:
    # Asked again in the worker: a member who left since asking gets no report.
    require(job.requested_by, job.partnership, Action.VIEW)
    content, name, content_type = me_report.generate(
        job.partnership,
        language=job.language,
        year=job.params.get("year") or dt.date.today().year,
        fmt=job.params.get("format", "pdf"),
        texts=job.params.get("texts") or {},
        on_progress=lambda fraction: _progress(job.pk, fraction),
    )
    job.result_file.save(name, ContentFile(content), save=False)
    job.result_name = name
    job.result_content_type = content_type
    job.save(update_fields=["result_file", "result_name", "result_content_type"])
    _finish(job, JobStatus.DONE, str(_("The report is ready.")))


def jobs_fail_stale(*, now: dt.datetime | None = None) -> int:
    """Mark failed the jobs that have been "running" longer than ``JOB_STALE_AFTER_MINUTES``:
    their worker was killed (nothing was half-written: an import writes in one transaction).
    The page then stops polling and offers to try again. Returns how many were marked."""
    now = now or timezone.now()
    limit = dt.timedelta(minutes=getattr(settings, "JOB_STALE_AFTER_MINUTES", 30))
    stale = Job.objects.filter(status=JobStatus.RUNNING, started_at__lt=now - limit)
    count = 0
    for job in stale:
        with translation.override(job.language):
            message = str(
                _(
                    "The job stopped without finishing (its worker ended); nothing was "
                    "changed. Try again."
                )
            )
        count += Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
            status=JobStatus.FAILED, message=message, finished_at=now
        )
    return count


def job_retry(*, actor: Any, job: Job) -> Job:
    """Queue a failed job again, with the same file and parameters, for the person who asked."""
    if job.requested_by_id != actor.pk:
        raise forbidden()
    if job.status != JobStatus.FAILED:
        raise SisterCityError(_("Only a failed job can be tried again."), code="not_failed")
    with transaction.atomic():
        again = Job.objects.create(
            kind=job.kind,
            partnership=job.partnership,
            requested_by=actor,
            language=job.language,
            params=job.params,
            input_file=job.input_file.name,
            input_name=job.input_name,
        )
        _enqueue(again)
    return again
