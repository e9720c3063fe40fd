from django.db import migrations


def seed(apps, schema_editor):
    from sistercity.glossary.seed import seed_glossary

    seed_glossary(apps)


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
