"""Names of people and places as Azerbaijan writes them, for the demo's made-up learners.

A woman's surname ends in -ova, -yeva (Məmmədova, Əliyeva), a man's in -ov,
-yev (Məmmədov, Əliyev); surnames in -li/-lı (Kərimli, Sultanlı) are the same
for both. Everything is spelt in the Azerbaijani Latin alphabet (Ə ə, Ç ç,
Ş ş, Ğ ğ, İ ı, Ö ö, Ü ü) whatever the page's language; only addresses
(usernames, emails) are folded to ASCII, as people type them on a keyboard
without Azerbaijani letters (Məmmədova → memmedova).

    >>> person = make_person(random.Random(1), FEMALE)
    >>> person.last_name.endswith(("ova", "eva", "li", "lı"))
    True
"""

from dataclasses import dataclass

from django.utils.text import slugify

from ui.search import fold

FEMALE, MALE = "female", "male"

FIRST_NAMES = {
    FEMALE: [
        "Aysel", "Leyla", "Nigar", "Günel", "Sevinc", "Aynur", "Səbinə", "Lalə",
        "Nərmin", "Könül", "Ülviyyə", "Aytən", "Şəbnəm", "Gülnar", "Xədicə", "Fidan",
        "Rəna", "Samirə", "Vüsalə", "Türkan", "Zeynəb", "Aygün", "Həcər", "Gülər",
        "Elnarə", "Nazlı", "Afaq", "İlahə", "Kəmalə", "Sevda", "Təranə", "Röya",
        "Cəmilə", "Günay", "Solmaz", "Yeganə", "Zümrüd", "Məleykə", "Şahnaz", "Ülkər",
    ],
    MALE: [
        "Murad", "Rəşad", "Elvin", "Tural", "Kamran", "Fərid", "Orxan", "Cavid",
        "Nurlan", "Elşən", "Vüsal", "Anar", "Rauf", "Ramil", "Elnur", "Əli",
        "Hüseyn", "Ceyhun", "İlkin", "Rüstəm", "Səbuhi", "Tofiq", "Vaqif", "Zaur",
        "Emin", "Fuad", "Kənan", "Pərviz", "Samir", "Şahin", "Toğrul", "Ülvi",
        "Xəyal", "Yusif", "Namiq", "Elçin", "Azər", "Bəhruz", "Qəhrəman", "Mübariz",
    ],
}  # fmt: skip

# Men's surnames; a woman's adds "a" (Məmmədov → Məmmədova, Əliyev → Əliyeva).
GENDERED_SURNAMES = [
    "Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "İsmayılov", "Abbasov",
    "Rəhimov", "Kazımov", "Babayev", "Nəsibov", "Mehdiyev", "Əhmədov", "Rzayev",
    "Cəfərov", "Qasımov", "Süleymanov", "Orucov", "Musayev", "Bağırov", "Nəbiyev",
    "Vəliyev", "Kərimov", "Səfərov", "İbrahimov", "Hacıyev", "Salmanov", "Şükürov",
    "Novruzov", "Allahverdiyev", "Məlikov", "Zeynalov", "Sadıqov", "Qurbanov",
    "Tağıyev", "Əsgərov", "Paşayev", "Rüstəmov", "Nağıyev", "Xəlilov",
]  # fmt: skip

# The same for a woman and a man.
SHARED_SURNAMES = [
    "Kərimli", "Məmmədli", "Hüseynli", "Əhmədli", "Cəfərli", "Sultanlı", "Qasımlı",
    "Vəzirli", "Əliyarlı", "Bağırlı",
]  # fmt: skip

FEMININE_ENDINGS = ("ova", "eva")  # -ova, -yeva, -eva
MASCULINE_ENDINGS = ("ov", "ev")  # -ov, -yev, -ev
SHARED_ENDINGS = ("li", "lı")


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    gender: str

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"


def surname(root, gender):
    """``root`` (a man's surname, or a shared one) in the form for ``gender``."""
    if gender == FEMALE and root.endswith(MASCULINE_ENDINGS):
        return root + "a"
    return root


def make_person(rng, gender):
    """A made-up person of ``gender``: one surname in six is a shared -li/-lı one."""
    roots = SHARED_SURNAMES if rng.random() < 1 / 6 else GENDERED_SURNAMES
    return Person(rng.choice(FIRST_NAMES[gender]), surname(rng.choice(roots), gender), gender)


def ascii_name(text):
    """``text`` as an address may carry it: "Məmmədova" → "memmedova", "Şəki" → "seki".

    The letters fold as the site's search folds them (:func:`ui.search.fold`),
    so a username is found by typing the name without Azerbaijani letters.
    """
    return slugify(fold(text))
