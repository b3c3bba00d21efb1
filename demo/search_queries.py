"""Twenty searches teachers and parents type into the library catalogue, with what they must find.

Each is a query as typed (case, letters and endings as people write them on a phone
or a foreign keyboard), the language it is in, what it tries, and the titles of the
demo materials (:mod:`demo.content_library`) it must find among its results.
``tests/library/test_search_languages.py`` runs them on the database the suite
runs on (SQLite and PostgreSQL in CI); ``manage.py measure_search`` counts how many
each search approach finds (docs/library.md, "Search").
"""

from typing import NamedTuple


class SearchCase(NamedTuple):
    query: str
    language: str
    tries: str
    expected: tuple[str, ...]


SEARCH_QUERIES = [
    SearchCase(
        "брайль",
        "ru",
        "nominative query, genitive in the title",
        ("Азбука Брайля для начальной школы",),
    ),
    SearchCase(
        "аутизм",
        "ru",
        "noun finds its adjective",
        ("Дети с расстройствами аутистического спектра в школе",),
    ),
    SearchCase(
        "лёгкое чтение",
        "ru",
        "ё typed, other case endings indexed",
        ("Сказки в лёгком чтении",),
    ),
    SearchCase(
        "легкое чтение",
        "ru",
        "е typed for ё",
        ("Сказки в лёгком чтении",),
    ),
    SearchCase(
        "ребенок",
        "ru",
        "е for ё and the vowel that drops (ребёнка)",
        ("Родителям особого ребёнка", "Дети с расстройствами аутистического спектра в школе"),
    ),
    SearchCase(
        "дислексией",
        "ru",
        "instrumental case query, nominative indexed",
        ("Дислексия и дисграфия: коррекционная работа",),
    ),
    SearchCase(
        "инклюзивная школа",
        "ru",
        "adjective and noun in another case",
        ("Управление инклюзивной школой",),
    ),
    SearchCase(
        "жестового языка",
        "ru",
        "genitive query, nominative title",
        ("Русский жестовый язык: видеокурс",),
    ),
    SearchCase(
        "ИНДИВИДУАЛЬНЫЙ ПЛАН",
        "ru",
        "capitals; words from the description",
        ("Индивидуальный образовательный маршрут",),
    ),
    SearchCase(
        "советы родителям",
        "ru",
        "plural and dative against title and description",
        ("Родителям особого ребёнка",),
    ),
    SearchCase(
        "qiymət",
        "az",
        "the start of a longer word",
        ("Qiymətləndirmə alətləri: inklüziv sinif",),
    ),
    SearchCase(
        "autizmli uşaqlar",
        "az",
        "suffixed forms (autizmli, uşaqlarla, uşaqların)",
        ("Autizm spektri pozuntusu olan uşaqlarla iş",),
    ),
    SearchCase(
        "İNKLÜZİV TƏHSİL",
        "az",
        "capitals with dotted İ",
        ("İnklüziv təhsil: müəllim üçün bələdçi", "Valideynlər üçün inklüziv təhsil kitabçası"),
    ),
    SearchCase(
        "inkluziv tehsil",
        "az",
        "typed without Azerbaijani letters",
        ("İnklüziv təhsil: müəllim üçün bələdçi", "Valideynlər üçün inklüziv təhsil kitabçası"),
    ),
    SearchCase(
        "ISMAYILOVA",
        "az",
        "dotless I in capitals finds İsmayılova",
        ("Məktəbəqədər yaşda inkişaf ləngiməsi",),
    ),
    SearchCase(
        "valideynlərə",
        "az",
        "dative query, plural and instrumental indexed",
        (
            "Valideynlər üçün inklüziv təhsil kitabçası",
            "Fərdi təhsil planı: hazırlanması və tətbiqi",
        ),
    ),
    SearchCase(
        "işarət dilində",
        "az",
        "locative query, nominative title",
        ("Azərbaycan işarət dili: əsas lüğət",),
    ),
    SearchCase(
        "məktəblərdə",
        "az",
        "plural locative query, other forms indexed",
        ("İnklüziv təhsil: müəllim üçün bələdçi", "Məktəb rəhbəri üçün inklüzivlik indeksi"),
    ),
    SearchCase(
        "autism",
        "en",
        "noun finds the adjective (autistic)",
        ("The Reason I Jump", "Thinking in Pictures"),
    ),
    SearchCase(
        "magnif",
        "en",
        "the start of a word",
        ("Desktop video magnifier (CCTV)", "Handheld electronic magnifier"),
    ),
]
