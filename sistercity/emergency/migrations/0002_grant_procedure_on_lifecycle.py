"""The grant procedure runs on the lifecycle machinery: its steps and documents become a track
of partnerships (seeded from ``grant_data``), and a grant's step, moves and documents point at
its stages and document types instead of codes of the app's own step table."""

import django.db.models.deletion
from django.db import migrations, models

from sistercity.emergency import grant_data

# The old table's "other" document becomes the procedure's own type (codes are global).
RENAMED_KINDS = {"other": "grant_other"}


def seed(apps, schema_editor):
    grant_data.seed(apps)


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
        ("emergency", "0001_initial"),
        ("partnerships", "0005_track_subject"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.AddField(
            model_name="vehiclegrant",
            name="current_stage",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.stage",
                verbose_name="current step",
            ),
        ),
        migrations.AddField(
            model_name="granttransition",
            name="from_stage",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.stage",
                verbose_name="from",
            ),
        ),
        migrations.AddField(
            model_name="granttransition",
            name="to_stage",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.stage",
                verbose_name="to",
            ),
        ),
        migrations.AddField(
            model_name="grantdocument",
            name="document_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="partnerships.documenttype",
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(to_stages, migrations.RunPython.noop),
        migrations.RemoveField(model_name="vehiclegrant", name="current_step"),
        migrations.RemoveField(model_name="granttransition", name="from_step"),
        migrations.RemoveField(model_name="granttransition", name="to_step"),
        migrations.RemoveField(model_name="grantdocument", name="kind"),
        migrations.AlterField(
            model_name="vehiclegrant",
            name="current_stage",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.stage",
                verbose_name="current step",
            ),
        ),
        migrations.AlterField(
            model_name="grantdocument",
            name="document_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                to="partnerships.documenttype",
                verbose_name="kind",
            ),
        ),
    ]
