"""``manage.py restore ARCHIVE``: replace the database and the media with a backup's."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sistercity.core.backup import restore_backup
from sistercity.core.errors import SisterCityError


class Command(BaseCommand):
    help = "Replace the database and the media files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, archive: Path, interactive: bool, **options):
        if interactive:
            answer = input(
                "This replaces the whole database and every media file. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(archive)
        except SisterCityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created']} "
            f"({manifest['engine']}, {len(manifest['media'])} files)."
        )
