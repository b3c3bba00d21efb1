"""Drop the SCORM app's own attempt table: lms keeps SCO attempts now (see 0003)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('scorm', '0003_move_attempts_to_lms'),
    ]

    operations = [
        migrations.DeleteModel(
            name='ScormAttempt',
        ),
    ]
