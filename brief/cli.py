"""Command line: parses options, calls the library, turns BriefError into a message and an exit code."""
from __future__ import annotations

import os
import signal
import sys

from brief.errors import EXIT_INTERRUPTED


def _end_by_signal(signum: int, frame=None) -> None:
    """End the process as killed by `signum`, once there is nothing left to clean up.

    A shell running brief in a script then stops the script on Ctrl-C (it goes on after a child that
    merely exits 130), and systemd counts the SIGTERM it sent as a clean stop; `$?` reads 130 or 143."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe has nothing left to say
            pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


# A Ctrl-C while the command line is still importing its libraries (typing, typer, rich: a few hundred
# ms on a busy machine) would print a KeyboardInterrupt traceback and exit 1; there is nothing to clean
# up yet, so end as interrupted at once. Python's own handler is back once this module is imported (end of file).
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    try:
        signal.signal(signal.SIGINT, _end_by_signal)
    except ValueError:  # imported outside the main thread: signals are not ours to set
        pass

import functools  # noqa: E402  (after the handler above)
import json  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from typing import List, Optional  # noqa: E402

import typer  # noqa: E402

from brief.arabic import readable_name  # noqa: E402
from brief.errors import EXIT_INTERNAL, EXIT_NOTHING, EXIT_PARTIAL, BriefError, OutputError, UsageError  # noqa: E402
from brief.interrupts import InterruptedAfterWriting, is_interrupt  # noqa: E402

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Arabic news in, one-page bilingual English brief out.")
model_app = typer.Typer(no_args_is_help=True, help="Download, convert and describe the translation model.")
cache_app = typer.Typer(no_args_is_help=True, help="The translation memory.")
app.add_typer(model_app, name="model")
app.add_typer(cache_app, name="cache")


def _print_version(value: bool) -> None:
    if value:
        from brief import __version__

        print(f"brief {__version__}")
        raise typer.Exit(0)


# On/off options: typer 0.29 would print each one's type, "<bool>", in --help.
Flag = functools.partial(typer.Option, metavar="")


@app.callback()
def _options(version: bool = Flag(False, "--version", "-V", callback=_print_version, is_eager=True,
                                  help="Print the version and exit.")) -> None:
    """Arabic news in, one-page bilingual English brief out."""


# Control characters (a newline or a terminal escape in a file name) would split a message or drive the
# terminal, and bidi embeddings, overrides and isolates reorder it ("report\u202egnp.txt" shows as
# "reporttxt.png"); they are shown escaped, as Python writes them.
_CONTROLS = {c: repr(chr(c))[1:-1] if c < 0xA0 else f"\\u{c:04x}"
             for c in (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _say(message: str) -> None:
    print(f"brief: {message.translate(_CONTROLS)}", file=sys.stderr)


INTERRUPTED = "interrupted; earlier outputs are left as they were"


def _partial_if_skipped(inputs) -> typer.Exit:
    """The exit of a command that printed what it could: EXIT_PARTIAL when some inputs were skipped."""
    return typer.Exit(EXIT_PARTIAL if any(i.status == "skipped" for i in inputs) else 0)


def _warn(message: str) -> None:
    _say(f"warning: {message}")


def user_errors(command):
    """Run a command; user mistakes become one line on stderr and the error's exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
            _flush_stdout()
            return result
        except typer.Exit:
            _flush_stdout()  # what the command printed must have reached its reader for its exit to stand
            raise
        except (typer.Abort, typer.TyperException):
            raise  # typer's own: usage errors (BadParameter) that main() says in one line
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - last line of defence for a cron job
            if is_interrupt(error):  # also one that Python wrapped in another exception
                _say(str(error) if isinstance(error, InterruptedAfterWriting) else INTERRUPTED)
                raise typer.Exit(EXIT_INTERRUPTED) from None
            if isinstance(error, BriefError):
                _say(f"error: {error}")
                raise typer.Exit(error.exit_code) from None
            _say(f"internal error ({type(error).__name__}: {error}); please report it with the traceback "
                 "that BRIEF_DEBUG=1 prints")
            if os.environ.get("BRIEF_DEBUG", "") not in ("", "0"):
                raise
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


class _GuardedStdout:
    """stdout that says a failed write as an OutputError (exit 2): a full disk behind `> report.json`, a
    closed stdout, are the environment's, no bug of brief's. What is left is then dropped, so that Python's
    own flush at exit does not fail again with a message of its own. A reader that stopped reading ("| head")
    stays a BrokenPipeError: nothing to say."""

    def __init__(self, stream):
        self._stream = stream

    def _guarded(self, action):
        try:
            return action()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:  # (ValueError: a write to a closed file)
            self._stream = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
            raise OutputError(f"standard output cannot be written ({getattr(error, 'strerror', None) or error})"
                              ) from None

    def write(self, text: str) -> int:
        return self._guarded(lambda: self._stream.write(text))

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _ClosedStdout:
    """What stands for a stdout closed at start (`>&-`): printing there fails, not vanishes."""

    def write(self, text: str) -> int:
        raise OutputError("standard output is closed: nothing can be printed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _flush_stdout() -> None:
    """Flush what the command printed; a failure is said as the command's error (exit 2)."""
    try:
        sys.stdout.flush()
    except BriefError as error:
        _say(f"error: {error}")
        raise typer.Exit(error.exit_code) from None


@contextmanager
def progress_bar(enabled: bool, label: str):
    """A rich progress bar on stderr when it is a terminal; yields a callback(done, total)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(label, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
                  console=__import__("rich.console").console.Console(stderr=True)) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _print_json(data) -> None:
    print(readable_name(json.dumps(data, ensure_ascii=False, indent=2)))


# Options shared by build and translate --------------------------------------------------------
ModelOpt = typer.Option(None, "--model", help="Hub id or local model directory (default: $BRIEF_MODEL or Helsinki-NLP/opus-mt-ar-en).")
EngineOpt = typer.Option(None, "--engine", help="auto | transformers | ctranslate2 (default auto).")
PrecisionOpt = typer.Option(None, "--precision", help="auto | fp32 | int8 | int8_float32 (CTranslate2) | fp16 (GPU); default auto.")
DeviceOpt = typer.Option(None, "--device", help="auto | cpu | cuda (default auto).")
BeamsOpt = typer.Option(None, "--beams", help="Beam width, 1 to 16 (default: the model's own).")
# On/off settings take both forms, so that one run can undo what brief.toml turns on.
CacheOpt = Flag(None, "--cache/--no-cache", help="Use the translation memory (default), or bypass it.")
FullVocabularyOpt = Flag(None, "--full-vocabulary/--no-full-vocabulary", help=(
    "Let the output use every vocabulary entry, not only the model's target-side pieces (slower; to compare)."))
ConfigOpt = typer.Option(None, "--config", help="Settings file (default ./brief.toml).")
CorrectionsOpt = typer.Option(None, "--corrections", help="TSV of arabic<TAB>english sentences a reviewer "
                              "corrected; their English replaces the machine's ('none' for none).")
GlossaryOpt = typer.Option(None, "--glossary", help="TSV of arabic<TAB>english names to render one way "
                           "(default prompts/glossary.tsv; 'none' for none).")


@app.command()
@user_errors
def build(
    sources: List[str] = typer.Argument(None, help="Files or directories (.txt .md .html .htm .mhtml .mht), or - for stdin."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output directory (default out/)."),
    format: Optional[str] = typer.Option(None, "--format", help="Comma list of md,pdf,html (default md,pdf)."),
    model: Optional[str] = ModelOpt, engine: Optional[str] = EngineOpt, precision: Optional[str] = PrecisionOpt,
    device: Optional[str] = DeviceOpt, beams: Optional[int] = BeamsOpt,
    cache: Optional[bool] = CacheOpt, glossary: Optional[str] = GlossaryOpt,
    corrections: Optional[str] = CorrectionsOpt, full_vocabulary: Optional[bool] = FullVocabularyOpt,
    max_points: Optional[int] = typer.Option(None, "--max-points", help="Most key points on the page, 1 to 50 (default 8)."),
    title: Optional[str] = typer.Option(None, "--title", help="The brief's heading (default: Arabic press brief, DATE)."),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD (default today)."),
    variant: Optional[str] = typer.Option(None, "--variant", help="bilingual | english | both (default bilingual)."),
    paper: Optional[str] = typer.Option(None, "--paper", help="a4 | letter (default a4)."),
    brief_only: Optional[bool] = Flag(None, "--brief-only/--no-brief-only",
                                      help="Translate only what the brief shows."),
    new_only: Optional[bool] = Flag(None, "--new-only/--no-new-only",
                                    help="Skip articles already in an earlier brief."),
    followups: Optional[str] = typer.Option(None, "--followups", help="Stories told in an earlier brief: mark | drop (default mark)."),
    eml: Optional[str] = typer.Option(None, "--eml", help="Also write an .eml addressed to this address."),
    smtp: Optional[str] = typer.Option(None, "--smtp", help="Send the .eml via HOST[:PORT] (port 587 STARTTLS, 465 TLS; plain only to a relay on localhost)."),
    config: Optional[str] = ConfigOpt,
    as_json: bool = Flag(False, "--json", help="Print the run report as JSON on stdout."),
    quiet: Optional[bool] = Flag(None, "--quiet/--no-quiet", "-q",
                                 help="No progress, paths or warnings (for cron); skipped inputs are still named."),
):
    """Build the brief (Markdown, PDF, review page) from a folder of Arabic articles."""
    from brief.config import load_config, merge_settings
    from brief.pipeline import build as run_build

    overrides = {
        "sources": list(sources) if sources else None, "output": output,
        # An empty --format is a mistake to say, not the default.
        "formats": [f.strip() for f in format.split(",") if f.strip()] if format is not None else None,
        "model": model, "engine": engine, "precision": precision, "device": device, "beams": beams,
        "full_vocabulary": full_vocabulary, "cache": cache, "glossary": glossary, "corrections": corrections,
        "max_points": max_points, "title": title,
        "date": date, "variant": variant, "paper": paper, "brief_only": brief_only,
        "new_only": new_only, "followups": followups, "email_to": eml, "smtp": smtp,
        "quiet": quiet,
    }
    try:
        settings = merge_settings(load_config(config), overrides)
        if not settings.sources:
            raise UsageError("give at least one source (file, directory or -), or `sources` in brief.toml")
        quiet = settings.quiet
        warn = None if quiet else _warn
        with progress_bar(not quiet, "translating") as progress:
            result = run_build(settings, progress=progress, warn=warn)
    except BriefError as error:
        if as_json:  # a script reading the report learns what happened (and each input's fate, if known)
            _print_json({"inputs": getattr(error, "inputs", None) or [], "outputs": [], "error": str(error),
                         "exit_code": error.exit_code})
        raise
    except InterruptedAfterWriting as interrupt:
        if as_json:  # the outputs are there: a script must learn which
            _print_json({"inputs": interrupt.inputs, "outputs": interrupt.outputs, "error": str(interrupt),
                         "interrupted": True, "exit_code": _interrupt_code()})
        raise
    except KeyboardInterrupt:
        if as_json:  # nothing written: the report says so, as for any run that stops
            _print_json({"inputs": [], "outputs": [], "error": INTERRUPTED, "interrupted": True,
                         "exit_code": _interrupt_code()})
        raise
    except Exception as error:  # noqa: BLE001 - a bug: said by user_errors, and still a report to parse
        if as_json and not is_interrupt(error):
            _print_json({"inputs": [], "outputs": [], "error": f"internal error ({type(error).__name__}: {error})",
                         "exit_code": EXIT_INTERNAL})
        raise
    if as_json:
        # (Every report says how the run ended: a failure after the outputs were written, a mail not sent or
        # a record not saved, is exit 2 with the report whole.)
        _print_json({**result.report, "exit_code": result.exit_code})
    elif not quiet:
        for path in result.report["outputs"]:
            print(path)
        if result.exit_code == EXIT_PARTIAL:
            skipped = [i for i in result.report["inputs"] if i["status"] == "skipped"]
            _say(f"{len(skipped)} input(s) skipped; each is named above and in --json")
        ignored = [i for i in result.report["inputs"] if i["status"] == "ignored"]
        if ignored:  # passed over without a warning each (yesterday's files, a page's _files folder)
            _say(f"{len(ignored)} input(s) passed over as already briefed or not articles; --json lists each")
    if quiet and result.exit_code == EXIT_PARTIAL:
        # Quiet drops progress and warnings, not what exit 3 reports: which inputs were left out (on stderr,
        # with --json too).
        for record in result.report["inputs"]:
            if record["status"] == "skipped":
                _say(f"skipped {record['file']}: {record['reason']}")
    if result.error:
        _say(f"error: {result.error}")
    raise typer.Exit(result.exit_code)


@app.command()
@user_errors
def inspect(sources: List[str] = typer.Argument(..., help="Files or directories, or -."),
            as_json: bool = Flag(False, "--json", help="Print a JSON list of articles.")):
    """Show each article's metadata, every input line's kind and reason, and how many sentences (--json lists
    them; no model needed)."""
    from brief.pipeline import inspect as run_inspect

    records, inputs = run_inspect(list(sources), warn=_warn)  # warnings go to stderr, JSON to stdout
    if as_json:
        _print_json(records)
    else:
        for record in records:
            if record["number"] is None:
                print(f"== [skipped] {record['file'].translate(_CONTROLS)}: {record['skipped']}")
            else:
                print(f"== [{record['number']}] {record['file'].translate(_CONTROLS)}"
                      + (f" (part {record['part']}: {record['split_reason']})" if record["part"] > 1 else ""))
                for key in ("title", "outlet", "url", "published"):
                    print(f"   {key}: {record[key] if record[key] is not None else '-'}")
            for line in record["lines"]:
                print(f"   {line['line']:>4} {line['kind']:<11} {line['reason']:<28} {line['text'][:70]}")
            print(f"   {len(record['sentences'])} sentences")
    if not any(record["number"] is not None for record in records):
        from brief.pipeline import no_article_reason

        ignored = [r for r in inputs if r.status == "ignored"]  # (what was skipped is named above already)
        if ignored or not inputs:
            _say(no_article_reason(ignored))
        raise typer.Exit(EXIT_NOTHING)
    raise _partial_if_skipped(inputs)


@app.command()
@user_errors
def summarize(sources: List[str] = typer.Argument(..., help="Files or directories, or - for one article on stdin."),
              points: int = typer.Option(8, "--points", help="Most key points."),
              max_words: Optional[int] = typer.Option(
                  None, "--max-words", help="Word budget of the summary (the best sentence is always given whole, even if longer)."),
              plain: bool = Flag(False, "--plain", help="Only the chosen sentences, one per line."),
              by_story: bool = Flag(False, "--by-story",
                                    help="Group the points by story (topic), as the brief does.")):
    """Print the key Arabic sentences, best first, each with a tab and its citations (no model needed)."""
    from brief.pipeline import plain_summary, summarize_sources

    if points < 1:
        raise typer.BadParameter(f"--points must be 1 or more (got {points})")
    if max_words is not None and max_words < 1:
        raise typer.BadParameter(f"--max-words must be 1 or more (got {max_words})")
    # Skipped inputs are named on stderr even with --plain: its promise is about standard output.
    chosen, articles, stories, inputs = summarize_sources(list(sources), points, max_words, warn=_warn,
                                                          by_story=by_story)
    if plain:
        for line in plain_summary(chosen, articles):
            print(line)
    else:
        titles = {s.number: s.title_arabic for s in stories}
        story = None
        for point in chosen:
            if stories and point.story != story:
                story = point.story
                print(f"# story {story}: {' '.join(titles.get(story, '').split())}")
            print(f"{' '.join(point.arabic.split())}\t{' '.join(f'[{c}]' for c in point.citations)}")
    raise _partial_if_skipped(inputs)


@app.command()
@user_errors
def translate(source: str = typer.Argument("-", help="A text file, or - for stdin."),
              model: Optional[str] = ModelOpt, engine: Optional[str] = EngineOpt,
              precision: Optional[str] = PrecisionOpt, device: Optional[str] = DeviceOpt,
              beams: Optional[int] = BeamsOpt, cache: Optional[bool] = CacheOpt,
              glossary: Optional[str] = GlossaryOpt, full_vocabulary: Optional[bool] = FullVocabularyOpt,
              corrections: Optional[str] = CorrectionsOpt, config: Optional[str] = ConfigOpt,
              quiet: bool = Flag(False, "--quiet", "-q", help="No progress bar or warnings.")):
    """Translate Arabic text sentence by sentence; prints arabic<TAB>english lines. The translation
    settings of brief.toml apply, as in build."""
    from brief.config import load_config, merge_translation_settings
    from brief.corrections import corrections_for
    from brief.glossary import glossary_for
    from brief.pipeline import translate_document
    from brief.translate import TranslateOptions

    settings = merge_translation_settings(load_config(config), {
        "model": model, "engine": engine, "precision": precision, "device": device, "beams": beams,
        "cache": cache, "glossary": glossary, "full_vocabulary": full_vocabulary, "corrections": corrections})
    options = TranslateOptions(model=settings.model, engine=settings.engine, precision=settings.precision,
                               device=settings.device, beams=settings.beams, full_vocabulary=settings.full_vocabulary,
                               cache=settings.cache, glossary=glossary_for(settings.glossary))
    with progress_bar(not quiet, "translating") as progress:
        pairs = translate_document(source, options, progress=progress, warn=None if quiet else _warn,
                                   corrections=corrections_for(settings.corrections))
    for arabic, english in pairs:
        print(f"{arabic}\t{english}")


@app.command()
@user_errors
def stories(sources: List[str] = typer.Argument(..., help="Files or directories."),
            as_json: bool = Flag(False, "--json", help="Print the stories as JSON.")):
    """Group the articles into stories: their files, outlets, size and the similarity that joined them."""
    from brief.errors import NoUsableInput
    from brief.pipeline import stories_of

    try:
        records, inputs = stories_of(list(sources), warn=_warn)  # warnings go to stderr, JSON to stdout
    except NoUsableInput:
        if as_json:
            _print_json([])  # as inspect: a script always gets JSON to read
        raise
    if as_json:
        _print_json(records)
    else:
        for record in records:
            similarity = f"{record['similarity']:.2f}" if record.get("similarity") is not None else "-"
            print(f"story {record['story']}: {record['size']} article(s), outlets: "
                  f"{', '.join(o for o in record['outlets'] if o) or '-'}, joined at {similarity}")
            print(f"   {record['title_arabic']}")
            for article in record["articles"]:  # (one file may hold two articles: each is one)
                part = f" (part {article['part']})" if article["part"] > 1 else ""
                print(f"   - [{article['number']}] {article['file'].translate(_CONTROLS)}{part}")
    raise _partial_if_skipped(inputs)


@app.command()
@user_errors
def qa(pairs: str = typer.Argument(..., help="TSV of arabic<TAB>english lines (- for stdin)."),
       glossary: Optional[str] = GlossaryOpt, config: Optional[str] = ConfigOpt,
       as_json: bool = Flag(False, "--json", help="Print every line's flags as JSON.")):
    """Check given translations (machine or human) and list the flags of each line; brief.toml's
    glossary applies, as in build."""
    from brief import qa as qa_stage
    from brief.config import load_config, merge_translation_settings
    from brief.glossary import glossary_for

    terms = glossary_for(merge_translation_settings(load_config(config), {"glossary": glossary}).glossary)
    read = qa_stage.read_pairs(pairs)
    for number, reason in read.malformed:
        _warn(f"skipped {read.file}:{number}: {reason}")
    records = qa_stage.qa_records(read.pairs, glossary=terms, malformed=read.malformed)
    if as_json:
        _print_json(records)
    else:
        for record in records:
            codes = ", ".join(f"{f['code']} ({f['reason']})" for f in record["flags"]) or "ok"
            print(f"line {record['line']}: {codes}")
    raise typer.Exit(EXIT_PARTIAL if read.malformed else 0)


@model_app.command("pull")
@user_errors
def model_pull(model_id: Optional[str] = typer.Argument(None, help="Hub id (default Helsinki-NLP/opus-mt-ar-en)."),
               convert: bool = Flag(True, "--convert/--no-convert", help="Also convert to CTranslate2 int8.")):
    """Download the model into the Hugging Face cache, then convert it once for CTranslate2."""
    from brief.translate import convert_to_ctranslate2, ctranslate2_available, resolve_model

    source = resolve_model(model_id, download=True, progress=sys.stderr.isatty())
    print(f"model {source.spec} at {source.path} (revision {source.revision})")
    if convert and ctranslate2_available():
        print(f"converted for CTranslate2 int8 at {convert_to_ctranslate2(source, 'int8')}")


@model_app.command("convert")
@user_errors
def model_convert(directory: str = typer.Argument(..., help="A downloaded MarianMT model directory (or hub id in the cache)."),
                  precision: str = typer.Option("int8", "--precision", help="int8 | int8_float32 | fp32 | fp16"),
                  force: bool = Flag(False, "--force", help="Convert again even if up to date.")):
    """Convert a model to CTranslate2, offline; does nothing when the conversion is up to date."""
    from brief.translate import convert_to_ctranslate2, ctranslate2_available, resolve_model

    if not ctranslate2_available():
        raise UsageError("the ctranslate2 package is not installed (pip install 'brief[fast]')")
    if precision not in ("int8", "int8_float32", "fp32", "fp16"):
        raise UsageError(f"--precision must be int8, int8_float32, fp32 or fp16 (got {precision!r})")
    print(convert_to_ctranslate2(resolve_model(directory), precision, force=force))


@model_app.command("info")
@user_errors
def model_info(model: Optional[str] = ModelOpt,
               as_json: bool = Flag(False, "--json", help="Print the description as JSON.")):
    """Show what is installed, where, sizes, and which engine and precision auto would use."""
    from brief.translate import model_info as describe

    info = describe(model)
    if as_json:
        _print_json(info)
        return
    _print_outline(info)


def _print_outline(data: dict, indent: str = "") -> None:
    """Nested settings as indented "key: value" lines, for people (--json is for programs)."""
    for key, value in data.items():
        if isinstance(value, dict) and value:
            print(f"{indent}{key}:")
            _print_outline(value, indent + "  ")
        else:
            print(f"{indent}{key}: {'none' if isinstance(value, dict) else value}")


@cache_app.command("stats")
@user_errors
def cache_stats():
    """Entries, size and location of the translation memory."""
    from brief.memory import memory_stats

    stats = memory_stats()  # a question about the memory neither creates one nor sets an unreadable one aside
    if stats.get("unreadable"):
        _warn(f"translation cache {stats['path']} cannot be read ({stats['unreadable']}); left as it is: "
              "the next build sets it aside and starts a new one, `brief cache clear` does so now")
    _print_json(stats)


@cache_app.command("clear")
@user_errors
def cache_clear():
    """Delete every cached translation."""
    from brief.memory import TranslationMemory

    memory = TranslationMemory(warn=_warn, go_on_when_locked=False)
    try:
        removed = memory.clear()
    finally:
        memory.close()
    if memory.set_aside:  # unreadable: nothing could be counted or deleted, and the file is kept, not lost
        print(f"the translation cache could not be read: set aside as {memory.set_aside}; a new, empty one is made")
    else:
        print(f"removed {removed} cached translations")


def _interrupt_again(unraisable) -> None:
    """sys.unraisablehook: a Ctrl-C that lands in a callback Python cannot raise from (the import system's
    weakref callbacks, while torch loads) would print "Exception ignored ... Traceback" and be lost, so the
    run went on; deliver it again where it stops the run cleanly. Anything else is reported as usual."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        import _thread
        import threading

        # Raised from here it would be ignored again (the hook is such a callback too): a moment later,
        # from another thread, it lands in the main thread's ordinary code.
        again = threading.Timer(0.01, _thread.interrupt_main)
        again.daemon = True
        again.start()
        return
    sys.__unraisablehook__(unraisable)


# typer exports only BadParameter; its base ClickException comes from click or from the copy of click
# that newer typers carry, whichever this typer uses.
_ClickException = next(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException")


def _usage_line(error: Exception) -> str:
    """A click usage mistake as one line, ending with where to read the command's options."""
    message = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if context is not None:
        stop = "" if message.endswith((".", "?", "!")) else "."
        message = f"{message}{stop} See '{context.command_path} --help'."
    return message


_terminated = False  # whether the interrupt being handled is a SIGTERM


def _interrupt_code() -> int:
    """The exit status of the interrupt being handled, as the shell will read it (the run ends by the signal)."""
    return 128 + (signal.SIGTERM if _terminated else signal.SIGINT)


def _terminate_as_interrupt(signum, frame):
    global _terminated
    _terminated = True
    raise KeyboardInterrupt  # SIGTERM (cron timeout, systemd stop, kill): clean up as for a Ctrl-C


def main(args: list[str] | None = None, prog_name: str | None = None) -> None:
    """Console entry point (`args`: the command line without the program, default sys.argv[1:])."""
    sys.unraisablehook = _interrupt_again
    sys.stdout = _GuardedStdout(sys.stdout) if sys.stdout is not None else _ClosedStdout()
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    try:
        # Not standalone: usage mistakes come back as exceptions, to be said in one line like ours.
        result = app(args=args, prog_name=prog_name, standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except _ClickException as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # a bare `brief` or `brief model`: the help
            # Its text, unless typer's rich formatting printed it already while the error was made.
            if error.format_message().strip():
                print(error.format_message())
        else:
            _say(f"error: {_usage_line(error)}")
            given = sys.argv[1:] if args is None else list(args)
            if given[:1] == ["build"] and "--json" in given:  # the report a script waits for, as for our own errors
                _print_json({"inputs": [], "outputs": [], "error": _usage_line(error), "exit_code": error.exit_code})
        code = error.exit_code  # 2 for usage mistakes, which is our EXIT_USAGE too
    except typer.Abort:
        _say(INTERRUPTED)
        code = EXIT_INTERRUPTED
    except SystemExit as exit_:
        code = exit_.code if exit_.code is not None else 0
    except KeyboardInterrupt:  # between commands' own handlers: start-up, option parsing, teardown
        _say(INTERRUPTED)
        code = EXIT_INTERRUPTED
    # The work is over: a Ctrl-C during interpreter teardown must not turn into a traceback or a
    # death by signal that cron reports as a crash.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if code == EXIT_INTERRUPTED:
        _end_by_signal(signal.SIGTERM if _terminated else signal.SIGINT)
    raise SystemExit(code)


# Start-up is over: Python's own handler again, so importing this module leaves no handler behind.
if signal.getsignal(signal.SIGINT) is _end_by_signal:
    signal.signal(signal.SIGINT, signal.default_int_handler)

if __name__ == "__main__":
    main()
