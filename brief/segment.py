"""Arabic sentence splitting: . ! ? ؟ … and glued full stops end sentences; numbers, URLs, quotes do not.

Sentences are in-order, non-overlapping pieces of the input: whitespace at their edges and a leading
list bullet are the only characters left out. The Arabic comma, colon and semicolon never end a sentence
(pysbd ends sentences at ، and :, which cuts Arabic clauses apart). Over-long sentences are cut at ؛ or
clause boundaries only for the translation model (`split_for_model`), never for display.
"""
from __future__ import annotations

import re

from brief.models import Article, Sentence

QUOTE_KEEP_WORDS = 30  # a quotation up to this long stays whole even if it holds several sentences

_END = re.compile(r"(?:\.{3,}|…+|[.!?؟]+)")
_CLOSERS = "\"”’'»)]}›"
_TOGGLE_QUOTES = "\"“”„"
_ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]", re.U)
_BULLET = re.compile(r"^\s*[•▪●◦‣∙·■□►▸✓✔*\-–—]+(?=\s)")
# Spans that contain full stops without ending anything.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'،]+[^\s<>\"'،.!?؟…)]"  # URLs (a final full stop is the sentence's)
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"  # e-mail addresses
    r"|\b(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}\b"  # domains and Latin dotted abbreviations (ar.yna.co.kr, U.S)
    r"|[0-9٠-٩]+(?:[.:,٫/\-][0-9٠-٩]+)+"  # decimals, dates 19.06.2024, times 17:50:06
)
_CONJUNCTION = re.compile(r"\s(?=و[\u0621-\u064A]{2,})")


def _protected_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(line)]


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """Balanced quotations: « » pairs, and “ ” " used as open/close in turn (sites mix their directions)."""
    spans = []
    stack = []
    for i, char in enumerate(line):
        if char == "«":
            stack.append(i)
        elif char == "»" and stack:
            spans.append((stack.pop(), i))
    opened = None
    for i, char in enumerate(line):
        if char in _TOGGLE_QUOTES:
            if opened is None:
                opened = i
            else:
                spans.append((opened, i))
                opened = None
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _boundaries(line: str) -> list[int]:
    """Offsets where a new sentence starts."""
    protected = _protected_spans(line)
    short_quotes = [(a, b) for a, b in _quote_spans(line) if len(line[a:b].split()) <= QUOTE_KEEP_WORDS]
    cuts = []
    for found in _END.finditer(line):
        start, end = found.span()
        mark = found.group(0)
        if mark == ".." or _inside(start, protected):
            continue
        stop = end
        while stop < len(line) and line[stop] in _CLOSERS:
            stop += 1
        if any(a < start < b and not end <= b < stop for a, b in short_quotes):
            continue  # inside a short quotation that does not close right here
        if mark == ".":
            before = line[:start].split()
            word = before[-1] if before else ""
            letters = _LETTER_OR_DIGIT.findall(word)
            if len(letters) == 1 and not word.isdigit():
                continue  # an initial or abbreviation: د. أ. J.
            if before and len(before) == 1 and word.isdigit() and not line[:start].startswith(" "):
                continue  # "1." numbering a list item
        if stop >= len(line):
            continue
        following = line[stop]
        if following.isspace():
            rest = line[stop:].lstrip()
            if not rest or not _LETTER_OR_DIGIT.search(rest[:1]) and rest[:1] not in "\"“«(-–—•":
                continue  # nothing sentence-like follows (only more punctuation)
            cuts.append(stop)
        elif _ARABIC_LETTER.match(following) and mark in (".", "!", "?", "؟", "!!", "?!", "؟!"):
            # "عام 2000.والعلاقات": the pasted text lost the space after a full stop.
            cuts.append(stop)
    return cuts


def _split_line(line: str) -> list[str]:
    bullet = _BULLET.match(line)
    if bullet:
        line = line[bullet.end():]
    spans: list[list[int]] = []
    previous = 0
    for cut in _boundaries(line) + [len(line)]:
        piece = line[previous:cut]
        if piece.strip():
            if spans and not _LETTER_OR_DIGIT.search(piece):
                spans[-1][1] = cut  # stray punctuation belongs to the sentence before it
            else:
                spans.append([previous, cut])
        previous = cut
    return [line[start:end].strip() for start, end in spans]


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, in order; each line break ends a sentence (headings, list items)."""
    sentences: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        sentences.extend(_split_line(line))
    return sentences


def split_for_model(sentence: str, max_words: int = 80) -> list[str]:
    """Cut an over-long sentence at ؛, then ، , then before و-conjunctions, for translation only."""
    words = sentence.split()
    if len(words) <= max_words:
        return [sentence]
    for separator in (re.compile(r"(?<=؛)\s*"), re.compile(r"(?<=[،,])\s*"), _CONJUNCTION):
        pieces = [p for p in separator.split(sentence) if p.strip()]
        if len(pieces) > 1:
            packed = _pack(pieces, max_words)
            if len(packed) > 1:
                return [part for piece in packed for part in split_for_model(piece, max_words)]
    # No clause boundary at all: cut between words.
    return [" ".join(words[i:i + max_words]) for i in range(0, len(words), max_words)]


def _pack(pieces: list[str], max_words: int) -> list[str]:
    """Join neighbouring pieces while they fit, so the parts stay as long (and as whole) as allowed."""
    packed: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if packed and len(packed[-1].split()) + len(piece.split()) <= max_words:
            packed[-1] = packed[-1] + " " + piece
        else:
            packed.append(piece)
    return packed


def _heading_text(text: str) -> str:
    return re.sub(r"^\s{0,3}#{1,6}\s+", "", text).strip()


def segment_article(article: Article) -> Article:
    """Fill `article.sentences`: the title and headings whole, body lines split into sentences."""
    sentences: list[Sentence] = []
    for line in article.lines:
        if line.kind in ("title", "heading"):
            text = _heading_text(line.text)
            if text:
                sentences.append(Sentence(text=text, line=line.number, kind=line.kind, index=len(sentences)))
        elif line.kind == "body":
            for text in split_sentences(line.text):
                sentences.append(Sentence(text=text, line=line.number, kind="body", index=len(sentences)))
    article.sentences = sentences
    return article
