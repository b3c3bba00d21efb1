"""Drop the H5P app's own statement and attempt tables: lms keeps them now (see 0004)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0004_move_statements_and_attempts_to_lms"),
    ]

    operations = [
        migrations.DeleteModel(name="H5PStatement"),
        migrations.DeleteModel(name="H5PAttempt"),
    ]
