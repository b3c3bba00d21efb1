from django.db import migrations

PROGRAMMES = [
    ("inclusive-education", "Inclusive education", 10),
    ("vet", "Vocational education and training", 20),
    ("quality-assurance", "Quality assurance", 30),
]


def create_programmes(apps, schema_editor):
    Programme = apps.get_model("courses", "Programme")
    for slug, name, order in PROGRAMMES:
        Programme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_course_page_tree")]

    operations = [migrations.RunPython(create_programmes, migrations.RunPython.noop)]
