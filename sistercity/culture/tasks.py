"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.culture import services


@task()
def erase_registrant_data() -> int:
    """Erase registrants' names and addresses once the retention time after their event is
    over (the scheduler enqueues it on every tick; it catches up and is idempotent)."""
    return services.registrations_erase_due()
