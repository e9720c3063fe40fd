from django.core.management.base import BaseCommand

from sistercity.exchange import services


class Command(BaseCommand):
    help = (
        "Lapse offers not answered in time (their places go down the waiting list) and e-mail "
        "participants what their pre-departure checklist still misses (once a day each)."
    )

    def handle(self, *args, **options):
        expired = services.offers_expire_due()
        reminded = services.readiness_send_reminders()
        self.stdout.write(f"{expired} offers expired, {reminded} readiness reminders sent.")
