"""The old step and kind codes go and the new foreign keys become required (a migration of its
own: see 0002 for why PostgreSQL needs the rows written before this committed first)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("emergency", "0004_grant_steps_to_stages"),
    ]

    operations = [
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
