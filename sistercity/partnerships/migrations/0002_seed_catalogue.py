"""Seed pillars, document types and the two lifecycle tracks (see lifecycle_data.py)."""

from django.db import migrations

from sistercity.partnerships.catalogue import seed_catalogue


def seed(apps, schema_editor):
    seed_catalogue(apps)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
