"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task

from sistercity.reports import services


@task()
def generate_me_report(job_id: int) -> str:
    return services.job_run(job_id).status
