"""Hand-built Briefs for the render, mail and browser tests: Arabic from the seeds, stand-in English.

Larger sets vary the seeds (rotated sentences, numbered titles, outlets and dates) so that 1 to 200
articles can be rendered without running the pipeline.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from brief.models import Article, Brief, Flag, KeyPoint, Sentence, Signature, Story

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_SPLIT = re.compile(r"(?<=[.!؟?])\s+|\n+")
OUTLETS = ["Al Jazeera", "سكاي نيوز عربية", "CNN Arabic", "RT Arabic", "الشرق الأوسط", "Lifegate", "BBC عربي"]
_ENGLISH = [
    "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday, his first visit in 24 years.",
    "The two leaders signed a comprehensive strategic partnership treaty that includes mutual defence.",
    "Kim Jong-un called the agreement the strongest treaty in the history of the two countries.",
    "Putin then travelled to Hanoi, where Vietnam welcomed him with a 21-gun salute.",
    "Washington and Seoul expressed concern about military cooperation between Moscow and Pyongyang.",
    "The Kremlin said the visit would last two days, starting on Tuesday 18 June 2024.",
    "Analysts said the agreements show Russia's turn to Asia after Western sanctions.",
    "Energy and education agreements were also signed, according to the TASS news agency.",
]


def seed_sentences() -> list[list[str]]:
    """The seed articles split into sentences (a rough split; segmentation is not under test here)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [[s.strip() for s in _SPLIT.split(t) if len(s.strip()) > 20] for t in texts]


def make_article(number: int, sentences: list[str], rng: random.Random) -> Article:
    day = 10 + number % 18
    article = Article(file=f"{number:03d}_seed.txt", title=sentences[0][:90], outlet=OUTLETS[number % len(OUTLETS)],
                      url=f"https://news.example.org/{2024}/06/{day}/article-{number}" if number % 3 else None,
                      published=f"2024-06-{day:02d}" if number % 4 else None, number=number)
    for index, text in enumerate(sentences):
        english = _ENGLISH[(index + number) % len(_ENGLISH)]
        flags = [Flag("length_ratio", "translation is much shorter than the Arabic")] if (index + number) % 11 == 0 else []
        article.sentences.append(Sentence(text=text, line=index + 1, kind="title" if index == 0 else "body",
                                          index=index, english=english, flags=flags))
    return article


def make_brief(n_articles: int, *, stories: bool = True, points_per_article: int = 2, seed: int = 0,
               variant: str = "bilingual") -> Brief:
    """A brief over n articles; with stories, articles are grouped five to a story."""
    rng = random.Random(seed)
    pool = seed_sentences()
    articles = []
    for number in range(1, n_articles + 1):
        base = pool[(number - 1) % len(pool)]
        shift = (number - 1) // len(pool)
        body = base[1:][shift % max(1, len(base) - 1):] + base[1:][:shift % max(1, len(base) - 1)]
        articles.append(make_article(number, [base[0]] + body[:12], rng))
    story_list: list[Story] = []
    if stories:
        for start in range(0, n_articles, 5):
            members = [a.number for a in articles[start:start + 5]]
            story_list.append(Story(number=len(story_list) + 1, articles=members,
                                    outlets=sorted({articles[n - 1].outlet for n in members}),
                                    title_arabic=articles[start].title or "",
                                    title_english=f"Putin's Asia tour, part {len(story_list) + 1}: treaty and reactions"))
    points = []
    for article in articles:
        story = next((s.number for s in story_list if article.number in s.articles), 0)
        for k in range(points_per_article):
            sentence = article.sentences[1 + k]
            # Other sources of the same story (or any source without stories) report the same fact.
            peers = next((s.articles for s in story_list if s.number == story), None) or list(range(1, n_articles + 1))
            others = sorted({article.number} | {rng.choice(peers) for _ in range(rng.randint(0, 2))})
            points.append(KeyPoint(arabic=sentence.text, citations=others, article=article.number,
                                   sentence=sentence.index, score=round(rng.random(), 4), english=sentence.english,
                                   flags=list(sentence.flags), story=story,
                                   members=[(article.number, sentence.index)]))
    for story in story_list:
        story.points = [p for p in points if p.story == story.number]
    signature = Signature(tool_version="0.1.0", model="Helsinki-NLP/opus-mt-ar-en", model_revision="cf109095479db38d6df799875e34039d4938aaa6",
                          engine="ctranslate2", precision="int8", device="cpu", beams=4,
                          summarizer={"method": "centroid", "points": len(points)}, created="2024-06-20T07:30:00+00:00")
    return Brief(title="Arabic press brief, 2024-06-20", date="2024-06-20", points=points, articles=articles,
                 signature=signature, stories=story_list, flagged_points=sum(1 for p in points if p.flags),
                 variant=variant)
