import time

from django.conf import settings
from django.core.management.base import BaseCommand

from sistercity.exchange.tasks import expire_offers, send_readiness_reminders
from sistercity.partnerships.tasks import send_due_reminders

# Jobs enqueued on every tick. Each one catches up on everything due and is idempotent
# (reminders are recorded before they are sent), so a tick missed while the scheduler or the
# worker was down loses nothing and an extra tick sends nothing twice.
PERIODIC_TASKS = [send_due_reminders, expire_offers, send_readiness_reminders]


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (deadline reminders, offer expiry, pre-departure reminders) "
        "every REMINDER_CHECK_SECONDS; the worker (db_worker) runs them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue once and exit.")

    def handle(self, *args, once=False, **options):
        while True:
            for periodic in PERIODIC_TASKS:
                periodic.enqueue()
            if once:
                return
            time.sleep(settings.REMINDER_CHECK_SECONDS)
