"""Arabic text normalisation shared by the stages that match words (clean, summarize, stories, qa)."""
from __future__ import annotations

import functools
import re
import unicodedata

# Arabic letters proper (not punctuation or digits), incl. presentation forms.
ARABIC_LETTER = re.compile("[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC\uFB50-\uFDFF\uFE70-\uFEFC]")
LATIN_LETTER = re.compile("[A-Za-z\u00C0-\u024F]")
_DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # harakat, marks, tatweel
# Characters that change how text is displayed without being visible: bidi embeddings/overrides/isolates,
# zero-width spaces and joiners, BOM. Untrusted text can use them to disguise what it says.
INVISIBLE_CONTROLS = re.compile("[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]")
_DIGIT_TABLE = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGIT_TABLE.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGIT_TABLE[ord("٫")] = "."  # Arabic decimal separator
_DIGIT_TABLE[ord("٬")] = ","  # Arabic thousands separator
_LETTER_TABLE = {ord(c): "ا" for c in "أإآٱ"}
_LETTER_TABLE.update({ord("ة"): "ه", ord("ى"): "ي", ord("ؤ"): "و", ord("ئ"): "ي"})
# Letters, digits and Arabic combining marks; not Arabic punctuation, which sits in the same Unicode block
# ("الأخيرة،" is the word "الأخيرة" and a comma).
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+", re.UNICODE)

# Function words that carry no topic; normalised spelling.
STOPWORDS = frozenset(
    normalized
    for normalized in (
        "في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم "
        "كان كانت يكون تكون به بها له لها لهم كما بين بعد قبل حتي عند منذ خلال اي كل بعض غير "
        "وقال قال وقالت قالت واضاف اضاف وذكر ذكر حيث اذا لكن بل الا وان وفي ومن وهو وهي وكان "
        "انه انها عليه عليها فيه فيها منه منها الان ايضا يوم اليوم امس نحو اكثر اقل لدي لقد وقد"
    ).split()
)

# Verbs that report speech, in matching form (`normalize`): "قال", "أضاف" ... Joined by و or ف they open
# a new sentence ("وأضاف أن"); clean reads them as reported speech, segment as a sentence's start.
REPORTING_VERBS = ("قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "اشار", "اشارت", "ذكر", "ذكرت",
                   "اعتبر", "اعتبرت", "صرح", "صرحت", "لفت", "لفتت", "شدد", "شددت", "تابع", "تابعت", "افاد", "افادت")

_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ات", "ان", "ون", "ين", "يه", "ه", "ي")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (and ٫ ٬ separators) to ASCII."""
    return text.translate(_DIGIT_TABLE)


_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def readable_name(text: str) -> str:
    """A file name as a person reads it: bytes that were not UTF-8 (Python keeps them as lone surrogates, and
    no page or JSON can hold those) decoded as Windows-1256, as an Arabic name zipped on Windows is, else
    shown as U+FFFD."""
    def decoded(match: re.Match) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group(0))
        name = raw.decode("cp1256", errors="replace")
        return name if has_arabic(name) and "\ufffd" not in name else "\ufffd" * len(raw)

    return _ESCAPED_BYTES.sub(decoded, text)


def strip_invisible(text: str) -> str:
    """Remove bidi controls and zero-width characters."""
    return INVISIBLE_CONTROLS.sub("", text)


def normalize(text: str) -> str:
    """Matching form: NFKC, no diacritics/tatweel, one alef, ta marbuta→ha, alef maqsura→ya, ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    return to_ascii_digits(text).translate(_LETTER_TABLE).lower()


def tokens(text: str) -> list[str]:
    """Normalised word tokens (letters and digits)."""
    return _TOKEN.findall(normalize(text).replace("_", " "))


def light_stem(token: str) -> str:
    """Strip one common prefix and one suffix so inflected forms meet; keeps at least 3 letters.

    A word after the conjunction و stems as the word alone: otherwise a name that starts with a prefix
    letter (فيتنام, بوتين) loses that letter bare but keeps it after و, and the two forms never meet."""
    while token.startswith("و") and len(token) - 1 >= 3:
        token = token[1:]
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            token = token[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token


def content_terms(text: str) -> list[str]:
    """Stemmed tokens without stop words or one-letter tokens: the vocabulary of topic matching."""
    return [light_stem(t) for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


def arabic_letter_count(text: str) -> int:
    return len(ARABIC_LETTER.findall(text))


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic (0.0 when there are no letters)."""
    arabic = arabic_letter_count(text)
    latin = len(LATIN_LETTER.findall(text))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def has_arabic(text: str, minimum: int = 1) -> bool:
    return arabic_letter_count(text) >= minimum


# Countries by the names news gives them: the country, its capital or main cities, and its nisba stem
# ("مصري" in "البنك المركزي المصري"). Normalised spelling. Left out as words of other meanings: "عمان"
# (Oman or Amman) and "سيول" (Seoul, and "torrents").
_PLACES = {
    "مصر": ("القاهره,الاسكندريه", "مصري"), "السعوديه": ("الرياض,جده,مكه", "سعودي"),
    "الامارات": ("ابوظبي,دبي", "اماراتي"), "الكويت": ("", "كويتي"), "قطر": ("الدوحه", "قطري"),
    "البحرين": ("المنامه", "بحريني"), "سلطنه عمان": ("مسقط", "عماني"), "الاردن": ("", "اردني"),
    "العراق": ("بغداد,البصره", "عراقي"), "سوريا": ("سوريه,دمشق,حلب", "سوري"),
    "لبنان": ("بيروت", "لبناني"), "فلسطين": ("غزه,الضفه الغربيه", "فلسطيني"), "اليمن": ("صنعاء,عدن", "يمني"),
    "السودان": ("الخرطوم", "سوداني"), "ليبيا": ("بنغازي", "ليبي"), "تونس": ("", "تونسي"),
    "الجزاير": ("", "جزايري"), "المغرب": ("الرباط,الدار البيضاء", "مغربي"), "موريتانيا": ("نواكشوط", "موريتاني"),
    "الصومال": ("مقديشو", "صومالي"), "ايران": ("طهران", "ايراني"), "تركيا": ("انقره,اسطنبول", "تركي"),
    "اسراييل": ("تل ابيب", "اسراييلي"), "روسيا": ("موسكو", "روسي"), "اوكرانيا": ("كييف", "اوكراني"),
    "الولايات المتحده": ("واشنطن,امريكا", "امريكي"), "الصين": ("بكين", "صيني"), "فرنسا": ("باريس", "فرنسي"),
    "بريطانيا": ("لندن", "بريطاني"), "المانيا": ("برلين", "الماني"), "الهند": ("نيودلهي", "هندي"),
    "باكستان": ("اسلام اباد", "باكستاني"), "افغانستان": ("كابل", "افغاني"),
    "اليابان": ("طوكيو", "ياباني"), "كوريا الشماليه": ("بيونغ يانغ,بيونج يانج", ""), "كوريا الجنوبيه": ("", ""),
    "اثيوبيا": ("اديس ابابا", "اثيوبي"), "فيتنام": ("هانوي", "فيتنامي"),
}
# Towns of the region beyond the capitals above, by country (normalised spelling): a local paper names its
# own towns, not its country ("مستشفى معان", "بلدات محافظة اربد"), so they tell where a story is set. Left
# out for their other meanings or countries: عمان (Oman), طرابلس (Libya, Lebanon), رفح (Gaza, Egypt),
# القدس, صور ("pictures"), العين ("the eye").
_TOWNS = {
    "الاردن": "الزرقاء,اربد,العقبه,معان,السلط,الكرك,مادبا,جرش,المفرق,الطفيله",
    "فلسطين": "رام الله,نابلس,جنين,الخليل,بيت لحم,خان يونس,طولكرم,قلقيليه,دير البلح",
    "العراق": "الموصل,اربيل,السليمانيه,كركوك,النجف,كربلاء,الفلوجه,الرمادي,الناصريه",
    "سوريا": "حمص,حماه,ادلب,اللاذقيه,دير الزور,الرقه,درعا,طرطوس,القامشلي",
    "لبنان": "صيدا,بعلبك,النبطيه,زحله", "اليمن": "تعز,مارب,الحديده,المكلا",
    "ليبيا": "مصراته,سبها,درنه,سرت", "تونس": "صفاقس,سوسه,القيروان,بنزرت,قابس",
    "الجزاير": "وهران,قسنطينه,عنابه,تلمسان", "المغرب": "مراكش,طنجه,فاس,اكادير,وجده,تطوان,مكناس,الحسيمه",
    "مصر": "اسوان,الاقصر,بورسعيد,السويس,الاسماعيليه,طنطا,المنصوره,الغردقه,شرم الشيخ,العريش",
    "السعوديه": "الدمام,المدينه المنوره,ابها,تبوك,الطائف", "الامارات": "الشارقه,عجمان,راس الخيمه,الفجيره",
    "سلطنه عمان": "صلاله,نزوي,صحار", "السودان": "ام درمان,بورتسودان,الفاشر,نيالا",
    "تركيا": "ازمير,انطاليا,غازي عنتاب",
}


@functools.lru_cache(maxsize=None)
def _place_pattern(towns: bool = False) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every country's names (group 1; with `towns`, its _TOWNS too) and nisba stems (group
    2, with their endings), longest first, and the country of each; built on first use, not at import."""
    names, nisbas = {}, {}
    for country, (others, nisba) in _PLACES.items():
        for name in [country, *filter(None, others.split(","))]:
            names[name.removeprefix("ال")] = country
        if nisba:
            nisbas[nisba] = country
    if towns:
        for country, listed in _TOWNS.items():
            for town in listed.split(","):
                names.setdefault(town.removeprefix("ال"), country)

    def alternatives(words: dict) -> str:
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

    pattern = re.compile(rf"(?<!\w)(?:و|ب|ل|ف)?(?:ال)?(?:({alternatives(names)})|({alternatives(nisbas)})"
                         r"(?:ه|ون|ين|يه|يون|يين|ان)?)(?!\w)")
    return pattern, {**names, **nisbas}


def countries_named(text: str) -> dict[str, str]:
    """Each country the text names by its name, capital or a main city (not by a nationality, "الروسي"),
    with the first word that names it (normalised)."""
    pattern, country_of = _place_pattern()
    named: dict[str, str] = {}
    for name, _ in pattern.findall(normalize(text)):
        if name:
            named.setdefault(country_of[name], name)
    return named


# Places that open wire datelines besides the countries, capitals and _TOWNS above: the names left out
# there for their other meanings (first in a dateline, a word is a place) and cities abroad.
_DATELINE_PLACES = frozenset(normalize(name) for name in (
    "عمان", "القدس", "طرابلس", "رفح", "صور", "العين", "سيول", "جيبوتي", "نيويورك", "جنيف", "بروكسل", "فيينا",
    "روما", "مدريد", "أوتاوا",
))


def is_place_name(text: str) -> bool:
    """Whether `text` (a word or three) is a country, a capital or a city that news datelines name."""
    name = " ".join(normalize(text).split())
    return name in _DATELINE_PLACES or name.removeprefix("ال") in _place_names()


@functools.lru_cache(maxsize=None)
def _place_names() -> frozenset[str]:
    """Every country's name, capital, main cities and towns (without the article ال), not its nisba."""
    return frozenset(name.removeprefix("ال") for country, (others, _) in _PLACES.items()
                     for name in [country, *filter(None, others.split(",")), *_TOWNS.get(country, "").split(",")]
                     if name)


def country_mentions(text: str, towns: bool = False) -> dict[str, int]:
    """How often each country is named in the text, by its name, capital and main cities or nisba (and, with
    `towns`, the towns of _TOWNS: where a story is set, not which countries a translation must name)."""
    pattern, country_of = _place_pattern(towns)
    counts: dict[str, int] = {}
    for name, nisba in pattern.findall(normalize(text)):
        country = country_of[name or nisba]
        counts[country] = counts.get(country, 0) + 1
    return counts
