"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.investment import services


@task()
def remind_overdue_next_steps() -> int:
    return services.next_step_reminders_send()
