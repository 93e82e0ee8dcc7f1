"""Arabic sentence splitting: . ! ? ؟ … and glued full stops end sentences; numbers, URLs, quotes do not.

Sentences are in-order, non-overlapping pieces of the input: whitespace at their edges and a leading
list bullet are the only characters left out. The Arabic comma, colon and semicolon never end a sentence
(pysbd ends sentences at ، and :, which cuts Arabic clauses apart). Over-long sentences are cut at ؛ or
clause boundaries only for the translation model (`split_for_model`), never for display.
"""
from __future__ import annotations

import re

from brief.arabic import REPORTING_VERBS, normalize
from brief.models import Article, Sentence

QUOTE_KEEP_WORDS = 30  # a quotation up to this long stays whole even if it holds several sentences

_END = re.compile(r"(?:\.{3,}|…+|[.!?؟]+)")
_CLOSERS = "\"”’'»)]}›﴾"
_TOGGLE_QUOTES = "\"“”„"
_ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]", re.U)
_BULLET_MARKS = "•▪●◦‣∙·■□►▸✓✔*\\-–—"
_BULLET = re.compile(rf"^\s*[{_BULLET_MARKS}]+(?=\s)")
# Spans that contain full stops without ending anything.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'،]+[^\s<>\"'،.!?؟…)]"  # URLs (a final full stop is the sentence's)
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"  # e-mail addresses
    # Letters with full stops: agencies, states, firms (أ.ف.ب, أ.ش.أ, ج.م.ع, ذ.م.م, أ.د.), and U.S., D.C.
    r"|(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![^\W\d_]))?"
    # Latin acronyms spelt in Arabic syllables: سي.إن.إن, بي.بي.سي, إف.بي.آي
    r"|(?<![^\W\d_])(?:[\u0621-\u064A]{1,3}\.){2,}[\u0621-\u064A]{1,3}(?![^\W\d_])"
    r"|\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Jr|Sr|St|Mt|Ph\.D|No|vs|Inc|Ltd|Corp)\.(?=\s)"  # Latin titles
    r"|[\u0621-\u064A]+\.(?:نت|كوم)\b"  # site names: الجزيرة.نت
    r"|\b(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}\b"  # domains and Latin dotted abbreviations (ar.yna.co.kr, U.S)
    r"|[0-9٠-٩]+(?:[.:,٫/\-][0-9٠-٩]+)+"  # decimals, dates 19.06.2024, times 17:50:06
)
# Letters that mark the number before them: the era (1950 م. / 1445 هـ.) or the time of day (8:30 م. / 7 ص.);
# after a number they end a sentence like any word, where before a name "د." or "م." is a title.
_AFTER_NUMBER_MARKS = ("م", "هـ", "ه", "ص")
_CLOCK_OR_YEAR = re.compile(r"\d+(?:[:.]\d{2})?")
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+")
# Words that go on with the time or year a mark closes: "8:30 م. بتوقيت القاهرة", "من 9 ص. وحتى 11 م.".
_TIME_GOES_ON = re.compile(r"(?:و?حتي|الي|بتوقيت|بالتوقيت|توقيت|حسب|بحسب|من|في|علي|يوميا|تقريبا)(?!\w)")
# Nouns that a letter labels ("المنطقة ج", "الفقرة ب", "الخطة ب"): the letter is no initial of a name.
_LETTER_LABELLED = frozenset(normalize(w) for noun in (
    "منطقة", "فقرة", "بند", "فئة", "مجموعة", "خطة", "ملحق", "نموذج", "جدول", "قسم", "فرع", "مرحلة", "طراز",
    "درجة", "مستوى", "فيتامين", "شريحة", "حرف", "رقم", "مادة") for w in (noun, "ال" + noun.removeprefix("ال")))
_TITLE_LETTERS = set("دمأا")  # د. (doctor), م. (engineer), أ. and أ.د. (professor) stand before a name
_CONJUNCTION = re.compile(r"\s(?=و[\u0621-\u064A]{2,})")


def _protected_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(line)]


def _only_closes(line: str, i: int) -> bool:
    """Whether the “ ” " at `i` can only close a quotation: it follows a word and comes before a space or
    a mark ("خطير". وأضاف"). Sites mix the glyphs' directions, so the glyph itself says nothing."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not (before.isspace() or before in "([{«") and (after.isspace() or after in ".,،؛:;!?؟…)]}»")


def _only_opens(line: str, i: int) -> bool:
    """Whether the quote at `i` can only open a quotation: a space or a bracket before it, a letter after."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "([{«") and bool(_LETTER_OR_DIGIT.match(after))


_SENTENCE_MARK_BETWEEN = re.compile(r"[.!?؟]\s")


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """Balanced quotations: « » pairs (and brackets, which hold asides the same way), and “ ” " used as
    open/close in turn, except that a quote which can only close opens nothing."""
    spans = []
    for opener, closer in (("«", "»"), ("(", ")"), ("﴿", "﴾")):
        stack = []
        for i, char in enumerate(line):
            if char == opener:
                stack.append(i)
            elif char == closer and stack:
                spans.append((stack.pop(), i))
    opened = None
    for i, char in enumerate(line):
        if char not in _TOGGLE_QUOTES:
            continue
        if opened is not None and _only_opens(line, i) and _SENTENCE_MARK_BETWEEN.search(line[opened:i]):
            opened = i  # the quote opened before was never closed: this one opens anew
        elif opened is not None:
            spans.append((opened, i))
            opened = None
        elif not _only_closes(line, i):
            # A closing quote whose opener is missing would otherwise pair with the next opener and
            # hide the full stops between them.
            opened = i
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _opens_clause(text: str) -> bool:
    """Whether `text` starts with a word joined by و or ف, which opens a new clause ("وأضاف", "فيما")."""
    following = text.lstrip(_CLOSERS + " ").split()
    return bool(following) and following[0][0] in "وف" and len(following[0]) > 2


def _opens_sentence(text: str, reporting_only: bool = False) -> bool:
    """Whether `text` starts with a verb joined by و, or a reporting verb joined by ف: "وأضاف", "وتخضع",
    "فقال". Not a name ("وجدي", "فهمي", "فتحي"), nor "وفقا" or "فيما", which go on with the sentence.
    With `reporting_only`, only a reporting verb ("وقال", not "ويليامز", which reads like "ويقول")."""
    following = text.lstrip(_CLOSERS + " ").split()
    word = normalize(following[0]) if following else ""
    if len(word) < 3 or word[0] not in "وف":
        return False
    if word[1:] in REPORTING_VERBS:
        return True
    if reporting_only:
        return False
    # و + ي/ت opens a verb ("وتخضع", "ويقول"), unless the word is an adverb ("وتحديدا", "وتزامنا") or "وتحت".
    return word[0] == "و" and word[1] in "يت" and len(word) > 3 and not word.endswith("ا") and word != "وتحت"


def _abbreviation_ends_sentence(abbreviation: str, following: str, before: str = "") -> bool:
    """Whether an abbreviation's full stop (ج. أ.ف.ب.) ends its sentence too: before a verb that opens the
    next one, unless the abbreviation is a title, whose next word is a name ("د. وليد"). `before` is the
    word before it."""
    letters = _LETTER_OR_DIGIT.findall(abbreviation)
    # One letter is a person's initial, and foreign names often start like a verb ("ج. ويليامز", "ت. ويلسون"):
    # only a reporting verb starts a sentence after it. After a noun that labels things by letter it is a
    # label ("المنطقة ج. وتخضع"), and any verb does.
    initial = len(letters) == 1 and normalize(before) not in _LETTER_LABELLED
    return not set(letters) <= _TITLE_LETTERS and _opens_sentence(following, reporting_only=initial)


def _protected(line: str, start: int, end: int, protected: list[tuple[int, int]]) -> bool:
    """Whether the mark at `start` is part of a protected span; a dotted abbreviation's last full stop
    ends the sentence where `_abbreviation_ends_sentence` says so ("وكالة أ.ف.ب. وأضافت")."""
    for a, b in protected:
        if a < start < b:
            last_of_abbreviation = start == b - 1 and _DOTTED_ABBREVIATION.fullmatch(line[a:b])
            return not (last_of_abbreviation and _abbreviation_ends_sentence(line[a:b], line[end:]))
    return False


def _boundaries(line: str) -> list[int]:
    """Offsets where a new sentence starts."""
    protected = _protected_spans(line)
    quotes = _quote_spans(line)
    short_quotes = [(a, b) for a, b in quotes if len(line[a:b].split()) <= QUOTE_KEEP_WORDS]
    # "(!)", "(؟)": a mark alone in brackets or quotes is the writer's aside on the words before it.
    asides = [(a, b) for a, b in quotes if not _LETTER_OR_DIGIT.search(line[a + 1:b])]
    cuts = []
    list_number = 0  # the last item number of an inline list ("1. ... 2. ...")
    for found in _END.finditer(line):
        start, end = found.span()
        mark = found.group(0)
        if mark == ".." or _protected(line, start, end, protected) or _inside(start, asides):
            continue
        if mark.startswith(("...", "…")) and not _opens_clause(line[end:]):
            # Arabic news writes "..." as a pause inside a sentence ("إن الوضع ... خطير جدا"); it ends one
            # only before a word joined by و or ف, which opens a new clause ("... وأضاف أن").
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
            era = word in _AFTER_NUMBER_MARKS and len(before) > 1 and _CLOCK_OR_YEAR.fullmatch(before[-2])
            if len(letters) == 1 and not word.isdigit() and not era \
                    and not _abbreviation_ends_sentence(word, line[end:], before[-2] if len(before) > 1 else ""):
                continue  # an initial or abbreviation: د. أ. J. (but "عام 1950 م." ends where it stops)
            if era and _TIME_GOES_ON.match(normalize(line[end:].lstrip(_CLOSERS + " "))):
                continue  # the time goes on: "8:30 م. بتوقيت القاهرة", "9 ص. وحتى 11 م."
            if word.isdecimal() and len(word) <= 3 and list_number and int(word) == list_number + 1:
                list_number += 1
                continue  # the next item of an inline list: "1. الأمن 2. الاقتصاد 3. التعليم"
            if word.isdecimal() and len(word) <= 3 and (len(before) == 1 or before[-2][-1] in ".!?؟:؛"):
                # "1." numbering a list item, at a line's start, or after a sentence or a colon where it
                # starts a list or goes on with one: "الحصيلة: 25." is a count that ends its sentence.
                number = int(word)
                if len(before) == 1 or number in (1, list_number + 1):
                    list_number = number
                    continue
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
    # A comma before a digit is inside a number (1,250 or 3,5), not between clauses.
    for separator in (re.compile(r"(?<=؛)\s*"), re.compile(r"(?<=[،,])(?![0-9٠-٩])\s*"), _CONJUNCTION):
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


# Longer than this is no sentence a reader can take in (text that lost its punctuation: a pasted table, a
# feed dump); it is cut at clause boundaries, else between words, so no key point can fill the page.
MAX_SENTENCE_WORDS = 150
WRAP_MAX_WIDTH = 120  # lines wrapped wider than this are natural paragraphs, not e-mail/PDF/wire copy
_WRAP_FULL = 0.85  # a line at least this share of the width was cut by the wrap
# A wrapped line ends its sentence only in a sentence mark, perhaps inside a closing quote or bracket; one
# that ends in a colon, an abbreviation ("د.") or a closing quote alone ("«النهار»", "سابك"") was cut
# mid-sentence by the wrap. (Joining after a bare closing quote costs 0.33 ROUGE-1 F on EASC dev: in four
# articles the summary budget a cheap half-sentence used to fill now goes to whole, longer sentences.)
_SENTENCE_FINAL = re.compile(r"[.!?؟…][\"”»)’']*\s*$")
_CLOSED_QUOTE = re.compile(r"[\"”»)][\"”»)’']*\s*$")
_ABBREVIATION_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_LIST_ITEM = re.compile(rf"^\s*(?:[{_BULLET_MARKS}]|\(?[0-9٠-٩]{{1,3}}\s*[.)\-–])\s")


def wrap_width(article: Article) -> int | None:
    """The width an article's text was hard-wrapped at (e-mail, PDF or wire copy), or None.

    Wrapped text cuts sentences at line ends, so most of its lines end near the same length."""
    lengths = [len(line.text.strip()) for line in article.lines
               if line.kind in ("title", "heading", "body") and line.text.strip()]
    if len(lengths) < 4:
        return None
    if not any(re.search(r"[.!?؟…]", line.text) for line in article.lines if line.kind == "body"):
        # Without a single full stop, joining lines would make the whole text one sentence: its lines are
        # the only sentence breaks it has (a breaking-news list, one item per line).
        return None
    width = max(lengths)
    if width > WRAP_MAX_WIDTH or sum(n >= _WRAP_FULL * width for n in lengths) < 0.5 * len(lengths):
        return None
    return width


def _continues(previous: str, text: str, width: int) -> bool:
    """Whether line `text` goes on with the sentence a wrap cut at the end of line `previous`: that line
    is nearly full and unfinished. A list's items are lines of their own, however long."""
    previous, text = previous.strip(), text.strip()
    if not previous or not text or _LIST_ITEM.match(text):
        return False
    if _SENTENCE_FINAL.search(previous) and not _ABBREVIATION_END.search(previous):
        return False
    if _CLOSED_QUOTE.search(previous) and _opens_sentence(text):
        return False  # a quotation closed with no full stop, and the next sentence ("وأشار إلى") begins
    return len(previous) >= _WRAP_FULL * width


def _wrapped_paragraphs(article: Article, width: int) -> list[list]:
    """Runs of lines that one paragraph was wrapped into; a heading that continues a cut line is body."""
    paragraphs: list[list] = []
    current: list = []
    lines = article.lines
    for i, line in enumerate(lines):
        text = line.text.strip()
        if current and line.kind in ("body", "heading") and _continues(current[-1].text, text, width):
            if line.kind == "heading":
                line.kind = "body"
                line.reason = f"body: continues a sentence of text hard-wrapped at {width} characters"
            current.append(line)
            continue
        if current:
            paragraphs.append(current)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if line.kind in ("title", "heading") and following is not None and following.kind in ("body", "heading") \
                and _continues(text, following.text, width):
            # A real headline is short; a full-width unfinished line that the next goes on from is the
            # start of a wrapped paragraph.
            line.kind = "body"
            line.reason = f"body: a sentence's first line, cut by text hard-wrapped at {width} characters"
        current = [line] if line.kind == "body" else []
        if line.kind != "body":
            paragraphs.append([line])
    if current:
        paragraphs.append(current)
    return paragraphs


def segment_article(article: Article) -> Article:
    """Fill `article.sentences`: the title and headings whole, body text split into sentences.

    Hard-wrapped text is joined back into paragraphs first, so a sentence cut by the wrap stays whole;
    each sentence keeps the number of the line it starts on."""
    sentences: list[Sentence] = []
    width = wrap_width(article)
    groups = _wrapped_paragraphs(article, width) if width else [[line] for line in article.lines]
    for group in groups:
        first = group[0]
        if first.kind in ("title", "heading"):
            text = _heading_text(first.text)
            if text:
                sentences.append(Sentence(text=text, line=first.number, kind=first.kind, index=len(sentences)))
        elif first.kind == "body":
            starts, pieces, offset = [], [], 0
            for line in group:
                lead = line.lead if line is first else 0
                text = line.text[lead:]
                if lead and text.strip():
                    # A wire dateline is no part of the first sentence: a key point must not open with it.
                    sentences.append(Sentence(text=line.text[:lead].strip(), line=line.number, kind="dateline",
                                              index=len(sentences)))
                starts.append((offset, line.number))
                pieces.append(text.strip() if len(group) > 1 or lead else text)
                offset += len(pieces[-1]) + 1
            paragraph = " ".join(pieces)
            cursor = 0
            for text in (part for whole in split_sentences(paragraph)
                         for part in split_for_model(whole, MAX_SENTENCE_WORDS)):
                at = paragraph.find(text, cursor)
                cursor = at + len(text) if at >= 0 else cursor
                number = next(n for start, n in reversed(starts) if start <= max(at, 0))
                sentences.append(Sentence(text=text, line=number, kind="body", index=len(sentences)))
    article.sentences = sentences
    return article
