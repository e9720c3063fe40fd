from django.core.management.base import BaseCommand
from django.utils import translation

from sistercity.demo.data import DEMO_PASSWORD, PERSONAS, load_demo, sector_logins


class Command(BaseCommand):
    help = "Load the Batang–Toyama demo (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        demo = load_demo()
        self.stdout.write(f"Demo partnership: /id/partnerships/{demo.partnership.slug}/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        # In English, as the README's table of personas is.
        with translation.override("en"):
            for email, name, _reading, _lang, _zone, org, role in PERSONAS:
                label = role.label if role else "platform admin"
                self.stdout.write(f"  {email:32} {name} — {label}{f' ({org})' if org else ''}")
        self.stdout.write("Sector logins (same password):")
        for email, who in sector_logins():
            self.stdout.write(f"  {email:32} {who}")
