"""Uploaded files are judged by their content, not by their name.

A renamed executable or an HTML page saved as ``.pdf`` is refused; the stored name is sanitised
and its extension is the one that matches the detected content.
"""

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError

# extension -> MIME type of what we accept for partnership documents.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}


@dataclass(frozen=True)
class InspectedFile:
    name: str
    extension: str
    content_type: str
    size: int
    sha256: str


def inspect_upload(upload: UploadedFile, *, max_bytes: int | None = None) -> InspectedFile:
    """Check size and content type; return what to store. Raises SisterCityError."""
    limit = max_bytes or settings.DOCUMENT_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise SisterCityError(_("The file is empty."), code="file_empty", field="file")
    if upload.size > limit:
        raise SisterCityError(
            _("The file is {size}; the limit is {limit}.").format(
                size=filesizeformat(upload.size), limit=filesizeformat(limit)
            ),
            code="file_too_large",
            field="file",
        )
    upload.seek(0)
    head = upload.read(8192)
    kind = filetype.guess(head)
    # filetype tells DOCX/XLSX apart from other ZIPs only by reading further into the archive.
    if kind is not None and kind.extension == "zip":
        upload.seek(0)
        kind = filetype.guess(upload.read())
    extension = kind.extension if kind else None
    if extension not in ALLOWED_TYPES:
        raise SisterCityError(
            _("This file type is not accepted. Upload a PDF, DOCX, XLSX, PNG or JPEG file."),
            code="file_type",
            field="file",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stem = (upload.name or "document").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    safe_stem = _safe_stem(stem)
    return InspectedFile(
        name=f"{safe_stem}.{extension}",
        extension=extension,
        content_type=ALLOWED_TYPES[extension],
        size=upload.size,
        sha256=digest.hexdigest(),
    )


def _safe_stem(stem: str) -> str:
    """The name to store a file under, from the name it was uploaded with (letters, digits,
    hyphens, dots and underscores of any script). A name with none of those (「」.pdf) is
    refused with a message saying so, rather than Django's untranslated "Bad Request"."""
    try:
        return get_valid_filename(stem)[:80] or "document"
    except SuspiciousFileOperation:
        raise SisterCityError(
            _(
                "The file name “{name}” has no letters or digits. Rename the file (for example "
                "“passport.pdf”) and upload it again."
            ).format(name=stem),
            code="file_name",
        ) from None


@contextmanager
def removing_files_on_failure():
    """Collect the names of files written to storage; delete them if the block fails.

    Storage is not transactional: a file saved inside a transaction that rolls back would
    otherwise stay on disk, unreferenced.
    """
    written: list[str] = []
    try:
        yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
