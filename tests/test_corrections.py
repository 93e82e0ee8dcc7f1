"""A reviewer's corrections file: read strictly, matched forgivingly, used instead of the machine's English."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief.config import BuildSettings
from brief.corrections import load_corrections
from brief.errors import UsageError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "004_3c6385f6fb4de3b3.txt"


def test_a_correction_matches_its_sentence_whatever_the_copy_did_to_diacritics_and_spaces(tmp_path):
    path = tmp_path / "fixes.tsv"
    path.write_bytes("# desk corrections\n\nوصل  بوتين إلى بيونغ يانغ.\tPutin arrived in Pyongyang.\n"
                     .encode("utf-16"))
    corrections = load_corrections(path)
    assert len(corrections) == 1
    assert corrections.get("وَصَلَ بوتين إلى بيونغ يانغ.") == "Putin arrived in Pyongyang."
    assert corrections.get("وصل بوتين إلى هانوي.") is None
    assert corrections.fingerprint().startswith("fixes.tsv@") and "(1 sentence)" in corrections.fingerprint()


def test_a_copy_through_the_review_page_or_a_spreadsheet_still_matches(tmp_path):
    sentence = "وقال \u200fالوزير: «الاتفاق تم»، وأضاف أن 37 شخصا نجوا."
    path = tmp_path / "fixes.tsv"
    # What the page shows (invisible marks gone, other quotes, no final stop), exported by a spreadsheet:
    # a cell holding a quote is wrapped in quotes with the inner ones doubled.
    path.write_text('"\u2067وقال الوزير: ""الاتفاق تم""، وأضاف أن 37 شخصا نجوا\u2069"\t"He said ""done"""\n',
                    encoding="utf-8")
    assert load_corrections(path).get(sentence) == 'He said "done"'
    assert load_corrections(path).get(sentence.replace("37", "38")) is None  # a figure is a word


@pytest.mark.parametrize("written, other", [
    ("سجلت سانت كاترين -2 درجة مئوية.", "سجلت سانت كاترين 2 درجة مئوية."),
    ("أغلق المؤشر بتغير +1.5%.", "أغلق المؤشر بتغير -1.5%."),
    ("بلغت الخسائر 5 ملايين $.", "بلغت الخسائر 5 ملايين €."),
])
def test_a_sign_a_per_cent_or_a_currency_symbol_tells_two_sentences_apart(tmp_path, written, other):
    path = tmp_path / "fixes.tsv"
    path.write_text(f"{written}\tThe reviewer's English.\n", encoding="utf-8")
    assert load_corrections(path).get(written) and load_corrections(path).get(other) is None


def test_an_english_quotation_is_not_taken_for_a_spreadsheets_quoting(tmp_path):
    path = tmp_path / "fixes.tsv"
    english = '"We will respond," the army said, "at the time of our choosing."'
    path.write_text(f"وقال الجيش: سنرد في الوقت الذي نختاره.\t{english}\n", encoding="utf-8")
    assert load_corrections(path).get("وقال الجيش: سنرد في الوقت الذي نختاره.") == english


@pytest.mark.parametrize("text, says", [
    ("وصل بوتين.\tPutin arrived.\nوصل بوتين.\tPutin came.\n", "fixes.tsv: lines 1 and 2 correct the same sentence two ways"),
    ("وصل بوتين. Putin arrived.\n", r"fixes.tsv.*1: expected arabic<TAB>english, found no tab"),
    # Every bad line is named at once, not one a run.
    ("وصل بوتين.\tPutin arrived.\nوصل بوتين\nغادر\tA\tB\n", r"fixes.tsv: line 2: .*found no tab; line 3: .*3 fields"),
    ("وصل بوتين.\t \n", "fixes.tsv: line 1: a correction needs both the Arabic and the English"),
    # ... of both kinds: a line with no tab and two corrections of one sentence (only the first was named).
    ("وصل بوتين\nغادر.\tA\nغادر.\tB\n", r"fixes.tsv: line 1: .*found no tab; lines 2 and 3 correct the same"),
])
def test_a_corrections_file_with_a_mistake_is_refused_naming_the_line(tmp_path, text, says):
    path = tmp_path / "fixes.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=says):
        load_corrections(path)


def test_a_missing_corrections_file_is_refused_and_an_empty_one_corrects_nothing(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        load_corrections(tmp_path / "missing.tsv")
    (tmp_path / "begun.tsv").write_text("# arabic<TAB>english, one sentence a line\n", encoding="utf-8")
    assert len(load_corrections(tmp_path / "begun.tsv")) == 0
    # The same twice is no conflict (pasted again by a second reviewer).
    (tmp_path / "twice.tsv").write_text("وصل بوتين.\tPutin arrived.\nوصل بوتين.\tPutin  arrived.\n", encoding="utf-8")
    assert len(load_corrections(tmp_path / "twice.tsv")) == 1


def test_a_build_uses_the_reviewers_english_says_so_and_still_checks_it(tiny_model_dir, tmp_path):
    from brief.pipeline import build

    def run(out: str, corrections: str | None = None) -> dict:
        settings = BuildSettings(sources=[str(SEED)], output=str(tmp_path / out), formats=["md", "html"],
                                 model=str(tiny_model_dir), cache=False, date="2026-11-24", corrections=corrections)
        result = build(settings)
        assert result.exit_code == 0, result.error
        return result.report

    first = run("before")
    point, other = first["points"][0], first["points"][1]
    fixes = tmp_path / "fixes.tsv"
    # One right correction, and one whose figure is wrong: QA checks a reviewer's English as any other.
    fixes.write_text(f"{point['arabic']}\tThe reviewer's English for this point.\n"
                     f"{other['arabic']}\tA second correction, with 999 dead.\n", encoding="utf-8")
    report = run("after", str(fixes))
    by_arabic = {p["arabic"]: p for p in report["points"]}
    assert by_arabic[point["arabic"]]["english"] == "The reviewer's English for this point."
    assert by_arabic[point["arabic"]]["corrected"] is True
    assert not any(p["corrected"] for p in report["points"] if p["arabic"] not in (point["arabic"], other["arabic"]))
    assert report["corrected_sentences"] >= 2 and report["corrections_used"] == 2
    assert report["signature"]["corrections"].startswith("fixes.tsv@")
    assert report["translation"]["sentences"] < first["translation"]["sentences"]  # not sent to the engine
    assert any(f["code"] == "number_mismatch" for f in by_arabic[other["arabic"]]["flags"])
    brief_md = (tmp_path / "after" / "brief-2026-11-24.md").read_text(encoding="utf-8")
    assert "The reviewer's English for this point." in brief_md and "a reviewer's corrected English" in brief_md
    assert "corrections fixes.tsv@" in brief_md  # the signature: the brief can be made again
    review = (tmp_path / "after" / "review-2026-11-24.html").read_text(encoding="utf-8")
    assert review.count('class="tag corrected"') == report["corrected_sentences"]


def test_build_refuses_a_bad_corrections_file_before_any_work(tmp_path):
    import subprocess
    import sys

    (tmp_path / "fixes.tsv").write_text("no tab here\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "brief", "build", str(SEED), "-o", str(tmp_path / "out"),
                             "--corrections", str(tmp_path / "fixes.tsv"), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "fixes.tsv" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["exit_code"] == 2 and not (tmp_path / "out").exists()
