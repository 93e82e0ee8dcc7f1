"""Render stage: the brief as Markdown, HTML and a one-page PDF, and the side-by-side review page.

Templates live in prompts/. Every piece of article text is untrusted: it is cleaned of bidi controls and
zero-width characters, then escaped for the format it lands in (Jinja2 autoescaping for HTML, a Markdown
escaper for .md); links are kept only when they are http or https. WeasyPrint may fetch nothing but
data: URLs and the project's own fonts and style sheets.
"""
from __future__ import annotations

import copy
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

import jinja2
from markupsafe import Markup, escape

from brief.arabic import has_arabic, readable_name, strip_invisible
from brief.atomic import write_all_atomic
from brief.config import prompts_dir
from brief.errors import OutputError, RenderError, UsageError
from brief.interrupts import interrupts_held, raise_if_interrupted
from brief.models import Article, Brief, KeyPoint, Story, count_outlets

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
VARIANTS = ("bilingual", "english")

# C0/C1 controls (tab and newline excepted, they are folded to spaces) and line/paragraph separators:
# none belongs in one line of an output, and some terminals and viewers act on them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
# A run of left-to-right material (Latin words, ASCII numbers, dates, times, URLs) that must keep its
# order inside Arabic text. Spaces and commas join a run only when more Latin or digits follow.
_LTR_RUN = re.compile(
    r"(?:https?://|www\.)[^\s\u0600-\u06FF]+"
    r"|[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F@&%+=_/.:\-]|[ ,'](?=[A-Za-z0-9\u00C0-\u024F]))*"
    r"[A-Za-z0-9\u00C0-\u024F/%]?"
)
_NEEDS_ISOLATION = re.compile(r"[A-Za-z\u00C0-\u024F]|\d[\-/:.,]\d")
# A run of Arabic inside English text (an untranslated word, a glossary term): from an Arabic letter to
# the last Arabic letter before any Latin one. Between two such runs the English would otherwise count
# as neutral and be laid out right to left, swapping the Arabic words around it.
_RTL_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
                      r"(?:[^A-Za-z\u00C0-\u024F]*[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF])?")
# A date, time or figure with separators (10-06-2024, 17:50, 1,250.5): kept on one line, as a break at its
# hyphen would show its pieces out of order in right-to-left text.
_FIGURE = re.compile(r"[0-9٠-٩]{1,4}(?:[\-/:.,٫][0-9٠-٩]{1,4}){1,3}")
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
MORE_STORY_CITATIONS = 1  # sources cited per "More stories" entry: each takes source-list lines a key point could use
POINT_CITATIONS = 4  # sources cited per key point on the page; the rest are a "+N" (all in the review page)
ALL_SOURCES_UP_TO = 10  # a small run lists every source, cited or not; a big one lists the cited ones
MORE_STORIES_SHOWN = 8  # entries in the "More stories" line; further stories are counted
FULL_LAYOUT_FIRST = 24  # up to this many points, try the whole brief first (it usually fits)
FULL_LAYOUT_CHARS = 9000  # ... and up to this much point text
# A point longer than this (English plus Arabic) cannot share a page with anything; it goes first, before
# any layout, because WeasyPrint takes minutes over a table cell that runs across many pages.
MAX_POINT_CHARS = 2400
# A title, outlet or headline as the one page shows it: a saved page's <title> can run to pages, and
# every line of the source list is a line less for the points.
SHOWN_TITLE_CHARS = 160
SHOWN_OUTLET_CHARS = 60
# A source's address as the page shows it (the link keeps the whole of it): an Arabic headline in an
# address is six times longer percent-encoded, and unreadable.
SHOWN_URL_CHARS = 60


# ---------------------------------------------------------------- text safety, shared by every format

def clean_text(text: object) -> str:
    """One display line: no bidi controls, zero-width or control characters, whitespace folded."""
    if text is None:
        return ""
    text = strip_invisible(readable_name(str(text)))
    text = _CONTROLS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def shorten(text: object, limit: int = SHOWN_TITLE_CHARS) -> str:
    """One display line of at most `limit` characters, cut at a word boundary and marked with an ellipsis."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ،,;:-") + "…"


def url_label(url: str) -> str:
    """How a source's address reads on the page: no scheme or www, shortened, and cut where a headline in
    other letters begins (percent-encoded it is unreadable; decoded, its right-to-left words reorder the
    address around them)."""
    shown = re.sub(r"^https?://(?:www\.)?", "", clean_text(unquote(url)), flags=re.I)
    host, _, path = shown.partition("/")
    if "xn--" in host.lower():
        try:
            host = host.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    if re.search(r"[^\x21-\x7e]", host):  # a domain in Arabic letters: the site by its name, then the path cut
        return shorten(host, SHOWN_URL_CHARS) + ("/…" if path.strip("/") else "")
    other = re.search(r"[^\x21-\x7e]", shown)
    if other:
        shown = shown[:other.start()].rstrip("-_") + "…"
    return shorten(shown, SHOWN_URL_CHARS)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, percent-encoded so it cannot break out of any format; else None."""
    url = clean_text(url)
    if not url or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if "@" in parts.netloc:
        # No article's address needs a login; "good.example@evil.example" is how a link passes for another
        # site. It goes, so that the address shown is the host it opens.
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
        url = parts.geturl()
        if not parts.netloc:
            return None
    if not parts.netloc.isascii():
        # A domain in Arabic letters is written as DNS knows it (IDNA, "xn--..."): percent-encoded, no
        # client could open it.
        try:
            host = parts.hostname.encode("idna").decode("ascii")
        except (UnicodeError, AttributeError):
            return None
        netloc = host + (f":{parts.port}" if parts.port else "")
        url = parts._replace(netloc=netloc).geturl()
    # Quotes, brackets, parentheses and angle brackets are encoded: they end links in HTML or Markdown.
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def _ltr_pieces(text: str):
    """Split text into (piece, is_ltr_run) pairs; only runs that the bidi algorithm could reorder count."""
    position = 0
    for match in _LTR_RUN.finditer(text):
        run = match.group(0)
        if not _NEEDS_ISOLATION.search(run):
            continue
        if match.start() > position:
            yield text[position:match.start()], False
        yield run, True
        position = match.end()
    if position < len(text):
        yield text[position:], False


def _rtl_pieces(text: str):
    """Split text into (piece, is_arabic_run) pairs."""
    position = 0
    for match in _RTL_RUN.finditer(text):
        if match.start() > position:
            yield text[position:match.start()], False
        yield match.group(0), True
        position = match.end()
    if position < len(text):
        yield text[position:], False


def _base_direction(text: str, direction: str) -> str:
    """The direction of the text's container: given, or for "auto" (a <bdi> without dir) its first strong letter's."""
    if direction != "auto":
        return direction
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def isolate_html(text: object, direction: str = "rtl") -> Markup:
    """Escaped HTML in a container of `direction` (rtl, ltr or auto): runs of the other direction are
    wrapped in <bdi dir=...> (Latin names, URLs and dates in Arabic text; Arabic words in English)."""
    text = clean_text(text)
    if not has_arabic(text):
        return escape(text)
    if _base_direction(text, direction) == "ltr":
        return Markup("").join(
            (Markup('<bdi dir="rtl" class="long">') if _has_long_word(piece) else Markup('<bdi dir="rtl">'))
            + escape(piece) + Markup("</bdi>") if rtl else escape(piece)
            for piece, rtl in _rtl_pieces(text))
    return Markup("").join(_ltr_run(piece) + escape(piece) + Markup("</bdi>") if ltr else escape(piece)
                           for piece, ltr in _ltr_pieces(text))


_LONG_WORD = 25  # letters: a hashtag, a slug, a pasted handle; no name or word of running text is as long


def _ltr_run(piece: str) -> Markup:
    """The opening tag of a Latin run in Arabic text: a figure is never broken (a date broken at its hyphen
    reads out of order), a long word may be broken anywhere (WeasyPrint lets no overflow-wrap into an
    isolated run: a 57-letter hashtag ran over the English column of the PDF; an Arabic run of one long
    word in English text is marked the same)."""
    if _FIGURE.fullmatch(piece.strip()):
        return Markup('<bdi dir="ltr" class="figure">')
    if _has_long_word(piece):
        return Markup('<bdi dir="ltr" class="long">')
    return Markup('<bdi dir="ltr">')


def _has_long_word(text: str) -> bool:
    """A run of letters and digits nothing may break (an address breaks at its slashes)."""
    return any(len(word) >= _LONG_WORD for word in re.findall(r"\w+", text))


_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def keep_dates_whole(html: Markup) -> Markup:
    """Escaped HTML with its ISO dates kept on one line (a heading's "2024-" over "06-20" reads badly)."""
    return Markup(_ISO_DATE.sub(lambda m: f'<span class="figure">{m.group(0)}</span>', str(html)))


def isolate_plain(text: object, direction: str = "rtl") -> str:
    """Plain text in a paragraph of `direction`: runs of the other direction wrapped in Unicode isolates."""
    text = clean_text(text)
    if not has_arabic(text):
        return text
    if _base_direction(text, direction) == "ltr":
        return "".join(f"{RLI}{piece}{PDI}" if rtl else piece for piece, rtl in _rtl_pieces(text))
    return "".join(f"{LRI}{piece}{PDI}" if ltr else piece for piece, ltr in _ltr_pieces(text))


class MarkdownSafe(str):
    """Text already escaped for Markdown; the Markdown environment's finalize passes it through."""


_MD_ALWAYS = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
              "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;"}
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+(?=[.)]))")
_MD_LINE_START_SUB = {"=": "&#61;"}  # "=" cannot be backslash-escaped in python-markdown


def _md_inline(text: str) -> str:
    text = _MD_ENTITY.sub("&amp;", text)
    return "".join(_MD_ALWAYS.get(ch, ch) for ch in text)


def _md_line_start(text: str) -> str:
    # Block markers only act at the start of a line; a digit run there followed by . or ) opens a list.
    def escaped(match):
        marker = match.group(2)
        if marker[0].isdigit():
            return match.group(1) + marker + "\\"
        return match.group(1) + _MD_LINE_START_SUB.get(marker, "\\" + marker)

    return _MD_LINE_START.sub(escaped, text)


def md_escape(text: object) -> MarkdownSafe:
    """Escape one line of untrusted text so Markdown renders it as text: no links, images, HTML, tables or lists."""
    if isinstance(text, MarkdownSafe):
        return text
    return MarkdownSafe(_md_line_start(_md_inline(clean_text(text))))


def _md_isolate(text: object, direction: str = "rtl") -> MarkdownSafe:
    """md_escape, with runs of the other direction than the paragraph's wrapped in Unicode isolates."""
    text = clean_text(text)
    if not has_arabic(text):
        return md_escape(text)
    if _base_direction(text, direction) == "ltr":
        return MarkdownSafe(_md_line_start("".join(
            f"{RLI}{_md_inline(piece)}{PDI}" if rtl else _md_inline(piece) for piece, rtl in _rtl_pieces(text))))
    return MarkdownSafe(_md_line_start("".join(
        f"{LRI}{_md_inline(piece)}{PDI}" if ltr else _md_inline(piece) for piece, ltr in _ltr_pieces(text))))


def _html_finalize(value):
    # Every string reaching an HTML page is cleaned, not only those passed through |bidi.
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _edges(value, clean_text(value))
    return value


class PlainSafe(str):
    """Plain text already cleaned (it may hold our own isolates); the text environment passes it through."""


def _plain_isolate(text: object, direction: str = "rtl") -> PlainSafe:
    return PlainSafe(isolate_plain(text, direction))


def _plain_finalize(value):
    if value is None:
        return ""
    if isinstance(value, PlainSafe):
        return value
    return _edges(str(value), clean_text(value))


def _edges(value: str, inner: str) -> str:
    """Keep one space each side when the value had one: template literals like '; ' rely on it."""
    if not inner:
        return inner
    return (" " if value[:1] == " " else "") + inner + (" " if value[-1:] == " " else "")


def _md_finalize(value):
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, MarkdownSafe):
        return value
    return _edges(str(value), md_escape(value))


# ---------------------------------------------------------------- templates

def _is_html_template(name: str | None) -> bool:
    # select_autoescape's default list misses ".html.j2"; anything HTML-ish is escaped.
    return bool(name) and name.endswith((".html.j2", ".html", ".htm", ".xml"))


_ENVIRONMENTS: dict[tuple[str, str], jinja2.Environment] = {}


def _environment(kind: str) -> jinja2.Environment:
    """Jinja2 environment for 'html' (autoescaped), 'md' (Markdown-escaped) or 'text' templates."""
    root = str(prompts_dir())
    key = (kind, root)
    if key not in _ENVIRONMENTS:
        options = dict(loader=jinja2.FileSystemLoader(root), undefined=jinja2.StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        if kind == "html":
            env = jinja2.Environment(autoescape=_is_html_template, finalize=_html_finalize, **options)
            env.filters["bidi"] = isolate_html
            # A flag's reason lists figures and words ("source number 12.5, 85.8 مليار, 2024, الثالث"): each
            # item is isolated on its own, or the Arabic ones and the figures between them read as one
            # right-to-left run, reversed.
            env.filters["list_bidi"] = lambda text: Markup(", ").join(
                isolate_html(item, "ltr") for item in clean_text(text).split(", "))
            env.filters["whole_dates"] = keep_dates_whole
            # The signature's settings are one long run of commas: a line may break after each, not mid-word.
            env.filters["breakable"] = lambda text: Markup(",<wbr>").join(escape(part)
                                                                          for part in clean_text(text).split(","))
        elif kind == "md":
            env = jinja2.Environment(autoescape=False, finalize=_md_finalize, **options)
            env.filters["bidi"] = _md_isolate
        else:
            env = jinja2.Environment(autoescape=False, finalize=_plain_finalize, **options)
            env.filters["bidi"] = _plain_isolate
        env.filters["url"] = (lambda u: None if safe_url(u) is None else MarkdownSafe(safe_url(u))) \
            if kind == "md" else safe_url
        env.filters["short"] = shorten
        env.globals["SHOWN_OUTLET_CHARS"] = SHOWN_OUTLET_CHARS
        env.filters["url_label"] = url_label
        # A source's file by its name alone: the outputs are mailed, and a path says whose disk it is on.
        env.filters["file_name"] = lambda path: ("(standard input)" if str(path) == "-" else
                                                 os.path.basename(str(path).rstrip("/\\")) or str(path))
        env.globals["read_prompt"] = _read_prompt
        _ENVIRONMENTS[key] = env
    return _ENVIRONMENTS[key]


def _read_prompt(name: str) -> Markup:
    """A project style sheet, inlined into <style> (it is ours, not untrusted text)."""
    return Markup((prompts_dir() / name).read_text(encoding="utf-8"))


def _render(template: str, kind: str, **context) -> str:
    try:
        return _environment(kind).get_template(template).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"{prompts_dir() / template}: template not found") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"{template}: {exc}") from exc


# ---------------------------------------------------------------- the view the templates see

def sentence_anchor(article: int, sentence: int) -> str:
    """Id of a sentence's row in the review page."""
    return f"s{article}-{sentence}"


def review_file_name(brief: Brief) -> str:
    return brief.review_file or f"review-{brief.date}.html"


def brief_stem(date: str, variant: str = "bilingual") -> str:
    """The file name, without suffix, of a day's brief: brief-DATE, the English-only one brief-DATE.en."""
    return f"brief-{date}" + (".en" if variant == "english" else "")


def day_output_names(date: str) -> list[str]:
    """Every file write_outputs can write for a day: each variant in each format, and the review page."""
    return [f"{brief_stem(date, v)}.{kind}" for v in VARIANTS for kind in ("md", "pdf", "html")] + [
        f"review-{date}.html"]


@dataclass
class _PointView:
    number: int
    english: str | None
    arabic: str
    citations: list[int]  # the ones shown: at most POINT_CITATIONS
    uncited: int  # the point's further sources, shown as "+N"
    outlets: int  # distinct outlets among all its sources: the corroboration the reader is told
    flags: list
    anchor: str
    corrected: bool = False  # its English is a reviewer's correction


def _shown_citations(citations: list[int], articles: list[Article]) -> list[int]:
    """The sources a point cites on the page: one per outlet first, then the rest, in source order.

    A fact fifty articles report must not fill the page's source list and push every point off it."""
    by_number = {a.number: a for a in articles}
    publishers: set[str] = set()
    first, again = [], []
    for n in citations:
        publisher = by_number[n].publisher if n in by_number else f"source:{n}"
        (again if publisher in publishers else first).append(n)
        publishers.add(publisher)
    return sorted((first + again)[:POINT_CITATIONS])


def _point_views(points: list[KeyPoint], start: int, articles: list[Article]) -> list[_PointView]:
    views = []
    for i, p in enumerate(points):
        shown = _shown_citations(p.citations, articles)
        views.append(_PointView(start + i, p.english if clean_text(p.english) else None, p.arabic, shown,
                                len(p.citations) - len(shown), count_outlets(articles, p.citations), list(p.flags),
                                sentence_anchor(p.article, p.sentence), p.corrected))
    return views


def _grouped_points(brief: Brief) -> tuple[list[tuple[Story | None, list[KeyPoint]]], list[Story]]:
    """Points in the order the page prints them, under their stories (or one untitled group), and the
    stories with no points."""
    if not brief.stories:
        return ([(None, list(brief.points))] if brief.points else []), []
    by_story: dict[int, list[KeyPoint]] = {}
    for point in brief.points:
        by_story.setdefault(point.story, []).append(point)
    groups, more = [], []
    known = {s.number for s in brief.stories}
    for story in brief.stories:
        if by_story.get(story.number):
            groups.append((story, by_story[story.number]))
        else:
            more.append(story)
    loose = [p for p in brief.points if p.story not in known]
    if loose:
        groups.append((None, loose))
    return groups, more


def _sections(brief: Brief) -> tuple[list[dict], list[Story]]:
    """Points grouped under their stories (or one untitled section), numbered, and the stories with no points."""
    groups, more = _grouped_points(brief)
    sections, counter = [], 1
    for story, points in groups:
        # A story whose headline is the lead sentence (its articles have no title) would print that
        # sentence twice, as the heading and as the point under it: the heading keeps only its number.
        titled = story is not None and bool(story.title_arabic) and " ".join(story.title_arabic.split()) not in {
            " ".join(p.arabic.split()) for p in points}
        sections.append({"story": story, "titled": titled, "points": _point_views(points, counter, brief.articles)})
        counter += len(points)
    return sections, more


def point_numbers(brief: Brief, fitted: Brief | None = None) -> dict[tuple[int, int], int]:
    """Every point's number, keyed by (source, sentence): as the one-page brief `fitted` prints it, then
    the points that did not fit, in rank order, numbered on from there."""
    page = fitted if fitted is not None else brief
    keys = [(p.article, p.sentence) for _, points in _grouped_points(page)[0] for p in points]
    keys += [(p.article, p.sentence) for p in brief.points]
    return {key: number for number, key in enumerate(dict.fromkeys(keys), start=1)}


def _context(brief: Brief, *, for_pdf: bool = False, links: bool = True) -> dict:
    sections, more = _sections(brief)
    # A story in "More stories" cites its first sources only; the rest are counted, and listed in the
    # review page. Citing all of them would let the source list push every point off the page.
    more_items = [{"story": s, "citations": list(s.articles[:MORE_STORY_CITATIONS]),
                   "uncited": max(0, len(s.articles) - MORE_STORY_CITATIONS)} for s in more]
    cited = {n for section in sections for view in section["points"] for n in view.citations}
    cited |= {n for item in more_items for n in item["citations"]}
    sources = [a for a in brief.articles
               if a.number in cited or len(brief.articles) <= ALL_SOURCES_UP_TO]
    hidden_stories = brief.more_stories
    shown = sum(len(s["points"]) for s in sections)
    return {
        "brief": brief,
        "title": brief.title,
        "date": brief.date,
        "bilingual": brief.variant != "english",
        "sections": sections,
        "more_stories": more_items,
        "hidden_stories": hidden_stories,
        "sources": sources,
        "uncited_sources": len(brief.articles) - len(sources),
        "plus_counts": any(item["uncited"] for item in more_items)
        or any(view.uncited for section in sections for view in section["points"]),
        "points_shown": shown,
        "more_points": brief.more_points,
        "mirrors": brief.mirrors,
        "flagged_points": brief.flagged_points,
        "corrected_points": sum(1 for section in sections for view in section["points"] if view.corrected),
        "signature": brief.signature.line(),
        "model": brief.signature.shown_model,
        "created": brief.signature.created,
        "review_file": review_file_name(brief),
        "for_pdf": for_pdf,
        "links": links and not for_pdf,
        "story_titles": {s.number: s for s in brief.stories},
    }


# ---------------------------------------------------------------- public renderers

def render_markdown(brief: Brief) -> str:
    """The brief as Markdown; every piece of article text escaped."""
    return _render("brief.md.j2", "md", **_context(brief))


def render_text(brief: Brief) -> str:
    """The brief as plain text (the e-mail's text/plain part)."""
    return _render("brief.txt.j2", "text", **_context(brief))


def render_html(brief: Brief, for_pdf: bool = False, links: bool = True) -> str:
    """The brief as one self-contained HTML page (for_pdf: with the embedded fonts, for WeasyPrint)."""
    return _render("brief.html.j2", "html", **_context(brief, for_pdf=for_pdf, links=links))


def render_review(brief: Brief, fitted: Brief | None = None, brief_file: str | None = None) -> str:
    """Side-by-side review page: every article sentence by sentence, Arabic beside English.

    `fitted` is the one-page brief (`brief_file`) as written: its points are numbered as there, the
    other points marked as further points. None means every point is on the page."""
    numbers = point_numbers(brief, fitted)
    on_page = None if fitted is None else {(p.article, p.sentence) for p in fitted.points}
    chosen: dict[tuple[int, int], int] = {}
    cites: dict[tuple[int, int], list[int]] = {}  # every source of a point: the page shows a few and "+N"
    members: dict[tuple[int, int], int] = {}
    for point in brief.points:
        key = (point.article, point.sentence)
        chosen[key] = numbers[key]
        cites[key] = list(point.citations)
        for member in point.members[1:]:
            members.setdefault(tuple(member), numbers[key])
    groups = []
    by_number = {a.number: a for a in brief.articles}
    placed: set[int] = set()
    for story in brief.stories:
        articles = [by_number[n] for n in story.articles if n in by_number and n not in placed]
        placed.update(a.number for a in articles)
        if articles:
            groups.append({"story": story, "articles": articles})
    rest = [a for a in brief.articles if a.number not in placed]
    if rest:
        groups.append({"story": None, "articles": rest})
    return _render("review.html.j2", "html", title=brief.title, date=brief.date, groups=groups,
                   chosen=chosen, cites=cites, members=members, on_page=on_page, brief=brief,
                   brief_file=brief_file, signature=brief.signature.line(), anchor=sentence_anchor,
                   flagged=sum(1 for a in brief.articles for s in a.sentences if s.flags),
                   flag_codes=sorted({f.code for a in brief.articles for s in a.sentences for f in s.flags}),
                   corrected=sum(1 for a in brief.articles for s in a.sentences if s.corrected),
                   grouped=bool(brief.stories))


def _url_fetcher():
    """A WeasyPrint fetcher that serves data: URLs and the project's own fonts and style sheets, nothing else."""
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = prompts_dir().resolve()
    types = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2",
             ".css": "text/css"}

    class ProjectFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                allowed = (path.suffix in (".ttf", ".otf", ".woff", ".woff2") and path.parent == root / "fonts") or (
                    path.suffix == ".css" and path.parent == root)
                if allowed and path.is_file():
                    return URLFetcherResponse(url, body=path.read_bytes(),
                                              headers={"Content-Type": types[path.suffix]})
            raise ValueError(f"brief renders offline and fetches only its own fonts: refused {url[:80]}")

    return ProjectFetcher(allowed_protocols={"data", "file"})


# Emoji: no font the PDF embeds draws them (a box would stand in each one's place, and a system emoji font,
# where there is one, is a colour bitmap the page may not show). A flag is its two letters, "[RU]"; the
# rest ("🔴 عاجل") is decoration, and goes.
_FLAG = re.compile("([\U0001F1E6-\U0001F1FF])([\U0001F1E6-\U0001F1FF])")
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2B50\u2B55\u2705\u274C\u274E\u2757\u2753-\u2755"
                          "\u231A\u231B\u23E9-\u23F3\u23F8-\u23FA\uFE0F\u20E3]" r"\s?")


# Nor does any draw Chinese, Japanese or Korean (the fonts that do weigh 10-20 MB each): a name in those
# letters ("조선민주주의인민공화국") reads "[Korean]" on the page; the review page shows it as written.
_EAST_ASIAN = re.compile("(?:[\u1100-\u11FF\uAC00-\uD7AF\u3130-\u318F]+|[\u3040-\u30FF\u31F0-\u31FF]+"
                         "|[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+)(?:[\\s\u3000]*(?:[\u1100-\u11FF\uAC00-\uD7AF"
                         "\u3130-\u318F\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+))*")


def _script_label(run: str) -> str:
    if re.search("[\u3040-\u30FF\u31F0-\u31FF]", run):
        return "[Japanese]"
    return "[Korean]" if re.search("[\u1100-\u11FF\uAC00-\uD7AF\u3130-\u318F]", run) else "[Chinese]"


def without_pictographs(text: str) -> str:
    """Text for the PDF: flags as their country letters, other emoji left out, Chinese, Japanese and Korean
    named (no font the PDF embeds draws them)."""
    text = _FLAG.sub(lambda m: "[" + "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.groups()) + "]", text)
    text = _EAST_ASIAN.sub(lambda m: _script_label(m.group(0)), text)
    return _PICTOGRAPHS.sub("", text)


def _check_paper(paper: str) -> str:
    size = PAPER_SIZES.get((paper or "a4").lower())
    if size is None:
        raise UsageError(f"--paper {paper}: choose one of {', '.join(PAPER_SIZES)}")
    return size


def _layout(brief: Brief, paper: str):
    """Lay out the PDF (without writing it): the WeasyPrint document, whose .pages can be counted."""
    size = _check_paper(paper)
    try:
        with interrupts_held():
            from weasyprint import CSS, HTML
    except OSError as exc:  # pango missing
        raise RenderError(f"WeasyPrint cannot load its system libraries (install pango): {exc}") from exc
    fetcher = _url_fetcher()
    html = without_pictographs(render_html(brief, for_pdf=True))
    try:
        return HTML(string=html, base_url=prompts_dir().resolve().as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=[CSS(string=f"@page {{ size: {size}; }}", url_fetcher=fetcher)])
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise_if_interrupted(exc)
        raise RenderError(f"PDF layout failed: {type(exc).__name__}: {exc}") from exc


def _pdf_bytes(document, brief: Brief) -> bytes:
    document.metadata.title = clean_text(brief.title)
    document.metadata.generator = f"brief {brief.signature.tool_version}"
    return document.write_pdf()


def render_pdf(brief: Brief, paper: str = "a4") -> bytes:
    """The brief as PDF, exactly as given (fit_to_page chooses the points that make it one page)."""
    with _font_scratch():
        return _pdf_bytes(_layout(brief, paper), brief)


# ---------------------------------------------------------------- one page, always

def _point_chars(point: KeyPoint) -> int:
    return len(clean_text(point.english)) + len(clean_text(point.arabic))


def _reduction_steps(brief: Brief) -> list[tuple[str, object]]:
    """What to give up, first to last: each story's weaker points (weakest first), then whole stories (last
    ranked first) into "More stories", then "More stories" entries, then the top story. Without stories:
    points, weakest first."""
    def weakest_first(points):
        order = {id(p): i for i, p in enumerate(brief.points)}
        return sorted(points, key=lambda p: (p.score, -order[id(p)]))

    oversized = [p for p in brief.points if _point_chars(p) > MAX_POINT_CHARS]
    first = [("point", id(p)) for p in oversized]
    if not brief.stories:
        return first + [("point", id(p)) for p in weakest_first(brief.points) if p not in oversized]
    known = {s.number for s in brief.stories}
    extra = [p for p in brief.points if p.story not in known]
    for story in brief.stories:
        points = weakest_first([p for p in brief.points if p.story == story.number])
        extra.extend(points[:-1])
    steps: list[tuple[str, object]] = first + [("point", id(p)) for p in weakest_first(extra) if p not in oversized]
    with_points = [s for s in brief.stories if any(p.story == s.number for p in brief.points)]
    steps += [("story", s.number) for s in reversed(with_points[1:])]
    steps += [("hide", s.number) for s in reversed(brief.stories) if not with_points or s is not with_points[0]]
    # The top story's last point goes only when no "More stories" entry is left to give up: a brief of
    # headlines with no point is the last resort.
    steps += [("story", s.number) for s in with_points[:1]]
    return steps


def _reduced(brief: Brief, steps: list[tuple[str, object]], count: int) -> Brief:
    """A copy of the brief with the first `count` reduction steps applied; counts what was left out.

    At most MORE_STORIES_SHOWN stories (the best ranked) stand in the "More stories" line; the others are
    only counted, so that moving a story off the page never makes the page longer without bound.
    """
    dropped_points = {key for kind, key in steps[:count] if kind == "point"}
    moved = {key for kind, key in steps[:count] if kind == "story"}
    hidden = {key for kind, key in steps[:count] if kind == "hide"}
    points = [p for p in brief.points if id(p) not in dropped_points and p.story not in moved]
    with_points = {p.story for p in points}
    fitted = copy.copy(brief)
    fitted.points = points
    fitted.stories = []
    in_more_line = 0
    left_out = 0
    for story in brief.stories:
        if story.number not in with_points:
            if story.number in hidden or in_more_line >= MORE_STORIES_SHOWN:
                left_out += 1
                continue
            in_more_line += 1
        shown = copy.copy(story)
        shown.points = [p for p in points if p.story == story.number]
        fitted.stories.append(shown)
    fitted.more_points = brief.more_points + len(brief.points) - len(points)
    fitted.flagged_points = sum(1 for p in points if p.flags)
    # Stories left out even of the "More stories" line: the footer counts them.
    fitted.more_stories = brief.more_stories + left_out
    return fitted


@contextmanager
def _font_scratch():
    """WeasyPrint copies the fonts a layout embeds into a temporary folder of its own (2 MB), removed only when
    the layout is collected: a run interrupted while layouts are alive left them in /tmp. They go into one
    folder of ours instead, removed on the way out whatever happens."""
    with tempfile.TemporaryDirectory(prefix="brief-pdf-") as scratch:
        previous, tempfile.tempdir = tempfile.tempdir, scratch
        try:
            yield
        finally:
            tempfile.tempdir = previous


def fit_to_page(brief: Brief, paper: str = "a4") -> tuple[Brief, bytes]:
    """Give up the lowest-ranked points (then stories) until the PDF is one page; returns (fitted brief, PDF)."""
    _check_paper(paper)
    with _font_scratch():
        return _fit_to_page(brief, paper)


def _fit_to_page(brief: Brief, paper: str) -> tuple[Brief, bytes]:
    steps = _reduction_steps(brief)
    layouts: dict[int, object] = {}

    def fits(count: int) -> bool:
        document = _layout(_reduced(brief, steps, count), paper)
        layouts[count] = document
        return len(document.pages) == 1

    total = len(steps)
    start = sum(1 for p in brief.points if _point_chars(p) > MAX_POINT_CHARS)
    # A long brief's full layout is the slowest one (tens of pages), so large briefs search up from the
    # small end, where layouts are short; `keep` counts the reduction steps NOT applied.
    small = len(brief.points) <= FULL_LAYOUT_FIRST and sum(map(_point_chars, brief.points)) <= FULL_LAYOUT_CHARS
    if small and fits(start):
        best = start
    else:
        if not fits(total):
            raise RenderError("the brief's title, sources and footer alone do not fit on one page")
        good, bad = 0, None  # keep values known to fit / not to fit
        keep = 1
        while keep <= total - start:
            if fits(total - keep):
                good = keep
                if keep == total - start:
                    break
                keep = min(keep * 2, total - start)
            else:
                bad = keep
                break
        if bad is not None:
            while bad - good > 1:
                middle = (good + bad) // 2
                if fits(total - middle):
                    good = middle
                else:
                    bad = middle
        best = total - good
    fitted = _reduced(brief, steps, best)
    return fitted, _pdf_bytes(layouts[best], fitted)


class Written(NamedTuple):
    """What write_outputs wrote, and the brief as its one page shows it (the bilingual one of two)."""

    paths: list[Path]
    fitted: Brief


class Rendered(NamedTuple):
    """The outputs rendered and not yet written (path, content), and the brief as its one page shows it."""

    files: list[tuple[Path, bytes | str]]
    fitted: Brief


def write_outputs(brief: Brief, out_dir: str | os.PathLike, formats=("md", "pdf"), variant: str = "bilingual",
                  paper: str = "a4", review: bool = True) -> Written:
    """Write brief-<date>.{md,pdf,html} (English-only: brief-<date>.en.*) and review-<date>.html, atomically.

    `review=False` leaves the review page out for a caller that writes it elsewhere: the brief still
    refers to it."""
    return commit_outputs(render_outputs(brief, out_dir, formats, variant, paper, review), out_dir)


def commit_outputs(rendered: Rendered, out_dir: str | os.PathLike) -> Written:
    """Write rendered outputs as one set (all old or all new), or OutputError leaving the old set whole."""
    try:
        return Written(write_all_atomic(rendered.files), rendered.fitted)
    except OSError as error:  # a full disk, a directory made read-only: the old set stays, whole
        raise OutputError(f"cannot write the outputs to {out_dir} ({error.strerror or error}); "
                          "the earlier ones are left as they were") from None


def render_outputs(brief: Brief, out_dir: str | os.PathLike, formats=("md", "pdf"), variant: str = "bilingual",
                   paper: str = "a4", review: bool = True) -> Rendered:
    """What write_outputs writes, rendered in memory: a caller can write it together with files of its own."""
    out_dir = Path(out_dir)
    formats = tuple(formats)
    unknown = [f for f in formats if f not in ("md", "pdf", "html")]
    if unknown:
        raise UsageError(f"--format {','.join(unknown)}: choose from md, pdf, html")
    if variant not in ("bilingual", "english", "both"):
        raise UsageError(f"--variant {variant}: choose bilingual, english or both")
    _check_paper(paper)
    variants = list(VARIANTS) if variant == "both" else [variant]
    base = copy.copy(brief)
    base.review_file = review_file_name(brief)
    # Everything is rendered before anything is written, and written as one set: an interrupt or a
    # failure never leaves today's brief beside yesterday's review page.
    outputs: list[tuple[Path, bytes | str]] = []
    first: tuple[Brief, str] | None = None  # the first variant's page and file stem: the review page's numbers
    for name in variants:
        # The second variant of two shows the first one's points, so that "point 3" means one sentence
        # in every attachment, the review page and the report (it fits: it is the same page less a column).
        wanted = copy.copy(first[0] if first else base)
        wanted.variant = name
        wanted.mirrors = first[0].variant if first else None
        fitted, pdf = fit_to_page(wanted, paper)
        stem = brief_stem(brief.date, name)
        if first is None:
            first = fitted, stem
        if "md" in formats:
            outputs.append((out_dir / f"{stem}.md", render_markdown(fitted)))
        if "html" in formats:
            outputs.append((out_dir / f"{stem}.html", render_html(fitted)))
        if "pdf" in formats:
            outputs.append((out_dir / f"{stem}.pdf", pdf))
    if review:
        # (Named as a file the reader has: "brief-2024-06-20.pdf", not the stem they share.)
        shown = next((f"{first[1]}.{kind}" for kind in ("pdf", "md", "html") if kind in formats), first[1])
        outputs.append((out_dir / base.review_file, render_review(base, fitted=first[0], brief_file=shown)))
    return Rendered(outputs, first[0])


__all__ = ["render_markdown", "render_text", "render_html", "render_review", "render_pdf", "fit_to_page",
           "write_outputs", "render_outputs", "day_output_names", "brief_stem", "commit_outputs", "Written", "Rendered", "point_numbers", "clean_text", "safe_url", "md_escape", "isolate_html",
           "isolate_plain", "prompts_dir", "sentence_anchor"]
