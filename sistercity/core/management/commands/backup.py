"""``manage.py backup [--output DIR]``: one archive of the database and the media files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sistercity.core.backup import create_backup
from sistercity.core.errors import SisterCityError


class Command(BaseCommand):
    help = "Back up the database (the engine's own dump) and the media files into one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="Folder the archive is written to (default: var/backups).",
        )

    def handle(self, *args, output: Path, **options):
        try:
            archive = create_backup(output)
        except SisterCityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
