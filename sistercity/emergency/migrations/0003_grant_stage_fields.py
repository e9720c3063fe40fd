"""The grant's step, moves and documents get foreign keys to the procedure's stages and document
types (nullable until 0004 fills them in)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("emergency", "0002_grant_procedure_on_lifecycle"),
    ]

    operations = [
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
    ]
