"""Files go through Django's storage API only, so an S3-compatible store (django-storages, set by
STORAGE_BACKEND) can replace local disk: with a storage that is not a disk, a document is
uploaded and downloaded whole, and nothing is written under MEDIA_ROOT."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import InMemoryStorage
from django.urls import reverse

from sistercity.partnerships import services
from sistercity.partnerships.models import DocumentType
from sistercity.testing import pdf_upload

pytestmark = pytest.mark.django_db


def _files_on_disk() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_documents_live_in_whatever_storage_is_configured(settings, partnership, sari, client):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    on_disk = _files_on_disk()
    upload = pdf_upload("loi.pdf", "Letter in the object store")
    content = upload.read()
    upload.seek(0)
    document = services.document_upload(
        actor=sari,
        partnership=partnership,
        document_type=DocumentType.objects.get(code="loi"),
        title="Letter of Intent in the object store",
        language="multi",
        file=upload,
    )
    version = document.versions.get()
    assert isinstance(version.file.storage._wrapped, InMemoryStorage)
    assert version.file.storage.exists(version.file.name)

    client.force_login(sari)
    response = client.get(reverse("partnerships:download", args=[version.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert _files_on_disk() == on_disk
