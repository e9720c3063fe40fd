"""``python manage.py export_iati batang-toyama > batang-toyama.xml``"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sistercity.core.errors import SisterCityError
from sistercity.partnerships.models import Partnership
from sistercity.programs.iati import export_iati


class Command(BaseCommand):
    help = "Write a partnership's programmes and activities as IATI 2.03 XML to stdout."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the partnership's short name, e.g. batang-toyama")
        parser.add_argument(
            "--public-only",
            action="store_true",
            help="only public programmes and activities (for publishing to the IATI registry)",
        )

    def handle(self, *args, slug, public_only=False, **options):
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            raise CommandError(_("No partnership with the short name “{slug}”.").format(slug=slug))
        try:
            xml = export_iati(partnership, public_only=public_only)
        except SisterCityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(xml.decode("utf-8"), ending="")
