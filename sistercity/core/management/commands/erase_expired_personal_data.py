from django.core.management.base import BaseCommand

from sistercity.core.registry import registry


class Command(BaseCommand):
    help = (
        "Erase the personal data whose retention period is over, in every app that keeps some "
        "(EXCHANGE_APPLICATION_RETENTION_DAYS, CULTURE_REGISTRATION_RETENTION_DAYS, …); counts, "
        "statuses and dates stay. The scheduler runs the same rules on every tick; this command "
        "is for running them now. Idempotent."
    )

    def handle(self, *args, **options):
        for app_label, count in sorted(registry.retention().items()):
            self.stdout.write(f"{app_label}: {count} erased")
