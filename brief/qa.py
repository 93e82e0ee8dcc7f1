"""Translation checks a reviewer can trust: each (Arabic, English) pair gets flags with a code and a reason.

Codes: number_mismatch, negation, repetition, untranslated, length_ratio, truncated, glossary, name_mismatch,
name_missing, low_confidence. number_mismatch also stands for an amount whose currency or unit changed (جنيه
rendered 'dinars', كلم 'miles'); name_mismatch is a country or an organisation swapped for another (the
Arabic's Lebanon rendered 'Syrian', Hamas 'Hezbollah'), name_missing a country or an organisation the Arabic
names and the English leaves out, from tables built in here.
The checks are plain text rules so they apply to any translation, machine or human (`brief qa`).
Their precision and recall are measured on the labelled pairs in tests/data/qa/pairs.tsv.
"""
from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NamedTuple

from brief.arabic import arabic_letter_count, countries_named, country_mentions, has_arabic, normalize, to_ascii_digits
from brief.dates import HIJRI_MONTHS, MONTHS
from brief.errors import InputError
from brief.models import Flag, Sentence

FLAG_CODES: tuple[str, ...] = (
    "number_mismatch", "negation", "repetition", "untranslated", "length_ratio", "truncated", "glossary",
    "name_mismatch", "name_missing", "low_confidence",
)


@dataclass(frozen=True)
class QASettings:
    """Thresholds of the checks; the defaults are tuned on tests/data/qa/pairs.tsv (see README there)."""

    # English letters per Arabic letter. Full translations in the labelled set lie in 0.81-1.59
    # (median 1.1: Arabic writes articles, prepositions and pronouns into its words, and omits short
    # vowels); a terse human rendering reached 0.52, dropping the second half of a sentence gave 0.46,
    # hallucinated continuations 3.8 and more.
    min_length_ratio: float = 0.5
    max_length_ratio: float = 2.3
    # Below this many Arabic letters a sentence is too short for a stable ratio (headlines, names).
    min_letters_for_ratio: int = 20
    # Mean log-probability per token. Marian beam outputs on news text mostly score -0.1..-0.6;
    # below -1.0 the model was guessing for a good part of the sentence.
    low_confidence_score: float = -1.0
    # A word repeated this many times in a row, or a 2-3 word phrase this many times, is a loop.
    repeat_word_times: int = 3
    repeat_phrase_times: int = 3
    # A phrase of at least this many words immediately repeated once is already a loop.
    repeat_long_phrase_words: int = 4
    # Arabic letters tolerated in the English (0: any Arabic letter is flagged).
    max_arabic_letters: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULT_SETTINGS = QASettings()

# ---------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------

# Dates written with separators: 10-06-2024, 2024-06-19, 19/6/2024, 10.06.2024. Their parts are
# compared one by one so 'June 10, 2024' matches 10-06-2024. One separator twice: '3.5-4%' is a range.
_DATE = re.compile(r"(?<![\d.,])(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?![\d])")
_DATE_PARTS = (1, 3, 4)  # the groups holding day, month and year (the month second)
_TIME = re.compile(r"(?<![\d])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,3}))?(?![\d])")
# 6,700 / 3.5 / 1,000,000.25 ; a comma not followed by exactly three digits separates numbers.
_NUMBER = re.compile(r"(?<![\d])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])")

_ARABIC_SCALES = {
    "الف": 1e3, "الاف": 1e3, "الفا": 1e3, "الفين": 2e3, "الفان": 2e3,
    "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليوني": 1e6, "مليونين": 2e6,
    "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "مليارين": 2e9, "ملياري": 1e9, "بليون": 1e9,
    "تريليون": 1e12, "تريليونات": 1e12,
}
# Written numbers, cardinal and ordinal, normalised spelling: they never have to appear in the
# English as digits, but an English digit matching one of them is no invention.
_ARABIC_WORDS = {
    "واحد": 1, "واحده": 1, "اول": 1, "اولي": 1, "الاولي": 1, "الاول": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثاني": 2, "ثانيه": 2,
    "ثلاث": 3, "ثلاثه": 3, "ثالث": 3, "ثالثه": 3, "اربع": 4, "اربعه": 4, "رابع": 4, "رابعه": 4,
    "خمس": 5, "خمسه": 5, "خامس": 5, "خامسه": 5, "ست": 6, "سته": 6, "سادس": 6, "سادسه": 6,
    "سبع": 7, "سبعه": 7, "سابع": 7, "سابعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "ثامن": 8, "ثامنه": 8,
    "تسع": 9, "تسعه": 9, "تاسع": 9, "تاسعه": 9, "عشر": 10, "عشره": 10, "عاشر": 10, "عاشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئه": 100, "مائه": 100, "مئتين": 200,
    "مئتان": 200, "مائتين": 200, "مئتي": 200, "مائتي": 200, "الف": 1000, "الفين": 2000, "الفي": 2000,
    "مليون": 1e6, "مليار": 1e9, "مليوني": 2e6, "مليونين": 2e6, "ملياري": 2e9, "مليارين": 2e9,
    "مليونان": 2e6, "ملياران": 2e9, "تريليوني": 2e12, "تريليونين": 2e12, "تريليونان": 2e12, "الفان": 2000,
    "احد": 1, "احدي": 1, "اثنا": 2, "اثنتا": 2, "حادي": 1, "حاديه": 1,
    "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400, "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500,
    "ستمئه": 600, "ستمائه": 600, "سبعمئه": 700, "سبعمائه": 700, "ثمانمئه": 800, "ثمانمائه": 800,
    "تسعمئه": 900, "تسعمائه": 900,
    # (not 'عقد': far more often 'held' than 'decade')
    "عقدين": 20, "قرن": 100, "اسبوعين": 2, "يومين": 2, "سنتين": 2, "عامين": 2, "شهرين": 2,
    "دولتين": 2, "البلدين": 2, "بلدين": 2, "الزعيمين": 2, "الرئيسين": 2, "الطرفين": 2, "الجانبين": 2,
    "هدفين": 2, "هدفان": 2,
    # 'غرة شوال', the first day of a month, is written '1 Shawwal'.
    "غره": 1,
}
_ARABIC_MONTHS = {name: month for name, month in MONTHS.items() if has_arabic(name)}
# Tables are keyed by the normalised spelling (ئ→ي, ة→ه, أ→ا ...), whatever the source spelling.
_ARABIC_SCALES = {normalize(k): v for k, v in _ARABIC_SCALES.items()}
_ARABIC_WORDS = {normalize(k): v for k, v in _ARABIC_WORDS.items()}
_ARABIC_WORDS.update({normalize(k): v for k, v in {"مئة": 100, "مائة": 100, "مئتين": 200, "مئتان": 200}.items()})
_ARABIC_MONTHS = {normalize(k): v for k, v in _ARABIC_MONTHS.items()}
_ARABIC_CLITICS = ("وبال", "وال", "بال", "لل", "ال", "وب", "ول", "و", "ب", "ل", "ف", "ك")
# A scale in the dual stands for its number alone: 'مليوني دينار' is two million dinars, never two billion.
# (Not 'ألفي', also a name; nor with the article: 'الملياري' is a billionaire.)
_DUAL_SCALES = {normalize(w): v for w, v in {
    "ألفين": 2e3, "ألفان": 2e3, "مليوني": 2e6, "مليونين": 2e6, "مليونان": 2e6, "ملياري": 2e9, "مليارين": 2e9,
    "ملياران": 2e9, "تريليوني": 2e12, "تريليونين": 2e12, "تريليونان": 2e12}.items()}

_ENGLISH_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "dozen": 12, "once": 1, "twice": 2, "both": 2, "pair": 2, "couple": 2,
    "decade": 10, "decades": 10, "century": 100,
}
# A multiple said in one word: 'tripled' for 'تضاعف ثلاث مرات'.
_ENGLISH_MULTIPLES = {"doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "trebled": 3, "quadrupled": 4,
                      "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10}
_ENGLISH_SCALES = {"hundred": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
                   "billion": 1e9, "billions": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_AMBIGUOUS_MONTHS = {normalize(m) for m in ("مارس", "أب", "آب", "ماي")}
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_ENGLISH_MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_NAMES, start=1)}
_ENGLISH_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                        "sept": 9, "oct": 10, "nov": 11, "dec": 12})


@dataclass(frozen=True)
class Number:
    """A number found in text: its value and the text it was read from (for the reason)."""

    value: float
    text: str
    month: bool = False  # the month of a date written with digits (10-06-2024): 'June' states it


def _key(value: float) -> float:
    return round(value, 6)


def _parse_digits(integer: str, fraction: str | None) -> float:
    return float(integer.replace(",", "") + (fraction or ""))


def _strip_arabic_clitic(word: str, table: dict, clitics: tuple[str, ...] = _ARABIC_CLITICS) -> str | None:
    """The table's word that `word` is, bare or after one of `clitics` (و، ب، ال ...), the first clitic first."""
    return _clitic_forms(table, clitics).get(word)


_FORMS: dict[tuple[int, tuple[str, ...]], tuple[dict, dict[str, str]]] = {}


def _clitic_forms(table: dict, clitics: tuple[str, ...]) -> dict[str, str]:
    """Every form of the table's words with a clitic, to its word: one lookup per word instead of a
    dozen (the checks read every word of every sentence)."""
    cached = _FORMS.get((id(table), clitics))
    if cached is None or cached[0] is not table:
        forms: dict[str, str] = {}
        for prefix in reversed(clitics):  # an earlier clitic wins, as when tried in order
            forms.update({prefix + word: word for word in table})
        forms.update({word: word for word in table})  # a word of the table is itself
        cached = _FORMS[(id(table), clitics)] = (table, forms)
    return cached[1]


def _spaced_thousands(text: str) -> str:
    """'1 250 000', '920 033 360': groups of three digits parted by spaces, as French-style and phone-number
    writing has them, made one number ('1,250,000')."""
    return re.sub(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,]|\s\d)", lambda m: m.group().replace(" ", ","), text)


def _source_digits(text: str) -> str:
    """Source text with ASCII digits and '.' decimals; letters keep their spelling for the reasons."""
    text = _spaced_thousands(to_ascii_digits(unicodedata.normalize("NFKC", text)))
    # Maghreb style thousands: 1.500.000 (two groups or more; '1.500' alone may be a decimal).
    text = re.sub(r"(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.])", lambda m: m.group().replace(".", ","), text)
    # Many Arabic writers use a comma as decimal separator ('2,5 مليار'); a thousands separator is
    # always followed by three digits, so one or two digits after a comma make a decimal.
    return re.sub(r"(?<![\d,])(\d+),(\d{1,2})(?![\d,])", r"\1.\2", text)


def _written_parts(match: re.Match) -> list[tuple[float, bool]]:
    """The numbers of a date or a time written with separators, each with whether it is a date's month. A
    race time's seconds keep their hundredths: '8:06.05' is 8 minutes and 6.05 seconds."""
    if match.re is _DATE:
        return [(float(match.group(g)), k == 1) for k, g in enumerate(_DATE_PARTS)]
    parts = [float(g) for g in match.groups()[:3] if g]
    if match.group(4):
        parts[-1] = float(f"{int(parts[-1])}.{match.group(4)}")
    return [(part, False) for part in parts]


def arabic_numbers(text: str) -> list[Number]:
    """Numbers a translation must keep: digits (any script), dates' parts, digits with a scale word."""
    text = _source_digits(text)
    found: list[Number] = []
    consumed: list[tuple[int, int]] = []
    for pattern in (_DATE, _TIME):
        for match in pattern.finditer(text):
            consumed.append(match.span())
            found.extend(Number(value, match.group(), month=month) for value, month in _written_parts(match))
    for match in _NUMBER.finditer(text):
        if any(a <= match.start() < b for a, b in consumed):
            continue
        value = _parse_digits(match.group(1), match.group(2))
        following = re.match(r"\s{0,2}([^\W\d_]+)", text[match.end():])
        scale = _strip_arabic_clitic(normalize(following.group(1)), _ARABIC_SCALES) if following else None
        if scale is not None:
            found.append(Number(value * _ARABIC_SCALES[scale], f"{match.group()} {following.group(1)}"))
        else:
            found.append(Number(value, match.group()))
    return found


def arabic_months(text: str) -> set[int]:
    """The months the Arabic names ('مارس', 'تشرين الأول', 'حزيران')."""
    words = re.findall(r"[\w]+", normalize(to_ascii_digits(text)))
    months = set()
    for index, word in enumerate(words):
        stem = _strip_arabic_clitic(word, _ARABIC_MONTHS)
        if stem is not None and " " not in stem:
            before = words[index - 1] if index else ""
            after = words[index + 1] if index + 1 < len(words) else ""
            # 'مارس' also means 'exerted', 'أب' 'father': those count only where a date is written.
            if stem not in _AMBIGUOUS_MONTHS or before.isdigit() or before in ("شهر", "شهري") or (
                    after.isdigit() and len(after) == 4) or after in ("الماضي", "المقبل", "الجاري", "القادم"):
                months.add(_ARABIC_MONTHS[stem])
        if index + 1 < len(words):
            pair = f"{word} {words[index + 1]}"
            months.update(number for month, number in _ARABIC_MONTHS.items() if " " in month and pair.endswith(month))
    return months


# Hijri months, compared as Hijri months apart from the Gregorian ones (Ramadan 1445 began in March).
_HIJRI_NAMES = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhira", "Rajab",
                "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah")
# A one-word Hijri month is also a word or a name (صفر zero, رجب and رمضان names, محرم forbidden): it
# counts only after 'شهر', a day ('15 شعبان', 'العاشر من محرم') or 'في', 'خلال' ..., or before a Hijri year,
# 'هـ', 'المبارك' ... ('صفر' not after a preposition or a bare number: 'إلى صفر', 'بهدفين مقابل صفر').
_HIJRI_BEFORE = {normalize(w) for w in ("في", "خلال", "طوال", "طيلة", "مطلع", "منتصف", "أواخر", "أوائل", "نهاية",
                                        "بداية", "غرة", "حتى", "منذ")}
_HIJRI_MONTH_WORD = {normalize("شهر"): 1, normalize("شهري"): 1}
_HIJRI_AFTER = {normalize(w) for w in ("هـ", "ه", "هجري", "هجرية", "المبارك", "الفضيل", "المعظم", "الكريم", "الحرام",
                                       "الخير", "الماضي", "المقبل", "الجاري", "القادم")}
_ENGLISH_HIJRI = [(re.compile(pattern), month) for pattern, month in (
    (r"\b(?:muharram|moharram)\b", 1), (r"\bsafar\b", 2),
    (r"\brabi\w* (?:(?:al|ul|el|il) )?(?:aw+al|i|1)\b", 3),
    (r"\brabi\w* (?:(?:al|ul|el|il|us|uth|ath) )?(?:thani|akh[aei]r|akhirah?|ii|2)\b", 4),
    (r"\bjumad\w* (?:(?:al|ul|el) )?(?:ula|oula|aw+al|i|1)\b", 5),
    (r"\bjumad\w* (?:(?:al|ul|el|ath|uth) )?(?:akh[aei]rah?|thani|thaniyah?|ii|2)\b", 6),
    (r"\brajab\b", 7), (r"\bsha+ban\b", 8), (r"\bram[ad]+h?an\b|\bramazan\b", 9), (r"\bshaw+a+l\b", 10),
    (r"\b(?:dhu|zu|thu|dhi|zi)(?:l|l? al| el)? ?q[aei]{1,2}d[aei]{0,2}h?\b", 11),
    (r"\b(?:dhu|zu|thu|dhi|zi)(?:l|l? al| el)? ?hij+[ae]h?\b", 12))]


def arabic_hijri_months(text: str) -> set[int]:
    """The Hijri months the Arabic clearly names ('ذي الحجة', 'شهر رمضان', '15 شعبان 1444 هـ')."""
    words = re.findall(r"\w+", normalize(to_ascii_digits(text)))
    months = set()
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else ""
        pair = _strip_arabic_clitic(f"{word} {after}", HIJRI_MONTHS)
        stem = pair or _strip_arabic_clitic(word, HIJRI_MONTHS)
        if stem is None or stem != pair and " " in stem:
            continue
        before = words[index - 1] if index else ""
        day = before == "من" and index >= 2 and (words[index - 2].isdigit() or _strip_arabic_clitic(
            words[index - 2], _ARABIC_WORDS))  # 'العاشر من محرم'
        year = after.isdigit() and len(after) in (3, 4)
        zero = stem == normalize("صفر")
        if (pair or _strip_arabic_clitic(before, _HIJRI_MONTH_WORD) or day or year or after in _HIJRI_AFTER
                or not zero and (before.isdigit() or _strip_arabic_clitic(before, _HIJRI_BEFORE, ("و",)))):
            months.add(HIJRI_MONTHS[stem])
    return months


def english_hijri_months(text: str) -> set[int]:
    """The Hijri months the English names, in any common spelling ('Dhul-Hijjah', "Sha'ban", 'Jumada II')."""
    cleaned = re.sub(r"[-_]", " ", re.sub(r"['’ʿʼ`‘]", "", text.lower()))
    return {month for pattern, month in _ENGLISH_HIJRI if pattern.search(cleaned)}


def english_dated_hijri_months(text: str) -> set[int]:
    """The Hijri months the English names in a date: a day before ('1 Shawwal') or a year after ('Shawwal 1446')."""
    cleaned = re.sub(r"[-_]", " ", re.sub(r"['’ʿʼ`‘]", "", to_ascii_digits(text).lower()))
    return {month for pattern, month in _ENGLISH_HIJRI for match in pattern.finditer(cleaned)
            if re.search(r"(?<![\d.,])(?:[1-9]|[12]\d|30)(?:st|nd|rd|th)?(?: of)? $", cleaned[:match.start()])
            or re.match(r",? 1[34]\d\d\b", cleaned[match.end():])}


def arabic_hijri_month_words(text: str) -> set[int]:
    """Every Hijri month whose name the Arabic writes, in a date or not ('رمضان' may be a man's name)."""
    words = re.findall(r"\w+", normalize(text))
    found = {HIJRI_MONTHS[stem] for stem in (_strip_arabic_clitic(w, HIJRI_MONTHS) for w in words) if stem}
    return found | {HIJRI_MONTHS[stem] for stem in (_strip_arabic_clitic(f"{a} {b}", HIJRI_MONTHS)
                                                    for a, b in zip(words, words[1:])) if stem}


def english_months(text: str) -> set[int]:
    """The months the English names ('March', 'Oct'; 'may' only as 'May')."""
    return {_ENGLISH_MONTHS[token.lower()] for token in re.findall(r"[A-Za-z]+", text) if _is_month(token)}


def _is_month(token: str) -> bool:
    """'March', 'Oct', 'October'; a short form or 'may' only capitalised ('mar', 'may' are other words)."""
    lower = token.lower()
    return lower in _ENGLISH_MONTHS and (token[0].isupper() or len(lower) > 3 and lower != "may")


# A goalless draw: 'تعادلا سلبيا', 'التعادل السلبي', 'بدون أهداف' is '0-0' (group 1: the words '0-0' stands for).
_GOALLESS = re.compile(r"(?<!\w)\w*تعادل\w*(?: \w+){0,6}? ((?:ال)?سلبي(?:ا|ه)?)(?!\w)|(?<!\w)((?:دون|بدون|بلا) اهداف)(?!\w)")


def arabic_number_words(text: str) -> set[float]:
    """Values the Arabic states in words or month names: an English digit equal to one is no invention."""
    values: set[float] = {float(month) for month in arabic_months(text)}  # '10/6/2024' for '10 يونيو 2024'
    words = re.findall(r"[\w]+", normalize(text))
    for word in words:
        for table in (_ARABIC_WORDS, _ARABIC_SCALES):
            stem = _strip_arabic_clitic(word, table)
            if stem is not None:
                values.add(_key(float(table[stem])))
        if _strip_arabic_clitic(word, _DUAL_SCALES):
            values.add(2.0)  # 'مليوني دينار' may be '2m dinars'
    # 'عشرة' + unit ('ثلاثة عشر' = 13), unit 'و' tens ('واحد وعشرين' = 21), and any count below a thousand
    # before a scale ('عشرة آلاف', 'عشرين ألف', 'خمسمئة ألف', 'ثلاث مئة').
    for index in range(len(words) - 1):
        first = _strip_arabic_clitic(words[index], _ARABIC_WORDS)
        second = _strip_arabic_clitic(words[index + 1], _ARABIC_WORDS)
        scale = _strip_arabic_clitic(words[index + 1], _ARABIC_SCALES)
        if first and second:
            a, b = _ARABIC_WORDS[first], _ARABIC_WORDS[second]
            if a < 10 and b == 10:
                values.add(float(a + 10))
            elif a < 10 and b in (20, 30, 40, 50, 60, 70, 80, 90):
                values.add(float(a + b))
            elif a < 10 and b == 100:
                values.add(float(a * b))
        if first and scale and _ARABIC_WORDS[first] < 1000:
            values.add(_key(_ARABIC_WORDS[first] * _ARABIC_SCALES[scale]))
    # Fractions of a scale: 'نصف مليون' (500,000), 'ربع مليار', 'مليون ونصف' (1.5 million).
    joined = " ".join(words)
    for fraction, share in (("نصف", 0.5), ("ربع", 0.25)):
        for match in re.finditer(rf"(?<!\w){fraction} (?:ال)?(\w+)", joined):
            scale = _strip_arabic_clitic(match.group(1), _ARABIC_SCALES)
            if scale:
                values.add(_key(_ARABIC_SCALES[scale] * share))
    # A score in words: 'بهدفين مقابل هدف' is 2-1, 'بثلاثة أهداف نظيفة' 3-0. Not 'بهدف' alone: 'in order to'.
    if re.search(r"(?<!\w)(?:بهدف (?:وحيد|نظيف|دون رد|بلا رد|مقابل)|مقابل هدف)(?!\w)", joined):
        values.add(1.0)
    if re.search(r"(?<!\w)[وب]?(?:هدف|هدفين|هدفان|اهداف)(?: \w+)? (?:نظيف|نظيفه|نظيفين|دون رد|بلا رد|مقابل لا شيء)(?!\w)",
                 joined):
        values.add(0.0)
    if _GOALLESS.search(joined):
        values.add(0.0)
    # Knockout rounds: 'ثمن النهائي' is the round of 16, 'ربع النهائي' the last eight, 'نصف النهائي' the last four.
    for share, teams in (("ثمن", 16.0), ("ربع", 8.0), ("نصف", 4.0)):
        if re.search(rf"(?<!\w){share} (?:ال)?نهايي", joined):
            values.add(teams)
    if re.search(r"(?<!\w)و(?:ال)?نصف(?!\w)", joined):  # 'العاشرة والنصف': half past
        values.add(30.0)
    if re.search(r"(?<!\w)و(?:ال)?ربع(?!\w)", joined):
        values.add(15.0)
    if re.search(r"(?<!\w)و(?:ال)?ثلث(?!\w)", joined):  # 'السابعة والثلث': twenty past
        values.add(20.0)
    for match in re.finditer(r"(\w+) ونصف(?!\w)", joined):
        scale = _strip_arabic_clitic(match.group(1), _ARABIC_SCALES)
        if scale:
            values.add(_key(_ARABIC_SCALES[scale] * 1.5))
    return values


_ENGLISH_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+")


# A span of years with the second shortened: '2023-24', 'the 2024/25 budget' (the Arabic's 2023-2024).
_YEAR_SPAN = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)([-/–])(\d\d)(?!\d|[.,/-]\d)")


def _full_years(text: str) -> str:
    """'2023-24' as '2023-2024' (same century, a later year; '2023-15' is no span of years)."""
    def full(match: re.Match) -> str:
        first, short = match.group(1), match.group(3)
        second = first[:2] + short
        return f"{first}{match.group(2)}{second}" if second > first else match.group()
    return _YEAR_SPAN.sub(full, text)


def english_numbers(text: str) -> tuple[list[Number], set[float]]:
    """(numbers written with digits, every value stated: digits, words, month names, decades)."""
    text = _spaced_thousands(_full_years(to_ascii_digits(text)))
    digits: list[Number] = []
    values: set[float] = set()
    consumed: list[tuple[int, int]] = []
    for pattern in (_DATE, _TIME):
        for match in pattern.finditer(text):
            consumed.append(match.span())
            digits.extend(Number(value, match.group()) for value, _ in _written_parts(match))
    tokens = [(m.start(), m.end(), m.group()) for m in _ENGLISH_TOKEN.finditer(text)]
    index = 0
    while index < len(tokens):
        start, end, token = tokens[index]
        if any(a <= start < b for a, b in consumed):
            index += 1
            continue
        lower = token.lower()
        if token[0].isdigit():
            value = _parse_digits(*_split_fraction(token))
            suffix = text[end:end + 2]
            if re.match(r"s\b|'s", suffix):  # 2000s, 1990's: a decade, stated but not a count
                values.add(_key(value))
                index += 1
                continue
            label = token
            if index + 1 < len(tokens) and _is_scale_after(text, start, end, tokens[index + 1]):
                value *= _ENGLISH_SCALES[tokens[index + 1][2].lower()]
                label = f"{token} {tokens[index + 1][2]}"
                index += 1
            elif index + 1 < len(tokens) and tokens[index + 1][0] == end and tokens[index + 1][2] in ("m", "M", "k"):
                # '1.5m people': million or metres, either states what the source says ('1.5 مليون', '5 أمتار')
                values.add(_key(value * _ENGLISH_SCALES[tokens[index + 1][2].lower()]))
            digits.append(Number(value, label))
            values.add(_key(value))
            index += 1
            continue
        if _is_month(token):
            index += 1  # a month is compared as a month (english_months), never as the number it stands for
            continue
        if lower in _ENGLISH_UNITS or lower in ("hundred", "thousand", "million", "billion", "trillion"):
            value, index = _read_english_words(tokens, index)
            if value is not None:
                values.add(_key(value))
            continue
        index += 1
    for number in digits:
        values.add(_key(number.value))
    # Each number word's own value too: 'the first two months' states 2 (and 1), not only 3.
    values.update(float(_ENGLISH_UNITS[t[2].lower()]) for t in tokens
                  if t[2].lower() in _ENGLISH_UNITS and t[2].lower() not in ("a", "an"))
    values.update(float(_ENGLISH_MULTIPLES[t[2].lower()]) for t in tokens if t[2].lower() in _ENGLISH_MULTIPLES)
    if re.search(r"\bhalv(?:e|es|ed|ing)\b", text.lower()):  # 'halved' its fares: by half, by 50 percent
        values.update((0.5, 50.0))
    for scale in re.findall(r"\bhalf an? (thousand|million|billion)\b", text.lower()):
        values.add(_key(_ENGLISH_SCALES[scale] / 2))
    # 'three and a half million', '2 and a half billion'
    for count, scale in re.findall(r"\b(\w+) and a half (thousand|million|billion)\b", text.lower()):
        whole = float(count) if count.isdigit() else _ENGLISH_UNITS.get(count)
        if whole is not None and count not in ("a", "an"):
            values.add(_key((whole + 0.5) * _ENGLISH_SCALES[scale]))
    # 'twenty-one', 'thirty-fifth': the hyphen splits the tokens above; add the sums.
    for tens, unit in re.findall(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|"
                                 r"five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                                 r"ninth)\b", text.lower()):
        values.add(float(_ENGLISH_UNITS[tens] + _ENGLISH_UNITS[unit]))
    # A regnal or serial number in Roman numerals after a name: 'Mohammed VI', 'World War II', 'Leo XIV'.
    for numeral in re.findall(r"\b[A-Z][a-z]+ (X{0,3}(?:IX|IV|V?I{0,3}))\b", text):
        if numeral not in ("", "I"):
            values.add(float(_roman(numeral)))
    return digits, values


def _roman(numeral: str) -> int:
    """The value of a Roman numeral up to XXXIX."""
    digits = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, letter in enumerate(numeral):
        value = digits[letter]
        total += -value if index + 1 < len(numeral) and digits[numeral[index + 1]] > value else value
    return total


def _is_scale_after(text: str, begin: int, end: int, following: tuple[int, int, str]) -> bool:
    """'3 million', '$50bn', '$5m': a scale word right after a number ('5m' alone may be metres)."""
    start, _, word = following
    word = word.lower()
    if word not in _ENGLISH_SCALES:
        return False
    if word == "bn":
        return start == end
    if word in ("m", "k"):
        return start == end and text[begin - 1:begin] in ("$", "£", "€")
    return start - end <= 1 and text[end:start] in ("", " ", "-")


def _split_fraction(token: str) -> tuple[str, str | None]:
    if "." in token:
        integer, fraction = token.split(".", 1)
        return integer, "." + fraction
    return token, None


def _read_english_words(tokens, index) -> tuple[float | None, int]:
    """Read 'three million', 'two hundred and fifty thousand', 'a million' from tokens[index:]."""
    total, current, seen = 0.0, 0.0, False
    while index < len(tokens):
        word = tokens[index][2].lower()
        if word in _ENGLISH_UNITS and word not in ("a", "an"):
            current += _ENGLISH_UNITS[word]
            seen = True
        elif word in ("a", "an") and not seen and index + 1 < len(tokens) \
                and tokens[index + 1][2].lower() in _ENGLISH_SCALES:
            current += 1
        elif word in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif word in ("thousand", "million", "billion", "trillion", "thousands", "millions", "billions"):
            total += (current or 1) * _ENGLISH_SCALES[word]
            current, seen = 0.0, True
        elif word == "and" and seen:
            pass
        else:
            break
        index += 1
    if not seen:
        return None, index + 1
    return total + current, index


_SCALE_WORD = "|".join(sorted((re.escape(k) for k in _ARABIC_SCALES), key=len, reverse=True))
# 'N scale و M scale' with the smaller scale second (3 ملايين و500 ألف), a scale word alone then 'و M scale'
# (مليارا و200 مليون), or 'N و M scale' sharing the scale (بين 10 و20 ألف).
_COMPOUND = re.compile(rf"(?:(\d+(?:\.\d+)?)\s*)?(?:ال)?({_SCALE_WORD})?\s+و\s*(\d+(?:\.\d+)?)\s*({_SCALE_WORD})(?!\w)")


def _compound_values(source: str) -> dict[float, set[float]]:
    """For a number that is part of a compound or a range, the values an English rendering may give it:
    '3 ملايين و500 ألف' is '3.5 million', and the 10 of 'بين 10 و20 ألف' is '10,000'."""
    text = normalize(_source_digits(source))
    alternatives: dict[float, set[float]] = {}
    for match in _COMPOUND.finditer(text):
        count, first_scale, second, second_scale = match.groups()
        small = float(second) * _ARABIC_SCALES[second_scale]
        if first_scale and _ARABIC_SCALES[first_scale] > _ARABIC_SCALES[second_scale]:
            big = (float(count) if count else 1.0) * _ARABIC_SCALES[first_scale]
            for part in (big, small):
                alternatives.setdefault(_key(part), set()).add(_key(big + small))
        elif count and not first_scale:
            alternatives.setdefault(_key(float(count)), set()).add(_key(float(count) * _ARABIC_SCALES[second_scale]))
    return alternatives


# One dot and three digits: a decimal (13.450 as 13.45) or, as the Maghreb press writes it, thousands (13,450).
_THOUSANDS_DOT = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{3})(?![\d.,])")


def _thousands_dot_values(source: str) -> dict[float, set[float]]:
    """For '13.450', the 13,450 an English rendering may give it besides 13.45 (not before a scale word:
    '1.500 مليون' is 1.5 million)."""
    text = _source_digits(source)
    alternatives: dict[float, set[float]] = {}
    for match in _THOUSANDS_DOT.finditer(text):
        following = re.match(r"\s{0,2}([^\W\d_]+)", text[match.end():])
        if following and _strip_arabic_clitic(normalize(following.group(1)), _ARABIC_SCALES):
            continue
        alternatives.setdefault(_key(float(match.group())), set()).add(float(match.group(1) + match.group(2)))
    return alternatives


# A number joined to letters by a hyphen names something: COVID-19, F-16, S-400, G-20.
_NAME_NUMBER = re.compile(r"[A-Za-z]+-\d+")
# A clock time in English: '8 pm', '10.30am', '10:30 p.m.'.
_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)


# An hour in words: 'الساعة السابعة', 'السابعة مساء' (an ordinal alone may be 'seventh').
_HOURS = {normalize(k): v for k, v in {
    "الواحدة": 1, "الثانية عشرة": 12, "الحادية عشرة": 11, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5,
    "السادسة": 6, "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10}.items()}
_HOUR_WORDS = "|".join(_HOURS)
_DAYTIME = "|".join(normalize(w) for w in ("صباحا", "صباحاً", "مساء", "مساءً", "مساءا", "ظهرا", "ظهراً", "عصرا",
                                              "عصراً", "ليلا", "ليلاً", "فجرا", "فجراً", "بعد الظهر", "بتوقيت"))
# 'الثالثة إلا ربعاً' is a quarter to three (2:45), 'إلا ثلثاً' twenty to, 'إلا خمس دقائق' five to.
_TO_THE_HOUR = r"\s+الا\s+(?:ال)?(ربعا?|ثلثا?|\w+\s+(?:دقايق|دقيقه))"
_ARABIC_HOUR = re.compile(rf"(?<!\w)\w*ساعه\s+({_HOUR_WORDS})(?!\w)(?:{_TO_THE_HOUR})?"
                          rf"|(?<!\w)\w?({_HOUR_WORDS})(?:{_TO_THE_HOUR})?(?:\s+\w+)?\s+(?:{_DAYTIME})(?!\w)")
_MINUTES_TO = {"ربع": 45.0, "ربعا": 45.0, "ثلث": 40.0, "ثلثا": 40.0}


def arabic_clock_hours(source: str) -> set[int]:
    """The hours the Arabic writes in words, on both clocks ('السابعة مساء': 7 and 19; 'الثالثة إلا ربعاً' 2
    and 14, as '2:45')."""
    return _arabic_clock(source)[0]


def _arabic_clock(source: str) -> tuple[set[int], set[float], set[float]]:
    """(the hours the Arabic writes in words, on both clocks; the hours it names in a time before the hour,
    which are not its hour: 'الثالثة' of 'الثالثة إلا ربعاً'; the minutes past the hour of such a time: 45)."""
    hours, named, minutes = set(), set(), set()
    for match in _ARABIC_HOUR.finditer(normalize(source)):
        hour = _HOURS[match.group(1) or match.group(3)]
        before = match.group(2) or match.group(4)
        if before:
            named |= {float(hour), float(hour + 12 if hour < 12 else 0)}
            counted = re.match(r"(\w+)\s+(?:دقايق|دقيقه)", before)
            stem = _strip_arabic_clitic(counted.group(1), _ARABIC_WORDS) if counted else None
            minutes.add(_MINUTES_TO.get(before, 60.0 - _ARABIC_WORDS[stem] if stem else 0.0))
            hour = hour - 1 or 12
        hours |= {hour, hour + 12 if hour < 12 else 0}
    return hours, named - {float(h) for h in hours}, minutes


def _clock_values(english: str) -> tuple[set[float], list[tuple[int, int]]]:
    """Hours (both on the 12- and 24-hour clock) and minutes an English clock time states, and its spans."""
    values: set[float] = set()
    spans = []
    for match in _CLOCK.finditer(to_ascii_digits(english)):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        values |= {float(hour), float(minute)}
        if match.group(3).lower() == "p" and hour < 12:
            values.add(float(hour + 12))
        spans.append(match.span())
    return values, spans


# Cardinals the Arabic writes in words that a translation must keep (as a word or a digit). Not 'خمس'
# (also 'a fifth'), 'سبع' ('a seventh'), 'ست' ('lady'), nor any word that is part of a larger number.
_CLEAR_CARDINALS = {normalize(w): v for w, v in {
    "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "ثماني": 8,
    "تسعة": 9, "عشرة": 10}.items()}


@functools.lru_cache(maxsize=65536)
def _bare_word(token: str) -> str:
    """A whitespace-separated token in matching form, without punctuation (news repeats its words)."""
    return re.sub(r"\W", "", normalize(token))


def _worded_counts(source: str) -> list[Number]:
    """Counts the Arabic writes as a lone word ('قتل ثلاثة أشخاص')."""
    written = to_ascii_digits(source).split()
    words = [_bare_word(token) for token in written]
    counts = []
    for index, word in enumerate(words):
        stem = _strip_arabic_clitic(word, _CLEAR_CARDINALS)
        if stem is None:
            continue
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        part_of_larger = (after.isdigit() or before.isdigit() or _strip_arabic_clitic(after, _ARABIC_SCALES)
                          or _strip_arabic_clitic(after, _ARABIC_WORDS) or _strip_arabic_clitic(before, _ARABIC_WORDS)
                          or after in ("عشر", "عشره") or after.startswith("و") and after[1:] in _ARABIC_WORDS)
        if not part_of_larger:
            counts.append(Number(float(_CLEAR_CARDINALS[stem]), written[index].strip("،,.:;؛!?؟\"'«»()")))
    return counts


# Ordinals the Arabic writes in words that a translation must keep ('المركز الثالث': third, 3rd, or a regnal
# 'VI' for 'محمد السادس'). Not the first and second ('الأول' is also 'former', 'كانون الثاني' January, 'مرة
# ثانية' again), nor 'رابعة' without the article (Rabaa, a name); 'ثالثاً' (thirdly) is no entry.
_CLEAR_ORDINALS = {normalize(w): v for w, v in {
    "ثالث": 3, "ثالثة": 3, "رابع": 4, "الرابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7,
    "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10}.items()}
# ... and the first two only as the units of a larger ordinal ('الحادي عشر', 'الثاني والعشرين').
_ORDINAL_UNITS = {**_CLEAR_ORDINALS, **{normalize(w): v for w, v in {
    "حادي": 1, "حادية": 1, "ثاني": 2, "ثانية": 2, "رابعة": 4}.items()}}
_TENS = {normalize(w): v for w, v in {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40,
                                      "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70,
                                      "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90}.items()}


def _worded_ordinals(source: str) -> list[Number]:
    """Ordinals the Arabic writes as words ('احتل المركز الثالث', 'الجولة الخامسة عشرة': 15, 'النسخة الخامسة
    والثلاثين': 35), outside the hours it writes in words (the clock check's: 'الثالثة إلا ربعاً' is 2:45)."""
    hours = [match.span() for match in _ARABIC_HOUR.finditer(normalize(source))]
    written = to_ascii_digits(source).split()
    words = [_bare_word(token) for token in written]
    ordinals, offset = [], 0
    normalised = normalize(source)
    for index, word in enumerate(words):
        position = normalised.find(word, offset)
        offset = position + len(word) if position >= 0 else offset
        if any(a <= position < b for a, b in hours):
            continue
        after = words[index + 1] if index + 1 < len(words) else ""
        unit = _strip_arabic_clitic(word, _ORDINAL_UNITS)
        if unit is None:
            continue
        value, end = float(_ORDINAL_UNITS[unit]), index + 1
        if after in ("عشر", "عشره"):
            value, end = value + 10, index + 2
        elif after.startswith("و") and _strip_arabic_clitic(after[1:], _TENS):
            value, end = value + _TENS[_strip_arabic_clitic(after[1:], _TENS)], index + 2
        elif _strip_arabic_clitic(word, _CLEAR_ORDINALS) is None:
            continue  # 'الثاني', 'الحادي' alone
        ordinals.append(Number(value, " ".join(written[index:end]).strip("،,.:;؛!?؟\"'«»()")))
    return ordinals


# Cardinal number words that can make up a compound ('مئة وعشرة آلاف'); no ordinals, no counted nouns.
_COMPOUND_PARTS = {w: v for w, v in _ARABIC_WORDS.items() if w in {normalize(c) for c in (
    "واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية ثمان "
    "تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون "
    "ثمانين تسعون تسعين مئة مائة مئتين مئتان مائتين مئتي مائتي ثلاثمئة ثلاثمائة أربعمئة أربعمائة خمسمئة "
    "خمسمائة ستمئة ستمائة سبعمئة سبعمائة ثمانمئة ثمانمائة تسعمئة تسعمائة أحد إحدى اثنا اثنتا").split()}}
_COMPOUND_PARTS.update({normalize(w): 200 for w in ("مئتا", "مائتا")})


# Clitics a compound's first word may carry: a conjunction or preposition, not the article (الأحد is
# Sunday, الاثنين Monday, بالمئة and المئة "percent").
_COMPOUND_CLITICS = ("وب", "ول", "و", "ب", "ل", "ف", "ك")


def _compound_part(word: str, first: bool) -> tuple[float, bool] | None:
    """The value of one word of a written number, and whether it is a scale (thousand, million ...); a
    word after the first must be joined by و unless it is a scale ('عشرة آلاف') or 'عشر' ('ثلاثة عشر')."""
    for table, scale in ((_ARABIC_SCALES, True), (_COMPOUND_PARTS, False)):
        stem = _strip_arabic_clitic(word, table, _COMPOUND_CLITICS if first else ("و",))
        if stem:
            return float(table[stem]), scale
    return None


def _worded_amounts(source: str) -> list[Number]:
    """Numbers the Arabic writes in two words or more: 'عشرة آلاف' (10,000), 'خمسة وعشرون' (25),
    'مئة وعشرة آلاف' (110,000), 'ألفين وخمسمئة' (2,500), 'ثلاثة ملايين وخمسمئة ألف' (3.5 million).

    Joined parts must go as Arabic orders them (a unit before its tens, then ever smaller after a hundred
    or a scale), so 'بين ثلاثة وخمسة' (between three and five) is two numbers, not eight."""
    written = to_ascii_digits(source).split()
    words = [_bare_word(token) for token in written]
    amounts = []
    index = 0
    while index < len(words):
        start = _compound_part(words[index], True)
        if start is None or (index and words[index - 1].isdigit()):
            index += 1
            continue  # after a digit, part of a number written otherwise ('3 ملايين و500 ألف')
        total, group, previous, end = 0.0, 0.0, None, index
        value, scale = start
        while True:
            if scale:
                base = 10.0 ** (3 * int(math.log10(value) // 3))
                total += group * base if group else value
                group = 0.0
                if end + 1 < len(words) and words[end + 1] == "ونصف":  # 'ثلاثة ملايين ونصف': 3.5 million
                    total += base / 2
                    end += 1
            else:
                group += value
            previous, end = (value, scale), end + 1
            if end == len(words) or re.search(r"[،,;؛.:!?؟)\]»\"]$", written[end - 1]):
                break  # 'خمسة، وعشرون آخرون': a comma ends a number
            bare = words[end]
            joined = bare.startswith("و")
            part = _compound_part(bare, False)
            if part is None:
                break
            value, scale = part
            last, last_scale = previous
            if scale and not joined:
                ok = not last_scale  # 'عشرة آلاف'
            elif not joined:
                ok = value in (10.0, 100.0) and last < 10 and not last_scale  # 'ثلاثة عشر', 'ثلاث مئة'
                if ok and value == 100.0:
                    value = last * 99  # the unit already counted becomes its hundreds
            elif last_scale:
                ok = value < last or not scale and value < 1000  # 'ألفين وخمسمئة', 'مليون ومئتا ألف'
            elif last < 10:
                ok = value in (20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0)  # 'خمسة وعشرون'
            else:
                ok = last >= 100 and value < 100 and not scale  # 'مئة وعشرة'
            if not ok:
                break
        if end - index >= 2:
            amounts.append(Number(_key(total + group), " ".join(written[index:end]).strip("،,.:;؛!?؟\"'«»()")))
        index = end
    return amounts


def _dual_amounts(source: str) -> list[Number]:
    """Amounts the Arabic writes as a scale in the dual, standing alone ('رصدت مليوني دينار'); one that starts or
    ends a longer number ('مليونين و500 ألف', '3 ملايين') is that number's."""
    written = to_ascii_digits(source).split()
    words = [_bare_word(token) for token in written]
    amounts = []
    for index, word in enumerate(words):
        stem = _strip_arabic_clitic(word, _DUAL_SCALES, _COMPOUND_CLITICS)
        if stem is None:
            continue
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if (before.isdigit() or _strip_arabic_clitic(before, _ARABIC_WORDS)
                or after.startswith("و") and (after[1:2].isdigit() or _strip_arabic_clitic(after[1:], _ARABIC_WORDS))):
            continue
        amounts.append(Number(_DUAL_SCALES[stem], written[index].strip("،,.:;؛!?؟\"'«»()")))
    return amounts


def _spelling_pattern(word: str) -> str:
    """A pattern for a word of a normalised table as the source may spell it (hamzas, ta marbuta, alef
    maqsura, diacritics and tatweel)."""
    variants = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يىئ]", "و": "[وؤ]", " ": r"\s+"}
    return "[\u064b-\u0652\u0640]*".join(variants.get(c, re.escape(c)) for c in word)


# A Hijri date or year marked as one ('15 شوال 1445 هـ', '1395 هـ', 'الخامس عشر من شعبان 1446 هجرية').
_HIJRI_DATE = re.compile(
    r"(?:(?:\d{1,2}|[^\s\d]+(?:\s+عشر[ةه]?)?)\s+(?:من\s+)?(?:شهر\s+)?)?(?:[وبل]?(?:"
    + "|".join(_spelling_pattern(m) for m in sorted(HIJRI_MONTHS, key=len, reverse=True)) + r")\s+)?"
    r"(\d{3,4})\s*(?:هـ|ه(?!\w)|هجري[ةه]?)")
_GREGORIAN_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")


def _without_dropped_hijri_date(source: str, english: str, stated: set[float]) -> str:
    """The source without its Hijri dates where it gives the Gregorian year too and the English drops the
    Hijri date whole (no Hijri month, not its year), as English news copy does: '1395 هـ (1975م)' rendered
    '1975'. A Hijri date kept in part is held to all of it; one alone must be kept."""
    text = _source_digits(source)
    dates = list(_HIJRI_DATE.finditer(text))
    if not dates or english_hijri_months(english) or any(float(m.group(1)) in stated for m in dates):
        return source
    for match in reversed(dates):
        text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return text if _GREGORIAN_YEAR.search(text) else source


def number_flags(source: str, english: str) -> list[Flag]:
    """Numbers of the source missing or changed in the English, and digits the English invents."""
    clock, clock_spans = _clock_values(english)
    named = [m.span() for m in _NAME_NUMBER.finditer(to_ascii_digits(english))]
    digits, stated = english_numbers(english)
    stated = stated | clock
    # What the English must keep; the source as a whole says what it may write.
    kept = _without_dropped_hijri_date(source, english, stated)
    wanted = arabic_numbers(kept)
    added_time, added_minutes = _added_time(source, english, stated)
    stated |= added_time
    alternatives = _compound_values(source)
    for value, others in _thousands_dot_values(source).items():
        alternatives.setdefault(value, set()).update(others)
    months = english_months(english)
    missing = [n for n in wanted if _key(n.value) not in stated
               and not alternatives.get(_key(n.value), set()) & stated
               and not (n.month and int(n.value) in months)]
    missing += [n for n in _worded_counts(kept) + _dual_amounts(kept) + _worded_ordinals(kept)
                if _key(n.value) not in stated]
    missing += [n for n in _worded_amounts(kept) if _key(n.value) not in stated
                and not alternatives.get(_key(n.value), set()) & stated]
    # A month the source names must be the month the English names (or writes with digits).
    missing += [Number(float(m), _MONTH_NAMES[m - 1]) for m in sorted(arabic_months(kept))
                if m not in months and float(m) not in stated]
    hijri = english_hijri_months(english)
    missing += [Number(float(m), _HIJRI_NAMES[m - 1]) for m in sorted(arabic_hijri_months(kept)) if m not in hijri]
    source_values = ({_key(n.value) for n in wanted} | arabic_number_words(source)
                     | {n.value for n in _worded_amounts(source)})
    source_values |= {value for values in alternatives.values() for value in values} | added_minutes
    source_values |= {float(hour) for hour in arabic_clock_hours(source)} | _arabic_clock(source)[2]
    # Scale words shift values (3 ملايين ↔ 3,000,000); a bare mantissa the source states is no invention.
    source_values |= {_key(n.value) for n in _bare_values(source)}
    source_values |= {percent for fraction in arabic_fractions(source) for percent in _FRACTION_PERCENTS[fraction]}
    english_ascii = to_ascii_digits(english)
    converted, brackets = _conversions(english_ascii, source_values)
    # A Hijri date's month the source does not name: '1 رمضان 1446' rendered '1 Shawwal 1446'.
    invented_months = [Number(float(m), _HIJRI_NAMES[m - 1])
                       for m in sorted(english_dated_hijri_months(english) - arabic_hijri_month_words(source))]
    invented = [n for n in digits if _key(n.value) not in source_values and _key(n.value) not in converted
                and not any(n.text in english_ascii[a:b] for a, b in clock_spans + named)]
    # A clock time is exempt from the digits' check (the Arabic may write it '17:50'), but not from the
    # hour the Arabic writes in words: 'السابعة مساء' rendered '9 pm'.
    hours, before_the_hour, minutes_to = _arabic_clock(source)
    if hours:
        invented += [Number(float(m.group(1)), m.group().strip()) for m in _CLOCK.finditer(english_ascii)
                     if int(m.group(1)) not in hours and float(m.group(1)) not in source_values - before_the_hour
                     or m.group(2) and int(m.group(2)) and float(m.group(2)) not in source_values]
    invented += invented_months

    reasons = []
    if missing:
        shown = ", ".join(dict.fromkeys(n.text for n in missing))
        extra = f"; the English has {', '.join(dict.fromkeys(n.text for n in invented))}" if invented else ""
        reasons.append(f"source number {shown} is missing or different in the English{extra}")
    elif invented:
        shown = ", ".join(dict.fromkeys(n.text for n in invented))
        reasons.append(f"the English has {shown}, which the source does not state")
    # The amount may be right and its currency or unit changed: '48 جنيهاً' rendered '48 dinars'. A
    # conversion's unit is not the figure's: '2 billion riyals ($533 million)' for dollars changed them.
    for a, b in reversed(brackets):
        english_ascii = english_ascii[:a] + " " + english_ascii[b:]
    reasons += measure_reasons(source, english_ascii)
    reasons += fraction_reasons(source, english)
    reasons += casualty_reasons(source, english)
    return [Flag("number_mismatch", "; ".join(reasons))] if reasons else []


# The dead and the injured of a toll, each count with its role: "قتل شخصان وأصيب ثلاثة آخرون" rendered "Three
# people were killed and two injured" keeps both figures and swaps what they count. Arabic puts the verb or
# the verbal noun before the count ("مقتل 10", "أصيب ثلاثة") and the noun after it ("10 قتلى", "60 جريحاً").
_DEATH_BEFORE = {normalize(w) for w in (
    "قتل", "قتلت", "قتلوا", "مقتل", "وفاة", "توفي", "توفيت", "مصرع", "استشهد", "استشهاد", "قضى", "لقي")}
_INJURY_BEFORE = {normalize(w) for w in ("أصيب", "أصيبت", "أصيبوا", "إصابة", "جرح", "جرحت", "إصابات")}
_DEATH_AFTER = {normalize(w) for w in (
    "قتيل", "قتيلا", "قتيلاً", "قتلى", "قتيلين", "شهيد", "شهيدا", "شهداء", "وفاة", "وفيات")}
_INJURY_AFTER = {normalize(w) for w in (
    "جريح", "جريحا", "جرحى", "جريحين", "مصاب", "مصابا", "مصابين", "مصابون", "إصابة", "إصابات")}
# Duals that count people ("شخصان", "طفلين"): two.
_PEOPLE_DUAL = re.compile(r"^(?:شخص|طفل|جندي|مدني|عسكري|شرطي|مواطن|عامل|رجل|امرات|مسلح|مقاتل|صحفي|طالب|"
                          r"ضابط|سايح|مهاجر|لاجي|فتا|شاب|فتات|امرا)(?:ان|ين)$")
_ENGLISH_DEATH = re.compile(r"^(?:killed|killing|kills|dead|deaths?|died|die|fatalities|lives|toll|martyrs?|"
                            r"perished)$")
_ENGLISH_INJURY = re.compile(r"^(?:injured|injuring|injuries|injury|wounded|wounding|hurt)$")
_ENGLISH_COUNT_WORDS = {w: v for v, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
CASUALTY_WINDOW = 3  # how many words from a count its role word may stand


def _arabic_casualties(source: str) -> dict[float, set[str]]:
    """The Arabic's counts of dead and injured: value -> {'dead', 'injured'}."""
    words = [_bare_word(token) for token in to_ascii_digits(source).split()]
    roles: dict[float, set[str]] = {}
    for index, word in enumerate(words):
        bare = word[1:] if word[:1] in "وب" and len(word) > 1 else word  # "و20 جريحاً", "وطفلين"
        if re.fullmatch(r"\d+", bare.replace(",", "")):
            value = float(bare.replace(",", ""))
        elif _strip_arabic_clitic(word, _CLEAR_CARDINALS):
            value = float(_CLEAR_CARDINALS[_strip_arabic_clitic(word, _CLEAR_CARDINALS)])
        elif _PEOPLE_DUAL.match(bare):
            value = 2.0
        else:
            continue
        found = []  # (distance, role)
        for distance, other in enumerate(words[index + 1:index + 1 + CASUALTY_WINDOW], start=1):
            if other in _DEATH_AFTER or other in _INJURY_AFTER:
                found.append((distance, "dead" if other in _DEATH_AFTER else "injured"))
                break
        for distance in range(1, CASUALTY_WINDOW + 1):
            if index - distance < 0:
                break
            other = words[index - distance]
            other = other[1:] if other[:1] in "وف" and other[1:] else other
            if other in _DEATH_BEFORE or other in _INJURY_BEFORE:
                found.append((distance, "dead" if other in _DEATH_BEFORE else "injured"))
                break
        if found:
            roles.setdefault(value, set()).add(min(found)[1])
    return roles


def _english_casualties(english: str) -> dict[float, set[str]]:
    """The English's counts of dead and injured, the role word nearest each count."""
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", to_ascii_digits(english))
    lowered = [w.lower() for w in words]
    roles: dict[float, set[str]] = {}
    for index, word in enumerate(lowered):
        if word[0].isdigit():
            value = float(word.replace(",", ""))
        elif word in _ENGLISH_COUNT_WORDS:
            value = float(_ENGLISH_COUNT_WORDS[word])
        else:
            continue
        found = []
        for distance in range(1, CASUALTY_WINDOW + 1):
            for at in (index + distance, index - distance):
                if 0 <= at < len(lowered) and (_ENGLISH_DEATH.match(lowered[at]) or _ENGLISH_INJURY.match(lowered[at])):
                    found.append((distance, "dead" if _ENGLISH_DEATH.match(lowered[at]) else "injured"))
            if found:
                break
        if len({role for _, role in found}) == 1:  # (equally near to both: no telling)
            roles.setdefault(value, set()).add(found[0][1])
    return roles


def casualty_reasons(source: str, english: str) -> list[str]:
    """A count of dead the English gives as injured, or the reverse (both figures kept, roles swapped)."""
    arabic = _arabic_casualties(source)
    if not {"dead", "injured"} <= {role for roles in arabic.values() for role in roles}:
        return []
    swapped = sorted(value for value, roles in _english_casualties(english).items()
                     if len(arabic.get(value, set())) == 1 and len(roles) == 1 and roles != arabic[value])
    if not swapped:
        return []
    said = ", ".join(f"{value:g} {'dead' if 'dead' in roles else 'injured'}" for value, roles in sorted(arabic.items())
                     if len(roles) == 1)
    return [f"the source counts {said}; the English gives "
            + ", ".join(f"{v:g} as {'injured' if 'dead' in arabic[v] else 'dead'}" for v in swapped)]


# Stoppage time: 'الدقيقة 90+3' is '90+3', 'the 93rd minute' or 'the third minute of stoppage time'.
_ADDED_TIME = re.compile(r"(?<![\d.])(45|90|105|120)\s*\+\s*(\d{1,2})(?!\d|\.\d)")
_ENGLISH_ADDED_TIME = re.compile(r"\b(?:stoppage|injury|added|additional)[- ]time\b|\btime added on\b", re.IGNORECASE)


def _added_time(source: str, english: str, stated: set[float]) -> tuple[set[float], set[float]]:
    """(the values of the Arabic's stoppage-time minutes the English states, the minutes they add up to):
    '90+3' rendered 'the 93rd minute' states 90 and 3, 'the third minute of stoppage time' states 90."""
    said, sums = set(), set()
    for match in _ADDED_TIME.finditer(_source_digits(source)):
        base, extra = float(match.group(1)), float(match.group(2))
        sums.add(base + extra)
        if base + extra in stated:
            said |= {base, extra}
        elif _ENGLISH_ADDED_TIME.search(english):
            said.add(base)
    return said, sums


def _bare_values(source: str) -> list[Number]:
    text = _source_digits(source)
    return [Number(_parse_digits(m.group(1), m.group(2)), m.group()) for m in _NUMBER.finditer(text)]


# ---------------------------------------------------------------------------------------------------
# Currencies and units
# ---------------------------------------------------------------------------------------------------

# A word with the clitics Arabic may join to it: و/ف, then ب/ك/ل or the article (بال، لل، وال ...).
_AR_PREFIX = r"(?<!\w)(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"


def _arabic_terms(table: dict[str, str]) -> list[tuple[re.Pattern, str]]:
    """(pattern, key) for a table of Arabic word patterns (normalised spelling, endings included) to keys."""
    return [(re.compile(rf"{_AR_PREFIX}(?:{normalize(pattern)})(?!\w)"), key) for pattern, key in table.items()]


def _english_terms(table: dict[str, str], flags: int = 0) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern, flags), key) for pattern, key in table.items()]


def _as_written(source: str, found: str) -> str:
    """The words of the source that `found` (normalised, as matched) was read from, for a reason."""
    wanted = [_bare_word(word) for word in found.split()]
    written = source.split()
    bare = [_bare_word(token) for token in written]
    for start in range(len(written) - len(wanted) + 1):
        if bare[start:start + len(wanted)] == wanted:
            return " ".join(written[start:start + len(wanted)]).strip("،,.:;؛!?؟\"'«»()")
    return found


def _found(terms: list[tuple[re.Pattern, str]], text: str) -> dict[str, str]:
    """Each key the text names, with the first words that name it (for the reason)."""
    found: dict[str, tuple[int, str]] = {}
    for pattern, key in terms:
        match = pattern.search(text)
        if match and (key not in found or match.start() < found[key][0]):
            found[key] = (match.start(), match.group().strip())
    return {key: words for key, (_, words) in found.items()}


# Currencies the Arabic names, with their dual, plural and accusative forms.
_ARABIC_CURRENCIES = _arabic_terms({
    "دولار(?:ا|ات|ين|ان|ي|يه)?": "dollar", "يورو": "euro", "جنيه(?:ا|ات|ين|ان)?|استرليني": "pound",
    "دينار(?:ا|ين|ان)?|دنانير": "dinar",
    # (not 'ريال مدريد': Real Madrid)
    r"ريال(?:ا|ات|ين|ان)?(?! (?:مدريد|سوسيداد|بيتيس|مايوركا|بلد الوليد|سرقسطه))": "riyal",
    "درهم(?:ا|ين|ان)?|دراهم": "dirham", "ليره|ليرات|ليرتين|ليرتان": "lira", "روبل(?:ا|ات|ين)?": "rouble",
    "يوان(?:ا|ات)?": "yuan", "شيكل(?:ا|ات)?|شيقل(?:ا|ات)?|شواكل": "shekel", "روبيه|روبيات": "rupee",
    "فرنك(?:ا|ات)?": "franc",
})
# 'ين' (yen) is two letters that end many words: only standing alone, or with the article.
_ARABIC_CURRENCIES.append((re.compile(r"(?<!\w)(?:[وب]?ال)?ين(?!\w)"), "yen"))
_ENGLISH_CURRENCIES = _english_terms({
    # (codes in capitals only: 'try', 'mad', 'rub' are words)
    r"\$|\bdollars?\b|(?-i:\bUSD\b)|\bgreenbacks?\b": "dollar", r"€|\beuros?\b|(?-i:\bEUR\b)": "euro",
    # Gulf and Egyptian papers' prefixes run into the figure: 'SR1.5 billion', 'KD5.6bn', 'JD283m', 'LE50', 'Dh3bn'.
    r"£|\bpounds?\b|\bsterling\b|(?-i:\bGBP\b|\bEGP\b|\bLE(?=\s?\d))": "pound",
    r"\bdinars?\b|(?-i:\b(?:JOD|KWD|IQD|BHD|LYD|TND|DZD)\b|\b(?:JD|KD|BD)(?=\s?\d))": "dinar",
    r"\b(?:riyals?|rials?)\b|(?-i:\b(?:SAR|QAR|OMR|YER|IRR)\b|\b(?:SR|QR|RO)(?=\s?\d))": "riyal",
    r"\bdirhams?\b|(?-i:\b(?:AED|MAD)\b|\bDhs?(?=\s?\d))": "dirham",
    r"\b(?:lira|liras|lire)\b|(?-i:\b(?:TRY|LBP|SYP)\b)": "lira", r"\b(?:roubles?|rubles?)\b|(?-i:\bRUB\b)": "rouble",
    r"\b(?:yuan|renminbi)\b|(?-i:\b(?:RMB|CNY)\b)": "yuan", r"\byen\b|¥|(?-i:\bJPY\b)": "yen",
    r"\b(?:shekels?|sheqels?)\b|(?-i:\b(?:NIS|ILS)\b)": "shekel", r"\brupees?\b|(?-i:\b(?:INR|PKR)\b)": "rupee",
    r"\bfrancs?\b|(?-i:\bCHF\b)": "franc",
}, re.IGNORECASE)
# What English may call an Arabic currency besides its own name: the Lebanese and Syrian lira are often
# 'pounds'.
_CURRENCY_RENDERINGS = {"lira": {"lira", "pound"}}

# Units of measure by dimension. 'كم' (how much), 'سم' (poison) and 'ملم' only after a digit; not 'قدم'
# (also 'presented') nor 'م' (also the 'AD' of a year).
_ARABIC_UNITS = {
    "length": _arabic_terms({
        "كيلومتر(?:ا|ات|ين|ان)?|كيلو متر(?:ا|ات|ين|ان)?|كلم": "km", "متر(?:ا|ين|ان)?|امتار": "m",
        "سنتيمتر(?:ا|ات|ين)?|سنتمتر(?:ا|ات)?": "cm", "مليمتر(?:ا|ات)?|ملليمتر(?:ا|ات)?": "mm",
        "ميل(?:ا|ين)?|اميال": "mile", "بوصه|بوصات|انش|انشات": "inch", "كيلو": "km",
    }) + [(re.compile(rf"(?:(?<=\d)|(?<=\d ))(?:{word})(?!\w)"), key) for word, key in (("كم", "km"), ("سم", "cm"),
                                                                                      ("ملم", "mm"))],
    "mass": _arabic_terms({
        "كيلوغرام(?:ا|ات|ين|ان)?|كيلوجرام(?:ا|ات|ين|ان)?|كيلو غرام(?:ا|ات)?|كغ|كجم|كيلو": "kg",
        "غرام(?:ا|ات)?|جرام(?:ا|ات)?": "g", "طن(?:ا|ان)?|اطنان": "ton", "رطل(?:ا|ين)?|ارطال": "pound",
        "اوقيه|اونصه|اونصات|اوقيات": "ounce",
    }),
    "volume": _arabic_terms({
        "برميل(?:ا|ين|ان)?|براميل": "barrel", "لتر(?:ا|ات|ين|ان)?": "litre", "[غج]الون(?:ا|ات|ين)?": "gallon",
    }),
    # (not 'نقطة مئوية', a percentage point, nor 'الذكرى المئوية', a centenary)
    "temperature": _arabic_terms({"(?:درجة|درجات|درجتين) مئوية": "celsius", "فهرنهايت": "fahrenheit"}),
    "area": _arabic_terms({"هكتار(?:ا|ات)?": "hectare", "فدان(?:ا|ين)?|افدنه": "feddan", "دونم(?:ا|ات)?": "dunam"}),
}
_COUNT = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred|thousand)s?)[\s-]*"
_ENGLISH_UNITS_OF = {
    "length": _english_terms({
        r"\bkm\b|\bkms\b|\bkph\b|\bkilomet(?:er|re)s?\b": "km", r"\bmet(?:er|re)s?\b": "m",
        r"\bcm\b|\bcentimet(?:er|re)s?\b": "cm", r"\bmm\b|\bmillimet(?:er|re)s?\b": "mm",
        r"\bmiles?\b|\bmph\b": "mile",
        # 'on foot', 'inch closer', 'Scotland Yard': these are units only after a number
        rf"{_COUNT}(?:feet|foot|ft)\b": "foot", rf"{_COUNT}inch(?:es)?\b": "inch", rf"{_COUNT}yards?\b": "yard",
    }, re.IGNORECASE),
    "mass": _english_terms({
        r"\bkgs?\b|\bkilo(?:gram(?:me)?)?s?\b": "kg", r"\bgram(?:me)?s?\b": "g", r"\bton(?:ne)?s?\b": "ton",
        r"\bpounds?\b|\blbs?\b": "pound", r"\bounces?\b|\boz\b": "ounce",
    }, re.IGNORECASE),
    "volume": _english_terms({r"\bbarrels?\b|\bbpd\b|\bbbl\b": "barrel", r"\blit(?:er|re)s?\b": "litre",
                              r"\bgallons?\b": "gallon"}, re.IGNORECASE),
    # '48C (118F)': a capital C or F right after a figure is the unit even without the degree sign.
    "temperature": _english_terms({r"\bcelsius\b|\bcentigrade\b|°\s?C\b|(?<=\d)\s?(?-i:C)\b": "celsius",
                                   r"\bfahrenheit\b|°\s?F\b|(?<=\d)\s?(?-i:F)\b": "fahrenheit"}, re.IGNORECASE),
    "area": _english_terms({r"\bhectares?\b": "hectare", r"\bacres?\b": "acre", r"\bfeddans?\b": "feddan",
                            r"\bdun[ua]ms?\b|\bdonums?\b": "dunam"}, re.IGNORECASE),
}
# A feddan is about an acre; 'كيلو' alone is a kilogram or a kilometre (it is listed under both).
_UNIT_RENDERINGS = {"feddan": {"feddan", "acre"}}
_DIMENSION_NAMES = {"length": "distance", "mass": "weight", "volume": "volume", "temperature": "temperature",
                    "area": "area"}


def _changed_measure(arabic: dict[str, str], english: dict[str, str],
                     renderings: dict[str, set[str]]) -> tuple[str, str] | None:
    """The Arabic's term and the English's where the English renders some term of the Arabic by none of
    its names and names one of the kind the Arabic does not ('جنيه', 'dinars'); None otherwise."""
    lost = [key for key in arabic if not renderings.get(key, {key}) & set(english)]
    accepted = set().union(*(renderings.get(key, {key}) for key in arabic)) if arabic else set()
    added = [key for key in english if key not in accepted]
    return (arabic[lost[0]], english[added[0]]) if lost and added else None


# "10 km (6 miles)", "2 billion riyals ($533 million)": a figure in one unit or currency, given again in
# another in brackets right after it, is a conversion (the translator's or the outlet's), not an invented
# number. The words between the figure and the bracket, and the bracket, are read with the tables above.
_CONVERSION = re.compile(
    r"((?:[$€£¥]|(?-i:\b(?:[A-Z]{2,3}|Dhs?)\s?))?\s*\d[\d,.]*[^()\d]{0,25}?)"
    r"\((\s*(?:(?:about|around|some|approximately|roughly|nearly|almost|over|under|~)\s+)?[^()\d]{0,4}\d[^()]{0,25})\)",
    re.IGNORECASE)
_MEASURE_TERMS = _ENGLISH_CURRENCIES + [term for terms in _ENGLISH_UNITS_OF.values() for term in terms]


def _conversions(english: str, source_values: set) -> tuple[set, list[tuple[int, int]]]:
    """Values given again in brackets as conversions, and the brackets' spans. One counts when the figure
    before it is a figure of the source, named in a unit or currency, and the bracket names another
    ('3 million tonnes (5 million tonnes)' converts nothing, '5% (about $3 billion)' neither)."""
    values, spans = set(), []
    for match in _CONVERSION.finditer(english):
        figure, bracket = match.groups()
        units, other = set(_found(_MEASURE_TERMS, figure)), set(_found(_MEASURE_TERMS, bracket))
        given = {_key(n.value) for n in english_numbers(figure)[0]}
        if not units or not other or units & other or not given & source_values:
            continue
        values |= {_key(n.value) for n in english_numbers(bracket)[0]}
        spans.append((match.start(2) - 1, match.end(2) + 1))
    return values, spans


# Fractions in words: 'نصف' rendered 'a quarter' changes the amount, though no digit says so. 'third'
# counts only as a fraction ('a third', 'two-thirds'), not an ordinal; 'Quarter' capitalised is a district.
_ARABIC_FRACTIONS = {normalize(k): v for k, v in {
    "نصف": "half", "ثلث": "third", "ثلثي": "third", "ثلثا": "third", "ربع": "quarter", "أرباع": "quarter"}.items()}
_ENGLISH_FRACTIONS = _english_terms({
    r"\b(?i:half|halves|halved|halving)\b": "half", r"\b(?i:a|one|two)[\s-]+(?i:thirds?)\b|\b(?i:thirds)\b": "third",
    r"\bquarters?\b|\b(?i:a|one|three)[\s-]+(?i:quarters?)\b": "quarter"})


# A fraction may be rendered as a percentage: 'النصف' as '50%'.
_FRACTION_PERCENTS = {"half": {50.0}, "third": {33.0, 33.3, 66.0, 67.0, 66.7}, "quarter": {25.0, 75.0}}


def arabic_fractions(source: str) -> dict[str, str]:
    """The fractions the Arabic writes in words ('half', 'third', 'quarter'), each with its word."""
    found: dict[str, str] = {}
    for word in re.findall(r"\w+", normalize(source)):
        stem = _strip_arabic_clitic(word, _ARABIC_FRACTIONS)
        if stem:
            found.setdefault(_ARABIC_FRACTIONS[stem], word)
    return found


def fraction_reasons(source: str, english: str) -> list[str]:
    """A fraction the Arabic writes in words that the English renders as another ('نصف' as 'a quarter')."""
    changed = _changed_measure(arabic_fractions(source), _found(_ENGLISH_FRACTIONS, english), {})
    return [f"source fraction {changed[0]} is rendered as '{changed[1]}'"] if changed else []


def measure_reasons(source: str, english: str) -> list[str]:
    """A currency or a unit of measure of the Arabic that the English changes: the English lacks one the
    Arabic names and names another of the same kind (dinars for جنيه, miles for كلم). The English may
    add a conversion ('120 km (75 miles)'); 'the dollar rose against the euro' for an Arabic naming both
    is no change."""
    text = normalize(to_ascii_digits(source))
    reasons = []
    arabic_money = _found(_ARABIC_CURRENCIES, text)
    english_money = _found(_ENGLISH_CURRENCIES, english)
    if "pound" in english_money and re.search(rf"{_AR_PREFIX}(?:رطل(?:ا|ين)?|ارطال)(?!\w)", text):
        del english_money["pound"]  # pounds of weight
    changed = _changed_measure(arabic_money, english_money, _CURRENCY_RENDERINGS)
    if changed:
        reasons.append(f"amount in '{_as_written(source, changed[0])}' but the English says '{changed[1]}'")
    for dimension, terms in _ARABIC_UNITS.items():
        english_units = _found(_ENGLISH_UNITS_OF[dimension], english)
        if dimension == "mass" and "pound" in english_units and {"pound", "lira"} & set(arabic_money):
            del english_units["pound"]  # pounds of money
        changed = _changed_measure(_found(terms, text), english_units, _UNIT_RENDERINGS)
        if changed:
            reasons.append(f"{_DIMENSION_NAMES[dimension]} in '{_as_written(source, changed[0])}' but the English "
                           f"says '{changed[1]}'")
    return reasons


# ---------------------------------------------------------------------------------------------------
# Repetition
# ---------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _loop_needed(size: int, settings: QASettings) -> int:
    """Consecutive repetitions that make a loop of a `size`-word phrase."""
    if size == 1:
        return settings.repeat_word_times
    return settings.repeat_phrase_times if size < settings.repeat_long_phrase_words else 2


def _repeats(words: list[str], start: int, size: int) -> int:
    """How many times the `size`-word phrase at `start` occurs in a row there."""
    phrase, repeats = words[start:start + size], 1
    while words[start + repeats * size:start + (repeats + 1) * size] == phrase:
        repeats += 1
    return repeats


def longest_loop(words: list[str], settings: QASettings = DEFAULT_SETTINGS) -> tuple[str, int] | None:
    """The phrase looping in `words` and its consecutive repetitions, or None when there is no loop."""
    best: tuple[str, int] | None = None
    count = len(words)
    for size in range(1, min(12, count // 2) + 1):
        needed = _loop_needed(size, settings)
        start = 0
        while start + size * needed <= count:
            repeats = _repeats(words, start, size)
            if repeats >= needed and (best is None or repeats * size > best[1] * len(best[0].split())):
                best = (" ".join(words[start:start + size]), repeats)
            start += max(1, (repeats - 1) * size) if repeats > 1 else 1
    return best


def loop_count(words: list[str], settings: QASettings = DEFAULT_SETTINGS) -> int:
    """How many separate loops `words` holds (a run of one word or phrase repeated, as longest_loop counts)."""
    count, start = 0, 0
    while start < len(words):
        step = 1
        for size in range(1, min(12, (len(words) - start) // 2) + 1):
            repeats = _repeats(words, start, size)
            if repeats >= _loop_needed(size, settings):
                count, step = count + 1, repeats * size
                break
        start += step
    return count


# The same 1-4 characters eight times running: 'hahahaha…', '- - - - …', '!!!!!!!!'. Digits excluded
# (1000000000 is a number, not a loop), and so is pure whitespace.
_CHARACTER_LOOP = re.compile(r"(.{1,4}?)\1{7,}", re.DOTALL)


def character_loop(text: str) -> str | None:
    """The run of a repeated short character sequence in `text`, or None."""
    for match in _CHARACTER_LOOP.finditer(text):
        unit = match.group(1)
        if unit.strip() and not unit.strip().isdigit():
            return match.group()
    return None


def repetition_flags(source: str, english: str, settings: QASettings = DEFAULT_SETTINGS) -> list[Flag]:
    """A word or phrase looping in the English that the source does not loop on itself."""
    loop = longest_loop(_words(english), settings)
    if loop is None:
        run = character_loop(english)
        if run is not None and character_loop(source) is None:
            return [Flag("repetition", f"'{_clip(run, 24)}' repeats the same characters")]
        return []
    # Keyword lists and chants repeat in the source too; a faithful copy is no model loop. A loop beyond
    # the source's own ('ارحل ارحل ارحل' and, elsewhere, 'headquarters headquarters headquarters') is one.
    source_loops = loop_count([normalize(w) for w in _words(source)], settings)
    if source_loops and loop_count(_words(english), settings) <= source_loops:
        return []
    phrase, times = loop
    return [Flag("repetition", f"'{_clip(phrase)}' repeated {times} times in a row")]


# ---------------------------------------------------------------------------------------------------
# Negation
# ---------------------------------------------------------------------------------------------------

# Words that negate what the Arabic says (normalised; a conjunction و/ف before them is allowed). Not
# 'غير' (non-, un-: 'غير قانوني' is 'illegal') nor 'دون' (also 'below'), whose English need no 'not', and
# which are read apart (_GHAYR, _WITHOUT below).
_ARABIC_NEGATORS = {normalize(w) for w in (
    "لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لسنا", "لست", "نفى", "نفت", "ينفي", "تنفي", "نفوا", "رفض", "رفضت",
    "يرفض", "ترفض", "رفضوا", "عدم")}
# Idioms built on a negator that negate nothing: 'لا يزال' (still), 'لا سيما' (especially), 'لا بد' (must).
_ARABIC_NOT_NEGATIONS = re.compile(r"(?<!\w)[وف]?(?:لا|ما) ?(?:يزال|تزال|يزالون|زال|زالت|نزال|سيما|بد|شك)(?!\w)")
_ESPECIALLY = re.compile(r"(?<!\w)[وف]?(?:لا|ما) ?سيما(?!\w)")
# A question that asks a negation ("ألم يحن الوقت ...؟", has the time not come; "أليس من حق ...؟"): the
# hamza of the question on the negator; the words read so only at the head of a clause of a question.
_ASKED_NEGATORS = {normalize(w) for w in ("ألم", "أليس", "أليست", "ألن", "ألا", "أولم", "أوليس", "أفلا", "أفلم")}
# 'لا يقل عن' (no less than), 'لا يتجاوز' (does not exceed): a bound, which English states as one (the
# opposite bound, 'at most' for 'لا يقل', stays flagged).
_ARABIC_LOWER_BOUND = {normalize(w) for w in ("يقل", "تقل", "يقلون")}
_ARABIC_UPPER_BOUND = {normalize(w) for w in ("يزيد", "تزيد", "يزيدون", "يتجاوز", "تتجاوز", "يتعدى", "تتعدى")}
# 'لا غنى عنه' (indispensable), 'لا مفر منه', 'لا مناص', 'لا محالة' (inevitable): English says it in one word.
_ARABIC_NECESSITY = {normalize(w) for w in ("غنى", "غنا", "مفر", "مناص", "محالة")}
# 'لا ... سوى', 'لم ... إلا', 'لا ... غير' (not ... except): English says 'only'.
_ARABIC_EXCEPT = {normalize(w) for w in ("سوى", "إلا", "غير")}
# 'لم يكن ليتم لولا' (would not have happened but for): 'only possible thanks to'. 'ما لم' is 'unless'.
_ARABIC_BUT_FOR = normalize("لولا")
_ARABIC_MA = {normalize(w) for w in ("ما", "وما", "فما")}
# 'نفى' (denied) may be rendered by what it denies being: 'said the reports were untrue'.
_ARABIC_DENIAL = {normalize(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا")}
# Negated idioms English says in a word or a phrase of its own, each one negation however many negators it
# holds ('لا تسمن ولا تغني من جوع': do little good), by kind: the kind's English is in _ENGLISH_BY_KIND.
_NEG = r"(?<!\w)[وف]?(?:لم|لا|لن|ما)"
_ARABIC_NEGATED_IDIOMS = [(re.compile(normalize(pattern)), kind) for pattern, kind in (
    (rf"{_NEG} (?:[يتن]خسر\w*|[يتن]هزم\w*|[يت]ذق طعم (?:الهزيمة|الخسارة))", "unbeaten"),
    (rf"{_NEG} (?:يمكن|يمكننا|يستطيع أحد) (?:إنكار\w*|نكران\w*|تجاهل\w*)|{_NEG} [يت]نكر(?:ه|ها)?(?!\w)"
     r"|(?<!\w)[وف]?لا [يت]ختلف (?:عليه|عليها|فيه|فيها) اثنان", "undeniable"),
    (rf"{_NEG} [يتن]?ستبعد\w*|{_NEG} [يتن]?(?:غلق|وصد)\w*(?: \w+){{0,2}} (?:ال)?باب", "possible"),
    (r"(?<!\w)[وف]?لا [يت]سمن ولا [يت]غني من جوع", "no good"),
    (rf"{_NEG} [يتن]?حرك\w* ساكنا?(?!\w)", "inaction"),
    (rf"{_NEG} [يت]خفى على أحد", "obvious"),
    (r"(?<!\w)[وف]?لا [يت]تجزأ", "integral"),
    (rf"{_NEG} [يت]ستهان (?:به|بها|بهم)", "considerable"),
    (rf"{_NEG} (?:مثيل|نظير) (?:له|لها|لهم)", "unprecedented"),
    (rf"{_NEG} [يتن]مانع\w*", "willing"),
    # 'أبقى سعر الفائدة دون تغيير': kept it unchanged, held it, left it at ...
    (r"(?<!\w)[وف]?(?:بلا|بدون|دون) (?:أي )?تغيير", "unchanged"),
)]
_ANY_NEGATED_IDIOM = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _ARABIC_NEGATED_IDIOMS))
# 'بلا', 'بدون', 'من دون' (without) before a noun or 'أن': a negation English may say with '-less', 'un-' ...
# 'دون' is also 'below' ('دون الصفر', 'دون السادسة عشرة', 'ما دون'), 'to the exclusion of' ('دون غيره'); 'بدون
# أهداف' is a goalless draw (0-0), 'بلا شك' 'undoubtedly', 'طائرات بدون طيار' drones, 'أطباء بلا حدود' MSF.
_WITHOUT = {normalize(w) for w in ("بلا", "وبلا", "فبلا", "بدون", "وبدون", "فبدون", "دون", "ودون", "فدون")}
_NOT_WITHOUT = {normalize(w) for w in (
    "رد", "الصفر", "صفر", "المستوى", "مستوى", "المتوسط", "متوسط", "المعدل", "معدل", "الحد", "حد", "سن", "السن", "خط",
    "الخط", "عتبة", "العتبة", "التوقعات", "الطموحات", "المطلوب", "المأمول", "ذلك", "غيره", "غيرها", "غيرهم", "غيرهما",
    "أهداف", "شك", "ريب", "طيار", "حدود")}
# 'غير' negates the adjective after it ('غير صحيح': untrue), a participle ('غير مسبوقة') or a word in -ي
# ('غير قانوني'); before anything else it is 'other than' ('غير أن': however, 'غير ذلك'), and before a
# noun with a pronoun the verb 'changed' ('غير موقفه').
_GHAYR = {normalize("غير"), normalize("وغير")}
_QAD = {normalize(w) for w in ("قد", "لقد", "وقد", "فقد")}
_GHAYR_ADJECTIVE = re.compile(r"(?:ال)?(?:م\w{3,}|\w{2,}ي(?:ه|ين|ون|ات)?|" + "|".join(normalize(w) for w in (
    "صحيح", "صحيحة", "كاف", "كافية", "واضح", "واضحة", "قادر", "قادرة", "قادرين", "قابل", "قابلة", "دقيق", "دقيقة",
    "صالح", "صالحة", "جاد", "جادة", "آمن", "آمنة", "عادل", "عادلة", "سليم", "سليمة", "كامل", "كاملة", "صديق", "صديقة"))
    + ")")
_ENGLISH_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|nowhere|without|cannot|yet|den(?:y|ies|ied|ial)|"
    r"refus\w*|reject\w*|declin\w*|fail\w*|lack\w*|absen\w*|dismiss\w*|oppos(?:e|es|ed|ing)|ruled out|instead|"
    r"veto\w*|overrul\w*|rebuff\w*|refut\w*|(?:turn|turns|turned|turning) down|"
    r"(?:throw|throws|threw|thrown|throwing) out|"
    # 'لم يتضح' is 'unclear', 'لم يتمكن' 'unable', 'لا يدعو إلى كثير' 'little', 'لا يكاد' 'barely'. Not 'few':
    # 'in the past few days' would excuse any dropped 'not'.
    r"un(?:clear|known|able|aware|willing|likely|changed|answered|resolved|identified|named|disclosed)|"
    r"hardly|barely|scarcely|rarely|seldom|(?<!\ba )little)\b|n't\b",
    re.IGNORECASE)
# What English says for each kind of Arabic negation besides a plain negation.
_ENGLISH_BY_KIND = {
    # A rhetorical question asked in the negative ("أليس من حق ...؟") said as the statement it implies.
    "asked": re.compile(r"\b(?:surely|of course|certainly|clearly)\b", re.IGNORECASE),
    "at least": re.compile(r"\b(?:at least|minimum|or more)\b", re.IGNORECASE),
    "at most": re.compile(r"\b(?:at most|up to|maximum|or fewer|or less)\b", re.IGNORECASE),
    "necessity": re.compile(r"\b(?:indispensabl\w*|essential|vital|crucial|necessar\w*|inevitabl\w*|unavoidabl\w*|"
                            r"inescapabl\w*|must|bound to|certain(?:ly)?|no escape|no alternative)\b", re.IGNORECASE),
    "except": re.compile(r"\b(?:only|just|solely|merely|alone|exclusively|unless|until|except)\b", re.IGNORECASE),
    # 'عدم' + noun: instability, uncertainty, Non-Aligned, inequality, dissatisfaction. 'un-' and 'non-' words
    # are nearly all negative; 'in-', 'dis-' ... words only with a stem known to take one (not 'information').
    "noun": re.compile(
        r"\b(?:non-?(?!e\b|etheless|sense)[a-z]{3,}|un(?!i|der|til|less|veil|leash|fold|load|lock|cover|earth|anim)"
        r"[a-z]{3,}|(?:in|im|ir|il|dis|mis)-?(?:stab|equal|equit|secur|certain|abil|capab|capac|activ|action|adequa|"
        r"competen|complet|consisten|correct|decisi|direct|effect|efficien|eligib|flexib|formal|justice|sufficien|"
        r"toleran|accura|accessib|appropriat|attenti|credib|balanc|partial|possib|mobil|matur|patien|plausib|practic|"
        r"precis|proper|punit|regular|relevan|responsib|reversib|rational|legal|legitima|litera|logic|agree|approv|"
        r"obedien|order|respect|regard|trust|satisf|continu|honest|loyal|interest|advantag|belief|comfort|engage|"
        r"function|integrat|qualif|similar|unity|clar|transparen|commit|complian|cooperat|coordinat|stabil)[a-z]*)\b",
        re.IGNORECASE),
}
_ENGLISH_BY_KIND.update({kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in {
    "unbeaten": r"\b(?:unbeaten|undefeated|unbroken|lost none|without (?:a )?(?:defeat|loss))\b",
    "undeniable": r"\b(?:undeniabl\w*|indisputabl\w*|unquestionabl\w*|incontestabl\w*|undisputed|beyond (?:doubt|"
                  r"dispute|question))\b",
    "possible": r"\b(?:(?:door|doors) (?:open|ajar)|open to|possib\w*|may|might|could|likely|prospect|on the table|"
                r"option)\b",
    "no good": r"\b(?:little|useless|futile|in vain|pointless|worthless|hollow|empty|ineffective|cosmetic|scant)\b",
    "inaction": r"\b(?:(?:sitting|sat|sits|sit) on (?:its|his|her|their) hands|idle|inaction|inactive|stood by|standing "
                r"by|lift(?:ed)? a finger|passiv\w*|turn(?:ed|s)? a blind eye)\b",
    "obvious": r"\b(?:obvious\w*|clear\w*|evident\w*|well known|well-known|no secret)\b",
    "integral": r"\b(?:integral|inseparabl\w*|indivisibl\w*|inalienabl\w*)\b",
    "considerable": r"\b(?:considerabl\w*|significant\w*|formidabl\w*|substantial\w*|sizeable|sizable|serious|major|"
                    r"no small)\b",
    "unprecedented": r"\b(?:unprecedented|unparalleled|unmatched|unrivall?ed|unique|matchless|unequall?ed)\b",
    "unchanged": r"\b(?:unchanged|steady|on hold|stay\w*|remain\w*|kept|keep\w*|hold\w*|held|left|leav\w*|"
                 r"maintain\w*|same)\b",
    "willing": r"\b(?:willing\w*|open to|ready|happy to|prepared to|agree\w*|welcom\w*|objection)\b",
    "denial": r"\b(?:untrue|false|baseless|unfounded|groundless|fabricat\w*|inaccurate|incorrect|bogus|fake)\b",
    "unless": r"\b(?:unless|until|failing|barring|absent|short of|as long as|so long as)\b",
    "but for": r"\b(?:only|thanks to|but for|owing to|due to|because of|credit\w*|had it not been|were it not)\b",
    "without": r"\b(?:\w{3,}less(?:ly|ness)?|un(?!i|der|til|less|veil|leash|fold|load|lock|cover|earth|anim)[a-z]{3,}|"
               r"non-?[a-z]{3,}|in(?:conclusiv|discriminat|valid|complet|definite|sufficien|adequat|voluntar)\w*|"
               r"free\w*|deprived|devoid|cut off|outages?|blackouts?|in the dark|in vain|futile|to no avail|every|"
               r"exception|across the board|immediately|promptly|at once|swiftly|continu\w*|incessant\w*|"
               r"constant\w*|around the clock|steady|on hold|alone|solely)\b",
}.items()})
# The English word that says the opposite of a negated idiom when no 'not' negates it ('لم تستبعد': did not rule
# out, 'لا تمانع': does not object, 'لا يمكن إنكاره': cannot be denied).
_FLIPPED_BY_KIND = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in {
    "possible": r"\brul(?:e|es|ed|ing) out\b|\bexclud\w*",
    "willing": r"\b(?:oppos\w*|object(?:s|ed|ing)?|reject\w*|refus\w*)\b",
    "undeniable": r"\b(?:den(?:y|ies|ied|ial)|disput(?:e|es|ed|ing)|question(?:s|ed|ing)?)\b",
}.items()}
_ENGLISH_PLAIN_NOT = re.compile(r"\b(?:not|never|no|cannot|nobody|none|nothing)\b|n't\b", re.IGNORECASE)
# What English makes of 'غير' + adjective besides 'not' and un-, in-, non- words.
_ENGLISH_BY_KIND["adjective"] = re.compile(
    _ENGLISH_BY_KIND["noun"].pattern + r"|\b(?:false|wrong|invalid\w*|illicit|inhuman\w*|indefinite\w*|abnormal\w*|"
    r"extraordinar\w*|forbidden|prohibit\w*|asymmetr\w*|atypical|misguided|mistaken|ill-\w+|NGOs?|record|emergency|"
    r"disproportionat\w*|volatile|baseless|groundless)\b", re.IGNORECASE)
# English that negates outright; an added one turns a statement into its opposite. Not 'no', 'nothing',
# 'without', 'failure': they often render Arabic verbs and nouns (انعدام, بلا) correctly; 'failed to' only where
# the Arabic has no word a failure renders (فشل, أخفق, عجز, تعذر, تقاعس ...: _ARABIC_NEGATING_STEMS).
_ENGLISH_OUTRIGHT_NEGATION = re.compile(r"\b(?:not|never|cannot|refus(?:e|es|ed|ing|al)|fail(?:s|ed|ing)? to)\b|n't\b",
                                        re.IGNORECASE)
_ENGLISH_NOT_IDIOMS = re.compile(r"\bnot (?:only|just|least|to mention)\b|\b(?:whether|or|if) not\b", re.IGNORECASE)
# Arabic that English may render with 'not': the negators, their idioms, and words that negate by meaning
# (غير الواضح: not clear, ألا: that not, امتنع: would not, تعذر: could not ...), bare or after و، ف، ب، ل.
_ARABIC_NEGATING_WORDS = _ARABIC_NEGATORS | {normalize(w) for w in (
    "ألا", "إلا", "لئلا", "لولا", "غير", "دون", "بدون", "بلا", "سوى", "بل", "بدلا", "عوضا", "إنما", "غياب",
    "انعدام", "أبى", "أبت", "يأبى", "نفي", "نفيه", "كف", "كفت", "يكف", "تكف")}
# ... and the stems of verbs and nouns that do (refuse, abstain, fail, be impossible, prevent, ban, avoid ...).
_ARABIC_NEGATING_STEMS = tuple(normalize(w) for w in (
    "رفض", "رافض", "متنع", "فشل", "خفق", "عجز", "تعذر", "ستحيل", "استحال", "منع", "مانع", "حظر", "تجنب", "توقف",
    "ستبعد", "انكر", "ينكر", "تنكر", "تجاهل", "نادر", "قلما", "تقاعس", "تعثر", "أهدر", "أهمل", "خذل"))
# 'ما' negates before a verb ('ما كان': was not), but far more often means 'what', 'which' ('بما في ذلك').
_ARABIC_NEGATING_MA = re.compile(r"(?<!\w)[وف]?ما (?:كان|كانت|كانوا|عاد|عادت|زال|زالت|زالوا|برح|انفك|من)(?!\w)")


def _arabic_negates(source: str) -> bool:
    """Whether the Arabic has any word an English 'not' may render, idioms included ('لا سيما', especially,
    is none: its 'لا' excused a 'not' the translation had added)."""
    text = _ESPECIALLY.sub(" ", normalize(source))
    if _ARABIC_NEGATING_MA.search(text):
        return True
    for word in re.findall(r"\w+", text):
        bare = {word} | {word[len(c):] for c in ("و", "ف", "ب", "ل", "وب", "ول") if word.startswith(c)}
        if bare & _ARABIC_NEGATING_WORDS or any(stem in word for stem in _ARABIC_NEGATING_STEMS):
            return True
    return False


class _Negation(NamedTuple):
    word: str  # as normalised
    kind: str  # plain, or a key of _ENGLISH_BY_KIND


def _negator(word: str) -> bool:
    return word in _ARABIC_NEGATORS or word[:1] in "وف" and word[1:] in _ARABIC_NEGATORS


def _negates_adjective(word: str, verb_objects: set[str]) -> bool:
    """Whether 'غير' before `word` (normalised) negates it: an adjective, not itself negating ('غير المستبعد')."""
    return (bool(_GHAYR_ADJECTIVE.fullmatch(word)) and word not in verb_objects
            and not any(stem in word for stem in _ARABIC_NEGATING_STEMS))


def _negates_without(words: list[str], index: int) -> bool:
    """Whether 'بلا', 'بدون' or 'دون' at `index` of a clause's (normalised) words is 'without': before 'أن' or a
    word that is no number, nor 'below' ('دون الصفر', 'دون 16 عاما', 'ما دون', 'دون غيره', 'بهدف دون رد')."""
    following = words[index + 1] if index + 1 < len(words) else ""
    if not following or following.isdigit() or following in _NOT_WITHOUT or _strip_arabic_clitic(following, _ARABIC_WORDS):
        return False
    return not (words[index].endswith("دون") and words[index].startswith(("د", "ود", "فد"))
                and index and words[index - 1] in _ARABIC_MA | {normalize("فيما")})


def arabic_negations(source: str) -> list[_Negation]:
    """The negations of the Arabic, one per negator, in order; idioms that negate nothing left out."""
    text = _ARABIC_NOT_NEGATIONS.sub(" ", normalize(source))
    # The object of the verb 'غيّر' carries a pronoun ('موقفه'), told from a feminine ending ('مسبوقة') before
    # normalising spells both with ه.
    verb_objects = {normalize(token) for token in re.findall(r"(?<!\S)[وف]?غي\u0651?ر\s+(\S+?(?:ه|ها|هم|هما|هن))(?=[\s،,.؛:!?؟]|$)",
                                                                 source)}
    negations = []
    idioms = _ARABIC_NEGATED_IDIOMS if _ANY_NEGATED_IDIOM.search(text) else []
    question = bool(re.search(r"[?؟]", source))
    for clause in re.split(r"[،,;؛.:!?؟\"«»()]", text):
        for pattern, kind in idioms:
            for match in pattern.finditer(clause):
                negations.append(_Negation(match.group().split()[0], kind))
            clause = pattern.sub(" ", clause)
        words = re.findall(r"\w+", clause)
        if question and words and words[0] in _ASKED_NEGATORS:
            negations.append(_Negation(words[0], "asked"))
            words = words[1:]
        for index, word in enumerate(words):
            # After 'قد' it is the verb: 'قد غير مجرى الحرب' (has changed the course of the war).
            if (word in _GHAYR and index + 1 < len(words) and not (index and words[index - 1] in _QAD)
                    and _negates_adjective(words[index + 1], verb_objects)):
                negations.append(_Negation(word, "adjective"))
                continue
            if word in _WITHOUT and _negates_without(words, index):
                negations.append(_Negation(word, "without"))
                continue
            if not _negator(word) or index and _negator(words[index - 1]):
                continue  # 'لم ولن' (have not and will not) is one negation
            bare = word if word in _ARABIC_NEGATORS else word[1:]
            following = words[index + 1:index + 2]
            if bare == "عدم":
                kind = "noun"
            elif bare in _ARABIC_DENIAL:
                kind = "denial"
            elif bare == "لم" and index and words[index - 1] in _ARABIC_MA:
                kind = "unless"
            elif bare == "لا" and following and following[0] in _ARABIC_LOWER_BOUND:
                kind = "at least"
            elif bare == "لا" and following and following[0] in _ARABIC_UPPER_BOUND:
                kind = "at most"
            elif bare == "لا" and following and following[0] in _ARABIC_NECESSITY:
                kind = "necessity"
            elif _ARABIC_BUT_FOR in words[index + 1:]:
                kind = "but for"
            elif any(w in _ARABIC_EXCEPT for w in words[index + 1:]):
                kind = "except"
            else:
                kind = "plain"
            negations.append(_Negation(word, kind))
    return negations


def english_negation_count(english: str, kinds: set[str] = frozenset()) -> int:
    """How many negations the English states, counting the words each of `kinds` of Arabic negation may
    have become ('only' for 'لا ... سوى') and each 'or' after a negation ('no water or power': two)."""
    matches = list(_ENGLISH_NEGATION.finditer(english))
    count = len(matches) + sum(len(_ENGLISH_BY_KIND[kind].findall(english)) for kind in kinds if kind != "plain")
    if matches:
        count += len(re.findall(r"\bor\b", english[matches[0].end():], re.IGNORECASE))
    return count


def negation_flags(source: str, english: str) -> list[Flag]:
    """The source negates (لم, لن, لا, ليس, نفى, رفض, عدم) and the English says nothing of the kind, or
    negates half as often or less; or the English says 'not' where the source has no negation at all."""
    negations = arabic_negations(source)
    if not negations:
        added = _ENGLISH_OUTRIGHT_NEGATION.search(_ENGLISH_NOT_IDIOMS.sub(" ", english))
        if added and not _arabic_negates(source):
            return [Flag("negation", f"the English negates ('{added.group()}') but the source has no negation")]
        return []
    rendered = english_negation_count(english, {n.kind for n in negations})
    if not rendered:
        return [Flag("negation", f"the source negates ('{negations[0].word}') but the English has no negation")]
    # A double negation said with its negative word alone is its opposite: 'لم تستبعد' rendered 'ruled out'.
    if not _ENGLISH_PLAIN_NOT.search(english):
        for negation in negations:
            flipped = _FLIPPED_BY_KIND.get(negation.kind)
            said = flipped.search(english) if flipped else None
            if said:
                return [Flag("negation", f"the source negates a negative ('{negation.word}') but the English says "
                                         f"'{said.group()}' without a 'not'")]
    # Several negated clauses (لن ... ولن ...) with one 'not': a clause lost its negation. Only clearly
    # fewer, since English may fold two Arabic negations into one word ('neither', 'never').
    if len(negations) >= 2 and rendered <= len(negations) // 2:
        shown = "', '".join(n.word for n in negations)
        times = "once" if rendered == 1 else f"{rendered} times"
        return [Flag("negation", f"the source negates {len(negations)} times ('{shown}') but the English only {times}")]
    return []


# ---------------------------------------------------------------------------------------------------
# Untranslated, length, truncation, glossary, confidence
# ---------------------------------------------------------------------------------------------------

def untranslated_flags(source: str, english: str, settings: QASettings = DEFAULT_SETTINGS) -> list[Flag]:
    """Arabic script left in the English, or the English identical to the source."""
    letters = arabic_letter_count(english)
    if arabic_letter_count(source) and normalize(english).split() == normalize(source).split():
        return [Flag("untranslated", "the output is identical to the input")]
    if letters > settings.max_arabic_letters:
        sample = " ".join(w for w in english.split() if arabic_letter_count(w))[:40]
        return [Flag("untranslated", f"Arabic script left in the English ({letters} letters: {sample})")]
    digits = re.findall(r"[\u0660-\u0669\u06F0-\u06F9]+", english)
    if digits:  # a reader of English may not read them
        return [Flag("untranslated", f"Arabic-Indic digits left in the English ({', '.join(digits[:3])})")]
    return []


_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def _number_word_letters(source: str) -> int:
    """Letters of the Arabic's number words ('السادسة وعشر') and goalless draws ('التعادل السلبي'), which the
    English may write as digits ('0-0')."""
    text = normalize(source)
    return (sum(arabic_letter_count(word) for word in re.findall(r"\w+", text)
                if _strip_arabic_clitic(word, _ARABIC_WORDS) or _strip_arabic_clitic(word, _ARABIC_SCALES))
            + sum(arabic_letter_count(m.group(1) or m.group(2)) for m in _GOALLESS.finditer(text)))


def length_ratio_flags(source: str, english: str, settings: QASettings = DEFAULT_SETTINGS) -> list[Flag]:
    """English letters per Arabic letter outside the bounds of a normal translation."""
    arabic_letters = arabic_letter_count(source)
    if arabic_letters < settings.min_letters_for_ratio or arabic_letter_count(english) > arabic_letters / 2:
        return []  # too short to judge, or untranslated (its own flag)
    # The source's Latin names (Apple, Microsoft) are copied through, letter for letter. A loop's copies
    # are the repetition flag's error, not a sign that the English says more than the source.
    letters = letter_count(english)
    loop = longest_loop(_words(english), settings)
    if loop:
        letters -= letter_count(loop[0]) * (loop[1] - 1)
    judged = arabic_letters - _number_word_letters(source) + len(re.findall(r"[A-Za-z]", source))
    if judged < settings.min_letters_for_ratio:
        return []  # nearly all number words ('ثلاثة عشر ألفاً وخمسمئة'), which English writes in digits
    ratio = letters / judged
    if ratio < settings.min_length_ratio:
        return [Flag("length_ratio", f"English is too short for the source (ratio {ratio:.2f} < "
                                     f"{settings.min_length_ratio})")]
    if ratio > settings.max_length_ratio:
        return [Flag("length_ratio", f"English is too long for the source (ratio {ratio:.2f} > "
                                     f"{settings.max_length_ratio})")]
    return []


_SENTENCE_END = re.compile(r"[.!?؟…۔।]['\"”’»)\]]*\s*$")
_CLOSERS = "'\"”’»)]*\u200f\u200e "


def ends_sentence(text: str) -> bool:
    """Whether text ends with sentence-final punctuation, closing quotes or brackets allowed after it."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?؟…۔"


def truncated_flags(source: str, english: str, parts: int = 1) -> list[Flag]:
    """Input split for the model's length limit, or English stopping mid-clause after a full source sentence."""
    if parts > 1:
        return [Flag("truncated", f"the source was split into {parts} parts for the model's length limit; "
                                  "check the joins")]
    if ends_sentence(source) and english.strip() and not ends_sentence(english):
        tail = english.strip()[-30:]
        return [Flag("truncated", f"the English stops mid-clause ('…{tail}') where the source ends a sentence")]
    # Whatever the source ends with (a headline has no full stop), no English ends on 'the', 'of', 'to'.
    if _DANGLING.search(english):
        tail = english.strip()[-30:]
        return [Flag("truncated", f"the English stops on a word that needs more ('…{tail}')")]
    return []


# (Not 'on', 'in', 'for' ...: 'and so on', 'moved in', 'voted for' end sentences.) 'that', 'which', 'his',
# 'her' end one too ('declined to comment on that.', 'arrested her.'): only without a full stop are they
# cut; 'A' is a label ('Group A.').
_DANGLING = re.compile(r"(?:\b(?:the|(?-i:a)|an|of|to|and|or|than|whose|its|their|our|between|including)\s*[.…]?"
                       r"|\b(?:that|which|his|her)\s*…?)\s*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------
# Names: countries and organisations
# ---------------------------------------------------------------------------------------------------

def _arabic_names(words: str) -> str:
    """Alternatives of Arabic names as a pattern, in normalised spelling, each without its article (the
    clitics' pattern adds it, so that 'للأمم المتحدة' is found as well as 'الأمم المتحدة')."""
    return "|".join(re.escape(word.removeprefix("ال")) for word in normalize(words).split("|"))


# What English calls each country of brief.arabic.country_mentions (keyed as there): its name, people,
# capital and main cities (the ones the Arabic table knows), and seats of government. Case matters
# ('US', not 'us'). Not 'Korea' alone, 'England' (the Arabic table has no word for it) nor 'Persian'.
# French and transliterated names stay in institutions' English names ('Banque du Liban', 'Bank Al-Maghrib'), and
# airlines and UN missions carry their country in their names ('Saudia', 'flydubai', 'UNSMIL' for the UN in Libya).
_ENGLISH_COUNTRIES = {
    "مصر": r"Egypt|Egyptians?|Cairo|Alexandria",
    "السعوديه": r"Saudi Arabia|Saudis?|Saudia|Riyadh|Jeddah|Jedda|Jidda|Mecca|Makkah|KSA",
    "الامارات": r"UAE|U\.A\.E\.|Emirates|Emiratis?|Abu Dhabi|Dubai|flydubai|flyDubai", "الكويت": r"Kuwait|Kuwaitis?",
    "قطر": r"Qatar|Qataris?|Doha", "البحرين": r"Bahrain|Bahrainis?|Manama", "سلطنه عمان": r"Oman|Omanis?|Muscat",
    "الاردن": r"Jordan|Jordanians?|Amman", "العراق": r"Iraq|Iraqis?|Baghdad|Basra|Basrah|UNAMI",
    "سوريا": r"Syria|Syrians?|Damascus|Aleppo", "لبنان": r"Lebanon|Lebanese|Beirut|Liban|UNIFIL",
    "فلسطين": r"Palestine|Palestinians?|Gaza|Gazans?|West Bank",
    "اليمن": r"Yemen|Yemenis?|Yemenite|Sanaa|Sana['’]a|Aden|UNMHA",
    "السودان": r"Sudan|Sudanese|Khartoum|UNITAMS|UNAMID", "ليبيا": r"Libya|Libyans?|Benghazi|UNSMIL", "تونس": r"Tunisia|Tunisians?|Tunis|Tunisie|Tunisair",
    "الجزاير": r"Algeria|Algerians?|Algiers|Algérie", "المغرب": r"Morocco|Moroccans?|Rabat|Casablanca|Maroc|Al-Maghrib",
    "موريتانيا": r"Mauritania|Mauritanians?|Nouakchott", "الصومال": r"Somalia|Somalis?|Mogadishu|UNSOM|UNSOS",
    "ايران": r"Iran|Iranians?|Tehran|Teheran", "تركيا": r"Turkey|Türkiye|Turkiye|Turkish|Turks?|Ankara|Istanbul",
    "اسراييل": r"Israel|Israelis?|Tel Aviv|IDF", "روسيا": r"Russia|Russians?|Moscow|Kremlin",
    "اوكرانيا": r"Ukraine|Ukrainians?|Kyiv|Kiev",
    "الولايات المتحده": r"United States|US|U\.S\.|USA|U\.S\.A\.|America|Americans?|Washington|White House|Pentagon|"
                           r"State Department",
    "الصين": r"China|Chinese|Beijing", "فرنسا": r"France|French|Paris|Elysee|Élysée",
    "بريطانيا": r"Britain|British|Britons?|UK|U\.K\.|United Kingdom|London|Downing Street|Foreign Office|Whitehall",
    "المانيا": r"Germany|Germans?|Berlin", "الهند": r"India|Indians?|New Delhi|Delhi",
    "باكستان": r"Pakistan|Pakistanis?|Islamabad", "افغانستان": r"Afghanistan|Afghans?|Kabul|UNAMA",
    "اليابان": r"Japan|Japanese|Tokyo", "كوريا الشماليه": r"North Korea(?:ns?)?|Pyongyang|Pyong[- ]?[Yy]ang|P'yongyang|Pyeong[- ]?yang|DPRK",
    "كوريا الجنوبيه": r"South Korea(?:ns?)?|Seoul", "اثيوبيا": r"Ethiopia|Ethiopians?|Addis Ababa",
    "فيتنام": r"Vietnam|Viet Nam|Vietnamese|Hanoi",
}
# A name may run into a capitalised word: companies write their country into theirs ('QatarEnergy', 'EgyptAir').
_ENGLISH_COUNTRY_TERMS = [(re.compile(rf"(?<![\w.])(?:{names})(?![^\WA-Z]|[A-Z](?![a-z]))"), country)
                          for country, names in _ENGLISH_COUNTRIES.items()]
# Countries brief.arabic's table does not know, for swaps only ('فرنسا' rendered 'Spain'): the Arabic's
# names, capitals and nationalities (ending in ي, as in 'الإسباني', 'الكينيين'), and the English's. Not
# Mali ('مالي' is 'financial'), nor the nationalities of Niger (Nigerian is Nigeria's).
_OTHER_COUNTRIES = {
    "Spain": ("إسبانيا|مدريد|الإسبان", "إسباني", r"Spain|Spanish|Spaniards?|Madrid"),
    "Italy": ("إيطاليا|روما", "إيطالي", r"Italy|Italians?|Rome"),
    "Greece": ("اليونان|أثينا", "يوناني", r"Greece|Greeks?|Athens"),
    "Cyprus": ("قبرص|نيقوسيا", "قبرصي", r"Cyprus|Cypriots?|Nicosia"),
    "the Netherlands": ("هولندا|أمستردام", "هولندي", r"Netherlands|Dutch|Holland|Amsterdam"),
    "Belgium": ("بلجيكا", "بلجيكي", r"Belgium|Belgians?"),
    "Sweden": ("السويد|ستوكهولم", "سويدي", r"Sweden|Swedes?|Swedish|Stockholm"),
    "Norway": ("النرويج|أوسلو", "نرويجي", r"Norway|Norwegians?|Oslo"),
    "Poland": ("بولندا|وارسو", "بولندي", r"Poland|Polish|Warsaw"),
    "Canada": ("كندا|أوتاوا", "كندي", r"Canada|Canadians?|Ottawa"),
    "Mexico": ("المكسيك", "مكسيكي", r"Mexico|Mexicans?"),
    "Brazil": ("البرازيل", "برازيلي", r"Brazil|Brazilians?"),
    "Argentina": ("الأرجنتين", "أرجنتيني", r"Argentina|Argentines?|Argentinians?"),
    "Australia": ("أستراليا", "أسترالي", r"Australia|Australians?|Canberra"),
    "Indonesia": ("إندونيسيا|جاكرتا", "إندونيسي", r"Indonesia|Indonesians?|Jakarta"),
    "Malaysia": ("ماليزيا|كوالالمبور", "ماليزي", r"Malaysia|Malaysians?|Kuala Lumpur"),
    "Azerbaijan": ("أذربيجان|باكو", "أذربيجاني|أذري", r"Azerbaijan|Azerbaijanis?|Azeris?|Baku"),
    "Armenia": ("أرمينيا|يريفان|الأرمن", "أرميني", r"Armenia|Armenians?|Yerevan"),
    "Kenya": ("كينيا|نيروبي", "كيني", r"Kenya|Kenyans?|Nairobi"),
    "Nigeria": ("نيجيريا|أبوجا|لاغوس", "نيجيري", r"Nigeria|Nigerians?|Abuja|Lagos"),
    "Niger": ("النيجر|نيامي", "", r"Niger(?!ia)|Nigeriens?|Niamey"),
    "Chad": ("تشاد|نجامينا", "تشادي", r"Chad|Chadians?|N'Djamena|Ndjamena"),
    "Eritrea": ("إريتريا|أسمرة", "إريتري", r"Eritrea|Eritreans?|Asmara"),
    "Djibouti": ("جيبوتي", "", r"Djibouti|Djiboutians?"),
    "Senegal": ("السنغال|داكار", "سنغالي", r"Senegal|Senegalese|Dakar"),
    # (not 'صوفيا', 'برن', 'دكا', 'سانتياغو': names and words besides capitals; no Georgia, also a US state)
    "Romania": ("رومانيا|بوخارست", "", r"Romania|Romanians?|Bucharest"),  # (not 'روماني': also Roman)
    "Bulgaria": ("بلغاريا", "بلغاري", r"Bulgaria|Bulgarians?"),
    "Hungary": ("المجر|هنغاريا|بودابست", "هنغاري", r"Hungary|Hungarians?|Budapest"),  # (not 'مجري': a channel)
    "Austria": ("النمسا|فيينا", "نمساوي", r"Austria|Austrians?|Vienna"),
    "Switzerland": ("سويسرا", "سويسري", r"Switzerland|Swiss"),
    "Portugal": ("البرتغال|لشبونة", "برتغالي", r"Portugal|Portuguese|Lisbon"),
    "Denmark": ("الدنمارك|كوبنهاغن", "دنماركي", r"Denmark|Danes?|Danish|Copenhagen"),
    "Finland": ("فنلندا|هلسنكي", "فنلندي", r"Finland|Finns?|Finnish|Helsinki"),
    "Ireland": ("أيرلندا|إيرلندا|دبلن", "أيرلندي|إيرلندي", r"Ireland|Irish|Dublin"),
    "Serbia": ("صربيا|بلغراد", "صربي", r"Serbia|Serbs?|Serbian|Belgrade"),
    "the Czech Republic": ("التشيك|براغ", "تشيكي", r"Czech\w*|Prague"),
    "Belarus": ("بيلاروسيا|مينسك", "بيلاروسي", r"Belarus\w*|Minsk"),
    "Kazakhstan": ("كازاخستان|أستانا", "كازاخي", r"Kazakhstan|Kazakhs?|Astana"),
    "Uzbekistan": ("أوزبكستان|طشقند", "أوزبكي", r"Uzbekistan|Uzbeks?|Tashkent"),
    "Bangladesh": ("بنغلاديش", "بنغلاديشي", r"Bangladesh\w*|Dhaka"),
    "Sri Lanka": ("سريلانكا|كولومبو", "سريلانكي", r"Sri Lank\w*|Colombo"),
    "the Philippines": ("الفلبين|مانيلا", "فلبيني", r"Philippines?|Filipinos?|Manila"),
    "Thailand": ("تايلاند|بانكوك", "تايلاندي", r"Thailand|Thais?|Bangkok"),
    "Venezuela": ("فنزويلا|كاراكاس", "فنزويلي", r"Venezuela\w*|Caracas"),
    "Colombia": ("كولومبيا|بوغوتا", "كولومبي", r"Colombia\w*|Bogota|Bogotá"),
    "Chile": ("تشيلي", "", r"Chile|Chileans?"),
    "Cuba": ("كوبا|هافانا", "كوبي", r"Cuba|Cubans?|Havana"),
    "South Africa": ("جنوب أفريقيا|جنوب إفريقيا|بريتوريا|جوهانسبرغ", "", r"South Africa\w*|Pretoria|Johannesburg"),
    "Tanzania": ("تنزانيا|دودوما", "تنزاني", r"Tanzania\w*|Dodoma|Dar es Salaam"),
    "Uganda": ("أوغندا|كمبالا", "أوغندي", r"Uganda\w*|Kampala"),
    "Ghana": ("غانا|أكرا", "", r"Ghana\w*|Accra"),
    "Cameroon": ("الكاميرون|ياوندي", "كاميروني", r"Cameroon\w*|Yaounde|Yaoundé"),
}
_ARABIC_OTHER_COUNTRIES = [
    (re.compile(rf"{_AR_PREFIX}(?:{_arabic_names(names)}"
                + (rf"|(?:{_arabic_names(nationality)})(?:ه|ون|ين|ان|تين)?" if nationality else "") + r")(?!\w)"), key)
    for key, (names, nationality, _) in _OTHER_COUNTRIES.items()]
_ENGLISH_OTHER_COUNTRIES = [(re.compile(rf"(?<![\w.])(?:{english})(?![^\WA-Z]|[A-Z](?![a-z]))"), key)
                            for key, (_, _, english) in _OTHER_COUNTRIES.items()]
# Regions named after a country that are not the country.
_ENGLISH_NOT_COUNTRIES = re.compile(r"\b(?:Latin|South|North|Central) America\b")
# So are the Maghreb ('المغرب العربي'), the sunset prayer ('صلاة المغرب') and clubs: Paris Saint-Germain (PSG),
# Maghreb de Fès and Moghreb Tétouan ('المغرب الفاسي', 'المغرب التطواني').
_ARABIC_NOT_COUNTRIES = re.compile(rf"{_AR_PREFIX}(?:امريكا (?:ال)?(?:لاتينيه|جنوبيه|شماليه|وسطي)|مغرب (?:ال)?عربي"
                                   r"|مغرب (?:ال)?(?:فاسي|تطواني)"
                                   r"|(?:صلاه|صلاتي|صلوات|اذان|موعد|وقت|افطار) (?:ال)?مغرب|باريس سان ج\w{0,2}رمان)(?!\w)")
# 'عمّان' with its shadda is Amman, the Jordanian capital (Oman is 'عُمان'): it names Jordan.
_AMMAN = re.compile(r"(?<!\w)[وفبل]?ع[\u064b-\u0652]*م(?=[\u064b-\u0652]*\u0651)[\u064b-\u0652]+ا[\u064b-\u0652]*ن(?!\w)")
_BOTH_KOREAS = re.compile(r"\s*(?:و|او)\s*(?:ال)?(?:شمال|جنوب)ي(?:ه|ين|ون)?(?!\w)")
_BOTH_KOREAS_EN = re.compile(r"\b(?:North and South|South and North) Koreas?\b")
_SIDED_KOREA = re.compile(r"(?:ال)?كوري(?:ا|ه|ين|ون)?\s+(?:ال)?(?:شمال|جنوب)ي(?:ه|ين|ون)?(?!\w)")
# Arabic that may stand for a country without brief.arabic.country_mentions counting it (other spellings,
# seats of government, words of two meanings): an English naming that country is no swap, but the Arabic
# does not require it.
_ARABIC_COUNTRY_HINTS = [(re.compile(rf"{_AR_PREFIX}(?:{_arabic_names(words)})(?!\w)"), countries.split(","))
                         for words, countries in {
    "عمان": "سلطنه عمان,الاردن", "كوريا|كوري|كوريه|الكوريتين": "كوريا الشماليه,كوريا الجنوبيه",
    "سيول": "كوريا الجنوبيه", "أميركا|أميركي|أميركية|أميركيون|أميركيين": "الولايات المتحده",
    "البيت الأبيض|البنتاغون|البنتاجون": "الولايات المتحده", "الكرملين": "روسيا", "الإليزيه": "فرنسا",
    "المملكة المتحدة|داونينغ ستريت|إنجلترا|انكلترا": "بريطانيا",
    "المملكة": "السعوديه,الاردن,المغرب,البحرين,بريطانيا",
    "الاحتلال|الكيان|الصهيوني|الصهيونية|صهيوني|صهيونية|الإسرائيلي|إسرائيلي": "اسراييل",
    "القدس|الجولان": "اسراييل,فلسطين,سوريا", "رام الله|جنين|نابلس|الخليل|رفح|خان يونس|حماس|الأونروا": "فلسطين",
    "رفح": "مصر", "أبو ظبي": "الامارات", "الشام": "سوريا", "حمص|إدلب|درعا|اللاذقية": "سوريا",
    "الموصل|أربيل|كردستان|النجف|كربلاء": "العراق", "طرابلس": "ليبيا,لبنان", "مصراتة": "ليبيا",
    "الحوثي|الحوثيين|الحوثيون|الحديدة|تعز|مأرب": "اليمن", "حزب الله": "لبنان", "بيجين|بيجينغ": "الصين",
    "كيف": "اوكرانيا", "دلهي": "الهند", "باريس سان جيرمان|باريس سان جرمان": "فرنسا",
    "المغرب العربي": "المغرب,الجزاير,تونس,ليبيا,موريتانيا", "هانوي": "فيتنام", "السويس|الأقصر|أسوان|سيناء": "مصر",
    "العبرية|الكنيست": "اسراييل", "الضفة|القطاع|المحتلة": "فلسطين", "الحرس الثوري": "ايران",
    "الكونغرس|الكونجرس": "الولايات المتحده",
}.items()]
# A currency for its country ('Israeli shekel' for 'الشيكل'), only where the Arabic names no country: 'الليرة
# اللبنانية' rendered 'Syrian pound' is a swap, though a ليرة may be Syrian.
_ARABIC_CURRENCY_HINTS = [(re.compile(rf"{_AR_PREFIX}(?:{_arabic_names(words)})(?!\w)"), countries.split(","))
                          for words, countries in {
    "شيكل|شيقل|شواكل": "اسراييل", "يوان": "الصين", "روبل": "روسيا", "دولار": "الولايات المتحده",
    "ليرة|ليرات": "تركيا,لبنان,سوريا", "ريال|ريالات": "السعوديه,قطر,سلطنه عمان,اليمن,ايران",
    "درهم|دراهم": "الامارات,المغرب", "جنيه|جنيها|جنيهات": "مصر,السودان,بريطانيا",
    "دينار|دنانير": "الاردن,الكويت,العراق,البحرين,ليبيا,تونس,الجزاير",
}.items()]

_UNS = r"(?:UN|U\.N\.|United Nations)['’]?s?"  # "the UN's", before what English calls a UN agency
# Organisations news confuses with one another, by what Arabic and English call them; Arabic that
# names one only in some senses ('فتح' opened, 'القاعدة' the base) is a hint, as above.
_ORGANISATIONS = {
    # key: (Arabic, Arabic hints, English)
    "Hamas": ("حماس", "كتائب القسام", r"Hamas"),
    "Hezbollah": ("حزب الله", "", r"Hez?b[ou]ll?ah|Hizb[ou]ll?ah|Hizballah"),
    "Islamic Jihad": ("الجهاد الإسلامي", "سرايا القدس", r"Islamic Jihad|PIJ"),
    "Fatah": ("حركة فتح", "فتح", r"Fatah"),
    "the UN": ("الأمم المتحدة", "أممي|أممية|الأممي|الأممية|مجلس الأمن|الأونروا|اليونيسف|اليونسكو|غوتيريش|غوتيريس|"
               "منظمة الصحة العالمية|برنامج الأغذية العالمي|منظمة الأغذية والزراعة|المفوضية السامية|الوكالة الدولية للطاقة الذرية",
               r"United Nations|UN|U\.N\.|UN[A-Z]{2,6}|UNESCO|OCHA|WFP|IAEA"),
    # (not 'مجلس الأمن' alone: also a national security council, 'مجلس الأمن القومي')
    # UN agencies, told apart from one another (FAO rendered 'WHO', WHO rendered 'UNICEF' are swaps); each is also
    # a UN hint.
    # (not 'الفاو' alone: also Iraq's port of al-Faw)
    "the WHO": ("منظمة الصحة العالمية", "", rf"WHO|World Health Organi[sz]ation|{_UNS} health agency"),
    "the FAO": ("منظمة الأغذية والزراعة", "", rf"FAO|Food and Agriculture Organi[sz]ation|{_UNS} food agency"),
    "the WFP": ("برنامج الأغذية العالمي", "", rf"WFP|World Food Program(?:me)?|{_UNS} food agency"),
    "UNICEF": ("اليونيسف|يونيسف|منظمة الأمم المتحدة للطفولة|صندوق الأمم المتحدة للطفولة", "",
               rf"UNICEF|Unicef|{_UNS} [Cc]hildren['’]?s (?:agency|[Ff]und)"),
    # (UNHCR is 'the UN refugee agency'; UNRWA the one for Palestinian refugees)
    "UNRWA": ("الأونروا|أونروا|وكالة غوث وتشغيل اللاجئين|وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين", "",
              rf"UNRWA|Unrwa|{_UNS} (?:agency for Palestinian refugees|Palestinian refugee agency|relief agency)"),
    "UNHCR": ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين|مفوضية الأمم المتحدة لشؤون اللاجئين|المفوضية السامية "
              "لشؤون اللاجئين", "", rf"UNHCR|{_UNS} refugee agency|(?:UN|United Nations) High Commissioner for Refugees"),
    "UNESCO": ("اليونسكو|يونسكو|منظمة الأمم المتحدة للتربية والعلم والثقافة", "",
               rf"UNESCO|Unesco|{_UNS} (?:cultural|heritage|education) (?:agency|body)"),
    "the IAEA": ("الوكالة الدولية للطاقة الذرية", "", r"IAEA|International Atomic Energy Agency|"
                 rf"{_UNS} (?:nuclear|atomic) (?:watchdog|agency)|nuclear watchdog"),
    "the UN Security Council": ("مجلس الأمن الدولي", "مجلس الأمن|مجلس الامن", r"Security Council|UNSC"),
    "NATO": ("الناتو|حلف شمال الأطلسي|حلف شمال الاطلسي|حلف الأطلسي|الحلف الأطلسي|شمال الأطلسي", "",
             r"NATO|Nato|North Atlantic|Atlantic [Aa]lliance"),
    "the EU": ("الاتحاد الأوروبي|الاتحاد الأوربي", "الأوروبي|الأوروبية|الأوروبيين|المفوضية الأوروبية|بروكسل",
               r"EU|E\.U\.|European Union|European Commission|Brussels"),
    "the Arab League": ("جامعة الدول العربية|الجامعة العربية", "", r"Arab League|League of Arab States"),
    "the African Union": ("الاتحاد الأفريقي|الاتحاد الإفريقي", "", r"African Union|AU"),
    "the GCC": ("مجلس التعاون الخليجي|مجلس التعاون لدول الخليج", "مجلس التعاون", r"GCC|Gulf Cooperation Council"),
    "OPEC": ("أوبك", "", r"OPEC|Opec"),
    "the IMF": ("صندوق النقد", "", r"IMF|International Monetary Fund"),
    "the World Bank": ("البنك الدولي", "البنك الدوليين|والبنك الدوليين", r"World Bank"),
    "the Red Cross": ("الصليب الأحمر", "", r"Red Cross|ICRC"),
    "the Red Crescent": ("الهلال الأحمر", "", r"Red Crescent"),
    "the Houthis": ("الحوثي|الحوثيين|الحوثيون|حوثي|حوثيين|حوثيون|أنصار الله", "",
                    r"Houthis?|Huthis?|Ansar Allah|Ansarullah"),
    "Islamic State": ("داعش|تنظيم الدولة|الدولة الإسلامية", "", r"ISIS|ISIL|IS|Islamic State|Daesh"),
    "al-Qaeda": ("تنظيم القاعدة", "القاعدة", r"[Aa]l[- ]Qa[ei]da|Qa[ei]da"),
    "the Taliban": ("طالبان", "", r"Taliban"),
    "the Muslim Brotherhood": ("الإخوان المسلمين|الإخوان المسلمون|جماعة الإخوان", "الإخوان",
                               r"Muslim Brotherhood|Brotherhood|Ikhwan"),
    "the ICC": ("المحكمة الجنائية الدولية", "الجنائية الدولية", r"ICC|International Criminal Court"),
    "the ICJ": ("محكمة العدل الدولية", "العدل الدولية", r"ICJ|International Court of Justice|World Court"),
}
# Sport's governing bodies and OAPEC, read apart: the names of UEFA and CAF hold the EU's and the AU's.
# (Not 'كاف' alone: 'enough'.)
_SPORT_BODIES = {
    "FIFA": ("الاتحاد الدولي لكرة القدم|الفيفا|فيفا", r"FIFA|Fifa|world football['’]s governing body"),
    "UEFA": ("الاتحاد الأوروبي لكرة القدم|الاتحاد الأوروبي للعبة|اليويفا|يويفا", r"UEFA|Uefa"),
    "CAF": ("الاتحاد الأفريقي لكرة القدم|الاتحاد الإفريقي لكرة القدم", r"CAF|Confederation of African Football"),
    "the AFC": ("الاتحاد الآسيوي لكرة القدم", r"AFC|Asian Football Confederation"),
    "OAPEC": ("أوابك|منظمة الأقطار العربية المصدرة للبترول", r"OAPEC"),
}
# Bodies whose Arabic name holds another's: UEFA and CAF ('الاتحاد الأوروبي لكرة القدم'), the Arab Monetary Fund.
_ARABIC_NOT_ORGANISATIONS = re.compile(normalize(
    r"(?:الاتحاد|للاتحاد|والاتحاد|بالاتحاد) (?:الأوروبي|الأفريقي|الإفريقي|الأوربي) (?:لكرة|للكرة|لألعاب)|صندوق النقد العربي"))
# 'حماس' with the article is 'enthusiasm' (الحماس); Hamas never takes it.
_NO_ARTICLE = r"(?<!\w)[وفبل]?"
_ARABIC_ORGANISATIONS = [
    (re.compile(rf"{_NO_ARTICLE if key == 'Hamas' else _AR_PREFIX}(?:{_arabic_names(arabic)})(?!\w)"), key)
    for key, (arabic, _, _) in _ORGANISATIONS.items()]
_ARABIC_ORGANISATION_HINTS = [(re.compile(rf"{_AR_PREFIX}(?:{_arabic_names(hints)})(?!\w)"), key)
                              for key, (_, hints, _) in _ORGANISATIONS.items() if hints]
_ENGLISH_ORGANISATIONS = [(re.compile(rf"(?<![\w.])(?:{english})(?![\w])"), key)
                          for key, (_, _, english) in _ORGANISATIONS.items()] + [
    (re.compile(rf"(?<![\w.])(?:{english})(?![\w])"), key) for key, (_, english) in _SPORT_BODIES.items()]
_ARABIC_SPORT_BODIES = [(re.compile(rf"{_AR_PREFIX}(?:{_arabic_names(arabic)})(?!\w)"), key)
                        for key, (arabic, _) in _SPORT_BODIES.items()]


def _swapped(named: dict[str, str], hinted: set[str], english: dict[str, str]) -> tuple[str, str] | None:
    """(a name of the Arabic the English lacks, the name the English gives that the Arabic lacks), or None."""
    lost = [key for key in named if key not in english]
    added = [key for key in english if key not in named and key not in hinted]
    return (lost[0], added[0]) if lost and added else None


class _NamesRead(NamedTuple):
    """Countries (or organisations) of one pair: those the Arabic names (for a country its name, capital,
    nationality, a sided Korea), those it may stand for (seats of government, words of two meanings), and
    those the English names, with the words that name them."""

    named: dict[str, str]
    hinted: set[str]
    english: dict[str, str]


def _countries_read(source: str, english: str) -> _NamesRead:
    text = normalize(source)
    countries = {country: country for country in country_mentions(_ARABIC_NOT_COUNTRIES.sub(" ", text))}
    amman = len(_AMMAN.findall(source))
    if amman:
        countries.setdefault("الاردن", "الاردن")
    # "كوريا" alone may be either Korea; "كوريا الشمالية", "الكوري الجنوبي" name one, and only that one.
    for sided in _SIDED_KOREA.finditer(text):
        # "كوريا الشمالية والجنوبية" names both.
        both = _BOTH_KOREAS.match(text, sided.end())
        for korea in ("كوريا الشماليه", "كوريا الجنوبيه"):
            if both or korea.split()[1][:4] in sided.group(0):
                countries.setdefault(korea, korea)
    unsided = _SIDED_KOREA.sub(" ", text)
    hinted = {country for pattern, found in _ARABIC_COUNTRY_HINTS + (_ARABIC_CURRENCY_HINTS if not countries else [])
              if pattern.search(unsided) for country in found}
    if amman and amman == len(re.findall(r"(?<!\w)[وفبل]?عمان(?!\w)", unsided)):
        hinted.discard("سلطنه عمان")  # every 'عمان' is the shadda's Amman
    english_countries = _found(_ENGLISH_COUNTRY_TERMS, _BOTH_KOREAS_EN.sub("North Korea and South Korea",
                                                                           _ENGLISH_NOT_COUNTRIES.sub(" ", english)))
    countries.update(_found(_ARABIC_OTHER_COUNTRIES, text))
    english_countries.update(_found(_ENGLISH_OTHER_COUNTRIES, english))
    return _NamesRead(countries, hinted, english_countries)


def _swapped_mention(source: str, english: str, read: _NamesRead) -> tuple[str, str] | None:
    """A country named once more by the Arabic than by the English, beside one the English names and the
    Arabic neither names nor hints at: 'نظيره العُماني في مسقط' rendered 'his Yemeni counterpart in Muscat' keeps
    Oman by its capital and swaps the nationality."""
    added = [key for key in read.english if key not in read.named and key not in read.hinted]
    if not added:
        return None
    arabic = country_mentions(_ARABIC_NOT_COUNTRIES.sub(" ", normalize(source)))
    for country, times in arabic.items():
        said = [pattern for pattern, key in _ENGLISH_COUNTRY_TERMS if key == country]
        if country in read.english and sum(len(pattern.findall(english)) for pattern in said) < times:
            return country, added[0]
    return None


def name_reasons(source: str, english: str, reads: _PairNames | None = None) -> list[str]:
    """A country or an organisation the Arabic names that the English replaces by another: the English
    names none of one the Arabic names, and names one the Arabic does not ('نظيره اللبناني' rendered
    'his Syrian counterpart', 'حماس' rendered 'Hezbollah'). A country counts by its name, capital or
    nationality ('القطرية' is Qatar, 'Doha' too). `reads`: the pair's names, when already read."""
    reasons = []
    read, bodies, cities = reads or _pair_names(source, english)
    swap = _swapped(read.named, read.hinted, read.english)
    if swap:
        lost, added = swap
        reasons.append(f"the source names {_country_name(lost)} and the English does not, naming "
                       f"{_country_name(added)} instead ('{read.english[added]}')")
    else:
        swap = _swapped_mention(source, english, read)
        if swap:
            lost, added = swap
            reasons.append(f"the source names {_country_name(lost)} more often than the English, which names "
                           f"{_country_name(added)} instead ('{read.english[added]}')")
    swap = _swapped(bodies.named, bodies.hinted, bodies.english)
    if swap:
        lost, added = swap
        reasons.append(f"the source names {lost} ('{_as_written(source, bodies.named[lost])}') and the English "
                       f"does not, naming {added} instead ('{bodies.english[added]}')")
    swap = _city_swap(cities)
    if swap:
        lost, added = swap
        reasons.append(f"the source names {lost} ('{_as_written(source, cities.named[lost])}') and the English "
                       f"does not, naming {added} instead ('{cities.english[added]}')")
    return reasons


def _organisations_read(source: str, english: str) -> _NamesRead:
    """The organisations the Arabic names and hints at, and those the English names (as _countries_read)."""
    text = normalize(source)
    bodies = _found(_ARABIC_SPORT_BODIES, text)  # (before the EU's and AU's names are taken out of theirs)
    text = _ARABIC_NOT_ORGANISATIONS.sub(" ", text)
    return _NamesRead({**_found(_ARABIC_ORGANISATIONS, text), **bodies},
                      {key for pattern, key in _ARABIC_ORGANISATION_HINTS if pattern.search(text)},
                      _found(_ENGLISH_ORGANISATIONS, english))


# Cities news names that are neither capitals nor in brief.arabic's table of countries, by what Arabic and
# English call them: one the English drops, even for its country ('صفاقس التونسية' rendered 'Tunisia'), is a
# place lost. Not words of other meanings ('العين' the eye, 'صور' pictures, 'سرت' spread, 'الزاوية' the corner,
# 'العقبة' the obstacle, 'فاس' an axe, 'سوسة' a weevil, 'حماة' protectors, 'الداخلة' entering ...); Homs and
# Jenin only without the article ('الحمص' is chickpeas, 'الجنين' a foetus). Brussels may stand for the EU or NATO,
# The Hague for its courts, Geneva and New York for the UN.
_CITIES = {
    "Sfax": ("صفاقس", r"Sfax"), "Kairouan": ("القيروان", r"Kairouan|Kairawan"), "Bizerte": ("بنزرت", r"Bizerte?"),
    "Gabes": ("قابس", r"Gab[eè]s"), "Oran": ("وهران", r"Oran"), "Constantine": ("قسنطينة", r"Constantine"),
    "Annaba": ("عنابة", r"Annaba"), "Tlemcen": ("تلمسان", r"Tlemcen"), "Marrakesh": ("مراكش", r"Marrake[cs]h"),
    "Tangier": ("طنجة", r"Tangiers?|Tanger"), "Agadir": ("أكادير|اكادير", r"Agadir"), "Oujda": ("وجدة", r"Oujda"),
    "Tetouan": ("تطوان", r"T[eé]touan|Tetuan"), "Meknes": ("مكناس", r"Mekn[eè]s"),
    "Al Hoceima": ("الحسيمة", r"(?:Al[- ]|El[- ])?Hoceima|Alhucemas"), "Nador": ("الناظور", r"Nador"),
    "Misrata": ("مصراتة", r"Misr?ata|Misurata"), "Sebha": ("سبها", r"Seb?ha|Sabha"), "Derna": ("درنة", r"Derna"),
    "Aswan": ("أسوان", r"Aswan"), "Port Said": ("بورسعيد|بور سعيد", r"Port Said"), "Suez": ("السويس", r"Suez"),
    "Ismailia": ("الإسماعيلية", r"Ismailia"), "Tanta": ("طنطا", r"Tanta"), "Hurghada": ("الغردقة", r"Hurghada"),
    "Sharm el-Sheikh": ("شرم الشيخ", r"Sharm"), "Arish": ("العريش", r"(?:El-|Al-|el-|al-)?Arish"),
    "Mosul": ("الموصل", r"Mosul"), "Erbil": ("أربيل|اربيل", r"[EIA]rbil"), "Najaf": ("النجف", r"Najaf"),
    "Karbala": ("كربلاء", r"Ka?rbala|Kerbala"), "Kirkuk": ("كركوك", r"Kirkuk"),
    "Sulaymaniyah": ("السليمانية", r"Sula[iy]maniy?ah?|Suleimaniy?ah?|Slemani"), "Fallujah": ("الفلوجة", r"Falluj?ah?"),
    "Ramadi": ("الرمادي", r"Ramadi"), "Idlib": ("إدلب|ادلب", r"Idlib"), "Daraa": ("درعا", r"Dara['’]?a|Deraa"),
    "Latakia": ("اللاذقية", r"Latakia|Lattakia"), "Deir ez-Zor": ("دير الزور", r"Deir\W*(?:ez|el|al|e)?\W*Zou?r|Deir Ezzor"),
    "Homs": ("!حمص", r"Homs"), "Sidon": ("صيدا", r"Sidon|Saida"), "Baalbek": ("بعلبك", r"Baalbe[ck]k?"),
    "Jerusalem": ("القدس", r"Jerusalem|Quds"), "Ramallah": ("رام الله", r"Ramallah"), "Nablus": ("نابلس", r"Nablus"),
    "Jenin": ("!جنين", r"Jenin"), "Hebron": ("الخليل", r"Hebron|Khalil"),
    "Khan Younis": ("خان يونس", r"Khan Y[ou]u?n[ie]s"), "Rafah": ("رفح", r"Rafah"), "Bethlehem": ("بيت لحم", r"Bethlehem"),
    "Haifa": ("حيفا", r"Haifa"), "Tulkarem": ("طولكرم", r"Tulkarm|Tulkarem"),
    "Deir al-Balah": ("دير البلح", r"Deir\W*(?:al|el)\W*Balah"), "Irbid": ("إربد|اربد", r"Irbid"),
    "Dammam": ("الدمام", r"Dammam"), "Medina": ("المدينة المنورة", r"Medina|Madinah?"), "Tabuk": ("تبوك", r"Tabuk"),
    "Abha": ("أبها|ابها", r"Abha"), "Taif": ("الطائف", r"Taif"), "Sharjah": ("الشارقة", r"Sharjah"),
    "Ajman": ("عجمان", r"Ajman"), "Ras Al Khaimah": ("رأس الخيمة", r"Ras\W*[Aa]l\W*Khaimah|RAK"),
    "Fujairah": ("الفجيرة", r"Fujairah"), "Salalah": ("صلالة", r"Salalah"), "Sohar": ("صحار", r"Sohar"),
    "Nizwa": ("نزوى", r"Nizwa"), "Duqm": ("الدقم", r"Duqm"), "Taiz": ("تعز", r"Ta['’]?i?zz?"),
    "Hodeidah": ("الحديدة", r"Hodeidah?|Hudaydah"), "Mukalla": ("المكلا", r"Mukalla"),
    "Omdurman": ("أم درمان|ام درمان", r"Omdurman"), "Port Sudan": ("بورتسودان|بور سودان", r"Port Sudan"),
    "El Fasher": ("الفاشر", r"Fash[ie]r"), "Nyala": ("نيالا", r"Nyala"), "Izmir": ("إزمير|ازمير", r"[IÌ]zmir"),
    "Antalya": ("أنطاليا|انطاليا", r"Antalya"), "Gaziantep": ("غازي عنتاب", r"Gaziantep"),
    "Geneva": ("جنيف", r"Geneva"), "New York": ("نيويورك", r"New York|NY"), "Davos": ("دافوس", r"Davos"),
    "Munich": ("ميونخ|ميونيخ", r"Munich"), "Strasbourg": ("ستراسبورغ", r"Strasbourg"), "The Hague": ("لاهاي", r"Hague"),
    "Brussels": ("بروكسل", r"Brussels"),
}
# What else English may keep such a city by (never a city it names, for a swap).
_CITY_STAND_INS = {key: re.compile(rf"(?<![\w.])(?:{english})(?![\w])") for key, english in {
    "Geneva": r"UN|United Nations", "New York": r"UN|United Nations", "Davos": r"World Economic Forum|WEF",
    "The Hague": r"ICC|ICJ|International Criminal Court|International Court of Justice|World Court",
    "Brussels": r"Belgi\w*|EU|E\.U\.|European Union|European Commission|NATO|Nato"}.items()}
# Capitals and main cities of the country table count in a swap of cities ('وهران' rendered 'Algiers'), though one
# dropped is no city missing ('القاهرة' may be rendered 'Egypt'). Not Amman ('عمان' is also Oman), Kuwait City.
_TABLE_CITIES = {
    "Algiers": ("الجزائر", r"Algiers"), "Tunis": ("تونس", r"Tunis"), "Rabat": ("الرباط", r"Rabat"),
    "Casablanca": ("الدار البيضاء", r"Casablanca"), "Cairo": ("القاهرة", r"Cairo"),
    "Alexandria": ("الإسكندرية", r"Alexandria"), "Riyadh": ("الرياض", r"Riyadh"), "Jeddah": ("جدة", r"Jedd?ah?|Jidda"),
    "Abu Dhabi": ("أبوظبي|أبو ظبي", r"Abu Dhabi"), "Dubai": ("دبي", r"Dubai"), "Doha": ("الدوحة", r"Doha"),
    "Manama": ("المنامة", r"Manama"), "Muscat": ("مسقط", r"Muscat"), "Baghdad": ("بغداد", r"Baghdad"),
    "Basra": ("البصرة", r"Basrah?"), "Damascus": ("دمشق", r"Damascus"), "Aleppo": ("حلب", r"Aleppo"),
    "Beirut": ("بيروت", r"Beirut"), "Sanaa": ("صنعاء", r"Sana['’]?a"), "Aden": ("عدن", r"Aden"),
    "Khartoum": ("الخرطوم", r"Khartoum"), "Tripoli": ("طرابلس", r"Tripoli"), "Benghazi": ("بنغازي", r"Benghazi"),
    "Nouakchott": ("نواكشوط", r"Nouakchott"), "Gaza": ("غزة", r"Gaza"),
}
_CITIES.update(_TABLE_CITIES)
_ARABIC_CITIES = [
    (re.compile(rf"{_NO_ARTICLE}(?:{_arabic_names(arabic[1:])})(?!\w)" if arabic.startswith("!")
                else rf"{_AR_PREFIX}(?:{_arabic_names(arabic)})(?!\w)"), key) for key, (arabic, _) in _CITIES.items()]
_ENGLISH_CITIES = [(re.compile(rf"(?<![\w.])(?:{english})(?![^\WA-Z]|[A-Z](?![a-z]))"), key)
                   for key, (_, english) in _CITIES.items()]
# Most sentences name none: a look for each name's letters says which cities to look for.
_ARABIC_CITY_CORES = [tuple(normalize(name).removeprefix("ال") for name in arabic.lstrip("!").split("|"))
                      for arabic, _ in _CITIES.values()]


def _city_swap(cities: _NamesRead) -> tuple[str, str] | None:
    """(a city of _CITIES' own the Arabic names and the English lacks, a city the English names instead), or None."""
    own = {key: words for key, words in cities.named.items() if key not in _TABLE_CITIES}
    return _swapped(own, set(cities.named), cities.english)


def _cities_read(source: str, english: str) -> _NamesRead:
    """The cities of _CITIES the Arabic names, and those the English names (as _countries_read); none of the
    English's where the Arabic names none, since then none can be missing or swapped."""
    text = normalize(source)
    candidates = [term for term, cores in zip(_ARABIC_CITIES, _ARABIC_CITY_CORES) if any(c in text for c in cores)]
    named = _found(candidates, text) if candidates else {}
    lost = any(key not in _TABLE_CITIES for key in named)  # only a city of _CITIES' own may be missing or swapped
    return _NamesRead(named, set(), _found(_ENGLISH_CITIES, english) if lost else {})


class _PairNames(NamedTuple):
    countries: _NamesRead
    organisations: _NamesRead
    cities: _NamesRead


def _pair_names(source: str, english: str) -> _PairNames:
    """A pair's countries, organisations and cities, read once for both name checks."""
    return _PairNames(_countries_read(source, english), _organisations_read(source, english),
                      _cities_read(source, english))


# Place names that are also common words: "جدة" is Jeddah and a grandmother; "بحماس" is mostly "with
# enthusiasm", seldom "with Hamas".
_PLACE_NAMES_OF_TWO_MEANINGS = frozenset({"جده"})
_ORGANISATION_NAMES_OF_TWO_MEANINGS = frozenset({"بحماس", "وبحماس", "فبحماس"})


# A nationality that is all the Arabic says of who someone is: after a body ('الجيش السوداني', 'المنتخب السعودي'),
# or after a title with no name after it ('وقال وزير الخارجية الكويتي إن ...', 'نظيره العماني في مسقط'). 'The
# foreign minister' for it loses who spoke; 'President Putin' for 'الرئيس الروسي بوتين' does not, nor 'army chief
# Burhan' for 'قائد الجيش السوداني البرهان' (a body in a title is the title's).
_TITLED_NATIONALITY = re.compile(normalize(
    r"(?<!\w)[وفل]?(?:ال)?(?:(?<!وزير )(?<!رئيس )(?<!قائد )(?<!أركان )(?<!باسم )(?<!نائب )(?<!مدير )(?<!سفير )"
    r"(?<!وزير ال)(?<!رئيس ال)(?<!قائد ال)(?<!أركان ال)(?<!باسم ال)(?<!نائب ال)(?<!مدير ال)(?<!سفير ال)"
    r"(?:جيش|حكومة|برلمان|وزارة|منتخب|قوات|سلطات|شرطة|خارجية)\s+(ال\w+)(?:\s+(ال\w+))?"
    r"|(?:وزير|رئيس|ملك|عاهل|أمير|سفير|مبعوث|نظير|نظيره|نظيرته|نظراؤه|نظرائه)(?:\s+(ال\w+))?\s+(ال\w+)"
    r"(?=\s+(?:إن|أن|في|على|عن|من|إلى|مع|خلال|لدى|يوم|أمس|اليوم|الذي|التي|الذين|بأن)(?!\w)|\s*[،,.;؛:!?؟]|\s*$))"))


def _titled_nationalities(source: str) -> dict[str, str]:
    """Each country whose nationality is all the Arabic says of who someone is, with the nationality's word."""
    found: dict[str, str] = {}
    for match in _TITLED_NATIONALITY.finditer(_ARABIC_NOT_COUNTRIES.sub(" ", normalize(source))):
        for word in filter(None, match.groups()):  # the nationality, or the word before it ('وزير الخارجية')
            for country in country_mentions(word):
                found.setdefault(country, word)
    return found


def missing_name_reasons(source: str, english: str, reads: _PairNames | None = None) -> list[str]:
    """Countries the Arabic names by name, capital or city ("إيران", "طهران") and organisations it names
    ("الأمم المتحدة") of which the English names none: "فرض عقوبات على إيران" rendered "imposed sanctions".
    A nationality may go ("Putin" for "الرئيس الروسي بوتين" is a translation), unless it is all that says who
    someone is ("وزير الخارجية الكويتي إن"); a swap is name_mismatch's, a name left in Arabic untranslated's.
    Cities outside the country table count too ("صفاقس"). `reads`: the pair's names, when already read."""
    read, bodies, cities = reads or _pair_names(source, english)
    left_in_arabic = normalize(english)
    reasons = []
    named = countries_named(_ARABIC_NOT_COUNTRIES.sub(" ", normalize(source)))
    if _AMMAN.search(source):
        named.setdefault("الاردن", "عمان")
    for country, word in _titled_nationalities(source).items():
        named.setdefault(country, word)
    if not _swapped(read.named, read.hinted, read.english):
        reasons += [f"the source names {_country_name(country)} ('{_name_as_written(source, word)}') and the English "
                    "does not" for country, word in named.items()
                    if country not in read.english and word not in _PLACE_NAMES_OF_TWO_MEANINGS
                    and word not in left_in_arabic]
    if not _swapped(bodies.named, bodies.hinted, bodies.english):
        reasons += [f"the source names {key} ('{_as_written(source, words)}') and the English does not"
                    for key, words in bodies.named.items()
                    if key not in bodies.english and words not in left_in_arabic
                    and words not in _ORGANISATION_NAMES_OF_TWO_MEANINGS]
    if not _city_swap(cities):
        reasons += [f"the source names {key} ('{_as_written(source, words)}') and the English does not"
                    for key, words in cities.named.items() if key not in cities.english and words not in left_in_arabic
                    and key not in _TABLE_CITIES and not (key in _CITY_STAND_INS and _CITY_STAND_INS[key].search(english))]
    return reasons


def _name_as_written(source: str, name: str) -> str:
    """The source's words for a place name found in its normalised text without its article and
    clitics ('الصين' for 'صين', 'لأوكرانيا' for 'اوكرانيا')."""
    if " " not in name:
        for token in source.split():
            bare = normalize(token).strip("،,.:;؛!?؟\"'«»()“”")
            if re.fullmatch(rf"(?:[وف]?(?:[بك]?ال|لل|[بلك])?){re.escape(name)}", bare):
                return token.strip("،,.:;؛!?؟\"'«»()“”")
        return name
    with_article = _as_written(source, "ال" + name)
    return with_article if with_article != "ال" + name else _as_written(source, name)


def _country_name(country: str) -> str:
    """The English name of a country of the table ('Lebanon'): the first the table gives."""
    if country in _OTHER_COUNTRIES:
        return country
    return re.sub(r"\(.*?\)\??|\\", "", _ENGLISH_COUNTRIES[country].split("|")[0])


def glossary_flags(source: str, english: str, glossary) -> list[Flag]:
    """Glossary terms present in the source whose preferred English rendering is missing."""
    if glossary is None:
        return []
    flags = []
    for arabic, preferred in glossary.terms_in(source):
        pattern = rf"(?<![\w]){re.escape(preferred)}(?![\w])"
        if not re.search(pattern, english, flags=re.IGNORECASE):
            flags.append(Flag("glossary", f"'{arabic}' should be rendered '{preferred}'"))
    return flags


def confidence_flags(score: float | None, settings: QASettings = DEFAULT_SETTINGS) -> list[Flag]:
    """The engine's mean log-probability per token below the threshold."""
    if score is None or score >= settings.low_confidence_score:
        return []
    return [Flag("low_confidence", f"model score {score:.2f} is below {settings.low_confidence_score}")]


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_pair(source: str, english: str, *, glossary=None, score: float | None = None, parts: int = 1,
               settings: QASettings = DEFAULT_SETTINGS) -> list[Flag]:
    """Every flag of one (Arabic source, English translation) pair, at most one per code, in code order."""
    if not english.strip():
        if source.strip():
            return [Flag("untranslated", "the English is empty")]
        return []
    flags: list[Flag] = []
    flags += number_flags(source, english)
    flags += negation_flags(source, english)
    flags += repetition_flags(source, english, settings)
    flags += untranslated_flags(source, english, settings)
    flags += length_ratio_flags(source, english, settings)
    flags += truncated_flags(source, english, parts)
    glossary_found = glossary_flags(source, english, glossary)
    if glossary_found:
        flags.append(Flag("glossary", "; ".join(f.reason for f in glossary_found)))
    names = _pair_names(source, english)
    swapped = name_reasons(source, english, names)
    if swapped:
        flags.append(Flag("name_mismatch", "; ".join(swapped)))
    missing = missing_name_reasons(source, english, names)
    if missing:
        flags.append(Flag("name_missing", "; ".join(missing)))
    flags += confidence_flags(score, settings)
    return flags


def check_sentences(sentences: list[Sentence], glossary=None, settings: QASettings = DEFAULT_SETTINGS,
                    checked: dict | None = None) -> int:
    """Fill `flags` of every translated sentence; returns how many carry at least one flag. `checked`, kept
    by the caller across calls, holds the flags of pairs seen already: a sentence repeated across the run's
    articles (a wire story run by several sites, a page pasted twice) is checked once."""
    checked = {} if checked is None else checked
    flagged = 0
    for sentence in sentences:
        if sentence.english is None:
            continue
        key = (sentence.text, sentence.english, sentence.score, sentence.parts)
        if key not in checked:
            checked[key] = check_pair(sentence.text, sentence.english, glossary=glossary, score=sentence.score,
                                      parts=sentence.parts, settings=settings)
        sentence.flags = list(checked[key])
        flagged += bool(sentence.flags)
    return flagged


# ---------------------------------------------------------------------------------------------------
# `brief qa PAIRS.tsv`
# ---------------------------------------------------------------------------------------------------

class Pairs(NamedTuple):
    """The checkable lines of a pairs file, and the malformed ones with their reasons."""

    file: str  # as messages name it ("<stdin>" for -)
    pairs: list[tuple[int, str, str]]  # (line number, arabic, english)
    malformed: list[tuple[int, str]]  # (line number, reason)


def spreadsheet_cell(field: str) -> str:
    """A cell as a spreadsheet's TSV export writes one holding a quote (wrapped in quotes, every inner one
    doubled) read back; a field that merely begins and ends with a quotation is left as it is."""
    inner = field[1:-1]
    if len(field) >= 2 and field[0] == field[-1] == '"' and '"' not in inner.replace('""', ""):
        return inner.replace('""', '"')
    return field


def read_pairs(path: str) -> Pairs:
    """The arabic<TAB>english lines of a TSV file ('-' reads stdin); '#' lines and blank lines skipped, a
    malformed line set aside with its reason while the others are read."""
    from brief.ingest import TABLE_MIN_ARABIC_SHARE, decode_bytes

    name = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a TSV file") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None
    # As articles are read: a spreadsheet's "Unicode text" export is UTF-16 (with or without a BOM), an
    # older one Windows-1256 (half of whose letters, the English half, are not Arabic). A translation is
    # checked character by character, so no byte may be replaced in decoding.
    text, _ = decode_bytes(data, name, replace_bad_utf8=False, min_arabic_share=TABLE_MIN_ARABIC_SHARE)
    pairs, malformed = [], []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        while len(fields) > 2 and not fields[-1].strip():
            fields.pop()  # a spreadsheet's empty columns after the pair: the export writes a tab for each
        if len(fields) != 2:
            found = "no tab" if len(fields) == 1 else f"{len(fields)} fields"
            malformed.append((number, f"expected arabic<TAB>english, found {found}"))
        elif not fields[0].strip():
            malformed.append((number, "the Arabic field is empty"))
        elif not arabic_letter_count(fields[0]):
            malformed.append((number, "the first field has no Arabic letters (expected arabic<TAB>english)"))
        else:
            pairs.append((number, spreadsheet_cell(fields[0].strip()), spreadsheet_cell(fields[1].strip())))
    if not pairs:
        first = f" (line {malformed[0][0]}: {malformed[0][1]})" if malformed else ""
        raise InputError(name, f"no arabic<TAB>english lines{first}")
    return Pairs(name, pairs, malformed)


def qa_records(pairs: list[tuple[int, str, str]], glossary=None, settings: QASettings = DEFAULT_SETTINGS,
               malformed: list[tuple[int, str]] = ()) -> list[dict]:
    """JSON-ready [{"line": n, "flags": [{"code", "reason"}]}] for `brief qa --json`, in line order; a
    malformed line carries the one flag `malformed`, as it could not be checked."""
    records = [{"line": number, "flags": [asdict(f) for f in check_pair(arabic, english, glossary=glossary,
                                                                        settings=settings)]}
               for number, arabic, english in pairs]
    records += [{"line": number, "flags": [{"code": "malformed", "reason": reason}]} for number, reason in malformed]
    return sorted(records, key=lambda record: record["line"])


def flag_counts(records: list[dict]) -> Counter:
    """How many lines carry each code (for summaries)."""
    return Counter(f["code"] for r in records for f in r["flags"])
