"""Desk glossary: Arabic names and terms the desk wants rendered one way in English.

The glossary works offline around any translator. Before translation, `protect` writes each matched
Arabic term as its preferred English rendering (Marian ar-en copies Latin-script names through far more
reliably than it transliterates them, and never invents a spelling for text it copies). After
translation, `restore` post-corrects spellings the model may still produce: listed variants and forms
that differ from the preferred one only by case, spaces or hyphens ("Kim Jong-un" → "Kim Jong Un").
The `glossary` QA flag then reports any term whose preferred rendering is still missing.

File format: TSV (UTF-8, UTF-16 or Windows-1256, as `brief qa` reads its pairs),
`arabic<TAB>english[<TAB>variant|variant...]`; `#` starts a comment line; blank lines are ignored.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from brief.arabic import ARABIC_LETTER, LATIN_LETTER, normalize, strip_invisible
from brief.errors import UsageError

# A word of the source with its span: letters, digits, diacritics and tatweel (so spans cover the
# whole written word). Hyphens and other punctuation separate words.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+", re.UNICODE)
# Clitics that attach to a name: conjunction, prepositions, article, and their combinations. The
# part kept (`keep`) is written before the protected English term so the sentence still reads.
_CLITICS: tuple[tuple[str, str], ...] = (
    ("وبال", "وب"), ("وال", "و"), ("بال", "ب"), ("كال", "ك"), ("فال", "ف"), ("ولل", "ول"), ("لل", "ل"),
    ("ال", ""), ("وب", "وب"), ("ول", "ول"), ("وك", "وك"), ("فب", "فب"), ("فل", "فل"),
    ("و", "و"), ("ب", "ب"), ("ل", "ل"), ("ف", "ف"), ("ك", "ك"),
)


def _fold_latin(text: str) -> str:
    """Matching form of an English rendering: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


@dataclass
class Term:
    """One glossary entry; `words` is the normalised Arabic form split into words."""

    arabic: str
    english: str
    words: tuple[str, ...]
    variants: tuple[str, ...] = ()
    line: int = 0


@dataclass
class Glossary:
    """Terms to render one way; longest terms match first so 'كيم جونغ أون' wins over 'كيم'."""

    terms: list[Term] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        self.terms.sort(key=lambda t: (-len(t.words), -len("".join(t.words)), t.arabic))

    def __len__(self) -> int:
        return len(self.terms)

    def fingerprint(self) -> str:
        """File name, a digest of the entries and their count, for the reproducibility signature."""
        entries = sorted((t.arabic, t.english, list(t.variants)) for t in self.terms)
        digest = hashlib.sha256(json.dumps(entries, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]
        return f"{Path(self.source).name or 'glossary'}@{digest} ({len(self.terms)} terms)"

    def _matches(self, arabic: str) -> list[tuple[int, int, str, Term]]:
        """Non-overlapping (start, end, kept clitic, term) spans of glossary terms in `arabic`."""
        words = [(m.start(), m.end(), normalize(m.group())) for m in _WORD.finditer(arabic)]
        taken = [False] * len(words)
        found: list[tuple[int, int, str, Term]] = []
        # Every form a word can match (itself, less a clitic): most terms are absent and are skipped at once.
        present = {form for _, _, word in words for form in _bare_forms(word)}
        for term in self.terms:
            if term.words[0] not in present and "".join(term.words) not in present:
                continue
            n = len(term.words)
            for i in range(len(words)):
                kept, width = None, n
                if i + n <= len(words) and not any(taken[i:i + n]):
                    kept = _match_at(words, i, term)
                if kept is None and n > 1 and not taken[i]:
                    # Names written solid in some outlets: 'بيونغيانغ' for 'بيونغ يانغ'.
                    kept, width = _match_word(words[i][2], "".join(term.words)), 1
                if kept is None:
                    continue
                for j in range(i, i + width):
                    taken[j] = True
                found.append((words[i][0], words[i + width - 1][1], kept, term))
        found.sort(key=lambda f: f[0])
        return found

    def terms_in(self, arabic: str) -> list[tuple[str, str]]:
        """(arabic term, preferred english) for each distinct glossary term present in `arabic`."""
        seen: dict[str, str] = {}
        for _, _, _, term in self._matches(arabic):
            seen.setdefault(term.arabic, term.english)
        return list(seen.items())

    def protect(self, arabic: str) -> tuple[str, dict]:
        """Write matched terms as their English rendering; the mapping (english → arabic) feeds `restore`."""
        matches = self._matches(arabic)
        if not matches:
            return arabic, {}
        pieces: list[str] = []
        mapping: dict[str, str] = {}
        position = 0
        for start, end, kept, term in matches:
            pieces.append(arabic[position:start])
            pieces.append(f"{kept} {term.english}" if kept else term.english)
            mapping.setdefault(term.english, term.arabic)
            position = end
        pieces.append(arabic[position:])
        return "".join(pieces), mapping

    def restore(self, english: str, mapping: dict) -> str:
        """Post-correct each protected term's spelling in the translation to the preferred one."""
        by_english = {t.english: t for t in self.terms}
        for preferred in sorted(mapping, key=len, reverse=True):
            term = by_english.get(preferred)
            english = correct_spelling(english, preferred, term.variants if term else ())
        return english


def correct_spelling(english: str, preferred: str, variants: tuple[str, ...] = ()) -> str:
    """Replace listed variants and case/space/hyphen variants of `preferred` by `preferred`."""
    def replacement(match: re.Match) -> str:
        return preferred  # as a function: a backslash in the glossary's English is text, not a group reference

    # Same letters, any case: where the preferred form breaks (a space, a hyphen), any break or none
    # ('Kim Jong Un', 'Kimjong-un'); inside its words a hyphen, or a space before a capital, where a name
    # goes on ('Pyong Yang'). 'put in' and 'I ran' are English, not 'Putin' and 'Iran'.
    words = [_fold_latin(word) for word in re.split(r"[\s\-‐]+", preferred)]
    words = [word for word in words if word]
    inside = r"(?:[\-‐]|\s(?-i:(?=[A-Z])))?"
    forms = [(len(variant), re.escape(variant)) for variant in variants if variant]
    if words:
        forms.append((len(preferred), r"[\s\-‐]*".join(inside.join(re.escape(c) for c in word) for word in words)))
    if not forms:
        return english
    # One pass, the longest form first where several begin: a variant inside the preferred form ("bin Salman"
    # of "Mohammed bin Salman") must not be rewritten inside it ("Mohammed Mohammed bin Salman").
    alternatives = "|".join(pattern for _, pattern in sorted(forms, key=lambda form: -form[0]))
    return re.sub(rf"(?<![\w-])(?:{alternatives})(?![\w])", replacement, english, flags=re.IGNORECASE)


def _bare_forms(word: str) -> set[str]:
    """Every `form` for which `_match_word(word, form)` is not None."""
    forms = {word}
    for prefix, _ in _CLITICS:
        if word.startswith(prefix):
            forms.add(word[len(prefix):])
    for prefix in ("لل", "ولل", "فلل"):
        if word.startswith(prefix):
            forms.add("ال" + word[len(prefix):])
    return forms


def _match_word(word: str, form: str) -> str | None:
    """The clitic to keep when normalised `word` is `form`, bare or with an attached clitic; else None."""
    if word == form:
        return ""
    for prefix, kept in _CLITICS:
        if word.startswith(prefix) and word[len(prefix):] == form:
            return kept
    if form.startswith("ال"):
        # After lam the article's alef drops: 'للكرملين' is ل + 'الكرملين'.
        for prefix, kept in (("لل", "ل"), ("ولل", "ول"), ("فلل", "فل")):
            if word == prefix + form[2:]:
                return kept
    return None


def _match_at(words: list[tuple[int, int, str]], i: int, term: Term) -> str | None:
    """Clitic kept when the term's words start at word i (a clitic only on the first word)."""
    kept = _match_word(words[i][2], term.words[0])
    if kept is None:
        return None
    for offset, expected in enumerate(term.words[1:], start=1):
        if words[i + offset][2] != expected:
            return None
    return kept


def parse_glossary(text: str, source: str = "<glossary>") -> Glossary:
    """Parse glossary TSV text; bad lines raise UsageError naming source:line."""
    terms: list[Term] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip("\ufeff").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise UsageError(f"{source}:{number}: expected arabic<TAB>english, found no tab")
        if len(fields) > 3:
            raise UsageError(f"{source}:{number}: expected at most 3 tab-separated fields, found {len(fields)}")
        # (A copy out of a right-to-left cell leaves its direction marks around the English: "\u200ePutin\u200e".)
        arabic, english = fields[0].strip(), strip_invisible(fields[1]).strip()
        variants = (tuple(v.strip() for v in strip_invisible(fields[2]).split("|") if v.strip())
                    if len(fields) == 3 else ())
        if not ARABIC_LETTER.search(arabic):
            raise UsageError(f"{source}:{number}: the first field has no Arabic letters")
        if not english:
            raise UsageError(f"{source}:{number}: the English rendering is empty")
        if ARABIC_LETTER.search(english) or not LATIN_LETTER.search(english):
            raise UsageError(f"{source}:{number}: the English rendering must be Latin script")
        words = tuple(normalize(w) for w in _WORD.findall(arabic))
        if words in seen:
            raise UsageError(f"{source}:{number}: '{arabic}' is already defined on line {seen[words]}")
        seen[words] = number
        terms.append(Term(arabic=arabic, english=english, words=words, variants=variants, line=number))
    return Glossary(terms=terms, source=source)


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary TSV file; a missing or unreadable file or a bad line raises UsageError."""
    from brief.errors import InputError
    from brief.ingest import TABLE_MIN_ARABIC_SHARE, decode_bytes

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: glossary file not found") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read glossary ({error.strerror or error})") from None
    # Read as `brief qa` reads its pairs: a spreadsheet's "Unicode text" export is UTF-16, an older one
    # Windows-1256; no byte is replaced, since a term must match letter for letter.
    try:
        text, _ = decode_bytes(data, str(path), replace_bad_utf8=False, min_arabic_share=TABLE_MIN_ARABIC_SHARE)
    except InputError as error:
        raise UsageError(f"glossary {error}") from None
    return parse_glossary(text.lstrip("\ufeff"), str(path))


def default_glossary_path() -> Path:
    """The glossary shipped with the templates: glossary.tsv in the prompts folder."""
    from brief.config import prompts_dir

    return prompts_dir() / "glossary.tsv"


def glossary_for(setting: str | None) -> Glossary | None:
    """The glossary a run uses: a file path, "none" for no glossary, or None for the shipped default."""
    if setting is not None and setting.strip().lower() in ("", "none", "off"):
        return None
    if setting is None:
        path = default_glossary_path()
        return load_glossary(path) if path.is_file() else None
    return load_glossary(setting)
