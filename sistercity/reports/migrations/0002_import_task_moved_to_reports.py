"""The programmes import task moved from ``programs.tasks`` to ``reports.tasks`` (programs no
longer knows the job machinery). The database queue stores a task by its import path, so rows
queued under the old path are pointed at the new one; otherwise the worker could not load them."""

from django.db import migrations

OLD = "sistercity.programs.tasks.import_programmes"
NEW = "sistercity.reports.tasks.import_programmes"


def _repoint(apps, old: str, new: str) -> None:
    result = apps.get_model("django_tasks_database", "DBTaskResult")
    result.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    _repoint(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _repoint(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("django_tasks_database", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
