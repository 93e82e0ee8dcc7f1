"""Arabic normalisation and light stemming shared by the matching stages."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brief.arabic import content_terms, light_stem, normalize

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويء"


@given(st.text(alphabet=LETTERS, min_size=3, max_size=12))
def test_a_word_after_the_conjunction_wa_stems_as_the_word(word):
    assert light_stem("و" + word) == light_stem(word)


def test_names_starting_with_a_prefix_letter_meet_their_wa_form():
    for bare, joined in [("فيتنام", "وفيتنام"), ("بوتين", "وبوتين"), ("لبنان", "ولبنان")]:
        assert content_terms(bare) == content_terms(joined)


def test_inflected_forms_meet():
    assert set(content_terms("الحكومة")) == set(content_terms("وبالحكومة")) == set(content_terms("حكومة"))
    assert light_stem(normalize("المفاوضات")) == light_stem(normalize("مفاوضات"))


@given(st.text(alphabet=LETTERS, min_size=1, max_size=12))
def test_stems_keep_at_least_three_letters_of_longer_words(word):
    stem = light_stem(word)
    assert word.endswith(stem[1:]) or stem in word
    assert len(stem) >= min(3, len(word))


def test_arabic_punctuation_is_no_part_of_a_word():
    from brief.arabic import tokens

    assert tokens("الأخيرة، عاما؛ هل؟ مُحَمَّد") == ["الاخيره", "عاما", "هل", "محمد"]


def test_countries_are_named_by_name_capital_or_nisba_not_by_look_alike_words():
    from brief.arabic import country_mentions

    text = ("قرر البنك المركزي المصري في القاهرة تثبيت الفائدة، وقالت الحكومة التونسية إن التضخم في تونس تراجع، "
            "بينما اجتاحت السيول سلطنة عمان، وتحدث عن الإسلام في إسلام آباد وفي بيونغ يانغ.")
    assert country_mentions(text) == {"مصر": 2, "تونس": 2, "سلطنه عمان": 1, "باكستان": 1, "كوريا الشماليه": 1}


def test_a_name_of_bytes_that_are_not_utf8_reads_as_windows_arabic_or_as_replacement_characters():
    import os

    from brief.arabic import readable_name

    assert readable_name(os.fsdecode(b"\xe3\xd1\xc7\xd3\xe1 2024.txt")) == "مراسل 2024.txt"
    assert readable_name(os.fsdecode(b"a\xa9\xab.txt")) == "a\ufffd\ufffd.txt"  # no Arabic letters in them
    assert readable_name("خبر.txt") == "خبر.txt"
