"""Glossary: loading, matching on normalised Arabic with clitics, protect/restore around a translator."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import qa
from brief.errors import UsageError
from brief.glossary import correct_spelling, load_glossary, parse_glossary

DEFAULT = Path(__file__).resolve().parent.parent / "prompts" / "glossary.tsv"

DESK = parse_glossary(
    "# desk glossary\n"
    "\n"
    "بيونغ يانغ\tPyongyang\tPyong Yang|Pyeongyang\n"
    "كيم جونغ أون\tKim Jong Un\tKim Jong Eun\n"
    "كيم جونغ إيل\tKim Jong Il\n"
    "بوتين\tPutin\n"
    "الكرملين\tKremlin\n"
    "تو لام\tTo Lam\tTu Lam\n",
    "desk.tsv",
)

# A stand-in for the Marian model: word-by-word Arabic, Latin copied through (as Marian ar-en does
# with Latin-script names), and names transliterated the way the real model tends to get them wrong.
_WORDS = {
    "وصل": "arrived", "إلى": "in", "التقى": "met", "قال": "said", "في": "in", "بوتين": "Poutine",
    "بيونغ": "Pyong", "يانغ": "Yang", "كيم": "Kim", "جونغ": "Jong", "أون": "Eun", "إيل": "Ill",
    "الكرملين": "the Kremlin", "تو": "Tu", "لام": "Lam", "و": "and", "ب": "with", "ل": "to", "الزعيم": "leader",
}


def fake_translate(arabic: str, hyphenate: bool = False) -> str:
    out = []
    for token in re.findall(r"[A-Za-z]+|[\u0600-\u06FF]+", arabic):
        if re.match(r"[A-Za-z]", token):
            out.append(token)
        else:
            out.append(_WORDS.get(token, _WORDS.get(token[1:], "x") if token[:1] in "وبل" else "x"))
    text = " ".join(out) + "."
    # Marian often re-hyphenates Korean given names it copies.
    return text.replace("Jong Un", "Jong-un") if hyphenate else text


def translate_with_glossary(arabic: str, glossary, hyphenate: bool = False) -> str:
    protected, mapping = glossary.protect(arabic)
    return glossary.restore(fake_translate(protected, hyphenate), mapping)


def test_without_the_glossary_the_fake_model_misspells_names_and_qa_says_so():
    source = "التقى بوتين كيم جونغ أون في بيونغ يانغ"
    english = fake_translate(source)
    assert "Pyong Yang" in english and "Poutine" in english
    flags = qa.check_pair(source, english, glossary=DESK)
    assert [f.code for f in flags if f.code == "glossary"] == ["glossary"]
    for wanted in ("Putin", "Kim Jong Un", "Pyongyang"):
        assert wanted in flags[-1].reason or wanted in " ".join(f.reason for f in flags)


@pytest.mark.parametrize("hyphenate", [False, True])
def test_protect_then_restore_gives_the_preferred_renderings(hyphenate):
    source = "التقى بوتين كيم جونغ أون في بيونغ يانغ"
    english = translate_with_glossary(source, DESK, hyphenate)
    assert english == "met Putin Kim Jong Un in Pyongyang."
    assert not [f for f in qa.check_pair(source, english, glossary=DESK) if f.code == "glossary"]


def test_protect_writes_english_terms_and_keeps_clitics():
    protected, mapping = DESK.protect("وصل بوتين إلى بيونغ يانغ وقال الكرملين وللكرملين ولبيونغ يانغ")
    assert protected == "وصل Putin إلى Pyongyang وقال Kremlin ول Kremlin ول Pyongyang"
    assert mapping == {"Putin": "بوتين", "Pyongyang": "بيونغ يانغ", "Kremlin": "الكرملين"}
    assert DESK.protect("لا شيء هنا") == ("لا شيء هنا", {})


@pytest.mark.parametrize("text, expected", [
    ("وصل إلى بيونغ يانغ", [("بيونغ يانغ", "Pyongyang")]),
    ("وصل إلى بيونغيانغ", [("بيونغ يانغ", "Pyongyang")]),  # written solid
    ("وصل إلى “بيونغ يانغ”", [("بيونغ يانغ", "Pyongyang")]),
    ("وبيونغ يانغ", [("بيونغ يانغ", "Pyongyang")]),
    ("لبيونغ يانغ", [("بيونغ يانغ", "Pyongyang")]),
    ("بِيُونْغ يَانْغ", [("بيونغ يانغ", "Pyongyang")]),  # diacritics
    ("بالكرملين", [("الكرملين", "Kremlin")]),
    ("للكرملين", [("الكرملين", "Kremlin")]),
    ("كيم جونغ-إيل", [("كيم جونغ إيل", "Kim Jong Il")]),  # hyphen, hamza on alef
    ("كيم جونغ اون وكيم جونغ أون", [("كيم جونغ أون", "Kim Jong Un")]),
    ("بوتينات", []),  # another word that starts like a term
    ("يانغ بيونغ", []),
    ("بيونغ", []),
])
def test_terms_in_matches_normalised_arabic_with_clitics(text, expected):
    assert DESK.terms_in(text) == expected


def test_longest_term_wins():
    glossary = parse_glossary("كيم\tKim\nكيم جونغ أون\tKim Jong Un\n")
    assert glossary.terms_in("قال كيم جونغ أون") == [("كيم جونغ أون", "Kim Jong Un")]
    assert glossary.protect("قال كيم جونغ أون وكيم")[0] == "قال Kim Jong Un و Kim"


@pytest.mark.parametrize("english, preferred, variants, expected", [
    ("He met Kim Jong-un.", "Kim Jong Un", (), "He met Kim Jong Un."),
    ("In PYONGYANG today", "Pyongyang", (), "In Pyongyang today"),
    ("In Pyong Yang's streets", "Pyongyang", (), "In Pyongyang's streets"),
    ("In Pyeongyang", "Pyongyang", ("Pyeongyang",), "In Pyongyang"),
    ("Kimberly met Kim.", "Kim", (), "Kimberly met Kim."),
    ("Tu Lam and Tu Lamb", "To Lam", ("Tu Lam",), "To Lam and Tu Lamb"),
    ("kim jong un and KimJong-Un", "Kim Jong-un", (), "Kim Jong-un and Kim Jong-un"),
    # Two English words are not a name spelt with a space: only a capital goes on a name.
    ("Putin said they had put in place new rules.", "Putin", (), "Putin said they had put in place new rules."),
    ("I ran out of time in Tehran, Iran.", "Iran", (), "I ran out of time in Tehran, Iran."),
    ("Pootin", "Put\\1in", ("Pootin",), "Put\\1in"),  # the glossary's English is text, even a backslash
    # A variant that is part of the preferred form is not rewritten inside it ("Mohammed Mohammed bin Salman").
    ("Mohammed bin Salman met Crown Prince bin Salman", "Mohammed bin Salman", ("bin Salman", "Mohamed bin Salman"),
     "Mohammed bin Salman met Crown Prince Mohammed bin Salman"),
    ("Mohamed bin Salman", "Mohammed bin Salman", ("bin Salman", "Mohamed bin Salman"), "Mohammed bin Salman"),
])
def test_correct_spelling(english, preferred, variants, expected):
    assert correct_spelling(english, preferred, variants) == expected


def test_restore_only_touches_protected_terms():
    english = "Pyong Yang and Tu Lam"
    assert DESK.restore(english, {}) == english
    assert DESK.restore(english, {"Pyongyang": "بيونغ يانغ"}) == "Pyongyang and Tu Lam"


def test_load_glossary_file(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("\ufeff# names\r\nبيونغ يانغ\tPyongyang\r\n\r\n  # indented comment\nهانوي\tHanoi\tHa Noi\n",
                    encoding="utf-8")
    glossary = load_glossary(path)
    assert len(glossary) == 2
    assert glossary.terms_in("في هانوي") == [("هانوي", "Hanoi")]
    assert [t.line for t in sorted(glossary.terms, key=lambda t: t.line)] == [2, 5]


@pytest.mark.parametrize("content, message", [
    ("بيونغ يانغ Pyongyang\n", "g.tsv:1: expected arabic<TAB>english, found no tab"),
    ("# c\nبيونغ يانغ\t\n", "g.tsv:2: the English rendering is empty"),
    ("Pyongyang\tPyongyang\n", "g.tsv:1: the first field has no Arabic letters"),
    ("بيونغ يانغ\tبيونغ\n", "g.tsv:1: the English rendering must be Latin script"),
    ("a\tb\tc\td\n", "g.tsv:1: expected at most 3 tab-separated fields, found 4"),
    ("بيونغ يانغ\tPyongyang\nبِيونغ يانغ\tPyong Yang\n", "g.tsv:2: 'بِيونغ يانغ' is already defined on line 1"),
])
def test_bad_glossary_lines_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "g.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_glossary(path)
    assert str(error.value) == f"{tmp_path}/{message}"


def test_unreadable_glossary_files(tmp_path):
    with pytest.raises(UsageError, match="glossary file not found"):
        load_glossary(tmp_path / "missing.tsv")
    (tmp_path / "l1.tsv").write_bytes(b"caf\xe9\tcafe\n")
    with pytest.raises(UsageError, match="not UTF-8"):
        load_glossary(tmp_path / "l1.tsv")
    with pytest.raises(UsageError, match="cannot read"):
        load_glossary(tmp_path)


def test_shipped_default_glossary_loads_and_matches_the_seeds(seeds_dir):
    if not DEFAULT.exists():
        pytest.skip("no default glossary shipped")
    glossary = load_glossary(DEFAULT)
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    found = {english for _, english in glossary.terms_in(seeds)}
    assert {"Pyongyang", "Kim Jong Un", "Putin"} <= found


_arabic_words = st.lists(st.sampled_from(["وصل", "الرئيس", "إلى", "في", "قال", "بيونغ", "يانغ", "كيم", "جونغ", "أون",
                                          "بوتين", "وبوتين", "الكرملين", "هانوي", "عام", "2024", "،", "."]),
                         max_size=25)


@settings(max_examples=150, deadline=None)
@given(_arabic_words)
def test_protect_replaces_every_found_term_and_nothing_else(words):
    text = " ".join(words)
    protected, mapping = DESK.protect(text)
    found = DESK.terms_in(text)
    assert set(mapping) == {english for _, english in found}
    assert DESK.terms_in(protected) == []  # every occurrence was replaced
    if not found:
        assert protected == text
    # Words that are not part of a term survive unchanged and in order.
    kept = [w for w in re.findall(r"[\u0600-\u06FF0-9]+", protected)]
    assert all(w in text for w in kept)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_restore_with_empty_mapping_is_identity_and_protect_never_raises(text):
    assert DESK.restore(text, {}) == text
    protected, mapping = DESK.protect(text)
    assert isinstance(protected, str) and isinstance(mapping, dict)


@given(st.sampled_from(["", "و", "ب", "ل", "لل", "ولل", "فلل", "وب", "ال", "فال", "ك"]),
       st.text(alphabet="البيونغكمرحدة", min_size=0, max_size=6),
       st.text(alphabet="البيونغكمرحدة", min_size=1, max_size=8))
def test_prefilter_forms_are_exactly_the_forms_a_word_matches(prefix, stem, form):
    from brief.glossary import _bare_forms, _match_word

    word = prefix + stem
    assert (_match_word(word, form) is not None) == (form in _bare_forms(word))
    assert (_match_word(word, stem) is not None) == (stem in _bare_forms(word))


def test_fingerprint_names_the_file_and_changes_with_the_entries():
    from brief.glossary import parse_glossary

    one = parse_glossary("بوتين\tPutin\nكيم جونغ أون\tKim Jong Un\n", "/desk/names.tsv")
    same = parse_glossary("# reordered, with a comment\nكيم جونغ أون\tKim Jong Un\nبوتين\tPutin\n", "/other/names.tsv")
    changed = parse_glossary("بوتين\tVladimir Putin\nكيم جونغ أون\tKim Jong Un\n", "/desk/names.tsv")
    assert one.fingerprint().startswith("names.tsv@") and one.fingerprint().endswith("(2 terms)")
    assert one.fingerprint() == same.fingerprint()
    assert one.fingerprint() != changed.fingerprint()


def test_the_shipped_glossary_knows_the_egyptian_spellings_of_its_names():
    from brief.glossary import glossary_for

    found = dict(glossary_for(None).terms_in("وصل بوتين إلى بيونج يانج والتقى كيم جونج أون بحضور سيرجي لافروف"))
    assert found == {"بوتين": "Putin", "بيونج يانج": "Pyongyang", "كيم جونج أون": "Kim Jong Un",
                     "سيرجي لافروف": "Sergei Lavrov"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1256"])
def test_a_glossary_exported_by_a_spreadsheet_is_read_as_brief_qa_reads_pairs(tmp_path, encoding):
    path = tmp_path / "desk.tsv"
    path.write_bytes("# desk names\nبوتين\tPutin\nكيم جونغ أون\tKim Jong Un\n".encode(encoding))
    assert [(t.arabic, t.english) for t in sorted(load_glossary(path).terms, key=lambda t: t.english)] == [
        ("كيم جونغ أون", "Kim Jong Un"), ("بوتين", "Putin")]


def test_direction_marks_around_the_english_cell_are_not_part_of_the_name():
    # Copied out of a right-to-left cell: "should be rendered '\u200ePutin\u200e'" for a right translation,
    # and the marks written into the English.
    glossary = parse_glossary("\u200fبوتين\u200f\t\u200ePutin\u200e\t\u200eV. Putin\u200e\n")
    assert [(t.english, t.variants) for t in glossary.terms] == [("Putin", ("V. Putin",))]
