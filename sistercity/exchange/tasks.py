"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.exchange import services


@task()
def expire_offers() -> int:
    return services.offers_expire_due()


@task()
def send_readiness_reminders() -> int:
    return services.readiness_send_reminders()
