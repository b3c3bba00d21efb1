"""Azerbaijan's cities and districts, for learners' profiles and the reports by district.

This is the site's reference data, so it is seeded here rather than by lms, which
another country's site installs as well (lms 0004 once did it, and is now empty).
Idempotent: a database that lms 0004 seeded keeps its rows.
"""

from django.db import migrations
from django.utils.text import slugify

CITIES = [
    "Baku", "Ganja", "Sumgayit", "Mingachevir", "Shirvan", "Lankaran", "Shaki",
    "Yevlakh", "Naftalan", "Khankendi", "Nakhchivan",
]
DISTRICTS = [
    "Absheron", "Agdam", "Agdash", "Agjabadi", "Aghstafa", "Agsu", "Astara", "Babek",
    "Balakan", "Barda", "Beylagan", "Bilasuvar", "Dashkasan", "Fuzuli", "Gadabay",
    "Gakh", "Gazakh", "Gabala", "Gobustan", "Goranboy", "Goychay", "Goygol", "Guba",
    "Gubadli", "Gusar", "Hajigabul", "Imishli", "Ismayilli", "Jabrayil", "Jalilabad",
    "Julfa", "Kangarli", "Kalbajar", "Khachmaz", "Khizi", "Khojaly", "Khojavend",
    "Kurdamir", "Lachin", "Lerik", "Masally", "Neftchala", "Oghuz", "Ordubad", "Saatly",
    "Sabirabad", "Sadarak", "Salyan", "Samukh", "Shabran", "Shahbuz", "Shamakhi",
    "Shamkir", "Sharur", "Shusha", "Siyazan", "Tartar", "Tovuz", "Ujar", "Yardimli",
    "Zagatala", "Zangilan", "Zardab",
]


def create_districts(apps, schema_editor):
    District = apps.get_model("lms", "District")
    for name in CITIES:
        District.objects.get_or_create(slug=slugify(name), defaults={"name": name, "kind": "city"})
    for name in DISTRICTS:
        District.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "kind": "district"}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_activity_blocks_by_registry"),
        ("lms", "0004_seed_districts_of_azerbaijan"),
    ]

    operations = [migrations.RunPython(create_districts, migrations.RunPython.noop)]
