from django.core.management.base import BaseCommand

from sistercity.demo.data import DEMO_PASSWORD, PERSONAS, load_demo


class Command(BaseCommand):
    help = "Load the Batang–Toyama demo (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        demo = load_demo()
        self.stdout.write(f"Demo partnership: /id/partnerships/{demo.partnership.slug}/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, name, _reading, _lang, _zone, org, role in PERSONAS:
            label = role.label if role else "platform admin"
            self.stdout.write(f"  {email:32} {name} — {label}{f' ({org})' if org else ''}")
