"""Extractive multi-document summarizer over Arabic sentences: key points with the sources that corroborate them.

How a point is chosen
---------------------
1. Every sentence becomes a TF-IDF vector of its light-stemmed content terms (brief.arabic), so that
   inflected and differently spelt forms meet; IDF is taken over all sentences of the run.
2. Each sentence gets a base score, a weighted sum of
   - centrality: continuous LexRank (PageRank on the cosine graph) over the sentences of ALL the
     run's articles, so what several articles say pulls a sentence up;
   - position: leads carry the news (1 / (1 + rank / position_scale) over an article's body sentences);
   - informativeness: enough words to state a fact, numbers, quotations;
   multiplied by penalties for headlines (title/heading lines), questions, captions and fragments.
3. Sentences stating the same fact in different articles are clustered (seeded by the best
   sentence, joined by cosine >= fact_threshold). The seed is the cluster's representative; the
   cluster cites every article in it; corroboration by several articles raises its score.
4. Clusters are picked by MMR (lambda * score - (1 - lambda) * similarity to what is already
   chosen) within a budget of points and of words (whitespace words of the Arabic). A point that
   would overflow the word budget is skipped and a shorter one may take its place.

Deterministic: no randomness; every ordering breaks ties on (article number, sentence index).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass

from brief.arabic import content_terms, has_arabic, tokens
from brief.models import Article, KeyPoint, Sentence

_QUESTION = re.compile(r"[?؟]\s*[\"'”’»)\]]*\s*$")
_FINAL = re.compile(r"[.!?؟…:؛\"'”’»)\]]\s*$")
_DIGIT = re.compile(r"[0-9٠-٩]")
_QUOTE = re.compile("[\"“”«»]")
# Lines that describe a picture or credit it rather than report anything.
_CAPTION_WORDS = frozenset(tokens("صورة الصورة صور أرشيفية ارشيفية أرشيف ارشيف تصوير getty afp reuters"))


@dataclass
class SummarizerSettings:
    """Every knob of the summarizer; `as_dict()` goes into each brief's reproducibility signature."""

    centrality_weight: float = 1.0
    position_weight: float = 1.0
    info_weight: float = 0.3
    position_scale: float = 60.0  # words of article text before a sentence at which its position score halves
    damping: float = 0.85  # LexRank/PageRank damping
    edge_threshold: float = 0.05  # cosine below this is no edge of the centrality graph
    fact_threshold: float = 0.4  # cosine at which sentences of different articles state the same fact
    duplicate_threshold: float = 0.8  # cosine at which two sentences of one article repeat each other
    corroboration_weight: float = 0.3  # score x (1 + w * ln(articles in the cluster))
    mmr_lambda: float = 0.7
    min_words: int = 6  # shorter sentences are fragments
    headline_penalty: float = 0.2  # multipliers for sentences that should not be points
    question_penalty: float = 0.3
    fragment_penalty: float = 0.3
    caption_penalty: float = 0.2

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Candidate:
    article: int  # source number
    index: int  # sentence index in its article
    sentence: Sentence
    words: int
    vector: dict
    score: float = 0.0


def word_count(text: str) -> int:
    """Words as the budget counts them: whitespace-separated pieces of the Arabic text."""
    return len(text.split())


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


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


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


def hard_wrapped(article: Article) -> bool:
    """True when the article's text was wrapped at a fixed width (e-mail, PDF or wire copy): most lines
    then end near the same length, and a 'heading' is only the first part of a sentence cut by the wrap."""
    lengths = [len(line.text.strip()) for line in article.lines
               if line.kind in ("title", "heading", "body") and line.text.strip()]
    if len(lengths) < 4:
        return False
    width = max(lengths)
    return width <= 120 and sum(length >= 0.85 * width for length in lengths) >= 0.5 * len(lengths)


def _penalty(sentence: Sentence, words: int, settings: SummarizerSettings, wrapped: bool = False) -> float:
    """Multiplier for sentences that should not be points: headlines, questions, captions, fragments.

    In hard-wrapped text a line the cleaner took for a heading is body text unless it is short."""
    factor = 1.0
    text = sentence.text.strip()
    if sentence.kind != "body" and not (wrapped and words >= settings.min_words):
        factor *= settings.headline_penalty
    if _QUESTION.search(text):
        factor *= settings.question_penalty
    lowered = set(tokens(text))
    if words <= 12 and lowered & _CAPTION_WORDS:
        factor *= settings.caption_penalty
    if words < settings.min_words or (words < 2 * settings.min_words and not wrapped and not _FINAL.search(text)):
        factor *= settings.fragment_penalty
    return factor


def _informativeness(sentence: Sentence, words: int, terms: int, settings: SummarizerSettings) -> float:
    """0..1: long enough to state a whole fact, dense in content words, with numbers or a quotation."""
    length = min(1.0, words / (3.0 * settings.min_words))
    density = terms / words if words else 0.0
    extra = 0.5 * bool(_DIGIT.search(sentence.text)) + 0.5 * bool(_QUOTE.search(sentence.text))
    return (2.0 * length + density + extra) / 4.0


def score_sentences(articles: list[Article], settings: SummarizerSettings) -> tuple[list[_Candidate], list[list[float]]]:
    """Every usable sentence of the run with its base score, and their pairwise cosine similarities."""
    candidates: list[_Candidate] = []
    term_lists: list[list[str]] = []
    wrapped: set[int] = set()
    for article in sorted(articles, key=lambda a: a.number):
        if hard_wrapped(article):
            wrapped.add(article.number)
        for position, sentence in enumerate(article.sentences):
            if not sentence.text.strip() or not has_arabic(sentence.text):
                continue
            candidates.append(_Candidate(article.number, position, sentence, word_count(sentence.text), {}))
            term_lists.append(content_terms(sentence.text))
    vectors = _vectors(term_lists)
    for candidate, vector in zip(candidates, vectors):
        candidate.vector = vector
    matrix = _similarities(vectors)
    centrality = _lexrank(matrix, settings.damping, settings.edge_threshold)
    top = max(centrality, default=0.0) or 1.0
    before: dict[int, int] = {}  # body words of the article before the sentence
    for k, candidate in enumerate(candidates):
        penalty = _penalty(candidate.sentence, candidate.words, settings, candidate.article in wrapped)
        offset = before.get(candidate.article, 0)
        if penalty >= 1.0 or candidate.sentence.kind == "body":
            before[candidate.article] = offset + candidate.words
        position = 1.0 / (1.0 + offset / settings.position_scale)
        info = _informativeness(candidate.sentence, candidate.words, len(term_lists[k]), settings)
        base = (settings.centrality_weight * centrality[k] / top + settings.position_weight * position
                + settings.info_weight * info)
        candidate.score = base * penalty
    return candidates, matrix


@dataclass
class _Cluster:
    seed: int  # candidate index of the representative
    members: list[int]
    score: float


def cluster_facts(candidates: list[_Candidate], matrix: list[list[float]], settings: SummarizerSettings) -> list[_Cluster]:
    """Group sentences that state the same fact, best sentence first; each cluster cites its articles."""
    order = sorted(range(len(candidates)), key=lambda k: (-candidates[k].score, candidates[k].article, candidates[k].index))
    taken: set[int] = set()
    clusters = []
    for seed in order:
        if seed in taken:
            continue
        taken.add(seed)
        members = [seed]
        row = matrix[seed]
        for other in order:
            if other in taken:
                continue
            same_article = candidates[other].article == candidates[seed].article
            if row[other] >= (settings.duplicate_threshold if same_article else settings.fact_threshold):
                members.append(other)
                taken.add(other)
        sources = {candidates[m].article for m in members}
        score = candidates[seed].score * (1.0 + settings.corroboration_weight * math.log(len(sources)))
        clusters.append(_Cluster(seed, members, score))
    return clusters


def summarize(articles: list[Article], max_points: int, max_words: int | None = None,
              settings: SummarizerSettings | None = None) -> list[KeyPoint]:
    """The key points of `articles`, most important first, each citing every article that states it."""
    settings = settings or SummarizerSettings()
    if max_points <= 0 or not articles:
        return []
    candidates, matrix = score_sentences(articles, settings)
    clusters = cluster_facts(candidates, matrix, settings)
    if not clusters:
        return []
    top = max(c.score for c in clusters) or 1.0
    pool = sorted(clusters, key=lambda c: (-c.score, candidates[c.seed].article, candidates[c.seed].index))
    chosen: list[_Cluster] = []
    used = 0
    while pool and len(chosen) < max_points:
        best, best_value = None, None
        for cluster in pool:
            words = candidates[cluster.seed].words
            if max_words is not None and used + words > max_words:
                continue
            redundancy = max((_redundancy(cluster, picked, matrix) for picked in chosen), default=0.0)
            value = settings.mmr_lambda * cluster.score / top - (1 - settings.mmr_lambda) * redundancy
            if best_value is None or value > best_value + 1e-12:
                best, best_value = cluster, value
        if best is None:
            break
        chosen.append(best)
        pool.remove(best)
        used += candidates[best.seed].words
    points = []
    for cluster in chosen:
        seed = candidates[cluster.seed]
        members = [(candidates[m].article, candidates[m].index) for m in cluster.members]
        points.append(KeyPoint(arabic=seed.sentence.text, citations=sorted({a for a, _ in members}),
                               article=seed.article, sentence=seed.index, score=round(cluster.score, 6),
                               members=members))
    return points


def _redundancy(cluster: _Cluster, picked: _Cluster, matrix: list[list[float]]) -> float:
    return max(matrix[a][b] for a in (cluster.seed,) for b in picked.members)


def summarize_text(text: str, max_words: int | None = None, max_points: int = 50,
                   settings: SummarizerSettings | None = None) -> list[str]:
    """Summary of one article given as plain text: the chosen sentences in article order."""
    from brief.segment import split_sentences

    sentences = [Sentence(text=s, line=0, kind="body", index=i) for i, s in enumerate(split_sentences(text))]
    article = Article(file="-", sentences=sentences, number=1)
    points = summarize([article], max_points=max_points, max_words=max_words, settings=settings)
    return [p.arabic for p in sorted(points, key=lambda p: p.sentence)]
