"""The pipeline's own decisions: what a day's run leaves out because an earlier brief used it, and how the
point and word budgets are shared between stories."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from brief.arabic import readable_name
from brief.config import BuildSettings
from brief.corrections import load_corrections
from brief.errors import OutputError
from brief.pipeline import (STATE_FILE, _leave_out_briefed, article_fingerprint, briefed_before, choose_points,
                            prepare, read_state, record_briefed, state_to_write, summarize_sources)
from brief.stories import allocate_points, cluster_stories

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORIES = Path(__file__).resolve().parent / "data" / "stories"


def test_new_only_skips_a_file_only_when_every_article_in_it_was_briefed():
    prepared = prepare([str(SEEDS)])
    articles = prepared.articles
    by_name = {}
    for article in articles:
        by_name.setdefault(Path(article.file).name[:3], []).append(article)
    assert len(by_name["001"]) == 2  # seed 001 holds a report and a pasted second article
    seen = {article_fingerprint(by_name["000"][0]): {"file": "x", "date": "2026-11-20"},
            article_fingerprint(by_name["001"][0]): {"file": "y", "date": "2026-11-21"}}
    warnings: list[str] = []
    fresh = _leave_out_briefed(articles, prepared.inputs, seen, warnings.append)

    assert [a.number for a in fresh] == list(range(1, len(articles) - 1))
    assert by_name["000"][0] not in fresh and by_name["001"][0] not in fresh and by_name["001"][1] in fresh
    records = {Path(r.file).name[:3]: r for r in prepared.inputs}
    assert (records["000"].status, records["000"].reason) == ("ignored", "already in the brief of 2026-11-20")
    assert records["001"].status == "used"
    assert records["001"].reason == "1 of its 2 articles already in the brief of 2026-11-21, left out"
    assert all(records[n].status == "used" and not records[n].reason for n in ("002", "003", "004"))
    # Only the file with something new is warned of; a wholly briefed one is counted by the closing line.
    assert len(warnings) == 1 and "001_" in warnings[0] and "2026-11-21" in warnings[0]


def test_summarize_by_story_groups_points_under_their_stories():
    points, articles, stories, inputs = summarize_sources([str(STORIES)], 8, None, by_story=True)
    assert inputs and all(i.status == "used" for i in inputs if not i.file.endswith("truth.json"))
    assert [i.status for i in inputs if i.file.endswith("truth.json")] == ["ignored"]  # named, not read
    assert len(stories) > 1 and 1 < len(points) <= 8
    order = [p.story for p in points]
    assert order == sorted(order)  # grouped, stories most important first
    members = {s.number: set(s.articles) for s in stories}
    for point in points:
        assert point.article in members[point.story] and set(point.citations) <= members[point.story]
    flat, _, none, _ = summarize_sources([str(STORIES)], 8, None)
    assert none == [] and len({p.story for p in flat}) == 1  # without --by-story: one pool, best first


def test_a_word_budget_is_shared_between_stories_not_given_to_each():
    articles = prepare([str(STORIES)]).articles
    share = allocate_points(cluster_stories(articles), 8)
    budget = 150
    stories, points, _ = choose_points(articles, BuildSettings(max_points=8, max_words=budget))
    for story in stories:
        words = [len(p.arabic.split()) for p in points if p.story == story.number]
        allowed = budget * share[story.number] // sum(share.values())
        # Within its share, unless its one best point is longer than the share (kept whole, never cut).
        assert sum(words) <= allowed or len(words) == 1, (story.number, words, allowed)
    unbudgeted = choose_points(articles, BuildSettings(max_points=8))[1]
    assert sum(len(p.arabic.split()) for p in points) < sum(len(p.arabic.split()) for p in unbudgeted)


class RecordingTranslator:
    """Upper-cases; records each request's texts."""

    def __init__(self):
        self.requests: list[list[str]] = []

    def translate_texts(self, texts):
        from brief.translate import Translation

        self.requests.append(list(texts))
        return [Translation(text.upper(), None) for text in texts]


def test_no_text_is_asked_for_twice_though_a_headline_is_also_a_sentence():
    from brief.pipeline import translate_articles

    articles = prepare([str(STORIES)]).articles
    stories, points, _ = choose_points(articles, BuildSettings(sources=[str(STORIES)]), set())
    headlines = {s.title_arabic for s in stories if s.title_arabic}
    sentences = {s.text for a in articles for s in a.sentences}
    assert headlines & sentences  # the case in question: a headline is an article's sentence too
    translator = RecordingTranslator()
    translate_articles(articles, points, stories, translator, brief_only=False)
    first, rest = translator.requests  # the page's text (headlines too), then the rest
    assert {p.arabic for p in points} | headlines <= set(first)
    assert not set(first) & set(rest)
    assert set(first) | set(rest) == sentences | headlines
    assert all(s.english == s.text.upper() for a in articles for s in a.sentences)
    assert all(s.title_english == s.title_arabic.upper() for s in stories if s.title_arabic)


def test_an_unreadable_state_is_set_aside_with_a_warning_never_overwritten(tmp_path):
    (tmp_path / STATE_FILE).write_text('{"articles": {"a": {"file": "x", "date": "2026-11-20"},}}', encoding="utf-8")
    warnings: list[str] = []
    assert read_state(tmp_path, warnings.append)["articles"] == {}
    assert len(warnings) == 1 and "set aside" in warnings[0] and "\n" not in warnings[0]
    [aside] = tmp_path.glob(STATE_FILE + ".unreadable-*")
    assert '"2026-11-20"' in aside.read_text(encoding="utf-8") and not (tmp_path / STATE_FILE).exists()
    # A second unreadable state in the same second is set aside beside the first, not over it.
    (tmp_path / STATE_FILE).write_text("[]", encoding="utf-8")
    read_state(tmp_path, warnings.append)
    assert sorted(p.read_text(encoding="utf-8")[:2] for p in tmp_path.glob(STATE_FILE + ".unreadable-*")) == [
        "[]", '{"']


def test_hand_edited_state_entries_are_ignored_and_only_earlier_days_count(tmp_path):
    (tmp_path / STATE_FILE).write_text(
        '{"articles": {"a": {"file": "x", "date": "2026-11-20"}, "b": "x.txt", "c": {"file": "y"},'
        ' "d": {"file": "z", "date": "2026-11-24"}}}', encoding="utf-8")
    warnings: list[str] = []
    state = read_state(tmp_path, warnings.append)
    assert sorted(state["articles"]) == ["a", "d"] and "2 entries" in warnings[0]
    assert sorted(briefed_before(state, "2026-11-24")) == ["a"]
    # The entries not used are the desk's history all the same: written back as they were.
    assert json.loads(state_to_write(state))["articles"]["b"] == "x.txt"
    assert json.loads(state_to_write(state))["articles"]["c"] == {"file": "y"}


@pytest.mark.parametrize("field, value", [("sentences", None), ("sentences", 5), ("sentences", [1, 2]),
                                          ("terms", []), ("terms", {"a": "x"})])
def test_a_damaged_field_of_a_state_entry_is_dropped_with_a_warning(tmp_path, field, value):
    entry = {"file": "x", "date": "2026-11-20", "sentences": ["abc"], "terms": {"t": 1.0}, field: value}
    (tmp_path / STATE_FILE).write_text(json.dumps({"articles": {"a": entry}}), encoding="utf-8")
    warnings: list[str] = []
    state = read_state(tmp_path, warnings.append)
    assert field not in state["articles"]["a"] and "damaged" in warnings[0]
    assert {"sentences", "terms"} - {field} <= set(state["articles"]["a"])


def test_a_state_of_a_newer_brief_is_refused_not_cut_down(tmp_path):
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 99, "articles": {}}), encoding="utf-8")
    with pytest.raises(OutputError, match="newer version of brief"):
        read_state(tmp_path)
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": "2", "articles": {}}), encoding="utf-8")
    with pytest.raises(OutputError, match="version '2' is not one brief writes"):
        read_state(tmp_path)


def test_a_record_this_user_may_not_read_is_refused_not_set_aside(tmp_path, monkeypatch):
    # Taken for damage, it was renamed and a new history begun: yesterday's stories came back as new.
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 1, "articles": {}}), encoding="utf-8")
    read_text = Path.read_text

    def denied(self, *args, **kwargs):
        if self.name == STATE_FILE:
            raise PermissionError(13, "Permission denied", str(self))
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(OutputError, match=r"cannot be read \(Permission denied\); give this user read and write"):
        read_state(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [STATE_FILE]


def test_the_record_keeps_each_articles_days_and_a_days_latest_run():
    def entry(*dates):
        return {"file": "f", "date": dates[0], "dates": list(dates), "sentences": ["s"], "terms": {"t": 1}}

    state = {"articles": {"old": entry("2026-11-01"), "gone": entry("2026-11-20"), "late": entry("2026-11-22"),
                          "both": entry("2026-11-20", "2026-11-21")}}
    record_briefed(state, {"late": entry("2026-11-20"), "new": entry("2026-11-20"), "old": entry("2026-11-20")},
                   "2026-11-20", "2026-11-24")
    # "gone" was in an earlier run of the day only; "late", briefed on the 22nd, was backfilled to the 20th;
    # "both" left the 20th's brief but the 21st's still held it.
    assert {key: (e["date"], e["dates"]) for key, e in state["articles"].items()} == {
        "old": ("2026-11-01", ["2026-11-01", "2026-11-20"]), "late": ("2026-11-20", ["2026-11-20", "2026-11-22"]),
        "new": ("2026-11-20", ["2026-11-20"]), "both": ("2026-11-21", ["2026-11-21"])}
    # Ageing counts from an entry's latest day: "old" was briefed again on the 20th, and keeps its terms.
    record_briefed(state, {"x": entry("2026-12-10")}, "2026-12-10", "2026-12-10")
    assert "terms" in state["articles"]["old"] and "sentences" in state["articles"]["old"]
    # A run dated far ahead by mistake ages nothing beyond today's clock.
    record_briefed(state, {"y": entry("2030-01-01")}, "2030-01-01", "2026-11-24")
    assert all("terms" in e and "sentences" in e for e in state["articles"].values())


def test_an_article_updated_in_place_brings_its_new_sentences_not_yesterdays(tmp_path):
    from brief.pipeline import sentence_fingerprint

    yesterday = ("لقي 12 شخصا حتفهم في سيول سلطنة عمان بينهم طلاب مدارس، بحسب الدفاع المدني العماني.\n"
                 "وتواصل فرق الإنقاذ البحث عن مفقودين جرفتهم المياه في ولاية المضيبي.\n"
                 "وقررت وزارة التربية تعليق الدراسة في المدارس الحكومية والخاصة حتى إشعار آخر.\n")
    update = "وأعلنت شرطة عمان السلطانية لاحقا ارتفاع الحصيلة إلى 17 قتيلا بعد العثور على جثث خمسة مفقودين.\n"
    (tmp_path / "oman.txt").write_text(yesterday + update, encoding="utf-8")
    articles = prepare([str(tmp_path)]).articles
    told = {sentence_fingerprint(line) for line in yesterday.splitlines()}
    for mode in ("mark", "drop"):
        stories, points, _ = choose_points(articles, BuildSettings(followups=mode), set(), told)
        assert [s.followup for s in stories] == [True]
        assert [p.arabic for p in points] == [update.strip()]
    # Saved again with nothing new: the story has nothing to tell, and with "drop" it is left out.
    (tmp_path / "oman.txt").write_text(yesterday, encoding="utf-8")
    articles = prepare([str(tmp_path)]).articles
    stories, points, _ = choose_points(articles, BuildSettings(followups="drop"), set(), told)
    assert stories == [] and points == []


def test_a_state_that_cannot_be_written_still_gives_the_report_and_exit_2(tiny_model_dir, tmp_path, monkeypatch):
    import brief.pipeline as pipeline

    real = pipeline.write_atomic

    def failing(path, data, *args, **kwargs):
        if Path(path).name == pipeline.STATE_FILE:
            raise OSError(28, "No space left on device")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "write_atomic", failing)
    settings = BuildSettings(sources=[str(SEEDS / "004_3c6385f6fb4de3b3.txt")], output=str(tmp_path),
                             formats=["md"], model=str(tiny_model_dir), cache=False, email_to="desk@example.org")
    result = pipeline.build(settings)
    assert result.exit_code == 2 and "No space left on device" in result.error
    assert result.report["error"] == result.error and "no mail was sent" in result.error
    assert [Path(p).suffix for p in result.report["outputs"]] == [".md", ".html"]  # brief and review, no .eml


def test_outputs_that_cannot_be_written_still_report_each_inputs_fate(tiny_model_dir, tmp_path, monkeypatch):
    from brief import render
    from brief.pipeline import build

    def full_disk(*args, **kwargs):
        raise OutputError("the outputs cannot be written (No space left on device); earlier outputs are left")

    monkeypatch.setattr(render, "commit_outputs", full_disk)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes((SEEDS / "004_3c6385f6fb4de3b3.txt").read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    settings = BuildSettings(sources=[str(tmp_path / "in")], output=str(tmp_path / "out"), formats=["md"],
                             model=str(tiny_model_dir), cache=False)
    with pytest.raises(OutputError) as info:
        build(settings)
    assert {Path(r["file"]).name: r["status"] for r in info.value.inputs} == {"a.txt": "used", "empty.txt": "skipped"}


def test_the_state_keeps_an_articles_terms_and_sentences_only_as_long_as_they_serve(tiny_model_dir, tmp_path):
    import datetime
    import json

    from brief.pipeline import RECALL_DAYS, TOLD_DAYS, build

    def run(seed: str, date: str) -> dict:
        settings = BuildSettings(sources=[str(SEEDS / seed)], output=str(tmp_path), formats=["md"],
                                 model=str(tiny_model_dir), cache=False, date=date)
        assert build(settings).exit_code == 0
        return json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))["articles"]

    first = run("004_3c6385f6fb4de3b3.txt", "2026-01-01")
    assert [bool(e["terms"]) for e in first.values()] == [True]
    within = run("000_aaa4514bfe807d4e.txt", f"2026-01-{1 + RECALL_DAYS:02d}")
    assert all(e.get("terms") for e in within.values())  # still within reach of a follow-up
    later = run("002_400953b9cbf22e48.txt", "2026-03-15")
    assert {e["date"]: bool(e.get("terms")) for e in later.values()} == {
        "2026-01-01": False, f"2026-01-{1 + RECALL_DAYS:02d}": False, "2026-03-15": True}
    assert all(e["sentences"] for e in later.values())  # what was told is kept for a season
    season = (datetime.date(2026, 1, 1) + datetime.timedelta(days=TOLD_DAYS)).isoformat()
    assert all(e["sentences"] for e in run("003_30bd282be3f8cedf.txt", season).values())
    after = (datetime.date(2026, 1, 2) + datetime.timedelta(days=TOLD_DAYS)).isoformat()
    last = run("001_dc81cc70374510db.txt", after)
    assert {e["date"]: bool(e.get("sentences")) for e in last.values()} == {
        "2026-01-01": False, f"2026-01-{1 + RECALL_DAYS:02d}": True, "2026-03-15": True, season: True, after: True}
    assert all(e["file"] for e in last.values())  # still known as briefed


def test_what_was_told_is_counted_back_from_the_runs_day_not_from_the_last_run(tiny_model_dir, tmp_path):
    # With no run in between to age the record, an article briefed 91 days before came back as a follow-up
    # giving its one new sentence; after any unrelated run in between, as new. Same inputs, two briefs.
    import datetime

    from brief.pipeline import TOLD_DAYS, build

    seed = (SEEDS / "004_3c6385f6fb4de3b3.txt").read_text(encoding="utf-8")
    (tmp_path / "day1").mkdir()
    (tmp_path / "day1" / "a.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "a.txt").write_text(
        seed.replace("الموقع :", "وأعلنت الحكومة الكورية الجنوبية اليوم فرض عقوبات جديدة على خمس شركات روسية.\n\nالموقع :"),
        encoding="utf-8")

    def points(folder: str, date: str) -> int:
        settings = BuildSettings(sources=[str(tmp_path / folder)], output=str(tmp_path / "out"), formats=["md"],
                                 model=str(tiny_model_dir), cache=False, date=date)
        result = build(settings)
        assert result.exit_code == 0, result.error
        return len(result.report["points"])

    told = points("day1", "2026-01-01")
    assert told > 1
    after = (datetime.date(2026, 1, 1) + datetime.timedelta(days=TOLD_DAYS + 1)).isoformat()
    assert points("later", after) > 1  # a season on, its sentences may be points again


def test_translate_document_is_the_python_api_of_brief_translate(tiny_model_dir, tmp_path):
    from brief.pipeline import translate_document
    from brief.translate import TranslateOptions

    source = tmp_path / "a.txt"
    # (A line with no Arabic letter is left out: every printed line must read back as a correction.)
    source.write_text("قال الوزير إن الاتفاق تم. وأضاف أن   التنفيذ يبدأ غدا.\n\nhala@yna.co.kr\nانتهى الاجتماع.",
                      encoding="utf-8")
    pairs = translate_document(str(source), TranslateOptions(model=str(tiny_model_dir), cache=False))
    assert [arabic for arabic, _ in pairs] == ["قال الوزير إن الاتفاق تم.", "وأضاف أن التنفيذ يبدأ غدا.",
                                                "انتهى الاجتماع."]
    assert all(english.strip() for _, english in pairs)
    # A reviewer's correction stands for its sentence, as in a build.
    from brief.corrections import Corrections, matching_form

    fixed = Corrections({matching_form("انتهى الاجتماع."): "The meeting ended."})
    again = translate_document(str(source), TranslateOptions(model=str(tiny_model_dir), cache=False),
                               corrections=fixed)
    assert again[2] == ("انتهى الاجتماع.", "The meeting ended.") and again[:2] == pairs[:2]
    printed = tmp_path / "printed.tsv"
    printed.write_text("".join(f"{arabic}\t{english}\n" for arabic, english in pairs), encoding="utf-8")
    assert len(load_corrections(printed)) == 3  # what `brief translate` prints is a corrections file as it is


def test_an_interrupt_once_the_brief_is_renamed_waits_for_the_state_and_the_eml(tiny_model_dir, tmp_path,
                                                                                 monkeypatch):
    import json
    import signal

    import pytest

    import brief.pipeline as pipeline
    from brief.interrupts import InterruptedAfterWriting

    real = pipeline.write_atomic

    def interrupted(path, data, *args, **kwargs):
        if Path(path).name == STATE_FILE:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C right after the brief set was renamed into place
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "write_atomic", interrupted)
    settings = BuildSettings(sources=[str(SEEDS / "004_3c6385f6fb4de3b3.txt")], output=str(tmp_path),
                             formats=["md"], model=str(tiny_model_dir), cache=False, date="2026-11-24",
                             email_to="desk@example.org")
    with pytest.raises(InterruptedAfterWriting) as caught:
        pipeline.build(settings)
    assert "(the brief and review page, the record of briefed articles, the .eml)" in str(caught.value)
    assert sorted(Path(p).name for p in caught.value.outputs) == [
        "brief-2026-11-24.eml", "brief-2026-11-24.md", "review-2026-11-24.html"]  # what --json then lists
    assert [(Path(r["file"]).name, r["status"]) for r in caught.value.inputs] == [("004_3c6385f6fb4de3b3.txt", "used")]
    assert json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))["articles"]  # today's state ...
    assert (tmp_path / "brief-2026-11-24.eml").exists()  # ... and today's mail, beside today's brief


def test_re_running_a_day_with_fewer_outputs_removes_the_earlier_runs_others(tiny_model_dir, tmp_path):
    from brief.pipeline import build

    first = BuildSettings(sources=[str(SEEDS)], output=str(tmp_path), formats=["md", "html"], variant="both",
                          model=str(tiny_model_dir), cache=False, date="2026-11-24", email_to="desk@example.org")
    assert build(first).exit_code == 0
    assert len(list(tmp_path.glob("*-2026-11-24*"))) == 6  # md and html of both variants, the review, the .eml
    again = BuildSettings(sources=[str(SEEDS / "004_3c6385f6fb4de3b3.txt")], output=str(tmp_path), formats=["md"],
                          model=str(tiny_model_dir), cache=False, date="2026-11-24")
    warnings: list[str] = []
    result = build(again, warn=warnings.append)
    assert sorted(p.name for p in tmp_path.glob("*-2026-11-24*")) == ["brief-2026-11-24.md", "review-2026-11-24.html"]
    assert sorted(result.report["removed"]) == ["brief-2026-11-24.eml", "brief-2026-11-24.en.html",
                                                "brief-2026-11-24.en.md", "brief-2026-11-24.html"]
    assert any("written by an earlier run of 2026-11-24" in w for w in warnings)


def test_a_story_told_before_with_nothing_new_gets_no_point_and_the_new_story_all_of_them(tmp_path):
    from brief.pipeline import sentence_fingerprint

    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "new.txt").write_bytes((STORIES / "article_01.txt").read_bytes())
    articles = prepare([str(tmp_path)]).articles
    old = {a.number for a in articles if a.file != str(tmp_path / "new.txt")}
    told = {sentence_fingerprint(s.text) for a in articles if a.number in old for s in a.sentences
            if s.kind == "body"}  # as the state records them
    for mode in ("mark", "drop"):
        stories, points, _ = choose_points(articles, BuildSettings(followups=mode), set(old), told)
        assert points and all(p.article not in old for p in points), mode  # no headline of yesterday's story
        quiet = [s for s in stories if s.followup]
        assert [len(s.points) for s in quiet] == ([0] if mode == "mark" else [])
    # Alone, it gets none either: what is left of its articles once their told sentences are out is
    # headlines and headings, and those are no key points.
    alone = [a for a in articles if Path(a.file).name[:3] in ("000", "001")]  # 001 has headings
    stories, points, _ = choose_points(alone, BuildSettings(), {a.number for a in alone}, told)
    assert [s.followup for s in stories] == [True] and points == []


def test_a_day_far_behind_the_record_is_briefed_and_leaves_the_record_as_it_is(tiny_model_dir, tmp_path):
    """A slip of a digit (2025 for 2026) must not re-date what later briefs told."""
    from brief.pipeline import build

    def run(date: str, warnings: list, seed: str = "004_3c6385f6fb4de3b3.txt") -> None:
        settings = BuildSettings(sources=[str(SEEDS / seed)], output=str(tmp_path),
                                 formats=["md"], model=str(tiny_model_dir), cache=False, date=date)
        assert build(settings, warn=warnings.append).exit_code == 0

    run("2026-11-30", [])
    before = (tmp_path / STATE_FILE).read_bytes()
    warnings: list[str] = []
    run("2025-11-30", warnings)
    assert (tmp_path / "brief-2025-11-30.md").exists() and (tmp_path / STATE_FILE).read_bytes() == before
    assert any("365 days before the latest brief" in w and "left as it is" in w for w in warnings), warnings
    # An entry dated years ahead (a hand edit, a clock once wrong) is no latest brief: the record goes on.
    state = json.loads(before)
    state["articles"]["ahead"] = {"file": "x", "date": "2030-01-01", "dates": ["2030-01-01"]}
    (tmp_path / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")
    run("2026-12-01", warnings, seed="003_30bd282be3f8cedf.txt")
    record = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))["articles"]
    assert ["2026-12-01"] in [entry["dates"] for entry in record.values()] and "ahead" in record


def test_old_news_and_a_new_opinion_column_is_nothing_new(tmp_path):
    """An opinion piece gives no key point while there is news; yesterday's news is not news."""
    from brief.pipeline import sentence_fingerprint

    column = ("مقالات\n"
              "الحرب التي لا يريد أحد أن يراها\n"
              "بقلم: كاتب الرأي\n"
              + "\n".join(f"يرى الكاتب أن الأزمة الراهنة تكشف عن عجز النظام الدولي عن حماية المدنيين في الفقرة {n}."
                          for n in range(1, 7))
              + "\nالآراء الواردة في هذا المقال تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الموقع.\n")
    (tmp_path / "column.txt").write_text(column, encoding="utf-8")
    for seed in SEEDS.glob("00[01]*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    articles = prepare([str(tmp_path)]).articles
    old = {a.number for a in articles if "column" not in a.file}
    told = {sentence_fingerprint(s.text) for a in articles if a.number in old for s in a.sentences if s.kind == "body"}
    stories, points, _ = choose_points(articles, BuildSettings(), set(old), told)
    assert any(s.opinion for s in stories), [(s.articles, s.opinion) for s in stories]  # the case in question
    assert points == []
    # --followups drop takes the old news out of the stories: the column is still no news.
    stories, points, _ = choose_points(articles, BuildSettings(followups="drop"), set(old), told)
    assert points == [] and all(s.opinion for s in stories)


def test_a_day_with_nothing_new_says_the_days_earlier_brief_stays(tiny_model_dir, tmp_path):
    """--new-only leaves yesterday's articles out before stories are formed: a column alone is left."""
    from brief.errors import NoUsableInput
    from brief.pipeline import build

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "news.txt").write_bytes((SEEDS / "004_3c6385f6fb4de3b3.txt").read_bytes())
    settings = BuildSettings(sources=[str(inbox)], output=str(tmp_path / "out"), formats=["md"],
                             model=str(tiny_model_dir), cache=False, date="2026-11-30", new_only=True)
    assert build(settings).exit_code == 0
    (inbox / "column.txt").write_text(
        "مقالات\nبقلم: كاتب الرأي\n" + "\n".join(
            f"يرى الكاتب أن الأزمة الراهنة تكشف عن عجز النظام الدولي عن حماية المدنيين في الفقرة {n}."
            for n in range(1, 7)) + "\nالآراء الواردة في هذا المقال تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الموقع.\n",
        encoding="utf-8")
    settings.date = "2026-12-01"
    with pytest.raises(NoUsableInput, match="only opinion pieces are new"):
        build(settings)
    # A day built with a new article, then again without it: nothing new, and its brief is still there.
    (inbox / "column.txt").unlink()
    (inbox / "late.txt").write_bytes((SEEDS / "003_30bd282be3f8cedf.txt").read_bytes())
    settings.new_only = False
    assert build(settings).exit_code == 0
    (inbox / "late.txt").unlink()
    with pytest.raises(NoUsableInput, match="nothing written; the brief of 2026-12-01 an earlier run wrote stays"):
        build(settings)
    settings.new_only = True  # every article left out before stories are formed: the day's brief still stays
    with pytest.raises(NoUsableInput, match="nothing new since the last brief: every article of the 1 input.*2026-11-30; "
                                            "the brief of 2026-12-01 an earlier run wrote stays"):
        build(settings)


def test_the_report_counts_the_stories_as_the_page_shows_them(tmp_path):
    # Stories with points, stories named on the "More stories" line, and stories only counted there.
    from render_briefs import make_brief

    from brief import render
    from brief.pipeline import run_report
    from brief.translate import TranslationStats

    brief = make_brief(30)
    for point in brief.points:
        if point.story in (3, 5):
            point.story = 1  # stories 3 and 5 keep no point: the "More stories" line names them
    fitted = render.render_outputs(brief, tmp_path, formats=("md",)).fitted
    report = run_report(brief, [], [], {}, TranslationStats(), fitted=fitted, stories=brief.stories)["brief"]
    shown = {p.story for p in fitted.points}
    listed = [s.number for s in fitted.stories if s.number not in shown]
    assert listed and report["stories_with_points"] == len(shown) and report["stories_listed"] == len(listed)
    assert report["stories_with_points"] + report["stories_listed"] + report["more_stories"] == len(brief.stories)
    markdown = render.render_markdown(fitted)
    assert markdown.split("**More stories:**")[1].split("\n")[0].count("; ") + 1 == len(listed)


def test_a_file_name_that_is_not_utf8_reads_as_arabic_in_every_output(tiny_model_dir, tmp_path):
    # An Arabic name zipped on Windows arrives in Windows-1256 bytes: Python holds them as lone surrogates,
    # which no page, PDF or JSON can carry.
    from brief.pipeline import STATE_FILE, build

    (tmp_path / "in").mkdir()
    name = os.fsdecode(b"\xe3\xd1\xc7\xd3\xe1.txt")
    (tmp_path / "in" / name).write_bytes((SEEDS / "004_3c6385f6fb4de3b3.txt").read_bytes())
    settings = BuildSettings(sources=[str(tmp_path / "in")], output=str(tmp_path / "out"), formats=["md", "html"],
                             model=str(tiny_model_dir), cache=False)
    result = build(settings)
    assert result.exit_code == 0
    report = json.loads(readable_name(json.dumps(result.report, ensure_ascii=False)))
    assert [Path(r["file"]).name for r in report["inputs"]] == ["مراسل.txt"]
    for output in (tmp_path / "out").iterdir():
        if output.suffix in (".md", ".html") or output.name == STATE_FILE:
            assert "مراسل.txt" in output.read_text(encoding="utf-8"), output.name


def test_a_lock_file_that_cannot_be_opened_is_named_not_its_directory(tmp_path):
    # "output directory ... cannot be used (Is a directory); choose another with -o" named neither the lock
    # nor the way out.
    from brief.pipeline import LOCK_FILE, run_lock

    (tmp_path / LOCK_FILE).mkdir()
    with pytest.raises(OutputError, match=r"\.brief\.lock: the run's lock file cannot be opened \(a directory\); "
                                          r"remove it"):
        with run_lock(tmp_path):
            pass
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=r"it is a file, not a directory\); choose another with -o"):
        with run_lock(tmp_path / "file"):
            pass


def test_a_quiet_run_still_reports_a_record_set_aside_or_missing(tiny_model_dir, tmp_path):
    # With --quiet (cron) a damaged or deleted record was reset without a word anywhere: yesterday's stories
    # came back as new points, exit 0, and the --json report said nothing.
    from brief.pipeline import build

    def run() -> dict:
        settings = BuildSettings(sources=[str(SEEDS / "004_3c6385f6fb4de3b3.txt")], output=str(tmp_path),
                                 formats=["md"], model=str(tiny_model_dir), cache=False, date="2026-11-24")
        result = build(settings)  # warn=None: quiet
        assert result.exit_code == 0, result.error
        return result.report

    assert run()["warnings"] == []
    (tmp_path / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert any("cannot be read" in w and "set aside" in w for w in run()["warnings"])
    (tmp_path / STATE_FILE).unlink()
    assert any("no record of briefed articles beside the earlier briefs here (brief-2026-11-24.md" in w
               for w in run()["warnings"])
