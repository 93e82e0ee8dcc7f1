"""The whole job as library calls: prepare articles, choose key points, translate, check, render."""
from __future__ import annotations

import datetime
import fcntl
import hashlib
import json
import os
import re
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from brief import __version__
from brief.arabic import has_arabic, normalize, readable_name
from brief.atomic import claim_aside_name, write_atomic
from brief.config import BuildSettings, is_iso_date
from brief.errors import (EXIT_OK, EXIT_PARTIAL, BriefError, InputError, MailError, NoUsableInput, OutputError,
                          RunLocked, UsageError)
from brief.interrupts import InterruptedAfterWriting, interrupts_held
from brief.models import Article, Brief, InputFile, KeyPoint, RawDocument, Signature, Story, count_outlets

STATE_FILE = ".brief-state.json"
# Raised when the state's form changes; a state of a newer brief is refused, not cut down. 2: entries
# hold every day that briefed them ("dates"); a version-1 entry knows only its first, and is read as such.
STATE_VERSION = 2
STATE_TERMS = 40  # an article's most frequent content terms kept in the state, to recognise its story later
RECALL_DAYS = 30  # a story briefed this many days before the run's date or fewer can go on today
TOLD_DAYS = 90  # an article's sentence fingerprints are kept this long, to recognise retold and updated text
LOCK_FILE = ".brief.lock"

if TYPE_CHECKING:
    from email.message import EmailMessage

    from brief.render import Written


@dataclass
class Prepared:
    """Articles ready for summarizing (numbered, segmented) and the fate of every input."""

    articles: list[Article]
    inputs: list[InputFile]
    timings: dict = field(default_factory=dict)


def prepare(sources: list[str], *, max_file_mb: float = 20.0, max_total_mb: float = 500.0,
            warn: Callable[[str], None] | None = None, outputs: str | None = None) -> Prepared:
    """Ingest, clean and segment every source; skipped inputs are recorded with their reason."""
    from brief import clean, ingest

    timings: dict = {}
    started = time.perf_counter()
    limits = ingest.IngestLimits(max_file_bytes=int(max_file_mb * 1e6), max_total_bytes=int(max_total_mb * 1e6))
    documents, inputs = ingest.load(sources, limits, outputs)
    timings["ingest"] = time.perf_counter() - started
    started = time.perf_counter()
    by_file = {record.file: record for record in inputs}
    articles: list[Article] = []
    for document in documents:
        record = by_file.get(document.file)
        try:
            usable = articles_of(document)
        except InputError as error:
            if record:
                record.status, record.reason, record.articles = "skipped", error.reason, 0
            continue
        if record:
            record.articles = len(usable)
        articles.extend(usable)
    if warn:  # every skipped input, whichever stage refused it, in input order
        for record in inputs:
            if record.status == "skipped":
                warn(f"skipped {record.file}: {record.reason}")
    for number, article in enumerate(articles, start=1):
        article.number = number
    for copy, original in clean.find_duplicates(articles).items():
        articles[copy].duplicate_of = articles[original].number
    timings["clean_segment"] = time.perf_counter() - started
    return Prepared(articles, inputs, timings)


def articles_of(document: RawDocument) -> list[Article]:
    """The usable articles of one document, cleaned and segmented (InputError when there is none)."""
    from brief import clean, segment

    found = clean.clean_document(document)
    for article in found:
        segment.segment_article(article)
    usable = [a for a in found if any(s.kind == "body" for s in a.sentences)]
    if not usable:
        raise InputError(document.file, "no Arabic article text found")
    return usable


def sentence_fingerprint(text: str) -> str:
    """Identity of one sentence's text, for the state: what an earlier brief's articles already said."""
    return hashlib.sha256(" ".join(normalize(text).split()).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def article_fingerprint(article: Article) -> str:
    """Identity of an article's text, for 'already briefed' state: normalised body, hashed."""
    body = " ".join(normalize(s.text) for s in article.sentences if s.kind == "body")
    return hashlib.sha256(" ".join(body.split()).encode("utf-8", "surrogatepass")).hexdigest()[:20]


_BRIEF_NAME = re.compile(r"^brief-\d{4}-\d{2}-\d{2}(?:\.en)?\.(?:md|html|pdf)$")


def read_state(out_dir: Path, warn: Callable[[str], None] | None = None) -> dict:
    """The output directory's record of briefed articles ({"version", "articles": {fingerprint: {"file",
    "date", "sentences", "terms", "places"}}}).

    A state that cannot be read is set aside (renamed, never overwritten: it is the desk's history) and
    a new one begun, with a warning. Entries without a YYYY-MM-DD date are not used but are written back
    as they are (`state_to_write`); a damaged field of an entry is dropped, with a warning. A state of a
    newer brief is refused (OutputError): this one would write back less than it read."""
    path = out_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
            raise ValueError("no 'articles' record")
    except FileNotFoundError:
        earlier = (sorted(p.name for p in out_dir.glob("brief-*") if _BRIEF_NAME.match(p.name))
                   if out_dir.is_dir() else [])
        if earlier and warn:  # deleted, or copied without it: the briefs here are not what today is checked against
            warn(f"{path}: no record of briefed articles beside the earlier briefs here ({earlier[-1]}, ...); a new one "
                 "is begun: today's stories are not checked against them")
        return {"version": STATE_VERSION, "articles": {}}
    except PermissionError as error:
        # Not damage: setting it aside would forget the desk's history for a mode bit.
        raise OutputError(f"{path}: cannot be read ({error.strerror}); give this user read and write access to it, "
                          "or build into another directory with -o") from None
    except (OSError, ValueError) as error:
        try:
            aside = claim_aside_name(path, "unreadable")
            try:
                os.replace(path, aside)
            except OSError:
                aside.unlink(missing_ok=True)
                raise
            where = f"set aside as {aside.name}"
        except OSError:
            where = "left as it is"
        if warn:
            warn(f"{path}: cannot be read ({error}); {where}, and a new record of briefed articles begun: "
                 "today's stories are not checked against earlier briefs")
        return {"version": STATE_VERSION, "articles": {}}
    version = data.get("version", 1)
    if isinstance(version, int) and version > STATE_VERSION:
        raise OutputError(f"{path}: written by a newer version of brief (state version {version!r}); "
                          "update brief, or build into another directory with -o")
    if not isinstance(version, int) or isinstance(version, bool):
        # (A hand-edited "2" is no version brief wrote: not a newer brief's record, and not safe to rewrite.)
        raise OutputError(f"{path}: its version {version!r} is not one brief writes (a whole number); mend it "
                          "by hand, or build into another directory with -o")
    articles, unused, damaged = {}, {}, 0
    for key, entry in data["articles"].items():
        if not isinstance(entry, dict) or not is_iso_date(entry.get("date")):
            unused[key] = entry
            continue
        entry = dict(entry)
        dates = entry.get("dates", [entry["date"]])
        if not isinstance(dates, list) or not dates or not all(is_iso_date(d) for d in dates):
            dates, damaged = [entry["date"]], damaged + 1
        entry["dates"] = sorted(set(dates) | {entry["date"]})
        entry["date"] = entry["dates"][0]
        sentences, terms = entry.get("sentences", []), entry.get("terms", {})
        if not isinstance(sentences, list) or not all(isinstance(h, str) for h in sentences):
            entry.pop("sentences")
            damaged += 1
        if not isinstance(terms, dict) or not all(isinstance(w, (int, float)) for w in terms.values()):
            entry.pop("terms")
            damaged += 1
        places = entry.get("places", {})
        if not isinstance(places, dict) or not all(isinstance(w, (int, float)) for w in places.values()):
            entry.pop("places")
            damaged += 1
        articles[key] = entry
    if unused and warn:
        warn(f"{path}: {len(unused)} entries without a YYYY-MM-DD date not used (kept in the file as they are)")
    if damaged and warn:
        warn(f"{path}: {damaged} damaged 'dates', 'sentences', 'terms' or 'places' records of entries dropped")
    return {**data, "version": STATE_VERSION, "articles": articles, "unused": unused}


def state_to_write(state: dict) -> str:
    """The state as JSON, with the entries read but not used put back as they were."""
    articles = {**state.get("unused", {}), **state["articles"]}
    # (A file name that is not UTF-8 is recorded as it reads: the record names files for people, it opens none.)
    return readable_name(json.dumps({**{k: v for k, v in state.items() if k != "unused"}, "articles": articles},
                                    ensure_ascii=False, indent=1))


def record_briefed(state: dict, entries: dict[str, dict], date: str, today: str) -> None:
    """Record the run's articles (`entries` by fingerprint) as briefed on `date`, and drop what no longer serves.

    An entry keeps every day whose brief held it (`dates`) and, as `date`, the earliest. The brief of a
    day is its latest run: a day an article's entry names and this run of that day no longer holds is
    taken off it (the entry goes with its last day). Terms and sentences age from the entry's latest day,
    counted from the earlier of `date` and `today`: one run dated far ahead by mistake must not strip
    every other entry."""
    articles = state["articles"]
    for key in [key for key, entry in articles.items() if date in entry["dates"] and key not in entries]:
        articles[key]["dates"].remove(date)
        if not articles[key]["dates"]:
            del articles[key]
        else:
            articles[key]["date"] = articles[key]["dates"][0]
    for key, entry in entries.items():
        old = articles.get(key)
        dates = sorted(set(old["dates"] if old else []) | {date})
        # One fingerprint is one body: today's reading restores what ageing took from an old entry.
        latest = {**(old or {}), **entry} if not old or date >= old["dates"][-1] else {**entry, **old}
        articles[key] = {**latest, "date": dates[0], "dates": dates}
    now = datetime.date.fromisoformat(min(date, today))
    recall_since = (now - datetime.timedelta(days=RECALL_DAYS)).isoformat()
    told_since = (now - datetime.timedelta(days=TOLD_DAYS)).isoformat()
    # Terms serve only follow-up recall, which looks back RECALL_DAYS, and sentences matter for a
    # season: kept for ever they would grow the file by about 1.3 KB per article (0.4 KB for the
    # sentences; what stays is about 0.1 KB: fingerprint, file and dates, so it is still known as briefed).
    for entry in articles.values():
        if entry["dates"][-1] < recall_since:
            entry.pop("terms", None)
            entry.pop("places", None)
        if entry["dates"][-1] < told_since:
            entry.pop("sentences", None)


def briefed_before(state: dict, date: str) -> dict:
    """The state's articles briefed on a day before `date`: re-running a day (a late article came in),
    or building an older day after a newer one, must not take that day's own brief for an earlier one."""
    return {key: entry for key, entry in state["articles"].items() if entry["date"] < date}


@contextmanager
def run_lock(out_dir: Path):
    """One run per output directory at a time; a second one is told so instead of interleaving outputs.

    A directory this run created and left with nothing but its lock (nothing was written) is removed."""
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "it is a file, not a directory" if out_dir.is_file() else error.strerror
        raise OutputError(f"output directory {out_dir} cannot be used ({reason}); choose another with -o") from None
    try:
        handle = open(out_dir / LOCK_FILE, "a+")
    except OSError as error:
        lock = out_dir / LOCK_FILE
        if lock.exists() or lock.is_symlink():  # the directory is fine; its lock file is not
            remedy = ("remove it" if lock.is_dir() or lock.is_symlink() and not lock.exists()
                      else "give this user read and write access to it")
            what = "a directory" if lock.is_dir() else error.strerror
            raise OutputError(f"{lock}: the run's lock file cannot be opened ({what}); {remedy}") from None
        raise OutputError(f"output directory {out_dir} cannot be used ({error.strerror}); choose another with -o"
                          ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(f"{out_dir}: another brief run is in progress on this output directory") from None
        # A run killed outright (SIGKILL, power loss) cannot remove its temp files; the next one does.
        for stale in out_dir.glob(".*.part"):
            stale.unlink(missing_ok=True)
        yield
    finally:
        try:
            if created and [p.name for p in out_dir.iterdir()] == [LOCK_FILE]:
                (out_dir / LOCK_FILE).unlink()
                out_dir.rmdir()
        except OSError:
            pass  # another run got in meanwhile: its files stay
        handle.close()


def choose_points(articles: list[Article], settings: BuildSettings, seen: set[int] | None = None,
                  told: set[str] | None = None, earlier_terms: list | None = None
                  ) -> tuple[list[Story], list[KeyPoint], dict]:
    """Group articles into stories, share the point budget between them and summarize each.

    `seen` holds the source numbers of articles an earlier brief already used, `told` the fingerprints
    (`sentence_fingerprint`) of sentences earlier briefs' articles stated. Stories with either are
    marked as follow-ups (or dropped, with followups="drop", when nothing in them is new) before the page
    budget is shared out, and no told sentence becomes a point: an article corrected or updated in place
    brings its new sentences, not yesterday's. `earlier_terms` (term counts of earlier briefs' articles, each
    with the countries it named) find the stories that go on from an earlier brief when its articles are not
    among today's inputs."""
    from brief import stories as story_stage
    from brief.summarize import SummarizerSettings, summarize

    summarizer = SummarizerSettings()
    seen, told = set(seen or ()), told or set()
    told_at = {(a.number, s.index) for a in articles for s in a.sentences
               if s.kind == "body" and sentence_fingerprint(s.text) in told}
    updated = set()
    for article in articles:
        body = [s for s in article.sentences if s.kind == "body"]
        retold = sum(1 for s in body if (article.number, s.index) in told_at)
        if article.number in seen or not body or retold * 3 < len(body):
            continue
        if retold == len(body):
            seen.add(article.number)  # saved again under another name: nothing new in it
        else:
            updated.add(article.number)  # an earlier article updated in place: its new sentences are news
    stories = story_stage.cluster_stories(articles)
    recalled = story_stage.recall_followups(stories, articles, earlier_terms or [])
    if seen or updated or recalled:
        stories = story_stage.mark_followups(stories, seen, mode=settings.followups, articles=articles,
                                             updated=updated, recalled=recalled)
    by_number = {a.number: a for a in articles}
    # A follow-up with no new article has nothing to say today: what its articles told is excluded, and
    # what is left of them (headlines, headings) is no key point. It is listed under "More stories".
    newsworthy = [s for s in stories if not (s.followup and not s.new_articles)]
    # A column gives no key point while the run holds news, told before or not (--followups drop has
    # taken that news out of `stories` already): old news and a new column is nothing new to report.
    if any(not a.opinion for a in articles) and all(
            all(by_number[n].opinion for n in s.articles) for s in newsworthy):
        newsworthy = []
    budget = story_stage.allocate_points(newsworthy, settings.max_points) if len(newsworthy) > 1 else {
        newsworthy[0].number: settings.max_points} if newsworthy else {}
    allotted = sum(budget.values())
    points: list[KeyPoint] = []
    for story in stories:
        count = budget.get(story.number, 0)
        if count <= 0:
            continue
        # A word budget is the whole brief's: each story gets its share in proportion to its points.
        words = None if settings.max_words is None else max(1, settings.max_words * count // allotted)
        # A follow-up's points come from what is new; the earlier articles are still cited where they
        # state a point's fact.
        fresh = story.new_articles if story.followup else story.articles
        members = [by_number[n] for n in fresh]
        earlier = [by_number[n] for n in story.articles if n not in fresh]
        chosen = summarize(members, max_points=count, max_words=words, settings=summarizer, earlier=earlier,
                           told=told_at)
        for point in chosen:
            point.story = story.number
        story.points = chosen
        points.extend(chosen)
    return stories, points, summarizer.as_dict()


def _sentence(articles_by_number: dict[int, Article], article: int, index: int):
    return articles_by_number[article].sentences[index]


def translate_articles(articles: list[Article], points: list[KeyPoint], stories: list[Story], translator,
                       brief_only: bool, corrections=None) -> None:
    """Translate the brief's sentences first (points, story headlines), then the rest unless `brief_only`;
    a sentence a reviewer corrected (`corrections`, brief.corrections.Corrections) takes that English."""
    by_number = {a.number: a for a in articles}
    first: list = []
    for point in points:
        for article, index in point.members or [(point.article, point.sentence)]:
            first.append(_sentence(by_number, article, index))
    # Every sentence is translated only once even if it is both a point and a member.
    seen: set[int] = set()
    ordered = []
    for sentence in first:
        if id(sentence) not in seen:
            seen.add(id(sentence))
            ordered.append(sentence)
    headlines = [s for s in stories if s.title_arabic]
    # One request for the page's text, headlines included: a headline is often also a sentence, and the
    # figures must count each text translated once.
    done = _translate_sentences(ordered, translator, [s.title_arabic for s in headlines], corrections=corrections)
    for story in headlines:
        story.title_english = done[story.title_arabic].text
    if not brief_only:
        _translate_sentences([s for a in articles for s in a.sentences if id(s) not in seen], translator,
                             known=done, corrections=corrections)


def _translate_sentences(sentences: list, translator, extra: list[str] = (), known: dict | None = None,
                         corrections=None) -> dict:
    """Translate the sentences (and `extra` texts) in one request, reusing `known` translations by text
    and taking a reviewer's correction where there is one; returns every translation by its text."""
    from brief.translate import Translation

    known = dict(known or {})
    for text in [s.text for s in sentences] + list(extra):
        english = corrections.get(text) if corrections and text not in known else None
        if english:
            known[text] = Translation(english, None, corrected=True)
    texts = [s.text for s in sentences if s.text not in known]
    asked = set(texts)
    texts += [text for text in dict.fromkeys(extra) if text not in asked and text not in known]
    if texts:
        known.update(zip(texts, translator.translate_texts(texts)))
    for sentence in sentences:
        result = known[sentence.text]
        sentence.english, sentence.score, sentence.parts = result.text, result.score, result.parts
        sentence.from_cache, sentence.corrected = result.from_cache, getattr(result, "corrected", False)
    return known


def prefer_unflagged(points: list[KeyPoint], articles: list[Article]) -> None:
    """After QA, let a point speak through an unflagged member of its cluster when its own translation is flagged."""
    by_number = {a.number: a for a in articles}
    for point in points:
        chosen = _sentence(by_number, point.article, point.sentence)
        if chosen.flags:
            for article, index in point.members:
                candidate = _sentence(by_number, article, index)
                if candidate.english and not candidate.flags:
                    point.article, point.sentence, point.arabic = article, index, candidate.text
                    chosen = candidate
                    break
        point.english = chosen.english
        point.flags = list(chosen.flags)
        point.corrected = chosen.corrected


@dataclass
class BuildResult:
    """What `build` returns: the JSON run report, the exit code (0, 3 when inputs were skipped, 2 when the
    brief was written but the follow-up state could not be, or the mail not sent), and that error."""

    report: dict
    exit_code: int
    error: str | None = None


def _leave_out_briefed(articles: list[Article], inputs: list[InputFile], seen: dict,
                       warn: Callable[[str], None] | None) -> list[Article]:
    """The articles no earlier brief used (renumbered), each input file's record saying what was left out:
    a file is ignored when all its articles were briefed before (what --new-only asks for, so no partial
    run: yesterday's files left in the folder must not make every morning exit 3), and keeps the new ones
    otherwise."""
    fresh: list[Article] = []
    dates: dict[str, set[str]] = {}  # file -> dates of the briefs that used its articles
    parts: dict[str, set[int]] = {}  # file -> its articles (parts) left out
    for article in articles:
        earlier = seen.get(article_fingerprint(article))
        if earlier:
            dates.setdefault(article.file, set()).add(earlier["date"])
            parts.setdefault(article.file, set()).add(article.part)
        else:
            fresh.append(article)
    for record in inputs:
        if record.file not in dates:
            continue
        days = " and of ".join(sorted(dates[record.file]))
        when = "the brief of " + days
        left_out = len(parts[record.file])
        if left_out < record.articles:
            record.reason = f"{left_out} of its {record.articles} articles already in {when}, left out"
            message = f"{record.file}: {record.reason}"
        else:
            # (Not warned one by one: yesterday's files left in the folder would make a longer list each
            # morning; the closing line counts them and the report names each.)
            record.status, record.reason = "ignored", ALREADY_BRIEFED + days
            continue
        if warn:
            warn(message)
    for number, article in enumerate(fresh, start=1):
        article.number = number
    return fresh


def _eml_name(date: str) -> str:
    from brief.render import brief_stem

    return f"{brief_stem(date)}.eml"


def _remove_other_outputs_of_the_day(out_dir: Path, date: str, written: list[Path],
                                     warn: Callable[[str], None] | None) -> list[str]:
    """Remove what an earlier run of the same day wrote and this one did not (another format, the English
    variant, an .eml): left beside today's set, it would show other articles and link to rows of a review
    page that no longer has them."""
    from brief.render import day_output_names

    kept = {Path(p).name for p in written}
    removed = []
    for name in [*day_output_names(date), _eml_name(date)]:
        if name not in kept and (out_dir / name).is_file():
            try:
                (out_dir / name).unlink()
                removed.append(name)
            except OSError as error:
                if warn:
                    warn(f"{out_dir / name}: an earlier run's output of this day, not replaced and cannot be "
                         f"removed ({error.strerror}); it does not match today's brief")
    if removed and warn:
        warn(f"removed {', '.join(removed)}: written by an earlier run of {date}, not asked for this time")
    return removed


def _earlier_brief_of(out_dir: Path, date: str) -> str:
    """What a run that writes nothing leaves of its day: said, so "nothing written" does not read as
    "no brief for today" when an earlier run of the day wrote one."""
    from brief.render import day_output_names

    if any((out_dir / name).exists() for name in day_output_names(date)):
        return f"; the brief of {date} an earlier run wrote stays as it was"
    return ""


def _nothing_new(why: str, out_dir: Path, date: str) -> NoUsableInput:
    """The exit-4 error of a day with nothing new (the inputs' fates are attached on the way out)."""
    return NoUsableInput(f"nothing new since the last brief: {why}; nothing written" + _earlier_brief_of(out_dir, date))


@contextmanager
def _inputs_reported_on_error(inputs: list[InputFile]):
    """A run stopped by an error once its inputs were read (a full disk, a damaged state) still reports
    each input's fate, as one stopped for lack of usable input does."""
    try:
        yield
    except BriefError as error:
        if not getattr(error, "inputs", None):
            error.inputs = [asdict(record) for record in inputs]
        raise


def _recording(state: dict, date: str, out_dir: Path, warn: Callable[[str], None] | None) -> bool:
    """Whether this run's day goes into the record of briefed articles: a day over RECALL_DAYS behind the
    latest brief is an old day made again, or a slip of a digit, and must not re-date what later briefs told."""
    # An entry dated after tomorrow (a hand edit, a clock once wrong) is no brief to measure from.
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    newest = max((day for entry in state["articles"].values() for day in entry["dates"] if day <= tomorrow),
                 default=date)
    behind = (datetime.date.fromisoformat(newest) - datetime.date.fromisoformat(date)).days
    if behind > RECALL_DAYS and warn:
        warn(f"--date {date} is {behind} days before the latest brief in {out_dir} ({newest}): the brief is "
             f"made, and the record of briefed articles is left as it is. If the date is a mistake, delete "
             f"brief-{date}.* and review-{date}.html")
    return behind <= RECALL_DAYS


def _no_usable_article(prepared: Prepared, out_dir: Path, date: str) -> NoUsableInput:
    """The exit-4 error of a run whose inputs hold no article (the inputs' fates are attached on the way out)."""
    if not prepared.inputs:
        return NoUsableInput("no input files given")
    return NoUsableInput(no_article_reason(prepared.inputs) + _earlier_brief_of(out_dir, date))


NAMED_IN_REASON = 5
ALREADY_BRIEFED = "already in the brief of "  # how _leave_out_briefed's reason for an ignored file begins


def no_article_reason(inputs: list[InputFile]) -> str:
    """Why a run found no article: each input that gave none, with its reason (the first few, then a count)."""
    from brief.ingest import EARLIER_OUTPUT

    # Earlier outputs beside the articles (the inbox as the output directory) are in the report, not in
    # this line: a month of them would bury the reason that matters.
    told = [r for r in inputs if r.status == "ignored" and r.reason.startswith(ALREADY_BRIEFED)]
    if told and all(r.status == "ignored" for r in inputs):
        days = sorted({day for r in told for day in re.findall(r"\d{4}-\d{2}-\d{2}", r.reason)})
        return (f"nothing new since the last brief: every article of the {len(told)} input(s) is already in the brief of "
                + " or of ".join(days))
    named = [f"{r.file}: {r.reason}" for r in inputs if r.status != "used" and not r.reason.startswith(EARLIER_OUTPUT)]
    more = f"; and {len(named) - NAMED_IN_REASON} more" if len(named) > NAMED_IN_REASON else ""
    return "no usable article among the inputs" + (": " + "; ".join(named[:NAMED_IN_REASON]) + more if named else "")


def _choose_new_points(articles: list[Article], settings: BuildSettings, seen: dict, fingerprints: dict[int, str],
                       out_dir: Path, date: str) -> tuple[list[Story], list[KeyPoint], dict]:
    """The day's stories and key points, told apart from what recent briefs told; raises the nothing-new
    error when no story is left, or none brings a new point."""
    earlier = {n for n, fingerprint in fingerprints.items() if fingerprint in seen}
    # Counted back from the run's day: a record no run has aged since keeps older sentences it would drop.
    told_since = (datetime.date.fromisoformat(date) - datetime.timedelta(days=TOLD_DAYS)).isoformat()
    told = {h for entry in seen.values() if entry["dates"][-1] >= told_since
            for h in entry.get("sentences", ()) if isinstance(h, str)}
    # Terms of recent briefs' articles not among today's inputs: their stories may go on today.
    present = set(fingerprints.values())
    since = (datetime.date.fromisoformat(date) - datetime.timedelta(days=RECALL_DAYS)).isoformat()
    # (With the countries each was set in, where the record has them: a beat's words join other countries'.)
    earlier_terms = [(Counter({t: w for t, w in entry["terms"].items() if isinstance(w, (int, float))}),
                      Counter(entry.get("places", {})))
                     for key, entry in seen.items() if key not in present and entry["dates"][-1] >= since
                     and isinstance(entry.get("terms"), dict)]
    stories, points, summarizer_settings = choose_points(articles, settings, earlier, told, earlier_terms)
    if not stories:
        raise _nothing_new("every story was told before (--followups drop left them all out)", out_dir, date)
    if not points and all(story.followup or all(a.opinion for a in articles if a.number in story.articles)
                          for story in stories):
        # A page of no points under yesterday's headlines is not a brief to mail to anyone.
        raise _nothing_new("every story was told before, and no article brings a new sentence (opinion "
                           "pieces aside)", out_dir, date)
    return stories, points, summarizer_settings


def creation_time() -> str:
    """When the brief is made, as its footer states it: now, or SOURCE_DATE_EPOCH (UTC) when that is set, so
    that two runs on the same inputs write the same files (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH must be a count of seconds since 1970-01-01 UTC, not {epoch!r}") from None
    return moment.isoformat(timespec="seconds")


def _signature(translator, summarizer_settings: dict, glossary, corrections, created: str) -> Signature:
    """What reproduces this brief: the tool, the model and how it ran, the summarizer's settings, the
    glossary and corrections used."""
    described = translator.describe()
    return Signature(
        tool_version=__version__, model=described["model"], model_revision=described["revision"],
        model_local=described.get("local", False),
        engine=described["engine"], precision=described["precision"], device=described["device"],
        beams=described["beams"], target_vocabulary=described["target_vocabulary"],
        summarizer=summarizer_settings,
        glossary=glossary.fingerprint() if glossary else None,
        corrections=corrections.fingerprint() if corrections else None,
        created=created)


@dataclass
class _Delivery:
    """What became of a rendered brief: the files written, and what failed after them."""

    written: Written
    outputs: list[Path]
    replaced: list[str]
    state_error: str | None = None
    mail_error: str | None = None
    message: EmailMessage | None = None  # when a mail was asked for
    mail_sent: bool = False


def _deliver(rendered, state: dict, recording: bool, settings: BuildSettings, out_dir: Path, date: str,
             warn: Callable[[str], None] | None) -> _Delivery:
    """Put the rendered brief set in place, then the record of briefed articles and the .eml, and send the
    mail. A failure after the set is in place is in the result: the brief stays written."""
    from brief import render

    written = message = state_error = None
    outputs: list[Path] = []
    sending = False
    try:
        # The brief set, the state and the .eml are today's together: an interrupt once the set is
        # renamed into place waits until the state and the .eml are written too (local files, quick).
        with interrupts_held():
            written = render.commit_outputs(rendered, out_dir)
            outputs = written.paths
            # Recorded before any mail goes: a run that fails here and is retried must not send it twice.
            try:
                if recording:
                    write_atomic(out_dir / STATE_FILE, state_to_write(state))
            except OSError as error:
                state_error = (f"{out_dir / STATE_FILE}: cannot be written ({error.strerror}); the brief is "
                               "written" + (", no mail was sent" if settings.email_to else "")
                               + "; tomorrow's brief will not know today's articles")
            if settings.email_to and not state_error:
                from brief import mail

                # The body says what the attached page says (the points that fitted on it), and the review
                # page the brief refers to goes with it.
                message = mail.build_eml(written.fitted, settings.email_to,
                                         mail.attachments(outputs, written.fitted, warn=warn),
                                         sender=settings.email_from)
                outputs.append(mail.write_eml(message, out_dir / _eml_name(date)))
            delivery = _Delivery(written, outputs, _remove_other_outputs_of_the_day(out_dir, date, outputs, warn),
                                 state_error, message=message)
        if message is not None and settings.smtp:
            sending = True
            try:
                mail.send_smtp(message, settings.smtp)
                delivery.mail_sent = True
            except MailError as error:
                # The brief is written and stays: the report must say so, not look like a bad option.
                delivery.mail_error = (f"{error}; the brief is written, and the mail is in {outputs[-1]} to "
                                       "send by hand or by running again")
        return delivery
    except KeyboardInterrupt as interrupt:
        if written is None:
            raise
        done = ["the brief and review page"] + (
            ["the record of briefed articles"] if recording and not state_error else []) + (
            ["the .eml"] if message is not None else [])
        mail_fate = ("; the mail may or may not have gone: check before sending the .eml again" if sending
                     else "; no mail was sent" if settings.smtp else "")
        raise InterruptedAfterWriting(f"interrupted once today's outputs were written in {out_dir} ("
                                      + ", ".join(done) + ")" + mail_fate,
                                      [str(path) for path in outputs]) from interrupt


def build(settings: BuildSettings, *, progress: Callable[[int, int], None] | None = None,
          warn: Callable[[str], None] | None = None, translator=None) -> BuildResult:
    """Run the whole job; returns the JSON-ready run report and the exit code. Raises BriefError when nothing can be done."""
    from brief import qa
    from brief.corrections import corrections_for
    from brief.glossary import glossary_for
    from brief.stories import article_places, article_terms
    from brief.translate import TranslateOptions, Translator

    settings.validate()
    # Every warning is in the report too: with --quiet (cron) none is printed, and a record of earlier briefs
    # set aside must still be known to whoever reads the report.
    warnings: list[str] = []

    def noted(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    created = creation_time()
    timings: dict = {}
    out_dir = Path(settings.output)
    date = settings.date or created[:10]  # today, or SOURCE_DATE_EPOCH's day: never made before its own date
    glossary = glossary_for(settings.glossary)
    corrections = corrections_for(settings.corrections)
    if translator is None:
        # Resolve the model before doing any work, so a missing model fails fast and writes nothing.
        started = time.perf_counter()
        translator = Translator(TranslateOptions(
            model=settings.model, engine=settings.engine, precision=settings.precision, device=settings.device,
            beams=settings.beams, full_vocabulary=settings.full_vocabulary, cache=settings.cache,
            glossary=glossary), progress=progress, warn=noted)
        timings["model_resolve"] = time.perf_counter() - started
    inputs: list[InputFile] = []
    with run_lock(out_dir), _inputs_reported_on_error(inputs):
        prepared = prepare(settings.sources, max_file_mb=settings.max_file_mb, max_total_mb=settings.max_total_mb,
                           warn=noted, outputs=str(out_dir))
        inputs.extend(prepared.inputs)
        timings.update(prepared.timings)
        articles = prepared.articles
        state = read_state(out_dir, noted)
        seen = briefed_before(state, date)
        recording = _recording(state, date, out_dir, noted)
        if settings.new_only and articles:
            had_news = any(not a.opinion for a in articles)
            articles = _leave_out_briefed(articles, prepared.inputs, seen, noted)
            if articles and had_news and all(a.opinion for a in articles):
                raise _nothing_new("only opinion pieces are new, and a column gives no key point while there is "
                                   "news", out_dir, date)
        if not articles:
            raise _no_usable_article(prepared, out_dir, date)

        started = time.perf_counter()
        fingerprints = {a.number: article_fingerprint(a) for a in articles}  # for the state, read and written
        stories, points, summarizer_settings = _choose_new_points(articles, settings, seen, fingerprints,
                                                                  out_dir, date)
        timings["summarize"] = time.perf_counter() - started

        started = time.perf_counter()
        translate_articles(articles, points, stories, translator, settings.brief_only, corrections)
        timings["translate"] = time.perf_counter() - started

        started = time.perf_counter()
        checked: dict = {}
        for article in articles:
            qa.check_sentences(article.sentences, glossary=glossary, checked=checked)
        prefer_unflagged(points, articles)
        timings["qa"] = time.perf_counter() - started

        # One story needs no heading, unless it is a follow-up: the reader must see it was told before.
        headed = len(stories) > 1 or any(s.followup for s in stories)
        # (The page's budget decides which points there are: it is part of what reproduces them.)
        budget = {"max_points": settings.max_points, "max_words": settings.max_words}
        brief = Brief(title=settings.title or f"Arabic press brief, {date}", date=date, points=points,
                      articles=articles, signature=_signature(translator, {**budget, **summarizer_settings},
                                                              glossary, corrections, created),
                      stories=stories if headed else [],
                      flagged_points=sum(1 for p in points if p.flags), brief_only=settings.brief_only)

        started = time.perf_counter()
        from brief import render

        rendered = render.render_outputs(brief, out_dir, formats=tuple(settings.formats), variant=settings.variant,
                                         paper=settings.paper)
        timings["render"] = time.perf_counter() - started
        if recording:
            record_briefed(state, {fingerprints[article.number]: {
                "file": article.file, "date": date,
                "sentences": [sentence_fingerprint(s.text) for s in article.sentences if s.kind == "body"],
                "terms": {term: round(weight, 2) for term, weight in article_terms(article).most_common(STATE_TERMS)},
                "places": dict(article_places(article))}
                for article in articles}, date, datetime.date.today().isoformat())
        try:
            delivery = _deliver(rendered, state, recording, settings, out_dir, date, noted)
        except InterruptedAfterWriting as interrupt:
            interrupt.inputs = [asdict(r) for r in prepared.inputs]  # the report printed for it accounts for each
            raise
        translator.close()

    skipped = [r for r in prepared.inputs if r.status == "skipped"]
    report = run_report(brief, prepared.inputs, delivery.outputs, timings, translator.stats,
                        fitted=delivery.written.fitted, stories=stories)
    report["removed"] = delivery.replaced
    report["warnings"] = warnings
    if settings.email_to:
        report["mail"] = {"to": settings.email_to,
                          "eml": str(delivery.outputs[-1]) if delivery.message is not None else None,
                          # Without --smtp nothing is sent: null, not a failure's false.
                          "smtp": settings.smtp, "sent": delivery.mail_sent if settings.smtp else None}
    error = delivery.state_error or delivery.mail_error
    if error:
        report["error"] = error
        return BuildResult(report, OutputError.exit_code, error)
    return BuildResult(report, EXIT_PARTIAL if skipped else EXIT_OK)


def source_records(articles: list[Article]) -> list[dict]:
    """The numbered source list as the run report gives it: one record per article."""
    return [{"number": a.number, "file": a.file, "title": a.title, "outlet": a.outlet, "url": a.url,
             "published": a.published, "part": a.part, "split_reason": a.split_reason,
             "duplicate_of": a.duplicate_of} for a in articles]


def run_report(brief: Brief, inputs: list[InputFile], outputs: list[Path], timings: dict, stats,
               fitted: Brief | None = None, stories: list[Story] | None = None) -> dict:
    """The JSON run report: every input's fate, the sources, the points, outputs, timings and signature.

    `fitted` is the brief as its one page shows it: the figures are the page's, and every point says
    whether it is on the page and its number there (or, further, after the page's). `stories` are all
    the run's stories (the brief holds none when one story needs no heading)."""
    from brief.clean import line_accounting
    from brief.corrections import matching_form
    from brief.render import point_numbers

    page = fitted if fitted is not None else brief
    on_page = {(p.article, p.sentence) for p in page.points}
    numbers = point_numbers(brief, fitted)
    stories = brief.stories if stories is None else stories
    known = {s.number for s in stories}
    return {
        # Stories: with points on the page, named on its "More stories" line, and only counted there
        # ("N more stories in the review page", `more_stories`).
        "brief": {"title": brief.title, "date": brief.date, "points_shown": len(page.points),
                  "more_points": page.more_points, "flagged_points": page.flagged_points,
                  "stories_with_points": len({p.story for p in page.points}),
                  "stories_listed": sum(1 for s in page.stories if not any(p.story == s.number for p in page.points)),
                  "more_stories": page.more_stories},
        "signature": asdict(brief.signature),
        "inputs": [asdict(r) for r in inputs],
        "sources": source_records(brief.articles),
        "accounting": [{"number": a.number, "file": a.file, **line_accounting(a)} for a in brief.articles],
        "points": [{"number": numbers[(p.article, p.sentence)], "on_page": (p.article, p.sentence) in on_page,
                    "arabic": p.arabic, "english": p.english, "citations": p.citations,
                    "outlets": count_outlets(brief.articles, p.citations), "article": p.article,
                    "sentence": p.sentence, "story": p.story if p.story in known else None,
                    "flags": [asdict(f) for f in p.flags], "corrected": p.corrected}
                   for p in brief.points],
        "stories": [{"story": s.number, "articles": s.articles, "outlets": s.outlets, "title_arabic": s.title_arabic,
                     "title_english": s.title_english, "similarity": s.similarity, "followup": s.followup,
                     "new_articles": s.new_articles, "opinion": s.opinion, "points": len(s.points)}
                    for s in stories],
        "qa": {"flagged_sentences": sum(1 for a in brief.articles for s in a.sentences if s.flags),
               "flagged_points": brief.flagged_points},
        "translation": asdict(stats),
        # Sentences whose English is a reviewer's correction, not the machine's.
        "corrected_sentences": sum(1 for a in brief.articles for s in a.sentences if s.corrected),
        # ... and how many of the file's corrections found their sentence in this run (a correction
        # whose Arabic was copied short, or re-segmented, finds none).
        "corrections_used": len({matching_form(s.text) for a in brief.articles for s in a.sentences if s.corrected}),
        "outputs": [str(p) for p in outputs],
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }


def inspect(sources: list[str], warn=None) -> tuple[list[dict], list[InputFile]]:
    """`brief inspect`: every article's metadata, classified lines and sentences; no model needed."""
    from brief.clean import inspect_records

    prepared = prepare(sources, warn=warn)
    records = [{"number": article.number, **record}
               for article, record in zip(prepared.articles, inspect_records(prepared.articles))]
    # A file read but left with no article (every line site furniture, or too little Arabic) is where
    # a user most needs each line's kind and reason: it is listed too, with "number": null.
    from brief.clean import classify_lines
    from brief.ingest import read_document

    for record in prepared.inputs:
        # Only regular files are read again: opening a named pipe would wait for a writer for ever.
        if record.status != "skipped" or record.file == "-" or not os.path.isfile(record.file):
            continue
        try:
            text = read_document(record.file).text
        except InputError:
            continue  # refused before its lines: the reason says all there is
        records.append({"number": None, "file": record.file, "skipped": record.reason, "lines": [
            {"line": ln.number, "kind": ln.kind, "reason": ln.reason, "text": ln.text} for ln in classify_lines(text)],
            "sentences": []})
    return records, prepared.inputs


class Summary(NamedTuple):
    """What `brief summarize` prints from, and each input's fate."""

    points: list[KeyPoint]
    articles: list[Article]
    stories: list[Story]  # empty unless grouped by story
    inputs: list[InputFile]


def summarize_sources(sources: list[str], points: int, max_words: int | None, warn=None,
                      by_story: bool = False) -> Summary:
    """`brief summarize`: key Arabic sentences with citations, best first, or with `by_story` grouped under
    their stories (topics) as the brief groups them, stories most important first; no model needed."""
    from brief.summarize import summarize

    prepared = prepare(sources, warn=warn)
    if not prepared.articles:
        raise NoUsableInput(no_article_reason(prepared.inputs))
    if by_story:
        stories, chosen, _ = choose_points(prepared.articles, BuildSettings(max_points=points, max_words=max_words))
        return Summary(chosen, prepared.articles, stories, prepared.inputs)
    # Points best first over the whole run; a point cites only articles of its own story (as in the brief).
    from brief.stories import cluster_stories

    story_of = {n: story.number for story in cluster_stories(prepared.articles) for n in story.articles}
    return Summary(summarize(prepared.articles, max_points=points, max_words=max_words, story_of=story_of),
                   prepared.articles, [], prepared.inputs)


def plain_summary(points: list[KeyPoint], articles: list[Article]) -> list[str]:
    """The chosen sentences as `brief summarize --plain` prints them: one per line, spaces collapsed, best
    first, except that the summary of a single article reads in the article's own order."""
    if len(articles) == 1:
        points = sorted(points, key=lambda p: p.sentence)
    return [" ".join(p.arabic.split()) for p in points]


def summarize_text(text: str, max_words: int | None = None, max_points: int = 8, settings=None) -> list[str]:
    """Summary of one article given as a string, cleaned and segmented as `brief summarize -` does."""
    from brief.summarize import summarize

    try:
        articles = articles_of(RawDocument(file="-", text=text.replace("\r\n", "\n"), encoding="utf-8"))
    except InputError:
        return []
    for number, article in enumerate(articles, start=1):
        article.number = number
    return plain_summary(summarize(articles, max_points=max_points, max_words=max_words, settings=settings),
                         articles)


def translate_document(source: str, options, *, progress: Callable[[int, int], None] | None = None,
                       warn: Callable[[str], None] | None = None, corrections=None) -> list[tuple[str, str]]:
    """Each sentence of a text file (or "-", standard input) with its English, in order; `options` are
    brief.translate.TranslateOptions; a sentence of `corrections` takes the reviewer's English. What
    `brief translate` prints."""
    from brief.ingest import read_document
    from brief.segment import split_sentences
    from brief.translate import Translator

    translator = Translator(options, progress=progress, warn=warn)
    try:
        text = read_document(source).text
        # (A line with no Arabic letter, an e-mail address or a credit, is nothing to translate, and its line
        # would not read back as a correction or a pair to check.)
        sentences = [" ".join(s.split()) for line in text.splitlines() for s in split_sentences(line)
                     if s.strip() and has_arabic(s)]
        fixed = {s: corrections.get(s) for s in sentences} if corrections else {}
        asked = [s for s in sentences if not fixed.get(s)]
        done = dict(zip(asked, (result.text for result in translator.translate_texts(asked))))
        return [(sentence, fixed.get(sentence) or done[sentence]) for sentence in sentences]
    finally:
        translator.close()


def stories_of(sources: list[str], warn=None) -> tuple[list[dict], list[InputFile]]:
    """`brief stories`: the run's articles grouped into stories, and each input's fate; no model needed."""
    from brief.stories import cluster_stories, stories_records

    prepared = prepare(sources, warn=warn)
    if not prepared.articles:
        raise NoUsableInput(no_article_reason(prepared.inputs))
    return stories_records(cluster_stories(prepared.articles), prepared.articles), prepared.inputs

