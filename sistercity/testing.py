"""Helpers for tests: real sample files of each accepted type, and database snapshots.

Files are built in memory in their real formats (a DOCX is a ZIP with the parts Word writes),
so content detection is exercised for real.
"""

import copy
import io
import zipfile
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from sistercity.demo.pdf import simple_pdf


def pdf_upload(name="document.pdf", text="Test document") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, simple_pdf(text), content_type="application/pdf")


def _ooxml(main_part: str, content_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/{main_part}" ContentType="{content_type}"/>'
            "</Types>",
        )
        archive.writestr(main_part, "<xml/>")
    return buffer.getvalue()


def docx_upload(name="document.docx") -> SimpleUploadedFile:
    data = _ooxml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    )
    return SimpleUploadedFile(name, data)


def xlsx_upload(name="sheet.xlsx") -> SimpleUploadedFile:
    data = _ooxml(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
    return SimpleUploadedFile(name, data)


# The smallest valid PNG (1×1, transparent) and a JPEG header with a JFIF segment.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
JPEG_BYTES = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def png_upload(name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES)


def jpeg_upload(name="photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG_BYTES)


def exe_as_pdf(name="minutes.pdf") -> SimpleUploadedFile:
    """A Windows executable renamed to .pdf."""
    return SimpleUploadedFile(
        name, b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf"
    )


def html_as_pdf(name="loi.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"<html><body><script>alert(1)</script></body></html>", content_type="application/pdf"
    )


def db_snapshot(*app_labels: str) -> dict[str, int]:
    """Row counts of every model of the given apps (default: ours plus the change log), to show
    that a rejected request changed nothing."""
    labels = app_labels or ("accounts", "partnerships", "auditlog")
    return {
        model._meta.label: model._base_manager.count()
        for label in labels
        for model in apps.get_app_config(label).get_models()
        # The API tokens a test makes for itself (``api_token``) are its keys, not its subject.
        if model._meta.label not in SNAPSHOT_SKIPS
    }


SNAPSHOT_SKIPS = {"accounts.ApiToken"}


@contextmanager
def sector_registered(sector, *, alone: bool = False):
    """Register a sector's contributions for the block (``alone``: with no other sector
    registered); the registry is as it was after."""
    from sistercity.core.registry import registry

    saved = dict(registry.sectors)
    if alone:
        registry.sectors.clear()
    registry.register(sector)
    try:
        yield sector
    finally:
        registry.sectors.clear()
        registry.sectors.update(saved)


def template_dir(settings, folder, **templates: str) -> None:
    """Write ``name=source`` templates into ``folder`` and put it first in the template path
    (pytest-django's ``settings`` fixture restores the setting after the test)."""
    for name, source in templates.items():
        (folder / name).write_text(source)
    engines = copy.deepcopy(settings.TEMPLATES)
    engines[0]["DIRS"] = [folder, *engines[0]["DIRS"]]
    settings.TEMPLATES = engines


RQ_BACKEND = "django_tasks_rq.RQBackend"


def run_queued_tasks() -> None:
    """Run everything queued, as the configured backend's worker does in production, then return.

    The database backend's ``db_worker --batch``; for RQ a burst worker on the real Redis. The
    RQ worker runs jobs in this process (``SimpleWorker``, no fork), so they see the test's
    database as the web process does.
    """
    if settings.TASKS["default"]["BACKEND"] == RQ_BACKEND:
        import django_rq
        from rq.worker import SimpleWorker

        worker = django_rq.get_worker(
            "default",
            job_class="django_tasks_rq.Job",
            worker_class=SimpleWorker,  # type: ignore[arg-type]  # a Worker subclass
        )
        worker.work(burst=True)
    else:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def api_token(user) -> str:
    """A fresh API token for ``user`` (the clear key, for ``Authorization: Token …``)."""
    from auditlog.context import disable_auditlog

    from sistercity.accounts.models import ApiToken

    with disable_auditlog():  # a test's own key, not a change it makes
        _instance, key = ApiToken.objects.create(user=user)
    return key
