"""Refresh the catalogue's names to the glossary's agreed terms (Pernyataan Kehendak Kerja
Sama for the Letter of Intent, Rencana Kerja Sama, naskah kerja sama)."""

from django.db import migrations

from sistercity.partnerships.catalogue import seed_catalogue


def seed(apps, schema_editor):
    seed_catalogue(apps)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0003_pillar_in_core")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
