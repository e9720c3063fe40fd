import time

from django.conf import settings
from django.core.management.base import BaseCommand

from sistercity.core.registry import registry


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs the apps register (deadline reminders, offer expiry, "
        "pre-departure reminders, …) every REMINDER_CHECK_SECONDS; the worker (db_worker) "
        "runs them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue once and exit.")

    def handle(self, *args, once=False, **options):
        # Each job catches up on everything due and is idempotent (reminders are recorded
        # before they are sent), so a tick missed while the scheduler or the worker was down
        # loses nothing and an extra tick sends nothing twice.
        while True:
            for job in registry.scheduled_jobs():
                job.enqueue()
            if once:
                return
            time.sleep(settings.REMINDER_CHECK_SECONDS)
