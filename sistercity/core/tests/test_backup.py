"""``manage.py backup`` and ``restore``: a round trip gives back every table row and every file;
a damaged or foreign archive changes nothing."""

import hashlib
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from sistercity.accounts.models import User
from sistercity.core.backup import create_backup, restore_backup
from sistercity.core.errors import SisterCityError
from sistercity.demo.data import load_demo
from sistercity.glossary.models import Term

# The dump tools read committed data through their own connection.
pytestmark = pytest.mark.django_db(transaction=True)


def _tables() -> dict[str, list[str]]:
    """Every row of every table, as text, in a stable order."""
    quote = connection.ops.quote_name
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - names from the catalogue
            snapshot[table] = sorted(repr(row) for row in cursor.fetchall())
    return snapshot


def _files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    default_storage.save("documents/loi.pdf", ContentFile(b"%PDF-1.4 signed LoI"))
    default_storage.save("applications/passport.pdf", ContentFile(b"%PDF-1.4 passport"))
    return Path(settings.MEDIA_ROOT)


def test_a_round_trip_gives_back_every_row_and_every_file(media, tmp_path):
    tables, files = _tables(), _files(media)
    assert files and sum(len(rows) for rows in tables.values()) > 100
    out = StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    assert archive.exists()

    # Everything changes after the backup: rows deleted and edited, files lost and added.
    Term.objects.all().delete()
    User.objects.filter(email="sari@batang.example").update(full_name="Someone else")
    (media / "documents" / "loi.pdf").unlink()
    default_storage.save("stray.txt", ContentFile(b"written after the backup"))
    assert _tables() != tables

    call_command("restore", str(archive), "--no-input", stdout=StringIO())
    assert _tables() == tables
    assert _files(media) == files


def test_a_damaged_archive_is_refused_and_nothing_changes(media, tmp_path):
    archive = create_backup(tmp_path / "backups")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media/documents/loi.pdf":
                data = b"%PDF-1.4 forged"
                member.size = len(data)
            from io import BytesIO

            target.addfile(member, BytesIO(data))
    Term.objects.filter(concept="call").delete()
    tables, files = _tables(), _files(media)
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        restore_backup(damaged)
    with translation.override("en"):
        assert "does not match its checksum" in str(refused.value)
    assert _tables() == tables and _files(media) == files


def test_a_file_that_is_not_a_backup_is_refused(media, tmp_path):
    not_a_backup = tmp_path / "notes.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as tar:
        tar.add(media / "documents" / "loi.pdf", arcname="loi.pdf")
    tables = _tables()
    with translation.override("en"):
        with pytest.raises(CommandError, match="no manifest"):
            call_command("restore", str(not_a_backup), "--no-input", stdout=StringIO())
        with pytest.raises(CommandError, match="cannot be read"):
            call_command("restore", str(tmp_path / "missing.tar.gz"), "--no-input")
    assert _tables() == tables
