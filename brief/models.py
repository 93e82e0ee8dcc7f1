"""Plain data shared by the stages. No stage reaches into another's internals; they pass these."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Literal

from brief.arabic import normalize

LineKind = Literal["title", "heading", "body", "meta", "boilerplate"]
LINE_KINDS: tuple[str, ...] = ("title", "heading", "body", "meta", "boilerplate")


@dataclass
class RawDocument:
    """A decoded input file before cleaning; `html_meta` holds what the HTML extractor found."""

    file: str
    text: str
    encoding: str
    is_html: bool = False
    html_meta: dict = field(default_factory=dict)  # title, outlet (sitename), url, published
    original_lines: int = 0  # line count of the file as read (for the report)


@dataclass
class Line:
    """One input line with its classification; `number` is 1-based in the source file."""

    number: int
    text: str
    kind: str
    reason: str
    lead: int = 0  # characters of a wire dateline opening the line ("رام الله 15-10-2024 وفا- "), not its sentence


@dataclass
class Flag:
    """A QA finding on one translation: machine-readable `code`, human `reason`."""

    code: str
    reason: str


@dataclass
class Sentence:
    """An Arabic sentence of an article, with its translation once the translate stage ran."""

    text: str
    line: int  # 1-based source line it starts on (0 when unknown, e.g. HTML)
    kind: str = "body"  # title | heading | body | dateline (a wire dateline before the first sentence)
    index: int = 0  # position within its article
    english: str | None = None
    score: float | None = None  # engine's sequence score (mean log-prob), when it gives one
    parts: int = 1  # >1 when split at clause boundaries for the model's length limit
    flags: list[Flag] = field(default_factory=list)
    from_cache: bool = False
    corrected: bool = False  # the English is a reviewer's (a corrections file), not the machine's


@dataclass
class Article:
    """One article: metadata, every classified input line and its sentences."""

    file: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None; never invented
    lines: list[Line] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    number: int = 0  # position in the numbered source list (1-based); 0 until assigned
    part: int = 1  # >1 for a second article found pasted below the first in the same file
    split_reason: str | None = None
    duplicate_of: int | None = None  # source number of the article this one copies
    opinion: bool = False  # a column or opinion piece (its section or its disclaimer says so), not news

    @property
    def body_text(self) -> str:
        return "\n".join(s.text for s in self.sentences if s.kind == "body")

    @property
    def publisher(self) -> str:
        """Who published it, for counting independent reports: the outlet when known, else the file."""
        outlet = outlet_key(self.outlet or "")
        return f"outlet:{outlet}" if outlet else f"file:{self.file}"


# One outlet under the names its pages give it, in Arabic and in Latin letters (normalised: no hamza, ta
# marbuta as ha, alef maqsura as ya; lower case; dots and dashes as spaces). A name not listed is its own.
_OUTLET_NAMES = {
    "الجزيره": ("الجزيره نت", "al jazeera", "aljazeera", "al jazeera net", "aljazeera net"),
    "العربيه": ("العربيه نت", "al arabiya", "alarabiya", "al arabiya net"),
    "سكاي نيوز عربيه": ("sky news arabia", "sky news عربيه", "سكاي نيوز"),
    "بي بي سي عربي": ("bbc", "bbc عربي", "bbc news عربي", "bbc news", "bbc news, عربي", "bbc arabic", "بي بي سي",
                      "بي بي سي نيوز عربي"),
    "سي ان ان بالعربيه": ("cnn", "cnn arabic", "cnn بالعربيه", "سي ان ان"),
    "روسيا اليوم": ("rt", "rt arabic", "rt عربي", "ار تي"),
    "فرانس 24": ("france 24", "فرانس 24 عربي", "france24"),
    "رويترز": ("reuters", "وكاله رويترز"),
    "فرانس برس": ("afp", "ا ف ب", "اف ب", "وكاله الصحافه الفرنسيه", "وكاله فرانس برس"),
    "الاناضول": ("anadolu", "وكاله الاناضول", "anadolu agency"),
    "دويتشه فيله": ("dw", "dw عربيه", "دي دبليو", "deutsche welle"),
    "اندبندنت عربيه": ("independent عربيه", "independent arabia"),
    "يورونيوز": ("euronews", "يورونيوز عربي"),
    "سبوتنيك": ("sputnik", "سبوتنيك عربي", "sputnik arabic"),
    "الشرق الاوسط": ("aawsat", "asharq al awsat"),
    "يونهاب": ("yonhap", "وكاله يونهاب"),
    "اسوشيتد برس": ("ap", "associated press", "وكاله اسوشيتد برس"),
    "هسبريس": ("hespress",),
    "مصراوي": ("masrawy",),
    "اليوم السابع": ("youm7",),
}
_OUTLET_KEYS = {alias: canonical for canonical, aliases in _OUTLET_NAMES.items() for alias in (canonical, *aliases)}


def outlet_key(name: str) -> str:
    """One key for an outlet's spellings ("الجزيرة", "الجزيرة نت", "Al Jazeera"); '' for no name."""
    key = " ".join(re.sub(r"[.\-_|]+", " ", normalize(name).casefold()).split())
    return _OUTLET_KEYS.get(key, key)


def count_outlets(articles: list[Article], numbers: list[int]) -> int:
    """How many outlets the given source numbers come from (two articles of one outlet count once)."""
    by_number = {a.number: a for a in articles}
    return len({by_number[n].publisher if n in by_number else f"source:{n}" for n in numbers})


@dataclass
class InputFile:
    """The fate of one input path: used or skipped, and why; "ignored" is what is no input by design (the
    folder of images and scripts a browser saves beside a page, a brief that brief wrote), not read."""

    file: str
    status: Literal["used", "skipped", "ignored"]
    reason: str = ""
    articles: int = 0
    encoding: str | None = None
    hidden_left_out: int = 0  # HTML elements a browser would not show, left out of the text
    embeds_left_out: int = 0  # embedded social-media posts (a tweet in the page), left out of the text


@dataclass
class KeyPoint:
    """A key sentence chosen for the brief, citing every source that reports its fact."""

    arabic: str
    citations: list[int]  # source numbers, ascending
    article: int  # source number of the article the representative sentence comes from
    sentence: int  # index of that sentence in its article
    score: float = 0.0
    english: str | None = None
    flags: list[Flag] = field(default_factory=list)
    story: int = 0  # story number (1-based) once stories are formed; 0 when unused
    # Every (source number, sentence index) stating the same fact, representative first: the
    # pipeline may swap in an unflagged member after QA.
    members: list[tuple[int, int]] = field(default_factory=list)
    corrected: bool = False  # its English is a reviewer's


@dataclass
class Story:
    """Articles about one event: ranked, headlined, and given their share of the page."""

    number: int
    articles: list[int]  # source numbers
    outlets: list[str]
    title_arabic: str
    title_english: str | None = None
    similarity: float | None = None  # the lowest similarity that joined its articles
    points: list[KeyPoint] = field(default_factory=list)
    followup: bool = False
    new_articles: list[int] = field(default_factory=list)
    opinion: bool = False  # one opinion piece: listed, not summarized, unless the run holds no news


@dataclass
class Signature:
    """Everything needed to reproduce an output; printed in footers and the JSON report."""

    tool_version: str
    model: str | None = None
    model_revision: str | None = None
    # A model read from a local directory: `model` is its full path, for the JSON report; mailed outputs
    # name it by its folder's name (with the revision, that identifies it), not by whose disk it is on.
    model_local: bool = False
    engine: str | None = None
    precision: str | None = None
    device: str | None = None
    beams: int | None = None
    target_vocabulary: bool | None = None  # output limited to the target SentencePiece pieces
    summarizer: dict = field(default_factory=dict)
    # "file@digest (N terms)" of the desk glossary, which changes translations; None when none was used.
    glossary: str | None = None
    # "file@digest (N sentences)" of the reviewer's corrections file; None when none was used.
    corrections: str | None = None
    created: str = ""  # ISO timestamp

    @property
    def shown_model(self) -> str | None:
        """The model as outputs name it: a hub id, or a local directory's name (a Hugging Face cache's
        snapshot folder, named by a commit hash, by the model's id)."""
        if not (self.model and self.model_local):
            return self.model
        parts = [p for p in re.split(r"[/\\]+", self.model) if p]
        if len(parts) >= 3 and parts[-2] == "snapshots" and parts[-3].startswith("models--"):
            return parts[-3][len("models--"):].replace("--", "/")
        return parts[-1] if parts else self.model

    def line(self) -> str:
        parts = [f"brief {self.tool_version}"]
        if self.model:
            rev = f"@{self.model_revision[:12]}" if self.model_revision else ""
            parts.append(f"model {self.shown_model}{rev}")
        if self.engine:
            parts.append(f"{self.engine} {self.precision or ''} {self.device or ''}".strip())
        if self.beams:
            parts.append(f"beams {self.beams}" + (", target vocabulary" if self.target_vocabulary else ""))
        if self.glossary:
            parts.append(f"glossary {self.glossary}")
        elif self.engine:
            parts.append("no glossary")  # (said, not left out: a reader must not take it for not recorded)
        if self.corrections:
            parts.append(f"corrections {self.corrections}")
        if self.summarizer:
            parts.append("summarizer " + ",".join(f"{k}={v}" for k, v in sorted(self.summarizer.items())))
        # The time it was made is said once, in words, beside this line (and is in the JSON report).
        return " · ".join(parts)


@dataclass
class Brief:
    """The assembled brief: what the templates render."""

    title: str
    date: str  # ISO date of the brief
    points: list[KeyPoint]
    articles: list[Article]  # the numbered source list, in number order
    signature: Signature
    stories: list[Story] = field(default_factory=list)
    more_points: int = 0  # further points that did not fit the page (listed in the review)
    more_stories: int = 0  # stories left off the page entirely (listed in the review)
    flagged_points: int = 0
    variant: str = "bilingual"  # bilingual | english
    review_file: str | None = None  # file name of the review page, for links
    mirrors: str | None = None  # the variant whose page chose these points, when it is another (--variant both)
    brief_only: bool = False  # only the brief's sentences were translated; the review page says so


def to_dict(obj) -> dict:
    """Dataclass to plain JSON-ready dict."""
    return asdict(obj)
