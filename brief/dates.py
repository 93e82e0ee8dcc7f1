"""Dates as Arabic news pages write them: numeric or with month names (Egyptian, Levantine, Maghrebi,
English), Arabic or Latin digits. Shared by the stages that read dates (ingest, clean) and qa's months."""
from __future__ import annotations

import datetime
import re

from brief.arabic import normalize, to_ascii_digits

MONTHS = {
    # Egyptian/Gulf, Levantine/Iraqi and Maghrebi month names, normalised spelling; English too.
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8, "شتنبر": 9,
    "نونبر": 11, "دجنبر": 12, "يوليوز": 7, "غشت": 8,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
MONTH_PATTERN = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# (A year may carry its era's letter: "19 يونيو 2024م".)
# (Egyptian sites put slashes between: "23/فبراير/2025".)
_DATE_DMY_NAMED = re.compile(rf"\b(\d{{1,2}})\s*/?\s*(?:من\s+)?({MONTH_PATTERN})(?:\s*[/\-(]\s*(?:{MONTH_PATTERN})\)?)?"
                             rf"\s*[،,/]?\s*(\d{{4}})(?!\d)")
_DATE_MDY_NAMED = re.compile(rf"\b({MONTH_PATTERN})\s+(\d{{1,2}})\s*[،,]?\s*(\d{{4}})(?!\d)")
_DATE_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
# A two-digit year ("19-6-24") only on a line that holds nothing else (a time may follow): inside a
# sentence "3-1-20" may be a score or a count as well as a day.
_DATE_DMY_SHORT = re.compile(r"\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{2})(?:\s*[-|،,]?\s*\d{1,2}:\d{2}(?::\d{2})?"
                             r"\s*(?:[ap]\.?m\.?|ص|م)?)?\s*", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first valid date in `text` as ISO YYYY-MM-DD (Arabic or Latin digits, numeric or month names)."""
    text = normalize(to_ascii_digits(text))
    # A copy of a page glues a date to the time after it: "11/7/202412:40 PM".
    text = re.sub(r"(?<=[-/.]\d{4})(?=\d{1,2}:\d{2})", " ", text)
    candidates: list[tuple[int, tuple[int, int, int]]] = []
    for found in _DATE_YMD.finditer(text):
        candidates.append((found.start(), (int(found[1]), int(found[2]), int(found[3]))))
    for found in _DATE_DMY.finditer(text):
        day, month = int(found[1]), int(found[2])
        if month > 12 >= day:  # 06/19/2024: month first
            day, month = month, day
        candidates.append((found.start(), (int(found[3]), month, day)))
    for found in _DATE_DMY_NAMED.finditer(text):
        candidates.append((found.start(), (int(found[3]), MONTHS[found[2]], int(found[1]))))
    for found in _DATE_MDY_NAMED.finditer(text):
        candidates.append((found.start(), (int(found[3]), MONTHS[found[1]], int(found[2]))))
    short = _DATE_DMY_SHORT.fullmatch(text)
    if short and not candidates:
        day, month = int(short[1]), int(short[3])
        if month > 12 >= day:
            day, month = month, day
        candidates.append((0, (2000 + int(short[4]), month, day)))
    for _, (year, month, day) in sorted(candidates):
        try:
            if 1900 <= year <= 2100:
                return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


# The Hijri months (normalised) and their numbers, for a page that dates its story in the Hijri calendar
# only and for qa, which holds a translation to the month it names.
HIJRI_MONTHS = {normalize(name): number for name, number in {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4, "جمادى الأولى": 5, "جمادى الأول": 5,
    "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذا القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12, "ذا الحجة": 12,
}.items()}
WEEKDAYS = ("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه")
_HIJRI_DATE = re.compile(r"(?:(?:%s)\s*[،,]?\s*)?\d{1,2}\s+(?:من\s+)?(?:%s)\s*[،,]?\s*\d{4}\s*(?:هـ|ه|هجريه)?\s*\.?"
                         % ("|".join(WEEKDAYS), "|".join(sorted(HIJRI_MONTHS, key=len, reverse=True))))


def is_hijri_date(text: str) -> bool:
    """The whole text is a Hijri date: "الأربعاء 13 ذو الحجة 1445 هـ"."""
    return bool(_HIJRI_DATE.fullmatch(normalize(to_ascii_digits(text)).strip()))
