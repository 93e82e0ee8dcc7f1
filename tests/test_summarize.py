"""Summarizer: budgets, headline/question filtering, fact clusters and citations, determinism, seed facts, EASC floor."""
from __future__ import annotations

import copy as copy_module
import json
import os
import random
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.arabic import has_arabic, normalize
from brief.models import Article, KeyPoint, Sentence
from brief.pipeline import summarize_text
from brief.summarize import SummarizerSettings, score_sentences, sentence_terms, summarize, word_count

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FACTS = json.loads((ROOT / "tests" / "data" / "seed_facts.json").read_text(encoding="utf-8"))["facts"]
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def article(number: int, *sentences: str | tuple[str, str], file: str | None = None) -> Article:
    """An Article from sentence texts; a (text, kind) pair sets the kind (title | heading | body)."""
    built = []
    for index, item in enumerate(sentences):
        text, kind = (item, "body") if isinstance(item, str) else item
        built.append(Sentence(text=text, line=index + 1, kind=kind, index=index))
    return Article(file=file or f"a{number}.txt", sentences=built, number=number)


def words_of(points: list[KeyPoint]) -> int:
    return sum(word_count(p.arabic) for p in points)


def check_invariants(points: list[KeyPoint], articles: list[Article], max_points: int, max_words: int | None) -> None:
    by_number = {a.number: a for a in articles}
    assert len(points) <= max_points
    if max_words is not None and max_words > 0 and max_points > 0:
        # Within the word budget, except the best point alone when it is longer than the whole budget.
        assert words_of(points) <= max_words or len(points) == 1
        # The best point is always in (and there is none only when nothing qualifies, e.g. "2024." alone).
        # (Its citations may differ: a headline pasted alone is cited on the closest point chosen.)
        best = summarize(articles, max_points=1)[:1]
        assert [(p.article, p.sentence, p.members) for p in points[:1]] == \
            [(p.article, p.sentence, p.members) for p in best], "the best point is always in"
    seen = set()
    for point in points:
        source = by_number[point.article]
        assert source.sentences[point.sentence].text == point.arabic
        assert point.citations == sorted(set(point.citations))
        assert point.article in point.citations
        assert point.members and point.members[0] == (point.article, point.sentence)
        assert {a for a, _ in point.members} <= set(point.citations)
        for number, index in point.members:
            assert 0 <= index < len(by_number[number].sentences)
            assert (number, index) not in seen, "a sentence belongs to one point only"
            seen.add((number, index))


# --- small hand-made articles -------------------------------------------------------------------------

ECONOMY = article(
    1,
    ("البنك المركزي يرفع الفائدة", "title"),
    "رفع البنك المركزي المصري سعر الفائدة الرئيسي بمقدار مئتي نقطة أساس في اجتماعه الطارئ يوم الخميس.",
    "وقال البنك في بيان إن القرار يهدف إلى كبح التضخم الذي بلغ أعلى مستوى له منذ خمس سنوات.",
    ("ردود الفعل", "heading"),
    "هل ينجح القرار في وقف تراجع الجنيه أمام الدولار؟",
    "وتراجعت أسهم البنوك في البورصة المصرية بعد الإعلان عن القرار مباشرة.",
    "ويتوقع محللون أن يرفع البنك الفائدة مرة أخرى قبل نهاية العام الجاري إذا استمر التضخم.",
)


def test_headlines_and_questions_are_not_points():
    points = summarize([ECONOMY], max_points=4)
    kinds = {ECONOMY.sentences[p.sentence].kind for p in points}
    assert kinds == {"body"}
    assert not any(p.arabic.rstrip().endswith(("؟", "?")) for p in points)
    assert len(points) == 4


def test_point_budget_and_importance_order():
    for count in range(1, 10):
        # Every sentence can be a point but the title, which restates the lead once that is chosen.
        assert len(summarize([ECONOMY], max_points=count)) == min(count, len(ECONOMY.sentences) - 1)
    assert summarize([ECONOMY], max_points=0) == []
    assert summarize([], max_points=3) == []
    points = summarize([ECONOMY], max_points=3)
    assert points[0].sentence == 1, "the lead is the most important sentence of a news article"


@pytest.mark.parametrize("budget", [5, 14, 20, 30, 45, 80, 1000])
def test_word_budget_is_respected_and_filled(budget):
    points = summarize([ECONOMY], max_points=8, max_words=budget)
    check_invariants(points, [ECONOMY], 8, budget)
    lead = word_count(ECONOMY.sentences[1].text)
    if budget < lead:  # the lead alone is over budget: it is the summary, whole, and nothing else
        assert [p.sentence for p in points] == [1]
        return
    assert points[0].sentence == 1 and words_of(points) <= budget
    # Nothing left out that would still fit: the budget is used, not just respected.
    chosen = {p.sentence for p in points}
    spare = budget - words_of(points)
    fitting = [s for s in ECONOMY.sentences if s.index not in chosen and s.kind == "body"
               and not s.text.endswith("؟") and word_count(s.text) <= spare]
    assert not fitting or len(points) == 8


def test_degenerate_and_huge_budgets():
    assert summarize([ECONOMY], max_points=3, max_words=0) == []
    assert summarize([ECONOMY], max_points=3, max_words=-5) == []
    loose = summarize([ECONOMY], max_points=3, max_words=10**6)  # budget does not bind
    assert [(p.article, p.sentence) for p in loose] == [(p.article, p.sentence) for p in summarize([ECONOMY], 3)]
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    rng = random.Random(7)
    many = [article(n, *[" ".join("".join(rng.choice(letters) for _ in range(5)) for _ in range(40)) + "."
                         for _ in range(30)]) for n in range(1, 4)]
    points = summarize(many, max_points=50, max_words=1100)  # too big to tabulate: the greedy fill
    check_invariants(points, many, 50, 1100)
    assert words_of(points) > 1000


def test_a_long_point_is_skipped_for_shorter_ones():
    long = "وأعلنت الحكومة " + " ".join(["خطة واسعة للإصلاح الاقتصادي تشمل الضرائب والدعم والاستثمار"] * 5) + "."
    source = article(1, "رفعت الحكومة أسعار الوقود بنسبة عشرين في المئة اعتبارا من صباح اليوم في كل المحافظات.",
                     long, "وقال الوزير إن الزيادة تبدأ الشهر المقبل في كل المحافظات.",
                     "وأضاف أن البرلمان سيناقش الخطة في جلسة خاصة الأسبوع القادم.")
    unbudgeted = summarize([source], max_points=5)
    assert [p.sentence for p in unbudgeted][:2] == [0, 1], "the long sentence ranks second"
    points = summarize([source], max_points=5, max_words=35)
    assert [p.sentence for p in points][0] == 0 and all(p.sentence != 1 for p in points) and len(points) >= 2
    assert words_of(points) <= 35


def test_the_best_point_is_kept_even_when_longer_than_the_budget():
    """Packing shorter sentences in its place would drop the main fact; it stands alone, whole."""
    long = "أعلنت الحكومة " + " ".join(["خطة واسعة للإصلاح الاقتصادي تشمل الضرائب والدعم والاستثمار"] * 5) + "."
    source = article(1, long, "وقال الوزير إن الخطة تبدأ الشهر المقبل في كل المحافظات.",
                     "وأضاف أن البرلمان سيناقش الخطة في جلسة خاصة الأسبوع القادم.")
    assert summarize([source], max_points=5)[0].sentence == 0
    points = summarize([source], max_points=5, max_words=25)
    assert [(p.sentence, p.arabic) for p in points] == [(0, long)]


def test_deterministic_and_independent_of_input_order():
    other = article(2, "رفع البنك المركزي المصري سعر الفائدة الرئيسي مئتي نقطة أساس يوم الخميس لكبح التضخم.",
                    "وتراجع الجنيه المصري أمام الدولار في السوق الموازية بعد القرار.")
    first = summarize([ECONOMY, other], max_points=5, max_words=60)
    for _ in range(3):
        assert summarize([ECONOMY, other], max_points=5, max_words=60) == first
    assert summarize([other, ECONOMY], max_points=5, max_words=60) == first


def test_same_fact_in_two_articles_is_one_point_citing_both():
    one = article(1, "وصل الرئيس الفرنسي إلى الجزائر يوم الأحد في زيارة رسمية تستمر ثلاثة أيام.",
                  "وسيبحث الرئيس مع نظيره الجزائري ملفات الطاقة والهجرة والذاكرة.",
                  "وكانت العلاقات بين البلدين قد شهدت توترا خلال العام الماضي.")
    two = article(2, "يبدأ الرئيس الفرنسي الأحد زيارة رسمية إلى الجزائر تستمر ثلاثة أيام.",
                  "وتشهد العاصمة الجزائرية إجراءات أمنية مشددة منذ صباح اليوم.")
    three = article(3, "أعلنت شركة النفط الوطنية اكتشاف حقل غاز جديد في الصحراء الجزائرية.",
                    "وقدرت الشركة احتياطي الحقل بنحو تريليون متر مكعب.")
    points = summarize([one, two, three], max_points=6)
    check_invariants(points, [one, two, three], 6, None)
    visit = [p for p in points if {(1, 0), (2, 0)} & set(p.members)]
    assert len(visit) == 1, "the visit is one point, not one per article"
    assert visit[0].citations == [1, 2]
    assert set(visit[0].members) >= {(1, 0), (2, 0)}
    assert points[0] is visit[0], "the corroborated fact leads"
    gas = [p for p in points if p.article == 3 and p.sentence == 0]
    assert gas and gas[0].citations == [3], "an unrelated fact is not cited to the other articles"


def test_sentence_terms_split_arabic_punctuation_and_resolve_relative_years():
    # brief.arabic.tokens keeps ، and ؛ glued to the word before; the summarizer's terms do not.
    assert sentence_terms("المرة الأخيرة، قبل الحرب؛") == sentence_terms("المرة الأخيرة قبل الحرب")
    assert "2000" in sentence_terms("أول زيارة له منذ 24 عامًا", 2024)
    assert "2000" in sentence_terms("24 سنة منذ المرة الأخيرة", 2024)
    assert "2023" in sentence_terms("في سبتمبر من العام الماضي", 2024)
    assert "2000" not in sentence_terms("أول زيارة له منذ 24 عامًا")  # no date, no year
    assert "2000" not in sentence_terms("قتل 24 شخصا منذ الصباح", 2024)  # not a count of years


def test_years_ago_meets_since_year_across_dated_articles():
    one = article(1, "وقال الكرملين إن الرئيس يزور البلاد الآن لأول مرة منذ 24 عاما وسط توتر إقليمي متصاعد.")
    two = article(2, "وكانت الزيارة السابقة للرئيس إلى البلاد عام 2000 بحسب وكالة الأنباء الرسمية.")
    undated = SummarizerSettings()
    _, plain = score_sentences([one, two], undated)
    one.published = "2024-06-19"
    _, dated = score_sentences([one, two], undated)
    assert dated[0][1] > plain[0][1] + 0.04


def test_a_headline_is_not_taken_as_another_articles_statement():
    """A headline meets the sentences of its story on names alone; it does not make its article a source."""
    one = article(1, "أكد لاعب الأهلي كريم فؤاد أن هدفه في مرمى الترجي في نهائي دوري الأبطال هو الأغلى في مسيرته.")
    two = article(2, ("الأهلي بطلا لدوري الأبطال بعد الفوز على الترجي في النهائي", "title"),
                  "احتفل آلاف المشجعين في شوارع القاهرة حتى الصباح بعد المباراة.")
    points = summarize([one, two], max_points=4)
    check_invariants(points, [one, two], 4, None)
    quote = next(p for p in points if (1, 0) in p.members)
    assert quote.citations == [1]
    assert summarize([one, article(2, "الأهلي بطلا لدوري الأبطال بعد الفوز على الترجي في النهائي.")],
                     max_points=4)[0].citations == [1, 2], "the same line as body text is a member"


def test_settings_are_a_plain_dict():
    values = SummarizerSettings().as_dict()
    assert json.loads(json.dumps(values)) == values
    assert {"mmr_lambda", "fact_threshold", "position_weight", "centrality_weight"} <= set(values)


def test_summarize_text_reads_one_article():
    text = "\n".join(s.text for s in ECONOMY.sentences)
    chosen = summarize_text(text, max_words=40)
    assert chosen and sum(len(s.split()) for s in chosen) <= 40
    positions = [text.index(s) for s in chosen]
    assert positions == sorted(positions), "one article reads in its own order"


def test_a_short_storys_headline_does_not_fill_a_free_point_by_restating_its_lead():
    text = ("الهلال يتوج بلقب الدوري السعودي للمرة التاسعة عشرة\n"
            "توج الهلال بلقب الدوري السعودي للمحترفين للمرة التاسعة عشرة في تاريخه بعد فوزه على الفتح 3-0.\n"
            "وسجل المهاجم الصربي ثلاثية الهلال في الدقائق 12 و47 و71 ليرفع رصيده إلى 27 هدفا.\n")
    chosen = summarize_text(text, max_points=8)
    assert len(chosen) == 2 and chosen[0].startswith("توج الهلال")


# --- property: invariants on arbitrary articles -------------------------------------------------------

WORDS = ["الحكومة", "أعلنت", "الرئيس", "زيارة", "اتفاق", "الاقتصاد", "النفط", "مليون", "دولار", "الأمن",
         "مجلس", "قرار", "العاصمة", "وزير", "الخارجية", "التعاون", "2024", "15", "قال", "إن", "في", "على"]
SENTENCE = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18),
                     st.sampled_from([".", ".", "؟", ""]), st.sampled_from(["body", "body", "body", "heading"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=8), min_size=1, max_size=4),
       st.integers(min_value=1, max_value=8), st.one_of(st.none(), st.integers(min_value=1, max_value=60)))
def test_property_points_are_real_sentences_within_budget(raw, max_points, max_words):
    articles = [article(n, *[(" ".join(w) + end, kind) for w, end, kind in sentences])
                for n, sentences in enumerate(raw, start=1)]
    points = summarize(articles, max_points=max_points, max_words=max_words)
    check_invariants(points, articles, max_points, max_words)
    assert summarize(articles, max_points=max_points, max_words=max_words) == points
    if max_words is None and len(points) < max_points:
        # Fewer points than allowed only when every sentence (with Arabic in it) is in some point's cluster,
        # or is a headline (restating a point: see _without_restated_headlines). An article of one sentence
        # with no final stop is a headline pasted alone (a flash), whatever its kind.
        members = {m for p in points for m in p.members}

        def flash(a: Article) -> bool:
            arabic = [s for s in a.sentences if has_arabic(s.text)]
            return len(arabic) == 1 and not arabic[0].text.endswith((".", "؟"))

        assert all((a.number, s.index) in members or s.kind != "body" or flash(a)
                   for a in articles for s in a.sentences if has_arabic(s.text))


# --- the seed articles: facts covered, not repeated, fully cited --------------------------------------

def _matching_form(text: str) -> str:
    text = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in normalize(text))
    return " ".join(text.split())


def fact_of(text: str) -> str | None:
    """The first fact of seed_facts.json whose key phrase the sentence contains (most specific first)."""
    form = _matching_form(text)
    for fact in FACTS:
        if any(_matching_form(key) in form for key in fact["keys"]):
            return fact["id"]
    return None


def test_seed_facts_file_matches_the_seeds():
    from brief.pipeline import prepare

    assert len(FACTS) >= 10 and len({f["id"] for f in FACTS}) == len(FACTS)
    articles = prepare([str(SEEDS)]).articles
    first: dict[str, set[str]] = {}  # seeds with a sentence whose first (most specific) fact it is
    anywhere: dict[str, set[str]] = {}  # seeds with a sentence holding any key phrase of the fact
    for source in articles:
        name = Path(source.file).name
        for sentence in source.sentences:
            if fact_of(sentence.text):
                first.setdefault(fact_of(sentence.text), set()).add(name)
            for fact in FACTS:
                if any(_matching_form(key) in _matching_form(sentence.text) for key in fact["keys"]):
                    anywhere.setdefault(fact["id"], set()).add(name)
    names = {p.name for p in SEEDS.glob("*.txt")}
    for fact in FACTS:
        declared = set(fact["seeds"])
        assert declared <= names
        assert first.get(fact["id"], set()) <= declared <= anywhere[fact["id"]], fact["id"]


def test_a_follow_up_cites_the_earlier_articles_that_state_its_points():
    """Seeds 000 and 001 were in yesterday's brief: today's points come from 002-004 only, yet cite 000/001
    wherever those state the point's fact (a reader must see that the fact was reported before)."""
    from brief.config import BuildSettings
    from brief.pipeline import choose_points, prepare

    articles = prepare([str(SEEDS)]).articles
    file_of = {a.number: Path(a.file).name for a in articles}
    earlier = {n for n, name in file_of.items() if name[:3] in ("000", "001")}
    stories, points, _ = choose_points(articles, BuildSettings(), seen=earlier)
    assert [s.followup for s in stories] == [True]
    assert points and all(p.article not in earlier for p in points)
    declared = {f["id"]: set(f["seeds"]) for f in FACTS}
    checked = 0
    for point in points:
        fact = fact_of(point.arabic)
        if fact is None:
            continue
        cited = {file_of[n] for n in point.citations}
        expected = {file_of[n] for n in earlier} & declared[fact]
        assert expected <= cited, (fact, sorted(expected - cited))
        checked += len(expected)
    assert checked >= 3  # the check is not vacuous: several points have earlier sources to cite


# Measured when pinned (see bench/summarize_notes.md): 7 distinct facts in 8 points, none repeated, mean
# citation recall 0.94, 6 of the 7 fact points citing every seed that reports the fact, citation precision
# 0.95. The strict criterion (every fact point fully cited) is not met: the arms accusation is worded five
# ways by five outlets, and seeds 002 and 003 state it too differently for term overlap (cosine 0.12 and
# 0.11 against the 0.15 that clusters facts; lowering it cites wrong seeds on other points).
SEED_MIN_FACTS = 7
SEED_MIN_CITATION_RECALL = 0.9
SEED_MIN_FULLY_CITED = 6
SEED_MIN_CITATION_PRECISION = 0.9


def test_default_brief_covers_distinct_seed_facts_with_their_sources():
    from brief.config import BuildSettings
    from brief.pipeline import choose_points, prepare

    articles = prepare([str(SEEDS)]).articles
    stories, points, signature = choose_points(articles, BuildSettings())
    assert signature == SummarizerSettings().as_dict()
    assert len(points) == BuildSettings().max_points
    check_invariants(points, articles, BuildSettings().max_points, None)
    file_of = {a.number: Path(a.file).name for a in articles}
    declared = {f["id"]: set(f["seeds"]) for f in FACTS}
    facts = [fact_of(p.arabic) for p in points]
    counts = Counter(f for f in facts if f)
    assert len(counts) >= SEED_MIN_FACTS, facts
    assert all(n == 1 for n in counts.values()), f"two points state the same fact: {counts}"
    recalls, precisions = [], []
    for point, fact in zip(points, facts):
        if fact is None:
            continue
        cited = {file_of[n] for n in point.citations}
        recalls.append(len(cited & declared[fact]) / len(declared[fact]))
        precisions.append(len(cited & declared[fact]) / len(cited))
    assert sum(recalls) / len(recalls) >= SEED_MIN_CITATION_RECALL, recalls
    assert sum(precisions) / len(precisions) >= SEED_MIN_CITATION_PRECISION, precisions
    assert sum(r == 1.0 for r in recalls) >= SEED_MIN_FULLY_CITED, recalls
    # Corroborated facts lead: the first point is cited by several outlets.
    assert len(points[0].citations) >= 3


def test_copies_of_an_article_change_no_point_and_are_cited_for_none():
    # The same file saved twice (or three times) is one report: it must not outweigh the other outlets.
    from brief.pipeline import prepare

    articles = prepare([str(SEEDS)]).articles
    alone = summarize(articles, max_points=5)
    copies = []
    for n, extra in enumerate(range(2), start=len(articles) + 1):
        copy = copy_module.deepcopy(articles[0])
        copy.number, copy.file, copy.duplicate_of = n, f"copy{extra}.txt", articles[0].number
        copies.append(copy)
    doubled = summarize(articles + copies, max_points=5)
    assert [(p.arabic, p.citations) for p in doubled] == [(p.arabic, p.citations) for p in alone]


def test_summarize_cli_on_the_seeds():
    exe = Path(sys.executable).parent / "brief"
    if not exe.exists():
        pytest.skip("brief entry point not installed in this environment")
    out = subprocess.run([str(exe), "summarize", str(SEEDS)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert len(lines) == 8 and all("\t[" in line for line in lines)
    one = subprocess.run([str(exe), "summarize", "-", "--plain", "--max-words", "60"], capture_output=True,
                         text=True, timeout=60, input=next(iter(sorted(SEEDS.glob("*.txt")))).read_text("utf-8"))
    assert one.returncode == 0, one.stderr
    assert 0 < sum(len(line.split()) for line in one.stdout.splitlines()) <= 60


# --- EASC regression floor ----------------------------------------------------------------------------

# Every 8th article of the dev split (10 articles); ROUGE F1 x100 measured when pinned (hard-wrapped text
# joined by brief.segment, the best point always in): 53.19 / 43.92 (lead on the same articles: 52.46 /
# 43.87; on the whole dev split ours is 52.62 / 44.78 against lead 50.45 / 43.05). The floors leave a
# margin for harmless changes in sentence choice.
EASC_R1_FLOOR = 51.0
EASC_R2_FLOOR = 41.5


def test_easc_dev_subset_floor(tmp_path):
    scorer = EVAL / "score_easc.py"
    data = EVAL / "easc-dev"
    if not scorer.exists() or not (data / "articles").is_dir():
        pytest.skip(f"EASC development split not found at {EVAL}")
    exe = Path(sys.executable).parent / "brief"
    if not exe.exists():
        pytest.skip("brief entry point not installed in this environment")
    subset = tmp_path / "easc"
    (subset / "articles").mkdir(parents=True)
    (subset / "summaries").mkdir()
    for path in sorted((data / "articles").glob("*.txt"))[::8]:
        shutil.copy(path, subset / "articles" / path.name)
        for ref in (data / "summaries").glob(f"{path.stem}.*.txt"):
            shutil.copy(ref, subset / "summaries" / ref.name)
    report = tmp_path / "scores.json"
    command = f"{exe} summarize - --max-words $SUMMARY_MAX_WORDS --plain"
    run = subprocess.run([sys.executable, str(scorer), "--data", str(subset), "--cmd", command, "--jobs", "2",
                          "--bootstrap", "0", "--json", str(report)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stdout + run.stderr
    scores = json.loads(report.read_text(encoding="utf-8"))["results"]["cmd"]
    assert scores["n"] == 10
    assert 100 * scores["R1_F"] >= EASC_R1_FLOOR, scores
    assert 100 * scores["R2_F"] >= EASC_R2_FLOOR, scores


def test_a_huge_story_only_lets_each_articles_first_sentences_compete():
    # 40 articles of 30 sentences: past max_sentences the quadratic similarity matrix must not grow with them.
    body = [f"قال المتحدث باسم الوزارة إن الاجتماع رقم {i} ناقش ملف الطاقة والتجارة بين البلدين." for i in range(30)]
    articles = [article(n, *body) for n in range(1, 41)]
    candidates, matrix = score_sentences(articles, SummarizerSettings(max_sentences=200))
    assert len(candidates) == len(matrix) == 40 * 5
    assert {c.index for c in candidates} == set(range(5))
    points = summarize(articles, max_points=4, settings=SummarizerSettings(max_sentences=200))
    assert points and all(p.sentence < 5 for p in points)


def test_an_earlier_report_of_other_figures_is_not_cited_for_the_new_ones():
    today = article(1, "ارتفعت حصيلة ضحايا السيول في سلطنة عمان إلى 27 قتيلا بينهم طلاب، بحسب الدفاع المدني.",
                    "وتواصل فرق الإنقاذ البحث عن مفقودين في ولايات الشرقية.")
    yesterday = article(2, "قتل 12 شخصا في سيول سلطنة عمان بينهم طلاب، بحسب الدفاع المدني العماني.",
                        "وتواصل فرق الإنقاذ البحث عن مفقودين في الأودية.")
    same = article(3, "ارتفعت حصيلة ضحايا السيول في سلطنة عمان إلى 27 قتيلا بحسب الدفاع المدني.")
    points = summarize([today], max_points=2, earlier=[yesterday, same])
    toll = next(p for p in points if "27" in p.arabic)
    assert 2 not in toll.citations and 3 in toll.citations
    rescue = next(p for p in points if "الإنقاذ" in p.arabic)
    assert 2 in rescue.citations  # no figures to differ: the earlier report of it is still cited


def test_a_fact_restated_with_its_figure_by_another_article_is_one_point():
    first = article(1, "قررت لجنة السياسة النقدية بالبنك المركزي المصري في اجتماعها مساء الخميس خفض سعري عائد "
                       "الإيداع والإقراض 225 نقطة أساس إلى 25 و26 في المئة.",
                    "وقال البنك إن القرار جاء في ضوء تراجع المعدل السنوي للتضخم إلى 13.6 في المئة في مايو.")
    wire = article(2, "خفض البنك المركزي المصري أسعار الفائدة الرئيسية 225 نقطة أساس يوم الخميس في أول خفض منذ "
                      "أكثر من أربع سنوات.",
                   "وخفض البنك سعر عائد الإيداع لليلة واحدة إلى 25 في المئة وسعر الإقراض إلى 26 في المئة.",
                   "ويتوقع محللون مزيدا من الخفض في الاجتماعات المقبلة مع استمرار تباطؤ التضخم.")
    points = summarize([first, wire], max_points=3)
    assert sum("225" in p.arabic for p in points) == 1


def test_articles_of_other_stories_never_corroborate_a_point():
    suez = article(1, "قال رئيس هيئة قناة السويس إن إيرادات القناة تراجعت بمليارات الدولارات في العام المالي الماضي.")
    sudan = article(2, "قالت الأمم المتحدة إن خطة الاستجابة في السودان لم تتلق سوى مليارات الدولارات في العام المالي الماضي.")
    together = summarize([suez, sudan], max_points=2)
    assert any(p.citations == [1, 2] for p in together)  # alike in words ...
    apart = summarize([suez, sudan], max_points=2, story_of={1: 1, 2: 2})
    assert sorted(p.citations for p in apart) == [[1], [2]]  # ... but two stories, so no common fact


def test_a_report_of_other_figures_does_not_corroborate_a_point():
    toll = article(1, "لقي 12 شخصا على الأقل حتفهم في سيول سلطنة عمان بينهم طلاب مدارس، بحسب الدفاع المدني.")
    update = article(2, "ارتفعت حصيلة ضحايا سيول سلطنة عمان إلى 13 شخصا بينهم طلاب مدارس، بحسب الدفاع المدني.")
    same = article(3, "قال الدفاع المدني إن 12 شخصا لقوا حتفهم في سيول سلطنة عمان بينهم طلاب مدارس.")
    points = summarize([toll, update, same], max_points=3)
    twelve = next(p for p in points if p.article in (1, 3))
    assert 2 not in twelve.citations and {1, 3} <= set(twelve.citations)


def test_a_correction_that_repeats_a_figure_with_a_new_one_is_its_own_point():
    lead = article(1, "ارتفعت حصيلة ضحايا فيضانات كسلا شرقي السودان إلى 25 قتيلا بحسب السلطات المحلية في الولاية.",
                   "تصحيح: ورد في نسخة سابقة من هذا الخبر أن الحصيلة بلغت 27 قتيلا والصحيح 25 قتيلا بحسب السلطات.")
    points = summarize([lead], max_points=2)
    assert len(points) == 2 and any("تصحيح" in p.arabic for p in points)


def test_an_aside_on_another_matter_is_no_point_of_the_story():
    """A prime minister's press conference on the rate cut and the Sudan truce joins the truce story; its
    lead, on the rate cut, is no point of that story (helper-written Egyptian morning)."""
    from brief.config import BuildSettings
    from brief.pipeline import choose_points, prepare

    articles = prepare([str(Path(__file__).parent / "data" / "mornings" / "egypt")]).articles
    stories, points, _ = choose_points(articles, BuildSettings())
    presser = next(a.number for a in articles if "madbouly" in a.file)
    truce = next(s for s in stories if presser in s.articles)
    assert not any("الفائدة" in p.arabic for p in points if p.story == truce.number)


def test_a_key_point_does_not_open_with_the_wire_dateline():
    from brief.pipeline import prepare

    articles = prepare([str(ROOT / "tests" / "data" / "clean_gold" / "articles" / "wafa_paste_decree.txt")]).articles
    points = summarize(articles, max_points=3)
    assert points and points[0].arabic.startswith("أصدر رئيس دولة فلسطين")
    assert not any("وفا-" in p.arabic for p in points)


def test_a_headline_pasted_alone_is_cited_on_the_one_point_it_states(tmp_path):
    # A one-line flash meets every sentence of its story on the story's names: as a cluster member it was
    # cited for the Kim visit of 2023 and lifted a second "first visit" point onto the page.
    import shutil

    from brief.config import BuildSettings
    from brief.pipeline import choose_points, prepare

    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "zz_flash.txt").write_text(
        "عاجل: بوتين يصل إلى بيونغ يانغ في أول زيارة لكوريا الشمالية منذ 24 عاما\n", encoding="utf-8")
    articles = prepare([str(tmp_path)]).articles
    flash = next(a.number for a in articles if a.file.endswith("zz_flash.txt"))
    stories, points, _ = choose_points(articles, BuildSettings())
    assert len(stories) == 1
    citing = [fact_of(p.arabic) for p in points if flash in p.citations]
    assert citing == ["first_visit_24_years"]
    facts = Counter(fact_of(p.arabic) for p in points if fact_of(p.arabic))
    assert all(n == 1 for n in facts.values()), facts


def test_the_minutes_of_a_match_do_not_tell_two_reports_of_its_goals_apart():
    # "The 23rd and 58th minutes" and "his tally to 14" are no two figures of one count: one fact.
    first = article(1, "وسجل كريستيانو رونالدو هدفي النصر في الدقيقتين 23 و58 قبل أن يضيف ساديو ماني الهدف الثالث في "
                       "الدقيقة 81 من المباراة.")
    second = article(2, "وسجل النجم البرتغالي كريستيانو رونالدو ثنائية النصر ليرفع رصيده إلى 14 هدفا، وأضاف ساديو ماني "
                        "الهدف الثالث للنصر.")
    points = summarize([first, second], max_points=2)
    assert points[0].citations == [1, 2]
    # A count still tells two counts apart: "12 dead" is not "13 dead".
    toll = [article(1, "قتل 12 شخصا في انفجار ضرب سوقا شعبيا في مدينة الموصل شمال العراق صباح اليوم."),
            article(2, "قتل 13 شخصا في انفجار ضرب سوقا شعبيا في مدينة الموصل شمال العراق صباح اليوم.")]
    assert [p.citations for p in summarize(toll, max_points=2)] == [[1], [2]]


@pytest.mark.parametrize("rounded,exact,same", [
    ("نحو 500", "480", True), ("أكثر من 300", "312", True),
    ("نحو 500", "800", False), ("أكثر من 300", "412", False), ("500", "480", False)])
def test_a_rounded_figure_is_the_exact_one_it_rounds(rounded, exact, same):
    # The third test morning: "about 500 trucks" (one outlet) and "480 trucks" (another, citing the UN) were
    # two facts, so the point missed a source.
    articles = [article(1, f"قالت الأمم المتحدة إن {rounded} شاحنة مساعدات باتت جاهزة للتحرك نحو الفاشر وكادقلي فور "
                           "بدء الهدنة."),
                article(2, f"وتنتظر {exact} شاحنة محملة بالأغذية والأدوية عند معبر أدري للتوجه إلى الفاشر وكادقلي فور "
                           "سريان الهدنة وفق الأمم المتحدة.")]
    cited = [p.citations for p in summarize(articles, max_points=2)]
    assert (cited == [[1, 2]]) == same, cited


# Two more labelled mornings, each written and labelled blind by a helper before it read this code
# (2026-12-03). levant: the Sudan truce, an Egyptian rate cut, a Jordanian bus crash (three papers naming
# their towns, not their country), a Saudi league match, two single reports; measured once before the fixes it
# prompted: the crash two stories and its toll two points, recall 0.80, precision 1.0, 4 of 8 points fully
# cited; now six right stories, 8 facts, none twice, recall 0.90, precision 1.0. maghreb: Tetouan floods,
# OPEC+, a Kuwaiti verdict, Iraq's presidential vote, a Moroccan measles campaign, two single reports and an
# opinion column; measured once: the column joined the Iraqi story and was cited for its facts (it was not
# read as one), 10 of 19 articles had no outlet; now eight right stories, 8 facts, recall 0.94, precision 1.0.
# The misses left are paraphrases ("in Jeddah on 15 December" / "in the middle of the month"). redsea (a third,
# 2026-12-03): an Egyptian train collision (a toll updated from 12 to 17), the Sudan truce, a Saudi rate cut,
# a Yemeni prisoner exchange, a Gulf club final, two single reports and a column; measured once: seven right
# stories, 8 facts, recall and precision 1.0 (8 of 19 articles had no outlet: their outlet lines are read now).
MORNINGS = ROOT / "tests" / "data" / "mornings"


def _morning_fact(text: str, facts: list[dict]) -> dict | None:
    form = f" {_matching_form(text)} "
    return next((f for f in facts if any(f" {key} " in form for key in f["keys"])), None)


@pytest.mark.parametrize("morning", ["levant", "maghreb", "redsea"])
def test_a_labelled_morning_groups_its_events_and_cites_its_facts(morning):
    from brief.config import BuildSettings
    from brief.pipeline import choose_points, prepare

    facts = json.loads((MORNINGS / f"{morning}.facts.json").read_text(encoding="utf-8"))["facts"]
    event_of = {seed: f["event"] for f in facts for seed in f["seeds"]}
    articles = prepare([str(MORNINGS / morning)]).articles
    assert [a.file for a in articles if not a.outlet] == []  # every one names its outlet somewhere
    name = {a.number: Path(a.file).name for a in articles}
    stories, points, _ = choose_points(articles, BuildSettings())
    assert sorted(sorted(name[n] for n in s.articles) for s in stories) == sorted(
        sorted(n for n, e in event_of.items() if e == event) for event in set(event_of.values()))
    stated = [_morning_fact(p.arabic, facts) for p in points]
    assert all(stated), [p.arabic for p, f in zip(points, stated) if not f]
    counts = Counter(f["id"] for f in stated)
    assert len(counts) >= 7 and max(counts.values()) == 1, counts
    recall = [len({name[n] for n in p.citations} & set(f["seeds"])) / len(f["seeds"]) for p, f in zip(points, stated)]
    precision = [len({name[n] for n in p.citations} & set(f["seeds"])) / len(p.citations)
                 for p, f in zip(points, stated)]
    assert sum(recall) / len(recall) >= 0.85 and sum(precision) / len(precision) >= 0.95, (recall, precision)
