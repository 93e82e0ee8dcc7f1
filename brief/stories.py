"""Stories: group the run's articles by the event they report, rank them, and share the page between them.

Articles are compared as TF-IDF vectors of their stemmed content terms (title counted twice, since a
headline names the event most densely) and grouped by average-linkage agglomerative clustering: two
groups join while the mean similarity over all their cross pairs reaches the threshold. Average
linkage neither chains unrelated events through one broad article (single linkage) nor splits one
event's short wire item from its long feature (complete linkage). Everything is deterministic: ties
break on source numbers.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from pathlib import Path

from brief.arabic import content_terms, country_mentions, normalize
from brief.models import Article, Story, outlet_key

# Mean cross-pair cosine at which two groups of articles are the same event. Chosen on
# tests/data/stories (36 articles, 13 events): there the same-event pairs sit well above it and the
# closest unrelated events (storm vs earthquake, interest rates vs oil) well below.
DEFAULT_THRESHOLD = 0.12
# An article this close to one an earlier brief used (by the terms the state keeps) continues its story,
# though that article is not among today's inputs. Measured on a helper-written week: continuing stories
# reach 0.17 to 0.52, others at most 0.10.
FOLLOWUP_THRESHOLD = 0.15

TITLE_WEIGHT = 2.0
# An article of at most this many terms (a headline pasted alone, a one-line flash) is compared by how much
# of it the other article holds, CONTAINED_FACTOR counting a wholly held one. On headline-only copies of
# the 36 articles of tests/data/stories, the right event holds 0.22 to 1.0 of a headline (mean over its
# articles), another event at most 0.28 (0.11 after the factor, under DEFAULT_THRESHOLD).
SHORT_TERMS = 12
CONTAINED_FACTOR = 0.4
# Similarity kept between two articles set in two countries that neither names the other's: a beat's
# words (a verdict, a quake, an inflation figure) otherwise join another country's event of the same kind.
PLACE_FACTOR = 0.25

# Words of news reporting itself rather than of any event; normalised and light-stemmed like
# content_terms output, so an outlet's house style does not pull unrelated events together.
NEWS_TERMS = frozenset(content_terms(
    "المصدر وكالة وكالات الأنباء انباء مصدر مصادر تصريح تصريحات صحفي الصحفي بيان مؤتمر اعلن أعلن أعلنت "
    "أكد أكدت أوضح أوضحت أشار أشارت وأضاف أضافت وأوضح وأكد يوم الأحد الاثنين الثلاثاء الأربعاء الخميس "
    "الجمعة السبت صباح مساء الماضي المقبل العام عام الأسبوع الشهر ساعة ساعات يناير فبراير مارس أبريل "
    "مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر حزيران رويترز فرانس برس عاجل عاجلة "
    # A beat's own vocabulary names the kind of event, not which one: every league title has "crowned",
    # "title", "season", "points", "for the Nth time in its history, without a defeat"; every economic
    # release "growth", "quarter", "percent", "billion", "raises", "decision". (Measured on three helper-
    # written mornings and the stories test set: a Saudi and a Moroccan league title, an Egyptian rate cut
    # and Jordan's fuel prices, were one story each; no same-event pair split.)
    "لقب اللقب بلقب يتوج توج تتويج الموسم موسم رصيد رصيده نقطة نقاط الجولة جولة الدوري دوري البطولة بطولة "
    "مباراة المباراة فوز الفوز بفوز هزيمة خسارة تعادل هدف هدفا أهداف الأهداف مدرب المدرب لاعب لاعبين اللاعبين "
    "فريق الفريق ملعب جماهير الجماهير المضيف مضيفه نمو النمو الناتج الربع نسبة بنسبة المئة المائة في_المئة "
    "مليار مليون دولار معدل المعدل اقتصاد الاقتصاد الاقتصادي الاقتصادية الإحصاء للإحصاء إحصاءات بيانات "
    "أول الأول الأولى سعر أسعار الأسعار ارتفاع تراجع انخفاض رفع يرفع ترفع خفض يخفض تخفض قرار قررت لجنة بمقدار "
    "للمرة مرة المرة تاريخه تاريخ فوزه يتعرض دون لأي انتخابات الانتخابات الانتخابية انتخابية انتخاب "
    "الاقتراع اقتراع الناخبين ناخبين التصويت تصويت المرحلة مرحلة المشاركة"
))

# Share of a section's points: a story's weight is its outlets plus its articles.
_EXTRA_SHARE = 0.25  # at most this share of the points goes beyond one per section, when stories compete


def article_terms(article: Article) -> Counter:
    """Weighted content-term counts of an article: title sentences count TITLE_WEIGHT, the rest once."""
    counts: Counter = Counter()
    sentences = article.sentences
    has_title_sentence = any(s.kind == "title" for s in sentences)
    if article.title and not has_title_sentence:
        for term in _terms(article.title):
            counts[term] += TITLE_WEIGHT
    for sentence in sentences:
        weight = TITLE_WEIGHT if sentence.kind == "title" else 1.0
        for term in _terms(sentence.text):
            counts[term] += weight
    return counts


def _terms(text: str) -> list[str]:
    return [t for t in content_terms(text) if len(t) > 2 and t not in NEWS_TERMS]


def tfidf_vectors(term_counts: list[Counter]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors: sublinear term frequency, smoothed IDF over the run's articles."""
    documents = len(term_counts)
    frequency: Counter = Counter()
    for counts in term_counts:
        frequency.update(counts.keys())
    vectors = []
    for counts in term_counts:
        vector = {term: (1.0 + math.log(count)) * (math.log((1 + documents) / (1 + frequency[term])) + 1.0)
                  for term, count in counts.items() if count > 0}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        vectors.append({t: v / norm for t, v in vector.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def similarity_matrix(articles: list[Article]) -> list[list[float]]:
    """Pairwise cosine similarity of the articles' TF-IDF vectors, less for two articles set in two
    different countries that neither names the other's (same beat, another event: PLACE_FACTOR)."""
    vectors = tfidf_vectors([article_terms(a) for a in articles])
    places = [article_places(a) for a in articles]
    size = len(vectors)
    matrix = [[1.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            matrix[i][j] = matrix[j][i] = _likeness(vectors[i], vectors[j]) * (
                PLACE_FACTOR if _elsewhere(places[i], places[j]) else 1.0)
    return matrix


def _likeness(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine; for a headline-only or one-line article, at least CONTAINED_FACTOR times the share of its
    terms' weight that the other article holds. (A headline is a query, not a document: its few terms are
    the story's most common ones, weighted down when the whole run reports that story, so its cosine to a
    long article of the story stays under the threshold and it became a story of its own.)"""
    similarity = cosine(a, b)
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    if 0 < len(short) <= SHORT_TERMS:
        held = sum(weight for term, weight in short.items() if term in other) / sum(short.values())
        similarity = max(similarity, CONTAINED_FACTOR * held)
    return similarity


def article_places(article: Article) -> Counter:
    """Countries an article names, by themselves or their towns (its title counting TITLE_WEIGHT)."""
    counts: Counter = Counter()
    for sentence in article.sentences:
        weight = TITLE_WEIGHT if sentence.kind == "title" else 1.0
        for country, count in country_mentions(sentence.text, towns=True).items():
            counts[country] += weight * count
    return counts


def _home(places: Counter) -> str | None:
    """The country an article is set in: the only one it names, or the one it names most, at least twice
    and more than any other."""
    top = places.most_common(2)
    if not top or len(top) > 1 and (top[0][1] < 2 or top[1][1] >= top[0][1]):
        return None
    return top[0][0]


def _elsewhere(first: Counter, second: Counter) -> bool:
    """Whether two articles are set in two countries and neither names the other's."""
    home_1, home_2 = _home(first), _home(second)
    return bool(home_1 and home_2 and home_1 != home_2 and not first[home_2] and not second[home_1])


def average_linkage(matrix: list[list[float]], threshold: float) -> list[tuple[list[int], float | None]]:
    """Agglomerative clustering of matrix indices; each group with the lowest similarity that merged it."""
    groups: dict[int, list[int]] = {i: [i] for i in range(len(matrix))}
    weakest: dict[int, float | None] = {i: None for i in groups}
    link = {(i, j): matrix[i][j] for i in groups for j in groups if i < j}
    # Highest mean similarity first; on a tie the pair with the lowest indices, for determinism. A heap
    # with stale entries skipped keeps a 1,500-article morning at seconds, where scanning every link for
    # each merge took minutes.
    heap = [(-value, i, j) for (i, j), value in link.items()]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in groups or j not in groups or link.get((i, j)) != -negative:
            continue  # a group merged away, or a link since recomputed
        best = -negative
        if best < threshold:
            break
        size_i, size_j = len(groups[i]), len(groups[j])
        for k in groups:
            if k in (i, j):
                continue
            merged = (size_i * link[_key(i, k)] + size_j * link[_key(j, k)]) / (size_i + size_j)
            link[_key(i, k)] = merged
            del link[_key(j, k)]
            heapq.heappush(heap, (-merged, *_key(i, k)))
        del link[(i, j)]
        groups[i] = sorted(groups[i] + groups.pop(j))
        weakest[i] = min(x for x in (best, weakest[i], weakest.pop(j)) if x is not None)
    return [(groups[k], weakest[k]) for k in sorted(groups, key=lambda k: groups[k][0])]


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def cluster_stories(articles: list[Article], threshold: float | None = None) -> list[Story]:
    """Group articles into stories, ranked (Story.number 1..n): most outlets, then articles, then latest."""
    if not articles:
        return []
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    articles = sorted(articles, key=lambda a: a.number)  # input order must not change the result
    opinion = [a for a in articles if a.opinion]
    if opinion and len(opinion) < len(articles):
        # A column is no report of an event: it stands alone, after the news, and gives no points (it
        # used to join the news story it discussed, and add its paper to the story's outlets).
        news = cluster_stories([a for a in articles if not a.opinion], threshold)
        pieces = [Story(number=0, articles=[a.number], outlets=[a.outlet] if a.outlet else [],
                        title_arabic=" ".join(_title_of(a).split()) or best_title([a], [0], [[1.0]]), opinion=True)
                  for a in opinion]
        pieces.sort(key=lambda s: rank_key(s, {a.number: a for a in opinion}))
        for rank, story in enumerate(news + pieces, start=1):
            story.number = rank
        return news + pieces
    numbers = {a.number for a in articles}
    # A copy of another article of the run goes with its original and takes no part in the vote.
    originals = [a for a in articles if a.duplicate_of is None or a.duplicate_of not in numbers]
    copies = [a for a in articles if a not in originals]
    matrix = similarity_matrix(originals)
    groups = average_linkage(matrix, threshold)
    by_number = {a.number: a for a in articles}
    index_of = {a.number: i for i, a in enumerate(originals)}
    stories = []
    for members, weakest in groups:
        story_numbers = [originals[m].number for m in members]
        for copy in copies:
            if _original_of(copy, by_number) in story_numbers:
                story_numbers.append(copy.number)
        story_numbers.sort()
        story_articles = [by_number[n] for n in story_numbers]
        outlets = _distinct([a.outlet for a in story_articles if a.outlet])
        title = best_title([originals[m] for m in members], [index_of[originals[m].number] for m in members],
                           matrix)
        stories.append(Story(number=0, articles=story_numbers, outlets=outlets, title_arabic=title,
                             similarity=None if weakest is None else round(weakest, 4)))
    stories.sort(key=lambda s: rank_key(s, by_number))
    for rank, story in enumerate(stories, start=1):
        story.number = rank
    return stories


def _original_of(article: Article, by_number: dict[int, Article]) -> int:
    seen = set()
    number = article.number
    while by_number[number].duplicate_of in by_number and number not in seen:
        seen.add(number)
        number = by_number[number].duplicate_of
    return number


def _distinct(values: list[str]) -> list[str]:
    seen, out = set(), []
    for value in values:
        key = outlet_key(value)
        if key and key not in seen:
            seen.add(key)
            out.append(value.strip())
    return out


def coverage(story: Story, by_number: dict[int, Article]) -> tuple[int, int]:
    """(sources, articles) of a story, copies not counted. An article whose outlet is unknown counts
    as a source of its own: it is evidence of coverage, and we cannot tell it is a known outlet's."""
    own = [by_number[n] for n in story.articles if by_number[n].duplicate_of not in by_number]
    unknown = sum(1 for a in own if not a.outlet)
    known = len(_distinct([a.outlet for a in own if a.outlet]))
    return known + unknown, len(own)


def rank_key(story: Story, by_number: dict[int, Article]) -> tuple:
    """Sort key: more sources first, then more articles, then the latest published date, then the
    headline's text, so that renaming the files (which numbers the sources) never reorders the page."""
    sources, size = coverage(story, by_number)
    latest = max((by_number[n].published or "" for n in story.articles), default="")
    # Negate the ISO date character by character so later dates sort first under an ascending sort.
    recency = tuple(-ord(c) for c in latest)
    return (-sources, -size, recency if latest else (1,), normalize(story.title_arabic or ""), min(story.articles))


def best_title(members: list[Article], indices: list[int], matrix: list[list[float]]) -> str:
    """The story's headline: the title (else lead sentence) of its most central article.

    Centrality is the mean similarity to the story's other articles. A candidate must be relevant
    (half its terms found in the story's body text), so an outlet name pasted as a first line loses;
    then a headline beats a lead sentence, and 3 to 25 words beat a fragment or a pasted paragraph."""
    body_terms = set()
    for article in members:
        for sentence in article.sentences:
            if sentence.kind == "body":
                body_terms.update(_terms(sentence.text))

    def centrality(position: int) -> float:
        others = [matrix[indices[position]][indices[k]] for k in range(len(indices)) if k != position]
        return sum(others) / len(others) if others else 1.0

    candidates = []
    for position, article in enumerate(members):
        title = _title_of(article)
        lead = next((s.text for s in article.sentences if s.kind == "body" and s.text.strip()), "")
        for text, is_title in ((title, True), (lead, False)):
            terms = _terms(text)
            if not terms:
                continue
            relevant = sum(1 for t in terms if t in body_terms) / len(terms) >= 0.5
            words = len(text.split())
            candidates.append(((relevant, is_title, 3 <= words <= 25, round(centrality(position), 6),
                                -article.number), " ".join(text.split())))
    if not candidates:
        return next((" ".join(t.split()) for a in members for t in (_title_of(a),) if t), "")
    return max(candidates)[1]


def _title_of(article: Article) -> str:
    title = next((s.text for s in article.sentences if s.kind == "title" and s.text.strip()), None)
    return (title or article.title or "").strip()


def allocate_points(stories: list[Story], total_points: int) -> dict[int, int]:
    """Story number → points on the page: one per section, extra points to the biggest stories, 0 for
    the stories left to the 'More stories' line.

    When there are more stories than points, up to a quarter of the points still go to the biggest
    multi-article stories (an event several outlets cover deserves more than one line), and the
    sections are the top stories that the rest of the budget reaches."""
    everything = sorted(stories, key=lambda s: s.number)
    # Opinion pieces get no points while there is news: they go to the "More stories" line.
    ranked = [s for s in everything if not s.opinion] or everything
    if not ranked or total_points <= 0:
        return {s.number: 0 for s in everything}
    weights = {s.number: len(s.outlets) + len(s.articles) for s in ranked}
    multi = [s for s in ranked if len(s.articles) > 1]
    if len(ranked) <= total_points:
        sections = ranked
    else:
        extra = min(int(total_points * _EXTRA_SHARE), len(multi))
        sections = ranked[: max(1, total_points - extra)]
    budget = {s.number: 0 for s in everything}
    for story in sections:
        budget[story.number] = 1
    spare = total_points - len(sections)
    eligible = [s for s in sections if len(s.articles) > 1] or sections
    if spare > 0:
        # Largest-remainder shares of the spare points by weight; ties go to the higher-ranked story.
        total_weight = sum(weights[s.number] for s in eligible)
        shares = {s.number: spare * weights[s.number] / total_weight for s in eligible}
        for number, share in shares.items():
            budget[number] += int(share)
        left = spare - sum(int(share) for share in shares.values())
        by_remainder = sorted(eligible, key=lambda s: (-(shares[s.number] - int(shares[s.number])), s.number))
        for story in by_remainder[:left]:
            budget[story.number] += 1
    # A higher-ranked story never gets fewer points than a lower-ranked one.
    counts = sorted((budget[s.number] for s in sections), reverse=True)
    for story, count in zip(sections, counts):
        budget[story.number] = count
    return budget


def more_stories(stories: list[Story], budget: dict[int, int]) -> list[Story]:
    """The stories that got no section, in rank order: what the 'More stories' line lists."""
    return [s for s in sorted(stories, key=lambda s: s.number) if budget.get(s.number, 0) <= 0]


def stories_records(stories: list[Story], articles: list[Article]) -> list[dict]:
    """The JSON of `brief stories --json`: one record per story, in rank order."""
    by_number = {a.number: a for a in articles}
    records = []
    for story in sorted(stories, key=lambda s: s.number):
        members = [by_number[n] for n in story.articles if n in by_number]
        records.append({
            "story": story.number,
            "files": _distinct_files([a.file for a in members]),
            "outlets": story.outlets,
            "title_arabic": story.title_arabic,
            "title_english": story.title_english,
            "size": len(story.articles),
            "similarity": story.similarity,
            "followup": story.followup,
            "new_articles": story.new_articles,
            "opinion": story.opinion,
            "articles": [{"number": a.number, "file": a.file, "part": a.part, "outlet": a.outlet,
                          "title": _title_of(a) or None, "published": a.published,
                          "duplicate_of": a.duplicate_of} for a in members],
        })
    return records


def _distinct_files(files: list[str]) -> list[str]:
    return list(dict.fromkeys(files))


def recall_followups(stories: list[Story], articles: list[Article],
                     earlier: list[tuple[Counter, Counter]]) -> set[int]:
    """Numbers of the stories that go on from an earlier brief whose articles are not among today's
    inputs: one of their articles is within FOLLOWUP_THRESHOLD of an earlier one, by `earlier` term counts
    (PLACE_FACTOR of it where the two are set in two countries that neither names the other's, as within a
    run: floods in Oman yesterday do not make today's floods in Morocco a follow-up)."""
    if not earlier or not articles:
        return set()
    ordered = sorted(articles, key=lambda a: a.number)
    vectors = tfidf_vectors([article_terms(a) for a in ordered] + [terms for terms, _ in earlier])
    earlier_places = [places for _, places in earlier]
    # A month of briefs is thousands of earlier articles: compare through the terms they share (an
    # inverted index), not article by article, and stop at a story's first close article.
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors[len(ordered):]):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((index, weight))
    story_of = {n: s.number for s in stories for n in s.articles}
    recalled: set[int] = set()
    for article, vector in zip(ordered, vectors):
        story = story_of.get(article.number)
        if story is None or story in recalled:
            continue
        dots: dict[int, float] = {}
        for term, weight in vector.items():
            for index, other in postings.get(term, ()):
                dots[index] = dots.get(index, 0.0) + weight * other
        places = article_places(article)
        if any(dot * (PLACE_FACTOR if _elsewhere(places, earlier_places[index]) else 1.0) >= FOLLOWUP_THRESHOLD
               for index, dot in dots.items()):
            recalled.add(story)
    return recalled


def mark_followups(stories: list[Story], seen, mode: str = "mark",
                   articles: list[Article] | None = None, updated: set[int] = frozenset(),
                   recalled: set[int] = frozenset()) -> list[Story]:
    """Flag stories told in an earlier brief; with mode "drop", leave out those with nothing new.

    `seen` names this run's articles that an earlier brief already used: a dict {identity: source
    number} (the pipeline keys it by content fingerprint), a set of source numbers, or a set of file
    names (then `articles` is needed to map them). A story with any seen article gets followup=True
    and new_articles = its unseen articles, its headline drawn from them; stories with nothing new go
    last; stories are renumbered 1..n after dropping, and the story numbers of their points follow. `updated`
    names articles that update an earlier-briefed one in place: they make their story a follow-up, and
    are new; `recalled` names stories (by number) that go on from an earlier brief (recall_followups)."""
    if mode not in ("mark", "drop"):
        raise ValueError(f"mode must be 'mark' or 'drop' (got {mode!r})")
    seen_numbers = _seen_numbers(seen, articles)
    kept = []
    for story in sorted(stories, key=lambda s: s.number):
        old = [n for n in story.articles if n in seen_numbers or n in updated]
        if not old and story.number not in recalled:
            story.followup, story.new_articles = False, []
            kept.append(story)
            continue
        story.followup = True
        story.new_articles = [n for n in story.articles if n not in seen_numbers]
        if mode == "drop" and not story.new_articles:
            continue
        if story.new_articles and articles is not None:
            # Yesterday's "12 dead" must not head today's "27 dead": the headline comes from what is new.
            by_number = {a.number: a for a in articles}
            new = [by_number[n] for n in story.new_articles if n in by_number]
            if new:
                story.title_arabic = best_title(new, list(range(len(new))), similarity_matrix(new))
        kept.append(story)
    # Stories with nothing new go after the day's news; otherwise the rank stays (a stable sort).
    kept.sort(key=lambda s: (s.opinion, bool(s.followup and not s.new_articles)))
    for rank, story in enumerate(kept, start=1):
        story.number = rank
        for point in story.points:
            point.story = rank
    return kept


def _seen_numbers(seen, articles: list[Article] | None) -> set[int]:
    if isinstance(seen, dict):
        return {v for v in seen.values() if isinstance(v, int)}
    values = set(seen)
    numbers = {v for v in values if isinstance(v, int)}
    names = {v for v in values if isinstance(v, str)}
    if names:
        if articles is None:
            raise ValueError("mark_followups: file names given without the articles to match them")
        numbers |= {a.number for a in articles if a.file in names or Path(a.file).name in names}
    return numbers
