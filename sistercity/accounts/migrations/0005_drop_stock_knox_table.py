"""Drop the stock token table that knox's own migrations created before settings turned them off
(``MIGRATION_MODULES``): our ``ApiToken`` replaces that model, nothing ever wrote to the table,
and on PostgreSQL its foreign key to ``accounts_user`` makes every flush of the database fail."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_apitoken"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS knox_authtoken", migrations.RunSQL.noop),
    ]
