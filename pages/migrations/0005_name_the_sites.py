from django.conf import settings
from django.db import migrations


def name_the_sites(apps, schema_editor):
    """Name unnamed sites ``WAGTAIL_SITE_NAME``: the dashboard otherwise shows the host."""
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(site_name="").update(site_name=settings.WAGTAIL_SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_guidance_body_h5p_and_scorm_blocks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(name_the_sites, migrations.RunPython.noop)]
