"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.partnerships import services


@task()
def send_due_reminders() -> int:
    return services.reminders_send_due()
