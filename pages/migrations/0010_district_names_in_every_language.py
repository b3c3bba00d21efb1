"""Azerbaijan's cities and districts named in Azerbaijani, Russian and English.

Places keep their Azerbaijani spelling in English too (Bakı, Şəki, Ağcabədi);
Russian has its own established names. A district renamed on this site (its
name no longer the one 0008 gave it) keeps its own names.
"""

from django.db import migrations
from django.utils.text import slugify

# The districts pages 0008 seeds, by slug: (Azerbaijani, Russian). Places keep their
# Azerbaijani spelling in English too; Russian has its own established names.
DISTRICTS = {
    "baku": ("Bakı", "Баку"),
    "ganja": ("Gəncə", "Гянджа"),
    "sumgayit": ("Sumqayıt", "Сумгайыт"),
    "mingachevir": ("Mingəçevir", "Мингечевир"),
    "shirvan": ("Şirvan", "Ширван"),
    "lankaran": ("Lənkəran", "Ленкорань"),
    "shaki": ("Şəki", "Шеки"),
    "yevlakh": ("Yevlax", "Евлах"),
    "naftalan": ("Naftalan", "Нафталан"),
    "khankendi": ("Xankəndi", "Ханкенди"),
    "nakhchivan": ("Naxçıvan", "Нахчыван"),
    "absheron": ("Abşeron", "Абшерон"),
    "agdam": ("Ağdam", "Агдам"),
    "agdash": ("Ağdaş", "Агдаш"),
    "agjabadi": ("Ağcabədi", "Агджабеди"),
    "aghstafa": ("Ağstafa", "Агстафа"),
    "agsu": ("Ağsu", "Агсу"),
    "astara": ("Astara", "Астара"),
    "babek": ("Babək", "Бабек"),
    "balakan": ("Balakən", "Балакен"),
    "barda": ("Bərdə", "Барда"),
    "beylagan": ("Beyləqan", "Бейлаган"),
    "bilasuvar": ("Biləsuvar", "Билясувар"),
    "dashkasan": ("Daşkəsən", "Дашкесан"),
    "fuzuli": ("Füzuli", "Физули"),
    "gadabay": ("Gədəbəy", "Гедабек"),
    "gakh": ("Qax", "Гах"),
    "gazakh": ("Qazax", "Газах"),
    "gabala": ("Qəbələ", "Габала"),
    "gobustan": ("Qobustan", "Гобустан"),
    "goranboy": ("Goranboy", "Геранбой"),
    "goychay": ("Göyçay", "Гёйчай"),
    "goygol": ("Göygöl", "Гёйгёль"),
    "guba": ("Quba", "Губа"),
    "gubadli": ("Qubadlı", "Губадлы"),
    "gusar": ("Qusar", "Гусар"),
    "hajigabul": ("Hacıqabul", "Гаджигабул"),
    "imishli": ("İmişli", "Имишли"),
    "ismayilli": ("İsmayıllı", "Исмаиллы"),
    "jabrayil": ("Cəbrayıl", "Джебраил"),
    "jalilabad": ("Cəlilabad", "Джалилабад"),
    "julfa": ("Culfa", "Джульфа"),
    "kangarli": ("Kəngərli", "Кенгерли"),
    "kalbajar": ("Kəlbəcər", "Кельбаджар"),
    "khachmaz": ("Xaçmaz", "Хачмаз"),
    "khizi": ("Xızı", "Хызы"),
    "khojaly": ("Xocalı", "Ходжалы"),
    "khojavend": ("Xocavənd", "Ходжавенд"),
    "kurdamir": ("Kürdəmir", "Кюрдамир"),
    "lachin": ("Laçın", "Лачин"),
    "lerik": ("Lerik", "Лерик"),
    "masally": ("Masallı", "Масаллы"),
    "neftchala": ("Neftçala", "Нефтчала"),
    "oghuz": ("Oğuz", "Огуз"),
    "ordubad": ("Ordubad", "Ордубад"),
    "saatly": ("Saatlı", "Саатлы"),
    "sabirabad": ("Sabirabad", "Сабирабад"),
    "sadarak": ("Sədərək", "Садарак"),
    "salyan": ("Salyan", "Сальян"),
    "samukh": ("Samux", "Самух"),
    "shabran": ("Şabran", "Шабран"),
    "shahbuz": ("Şahbuz", "Шахбуз"),
    "shamakhi": ("Şamaxı", "Шамахы"),
    "shamkir": ("Şəmkir", "Шамкир"),
    "sharur": ("Şərur", "Шарур"),
    "shusha": ("Şuşa", "Шуша"),
    "siyazan": ("Siyəzən", "Сиазань"),
    "tartar": ("Tərtər", "Тертер"),
    "tovuz": ("Tovuz", "Товуз"),
    "ujar": ("Ucar", "Уджар"),
    "yardimli": ("Yardımlı", "Ярдымлы"),
    "zagatala": ("Zaqatala", "Закатала"),
    "zangilan": ("Zəngilan", "Зангилан"),
    "zardab": ("Zərdab", "Зардаб"),
}


def name_in_every_language(apps, schema_editor):
    District = apps.get_model("lms", "District")
    for district in District.objects.filter(slug__in=DISTRICTS):
        # 0008 named it after its slug ("Agjabadi", agjabadi); a site's own name stays.
        if slugify(district.name) != district.slug and district.name != DISTRICTS[district.slug][0]:
            continue
        azerbaijani, russian = DISTRICTS[district.slug]
        district.name = district.name_az = district.name_en = azerbaijani
        district.name_ru = russian
        district.save()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0009_video_captions_in_the_page_language"),
        ("lms", "0011_district_and_institution_names_in_every_language"),
    ]

    operations = [migrations.RunPython(name_in_every_language, migrations.RunPython.noop)]
