"""Seed the Japan export rules every installation starts with (``trade.rules_data``)."""

from django.db import migrations


def seed(apps, schema_editor):
    from sistercity.trade.rules_data import JAPAN_RULES

    rule_model = apps.get_model("trade", "ExportRule")
    translation_model = apps.get_model("trade", "ExportRuleTranslation")
    for position, data in enumerate(JAPAN_RULES):
        rule, created = rule_model.objects.get_or_create(
            code=data["code"],
            defaults={
                "position": position,
                "hs_prefixes": data["hs_prefixes"],
                "condition": data["condition"],
                "evidence": data["evidence"],
                "parameter": data.get("parameter", ""),
                "permit_kind": data.get("permit_kind", ""),
                "source": data["source"],
                "url": data["url"],
            },
        )
        if not created:
            continue
        for language, title, next_step in zip(
            ("id", "ja", "en"), data["title"], data["next_step"], strict=True
        ):
            translation_model.objects.create(
                master=rule, language_code=language, title=title, next_step=next_step
            )


class Migration(migrations.Migration):
    dependencies = [("trade", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
