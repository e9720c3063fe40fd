"""Backups of the whole installation: the database, by the engine's own tool, and the media
files, in one archive with a manifest of checksums.

- SQLite: Python's ``sqlite3`` online-backup API (the engine's own copy, consistent while the
  site runs); PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean``.
- Media: every file under ``MEDIA_ROOT`` (documents, applicants' files, photos) with its
  SHA-256, checked again after a restore.

``manage.py backup`` and ``manage.py restore`` call these; docs/deploy.md gives the schedule.
A restore replaces the database and the media entirely: it is for disaster recovery and for
copying production to a staging machine, not for undoing one edit (the audit log shows those).
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from sistercity.core.errors import SisterCityError

FORMAT = 1
MANIFEST = "manifest.json"


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise SisterCityError(
            _("Backups support SQLite and PostgreSQL, not {vendor}.").format(vendor=vendor)
        )
    return vendor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise SisterCityError(
            _("{tool} is not installed; it comes with PostgreSQL's client tools.").format(
                tool=command[0]
            )
        ) from error
    except subprocess.CalledProcessError as error:
        raise SisterCityError(
            _("{tool} failed: {reason}").format(tool=command[0], reason=error.stderr.strip())
        ) from error


def _dump_database(engine: str, folder: Path) -> str:
    if engine == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return "database.sqlite3"
    args, env = _pg_environment()
    dump = folder / "database.pgdump"
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(dump), *args],
        env,
    )
    return dump.name


def create_backup(output_dir: Path) -> Path:
    """Write ``sistercity-backup-<UTC time>.tar.gz`` into ``output_dir``; return its path."""
    engine = _engine()
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = output_dir / f"sistercity-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "engine": engine,
            "database": _dump_database(engine, folder),
            "media": _media_files(),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder / MANIFEST, arcname=MANIFEST)
            tar.add(folder / manifest["database"], arcname=manifest["database"])
            root = Path(settings.MEDIA_ROOT)
            for name in manifest["media"]:
                tar.add(root / name, arcname=f"media/{name}")
    return archive


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SisterCityError(_("This is not a SisterCity backup: it has no manifest.")) from error
    if manifest.get("format") != FORMAT:
        raise SisterCityError(_("This backup's format is not one this version can restore."))
    for name, digest in manifest["media"].items():
        path = folder / "media" / name
        if not path.is_file() or _sha256(path) != digest:
            raise SisterCityError(
                _("The backup is damaged: the file {name} does not match its checksum.").format(
                    name=name
                )
            )
    return manifest


def _restore_database(engine: str, dump: Path) -> None:
    if engine == "sqlite":
        source = sqlite3.connect(dump)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    args, env = _pg_environment()
    connection.close()  # pg_restore --clean drops the tables this connection may be reading
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *args,
            str(dump),
        ],
        env,
    )


def restore_backup(archive: Path) -> dict[str, Any]:
    """Replace the database and the media with the backup's; return its manifest. Nothing is
    replaced when the archive is damaged or made from another database engine."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(folder, filter="data")
        except (OSError, tarfile.TarError) as error:
            raise SisterCityError(
                _("The backup cannot be read: {reason}").format(reason=error)
            ) from error
        manifest = _read_manifest(folder)
        if manifest["engine"] != engine:
            raise SisterCityError(
                _("This backup was made from {theirs}; this installation runs {ours}.").format(
                    theirs=manifest["engine"], ours=engine
                )
            )
        _restore_database(engine, folder / manifest["database"])
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        media.mkdir(parents=True)
        if (folder / "media").exists():
            shutil.copytree(folder / "media", media, dirs_exist_ok=True)
    return manifest
