"""QA checks: measured precision/recall on labelled pairs, each rule's edge cases, `brief qa` input."""
from __future__ import annotations

import io
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import qa
from brief.errors import BriefError, InputError
from brief.glossary import load_glossary, parse_glossary
from brief.models import Flag, Sentence

DATA = Path(__file__).parent / "data" / "qa"
PAIRS = DATA / "pairs.tsv"
FLOORS = DATA / "floors.json"


def labelled_pairs() -> list[dict]:
    rows = []
    for number, line in enumerate(PAIRS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        codes, score, parts, arabic, english, note = line.split("\t")
        rows.append({"line": number, "expected": set() if codes == "-" else set(codes.split(",")),
                     "score": float(score) if score else None, "parts": int(parts), "arabic": arabic,
                     "english": english, "note": note})
    return rows


def measure(rows, glossary) -> tuple[dict, list[str]]:
    """Per-code precision/recall over the rows, and one line per disagreement."""
    counts = {code: Counter() for code in qa.FLAG_CODES}
    mistakes = []
    for row in rows:
        got = {f.code for f in qa.check_pair(row["arabic"], row["english"], glossary=glossary, score=row["score"],
                                             parts=row["parts"])}
        for code in qa.FLAG_CODES:
            outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (code in got, code in row["expected"]))
            if outcome:
                counts[code][outcome] += 1
                if outcome != "tp":
                    mistakes.append(f"line {row['line']}: {outcome} {code}: {row['english'][:70]}")
    scores = {}
    for code, c in counts.items():
        scores[code] = {"precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
                        "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
                        "positives": c["tp"] + c["fn"]}
    return scores, mistakes


def test_labelled_set_is_large_and_covers_every_code():
    rows = labelled_pairs()
    assert len(rows) >= 80
    positives = Counter(code for row in rows for code in row["expected"])
    assert set(positives) <= set(qa.FLAG_CODES)
    for code in qa.FLAG_CODES:
        assert positives[code] >= 8, code
    traps = [row for row in rows if row["note"].startswith("trap") and not row["expected"]]
    assert len(traps) >= 15
    for needed in ("2000s", "first", "nine", "June 10, 2024"):
        assert any(needed in row["english"] for row in traps), needed


def test_precision_and_recall_meet_the_pinned_floors():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores, mistakes = measure(labelled_pairs(), load_glossary(DATA / "glossary.tsv"))
    report = "\n".join(f"{code}: P={s['precision']:.3f} R={s['recall']:.3f} (n={s['positives']})"
                       for code, s in scores.items())
    print(report)
    for code in qa.FLAG_CODES:
        assert code in floors, f"no floor pinned for {code}"
        assert scores[code]["precision"] >= floors[code]["precision"], report + "\n" + "\n".join(mistakes)
        assert scores[code]["recall"] >= floors[code]["recall"], report + "\n" + "\n".join(mistakes)


def test_measurement_notices_a_broken_check(monkeypatch):
    """The floors test can fail: with the number check switched off, recall for it drops to zero."""
    monkeypatch.setattr(qa, "number_flags", lambda source, english: [])
    scores, _ = measure(labelled_pairs(), load_glossary(DATA / "glossary.tsv"))
    assert scores["number_mismatch"]["recall"] == 0.0


# --- numbers --------------------------------------------------------------------------------------

def codes(source, english, **kwargs) -> list[str]:
    return [f.code for f in qa.check_pair(source, english, **kwargs)]


@pytest.mark.parametrize("source, english", [
    ("وصل في ١٩ يونيو ٢٠٢٤ إلى المدينة.", "He arrived in the city on June 19, 2024."),
    ("ارتفع بنسبة ۳٫۵ في المئة.", "It rose by 3.5 percent."),
    ("ارتفع بنسبة ٣٫٥٪.", "It rose by 3.5%."),
    ("أرسلت أكثر من 3 ملايين قذيفة.", "It sent more than three million shells."),
    ("أرسلت أكثر من 3 ملايين قذيفة.", "It sent more than 3,000,000 shells."),
    ("خصصت 1.5 مليار دولار.", "It allocated $1.5bn."),
    ("بلغت التجارة 2,5 مليار دولار.", "Trade reached $2.5 billion."),
    ("نحو 500 ألف طلقة.", "About half a million rounds."),
    ("جدار بارتفاع 5 أمتار.", "A 5m wall."),
    ("خسرت 5 ملايين دولار.", "It lost $5m."),
    ("نحو 6700 حاوية.", "About 6,700 containers."),
    ("في 2024-06-19 الساعة 17:50.", "On 19/06/2024 at 17:50."),
    ("بعد 9 أشهر.", "Nine months later."),
    ("في أول 2 من الأشهر.", "In the first two months."),
    ("بعد 21 شهرا.", "Twenty-one months later."),
    ("قمة مجموعة السبع.", "The G7 summit."),
    ("حضرت مئة دولة.", "100 countries attended."),
    ("تراجعت في العقد الأول من الألفية.", "It declined in the 2000s."),
    ("هي الأولى منذ 24 عاما.", "It is the first in 24 years."),
    # Numbers written in words, as news writes them (from a review of 95 correct translations, 2026-12-02)
    ("أسفر القصف عن مقتل أكثر من مئتي شخص.", "The shelling killed more than 200 people."),
    ("نشرت الحكومة عشرة آلاف جندي في المنطقة.", "The government deployed 10,000 troops in the region."),
    ("تبلغ قيمة الصفقة خمسمئة ألف دولار.", "The deal is worth $500,000."),
    ("خصصت الحكومة ملياري دولار للإعمار.", "The government allocated $2 billion for reconstruction."),
    ("يعيش نصف مليون لاجئ في المخيمات.", "Half a million refugees live in the camps."),
    ("حضر مليون ونصف شخص.", "1.5 million people attended."),
    ("وصل عدد الزوار إلى ثلاثمائة زائر.", "Visitors reached 300."),
    ("بلغ العجز مليارا و200 مليون دولار.", "The deficit reached $1.2 billion."),
    ("بلغ عدد السكان 3 ملايين و500 ألف نسمة.", "The population reached 3.5 million."),
    ("يتراوح الراتب بين 10 و20 ألف درهم.", "Salaries range from 10,000 to 20,000 dirhams."),
    ("خصص المغرب 1.500.000 درهم للمشروع.", "Morocco allocated 1,500,000 dirhams to the project."),
    ("تبدأ الجلسة الساعة 20:00 بتوقيت مكة.", "The session starts at 8 pm Mecca time."),
    ("بدأ الاجتماع في الساعة 10:30 صباحا.", "The meeting began at 10.30am."),
    ("انتهت الجلسة في العاشرة والنصف مساء.", "The session ended at 10:30 p.m."),
    ("تراجعت الإصابات بفيروس كورونا.", "COVID-19 infections fell."),
    ("قتل ثلاثة أشخاص يوم الثلاثاء.", "Three people were killed on Tuesday."),
    ("وصل ثلاثة عشر لاعبا.", "Thirteen players arrived."),
    ("أرسلت ثلاثة آلاف جندي.", "It sent 3,000 soldiers."),
    ("اجتمع قادة الدول الثلاث.", "The leaders of the three countries met."),
    # Compounds written in words are one number.
    ("شارك مئة وعشرة آلاف شخص في المسيرة.", "110,000 people took part in the march."),
    ("شارك مئة وعشرة آلاف شخص في المسيرة.", "One hundred and ten thousand people took part in the march."),
    ("وصل ثلاثمئة وخمسون ألف لاجئ.", "350,000 refugees arrived."),
    ("بلغ العدد ألفين وخمسمئة.", "The number reached 2,500."),
    ("قتل خمسة وعشرون شخصا.", "25 people were killed."),
    ("بلغ عدد السكان ثلاثة ملايين وخمسمئة ألف نسمة.", "The population reached 3.5 million."),
    ("يستمر بين ثلاثة وخمسة أيام.", "It lasts between three and five days."),
    # ... but a weekday, "percent" or a comma is no part of one (from a review of the compound reader)
    ("قتل يوم الأحد عشرة أشخاص.", "Ten people were killed on Sunday."),
    ("سجلت الوزارة الاثنين عشرة آلاف إصابة.", "The ministry recorded 10,000 infections on Monday."),
    ("قتل الاثنين مئة شخص.", "A hundred people were killed on Monday."),
    ("قتل خمسة، وعشرون آخرون أصيبوا.", "Five were killed, and twenty others were injured."),
    ("ارتفعت البطالة ثلاثة بالمئة، وعشرين بالمئة.", "Unemployment rose three percent, and twenty percent."),
    ("حصل الحزب على خمسين في المئة وعشرين مقعدا.", "The party won fifty percent and twenty seats."),
    ("نزح ثلاثة ملايين ونصف شخص.", "Three and a half million people were displaced."),
    ("نزح ثلاثة ملايين ونصف شخص.", "3.5 million people were displaced."),
    ("نزح 3.5 مليون شخص.", "Three and a half million people were displaced."),
    # 'm' and 'k' after a number without a currency sign: million (or metres), thousand.
    ("نزح نحو 1.5 مليون شخص من منازلهم.", "About 1.5m people have been displaced from their homes."),
    ("وشارك في الماراثون 20 ألف عداء.", "20k runners took part in the marathon."),
    ("يعيش في المدينة 3 ملايين نسمة.", "The city has 3M inhabitants."),
    # A multiple said in one word, and a football score written in words (held-out review, 2026-12-03).
    ("تضاعف عدد السياح ثلاث مرات خلال عشر سنوات.", "The number of tourists tripled over a decade."),
    ("ارتفعت الأسعار أربع مرات.", "Prices quadrupled."),
    ("فاز الأهلي على الزمالك بهدفين مقابل هدف.", "Al Ahly beat Zamalek 2-1."),
    ("خسر المنتخب بثلاثة أهداف نظيفة.", "The team lost 3-0."),
    ("فاز الفريق بهدف دون رد.", "The team won 1-0."),
    # an hour in words kept, on either clock
    ("ستغلق مراكز الاقتراع في الساعة السابعة مساء.", "Polling stations will close at 7 pm."),
    ("ينتهي الاقتراع في السادسة مساءً ويبدأ في السابعة صباحاً.", "Voting runs from 7 am to 6 pm."),
    ("تبدأ المباراة في الساعة الحادية عشرة صباحا.", "The match starts at 11 a.m."),
    ("حذرت الهيئة من أمطار اعتباراً من الساعة الثالثة عصراً.", "The authority warned of rain from 3 pm."),
    ("وصل في الساعة الثانية عشرة ظهرا وغادر عند 14:30.", "He arrived at 12 pm and left at 2.30pm."),
    # fractions kept, or rendered as a percentage beside an ordinal that is no fraction
    ("يعاني ربع السكان من الفقر.", "A quarter of the population lives in poverty."),
    ("صوت ثلثا النواب لصالح القانون.", "Two-thirds of MPs voted for the law."),
    ("تراجعت الأرباح في النصف الأول بنسبة 5 في المئة.", "Profit fell 5% in the first half."),
    ("انخفضت الصادرات إلى النصف للشهر الثالث.", "Exports fell by 50% for the third month."),
    # A temperature converted with the unit's letter run into the figure (third review, 2026-12-03).
    ("تتوقع الأرصاد أن تصل الحرارة إلى 48 درجة مئوية في الكويت.", "Forecasters expect 48C (118F) in Kuwait."),
    ("سجلت الحرارة 45 درجة مئوية.", "Temperatures hit 45 C (113 F)."),
    ("أعلنت اللجنة أن غرة شهر شوال ستكون يوم الثلاثاء.", "The committee said 1 Shawwal will be on Tuesday."),
])
def test_numbers_kept_in_another_form_are_not_flagged(source, english):
    assert "number_mismatch" not in codes(source, english)


@pytest.mark.parametrize("source, english, shown", [
    ("وصل في ١٩ يونيو.", "He arrived on June 18.", "19"),
    ("ارتفع بنسبة ۳٫۵ في المئة.", "It rose by 35 percent.", "3.5"),
    ("أرسلت أكثر من 3 ملايين قذيفة.", "It sent more than 3,000 shells.", "3 ملايين"),
    ("خصصت 50 مليار دولار.", "It allocated $50 million.", "50 مليار"),
    ("في عام 1961.", "In 1991.", "1961"),
    ("أطلقت بالونات.", "It launched 350 balloons.", "350"),
    # Months are compared as months: a changed month, a swapped date, a count only a month name "states".
    ("وقع الهجوم في 7 أكتوبر 2023.", "The attack took place on 7 November 2023.", "October"),
    ("وصل في 10-06-2024.", "He arrived on October 6, 2024.", "10"),
    ("أصيب 3 جنود في هجوم وقع في مارس الماضي.", "Soldiers were wounded in an attack last March.", "3"),
    # A count written as a word must be kept too.
    ("قتل ثلاثة أشخاص في الانفجار.", "Four people were killed in the explosion.", "ثلاثة"),
    ("قتل خمسة جنود وأصيب 7 آخرون في كمين.", "Soldiers were killed and 7 others wounded in an ambush.", "خمسة"),
    # So must an amount written in words: a tenfold error, or a dropped amount.
    ("قتل عشرة آلاف شخص.", "1,000 people were killed.", "عشرة آلاف"),
    ("نزح خمسة ملايين شخص.", "Millions of people were displaced.", "خمسة ملايين"),
    ("شارك مئة وعشرة آلاف شخص.", "10,000 people took part.", "مئة وعشرة آلاف"),
    ("قتل خمسة وعشرون شخصا.", "Twenty people were killed.", "خمسة وعشرون"),
    ("نزح ثلاثة ملايين ونصف شخص.", "Three million people were displaced.", "ثلاثة ملايين ونصف"),
    ("نزح نحو 1.5 مليون شخص.", "About 15m people were displaced.", "1.5 مليون"),
    ("بلغ حجم التبادل 3 مليارات.", "Trade reached 3m.", "3 مليارات"),
    # 'بهدف' is also 'in order to': only a score's words state a 1 or a 0.
    ("أطلقت الحكومة برنامجا بهدف دعم المزارعين.", "The government launched 1 programme to support farmers.", "1"),
    ("فاز الفريق بهدفين مقابل هدف.", "The team won 2-0.", "0"),
    ("تضاعف عدد السياح ثلاث مرات.", "The number of tourists doubled.", "ثلاث"),
    # A fraction in words changed for another (third review, 2026-12-03).
    ("قالت الأمم المتحدة إن نصف سكان السودان بحاجة إلى مساعدات.", "The UN said a quarter of Sudan's population needs aid.",
     "نصف"),
    ("خسر الجنيه ثلث قيمته.", "The pound lost half its value.", "ثلث"),
    # An hour the Arabic writes in words, rendered as another (third review, 2026-12-03).
    ("ستغلق مراكز الاقتراع أبوابها في الساعة السابعة مساء.", "Polling stations will close at 9 pm.", "9 pm"),
    ("يبدأ الاقتراع في الثامنة صباحاً.", "Voting starts at 6 am.", "6 am"),
])
def test_changed_dropped_or_invented_numbers_are_flagged(source, english, shown):
    flags = [f for f in qa.check_pair(source, english) if f.code == "number_mismatch"]
    assert len(flags) == 1
    assert shown in flags[0].reason


@pytest.mark.parametrize("source, english, shown", [
    ("ويبدأ صيام شهر رمضان المبارك غدا.", "The fast of the month of Shawwal begins tomorrow.", "Ramadan"),
    ("ويصادف يوم عرفة التاسع من ذي الحجة.", "The Day of Arafat falls on the ninth of Muharram.", "Dhu al-Hijjah"),
    ("توفي الشاعر في 15 شعبان 1444 هـ.", "The poet died on 15 Rajab 1444 AH.", "Shaban"),
    ("وتحيي الطائفة ذكرى عاشوراء في العاشر من محرم.", "The community marks Ashura on the tenth of Safar.", "Muharram"),
    ("وولد في 12 ربيع الأول 1446 هـ.", "He was born on 12 Rabi al-Thani 1446 AH.", "Rabi al-Awwal"),
    ("وتنتهي المهلة في 3 صفر 1446 هـ.", "The deadline ends on 3 Shawwal 1446 AH.", "Safar"),
    # The date's month changed while the source's month stands elsewhere in the English (sixth held-out review).
    ("ويبدأ صيام شهر رمضان يوم السبت الأول من مارس 2025 الموافق 1 رمضان 1446.",
     "Ramadan fasting begins on Saturday, March 1, 2025, corresponding to 1 Shawwal 1446.", "Shawwal"),
    ("ويبدأ العام الدراسي في 24 صفر 1447هـ.", "The school year starts on 24 Rabi al-Awwal 1447 AH.", "Rabi al-Awwal"),
])
def test_a_changed_hijri_month_is_flagged(source, english, shown):
    flags = [f for f in qa.check_pair(source, english) if f.code == "number_mismatch"]
    assert len(flags) == 1 and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("يحتفل المسلمون بعيد الأضحى في العاشر من ذي الحجة.",
     "Muslims celebrate Eid al-Adha on the 10th of Dhu al-Hijjah."),
    ("يحتفل المسلمون بعيد الأضحى في العاشر من ذي الحجة.", "Muslims celebrate Eid al-Adha on 10 Dhul-Hijjah."),
    ("ويبدأ شهر رمضان في 1 رمضان 1445 هـ الموافق 11 مارس 2024.",
     "The month of Ramadan begins on 1 Ramadan 1445 AH, corresponding to March 11, 2024."),
    ("توفي الشاعر في 15 شعبان 1444 هـ.", "The poet died on 15 Sha'ban 1444 AH."),
    ("وولد في 12 ربيع الآخر 1446 هـ.", "He was born on 12 Rabi' al-Akhir 1446 AH."),
    ("وتبدأ العطلة في 5 جمادى الأولى.", "The holiday starts on 5 Jumada al-Ula."),
    ("وتبدأ العطلة في 5 جمادى الآخرة.", "The holiday starts on 5 Jumada II."),
    ("ويبدأ موسم الحج في ذي القعدة.", "The Hajj season starts in Dhu al-Qa'dah."),
    ("وتنتهي المهلة في 3 صفر 1446 هـ.", "The deadline ends on 3 Safar 1446 AH."),
    # Words spelled like a month that are none: a name, zero.
    ("وقال الرئيس رجب طيب أردوغان إن بلاده مستعدة.", "President Recep Tayyip Erdogan said his country was ready."),
    ("وقال المتحدث أحمد رمضان إن الوفد وصل.", "Spokesman Ahmed Ramazan said the delegation had arrived."),
    ("وقال المفكر طارق رمضان في 12 مارس 2024 إن الحوار ضروري.",
     "Thinker Tariq Ramadan said on March 12, 2024 that dialogue is necessary."),
    ("ويبدأ صيام شهر رمضان يوم السبت الأول من مارس 2025 الموافق 1 رمضان 1446.",
     "Ramadan fasting begins on Saturday, March 1, 2025, corresponding to 1 Ramadan 1446."),
    ("ويبدأ العام الدراسي في 24 صفر 1447هـ.", "The school year starts on 24 Safar 1447 AH."),
    ("وانتهت المباراة بفوز الفريق بهدف مقابل صفر.", "The team won the match one-nil."),
    ("وصل عدد الإصابات إلى صفر.", "The number of infections fell to zero."),
])
def test_hijri_months_kept_or_words_that_are_no_month_are_not_flagged(source, english):
    assert "number_mismatch" not in codes(source, english)


def test_a_chant_in_the_source_excuses_its_own_loop_only():
    source = 'هتف المتظاهرون "ارحل ارحل ارحل" أمام مقر الحكومة.'
    assert "repetition" not in codes(source, 'Protesters chanted "leave, leave, leave" outside the government '
                                             "headquarters.")
    assert "repetition" in codes(source, 'Protesters chanted "leave, leave, leave" outside the government '
                                         "headquarters headquarters headquarters.")


def test_an_english_cut_on_a_word_that_needs_more_is_truncated_even_under_a_headline():
    assert "truncated" in codes("ارتفاع أسعار الذهب إلى مستوى قياسي", "Gold prices rise to")
    assert "truncated" not in codes("ارتفاع أسعار الذهب إلى مستوى قياسي", "Gold prices rise to a record")
    assert "truncated" not in codes("تزود روسيا بالذخيرة وما إلى ذلك.", "It supplies Russia with ammunition and so on.")


@pytest.mark.parametrize("english, cut", [
    # A word that can end a sentence ends one before a full stop ...
    ("The spokesman declined to comment on that.", False),
    ("He declined to go into more detail than that.", False),
    ("The minister gave no further details about that.", False),
    ("Police said they had arrested her.", False),
    ("The decision, he said, was his.", False),
    ("The team was drawn in Group A.", False),
    # ... but not without one, nor after one that cannot.
    ("The spokesman said that", True),
    ("The minister said that…", True),
    ("The two sides signed a deal with the.", True),
    ("He met the leaders of.", True),
    ("It was signed by a.", True),
])
def test_a_sentence_ending_on_a_word_that_can_end_one_is_not_truncated(english, cut):
    assert ("truncated" in codes("وقال المتحدث إنه لن يعلق على ذلك.", english)) is cut


def test_a_verb_spelled_like_a_month_requires_no_month():
    assert "number_mismatch" not in codes("مارس الوزير ضغوطا كبيرة على الحكومة.",
                                          "The minister put great pressure on the government.")
    assert "number_mismatch" not in codes("قال الأب إن ابنه أصيب.", "The father said his son was wounded.")


def test_latin_names_in_the_source_count_for_the_length_ratio():
    source = "أعلنت شركات Apple وMicrosoft وAlphabet وAmazon وNvidia عن نتائج قوية."
    assert "length_ratio" not in codes(source, "Apple, Microsoft, Alphabet, Amazon and Nvidia announced strong "
                                               "results.")


def test_arabic_indic_digits_left_in_the_english_are_untranslated():
    flags = [f for f in qa.check_pair("ارتفع المؤشر إلى ٤٥ نقطة.", "The index rose to ٤٥ points.")
             if f.code == "untranslated"]
    assert flags and "٤٥" in flags[0].reason


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=4), st.booleans())
def test_same_numbers_in_any_digit_script_match(values, indic):
    table = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩" if indic else "۰۱۲۳۴۵۶۷۸۹")
    source = "قال إن " + " و".join(str(v).translate(table) for v in values) + " وصلت."
    english = "He said " + " and ".join(f"{v:,}" for v in values) + " arrived."
    assert "number_mismatch" not in codes(source, english)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=10, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_a_changed_number_is_always_caught(value, delta):
    source = f"وصلت {value} شحنة إلى الميناء."
    english = f"{value + delta} shipments arrived at the port."
    assert "number_mismatch" in codes(source, english)


# --- negation ------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, english", [
    # 'ما لا يقل عن' (no fewer than) and 'لا يتجاوز' (does not exceed) are bounds, not negations.
    ("قتل ما لا يقل عن 40 شخصا في القصف.", "At least 40 people were killed in the shelling."),
    ("وأصيب ما لا يقل عن 12 شخصا بجروح.", "A minimum of 12 people were wounded."),
    ("ولا تتجاوز مدة المهمة ستة أشهر.", "The mission lasts up to six months."),
    # 'عدم' + a noun is an English noun with a negative prefix.
    ("وتعاني المنطقة من عدم الاستقرار الأمني.", "The region suffers from security instability."),
    ("وسادت حالة من عدم اليقين في الأسواق.", "Uncertainty prevailed in the markets."),
    ("وشارك في قمة حركة عدم الانحياز.", "He took part in the Non-Aligned Movement summit."),
    ("وحذرت المنظمة من تفاقم عدم المساواة بين الجنسين.", "The organisation warned of worsening gender inequality."),
    ("ووقع البلدان اتفاقية عدم اعتداء.", "The two countries signed a nonaggression agreement."),
    ("وأعرب عن عدم رضاه عن النتائج.", "He expressed his dissatisfaction with the results."),
    # 'لا ... سوى', 'لم ... إلا' (not ... except) say 'only'.
    ("لا يوجد في القرية سوى بئر واحدة.", "There is only one well in the village."),
    ("لم يتبق في المخازن سوى القليل من الطحين.", "Only a little flour remains in the stores."),
    ("ولم يصل المسعفون إلى المكان إلا بعد ساعتين.", "Paramedics reached the scene only two hours later."),
    # 'رفض' has English verbs of its own.
    ("رفضت المحكمة العليا الدعوى.", "The Supreme Court threw out the lawsuit."),
    ("ورفضت روسيا مشروع القرار في مجلس الأمن.", "Russia vetoed the draft resolution in the Security Council."),
    ("ورفض الوزير العرض.", "The minister turned down the offer."),
    # 'لم يتضح' (has not become clear), 'لا يدعو إلى كثير' (does not call for much): negative words.
    ("ولم يتضح سبب الانفجار.", "The cause of the explosion is unclear."),
    ("ولم يتمكن الصحفيون من دخول المدينة.", "Journalists were unable to enter the city."),
    ("لكن سجل الهدن لا يدعو إلى كثير من التفاؤل.", "But the record of truces gives little cause for optimism."),
    ("وكانت الأضرار لا تكاد تذكر.", "The damage was barely noticeable."),
])
def test_a_negation_rendered_without_not_is_not_flagged(source, english):
    assert "negation" not in codes(source, english)


@pytest.mark.parametrize("source, english", [
    # The words that excuse one kind of negation do not excuse another.
    ("وأكد المتحدث عدم وجود خطط لزيارة جديدة.",
     "The spokesman confirmed plans for a new visit, including talks in Hanoi."),
    ("لم تعلق الحكومة على التقارير.", "Only the government commented on the reports."),
    ("ولم تعلق الحكومة على التقارير خلال الأيام القليلة الماضية.",
     "The government has commented on the reports in the past few days."),
    ("وقال إن القوات لن تنسحب قبل أسبوع على الأقل.", "He said the forces will withdraw in at least a week."),
    ("قتل ما لا يقل عن 30 شخصا.", "At most 30 people were killed."),
    ("ولا يوجد أي دليل على ذلك.", "There is evidence of that, including unconfirmed reports."),
])
def test_a_dropped_negation_is_flagged_whatever_else_the_english_says(source, english):
    assert "negation" in codes(source, english)


@pytest.mark.parametrize("source, english", [
    ("لن تشارك الدولة في القمة ولن ترسل أي وفد.",
     "The country will not take part in the summit and will send a delegation."),
    ("لم يصب أحد بأذى، ولم يتم اعتقال أي شخص.", "No one was hurt, and a person was arrested."),
    ("لم تعلن أي جهة مسؤوليتها عن الهجوم، ولم تعلق السلطات عليه.",
     "No group claimed responsibility for the attack, and the authorities commented on it."),
])
def test_one_of_several_negations_dropped_is_flagged(source, english):
    flags = [f for f in qa.check_pair(source, english) if f.code == "negation"]
    assert len(flags) == 1 and "2" in flags[0].reason


@pytest.mark.parametrize("source, english", [
    # Several Arabic negations, fewer in English, all rendered: one 'not' carried over 'or', 'لم ولن' as 'never'.
    ("لم يعلق المتحدث ولم يرد على أسئلة الصحفيين.", "The spokesman did not comment or answer reporters' questions."),
    ("لا ماء ولا كهرباء في المدينة منذ أسبوع.", "The city has had no water or electricity for a week."),
    ("لا ماء ولا كهرباء في المدينة منذ أسبوع.", "The city has had neither water nor electricity for a week."),
    ("لا أحد يستطيع ولا ينبغي له أن يتحدى.", "No one can or should challenge it."),
    ("لم ولن نتخلى عن حقوقنا.", "We will never give up our rights."),
    ("ليست هذه المرة الأولى التي نكتب فيها عن ذلك، ولن تكون الأخيرة.",
     "This is not the first time we have written about it, and it will not be the last."),
    ("وقال إن البلدين يريدان بنية أمنية تقوم على عدم استخدام القوة مع عدم وجود مجال للتكتلات.",
     "He said the two countries want a security architecture based on the non-use of force, with no room for blocs."),
    ("ولم يتم التعرف على هوية ما لا يقل عن 10 جثث.", "At least 10 bodies have not been identified."),
])
def test_several_negations_rendered_in_fewer_words_are_not_flagged(source, english):
    assert "negation" not in codes(source, english)


@pytest.mark.parametrize("source, english", [
    ("وافق البرلمان على مشروع قانون الموازنة.", "Parliament did not approve the budget bill."),
    ("وستستأنف المفاوضات الأسبوع المقبل.", "Negotiations won't resume next week."),
    ("ووصل الوفد إلى الدوحة مساء الأحد.", "The delegation has never arrived in Doha."),
    ("وأطلقت الشرطة سراح المعتقلين الأربعة.", "Police refused to release the four detainees."),
    ("وشملت الاتفاقية عدة مجالات بما في ذلك الطاقة.", "The agreement did not cover several fields, including energy."),
])
def test_a_negation_the_source_does_not_have_is_flagged(source, english):
    flags = [f for f in qa.check_pair(source, english) if f.code == "negation"]
    assert len(flags) == 1 and "the source has no negation" in flags[0].reason


@pytest.mark.parametrize("source, english", [
    # Arabic negates with words other than لا, لم, لن: غير, ألا, دون, امتنع, فشل, تعذر, يستحيل, رفض ...
    ("ومن غير الواضح متى ستبدأ المحادثات.", "It is not clear when the talks will start."),
    ("وقرر ألا يترشح للانتخابات.", "He decided not to run in the election."),
    ("وغادر دون أن يدلي بأي تصريح.", "He left and did not make any statement."),
    ("وامتنع المتحدث عن التعليق.", "The spokesman would not comment."),
    ("وفشلت المحاولة في تحقيق أهدافها.", "The attempt did not achieve its goals."),
    ("وتعذر الوصول إلى المسؤولين للتعليق.", "Officials could not be reached for comment."),
    ("ويستحيل الوصول إلى المنطقة.", "The area cannot be reached."),
    ("ورفضت الحكومة المقترح.", "The government did not accept the proposal."),
    ("ما كان ينبغي أن يحدث ذلك.", "That should not have happened."),
    # ... and English says 'not' in idioms that negate nothing.
    ("وتشمل الاتفاقية مجالات عدة، خاصة الطاقة.", "The agreement covers several fields, not least energy."),
    ("ويشمل الاتفاق التجارة فضلا عن الطاقة.", "The deal covers not only trade but also energy."),
    ("وسيشارك الجميع بغض النظر عن موقف الحكومة.", "Everyone will take part whether or not the government agrees."),
])
def test_a_negation_from_an_arabic_word_that_negates_or_an_idiom_is_not_added(source, english):
    assert "negation" not in codes(source, english)


# 'غير' before an adjective negates it: opus-mt drops it and says the opposite (held-out review, 2026-12-03).
@pytest.mark.parametrize("source, english", [
    ("أكدت الوزارة أن الفيديو المتداول غير صحيح.", "The ministry confirmed that the circulating video is correct."),
    ("وصف المحامي الاعتقال بأنه غير قانوني.", "The lawyer described the arrest as legal."),
    ("قال الخبراء إن الوضع غير مستقر في المنطقة.", "Experts said the situation in the region is stable."),
    ("أعلنت الشرطة ضبط مهاجرين في وضع غير نظامي.", "Police said they had detained migrants in a regular situation."),
])
def test_a_dropped_ghayr_before_an_adjective_is_flagged(source, english):
    assert "negation" in codes(source, english)


@pytest.mark.parametrize("source, english", [
    ("أكدت الوزارة أن الفيديو المتداول غير صحيح.", "The ministry said the video circulating online was false."),
    ("أكدت الوزارة أن الفيديو المتداول غير صحيح.", "The ministry said the circulating video was not true."),
    ("ضربت موجة جفاف غير مسبوقة المغرب.", "An unprecedented drought hit Morocco."),
    ("وصف المحامي الاعتقال بأنه غير قانوني.", "The lawyer described the arrest as illegal."),
    ("تعمل منظمات غير حكومية في المخيم.", "NGOs work in the camp."),
    ("ردّ روسيا غير المتماثل", "Russia's asymmetric response"),
    ("وشارك في الاجتماع مسؤولون من غير المسلمين.", "Non-Muslim officials took part in the meeting."),
    # 'غير' as 'other than', 'however', and the verb 'changed' (its object carries a pronoun)
    ("غير أن الحكومة أعلنت موعدا جديدا.", "However, the government announced a new date."),
    ("لا يملك غير منزله.", "He owns only his house."),
    ("غير الرئيس موقفه من الاتفاق.", "The president changed his position on the agreement."),
    ("غير اللاعب مساره بعد الإصابة.", "The player changed course after the injury."),
    ("قال المحللون إن الهجوم قد غير مجرى الحرب.", "Analysts said the attack had changed the course of the war."),
    ("من غير المستبعد أن تنخفض الأسعار.", "Prices may well fall."),
    # renderings that negate by meaning
    ("ارتفعت أسعار الذهب إلى مستوى غير مسبوق.", "Gold prices rose to a record high."),
    ("دعت مصر إلى عقد قمة عربية غير عادية.", "Egypt called for an emergency Arab summit."),
    ("قال الخبراء إن الوضع الأمني غير مستقر.", "Experts said the security situation was volatile."),
    ("وصفت الوزارة التقارير بأنها غير صحيحة.", "The ministry described the reports as baseless."),
    ("انتقدت المنظمة الاستخدام غير المتكافئ للقوة.", "The organisation criticised the disproportionate use of force."),
])
def test_ghayr_rendered_negatively_or_meaning_other_is_not_flagged(source, english):
    assert "negation" not in codes(source, english)


# --- repetition, untranslated, length, truncation, confidence --------------------------------------

@pytest.mark.parametrize("english, looped", [
    ("The talks went on and on.", False),
    ("Putin visited the the the capital.", True),
    ("They met in Hanoi, in Hanoi, in Hanoi, in Hanoi.", True),
    ("The two sides agreed on cooperation in all areas in all areas today.", False),  # 3 words twice: could be prose
    ("The sides agreed on cooperation in all possible areas in all possible areas today.", True),
    ("It has been a very, very long time.", False),
    ("Moscow and Pyongyang and Moscow signed it.", False),
])
def test_repetition(english, looped):
    source = "وقال المتحدث إن الطرفين اتفقا على التعاون في جميع المجالات اليوم بعد محادثات طويلة."
    assert ("repetition" in codes(source, english)) is looped


@pytest.mark.parametrize("english, looped", [
    ("He laughed hahahahahahahahahaha.", True),
    ("The end - - - - - - - - - -", True),
    ("What?!?!?!?!?!?!?!?!", True),
    ("The budget was 1000000000 dollars.", False),
    ("He paused.        Then he spoke.", False),
])
def test_character_loops(english, looped):
    assert ("repetition" in codes("قال المتحدث شيئا ثم ضحك.", english)) is looped


def test_repetition_that_mirrors_the_source_is_not_a_model_loop():
    source = "سياسة سياسة سياسة سياسة اقتصاد"
    assert "repetition" not in codes(source, "Politics politics politics politics economy")
    assert "repetition" in codes("سياسة واقتصاد ورياضة وصحافة", "Politics politics politics economy")


def test_a_loop_is_not_also_too_long():
    # One error, one flag (third review, 2026-12-03): the loop's copies do not count towards the ratio.
    source = "أكد الوزير أن الأمن الغذائي أولوية قصوى للحكومة."
    english = ("The minister stressed that food security is a top priority, a top priority, a top priority, "
               "a top priority for the government.")
    assert codes(source, english) == ["repetition"]
    hallucinated = "The minister stressed that food security is a top priority for the government. " * 2 + "And so on."
    assert "length_ratio" in codes(source, hallucinated + " It was said by officials in many places across the country.")


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["Korea", "visit", "the summit", "in the region", "said that the"]),
       st.integers(min_value=4, max_value=9))
def test_any_phrase_looped_four_times_is_flagged(phrase, times):
    english = "Putin said " + " ".join([phrase] * times) + " yesterday."
    assert "repetition" in codes("وقال بوتين إن الزيارة ناجحة أمس.", english)


def test_untranslated():
    source = "كوريا الشمالية تختبر صاروخا حربيا متعدد الرؤوس"
    assert codes(source, source) == ["untranslated"]
    assert "identical" in qa.check_pair(source, source)[0].reason
    assert "untranslated" in codes(source, "North Korea tests a صاروخا missile")
    assert codes(source, "") == ["untranslated"]
    url = "https://example.org/a-b"
    assert codes(url, url) == []


def test_numbers_in_words_rendered_as_digits_do_not_make_the_english_too_short():
    # The Arabic spells the time, the English writes '6:10 am' (third review, 2026-12-03: ratio 0.48).
    source = "تبدأ صلاة العيد في الساعة السادسة وعشر دقائق صباحاً بتوقيت مكة المكرمة."
    assert codes(source, "Eid prayers begin at 6:10 am Mecca time.") == []
    assert "length_ratio" in codes(source, "Prayers begin.")


def test_length_ratio_bounds_come_from_settings():
    source = "وقال الخبراء إن الزعيمين قد يناقشان في القمة مسألة إرسال كوريا الشمالية لعمالها إلى روسيا."
    good = "Experts said the two leaders may discuss at the summit North Korea sending its workers to Russia."
    assert "length_ratio" not in codes(source, good)
    assert "length_ratio" in codes(source, "Experts spoke.")
    assert "length_ratio" in codes(source, good + " " + good.lower() + " And many other things too, they said.")
    loose = qa.QASettings(min_length_ratio=0.0, max_length_ratio=100.0)
    assert "length_ratio" not in codes(source, "Experts spoke.", settings=loose)
    assert "length_ratio" not in codes("الهدف من الزيارة", "Aim")  # too short to judge


def test_truncated():
    source = "ووقعت كوريا الشمالية وروسيا معاهدة جديدة في عام 2000."
    assert "truncated" in codes(source, "North Korea and Russia signed a new treaty in 2000, but")
    assert "truncated" not in codes(source, "North Korea and Russia signed a new treaty in 2000.")
    assert "truncated" not in codes("قال: “نحن مستعدون”.", "He said: \"We are ready.\"")
    assert "truncated" not in codes("عقوبات غربية قيد الإعتماد", "Western sanctions pending adoption")
    split = qa.check_pair(source, "North Korea and Russia signed a new treaty in 2000.", parts=2)
    assert [f.code for f in split] == ["truncated"] and "split into 2 parts" in split[0].reason


def test_low_confidence_threshold():
    source, english = "وصل بوتين إلى هانوي.", "Putin arrived in Hanoi."
    assert codes(source, english, score=-0.3) == []
    assert codes(source, english, score=None) == []
    assert codes(source, english, score=-1.4) == ["low_confidence"]
    assert codes(source, english, score=-1.4, settings=qa.QASettings(low_confidence_score=-2.0)) == []


def test_glossary_flag_names_the_term():
    glossary = parse_glossary("بيونغ يانغ\tPyongyang\n")
    source = "وصل بوتين إلى بيونغ يانغ."
    assert codes(source, "Putin arrived in Pyongyang.", glossary=glossary) == []
    flags = qa.check_pair(source, "Putin arrived in Pyong Yang.", glossary=glossary)
    assert [f.code for f in flags] == ["glossary"] and "Pyongyang" in flags[0].reason
    assert codes(source, "Putin arrived in Pyong Yang.") == []  # no glossary, no glossary flag


# --- currencies, units, countries and organisations -----------------------------------------------

def changed_names(source, english) -> list[str]:
    """The reasons of the currency, unit, country and organisation checks among the pair's flags."""
    return [reason for f in qa.check_pair(source, english) for reason in f.reason.split("; ")
            if "but the English says" in reason or "instead (" in reason]


# From a review that found none of these caught (2026-12-02), and more of the kind.
@pytest.mark.parametrize("source, english, shown", [
    ("ارتفع سعر صرف الدولار إلى 48 جنيهاً في البنوك المصرية يوم الأحد.",
     "The dollar rose to 48 dinars at Egyptian banks on Sunday.", ("جنيهاً", "dinars")),
    ("خصص الاتحاد الأوروبي مبلغ 50 مليون يورو لدعم اللاجئين السوريين في لبنان.",
     "The European Union allocated $50 million to support Syrian refugees in Lebanon.", ("يورو", "$")),
    ("دفعت الشركة 300 مليون ريال سعودي.", "The company paid 300 million dirhams.", ("ريال", "dirhams")),
    ("بلغت الغرامة 5000 شيكل.", "The fine was 5,000 dollars.", ("شيكل", "dollars")),
    ("تراجعت الليرة التركية إلى 32 مقابل الدولار.", "The Turkish rouble fell to 32 against the dollar.",
     ("الليرة", "rouble")),
])
def test_a_changed_currency_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["number_mismatch"]
    assert f"amount in '{shown[0]}' but the English says '{shown[1]}'" in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("ارتفع الدولار الأمريكي أمام اليورو.", "The US dollar rose against the euro."),
    ("سجلت الليرة اللبنانية 89 ألفا مقابل الدولار.", "The Lebanese pound stood at 89,000 to the dollar."),
    ("بلغ سعر الصرف 13 ألف ليرة سورية.", "The exchange rate reached 13,000 Syrian pounds."),
    ("تبلغ تكلفة المشروع أربعة مليارات جنيه إسترليني.", "The project costs £4 billion."),
    ("تبلغ تكلفة المشروع أربعة مليارات جنيه إسترليني.", "The project costs four billion pounds sterling."),
    ("دفع ريال مدريد 100 مليون يورو للتعاقد مع اللاعب.", "Real Madrid paid 100 million euros to sign the player."),
    ("تراجع الين الياباني أمام الدولار.", "The Japanese yen fell against the dollar."),
    ("خسر الشيكل 2% من قيمته.", "The shekel lost 2% of its value."),
    ("دفعت الحكومة 500 مليون درهم.", "The government paid AED 500 million."),
    ("بلغ سعر الكيلوغرام 50 جنيها.", "A kilogram costs 50 pounds."),  # pounds of money, not of weight
    ("تراجعت أسعار الذهب 40 جنيها للجرام.", "Gold prices fell 40 pounds per gram."),
    ("قال إن الشركة ستحاول جمع 5 مليارات دولار.", "He said the company would try to raise $5 billion."),  # not TRY
])
def test_a_currency_kept_is_not_flagged(source, english):
    assert codes(source, english) == []


def test_a_converted_amount_keeps_its_currency():
    source = "بلغت قيمة الصفقة 50 مليون يورو."
    assert changed_names(source, "The deal was worth 50 million euros (about $54 million).") == []
    assert changed_names(source, "The deal was worth about $54 million (50 million euros).") == []


@pytest.mark.parametrize("source, english, shown", [
    ("يبلغ طول الطريق الجديد 120 كلم ويربط العاصمة بمدينة الزرقاء.",
     "The new road is 120 miles long and links the capital to the city of Zarqa.", "distance in 'كلم'"),
    ("ضبطت الشرطة 40 كيلوغراما من المخدرات.", "Police seized 40 pounds of drugs.", "weight in 'كيلوغراما'"),
    ("أرسلت المنظمة 20 طنا من الأدوية.", "The organisation sent 20 kilograms of medicine.", "weight in 'طنا'"),
    ("سجلت درجات الحرارة 47 درجة مئوية في الكويت.", "Temperatures reached 47 degrees Fahrenheit in Kuwait.",
     "temperature in 'درجة مئوية'"),
    ("ينتج الحقل 300 ألف برميل يوميا.", "The field produces 300,000 litres a day.", "volume in 'برميل'"),
])
def test_a_changed_unit_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["number_mismatch"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("أرسلت المنظمة 20 طنا من الأدوية.", "The organisation sent 20 tonnes of medicine."),
    ("وصل سعر برنت إلى 84 دولارا للبرميل.", "Brent reached $84 a barrel."),
    ("يقع المستشفى على بعد كيلومترين من المدينة.", "The hospital is two kilometres from the city."),
    ("سجلت درجات الحرارة 47 درجة مئوية في الكويت.", "Temperatures reached 47°C in Kuwait."),
    ("قالت الوزارة إن 30 كيلومترا من الطريق دمرت. كم عدد القتلى؟", "The ministry said 30 km of the road "
     "was destroyed. How many were killed?"),  # 'كم' after no number: 'how many'
    ("فرّ السكان سيرا على الأقدام مسافة 5 كيلومترات.", "Residents fled on foot for 5 km."),
    ("وأضافت أن الفائدة الحقيقية موجبة بأكثر من 11 نقطة مئوية.",
     "She added that real interest was positive by more than 11 percentage points."),
    ("وتعتزم الحكومة زراعة 10 آلاف فدان.", "The government plans to plant 10,000 acres."),
])
def test_a_unit_kept_is_not_flagged(source, english):
    assert codes(source, english) == []


@pytest.mark.parametrize("source, english", [
    ("يبلغ طول الطريق 10 كلم.", "The road is 10 km (6 miles) long."),
    ("يبلغ طول الطريق 10 كلم.", "The road is 6 miles (10 km) long."),
    ("تبلغ مساحة المحمية 2000 كيلومتر مربع.", "The reserve covers 2,000 square kilometres (772 square miles)."),
    ("وتوقعت الهيئة ارتفاع الأمواج إلى 4 أمتار.", "The authority expected waves of up to 4 metres (13 feet)."),
])
def test_a_conversion_beside_the_unit_is_no_change(source, english):
    assert changed_names(source, english) == []  # (the converted number itself is flagged as invented)


@pytest.mark.parametrize("source, english, shown", [
    ("استقبل الرئيس الفرنسي إيمانويل ماكرون نظيره اللبناني في قصر الإليزيه.",
     "French President Emmanuel Macron received his Syrian counterpart at the Elysee Palace.",
     "the source names Lebanon and the English does not, naming Syria instead ('Syrian')"),
    ("وجرى توقيع الاتفاق في العاصمة القطرية الدوحة.", "The agreement was signed in the Egyptian capital, Cairo.",
     "the source names Qatar and the English does not, naming Egypt instead ('Egyptian')"),
    ("أعلن العراق إغلاق حدوده مع سوريا.", "Iran announced the closure of its border with Syria.",
     "the source names Iraq and the English does not, naming Iran instead ('Iran')"),
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة في دمشق.", "Five people were killed in a car bomb blast in Baghdad.",
     "naming Iraq instead ('Baghdad')"),
])
def test_a_swapped_country_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["name_mismatch"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("استقبل الرئيس الفرنسي إيمانويل ماكرون نظيره اللبناني في قصر الإليزيه.",
     "French President Emmanuel Macron received his Lebanese counterpart at the Elysee Palace."),
    ("وجرى توقيع الاتفاق في العاصمة القطرية الدوحة.", "The agreement was signed in the Qatari capital, Doha."),
    # a nationality for a country, a capital for its nationality
    ("وصل الوفد المصري إلى الدوحة.", "The Egyptian delegation arrived in Qatar."),
    ("وصل الوفد المصري إلى الدوحة.", "Egypt's delegation arrived in Doha."),
    # the English names a country the Arabic names otherwise
    ("استقبل الرئيس المصري نظيره الأميركي في القاهرة.", "The Egyptian president received his US counterpart in Cairo."),
    ("اقتحمت قوات الاحتلال مخيم جنين.", "Israeli forces stormed the Jenin camp."),
    ("قصف الاحتلال مدينة غزة.", "Israel shelled Gaza City."),
    # a company that writes its country into its name (held-out review, 2026-12-03)
    ("أطلقت قطر للطاقة مشروعا جديدا لتوسعة حقل الشمال.", "QatarEnergy launched a new project to expand the North Field."),
    ("ألغت مصر للطيران رحلاتها إلى بيروت.", "EgyptAir cancelled its flights to Beirut."),
    # an institution known by its French name (third review, 2026-12-03)
    ("فرض مصرف لبنان سقفا للسحوبات النقدية.", "The Banque du Liban capped cash withdrawals."),
    ("رفع بنك المغرب سعر الفائدة الرئيسي.", "Bank Al-Maghrib raised its key rate."),
    ("قال وزير الخارجية الأردني في عمان إن بلاده ترفض التهجير.",
     "Jordan's foreign minister said in Amman that his country rejects displacement."),
    ("وزار الوزير السعودي عمان الأسبوع الماضي.", "The Saudi minister visited Oman last week."),
    ("استقبل بوتين الزعيم الكوري الشمالي كيم جونغ أون في روسيا.",
     "Putin received North Korean leader Kim Jong Un in Russia."),
    ("أعلنت المملكة عن حزمة دعم جديدة.", "Saudi Arabia announced a new support package."),
    ("وقال البيت الأبيض إن واشنطن تدعم المحادثات.", "The White House said the United States supports the talks."),
    ("وأعلنت تركيا أن الرئيس أردوغان سيزور بغداد.", "Türkiye announced that President Erdogan would visit Iraq."),
    # a nisba that is a family name, a region named after a country
    ("قال محمد المصري، المتحدث باسم الحكومة الفلسطينية، إن الوضع خطير.",
     "Mohammed al-Masri, the Palestinian government spokesman, said the situation was serious."),
    ("وتقع المدينة في أمريكا اللاتينية.", "The city is in Latin America."),
])
def test_a_country_named_otherwise_is_not_flagged(source, english):
    assert codes(source, english) == []


# Countries outside brief.arabic's table count in a swap (held-out review, 2026-12-03: 'فرنسا' rendered
# 'Spain' was only name_missing, a Kenyan counterpart rendered 'Nigerian' nothing).
@pytest.mark.parametrize("source, english, shown", [
    ("استدعت الجزائر سفيرها لدى فرنسا للتشاور.", "Algeria recalled its ambassador to Spain for consultations.",
     "the source names France and the English does not, naming Spain instead ('Spain')"),
    ("وقعت إيطاليا وإسبانيا اتفاقية للتعاون في مجال الهجرة.", "Italy and Greece signed a migration cooperation agreement.",
     "the source names Spain and the English does not, naming Greece instead ('Greece')"),
    ("استقبل الرئيس الكيني نظيره الصومالي في نيروبي.", "The Nigerian president received his Somali counterpart in Abuja.",
     "the source names Kenya"),
])
def test_a_country_outside_the_arabic_table_swapped_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["name_mismatch"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("فاز ريال مدريد على برشلونة في الدوري الإسباني.", "Real Madrid beat Barcelona in La Liga."),
    ("أعلن المهاجم البرازيلي انتقاله إلى الهلال السعودي.", "The Brazilian striker announced his move to Saudi club Al Hilal."),
    ("التقى الوزير الإماراتي السويدي نظيره الهندي.", "Emirati minister Al Suwaidi met his Indian counterpart."),
    ("قالت وزارة المالية إن الوضع المالي مستقر في مالي.", "The finance ministry said the financial situation in Mali was stable."),
])
def test_a_country_outside_the_arabic_table_kept_is_not_flagged(source, english):
    assert codes(source, english) == []


@pytest.mark.parametrize("source, english, shown", [
    ("وفرضت الولايات المتحدة عقوبات جديدة على إيران.", "New sanctions were imposed on Iran.",
     "the source names United States ('الولايات المتحدة') and the English does not"),
    ("ووصل الوزير إلى طهران لبحث الملف النووي.", "The minister arrived to discuss the nuclear file.",
     "the source names Iran ('طهران')"),
    ("وقدمت الحكومة مساعدات لأوكرانيا.", "The government provided aid.", "the source names Ukraine ('لأوكرانيا')"),
])
def test_a_country_the_english_leaves_out_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["name_missing"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english, code", [
    # swapped, not missing: one flag, the swap's
    ("أعلن العراق إغلاق حدوده مع سوريا.", "Iran announced the closure of its border with Syria.", "name_mismatch"),
    # left in Arabic: the untranslated flag says it
    ("وصل الوفد إلى طهران أمس.", "The delegation arrived in طهران yesterday.", "untranslated"),
])
def test_a_country_swapped_or_left_in_arabic_is_not_also_missing(source, english, code):
    assert codes(source, english) == [code]


@pytest.mark.parametrize("source, english, shown", [
    ("رفضت حركة حماس المقترح الإسرائيلي الأخير.", "Hezbollah rejected the latest Israeli proposal.",
     "the source names Hamas ('حماس') and the English does not, naming Hezbollah instead ('Hezbollah')"),
    ("أكد الأمين العام للأمم المتحدة أنطونيو غوتيريش ضرورة وقف إطلاق النار فوراً.",
     "NATO Secretary-General Jens Stoltenberg stressed the need for an immediate ceasefire.",
     "the source names the UN ('للأمم المتحدة') and the English does not, naming NATO instead ('NATO')"),
    ("أعلن الاتحاد الأوروبي عن مساعدات جديدة.", "The African Union announced new aid.", "naming the African Union"),
    # UN agencies confused with one another (third review, 2026-12-03)
    ("قالت منظمة الأغذية والزراعة إن أسعار الغذاء ارتفعت.", "The World Health Organization said food prices rose.",
     "naming the WHO"),
])
def test_a_swapped_organisation_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["name_mismatch"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    ("رفضت حركة حماس المقترح الإسرائيلي الأخير.", "Hamas rejected the latest Israeli proposal."),
    ("أدان مجلس الأمن الدولي الهجوم.", "The UN Security Council condemned the attack."),
    ("حذرت وكالة الأونروا من نفاد الوقود.", "The UN agency UNRWA warned that fuel was running out."),
    ("عقد حلف شمال الأطلسي قمة في واشنطن.", "NATO held a summit in Washington."),
    ("أعلن الاتحاد الأوروبي عن مساعدات جديدة لسوريا.", "The EU announced new aid for Syria."),
    ("رحبت الأمم المتحدة بالاتفاق بين إسرائيل وحماس.",
     "The United Nations welcomed the agreement between Israel and Hamas."),
    # words that name an organisation only in one sense: opened, the base, enthusiasm
    ("فتح المدعي العام تحقيقا في الحادث.", "The prosecutor opened an investigation into the incident."),
    ("قصفت الطائرات القاعدة العسكرية الأمريكية.", "The planes bombed the US military base."),
    ("هتف أنصار حزب الله بحماس في بيروت.", "Hezbollah supporters cheered enthusiastically in Beirut."),
])
def test_an_organisation_named_otherwise_is_not_flagged(source, english):
    assert codes(source, english) == []


# An organisation dropped is a name lost as a country is (held-out review, 2026-12-03: 'مجلس الأمن الدولي'
# rendered 'the resolution', with no council).
@pytest.mark.parametrize("source, english, shown", [
    ("رحبت حركة حماس بقرار مجلس الأمن الدولي بشأن غزة.", "Hamas welcomed the resolution on Gaza.",
     "the source names the UN Security Council ('مجلس الأمن الدولي') and the English does not"),
    ("فرضت الأمم المتحدة عقوبات جديدة على قادة الميليشيات.", "New sanctions were imposed on militia leaders.",
     "the source names the UN ('الأمم المتحدة')"),
    ("قال صندوق النقد الدولي إن الاقتصاد سينمو بنسبة 3 في المئة.", "The economy will grow by 3 percent, it said.",
     "the source names the IMF"),
])
def test_an_organisation_the_english_leaves_out_is_flagged(source, english, shown):
    flags = qa.check_pair(source, english)
    assert [f.code for f in flags] == ["name_missing"] and shown in flags[0].reason


@pytest.mark.parametrize("source, english", [
    # a council the Arabic leaves without 'الدولي' may be a national one; the English may say 'UN'
    ("أدان مجلس الأمن الهجوم.", "The UN condemned the attack."),
    ("اجتمع مجلس الأمن القومي التركي.", "Turkey's National Security Council met."),
    ("رحب مجلس الأمن الدولي بالاتفاق.", "The UNSC welcomed the agreement."),
    ("قالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين إن الآلاف فروا.", "The UNHCR said thousands had fled."),
    ("قال صندوق الأمم المتحدة للسكان إن آلاف النساء بحاجة إلى رعاية.", "UNFPA said thousands of women needed care."),
    ("قال الاتحاد الأوروبي إنه سيفرض عقوبات جديدة.", "Brussels said it would impose new sanctions."),
    ("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم.", "IS claimed responsibility for the attack."),
    ("علق الاتحاد الأفريقي عضوية النيجر.", "The AU suspended Niger's membership."),
    ("أعلنت حركة الجهاد الإسلامي مقتل أحد قادتها.", "PIJ said one of its commanders had been killed."),
    # bodies whose Arabic name holds another's: UEFA, CAF, the Arab Monetary Fund
    ("فرض الاتحاد الأوروبي لكرة القدم غرامة كبيرة على النادي الإيطالي.", "UEFA imposed a heavy fine on the Italian club."),
    ("أعلن الاتحاد الأفريقي لكرة القدم موعد البطولة.", "CAF announced the date of the tournament."),
    ("قدم صندوق النقد العربي قرضا للمغرب.", "The Arab Monetary Fund gave Morocco a loan."),
    # a UN agency by its acronym or as 'the UN ... agency'
    ("حذرت منظمة الصحة العالمية من تفشي الكوليرا.", "The WHO warned of a cholera outbreak."),
    ("حذرت منظمة الصحة العالمية من تفشي الكوليرا.", "The UN health agency warned of a cholera outbreak."),
    ("قالت منظمة الأغذية والزراعة إن الأسعار ارتفعت.", "The UN's Food and Agriculture Organization said prices rose."),
    ("ذكر برنامج الأغذية العالمي أن الملايين يواجهون الجوع.", "The UN food agency said millions face hunger."),
])
def test_an_organisation_kept_in_another_form_is_not_missing(source, english):
    assert "name_missing" not in codes(source, english)


def test_every_country_the_english_table_knows_is_one_the_arabic_counts():
    from brief.arabic import country_mentions

    for country in qa._ENGLISH_COUNTRIES:
        assert country_mentions(country) == {country: 1}, country


def test_settings_as_dict():
    values = qa.QASettings().as_dict()
    assert values["min_length_ratio"] < 1 < values["max_length_ratio"]
    assert values["low_confidence_score"] < 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.none() | st.floats(max_value=0, allow_nan=False),
       st.integers(min_value=1, max_value=4))
def test_check_pair_never_raises_and_gives_one_flag_per_known_code(source, english, score, parts):
    flags = qa.check_pair(source, english, score=score, parts=parts)
    found = [f.code for f in flags]
    assert len(found) == len(set(found))
    assert set(found) <= set(qa.FLAG_CODES)
    assert all(isinstance(f, Flag) and f.reason for f in flags)


def test_check_sentences_fills_flags_of_translated_sentences_only():
    sentences = [
        Sentence("وصل بوتين إلى بيونغ يانغ في عام 2024.", 1, english="Putin arrived in Pyongyang in 2023."),
        Sentence("وصل بوتين إلى هانوي.", 2, english="Putin arrived in Hanoi.", score=-0.2),
        Sentence("وصل بوتين إلى هانوي.", 3, english=None, flags=[Flag("old", "kept")]),
        Sentence("وصل بوتين إلى هانوي.", 4, english="Putin arrived in Hanoi.", parts=2),
    ]
    assert qa.check_sentences(sentences) == 2
    assert [f.code for f in sentences[0].flags] == ["number_mismatch"]
    assert sentences[1].flags == []
    assert sentences[2].flags == [Flag("old", "kept")]
    assert [f.code for f in sentences[3].flags] == ["truncated"]


def test_a_pair_repeated_across_articles_is_checked_once(monkeypatch):
    calls = []
    real = qa.check_pair
    monkeypatch.setattr(qa, "check_pair", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    checked: dict = {}
    for _ in range(3):  # three articles that carry the same sentence, translated the same
        copy = [Sentence("وصل بوتين إلى بيونغ يانغ في عام 2024.", 1, english="Putin arrived in Pyongyang in 2023.")]
        assert qa.check_sentences(copy, checked=checked) == 1
        assert [f.code for f in copy[0].flags] == ["number_mismatch"]
    assert len(calls) == 1


# --- `brief qa PAIRS.tsv` ------------------------------------------------------------------------

def test_read_pairs_and_records(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("# reviewer's file\n\nوصل في عام 2024.\tHe arrived in 2023.\r\n"
                    "وصل بوتين.\tPutin arrived.\n", encoding="utf-8")
    read = qa.read_pairs(str(path))
    assert read.pairs == [(3, "وصل في عام 2024.", "He arrived in 2023."), (4, "وصل بوتين.", "Putin arrived.")]
    assert read.malformed == [] and read.file == str(path)
    records = qa.qa_records(read.pairs)
    assert records[0]["line"] == 3 and [f["code"] for f in records[0]["flags"]] == ["number_mismatch"]
    assert records[1] == {"line": 4, "flags": []}
    json.dumps(records)


def test_a_malformed_line_is_set_aside_with_its_reason_and_the_others_checked(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("وصل بوتين.\n"
                    "وصل\tPutin\n\na\tb\tc\n"
                    "\tPutin arrived.\n"
                    "وصل في عام 2024.\tHe arrived in 2023.\n"
                    "hello\tworld\n", encoding="utf-8")
    read = qa.read_pairs(str(path))
    assert read.malformed == [(1, "expected arabic<TAB>english, found no tab"),
                              (4, "expected arabic<TAB>english, found 3 fields"), (5, "the Arabic field is empty"),
                              (7, "the first field has no Arabic letters (expected arabic<TAB>english)")]
    assert [number for number, _, _ in read.pairs] == [2, 6]
    records = qa.qa_records(read.pairs, malformed=read.malformed)
    assert [(r["line"], [f["code"] for f in r["flags"]]) for r in records] == [
        (1, ["malformed"]), (2, []), (4, ["malformed"]),
        (5, ["malformed"]), (6, ["number_mismatch"]), (7, ["malformed"])]


@pytest.mark.parametrize("content, message", [
    ("وصل بوتين.\n", "pairs.tsv: no arabic<TAB>english lines (line 1: expected arabic<TAB>english, found no tab)"),
    ("\tPutin arrived.\n", "pairs.tsv: no arabic<TAB>english lines (line 1: the Arabic field is empty)"),
    ("# only a comment\n", "pairs.tsv: no arabic<TAB>english lines"),
])
def test_a_pairs_file_with_nothing_to_check_names_file_and_first_bad_line(tmp_path, content, message):
    path = tmp_path / "pairs.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        qa.read_pairs(str(path))
    assert str(error.value) == str(tmp_path / message)
    assert "\n" not in str(error.value)


def test_unreadable_pairs_files(tmp_path):
    with pytest.raises(BriefError, match="file not found"):
        qa.read_pairs(str(tmp_path / "missing.tsv"))
    (tmp_path / "latin1.tsv").write_bytes("caf\xe9\tcafe\n".encode("latin-1"))
    with pytest.raises(BriefError, match="not UTF-8"):
        qa.read_pairs(str(tmp_path / "latin1.tsv"))
    # One broken byte would change a character the checks compare: refused, not replaced.
    (tmp_path / "broken.tsv").write_bytes("وصل بوتين.\tPutin arrived.\n".encode() + b"\xd8\tx\n")
    with pytest.raises(BriefError, match="not UTF-8"):
        qa.read_pairs(str(tmp_path / "broken.tsv"))
    with pytest.raises(BriefError, match="directory"):
        qa.read_pairs(str(tmp_path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1256"])
def test_pairs_exported_by_a_spreadsheet_are_read_in_their_encoding(tmp_path, encoding):
    path = tmp_path / "pairs.tsv"
    path.write_bytes("وصل بوتين إلى بيونغ يانغ.\tPutin arrived in Pyongyang for talks with Kim.\r\n".encode(encoding))
    assert qa.read_pairs(str(path)).pairs == [(1, "وصل بوتين إلى بيونغ يانغ.",
                                               "Putin arrived in Pyongyang for talks with Kim.")]


def test_read_pairs_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("وصل بوتين.\tPutin arrived.\n".encode())))
    assert qa.read_pairs("-") == qa.Pairs("<stdin>", [(1, "وصل بوتين.", "Putin arrived.")], [])


def test_cli_qa_json(tmp_path):
    from typer.testing import CliRunner

    from brief.cli import app

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("وصل بوتين إلى بيونغ يانغ في عام 2024.\tPutin arrived in Pyong Yang in 2024.\n"
                     "وصل بوتين.\tPutin arrived.\n", encoding="utf-8")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("بيونغ يانغ\tPyongyang\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["qa", str(pairs), "--glossary", str(glossary), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["line"] for r in records] == [1, 2]
    assert [f["code"] for f in records[0]["flags"]] == ["glossary"]
    assert records[1]["flags"] == []


def test_cli_qa_names_each_malformed_line_checks_the_rest_and_exits_3(tmp_path):
    from typer.testing import CliRunner

    from brief.cli import app

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("وصل بوتين.\tPutin arrived.\textra\nوصل في عام 2024.\tHe arrived in 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["qa", str(pairs)])
    assert result.exit_code == 3
    assert result.stderr == f"brief: warning: skipped {pairs}:1: expected arabic<TAB>english, found 3 fields\n"
    assert result.stdout.splitlines() == [
        "line 1: malformed (expected arabic<TAB>english, found 3 fields)",
        "line 2: number_mismatch (" + result.stdout.split("number_mismatch (", 1)[1].splitlines()[0]]


@pytest.mark.parametrize("arabic, english, flagged", [
    ("قال الزعيم الكوري الشمالي إن بلاده مستعدة.", "The South Korean leader said his country was ready.", True),
    ("قال الزعيم الكوري الشمالي إن بلاده مستعدة.", "The North Korean leader said his country was ready.", False),
    ("تراجعت الليرة اللبنانية إلى 90 ألفا مقابل الدولار.", "The Syrian pound fell to 90,000 against the dollar.", True),
    ("تراجعت الليرة اللبنانية إلى 90 ألفا مقابل الدولار.", "The Lebanese pound fell to 90,000 against the dollar.", False),
    ("ارتفع سعر الشيكل أمام الدولار.", "The Israeli shekel rose against the dollar.", False),
    ("تصاعد التوتر بين كوريا الشمالية والجنوبية بعد إطلاق صاروخ.",
     "Tensions rose between North and South Korea after a missile launch.", False),
])
def test_a_korea_named_by_its_nationality_and_a_currency_of_a_named_country_are_held_to_it(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("name_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    ("قطع العداء 10 كلم في ساعة.", "The runner covered 10 km (6 miles) in an hour.", False),
    ("بلغت الحرارة 45 درجة مئوية.", "The temperature reached 45 °C (113 °F).", False),
    ("زرعت 500 فدان بالقمح.", "500 feddans (about 210 hectares) were planted with wheat.", False),
    ("بلغت الصفقة 2 مليار ريال.", "The deal was worth 2 billion riyals ($533 million).", False),
    # Brackets that convert nothing still hold numbers the English must not invent.
    ("قتل 25 شخصا.", "25 people were killed (30 injured).", True),
    ("قتل 25 شخصا في الهجوم.", "25 people were killed in the attack (2024).", True),
    ("ارتفع المؤشر بنسبة 5%.", "The index rose 5% (about $3 billion).", True),
    ("أنتجت المصانع 3 ملايين طن.", "Factories produced 3 million tonnes (5 million tonnes).", True),
    ("أصيب 12 شخصا.", "12 people were injured (about 40 kg).", True),
    # The figure before the bracket must be the source's, in the source's unit; the bracket covers no other.
    ("وقعت الشركة عقدا بقيمة 2 مليار دولار.", "The company signed a contract worth 2 billion riyals ($533 million).",
     True),
    ("قدرت الخسائر بنحو 5 ملايين دولار.", "Losses were estimated at about 5 million euros ($5.4 million).", True),
    ("تبعد القرية 10 كيلومترات عن الحدود.", "The village is 10 miles (16 km) from the border.", True),
    ("بلغت درجة الحرارة 45 درجة مئوية.", "The temperature reached 45 °F (7 °C).", True),
    ("تبعد القرية 100 كيلومتر عن الحدود.", "The village is 10 miles (100 km) from the border.", True),
    ("بلغت درجة الحرارة 45 درجة مئوية.", "The temperature reached 4 °C (45 °F).", True),
])
def test_a_figure_given_again_in_other_units_is_no_invented_number(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


# Fourth held-out review (2026-12-03): false alarms and misses of 149 pairs written outside the project.
@pytest.mark.parametrize("arabic, english, flagged", [
    ("وأعلنت الشركة عن أرباح قياسية للسنة المالية 2023-2024.", "The company announced record profits for the 2023-24 "
     "financial year.", False),
    ("وتتوقع الوزارة عجزا في موازنة السنة المالية 2024/2025.", "The ministry projects a deficit in the 2024/25 budget.",
     False),
    ("وتراجع الإنتاج بين عامي 1990 و1995.", "Output fell over 1990-95.", False),
    # The shortened year is still compared: a year changed, or a span that runs backwards, is flagged.
    ("وتتوقع الوزارة عجزا في موازنة السنة المالية 2024/2025.", "The ministry projects a deficit in the 2024/26 budget.",
     True),
    ("وتتوقع الوزارة عجزا في موازنة السنة المالية 2024/2025.", "The ministry projects a deficit in the 2023/24 budget.",
     True),
    ("وتتوقع الوزارة عجزا في موازنة السنة المالية 2024.", "The ministry projects a deficit in the 2024-15 budget.", True),
])
def test_a_span_of_years_with_the_second_shortened_states_the_full_year(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    ("وتعادل الوداد مع الرجاء سلبيا في ديربي الدار البيضاء.", "Wydad and Raja drew 0-0 in the Casablanca derby.", False),
    ("وانتهت المباراة بين الفريقين بالتعادل السلبي في الجولة الأخيرة.", "The two sides drew 0-0 in the last round.", False),
    ("وانتهى الشوط الأول بدون أهداف بين الفريقين.", "The first half ended 0-0 between the two sides.", False),
    # No draw, no 0: 'سلبيا' alone is 'negatively', 'التعادل' alone a draw with goals.
    ("وكان أثر القرار سلبيا على الأسواق المحلية.", "The decision had 0 effect on local markets.", True),
    ("وانتهت المباراة بين الفريقين بالتعادل.", "The match between the two sides ended 0-0.", True),
])
def test_a_goalless_draw_in_words_states_its_zero(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    ("ووقعت الهيئة عقودا بقيمة 1.5 مليار ريال لتطوير الملاعب.", "The authority signed contracts worth SR1.5 billion "
     "($400 million) to upgrade stadiums.", False),
    ("وتتوقع الوزارة عجزا بقيمة 5.6 مليار دينار.", "The ministry projects a KD5.6 billion deficit.", False),
    ("وبلغت الغرامة 50 ألف جنيه.", "The fine was LE50,000.", False),
    ("وبلغت الصفقة 3 مليارات درهم.", "The deal was worth Dh3 billion.", False),
    # A prefix of another currency is a change, as the currency's name would be.
    ("وخصصت الحكومة 300 مليون دينار لدعم الخبز.", "The government allocated QR300 million to subsidise bread.", True),
    ("وبلغت الغرامة 50 ألف جنيه.", "The fine was Dh50,000.", True),
    ("ووقعت الهيئة عقودا بقيمة 1.5 مليار ريال.", "The authority signed contracts worth $1.5 billion.", True),
    # Only before a figure: 'SR' alone or in a word is no currency.
    ("وقال مسؤول في الشركة إن الصفقة بلغت 5 ملايين دولار.", "An SR official said the deal was worth $5 million.", False),
])
def test_currency_prefixes_run_into_the_figure_name_their_currency(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    ("وقال الوزير إن الغاز الجزائري أصبح لا غنى عنه بالنسبة لإيطاليا.",
     "The minister said Algerian gas had become indispensable for Italy.", False),
    ("وأكد المحلل أن خفض قيمة الدينار الليبي بات أمرا لا مفر منه.",
     "The analyst said a devaluation of the Libyan dinar had become inevitable.", False),
    ("وقال إن المواجهة قادمة لا محالة.", "He said a confrontation was certainly coming.", False),
    ("وقال إنه لا مناص من إجراء إصلاحات.", "He said reforms were unavoidable.", False),
    # The idiom must still be rendered, and it answers for itself only.
    ("وأكد المحلل أن خفض قيمة الدينار الليبي بات أمرا لا مفر منه.",
     "The analyst said a devaluation of the Libyan dinar had become likely.", True),
    ("وقال الوزير إن الغاز أصبح لا غنى عنه ولن تتخلى عنه إيطاليا.",
     "The minister said gas had become essential and Italy would keep it.", True),
])
def test_a_negated_idiom_of_necessity_rendered_in_one_word_is_not_flagged(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("negation" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, expected", [
    # Airlines and UN missions carry their country in their English names.
    ("وقالت الخطوط السعودية إنها ستضيف 12 وجهة جديدة إلى شبكتها.", "Saudia said it would add 12 new destinations to "
     "its network.", []),
    ("وسيّرت فلاي دبي رحلاتها الأولى إلى مدينة كراكوف البولندية.", "flydubai launched its first flights to the Polish "
     "city of Krakow.", []),
    ("ودعت بعثة الأمم المتحدة للدعم في ليبيا الأطراف إلى الاتفاق على قوانين انتخابية.", "UNSMIL urged the parties to "
     "agree on electoral laws.", []),
    # The Maghreb, the sunset prayer and Paris Saint-Germain name no country.
    ("وتجمع المئات في ساحة المسجد بعد صلاة المغرب للاحتفال بليلة القدر.", "Hundreds gathered in the mosque square "
     "after the sunset prayer to mark Laylat al-Qadr.", []),
    ("وعقد وزراء خارجية دول المغرب العربي اجتماعا في الرباط.", "Foreign ministers of the Maghreb states met in Rabat.", []),
    ("وانتقل اللاعب المغربي أشرف حكيمي إلى باريس سان جيرمان مقابل 60 مليون يورو.", "Moroccan player Achraf Hakimi "
     "joined PSG for 60 million euros.", []),
    ("وانتقل أشرف حكيمي إلى باريس سان جيرمان.", "Achraf Hakimi joined Paris Saint-Germain.", []),
    # 'عمّان' with its shadda is Amman: Jordan must be named, and Oman is no rendering of it.
    ("واستقبل الملك عبد الله الثاني في عمّان رئيس الوزراء العراقي.", "King Abdullah II received the Iraqi prime "
     "minister.", ["name_missing"]),
    ("واستقبل الملك عبد الله الثاني في عمّان رئيس الوزراء العراقي.", "King Abdullah II received the Iraqi prime "
     "minister in Amman.", []),
    ("واستقبل الملك عبد الله الثاني في عمّان رئيس الوزراء العراقي.", "King Abdullah II received the Iraqi prime "
     "minister in Muscat.", ["name_mismatch"]),
    # Without the shadda 'عمان' may be either, as before.
    ("واستقبل السلطان في عمان رئيس الوزراء العراقي.", "The sultan received the Iraqi prime minister in Muscat.", []),
    ("واستقبل السلطان في عمان رئيس الوزراء العراقي.", "The sultan received the Iraqi prime minister.", []),
    # Morocco named outright still counts.
    ("وعقد وزراء خارجية المغرب وتونس اجتماعا.", "The foreign ministers of Tunisia met.", ["name_missing"]),
])
def test_countries_in_airlines_missions_clubs_and_amman(arabic, english, expected):
    codes = [f.code for f in qa.check_pair(arabic, english) if f.code.startswith("name_")]
    assert codes == expected


@pytest.mark.parametrize("arabic, english, expected", [
    # UNICEF, UNESCO and the IAEA are UN agencies of their own: one rendered as another is a swap.
    ("ونظمت منظمة الصحة العالمية بالتعاون مع وزارة الصحة الليبية حملة لمكافحة السل.", "UNICEF, together with the "
     "Libyan health ministry, organised a campaign against tuberculosis.", ["name_mismatch"]),
    ("وقالت اليونيسف إن مليون طفل بحاجة إلى مساعدة.", "The WHO said a million children need help.", ["name_mismatch"]),
    ("وقالت منظمة الصحة العالمية واليونيسف إن حملة التطعيم وصلت إلى 560 ألف طفل.", "The WHO and UNICEF said the "
     "vaccination campaign had reached 560,000 children.", []),
    ("وقالت اليونيسف إن مليون طفل بحاجة إلى مساعدة.", "The UN children's agency said a million children need help.", []),
    ("وأدرجت اليونسكو المدينة القديمة في قائمة التراث العالمي.", "UNESCO added the old city to its World Heritage "
     "List.", []),
    ("وقال مدير الوكالة الدولية للطاقة الذرية إن المفتشين وصلوا.", "The head of the UN nuclear watchdog said "
     "inspectors had arrived.", []),
    ("وقال مدير الوكالة الدولية للطاقة الذرية إن المفتشين وصلوا.", "The head of the WHO said inspectors had arrived.",
     ["name_mismatch"]),
    # Countries outside brief.arabic's table count in swaps.
    ("وتسعى ليبيا إلى استيراد القمح من روسيا وأوكرانيا.", "Libya is seeking to import wheat from Russia and Romania.",
     ["name_mismatch"]),
    ("وسجل البرتغالي كريستيانو رونالدو هدفه.", "Spain's Cristiano Ronaldo scored his goal.", ["name_mismatch"]),
    ("وسجل البرتغالي كريستيانو رونالدو هدفه.", "Portugal's Cristiano Ronaldo scored his goal.", []),
    ("وتستورد مصر الغاز من تنزانيا.", "Egypt imports gas from Tanzania.", []),
    # 'الروماني' is also Roman: no Romania.
    ("وزار الوفد المسرح الروماني في عمّان.", "The delegation visited the Roman theatre in Amman.", []),
])
def test_un_agencies_of_their_own_and_more_countries_in_swaps(arabic, english, expected):
    codes = [f.code for f in qa.check_pair(arabic, english) if f.code.startswith("name_")]
    assert codes == expected


def test_a_goalless_draw_rendered_0_0_does_not_make_the_english_too_short():
    assert "length_ratio" not in codes("وانتهت المباراة بالتعادل السلبي.", "The match ended 0-0.")
    long_source = "وانتهت المباراة بالتعادل السلبي بين الفريقين في الجولة الأخيرة من الدوري."
    assert "length_ratio" in codes(long_source, "The match ended 0-0.")


# Fifth held-out review (2026-12-03): false alarms and misses of 158 pairs written outside the project.
@pytest.mark.parametrize("arabic, english, flagged", [
    # The Maghreb press writes thousands with a dot and decimals with a comma.
    ("وتراجعت بورصة الدار البيضاء بنسبة 1,25 في المائة، ليستقر مؤشرها عند 13.450 نقطة.",
     "The Casablanca Stock Exchange fell 1.25%, with its index settling at 13,450 points.", False),
    ("واستقر المؤشر عند 13.450 نقطة.", "The index settled at 13.45 points.", False),
    # Either reading, not a third: a shifted decimal or a lost digit is still a change.
    ("واستقر المؤشر عند 13.450 نقطة.", "The index settled at 1,345 points.", True),
    ("وتراجعت البورصة بنسبة 1,25 في المائة.", "The exchange fell 12.5%.", True),
    ("وخصصت الوزارة 1.500 مليون درهم.", "The ministry allocated 1.5 billion dirhams.", True),
    # A range joined by a hyphen after a decimal is no date.
    ("ويتوقع أن ينمو الاقتصاد بنسبة تتراوح بين 3٫5 و4 في المئة.", "The economy is expected to grow by 3.5-4%.", False),
    ("ويتوقع أن ينمو الاقتصاد بنسبة تتراوح بين 3٫5 و4 في المئة.", "The economy is expected to grow by 3.5-5%.", True),
    # A race time keeps its hundredths of a second.
    ("وفاز البقالي بالسباق مسجلاً 8 دقائق و6٫05 ثانية.", "El Bakkali won the race in 8:06.05.", False),
    ("وفاز البقالي بالسباق مسجلاً 8 دقائق و6٫05 ثانية.", "El Bakkali won the race in 8:06.50.", True),
])
def test_maghreb_number_formats_ranges_and_race_times(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    # Stoppage time: '90+3' is the 93rd minute, or the third minute of stoppage time.
    ("وسجل النصيري هدف الفوز في الدقيقة 90+3.", "En-Nesyri scored the winner in the third minute of stoppage time.",
     False),
    ("وسجل النصيري هدف الفوز في الدقيقة 90+3.", "En-Nesyri scored the winner in the 93rd minute.", False),
    ("وسجل النصيري هدف الفوز في الدقيقة 90+3.", "En-Nesyri scored the winner in the 94th minute.", True),
    ("وسجل النصيري هدف الفوز في الدقيقة 90+3.", "En-Nesyri scored the winner in the fifth minute of stoppage time.",
     True),
    ("وسجل النصيري هدف الفوز في الدقيقة 90+3.", "En-Nesyri scored the winner in the 90th minute.", True),
    # Knockout rounds named by a fraction of the final: the round of 16, the last eight, the last four.
    ("وأقصي الوداد من ثمن نهائي كأس العرش.", "Wydad were knocked out in the Throne Cup round of 16.", False),
    ("وتأهل الأهلي إلى ربع النهائي.", "Al Ahly reached the last eight.", False),
    ("وأقصي الوداد من ثمن نهائي كأس العرش.", "Wydad were knocked out in the Throne Cup round of 32.", True),
    ("وتأهل الأهلي إلى الدور الثاني.", "Al Ahly reached the last 16.", True),
])
def test_stoppage_time_and_knockout_rounds_state_their_numbers(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    # A scale in the dual is two of it: a trillion's too, and it must stay two of that scale.
    ("وبلغت قيمة الصادرات غير النفطية تريليوني درهم.", "Non-oil exports reached AED2 trillion.", False),
    ("ورُصد مبلغ مليوني دينار لترميم المدينة القديمة.", "Two million dinars were set aside to restore the old city.",
     False),
    ("ورُصد مبلغ مليوني دينار لترميم المدينة القديمة.", "2m dinars were set aside to restore the old city.", False),
    ("وبلغ عدد الزوار مليونين و500 ألف زائر.", "Visitors numbered 2.5 million.", False),
    ("ورُصد مبلغ مليوني دينار لترميم المدينة القديمة.", "Two billion dinars were set aside to restore the old city.",
     True),
    ("ورُصد مبلغ مليوني دينار لترميم المدينة القديمة.", "Dinars were set aside to restore the old city.", True),
    ("وبلغت قيمة الصادرات غير النفطية تريليوني درهم.", "Non-oil exports reached AED2 billion.", True),
    # With the article it is no amount: 'الملياري' is a billionaire.
    ("وقال الملياري الأمريكي إن شركته ستتوسع.", "The American billionaire said his company would expand.", False),
])
def test_a_scale_in_the_dual_is_two_of_it(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    # A Hijri date beside the Gregorian one may be dropped whole, as English news copy does.
    ("تأسست الشركة في عام 1395 هـ (1975م).", "The company was founded in 1975.", False),
    ("وتوفي الشيخ في 15 شوال 1445 هـ (24 أبريل 2024 م).", "The sheikh died on April 24, 2024.", False),
    ("ويبدأ العام الدراسي في 24 صفر 1447هـ، الموافق 18 أغسطس 2025م.", "The school year starts on August 18, 2025.",
     False),
    # ... not the Gregorian one, nor a Hijri date standing alone; one kept in part is held to all of it.
    ("تأسست الشركة في عام 1395 هـ (1975م).", "The company was founded in 1976.", True),
    ("تأسست الشركة في عام 1395 هـ.", "The company was founded in 1975.", True),
    ("تأسست الشركة في عام 1395 هـ (1975م).", "The company was founded in 1396 AH (1975).", True),
    ("وتوفي الشيخ في 15 شوال 1445 هـ (24 أبريل 2024 م).", "The sheikh died on 15 Shawwal (April 24, 2024).", True),
    ("وتوفي الشيخ في 15 شوال 1445 هـ (24 أبريل 2024 م).", "The sheikh died on 15 Ramadan 1445 AH (April 24, 2024).",
     True),
])
def test_a_hijri_date_beside_the_gregorian_one_may_be_dropped_whole(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    # A time before the hour: 'الثالثة إلا ربعاً' is 2:45, 'إلا عشر دقائق' ten to, 'إلا ثلثاً' twenty to.
    ("ووقع الانفجار في الساعة الثالثة إلا ربعاً من فجر الجمعة.", "The explosion happened at 2:45 am on Friday.", False),
    ("ووقع الانفجار في الساعة الثالثة إلا ربعاً من فجر الجمعة.", "The explosion happened at 02:45 on Friday.", False),
    ("ووصل الوفد في الساعة العاشرة إلا عشر دقائق صباحاً.", "The delegation arrived at 9:50 am.", False),
    ("ووصل الوفد في الواحدة إلا ثلثاً ظهراً.", "The delegation arrived at 12:40 pm.", False),
    # The hour it names is not its hour, and its minutes are the minutes to keep.
    ("ووقع الانفجار في الساعة الثالثة إلا ربعاً من فجر الجمعة.", "The explosion happened at 3:45 am on Friday.", True),
    ("ووقع الانفجار في الساعة الثالثة إلا ربعاً من فجر الجمعة.", "The explosion happened at 2:15 am on Friday.", True),
    ("ووصل الوفد في الساعة العاشرة إلا عشر دقائق صباحاً.", "The delegation arrived at 10:50 am.", True),
])
def test_a_time_before_the_hour_in_words(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english, flagged", [
    # An ordinal in words must stay that ordinal, in words, digits or Roman numerals.
    ("واحتل المنتخب السعودي المركز الثالث في مجموعته.", "The Saudi team finished third in its group.", False),
    ("واحتل المنتخب السعودي المركز الثالث في مجموعته.", "The Saudi team finished 3rd in its group.", False),
    ("وعيّن الملك محمد السادس الجواهري والياً لبنك المغرب.", "King Mohammed VI appointed Jouahri governor of Bank "
     "Al-Maghrib.", False),
    ("فاز الهلال في الجولة الخامسة عشرة من الدوري.", "Al-Hilal won in the 15th round of the league.", False),
    ("ويستضيف المغرب النسخة الخامسة والثلاثين من البطولة.", "Morocco hosts the thirty-fifth edition of the "
     "tournament.", False),
    ("واحتل المنتخب السعودي المركز الثالث في مجموعته.", "The Saudi team finished second in its group.", True),
    ("فاز الهلال في الجولة الخامسة عشرة من الدوري.", "Al-Hilal won in the fifth round of the league.", True),
    # Not the first and second ('الأول' is also 'former', 'مرة ثانية' 'again'), nor a name ('رابعة العدوية').
    ("وعاد الفريق إلى الملعب مرة ثانية.", "The team went back onto the pitch again.", False),
    ("واعتصم أنصاره في ميدان رابعة العدوية.", "His supporters staged a sit-in in Rabaa al-Adawiya square.", False),
])
def test_an_ordinal_in_words_must_be_kept(arabic, english, flagged):
    codes = [f.code for f in qa.check_pair(arabic, english)]
    assert ("number_mismatch" in codes) is flagged, codes


@pytest.mark.parametrize("arabic, english", [
    # A negated word or idiom English says in a word or phrase of its own.
    ("ولم يخسر الرجاء في آخر عشر مباريات.", "Raja are unbeaten in their last 10 games."),
    ("وقال إن دور المغرب في استقرار المنطقة لا يمكن إنكاره.", "He said Morocco's role in the region was undeniable."),
    ("ونفى المتحدث صحة الأنباء عن استقالة الوزير.", "The spokesman said reports of the minister's resignation were "
     "untrue."),
    ("وما لم يتم التوصل إلى اتفاق، فإن الإضراب سيستمر.", "Unless an agreement is reached, the strike will go on."),
    ("ولم تستبعد الحكومة رفع أسعار المحروقات.", "The government left the door open to raising fuel prices."),
    ("ولم تغلق الحكومة الباب أمام رفع الأسعار.", "The government left the door open to raising prices."),
    ("وقال مصدر إن الاتفاق لم يكن ممكناً لولا الوساطة القطرية.", "A source said the deal was only possible thanks to "
     "Qatari mediation."),
    ("وقال المحلل إن هذه الإجراءات لا تسمن ولا تغني من جوع.", "The analyst said these measures would do little good."),
    ("واتهم النائب الحكومة بأنها لم تحرك ساكناً.", "The MP accused the government of sitting on its hands."),
    ("وأضاف أن بلاده لا تمانع في استضافة المحادثات.", "He added that his country was willing to host the talks."),
    # 'بلا', 'بدون', 'دون' (without) rendered by a word of absence; 'دون' as 'below'; drones.
    ("ويعيش آلاف اللاجئين بلا مأوى.", "Thousands of refugees are homeless."),
    ("وأبقى البنك سعر الفائدة دون تغيير عند 2,75 في المائة.", "The bank held its key rate at 2.75%."),
    ("وانتهت الجولة الثالثة من المحادثات دون نتيجة.", "The third round of talks ended inconclusively."),
    ("وتنخفض درجات الحرارة إلى ما دون الصفر.", "Temperatures drop below freezing."),
    ("ويمنع دخول من هم دون السادسة عشرة.", "Children under 16 are barred."),
    ("وأطلقت الطائرات بدون طيار صواريخ.", "The drones fired missiles."),
    ("وغادر دون أن يدلي بأي تصريح.", "He left without making any statement."),
    # 'failed to' for an Arabic word of failure.
    ("وفشل البرلمان في إقرار مشروع القانون.", "Parliament failed to pass the bill."),
])
def test_a_negation_english_says_in_a_word_of_its_own_is_not_flagged(arabic, english):
    assert "negation" not in codes(arabic, english)


@pytest.mark.parametrize("arabic, english", [
    # The idiom's word answers for the idiom only: a second negation dropped beside it is still flagged.
    ("ولم يخسر الرجاء في آخر عشر مباريات، لكنه لم يفز في المباريات الثلاث الأخيرة.",
     "Raja are unbeaten in their last 10 games and have won their last three."),
    ("ولم يخسر الرجاء في آخر عشر مباريات.", "Raja lost their last 10 games."),
    ("ونفى المتحدث صحة الأنباء عن استقالة الوزير.", "The spokesman said reports of the minister's resignation were "
     "true."),
    ("وما لم يتم التوصل إلى اتفاق، فإن الإضراب سيستمر.", "If an agreement is reached, the strike will go on."),
    ("وأضاف أن بلاده لا تمانع في استضافة المحادثات.", "He added that his country objected to hosting the talks."),
    # 'بلا', 'بدون', 'دون' dropped.
    ("وغادر اللاعب المعسكر دون إذن من الجهاز الفني.", "The player left the camp with permission from the staff."),
    ("وبقي الآلاف بلا كهرباء لليوم الثالث على التوالي.", "Thousands had electricity for the third day running."),
    # 'failed to' where the Arabic has no failure: an added negation.
    ("ووافق البرلمان على مشروع قانون الموازنة بأغلبية 85 صوتاً.", "Parliament failed to approve the budget bill, with "
     "85 votes."),
])
def test_a_negation_dropped_beside_those_words_or_added_is_flagged(arabic, english):
    assert "negation" in codes(arabic, english)


@pytest.mark.parametrize("arabic, english, expected", [
    # UNRWA and UNHCR are UN agencies of their own: one rendered as the other is a swap.
    ("وأعلنت الأونروا تعليق توزيع المساعدات في رفح.", "UNHCR announced it had suspended aid distribution in Rafah.",
     ["name_mismatch"]),
    ("وأعلنت الأونروا تعليق توزيع المساعدات في رفح.", "UNRWA announced it had suspended aid distribution in Rafah.", []),
    ("وأعلنت الأونروا تعليق توزيع المساعدات في رفح.", "The UN agency for Palestinian refugees suspended aid "
     "distribution in Rafah.", []),
    ("وقالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين إن الآلاف فروا.", "The UN refugee agency said thousands had "
     "fled.", []),
    ("وقالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين إن الآلاف فروا.", "UNRWA said thousands had fled.",
     ["name_mismatch"]),
    # Maghreb de Fès and Moghreb Tétouan are clubs, not Morocco.
    ("وفاز الوداد على المغرب الفاسي بثلاثة أهداف مقابل هدف.", "Wydad beat Maghreb Fez 3-1.", []),
    ("وتعادل المغرب التطواني مع الجيش الملكي.", "Moghreb Tetouan drew with AS FAR.", []),
    ("وفاز المغرب على البرتغال.", "Portugal were beaten.", ["name_missing"]),
])
def test_unrwa_and_unhcr_apart_and_moroccan_clubs(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


@pytest.mark.parametrize("arabic, english, expected", [
    # A nationality swapped while the country stays named by its capital.
    ("والتقى وزير الخارجية المصري نظيره العُماني في مسقط.", "Egypt's foreign minister met his Yemeni counterpart in "
     "Muscat.", ["name_mismatch"]),
    ("والتقى وزير الخارجية المصري نظيره العُماني في مسقط.", "Egypt's foreign minister met his Omani counterpart in "
     "Muscat.", []),
    # Fewer mentions alone are no swap: English says 'his country' for a country named twice.
    ("وقال وزير الخارجية المصري إن مصر ترفض تهجير الفلسطينيين.", "Egypt's foreign minister said his country rejected "
     "the displacement of Palestinians.", []),
])
def test_a_nationality_swapped_beside_its_capital_is_flagged(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


@pytest.mark.parametrize("arabic, english, expected", [
    # A city outside the country table dropped, even for its country, or swapped for another.
    ("واندلعت اشتباكات في مدينة صفاقس التونسية بين قوات الأمن ومهاجرين.", "Clashes broke out in Tunisia between "
     "security forces and migrants.", ["name_missing"]),
    ("واندلعت اشتباكات في مدينة صفاقس التونسية بين قوات الأمن ومهاجرين.", "Clashes broke out in the Tunisian city of "
     "Sfax between security forces and migrants.", []),
    ("واندلعت اشتباكات في مدينة صفاقس التونسية.", "Clashes broke out in the Tunisian city of Oran.", ["name_mismatch"]),
    ("ونظمت الجالية المغربية في بروكسل وقفة تضامنية.", "The Moroccan community held a solidarity vigil.",
     ["name_missing"]),
    ("ونظمت الجالية المغربية في بروكسل وقفة تضامنية.", "The Moroccan community in Brussels held a solidarity vigil.", []),
    # Brussels may stand for the EU, The Hague for its courts; a club's nisba names no city.
    ("وقالت بروكسل إنها ستفرض عقوبات جديدة.", "The EU said it would impose new sanctions.", []),
    ("وأصدرت محكمة لاهاي حكمها.", "The ICJ issued its ruling.", []),
    ("وفاز النادي الصفاقسي على الترجي.", "CS Sfaxien beat Esperance.", []),
    # Words spelled like a city are no city: chickpeas, a foetus.
    ("وارتفع سعر الحمص في الأسواق.", "The price of chickpeas rose in the markets.", []),
])
def test_a_city_outside_the_country_table_dropped_or_swapped(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


@pytest.mark.parametrize("arabic, english, expected", [
    # A nationality that is all the Arabic says of who spoke must be kept; one before a name may go.
    ("وقال وزير الخارجية الكويتي إن بلاده ترحب بالاتفاق.", "The foreign minister said his country welcomed the "
     "agreement.", ["name_missing"]),
    ("وقال وزير الخارجية الكويتي إن بلاده ترحب بالاتفاق.", "Kuwait's foreign minister said his country welcomed the "
     "agreement.", []),
    ("والتقى الوزير نظيره العماني في القاهرة.", "The minister met his counterpart in Cairo.", ["name_missing"]),
    ("وقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة.", "President Vladimir Putin said his country was ready.", []),
    ("وفاز المنتخب السعودي على الأردن.", "The Saudi team beat Jordan.", []),
])
def test_a_nationality_that_is_all_that_says_who_is_kept(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


@pytest.mark.parametrize("arabic, english, expected", [
    # After a body (army, government, team) a nationality is all that says whose, whatever follows it ...
    ("وأعلن الجيش السوداني السيطرة على مدينة ود مدني.", "The army announced it had taken control of Wad Madani.",
     ["name_missing"]),
    ("وأعلن الجيش السوداني السيطرة على مدينة ود مدني.", "The Sudanese army announced it had taken control of Wad "
     "Madani.", []),
    # ... unless the body is part of a title before a name; English names some bodies by their own names.
    ("والتقى قائد الجيش السوداني عبد الفتاح البرهان بالمبعوث.", "Army chief Abdel Fattah al-Burhan met the envoy.", []),
    ("وقال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة تدعم الحوار.", "Foreign Minister Prince Faisal bin "
     "Farhan said the kingdom supported dialogue.", []),
    ("وقال الجيش الإسرائيلي إنه قصف أهدافاً في الجنوب.", "The IDF said it struck targets in the south.", []),
    ("وقالت وزارة الخارجية الأمريكية إن الوزير سيزور المنطقة.", "The State Department said the secretary would visit "
     "the region.", []),
])
def test_a_nationality_after_a_body_is_kept(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


@pytest.mark.parametrize("arabic, english, flagged", [
    # A double negation said with its negative word alone says the opposite.
    ("ولم تستبعد الحكومة رفع الضرائب على التبغ.", "The government ruled out raising taxes on tobacco.", True),
    ("وأضاف أن بلاده لا تمانع في استضافة المحادثات.", "He added that his country opposed hosting the talks.", True),
    ("وقال إن دور المغرب في المنطقة لا يمكن إنكاره.", "He said Morocco's role in the region was denied.", True),
    # ... and its negative word under a 'not' or 'no' is the idiom rendered.
    ("ولم تستبعد الحكومة رفع الضرائب على التبغ.", "The government did not rule out raising taxes on tobacco.", False),
    ("وأضاف أن بلاده لا تمانع في استضافة المحادثات.", "He added that his country had no objection to hosting the "
     "talks.", False),
    ("وقال إن دور المغرب في المنطقة لا يمكن إنكاره.", "He said no one could deny Morocco's role in the region.", False),
])
def test_a_double_negation_said_with_its_negative_word_alone_is_flagged(arabic, english, flagged):
    assert ("negation" in codes(arabic, english)) is flagged


@pytest.mark.parametrize("arabic, english, expected", [
    # A city swapped for a capital of the country table is a swap; a capital dropped for its country is no city lost.
    ("ووصل الرئيس الجزائري إلى وهران لتدشين مصنع جديد.", "The Algerian president arrived in Algiers to open a new "
     "factory.", ["name_mismatch"]),
    ("وقال مسؤول في الجزائر إن الرئيس سيزور وهران.", "An official in Algiers said the president would visit Oran.", []),
    ("ووصل الرئيس إلى القاهرة في زيارة رسمية.", "The president arrived in Egypt on an official visit.", []),
])
def test_a_city_swapped_for_a_capital(arabic, english, expected):
    assert [c for c in codes(arabic, english) if c.startswith("name_")] == expected


def test_a_source_of_number_words_only_is_too_short_to_judge_its_length():
    # Its letters were all taken out of the ratio's count: a division by zero stopped the check.
    source = "ثلاثة عشر ألفاً وخمسمئة وخمسة وعشرون"
    assert "length_ratio" not in codes(source, "13,525")
    assert "length_ratio" not in codes(source, "Thirteen thousand five hundred and twenty-five people arrived today.")


def test_pairs_exported_by_a_spreadsheet_are_read_as_their_cells(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text('"قال الوزير ""لا"" للاتفاق."\t"The minister said ""no"" to the deal."\n'
                    'وقال الجيش: سنرد.\t"We will respond," the army said, "soon."\n', encoding="utf-8")
    read = qa.read_pairs(str(path))
    assert [(a, e) for _, a, e in read.pairs] == [
        ('قال الوزير "لا" للاتفاق.', 'The minister said "no" to the deal.'),
        ("وقال الجيش: سنرد.", '"We will respond," the army said, "soon."')]  # a quotation is no quoting


@pytest.mark.parametrize("arabic,english,swapped", [
    ("وقُتل شخصان وأصيب ثلاثة آخرون في حادث سير.", "Three people were killed and two injured in a traffic accident.", True),
    ("وقُتل شخصان وأصيب ثلاثة آخرون في حادث سير.", "Two people were killed and three injured in a traffic accident.", False),
    ("أسفر الانفجار عن مقتل 10 أشخاص وإصابة 20 آخرين.", "The explosion killed 20 people and injured 10 others.", True),
    ("أسفر الانفجار عن مقتل 10 أشخاص وإصابة 20 آخرين.", "The explosion killed 10 people and injured 20 others.", False),
    ("أسفر الانفجار عن 10 قتلى و20 جريحاً.", "The blast left 20 dead and 10 wounded.", True),
    ("أسفر الانفجار عن 10 قتلى و20 جريحاً.", "The blast left 10 dead and 20 wounded.", False),
    ("ارتفعت حصيلة الغارات إلى 31 قتيلاً وأكثر من 60 جريحاً.", "The toll rose to 31, with more than 60 wounded.", False),
    # A count of both, or one role only, tells nothing of a swap.
    ("قتل 5 أشخاص وأصيب 5 آخرون.", "Five people were killed and five injured.", False),
    ("أصيب 3 أشخاص في الحادث.", "Three people were killed in the accident.", False),
    ("قتل 10 أشخاص بينهم 3 أطفال وأصيب 20.", "Ten people, including three children, were killed and 20 injured.", False),
])
def test_a_tolls_dead_and_injured_keep_their_roles(arabic, english, swapped):
    # Sixth held-out review: both figures kept, their roles swapped, passed every check.
    flags = qa.check_pair(arabic, english)
    assert any(f.code == "number_mismatch" and "dead" in f.reason for f in flags) == swapped, flags


def test_a_spreadsheet_export_with_empty_columns_and_a_windows_1256_table_with_little_arabic_are_read(tmp_path):
    # A blank third column made every line "found 3 fields" (and only line 1 was named); a Windows-1256 file
    # whose English half is most of its letters was refused as "binary or undecodable".
    path = tmp_path / "pairs.tsv"
    path.write_text("وصل بوتين.\tPutin arrived.\t\t\r\nغادر الرئيس.\tThe president left.\t\n", encoding="utf-8")
    assert [(a, e) for _, a, e in qa.read_pairs(str(path)).pairs] == [
        ("وصل بوتين.", "Putin arrived."), ("غادر الرئيس.", "The president left.")]
    path.write_bytes("# comment line of the desk, in English, about what this file is for\n"
                     "عاجل\tBreaking news: the president arrived in the capital this morning for talks\n".encode("cp1256"))
    assert [e for _, _, e in qa.read_pairs(str(path)).pairs] == [
        "Breaking news: the president arrived in the capital this morning for talks"]
    glossary = tmp_path / "glossary.tsv"
    glossary.write_bytes("# names the desk agreed on\nبوتين\tVladimir Putin\tPutin|V. Putin\n"
                         "محمد بن سلمان\tMohammed bin Salman\tbin Salman|Mohamed bin Salman|MBS\n".encode("cp1256"))
    assert sorted(t.english for t in load_glossary(glossary).terms) == ["Mohammed bin Salman", "Vladimir Putin"]
