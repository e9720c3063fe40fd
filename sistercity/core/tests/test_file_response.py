"""Every file leaves the server with the same headers."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.http import Http404

from sistercity.core.views import file_response


def test_bytes_get_no_store_nosniff_and_an_rfc5987_name():
    response = file_response(b"a,b\n", filename="富山 報告.csv", content_type="text/csv")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E5%AF%8C%E5%B1%B1%20%E5%A0%B1%E5%91%8A.csv" in disposition
    assert response.content == b"a,b\n"


def test_public_files_may_be_cached():
    response = file_response(
        b"x", filename="open-data.zip", content_type="application/zip", private=False
    )
    assert "Cache-Control" not in response
    assert response["Content-Disposition"] == 'attachment; filename="open-data.zip"'


class _Holder:
    pass


@pytest.fixture
def stored(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    name = default_storage.save("private/abc123.pdf", ContentFile(b"%PDF-1.4 test"))
    yield name
    default_storage.delete(name)


def _field_file(name):
    from sistercity.partnerships.models import DocumentVersion

    return FieldFile(_Holder(), DocumentVersion._meta.get_field("file"), name)


def test_a_stored_file_goes_out_under_its_original_name_never_its_storage_name(stored):
    response = file_response(
        _field_file(stored), filename="MoU Batang.pdf", content_type="application/pdf"
    )
    assert response["Content-Disposition"] == 'attachment; filename="MoU Batang.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert response["Cache-Control"] == "private, no-store"


def test_a_missing_stored_file_is_a_404(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    with pytest.raises(Http404):
        file_response(_field_file("gone.pdf"), filename="x.pdf", content_type="application/pdf")
