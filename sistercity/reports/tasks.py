"""Background jobs (Django Tasks API). Thin: they call services.

The database queue stores a task by its import path (``reports.tasks.<name>``): renaming or
moving one strands the rows already queued, so a move comes with a migration that repoints them
(see ``migrations/0002_import_task_moved_to_reports.py``).
"""

from django_tasks import task

from sistercity.reports import services


@task()
def generate_me_report(job_id: int) -> str:
    return services.job_run(job_id=job_id).status


@task()
def import_programmes(job_id: int) -> str:
    return services.job_run(job_id=job_id).status
