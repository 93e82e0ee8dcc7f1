"""Sentence splitting: golden cases from the seeds, invariants under arbitrary Unicode, long-sentence cuts."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.clean import clean_document
from brief.ingest import read_document
from brief.segment import MAX_SENTENCE_WORDS, split_for_model, split_sentences, segment_article

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


def _cases():
    rows = []
    for line in (DATA / "segment_cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text, expected = line.split("\t")
        rows.append((text.replace("\\n", "\n"), expected.split(" ‖ ")))
    return rows


CASES = _cases()


def test_there_are_at_least_thirty_golden_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("text,expected", CASES, ids=[t[:30] for t, _ in CASES])
def test_golden_case(text, expected):
    assert split_sentences(text) == expected


def test_an_unclosed_quote_does_not_hide_the_full_stops_after_it():
    # A quote that can only open (a space before it, a letter after), after a sentence's end, opens anew.
    text = 'وقال المتحدث باسم الجيش "إن الوضع خطير. وأضاف أن القوات "مستعدة للرد" على أي هجوم. ولم يذكر تفاصيل.'
    assert split_sentences(text) == ['وقال المتحدث باسم الجيش "إن الوضع خطير.',
                                     'وأضاف أن القوات "مستعدة للرد" على أي هجوم.', "ولم يذكر تفاصيل."]


@pytest.mark.parametrize("text", [
    "بلغ النمو 3.5 في المئة.", "الساعة 17:50:06 بتوقيت موسكو.", "راجع https://example.com/a.b?x=1 للمزيد.",
    "راسلنا على news.desk@example.co.uk الآن.", "موقع ar.yna.co.kr الإخباري.", "في 19.06.2024 وصل الوفد.",
])
def test_numbers_urls_emails_domains_and_times_never_split(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize("text", ["قال الوزير: إن الزيارة ناجحة، وإن المحادثات مستمرة.",
                                  "أولا؛ ثانيا، ثالثا: نقاط"])
def test_arabic_comma_colon_and_semicolon_never_end_a_sentence(text):
    assert split_sentences(text) == [text]


def _without_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _without_bullets(text: str) -> str:
    return "\n".join(re.sub(r"^\s*[•▪●◦‣∙·■□►▸✓✔*\-–—]+(?=\s)", "", line) for line in text.split("\n"))


ARABICISH = st.text(alphabet=st.sampled_from(list("بتثجحخدذرسشصضطظعغفقكلمنهوي ء.!؟?…،:؛\"“”«»()0123456789٠١٢٣٤٥٦٧٨٩\n •-@/"
                                                 "abc\u064b\u0651\u200f\u202e\u2066\u0301")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARABICISH, st.text(max_size=200)))
def test_every_character_lands_in_exactly_one_sentence_in_order(text):
    sentences = split_sentences(text)
    assert _without_space("".join(sentences)) == _without_space(_without_bullets(text.replace("\r\n", "\n").replace("\r", "\n")))
    assert all(s and s == s.strip() for s in sentences)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["قال الوزير إن", "المحادثات", "مستمرة،", "وأضاف", "أن", "الاتفاق؛", "سيوقع",
                                 "قريبا", "ولكن", "الأمر", "صعب"]), min_size=1, max_size=400), st.integers(5, 80))
def test_split_for_model_keeps_the_text_and_the_limit(words, limit):
    sentence = " ".join(words)
    parts = split_for_model(sentence, limit)
    assert _without_space("".join(parts)) == _without_space(sentence)
    assert all(len(p.split()) <= limit for p in parts)


def test_split_for_model_prefers_semicolons_then_commas():
    first = " ".join(["كلمة"] * 50)
    second = " ".join(["أخرى"] * 50)
    assert split_for_model(f"{first}؛ {second}", 80) == [f"{first}؛", second]
    assert split_for_model(f"{first}، {second}", 80) == [f"{first}،", second]
    assert split_for_model("جملة قصيرة.", 80) == ["جملة قصيرة."]


def test_segment_article_keeps_title_and_headings_whole_and_numbers_lines():
    [article] = clean_document(read_document(str(SEEDS / "000_aaa4514bfe807d4e.txt")))
    segment_article(article)
    kinds = [(s.kind, s.line) for s in article.sentences[:3]]
    assert kinds[0] == ("title", 1)
    assert kinds[1][0] == "body" and kinds[1][1] == 3
    headings = [s.text for s in article.sentences if s.kind == "heading"]
    assert headings == ["الهدف من الزيارة", "عقوبات غربية قيد الإعتماد", "تعاون تجاري و منطقة تبادل حرة"]
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    body_lines = {ln.number for ln in article.lines if ln.kind == "body"}
    assert {s.line for s in article.sentences if s.kind == "body"} == body_lines


def test_every_body_character_of_every_seed_is_in_its_sentences():
    for path in sorted(SEEDS.glob("*.txt")):
        for article in clean_document(read_document(str(path))):
            segment_article(article)
            for line in article.lines:
                if line.kind != "body":
                    continue
                joined = "".join(s.text for s in article.sentences if s.line == line.number)
                assert _without_space(joined) == _without_space(_without_bullets(line.text)), (path.name, line.number)


def test_a_line_that_lost_its_punctuation_is_cut_into_sentences_a_reader_can_take_in(tmp_path):
    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    words = " ".join(re.sub(r"[.!?؟:،,؛;]", " ", seeds).split()[:1200])  # a feed dump, no punctuation
    path = tmp_path / "dump.txt"
    path.write_text("عنوان الخبر\n\n" + words + "\n\nجملة أخيرة قصيرة.\n", encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    body = [s for s in article.sentences if s.kind == "body"]
    assert all(len(s.text.split()) <= MAX_SENTENCE_WORDS for s in body)
    assert len(words.split()) > 3 * MAX_SENTENCE_WORDS and len(body) - 1 >= len(words.split()) / MAX_SENTENCE_WORDS
    assert _without_space("".join(s.text for s in body[:-1])) == _without_space(words)
    assert {s.line for s in body[:-1]} == {3} and body[-1].line == 5


WRAPPED = """\
قال وزير الخارجية في مؤتمر صحفي عقده صباح اليوم في العاصمة إن المفاوضات
مع الوفد الزائر تناولت ملفات التجارة والطاقة والأمن الإقليمي، وإن الجانبين
اتفقا على مواصلة المحادثات الشهر المقبل.
وأضاف الوزير أن حجم التبادل التجاري بين البلدين بلغ العام الماضي نحو ثلاثة
مليارات دولار، وأن الحكومة تسعى إلى مضاعفته خلال السنوات الخمس المقبلة في
إطار اتفاقية التعاون الاقتصادي الموقعة بين البلدين.
وأشار إلى أن الوفد سيزور عددا من المصانع والموانئ قبل مغادرته يوم الخميس.
"""


def test_hard_wrapped_text_is_joined_into_whole_sentences(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    body = [s for s in article.sentences if s.kind == "body"]
    assert [s.text for s in body] == [" ".join(p.split()) for p in (
        " ".join(WRAPPED.splitlines()[0:3]), " ".join(WRAPPED.splitlines()[3:6]), WRAPPED.splitlines()[6])]
    assert [s.line for s in body] == [1, 4, 7]
    assert all(line.kind == "body" for line in article.lines)  # no cut line left as a "heading"


# A wire copy wrapped after an abbreviation ("د."), a colon and a closing bracket (from a review)
WRAPPED_AT_MARKS = """قال وزير الخارجية في مؤتمر صحفي عقده صباح اليوم في العاصمة مع نظيره الروسي د.
سيرغي لافروف إن المفاوضات تناولت ملفات التجارة والطاقة والأمن الإقليمي وإن
الجانبين اتفقا على مواصلة المحادثات الشهر المقبل في موسكو بحضور الوفود كلها.
وأضاف الوزير في تصريحات نقلتها وكالة الأنباء الرسمية ووكالة الصحافة الفرنسية
(أ.ف.ب) أن حجم التبادل التجاري بين البلدين بلغ العام الماضي نحو ثلاثة مليارات
دولار، وأن الحكومة تسعى إلى مضاعفته خلال السنوات الخمس المقبلة، وقال الوزير:
إن الوفد سيزور عددا من المصانع والموانئ قبل مغادرته يوم الخميس المقبل للعاصمة.
وأشار إلى أن الاتفاقية التي وقعها الجانبان تغطي قطاعات النفط والغاز والزراعة.
"""


def test_a_wrap_after_an_abbreviation_or_a_colon_does_not_cut_the_sentence(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WRAPPED_AT_MARKS, encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    body = [s.text for s in article.sentences if s.kind == "body"]
    assert len(body) == 3 and [s.line for s in article.sentences if s.kind == "body"] == [1, 4, 8]
    assert "د. سيرغي لافروف" in body[0] and "وقال الوزير: إن الوفد" in body[1]


def test_natural_paragraphs_are_not_joined():
    [article] = clean_document(read_document(str(SEEDS / "000_aaa4514bfe807d4e.txt")))
    segment_article(article)
    lines_with_sentences = {s.line for s in article.sentences if s.kind == "body"}
    assert lines_with_sentences == {ln.number for ln in article.lines if ln.kind == "body"}


@pytest.mark.parametrize("number", ["1,250", "3,5", "٣,٥"])
def test_split_for_model_never_cuts_inside_a_number(number):
    sentence = " ".join(["المسؤول"] * 75) + f" بلغت الموازنة {number} مليون دولار، " + " ".join(["أخرى"] * 20) + "."
    pieces = split_for_model(sentence, 80)
    assert len(pieces) > 1 and any(number in piece for piece in pieces)


LIST = """أبرز بنود الاتفاقية الموقعة بين روسيا وكوريا الشمالية

وقع الرئيسان اتفاقية شراكة استراتيجية شاملة تضم عدة بنود.
{0} الدفاع المشترك في حال تعرض أي من البلدين لهجوم مسلح
{1} تعزيز التعاون العسكري والتقني بين الجيشين الروسي والكوري
{2} رفع حجم التبادل التجاري بين البلدين خلال السنوات المقبلة
{3} التعاون في مجالات الطاقة والنقل والزراعة والصحة والتعليم
{4} مواجهة العقوبات الغربية المفروضة على البلدين بشكل مشترك
"""


@pytest.mark.parametrize("markers", [["-"] * 5, [f"{n}." for n in range(1, 6)], [f"{n})" for n in range(1, 6)]])
def test_the_items_of_a_list_are_not_joined_as_if_the_text_were_hard_wrapped(tmp_path, markers):
    path = tmp_path / "list.txt"
    path.write_text(LIST.format(*markers), encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    assert article.sentences[0].kind == "title" and article.sentences[0].text.startswith("أبرز بنود")
    body = [s.text for s in article.sentences if s.kind == "body"]
    assert len(body) == 6 and all(text.lstrip("-.)0123456789 ").split()[0] in line for text, line in zip(
        body[1:], ["الدفاع", "تعزيز", "رفع", "التعاون", "مواجهة"]))


def test_lines_without_a_single_full_stop_stay_sentences_of_their_own(tmp_path):
    lines = ["وقع زلزال بقوة ست درجات على مقياس ريختر جنوب تركيا صباح اليوم",
             "وأفادت السلطات بسقوط عدد من الضحايا وانهيار عدة مبان سكنية قديمة",
             "وأعلنت إدارة الكوارث حالة الطوارئ في ثلاث ولايات جنوبية متضررة",
             "وهرعت فرق الإنقاذ إلى المناطق المنكوبة للبحث عن ناجين تحت الأنقاض"]
    path = tmp_path / "urgent.txt"
    path.write_text("عاجل: زلزال بقوة 6 درجات يضرب جنوب تركيا\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    assert [s.text for s in article.sentences if s.kind == "body"] == lines


# Wire copy wrapped right after a closing quote that does not end the sentence ("«النهار»" goes on with "إن").
WRAPPED_AFTER_QUOTES = """وقعت الشركة السعودية للصناعات الأساسية "سابك" أمس خطاب نوايا مع شركة "تكنيب"
الإيطالية، تتولى الأخيرة بموجبه تصميم وإنشاء مصنع لإنتاج الإثيلين في ينبع.
وقال رئيس التحرير في حديث نشرته صباح اليوم صحيفة النهار اللبنانية «النهار»
إن الصحيفة ستواصل الصدور رغم الأزمة المالية التي تمر بها منذ سنوات عدة.
وأشار إلى أن الاتفاقية التي وقعها الجانبان تغطي قطاعات النفط والغاز.
"""


def test_a_wrap_after_a_closing_quote_does_not_cut_the_sentence(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WRAPPED_AFTER_QUOTES, encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    body = [s for s in article.sentences if s.kind == "body"]
    assert [s.line for s in body] == [1, 3, 5]
    assert '"تكنيب" الإيطالية' in body[0].text and "«النهار» إن" in body[1].text


def test_a_quotation_closed_without_a_full_stop_ends_its_sentence_before_the_next_ones_verb(tmp_path):
    # Wire copy drops the full stop after a closing quote; the next line's "وأشار" starts a sentence.
    path = tmp_path / "wire.txt"
    path.write_text("وقعت الشركة السعودية للصناعات الأساسية سابك أمس خطاب نوايا مع شركة تكنيب\n"
                    "الإيطالية، تتولى الأخيرة بموجبه تصميم وإنشاء مصنع لإنتاج الإثيلين في ينبع.\n"
                    "وقال وزير الطاقة في تصريحات صحفية عقب التوقيع \"هذه خطوة مهمة لمستقبل الصناعة\"\n"
                    "وأشار إلى أن الاتفاقية التي وقعها الجانبان تغطي قطاعات النفط والغاز والطاقة.\n"
                    "وأكد المتحدث باسم الشركة أن العمل في المصنع الجديد سيبدأ خلال العام المقبل.\n", encoding="utf-8")
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    body = [s.text for s in article.sentences if s.kind == "body"]
    assert len(body) == 4 and body[1].endswith('الصناعة"') and body[2].startswith("وأشار")


def test_a_wire_dateline_is_a_sentence_of_its_own_before_the_first_one():
    # A key point or a translation must not open with "Ramallah 15-10-2024 WAFA -"; the dateline is kept.
    path = DATA / "clean_gold" / "articles" / "wafa_paste_decree.txt"
    [article] = clean_document(read_document(str(path)))
    segment_article(article)
    first = next(k for k, s in enumerate(article.sentences) if s.kind != "title")
    dateline, sentence = article.sentences[first], article.sentences[first + 1]
    assert (dateline.kind, dateline.text) == ("dateline", "رام الله 15-10-2024 وفا-")
    assert sentence.kind == "body" and sentence.text.startswith("أصدر رئيس دولة فلسطين") and sentence.line == dateline.line
    line = next(ln for ln in article.lines if ln.number == dateline.line)
    joined = "".join(s.text for s in article.sentences if s.line == line.number)
    assert _without_space(joined) == _without_space(line.text)
