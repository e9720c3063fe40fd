"""Seed the Japan export rules every installation starts with (``trade.rules_data``)."""

from django.db import migrations


def seed(apps, schema_editor):
    from sistercity.trade.rules_data import seed as seed_rules

    seed_rules(apps.get_model("trade", "ExportRule"), apps.get_model("trade", "ExportRuleTranslation"))


class Migration(migrations.Migration):
    dependencies = [("trade", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
