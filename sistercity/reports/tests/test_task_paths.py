"""The database queue stores a task by its import path: the programmes import moved from
programs to reports, and a row queued before the move must still reach the task."""

import importlib

import pytest
from django.apps import apps
from django_tasks_db.models import DBTaskResult

from sistercity.reports import tasks

move = importlib.import_module("sistercity.reports.migrations.0002_import_task_moved_to_reports")

pytestmark = pytest.mark.django_db


def test_the_jobs_tasks_keep_their_names():
    assert tasks.import_programmes.name == "import_programmes"
    assert tasks.generate_me_report.name == "generate_me_report"
    assert tasks.import_programmes.module_path == move.NEW


def test_a_row_queued_under_the_old_path_is_pointed_at_the_moved_task():
    queued = tasks.import_programmes.enqueue(1)
    DBTaskResult.objects.filter(pk=queued.id).update(task_path=move.OLD)

    move.forwards(apps, None)

    row = DBTaskResult.objects.get(pk=queued.id)
    assert row.task_path == move.NEW
    assert row.task.func is tasks.import_programmes.func
