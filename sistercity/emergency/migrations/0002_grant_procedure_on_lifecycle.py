"""The grant procedure runs on the lifecycle machinery: its steps and documents become a track
of partnerships (seeded from ``grant_data``); 0003-0005 then point a grant's step, moves and
documents at those stages and document types instead of codes of the app's own step table."""

from django.db import migrations

from sistercity.emergency import grant_data

def seed(apps, schema_editor):
    grant_data.seed(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("emergency", "0001_initial"),
        ("partnerships", "0005_track_subject"),
    ]

    # Each step of the move is a migration of its own: PostgreSQL refuses to add or alter a
    # foreign key to a table in the transaction that wrote rows to it (their deferred checks
    # are still pending), and each migration commits on its own.
    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
