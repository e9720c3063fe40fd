import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from sistercity.core import scheduler


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs the apps register (deadline reminders, offer expiry, "
        "pre-departure reminders, …) once per REMINDER_CHECK_SECONDS period; the worker "
        "(db_worker, or rqworker with the RQ backend) runs them. Safe to run on several "
        "machines: one of them claims each period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Tick once (if the period is free) and exit."
        )

    def handle(self, *args, once=False, **options):
        # Each job catches up on everything due and is idempotent (reminders are recorded
        # before they are sent), so a tick missed while the scheduler or the worker was down
        # loses nothing and an extra tick sends nothing twice.
        while True:
            if scheduler.tick():
                self.stdout.write("Enqueued the periodic jobs.", self.style.SUCCESS)
            elif once:
                self.stdout.write("Another scheduler has already run this period.")
            if once:
                return
            time.sleep(
                scheduler.next_period_in(timezone.now(), settings.REMINDER_CHECK_SECONDS) + 1
            )
