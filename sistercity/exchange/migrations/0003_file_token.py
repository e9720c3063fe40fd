"""Application files get a random download key: the address of a file no longer counts up, so
one file's address says nothing about the next one's."""

import uuid

from django.db import migrations, models


def fill_tokens(apps, schema_editor):
    ApplicationFile = apps.get_model("exchange", "ApplicationFile")
    for stored in ApplicationFile.objects.filter(token__isnull=True).only("pk"):
        ApplicationFile.objects.filter(pk=stored.pk).update(token=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0002_pillar_in_core"),
    ]

    operations = [
        migrations.AddField(
            model_name="applicationfile",
            name="token",
            field=models.UUIDField(editable=False, null=True, verbose_name="download key"),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="applicationfile",
            name="token",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="download key"
            ),
        ),
    ]
