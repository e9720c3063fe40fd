import time

from django.conf import settings
from django.core.management.base import BaseCommand

from sistercity.partnerships.tasks import send_due_reminders


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (deadline reminders) every REMINDER_CHECK_SECONDS. "
        "The worker (db_worker) runs them; because the reminder job catches up on everything "
        "due, a worker or scheduler that was down loses nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue once and exit.")

    def handle(self, *args, once=False, **options):
        while True:
            send_due_reminders.enqueue()
            if once:
                return
            time.sleep(settings.REMINDER_CHECK_SECONDS)
