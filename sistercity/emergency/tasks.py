"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.emergency.services import reminders


@task()
def send_emergency_reminders() -> int:
    return reminders.reminders_send_due()
