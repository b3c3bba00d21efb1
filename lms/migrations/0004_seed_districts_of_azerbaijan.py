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
    dependencies = [("lms", "0003_districts_institutions_cohorts_and_targets")]

    operations = [migrations.RunPython(create_districts, migrations.RunPython.noop)]
