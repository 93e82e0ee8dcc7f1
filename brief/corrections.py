"""A reviewer's corrections: the English a reviewer wrote for a sentence, used instead of the machine's.

A corrections file is TSV, one `arabic<TAB>english` line per sentence, as `brief translate` prints and
`brief qa` checks (UTF-8, UTF-16 or Windows-1256; `#` comment lines and blank lines skipped). A sentence
of an article takes the English of the line whose Arabic is the same sentence in its words (diacritics,
tatweel, alef forms, punctuation, quotes, invisible marks and spacing aside), so an Arabic cell copied from
the review page matches whatever the clipboard or a spreadsheet did to it. The file is the desk's: brief
reads it and never writes it.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from brief.arabic import normalize, strip_invisible
from brief.errors import InputError, UsageError


def matching_form(arabic: str) -> str:
    """The form two copies of one sentence share: its normalised words, figures with their signs, per cent
    and currency symbols, single spaces. A copy from a page or a spreadsheet changes marks, quotes and
    invisible characters, never those ("-2 درجة" and "2 درجة", "5 ملايين $" and "5 ملايين €" differ)."""
    text = normalize(strip_invisible(arabic)).replace("٪", "%").replace("\u2212", "-")
    kept = []
    for i, c in enumerate(text):
        sign = c in "+-" and text[i + 1:i + 2].isdigit()
        kept.append(c if unicodedata.category(c)[0] in "LN" or c == "%" or unicodedata.category(c) == "Sc" or sign
                    else " ")
    return " ".join("".join(kept).split())


@dataclass
class Corrections:
    """English by the matching form of its Arabic sentence, and the file it came from."""

    entries: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, arabic: str) -> str | None:
        """The reviewer's English for this sentence, or None."""
        return self.entries.get(matching_form(arabic))

    def fingerprint(self) -> str:
        """File name, a digest of the entries and their count, for the reproducibility signature."""
        digest = hashlib.sha256(json.dumps(sorted(self.entries.items()), ensure_ascii=False).encode("utf-8"))
        count = f"{len(self)} sentence" + ("" if len(self) == 1 else "s")
        return f"{Path(self.source).name or 'corrections'}@{digest.hexdigest()[:12]} ({count})"


MALFORMED_NAMED = 10


def corrections_for(path: str | Path | None) -> Corrections | None:
    """The corrections of a file setting, or None for none ('none', 'off' or empty turn a configured file off)."""
    if path is None or str(path).strip().lower() in ("", "none", "off"):
        return None
    return load_corrections(path)


def load_corrections(path: str | Path) -> Corrections:
    """Read a corrections file; a missing or unreadable file, a malformed line or two different
    corrections of one sentence raise UsageError naming the file (and the lines)."""
    from brief.qa import read_pairs

    try:
        read = read_pairs(str(path))
    except InputError as error:
        if error.reason in ("no arabic<TAB>english lines", "empty file") and Path(path).is_file():
            return Corrections({}, str(path))  # a file begun with comments only: nothing to correct yet
        raise UsageError(f"corrections file {error}") from None
    # Every bad line at once, of both kinds: a desk fixing them one run at a time would run the build once a line.
    problems = [f"line {number}: {reason}" for number, reason in read.malformed]
    entries: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, arabic, english in read.pairs:
        key, english = matching_form(arabic), " ".join(english.split())
        if not key or not english:
            problems.append(f"line {number}: a correction needs both the Arabic and the English")
        elif key in entries and entries[key] != english:
            problems.append(f"lines {lines[key]} and {number} correct the same sentence two ways; keep one")
        else:
            entries[key], lines[key] = english, lines.get(key, number)
    if problems:
        more = len(problems) - MALFORMED_NAMED
        hint = " (a correction is one arabic<TAB>english line)" if read.malformed else ""
        named = "; ".join(problems[:MALFORMED_NAMED]) + (f"; and {more} more" if more > 0 else "")
        raise UsageError(f"{path}: {named}{hint}")
    return Corrections(entries, str(path))
