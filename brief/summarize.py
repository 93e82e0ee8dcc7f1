"""Extractive multi-document summarizer over Arabic sentences: key points with the sources that corroborate them.

How a point is chosen
---------------------
1. Every sentence becomes a TF-IDF vector of its light-stemmed content terms (brief.arabic: normalised
   spelling, stop words out, one prefix and one suffix stripped; Arabic commas and semicolons split off),
   so that inflected and differently spelt forms meet; IDF is taken over all sentences of the run. In a
   dated article, "N years ago / since N years" and "last year" also yield the year they point to, so
   that "the first visit in 24 years" meets "the first visit since 2000".
2. Each sentence gets a base score, a weighted sum of
   - centrality: continuous LexRank (PageRank on the cosine graph) over the sentences of ALL the
     run's articles, so what several articles say pulls a sentence up;
   - position: leads carry the news: 1 / (1 + words before the sentence / position_scale);
   - informativeness: enough words to state a fact (full_length), dense in content words, numbers,
     quotations;
   multiplied by penalties for headlines (title/heading lines), questions, captions and fragments.
   (Hard-wrapped text reaches here already joined into whole sentences by brief.segment.)
3. Sentences stating the same fact in different articles are clustered: the best sentence not yet
   taken seeds a cluster and takes, from every other article, its closest sentence if the cosine
   reaches fact_threshold (headlines are not taken: they meet many sentences of their story without
   stating their fact). The seed, the best-scored sentence, is the representative; the cluster cites
   every article in it, and corroboration raises its score: x (1 + w * ln(articles)).
4. Clusters are ranked by MMR (lambda * score - (1 - lambda) * similarity to what is ranked above).
   Without a word budget the first max_points are the points. With one, the best point is always in
   (alone and whole if it is longer than the whole budget), and the words left go to the subset of
   the other clusters that fits both budgets (points, and whitespace words of the Arabic) with the
   most value, value = (relative MMR value) ** budget_gamma * words (exact 0/1 knapsack): a long point
   that does not fit is skipped and shorter ones fill the words it would have used.

Single article or several: within one article position is the strongest evidence of news value, and
redundancy is rare; across articles every lead restates the main event, so position weighs less
(multi_position_weight) and redundancy more (multi_mmr_lambda), and corroboration decides. Length stops
adding informativeness at 15 words for one article (EASC: the share of a sentence found in human
summaries does not grow beyond that) and at 18 for several (multi_full_length, as set on the seeds).

Deterministic: no randomness; every ordering breaks ties on (article number, sentence index).
Weights were set on the EASC development split (single articles, ROUGE against human extracts)
and on the seed articles (several outlets, tests/data/seed_facts.json); see bench/summarize_notes.md.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass

from brief.arabic import content_terms, has_arabic, to_ascii_digits, tokens
from brief.models import Article, KeyPoint, Sentence

_KNAPSACK_CELLS = 3_000_000  # above this many table cells (items x points x words) the fill is greedy
_QUESTION = re.compile(r"[?؟]\s*[\"'”’»)\]]*\s*$")
_FINAL = re.compile(r"[.!?؟…:؛\"'”’»)\]]\s*$")
_DIGIT = re.compile(r"[0-9٠-٩]")
_QUOTE = re.compile("[\"“”«»]")
# Lines that describe a picture or credit it rather than report anything.
_CAPTION_WORDS = frozenset(tokens("صورة الصورة صور أرشيفية ارشيفية أرشيف ارشيف تصوير getty afp reuters"))
# "N years" (number, then a year word) next to "since" or "ago" (before the number or after the year word),
# and "last year": in a dated article they name a year.
_YEAR_WORDS = frozenset(tokens("عام عاما عامًا سنة سنه سنوات سنين أعوام"))
_AGO_WORDS = frozenset(tokens("منذ قبل مضت"))
_LAST_YEAR = frozenset(tokens("العام والعام السنة والسنة"))
_LAST = frozenset(tokens("الماضي الماضية المنصرم المنصرمة"))
_YEAR = re.compile(r"^(19|20)[0-9]{2}")


@dataclass
class SummarizerSettings:
    """Every knob of the summarizer; `as_dict()` goes into each brief's reproducibility signature."""

    centrality_weight: float = 0.25
    position_weight: float = 1.0
    multi_position_weight: float = 0.25  # position weight when the articles are several (see module doc)
    info_weight: float = 0.4
    position_scale: float = 80.0  # words of text before a sentence at which its position score halves
    damping: float = 0.85  # LexRank/PageRank damping
    edge_threshold: float = 0.05  # cosine below this is no edge of the centrality graph
    fact_threshold: float = 0.15  # cosine at which sentences of different articles state the same fact
    min_shared_terms: int = 2  # ... and share at least this many content terms
    duplicate_threshold: float = 0.8  # cosine at which two sentences of one article repeat each other
    corroboration_weight: float = 1.0  # score x (1 + w * ln(articles in the cluster))
    mmr_lambda: float = 0.85
    multi_mmr_lambda: float = 0.6
    pool_size: int = 60  # clusters ranked by MMR before the budget is fitted
    budget_gamma: float = 2.0  # point value = (relative MMR value) ** gamma * words
    min_words: int = 6  # shorter sentences are fragments
    full_length: int = 15  # informativeness: a sentence this long is long enough to state a fact ...
    multi_full_length: int = 18  # ... when the articles are several
    headline_penalty: float = 0.2  # multipliers for sentences that should not be points
    question_penalty: float = 0.3
    fragment_penalty: float = 0.3
    caption_penalty: float = 0.2
    aside_penalty: float = 0.2  # several articles: a sentence that meets none of the other articles' sentences
    max_sentences: int = 1500  # a bigger story only lets each article's first sentences compete (bounds memory)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Candidate:
    article: int  # source number
    index: int  # sentence index in its article
    sentence: Sentence
    words: int
    terms: frozenset = frozenset()
    score: float = 0.0
    headline: bool = False  # a title or heading line, or a headline pasted alone (`flash`)
    flash: bool = False  # the one line of its article, with no final stop: a headline without its article
    story: int | None = None  # the story of its article, when the caller grouped the articles


def word_count(text: str) -> int:
    """Words as the budget counts them: whitespace-separated pieces of the Arabic text."""
    return len(text.split())


def sentence_terms(text: str, year: int | None = None) -> list[str]:
    """Content terms of a sentence (brief.arabic.content_terms); with the year the article was published,
    "N years ago / since N years" also yields the year it points to, so that "the first visit in 24 years"
    meets "the first visit since 2000"."""
    terms = content_terms(text)
    if year:
        words = tokens(text)
        for i, word in enumerate(words):
            if word.isdigit() and 0 < int(word) < 100 and i + 1 < len(words) and words[i + 1] in _YEAR_WORDS and (
                    (i > 0 and words[i - 1] in _AGO_WORDS) or (i + 2 < len(words) and words[i + 2] in _AGO_WORDS)):
                terms.append(str(year - int(word)))
            elif word in _LAST_YEAR and i + 1 < len(words) and words[i + 1] in _LAST:
                terms.append(str(year - 1))  # "last year"
    return terms


def _vectors(term_lists: list[list[str]]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors (sublinear tf, smoothed idf over the given sentences)."""
    documents = len(term_lists)
    frequency: Counter = Counter()
    for terms in term_lists:
        frequency.update(set(terms))
    out = []
    for terms in term_lists:
        counts = Counter(terms)
        vector = {t: (1.0 + math.log(c)) * (math.log((1 + documents) / (1 + frequency[t])) + 1.0)
                  for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        out.append({t: v / norm for t, v in vector.items()} if norm else {})
    return out


def _similarities(vectors: list[dict[str, float]]) -> list[list[float]]:
    size = len(vectors)
    matrix = [[0.0] * size for _ in range(size)]
    # Inverted index: only pairs that share a term are compared.
    postings: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        for term in vector:
            postings.setdefault(term, []).append(i)
    for i, vector in enumerate(vectors):
        row = matrix[i]
        for term, weight in vector.items():
            for j in postings[term]:
                if j > i:
                    row[j] += weight * vectors[j][term]
        for j in range(i + 1, size):
            matrix[j][i] = row[j]
    return matrix


def _lexrank(matrix: list[list[float]], damping: float, threshold: float, iterations: int = 100) -> list[float]:
    """Continuous LexRank: stationary distribution of the row-normalised similarity graph."""
    size = len(matrix)
    if size == 0:
        return []
    rows = []
    for i, row in enumerate(matrix):
        edges = [(j, w) for j, w in enumerate(row) if j != i and w >= threshold]
        total = sum(w for _, w in edges)
        rows.append([(j, w / total) for j, w in edges] if total > 0 else None)
    rank = [1.0 / size] * size
    for _ in range(iterations):
        spread = [0.0] * size
        dangling = 0.0
        for i, edges in enumerate(rows):
            if edges is None:
                dangling += rank[i]
            else:
                for j, w in edges:
                    spread[j] += rank[i] * w
        new = [(1 - damping) / size + damping * (spread[j] + dangling / size) for j in range(size)]
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < 1e-9:
            break
    return rank


def _penalty(sentence: Sentence, words: int, settings: SummarizerSettings) -> float:
    """Multiplier for sentences that should not be points: headlines, questions, captions, fragments."""
    factor = 1.0
    text = sentence.text.strip()
    if sentence.kind != "body":
        factor *= settings.headline_penalty
    if _QUESTION.search(text):
        factor *= settings.question_penalty
    lowered = set(tokens(text))
    if words <= 12 and lowered & _CAPTION_WORDS:
        factor *= settings.caption_penalty
    unfinished = not _FINAL.search(text)
    if words < settings.min_words or (words < 2 * settings.min_words and unfinished):
        factor *= settings.fragment_penalty
    return factor


def _informativeness(sentence: Sentence, words: int, terms: int, full_length: int) -> float:
    """0..1: long enough to state a whole fact, dense in content words, with numbers or a quotation."""
    length = min(1.0, words / full_length)
    density = terms / words if words else 0.0
    extra = 0.5 * bool(_DIGIT.search(sentence.text)) + 0.5 * bool(_QUOTE.search(sentence.text))
    return (2.0 * length + density + extra) / 4.0


def _candidates(articles: list[Article],
                settings: SummarizerSettings) -> tuple[list[_Candidate], list[list[str]], list[list[float]]]:
    """Every usable sentence of the run (not yet scored), its content terms, and their pairwise cosines."""
    candidates: list[_Candidate] = []
    term_lists: list[list[str]] = []
    published = [int(a.published[:4]) for a in articles if a.published and _YEAR.match(a.published)]
    run_year = max(published, default=None)  # for an undated article of a dated run
    total = sum(len(a.sentences) for a in articles)
    # The similarity matrix is quadratic: past max_sentences, each article keeps its first sentences only
    # (leads carry the news; a fact every outlet reports is in them).
    per_article = None if total <= settings.max_sentences else max(3, settings.max_sentences // len(articles))
    for article in sorted(articles, key=lambda a: a.number):
        year = int(article.published[:4]) if article.published and _YEAR.match(article.published) else run_year
        usable = [(position, sentence) for position, sentence in enumerate(article.sentences[:per_article])
                  if sentence.text.strip() and has_arabic(sentence.text) and sentence.kind != "dateline"]
        # A headline pasted alone (a one-line flash with no final stop) is a headline, though no article
        # stands under it to make it one: it meets every sentence of its story on the story's names.
        flash = len(usable) == 1 and not _FINAL.search(usable[0][1].text.strip())
        for position, sentence in usable:
            terms = sentence_terms(sentence.text, year)
            candidates.append(_Candidate(article.number, position, sentence, word_count(sentence.text),
                                         frozenset(terms), headline=sentence.kind != "body" or flash,
                                         flash=flash))
            term_lists.append(terms)
    return candidates, term_lists, _similarities(_vectors(term_lists))


def score_sentences(articles: list[Article],
                    settings: SummarizerSettings) -> tuple[list[_Candidate], list[list[float]]]:
    """Every usable sentence of the run with its base score, and their pairwise cosine similarities."""
    candidates, term_lists, matrix = _candidates(articles, settings)
    centrality = _lexrank(matrix, settings.damping, settings.edge_threshold)
    top = max(centrality, default=0.0) or 1.0
    several = len({c.article for c in candidates}) > 1
    position_weight = settings.multi_position_weight if several else settings.position_weight
    full_length = settings.multi_full_length if several else settings.full_length
    before: dict[int, int] = {}  # words of the article's text (headlines left out) before the sentence
    for k, candidate in enumerate(candidates):
        penalty = _penalty(candidate.sentence, candidate.words, settings)
        offset = before.get(candidate.article, 0)
        if penalty >= 1.0 or candidate.sentence.kind == "body":
            before[candidate.article] = offset + candidate.words
        position = 1.0 / (1.0 + offset / settings.position_scale)
        info = _informativeness(candidate.sentence, candidate.words, len(term_lists[k]), full_length)
        base = (settings.centrality_weight * centrality[k] / top + position_weight * position
                + settings.info_weight * info)
        if several and not any(matrix[k][j] >= settings.edge_threshold for j, other in enumerate(candidates)
                               if other.article != candidate.article):
            # An aside on another matter (a press conference's answer on another story) is no point of
            # this story, however early it stands in its article.
            penalty *= settings.aside_penalty
        candidate.score = base * penalty
    return candidates, matrix


@dataclass
class _Cluster:
    seed: int  # candidate index of the representative
    members: list[int]
    score: float
    articles: set


def cluster_facts(candidates: list[_Candidate], matrix: list[list[float]],
                  settings: SummarizerSettings) -> list[_Cluster]:
    """Group sentences that state the same fact, best sentence first; each cluster cites its articles.

    The best sentence not yet taken seeds a cluster; from every other article it takes the one sentence
    closest to the seed if that reaches fact_threshold (an article states a fact once; taking only its
    closest sentence keeps a seed from sweeping up loosely related ones), and from its own article any
    near-copy (duplicate_threshold). A headline (title or heading line) is not taken from another
    article: short and dense in names, it meets many sentences of its story without stating their fact."""
    order = sorted(range(len(candidates)),
                   key=lambda k: (-candidates[k].score, candidates[k].article, candidates[k].index))
    taken: set[int] = set()
    clusters = []
    for seed in order:
        if seed in taken:
            continue
        taken.add(seed)
        members = [seed]
        row = matrix[seed]
        closest: dict[int, int] = {}
        for other in order:
            if other in taken:
                continue
            article = candidates[other].article
            if article == candidates[seed].article:
                if row[other] >= settings.duplicate_threshold:
                    members.append(other)
            elif (_states_same_fact(seed, other, candidates, matrix, settings)
                  and (article not in closest or row[other] > row[closest[article]] + 1e-12)):
                closest[article] = other
        members.extend(closest[a] for a in sorted(closest))
        taken.update(members)
        sources = {candidates[m].article for m in members}
        score = candidates[seed].score * (1.0 + settings.corroboration_weight * math.log(len(sources)))
        clusters.append(_Cluster(seed, members, score, sources))
    clusters.sort(key=lambda c: (-c.score, candidates[c.seed].article, candidates[c.seed].index))
    return clusters


def _states_same_fact(seed: int, other: int, candidates: list[_Candidate], matrix: list[list[float]],
                      settings: SummarizerSettings, headline_ok: bool = False) -> bool:
    """Whether `other` states the seed's fact: close enough, sharing enough terms, and not a headline (short
    and dense in names, it meets many sentences of its story without stating their fact). One common word
    is no common fact: a short headline meets many sentences on a single term."""
    return (matrix[seed][other] >= settings.fact_threshold and (headline_ok or not candidates[other].headline)
            and candidates[seed].story == candidates[other].story
            and len(candidates[seed].terms & candidates[other].terms) >= settings.min_shared_terms
            and not _other_figures(candidates[seed].sentence.text, candidates[other].sentence.text))


def _other_figures(first: str, second: str) -> bool:
    """Whether two sentences state telling figures and share none ("12 dead" and "13 dead"). The minutes of
    a match are no such figures: "scored twice, in the 23rd and 58th minutes" and "scored both goals, taking
    his tally to 14" state one fact."""
    a = {f for f in _figures(_MINUTES.sub(" ", first)) if _telling(f)}
    b = {f for f in _figures(_MINUTES.sub(" ", second)) if _telling(f)}
    if not a or not b or a & b:
        return False
    # A rounded figure is the exact one it rounds: "نحو 500 شاحنة" and "480 شاحنة", "أكثر من 300" and "312".
    return not any(_within(figure, span) for figure in a for span in _approximations(second)) and not any(
        _within(figure, span) for figure in b for span in _approximations(first))


# Words that round the figure after them, and how far the exact figure may stand from it (low, high).
_APPROXIMATORS = re.compile(r"(?:^|\s)(?:[وب]?(?:نحو|حوالي|حوالى|قرابه|قرابة|زهاء|ما يقارب|ما يناهز|يناهز|يقارب)|"
                            r"(?P<above>اكثر من|أكثر من|ما يزيد على|ما يزيد عن|يزيد على|يزيد عن|ازيد من|أزيد من|"
                            r"ما يربو على|يربو على))\s+(?P<figure>\d+(?:[.,]\d+)*)")
APPROXIMATE_SHARE = 0.1  # "about 500" is 450 to 550; "more than 300" is 300 to 330


def _approximations(text: str) -> list[tuple[float, float]]:
    spans = []
    for match in _APPROXIMATORS.finditer(to_ascii_digits(text)):
        if not _telling(match["figure"]) or _YEAR.fullmatch(match["figure"]):
            continue
        value = float(match["figure"].replace(",", ""))
        spans.append((value, value * (1 + APPROXIMATE_SHARE)) if match["above"]
                     else (value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)))
    return spans


def _within(figure: str, span: tuple[float, float]) -> bool:
    try:
        value = float(figure.replace(",", ""))
    except ValueError:
        return False
    return span[0] <= value <= span[1]


# "الدقيقة 23", "في الدقيقتين 23 و58", "الدقائق 45+2": the time of a moment in a match.
_MINUTES = re.compile(r"(?:ال)?(?:دقيق[ةه]|دقيقتين|دقيقتان|دقائق)\s+[0-9٠-٩]+(?:\s*\+\s*[0-9٠-٩]+)?"
                      r"(?:\s*(?:،|,|و)\s*(?:ال)?[0-9٠-٩]+(?:\s*\+\s*[0-9٠-٩]+)?)*")


def summarize(articles: list[Article], max_points: int, max_words: int | None = None,
              settings: SummarizerSettings | None = None, earlier: list[Article] | None = None,
              told: set[tuple[int, int]] | None = None, story_of: dict[int, int] | None = None) -> list[KeyPoint]:
    """The key points of `articles`, most important first, each citing every article that states it.

    `earlier` articles (a follow-up story's, already in an earlier brief) give no point but are cited too
    where they state a point's fact; `told` sentences, as (article, index), were in an earlier brief:
    they support points but are none themselves. With `story_of` (article → story), only articles of one
    story can state the same fact: "7.2 billion dollars" and "2.7 billion dollars" of two events are not."""
    settings = settings or SummarizerSettings()
    # A copy of another article here (the same file saved twice) is no second report: it neither
    # corroborates nor is cited; the source list says whose copy it is.
    present = {a.number for a in articles} | {a.number for a in earlier or []}
    articles = [a for a in articles if a.duplicate_of not in present]
    earlier = [a for a in earlier or [] if a.duplicate_of not in present]
    if max_points <= 0 or not articles:
        return []
    points = _points(articles, max_points, max_words, settings, told or set(), story_of or {})
    if earlier:
        _cite_earlier(points, articles, earlier, settings)
    return points


def _cite_earlier(points: list[KeyPoint], articles: list[Article], earlier: list[Article],
                  settings: SummarizerSettings) -> None:
    """Add to each point the earlier articles that state its fact, by the clustering test over all of them
    (similarities only: the earlier articles give no point, so nothing is scored)."""
    candidates, _, matrix = _candidates([*articles, *earlier], settings)
    position = {(c.article, c.index): k for k, c in enumerate(candidates)}
    old = {a.number for a in earlier}
    for point in points:
        seed = position.get((point.article, point.sentence))
        if seed is not None:
            # (An earlier report of other figures, yesterday's "12 dead" for today's "27 dead", is the
            # fact before it changed: _states_same_fact leaves it out.)
            added = {a for a in _also_stating(seed, candidates, matrix, settings) if a in old}
            point.citations = sorted(set(point.citations) | added)


def _figures(text: str) -> set[str]:
    """The figures a sentence states, years left out (a date is no count)."""
    return {n for n in re.findall(r"\d+(?:[.,]\d+)*", to_ascii_digits(text)) if not _YEAR.fullmatch(n)}


def _points(articles: list[Article], max_points: int, max_words: int | None,
            settings: SummarizerSettings, told: set[tuple[int, int]], story_of: dict[int, int]) -> list[KeyPoint]:
    candidates, matrix = score_sentences(articles, settings)
    for candidate in candidates:
        candidate.story = story_of.get(candidate.article)
    clusters = cluster_facts(candidates, matrix, settings)
    ranked = mmr_order(clusters, matrix, settings, limit=max(settings.pool_size, max_points))
    ranked = _without_restated_headlines(ranked, candidates)
    ranked = [(c, v) for c, v in ranked if (candidates[c.seed].article, candidates[c.seed].index) not in told]
    ranked = _without_restated_figures(ranked, candidates, matrix, settings)
    if max_words is None:
        chosen = [cluster for cluster, _ in ranked[:max_points]]
    else:
        chosen = fit_budget(ranked, [candidates[c.seed].words for c, _ in ranked], max_points, max_words, settings)
    points = []
    for cluster in chosen:
        seed = candidates[cluster.seed]
        members = [(candidates[m].article, candidates[m].index) for m in cluster.members]
        cited = {a for a, _ in members} | _also_stating(cluster.seed, candidates, matrix, settings)
        points.append(KeyPoint(arabic=seed.sentence.text, citations=sorted(cited),
                               article=seed.article, sentence=seed.index, score=round(cluster.score, 6),
                               members=members))
    _cite_flashes(points, chosen, candidates, matrix, settings)
    return points


def _cite_flashes(points: list[KeyPoint], chosen: list[_Cluster], candidates: list[_Candidate],
                  matrix: list[list[float]], settings: SummarizerSettings) -> None:
    """Cite a headline pasted alone on the one point it states, the closest: as a headline it joins no
    cluster (it would meet every sentence of its story), yet it reports that point's fact."""
    for k, flash in enumerate(candidates):
        if not flash.flash:
            continue
        stating = [(matrix[cluster.seed][k], number) for number, cluster in enumerate(chosen)
                   if candidates[cluster.seed].article != flash.article
                   and _states_same_fact(cluster.seed, k, candidates, matrix, settings, headline_ok=True)]
        if stating:
            point = points[max(stating)[1]]
            point.citations = sorted(set(point.citations) | {flash.article})


def _without_restated_headlines(ranked: list[tuple[_Cluster, float]],
                                candidates: list[_Candidate]) -> list[tuple[_Cluster, float]]:
    """The ranked clusters less any headline, alone in its cluster, whose terms are mostly in a
    better-ranked point: a short story's headline otherwise takes a free point by restating its lead."""
    kept: list[tuple[_Cluster, float]] = []
    for cluster, value in ranked:
        seed = candidates[cluster.seed]
        alone = all(candidates[m].article == seed.article for m in cluster.members)  # no other article's sentence
        if seed.headline and seed.terms and alone and any(
                len(seed.terms & candidates[k.seed].terms) >= len(seed.terms) / 2 for k, _ in kept):
            continue
        kept.append((cluster, value))
    return kept


def _without_restated_figures(ranked: list[tuple[_Cluster, float]], candidates: list[_Candidate],
                              matrix: list[list[float]], settings: SummarizerSettings) -> list[tuple[_Cluster, float]]:
    """The ranked clusters less any whose seed states a better-ranked seed's fact with the same figure
    ("cut rates by 225 basis points" in a wire copy's lead and in the first report), merged into that
    one: the clustering takes one sentence per article, so another article's restatement could seed a
    second point."""
    kept: list[tuple[_Cluster, float]] = []
    for cluster, value in ranked:
        figures = {f for f in _figures(candidates[cluster.seed].sentence.text) if _telling(f)}
        # Only a sentence that adds no figure of its own restates: "correction: 27 dead, not 25" is news.
        same = next((k for k, _ in kept if figures and figures <= _figures(candidates[k.seed].sentence.text)
                     and (_states_same_fact(k.seed, cluster.seed, candidates, matrix, settings)
                          or _states_same_fact(cluster.seed, k.seed, candidates, matrix, settings))), None)
        if same is None:
            kept.append((cluster, value))
            continue
        # Its sentences state the kept point's fact: they support that point (and its citations).
        same.members.extend(m for m in cluster.members if m not in same.members)
        same.articles |= cluster.articles
    return kept


def _telling(figure: str) -> bool:
    """A figure specific enough to identify a fact: 10 or more, or with a fraction (not "2 people")."""
    return "." in figure or "," in figure or figure.isdigit() and int(figure) >= 10


def _also_stating(seed: int, candidates: list[_Candidate], matrix: list[list[float]],
                  settings: SummarizerSettings) -> set[int]:
    """Articles with a sentence that states the seed's fact by the clustering test, even one that went to
    another cluster: a sentence can state two facts (a treaty and its defence clause) and supports both."""
    return {other.article for k, other in enumerate(candidates)
            if _states_same_fact(seed, k, candidates, matrix, settings)}


def mmr_order(clusters: list[_Cluster], matrix: list[list[float]], settings: SummarizerSettings,
              limit: int) -> list[tuple[_Cluster, float]]:
    """Clusters in Maximal Marginal Relevance order, each with its MMR value (relative to the best score)."""
    if not clusters:
        return []
    top = max(c.score for c in clusters) or 1.0
    several = len({a for c in clusters for a in c.articles}) > 1
    weight = settings.multi_mmr_lambda if several else settings.mmr_lambda
    pool = list(clusters)  # already sorted best first, ties on (article, index)
    # Most similar already-chosen representative, kept up to date as the ranking grows.
    nearest = {id(c): 0.0 for c in pool}
    ranked: list[tuple[_Cluster, float]] = []
    while pool and len(ranked) < limit:
        best, best_value = None, None
        for cluster in pool:
            value = weight * cluster.score / top - (1 - weight) * nearest[id(cluster)]
            if best_value is None or value > best_value + 1e-12:
                best, best_value = cluster, value
        ranked.append((best, best_value))
        pool.remove(best)
        for cluster in pool:
            nearest[id(cluster)] = max(nearest[id(cluster)], _redundancy(cluster, best, matrix))
    return ranked


def fit_budget(ranked: list[tuple[_Cluster, float]], words: list[int], max_points: int, max_words: int,
               settings: SummarizerSettings) -> list[_Cluster]:
    """The subset of the ranked clusters that fits both budgets and carries the most value, in rank order.

    The best point is always in: a summary must not drop its main fact to pack shorter ones in its
    place; when that one point is longer than the whole word budget, it is the summary on its own (the
    budget is then exceeded by that one sentence, never cut). The words left are filled by the subset of
    the other points with the most value, a point's value being (its MMR value relative to the best) **
    budget_gamma times its words: exact 0/1 knapsack, or greedy when the table would be too large."""
    top = max((v for _, v in ranked), default=0.0)
    if top <= 0 or max_words <= 0 or max_points <= 0:
        return []
    first, rest = ranked[0][0], ranked[1:]
    if words[0] >= max_words or max_points == 1:
        return [first]
    items = [(i, (value / top) ** settings.budget_gamma * count)
             for i, ((_, value), count) in enumerate(zip(rest, words[1:]), start=1)
             if value > 0 and 0 < count <= max_words - words[0]]
    chosen = _knapsack(items, words, max_points - 1, max_words - words[0])
    return [first] + [cluster for i, (cluster, _) in enumerate(ranked) if i in chosen]


def _knapsack(items: list[tuple[int, float]], words: list[int], max_points: int, max_words: int) -> set[int]:
    """Indices of the items (index, value) with the most total value within max_points and max_words."""
    if sum(words[i] for i, _ in items) <= max_words:
        # Everything fits: the budget does not bind, only the point count does.
        return {i for i, _ in items[:max_points]}
    if len(items) * max_points * max_words > _KNAPSACK_CELLS:
        chosen_greedy, used = set(), 0
        for i, _ in items:
            if len(chosen_greedy) < max_points and used + words[i] <= max_words:
                chosen_greedy.add(i)
                used += words[i]
        return chosen_greedy
    # best[k][b]: best value with k points and exactly b words; keep the choice table for the backtrack.
    negative = float("-inf")
    best = [[negative] * (max_words + 1) for _ in range(max_points + 1)]
    best[0][0] = 0.0
    taken: list[list[list[bool]]] = []
    for i, value in items:
        size = words[i]
        took = [[False] * (max_words + 1) for _ in range(max_points + 1)]
        for k in range(min(max_points, len(taken) + 1), 0, -1):
            row, previous = best[k], best[k - 1]
            flags = took[k]
            for b in range(max_words, size - 1, -1):
                candidate = previous[b - size]
                if candidate != negative and candidate + value > row[b] + 1e-12:
                    row[b] = candidate + value
                    flags[b] = True
        taken.append(took)
    k, b, value = 0, 0, 0.0
    for kk in range(max_points + 1):
        for bb in range(max_words + 1):
            if best[kk][bb] > value + 1e-12:
                k, b, value = kk, bb, best[kk][bb]
    chosen: set[int] = set()
    for position in range(len(items) - 1, -1, -1):
        if k > 0 and taken[position][k][b]:
            i = items[position][0]
            chosen.add(i)
            k, b = k - 1, b - words[i]
    return chosen


def _redundancy(cluster: _Cluster, picked: _Cluster, matrix: list[list[float]]) -> float:
    return max(matrix[a][b] for a in (cluster.seed,) for b in picked.members)


def main(argv: list[str] | None = None) -> None:
    """`python -m brief.summarize [--max-words N] [--points N] < article.txt` is `brief summarize - --plain`,
    with the word budget from $SUMMARY_MAX_WORDS when not given (the EASC scorer's convention)."""
    import os
    import sys

    from brief.cli import main as command_line

    # --single: the scorer's example passes it; the input is one article anyway.
    args = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--single"]
    if "--max-words" not in args and os.environ.get("SUMMARY_MAX_WORDS", "").isdigit():
        args += ["--max-words", os.environ["SUMMARY_MAX_WORDS"]]
    # Through the console entry point: the same one-line errors, exit codes and signal handling.
    command_line(["summarize", "-", "--plain", *args], prog_name="brief")


if __name__ == "__main__":
    main()
