"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.exchange import services


@task()
def expire_offers() -> int:
    return services.offers_expire_due()


@task()
def send_readiness_reminders() -> int:
    return services.readiness_send_reminders()


@task()
def erase_expired_personal_data() -> int:
    """Erase applicants' personal data once the retention period after their application
    settled is over (the scheduler enqueues it on every tick; it catches up and is
    idempotent)."""
    return services.applications_erase_due()
