from django.core.management.base import BaseCommand

from sistercity.partnerships.services import reminders_send_due


class Command(BaseCommand):
    help = "Send the deadline reminders that are due now (idempotent)."

    def handle(self, *args, **options):
        sent = reminders_send_due()
        self.stdout.write(f"{sent} reminder e-mail(s) sent.")
