"""Background jobs (Django Tasks API). Thin: they call services."""

from django_tasks import task


@task()
def import_programmes(job_id: int) -> str:
    # The job machinery (status, progress, error report) is the reports app's.
    from sistercity.reports.services import job_run

    return job_run(job_id).status
