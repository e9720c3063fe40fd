"""Documents: uploads judged by content, versions, private downloads, term deadlines."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from sistercity.core.errors import SisterCityError
from sistercity.partnerships import services
from sistercity.partnerships.models import Deadline, Document, DocumentType
from sistercity.testing import (
    db_snapshot,
    docx_upload,
    exe_as_pdf,
    html_as_pdf,
    jpeg_upload,
    pdf_upload,
    png_upload,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload(partnership, user, file, **extra):
    return services.document_upload(
        actor=user,
        partnership=partnership,
        document_type=DocumentType.objects.get(code="loi"),
        title="Letter of Intent Batang–Toyama",
        language="multi",
        file=file,
        **extra,
    )


@pytest.mark.parametrize(
    "make_file, extension",
    [
        (pdf_upload, "pdf"),
        (docx_upload, "docx"),
        (xlsx_upload, "xlsx"),
        (png_upload, "png"),
        (jpeg_upload, "jpg"),
    ],
)
def test_accepted_types_are_stored_with_their_checksum(partnership, sari, make_file, extension):
    file = make_file()
    content = file.read()
    file.seek(0)
    document = upload(partnership, sari, file)
    version = document.versions.get()
    assert version.number == 1 and version.original_name.endswith(f".{extension}")
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert Path(version.file.path).read_bytes() == content


@pytest.mark.parametrize(
    "make_file, code",
    [(exe_as_pdf, "file_type"), (html_as_pdf, "file_type")],
)
def test_disguised_files_are_refused_and_nothing_is_written(partnership, sari, make_file, code):
    before, files = db_snapshot(), stored_files()
    with pytest.raises(SisterCityError) as refused:
        upload(partnership, sari, make_file())
    assert refused.value.code == code
    assert db_snapshot() == before and stored_files() == files


def test_oversized_and_empty_files_are_refused(partnership, sari, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        upload(partnership, sari, pdf_upload())
    assert refused.value.code == "file_too_large"
    assert "100" in str(refused.value)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(SisterCityError) as refused:
        upload(partnership, sari, SimpleUploadedFile("empty.pdf", b""))
    assert refused.value.code == "file_empty"
    assert db_snapshot() == before


def test_file_names_are_sanitised(partnership, sari):
    document = upload(partnership, sari, pdf_upload(name="../../etc/passwd <x>.exe.pdf"))
    version = document.versions.get()
    assert "/" not in version.original_name and "<" not in version.original_name
    assert version.original_name.endswith(".pdf")
    assert Path(version.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_a_new_upload_adds_a_version(partnership, sari):
    document = upload(partnership, sari, pdf_upload(text="draft"))
    services.document_add_version(actor=sari, document=document, file=pdf_upload(text="final"))
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]


def test_term_end_creates_a_deadline(partnership, sari):
    document = upload(
        partnership,
        sari,
        pdf_upload(),
        signed_on=dt.date(2027, 3, 1),
        term_start=dt.date(2027, 3, 1),
        term_end=dt.date(2032, 2, 28),
    )
    deadline = Deadline.objects.get(document=document)
    assert (deadline.kind, deadline.due_on) == ("term_end", dt.date(2032, 2, 28))


def test_term_cannot_end_before_it_starts(partnership, sari):
    before = db_snapshot()
    with pytest.raises(SisterCityError):
        upload(
            partnership,
            sari,
            pdf_upload(),
            term_start=dt.date(2030, 1, 1),
            term_end=dt.date(2029, 1, 1),
        )
    assert db_snapshot() == before


def test_upload_through_the_page_shows_the_document(partnership, sari, client_for):
    client = client_for(sari)
    url = reverse("partnerships:documents", args=[partnership.slug])
    response = client.post(
        url,
        {
            "document_type": DocumentType.objects.get(code="loi").pk,
            "title": "LoI signed",
            "language": "id",
            "signed_on": "2026-11-20",
            "file": pdf_upload(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "LoI signed" in response.content.decode()


def test_disguised_upload_through_the_page_shows_a_translated_error(partnership, sari, client_for):
    client = client_for(sari)
    before = db_snapshot()
    url = reverse("partnerships:documents", args=[partnership.slug]).replace("/id/", "/en/")
    response = client.post(
        url,
        {
            "document_type": DocumentType.objects.get(code="loi").pk,
            "title": "LoI",
            "language": "id",
            "file": exe_as_pdf(),
        },
        follow=True,
    )
    assert "This file type is not accepted" in response.content.decode()
    assert db_snapshot() == before


def test_download_is_permission_checked(partnership, sari, dewi, otto, budi, client):
    version = Document.objects.filter(partnership=partnership).first().versions.get()
    url = reverse("partnerships:download", args=[version.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for outsider in (dewi, otto):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    for member in (sari, budi):
        client.force_login(member)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
