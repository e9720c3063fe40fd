"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.trade.services.reminders import permits_remind_due


@task()
def remind_expiring_permits() -> int:
    return permits_remind_due()
