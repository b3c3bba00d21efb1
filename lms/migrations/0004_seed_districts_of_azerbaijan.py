"""Once seeded Azerbaijan's districts; the site does now (pages 0008).

lms installs into other countries' sites, whose districts are their own. Kept,
empty, so that databases which applied it keep a consistent history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("lms", "0003_districts_institutions_cohorts_and_targets")]

    operations = []
