"""Existing grants, moves and documents point at the stages and document types of their old
step and kind codes."""

from django.db import migrations

from sistercity.emergency import grant_data

# The old table's "other" document becomes the procedure's own type (codes are global).
RENAMED_KINDS = {"other": "grant_other"}


def to_stages(apps, schema_editor):
    Stage = apps.get_model("partnerships", "Stage")
    DocumentType = apps.get_model("partnerships", "DocumentType")
    stages = {s.code: s for s in Stage.objects.filter(track__code=grant_data.TRACK_CODE)}
    types = {t.code: t for t in DocumentType.objects.filter(subject=grant_data.SUBJECT)}
    for grant in apps.get_model("emergency", "VehicleGrant").objects.all():
        grant.current_stage = stages[grant.current_step]
        grant.save(update_fields=["current_stage"])
    for move in apps.get_model("emergency", "GrantTransition").objects.all():
        move.from_stage = stages.get(move.from_step)
        move.to_stage = stages.get(move.to_step)
        move.save(update_fields=["from_stage", "to_stage"])
    for document in apps.get_model("emergency", "GrantDocument").objects.all():
        document.document_type = types[RENAMED_KINDS.get(document.kind, document.kind)]
        document.save(update_fields=["document_type"])


class Migration(migrations.Migration):
    dependencies = [
        ("emergency", "0003_grant_stage_fields"),
    ]

    operations = [
        migrations.RunPython(to_stages, migrations.RunPython.noop),
    ]
