"""Drop the API's own statement table: lms keeps every statement now (see 0002)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0002_move_statements_to_lms'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Statement',
        ),
    ]
