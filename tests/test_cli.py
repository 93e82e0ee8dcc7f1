"""End to end through the command line, with the tiny model built by the tests."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.models import outlet_key

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_brief(*args, env_extra=None, cwd=None, input_text=None, timeout=600):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "brief", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, input=input_text, timeout=timeout)


@pytest.fixture(scope="module")
def built(tiny_model_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    cache = tmp_path_factory.mktemp("cache")
    result = run_brief("build", SEEDS, "-o", out, "--model", tiny_model_dir, "--date", "2026-11-24", "--json",
                       env_extra={"BRIEF_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr
    return out, json.loads(result.stdout), cache


def test_build_writes_a_one_page_pdf_with_embedded_fonts(built):
    out, report, _ = built
    pdf = out / "brief-2026-11-24.pdf"
    assert pdf.is_file() and (out / "brief-2026-11-24.md").is_file()
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "the PDF has no fonts"
    for row in fonts:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def test_markdown_has_points_with_both_languages_and_citations(built):
    out, report, _ = built
    assert len(report["points"]) >= 5
    numbers = {s["number"] for s in report["sources"]}
    publisher = {s["number"]: outlet_key(s["outlet"] or "") or s["file"] for s in report["sources"]}
    for point in report["points"]:
        assert point["english"] and point["arabic"] and point["citations"]
        assert set(point["citations"]) <= numbers
        assert point["outlets"] == len({publisher[n] for n in point["citations"]})
    # Seed 001 holds two articles of one outlet (عربي21): a point they both report is one outlet's.
    assert any(point["outlets"] < len(point["citations"]) for point in report["points"])
    markdown = (out / "brief-2026-11-24.md").read_text(encoding="utf-8")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", markdown)}
    assert cited and cited <= numbers
    for seed in SEEDS.iterdir():
        assert seed.name in markdown.replace("\\", "")  # as rendered: Markdown escapes the underscores
    files = {Path(s["file"]).name for s in report["sources"]}
    assert {p.name for p in SEEDS.iterdir()} <= files


def test_report_accounts_for_every_input(built):
    out, report, _ = built
    assert {Path(i["file"]).name for i in report["inputs"]} == {p.name for p in SEEDS.iterdir()}
    assert all(i["status"] == "used" for i in report["inputs"])
    assert report["signature"]["model"] and report["signature"]["engine"]
    # The shipped glossary changes translations, so the signature names it (footer too).
    assert re.fullmatch(r"glossary\.tsv@[0-9a-f]{12} \(\d+ terms\)", report["signature"]["glossary"])
    markdown = (out / "brief-2026-11-24.md").read_text(encoding="utf-8").replace("\\", "")
    assert f"glossary {report['signature']['glossary']}" in markdown
    # So does keeping the output to the target vocabulary.
    assert report["signature"]["target_vocabulary"] is True and "beams 4, target vocabulary" in markdown
    # And the page's budget, which decides which points there are.
    assert report["signature"]["summarizer"]["max_points"] == 8 and "max_points=8" in markdown
    assert set(report["timings"]) >= {"ingest", "summarize", "translate", "render"}


def test_a_local_model_is_named_by_its_folder_in_mailed_outputs_and_by_its_path_in_the_report(built,
                                                                                             tiny_model_dir):
    out, report, _ = built
    signature = report["signature"]
    assert signature["model"] == str(Path(tiny_model_dir).resolve()) and signature["model_local"] is True
    shown = f"model {Path(tiny_model_dir).name}@{signature['model_revision'][:12]}"
    for name in ("brief-2026-11-24.md", "review-2026-11-24.html"):
        text = (out / name).read_text(encoding="utf-8").replace("\\", "")
        assert shown in text and str(Path(tiny_model_dir).parent) not in text, name
    pdf = subprocess.run(["pdftotext", out / "brief-2026-11-24.pdf", "-"], capture_output=True, text=True,
                         check=True).stdout
    assert str(Path(tiny_model_dir).parent) not in pdf


def test_report_describes_the_brief_as_its_page_shows_it(built):
    out, report, _ = built
    markdown = (out / "brief-2026-11-24.md").read_text(encoding="utf-8")
    shown = int(re.search(r"· (\d+) key points? from", markdown).group(1))
    further = re.search(r"(\d+) further points? did not fit", markdown)
    assert report["brief"]["points_shown"] == shown
    assert report["brief"]["more_points"] == (int(further.group(1)) if further else 0)
    on_page = [p for p in report["points"] if p["on_page"]]
    assert sorted(p["number"] for p in on_page) == list(range(1, shown + 1))
    assert sorted(p["number"] for p in report["points"]) == list(range(1, len(report["points"]) + 1))
    for point in on_page:  # each under its page number, in both languages
        lines = markdown.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(f"**{point['number']}.** "))
        assert re.sub(r"\\(.)", r"\1", lines[at]).startswith(f"**{point['number']}.** {point['english'][:40]}")
    assert report["brief"]["flagged_points"] == sum(1 for p in on_page if p["flags"])
    # One story: the page has no headings, the report still has the story.
    assert len(report["stories"]) == 1 and all(p["story"] == 1 for p in report["points"])
    assert "## " not in markdown.split("## Sources")[0].split("\n", 1)[1]


def test_the_email_says_what_its_attached_brief_says_and_carries_the_review_page_it_names(built, tiny_model_dir,
                                                                                          tmp_path):
    from email import message_from_bytes, policy

    _, _, cache = built
    out = tmp_path / "out"
    result = run_brief("build", SEEDS, "-o", out, "--model", tiny_model_dir, "--date", "2026-11-24",
                       "--eml", "desk@example.org", env_extra={"BRIEF_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr
    message = message_from_bytes((out / "brief-2026-11-24.eml").read_bytes(), policy=policy.default)
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert set(attached) == {"brief-2026-11-24.md", "brief-2026-11-24.pdf", "review-2026-11-24.html"}
    markdown = attached["brief-2026-11-24.md"]
    body = message.get_body(("plain",)).get_content()
    for said in (r"· \d+ key points? from \d+ sources?", r"\d+ further points? did not fit|Every key point is here"):
        assert re.search(said, body).group(0) == re.search(said, markdown).group(0)


def test_second_run_is_served_from_the_translation_memory(built, tiny_model_dir, tmp_path):
    _, first, cache = built
    result = run_brief("build", SEEDS, "-o", tmp_path, "--model", tiny_model_dir, "--date", "2026-11-24",
                       "--json", env_extra={"BRIEF_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["translation"]["model_loaded"] is False
    assert report["translation"]["translated"] == 0 and report["translation"]["from_cache"] > 0
    assert [p["english"] for p in report["points"]] == [p["english"] for p in first["points"]]


def test_without_a_model_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    result = run_brief("build", SEEDS, "-o", out, env_extra={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "brief model pull" in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()


def _no_heavy_imports(code: str) -> None:
    probe = (f"import sys\n{code}\n"
             "heavy = [m for m in ('torch', 'transformers', 'ctranslate2', 'weasyprint') if m in sys.modules]\n"
             "assert not heavy, heavy\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def test_inspect_and_summarize_run_without_a_model_or_heavy_imports(tmp_path):
    result = run_brief("inspect", SEEDS, "--json", env_extra={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert {Path(a["file"]).name for a in articles} >= {p.name for p in SEEDS.iterdir()}
    for article in articles:
        assert set(article) >= {"file", "title", "outlet", "url", "published", "lines", "sentences"}
        for line in article["lines"]:
            assert line["kind"] in ("title", "heading", "body", "meta", "boilerplate") and line["reason"]
    result = run_brief("summarize", SEEDS, "--points", "6")
    assert result.returncode == 0, result.stderr
    rows = [ln for ln in result.stdout.splitlines() if ln]
    assert len(rows) == 6 and all(re.search(r"\t(\[\d+\] ?)+$", r) for r in rows)
    _no_heavy_imports(f"from brief.pipeline import inspect, summarize_sources\n"
                      f"inspect([{str(SEEDS)!r}]); summarize_sources([{str(SEEDS)!r}], 5, None)")


def test_summarize_plain_reads_one_article_from_stdin():
    text = (SEEDS / "004_3c6385f6fb4de3b3.txt").read_text(encoding="utf-8")
    result = run_brief("summarize", "-", "--max-words", "60", "--plain", input_text=text)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln]
    assert lines and all("\t" not in ln and ln in " ".join(text.split()) for ln in lines)


def test_summarize_by_story_heads_each_story_group():
    result = run_brief("summarize", ROOT / "tests" / "data" / "stories", "--by-story")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    heads = [ln for ln in lines if ln.startswith("# story ")]
    assert len(heads) > 1 and lines[0] == heads[0]
    assert [int(h.split()[2].rstrip(":")) for h in heads] == list(range(1, len(heads) + 1))
    assert all("\t[" in ln for ln in lines if not ln.startswith("# story "))


def test_summarize_module_is_the_plain_command_with_the_scorers_budget():
    # score_easc.py's own example runs `python -m brief.summarize --single` with $SUMMARY_MAX_WORDS set.
    text = (SEEDS / "004_3c6385f6fb4de3b3.txt").read_text(encoding="utf-8")
    plain = run_brief("summarize", "-", "--max-words", "45", "--plain", input_text=text)
    module = subprocess.run([sys.executable, "-m", "brief.summarize", "--single"], capture_output=True, text=True,
                            env={**os.environ, "SUMMARY_MAX_WORDS": "45"}, cwd=ROOT, input=text, timeout=600)
    assert module.returncode == 0 and plain.returncode == 0, module.stderr
    assert module.stdout == plain.stdout and module.stdout.strip()
    mistake = subprocess.run([sys.executable, "-m", "brief.summarize", "--bogus"], capture_output=True, text=True,
                             cwd=ROOT, input=text, timeout=600)
    assert mistake.returncode == 2 and mistake.stderr == (
        "brief: error: No such option: --bogus. See 'brief summarize --help'.\n")  # one line, as `brief` says it


def test_translate_prints_tab_separated_pairs(tiny_model_dir):
    result = run_brief("translate", "-", "--model", tiny_model_dir, "--no-cache",
                       input_text="وصل بوتين إلى بيونغ يانغ. ووقع البلدان اتفاقية.\n")
    assert result.returncode == 0, result.stderr
    rows = [ln.split("\t") for ln in result.stdout.splitlines()]
    assert [r[0] for r in rows] == ["وصل بوتين إلى بيونغ يانغ.", "ووقع البلدان اتفاقية."]
    assert all(len(r) == 2 and r[1] for r in rows)


def test_translate_and_qa_use_the_translation_settings_of_brief_toml(tiny_model_dir, tmp_path):
    # A desk's model, corrections and glossary live in brief.toml: translating or checking one text by
    # hand must give what the brief gives, not the defaults.
    (tmp_path / "fixes.tsv").write_text("وصل بوتين إلى بيونغ يانغ.\tPutin landed in Pyongyang.\n", encoding="utf-8")
    (tmp_path / "desk.tsv").write_text("فلانستان\tFulanistan\n", encoding="utf-8")
    (tmp_path / "brief.toml").write_text(f"[translation]\nmodel = {str(tiny_model_dir)!r}\ncache = false\n"
                                         'corrections = "fixes.tsv"\nglossary = "desk.tsv"\n', encoding="utf-8")
    result = run_brief("translate", "-", cwd=tmp_path, input_text="وصل بوتين إلى بيونغ يانغ. ووقع البلدان اتفاقية.\n",
                       env_extra={"BRIEF_MODEL": str(tmp_path / "no-such-model")})
    assert result.returncode == 0, result.stderr
    rows = [ln.split("\t") for ln in result.stdout.splitlines()]
    assert rows[0] == ["وصل بوتين إلى بيونغ يانغ.", "Putin landed in Pyongyang."] and rows[1][1]
    pair = "وصل الوفد إلى فلانستان.\tThe delegation arrived in Flanistan.\n"
    checked = run_brief("qa", "-", cwd=tmp_path, input_text=pair)
    assert checked.returncode == 0 and "glossary" in checked.stdout and "Fulanistan" in checked.stdout
    assert "glossary" not in run_brief("qa", "-", "--glossary", "none", cwd=tmp_path, input_text=pair).stdout
    (tmp_path / "brief.toml").write_text("[translation]\nbeams = 0\n", encoding="utf-8")
    wrong = run_brief("translate", "-", cwd=tmp_path, input_text="وصل بوتين.\n")
    assert wrong.returncode == 2 and "beams" in wrong.stderr and "brief.toml" in wrong.stderr, wrong.stderr


def test_full_vocabulary_lets_the_output_leave_the_target_side(tiny_model_dir):
    # The tiny model's random weights write Arabic source pieces when allowed to; by default they cannot.
    text = "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ. ووقع البلدان اتفاقية شراكة استراتيجية شاملة.\n"
    arabic = re.compile("[\u0600-\u06FF]")
    english = {}
    for extra in ([], ["--full-vocabulary"]):
        result = run_brief("translate", "-", "--model", tiny_model_dir, "--no-cache", *extra, input_text=text)
        assert result.returncode == 0, result.stderr
        english[bool(extra)] = " ".join(ln.split("\t")[1] for ln in result.stdout.splitlines())
    assert not arabic.search(english[False]) and arabic.search(english[True])


def test_bad_option_is_a_usage_error(tmp_path):
    result = run_brief("build", SEEDS, "-o", tmp_path, "--variant", "loud")
    assert result.returncode == 2 and "variant must be one of" in result.stderr and "Traceback" not in result.stderr


def test_fully_cached_run_loads_no_translation_library(built, tiny_model_dir, tmp_path):
    _, _, cache = built
    probe = ("import os, sys\n"
             f"os.environ['BRIEF_CACHE_DIR'] = {str(cache)!r}\n"
             "from brief.config import BuildSettings\nfrom brief.pipeline import build\n"
             f"result = build(BuildSettings(sources=[{str(SEEDS)!r}], output={str(tmp_path)!r}, "
             f"model={str(tiny_model_dir)!r}, date='2026-11-24'))\n"
             "assert result.report['translation']['translated'] == 0\n"
             "heavy = [m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules]\n"
             "assert not heavy, heavy\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args, said", [
    (["bulid"], "No such command 'bulid'. Did you mean 'build'? See 'brief --help'."),
    (["build", "--points", "3"], "No such option: --points (Possible options: --max-points). See 'brief build --help'."),
    (["build", "--max-points", "many"], "Invalid value for '--max-points'"),
    (["inspect"], "Missing argument 'sources'. See 'brief inspect --help'."),
])
def test_a_usage_mistake_is_one_line_naming_where_the_options_are(args, said):
    result = run_brief(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("brief: error: ")
    assert said in result.stderr.replace("python -m brief", "brief")  # click names the program as run


def test_each_skipped_file_is_named_on_one_line_even_with_a_newline_or_escape_in_its_name(tmp_path):
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    (tmp_path / "e\x1b[31mred.txt").write_bytes(b"\x00\x01\x02" * 50)
    # A right-to-left override shows "report\u202egnp.txt" as "reporttxt.png" on a terminal.
    (tmp_path / "report\u202egnp.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "000.txt").write_bytes((SEEDS / "000_aaa4514bfe807d4e.txt").read_bytes())
    for command in (["summarize"], ["summarize", "--plain"], ["stories"], ["stories", "--json"], ["inspect"]):
        result = run_brief(*command, tmp_path)
        assert result.returncode == 3, (command, result.stderr)  # some inputs skipped, as build says it
        lines = result.stderr.splitlines()
        assert len(lines) == 3 and "\x1b" not in result.stderr and "\u202e" not in result.stderr, (command, lines)
        assert lines[0].startswith("brief: warning: skipped ") and lines[0].endswith("bad\\nname.txt: empty file")
        assert "e\\x1b[31mred.txt: binary" in lines[1] and "report\\u202egnp.txt: binary" in lines[2]


def test_an_output_or_cache_directory_that_cannot_be_used_is_a_one_line_error(tiny_model_dir, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    cases = [(("-o", tmp_path / "a-file"), {}, "output directory"),
             (("-o", tmp_path / "a-file" / "sub"), {}, "output directory"),
             (("-o", tmp_path / "out"), {"BRIEF_CACHE_DIR": str(tmp_path / "a-file")}, "cache directory")]
    for args, env, what in cases:
        result = run_brief("build", SEEDS, *args, "--model", tiny_model_dir, env_extra=env)
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.splitlines()
        assert line.startswith(f"brief: error: {what} ") and "a-file" in line, line


def test_with_nothing_usable_json_still_reports_each_inputs_fate(tiny_model_dir, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "english.txt").write_text("Only English here, nothing in Arabic.\n", encoding="utf-8")
    result = run_brief("build", tmp_path, "-o", tmp_path / "out", "--model", tiny_model_dir, "--json")
    assert result.returncode == 4, result.stderr
    report = json.loads(result.stdout)
    assert {Path(r["file"]).name: r["status"] for r in report["inputs"]} == {"empty.txt": "skipped",
                                                                            "english.txt": "skipped"}
    assert report["outputs"] == [] and "no usable article" in report["error"]
    assert not (tmp_path / "out").exists()  # nothing written: not even the folder and its lock


@pytest.mark.parametrize("args", [[], ["model"], ["cache"]])
def test_a_bare_command_group_prints_its_help_once(args):
    result = run_brief(*args)
    assert result.returncode == 2 and "Commands" in result.stdout
    assert (result.stdout + result.stderr).count("Usage:") == 1


@pytest.mark.parametrize("args", [["build"], ["build", str(SEEDS), "--smtp", "localhost:25"]])
def test_option_mistakes_inside_a_command_are_usage_errors_not_internal_ones(args, tmp_path):
    result = run_brief(*args, cwd=tmp_path)  # no brief.toml there to supply sources
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert "give at least one source" in result.stderr or "--smtp" in result.stderr and "needs --eml" in result.stderr


def test_version_and_nonsense_summary_budgets():
    for option in ("--version", "-V"):
        result = run_brief(option)
        assert result.returncode == 0 and re.fullmatch(r"brief \d+\.\d+\.\d+\n", result.stdout)
    for option in (["--points", "0"], ["--max-words", "-5"]):
        result = run_brief("summarize", SEEDS, *option)
        assert result.returncode == 2 and "must be 1 or more" in result.stderr and not result.stdout


def test_quiet_still_names_the_inputs_it_skipped(tiny_model_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((SEEDS / "004_3c6385f6fb4de3b3.txt").read_bytes())
    (inbox / "empty.txt").write_text("")
    result = run_brief("build", inbox, "-o", tmp_path / "out", "--model", tiny_model_dir, "--format", "md", "-q")
    assert result.returncode == 3 and not result.stdout
    assert result.stderr.splitlines() == [f"brief: skipped {inbox / 'empty.txt'}: empty file"]
    # ... with --json too: the report on stdout, the skipped input on stderr (it said nothing there).
    result = run_brief("build", inbox, "-o", tmp_path / "out", "--model", tiny_model_dir, "--format", "md", "-q",
                       "--json")
    assert result.returncode == 3 and json.loads(result.stdout)["exit_code"] == 3
    assert result.stderr.splitlines() == [f"brief: skipped {inbox / 'empty.txt'}: empty file"]


def test_importing_the_cli_leaves_no_sigint_handler_behind():
    import signal

    import brief.cli

    assert signal.getsignal(signal.SIGINT) is not brief.cli._end_by_signal


def test_next_day_follow_up_cites_what_was_briefed_and_new_only_leaves_it_out(tiny_model_dir, tmp_path):
    day1 = tmp_path / "day1"
    day1.mkdir()
    for seed in SEEDS.iterdir():
        if seed.name[:3] in ("000", "001"):
            (day1 / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    common = ("-o", out, "--model", tiny_model_dir, "--format", "md")
    assert run_brief("build", day1, *common, "--date", "2026-11-23").returncode == 0
    state = json.loads((out / ".brief-state.json").read_text(encoding="utf-8"))["articles"]
    assert all(entry["date"] == "2026-11-23" and entry["sentences"] for entry in state.values())

    result = run_brief("build", SEEDS, *common, "--date", "2026-11-24", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    earlier = {s["number"] for s in report["sources"] if Path(s["file"]).name[:3] in ("000", "001")}
    assert [s["followup"] for s in report["stories"]] == [True]  # one story, still headed: told before
    assert "(follow-up)" in (out / "brief-2026-11-24.md").read_text(encoding="utf-8")
    assert all(p["article"] not in earlier for p in report["points"])  # the points are what is new ...
    assert any(set(p["citations"]) & earlier for p in report["points"])  # ... citing what reported it before

    # Re-running the day (a late article came in) does not take the day's own brief for an earlier one.
    again = json.loads(run_brief("build", SEEDS, *common, "--date", "2026-11-24", "--json").stdout)
    assert [(p["article"], p["citations"]) for p in again["points"]] == [
        (p["article"], p["citations"]) for p in report["points"]]
    # Nor does building an older day after a newer one: nothing was briefed before 2026-11-23.
    older = json.loads(run_brief("build", day1, *common, "--date", "2026-11-22", "--json").stdout)
    assert not any(s["followup"] for s in older["stories"])
    # A day with nothing new, with --followups drop: nothing to write, and it says so.
    # Nor with the default --followups mark: a page of no points under yesterday's headline is no brief.
    for mode in ("drop", "mark"):
        result = run_brief("build", day1, *common, "--date", "2026-11-25", "--followups", mode)
        assert result.returncode == 4 and "nothing new since the last brief" in result.stderr, (mode, result.stderr)
        assert not (out / "brief-2026-11-25.md").exists()

    result = run_brief("build", SEEDS, *common, "--date", "2026-11-25", "--new-only", "--json")
    assert result.returncode == 4
    lines = result.stderr.strip().splitlines()  # one line, not one per file left in the folder
    assert lines == ["brief: error: nothing new since the last brief: every article of the 5 input(s) is already in "
                     "the brief of 2026-11-22 or of 2026-11-24"]
    # Yesterday's files left beside a new one are what --new-only is for: not a partial run.
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "new.txt").write_bytes((Path(__file__).parent / "data" / "stories" / "article_01.txt").read_bytes())
    result = run_brief("build", inbox, *common, "--date", "2026-11-25", "--new-only", "--json")
    assert result.returncode == 0, result.stderr
    fates = {Path(r["file"]).name: r["status"] for r in json.loads(result.stdout)["inputs"]}
    assert fates.pop("new.txt") == "used" and set(fates.values()) == {"ignored"}


def test_an_opinion_column_is_listed_not_summarized(tiny_model_dir, tmp_path):
    morning = Path(__file__).parent / "data" / "mornings" / "gulf"
    result = run_brief("build", morning, "-o", tmp_path, "--model", tiny_model_dir, "--format", "md", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    column = next(s for s in report["sources"] if "opinion" in s["file"])["number"]
    [story] = [s for s in report["stories"] if s["opinion"]]
    assert story["articles"] == [column] and story["points"] == 0
    assert not any(column in p["citations"] for p in report["points"])
    assert "Opinion: " in next(tmp_path.glob("brief-*.md")).read_text(encoding="utf-8")


def test_a_story_goes_on_from_an_earlier_brief_whose_articles_are_not_in_todays_folder(tiny_model_dir, tmp_path):
    """A desk with a fresh folder each day (or --new-only) still sees follow-ups: the state keeps each
    briefed article's terms."""
    out = tmp_path / "out"
    common = ("-o", out, "--model", tiny_model_dir, "--format", "md", "--json")
    for day, names in (("2026-11-23", ("000", "001")), ("2026-11-24", ("002", "003", "004"))):
        inbox = tmp_path / day
        inbox.mkdir()
        for seed in SEEDS.iterdir():
            if seed.name[:3] in names:
                (inbox / seed.name).write_bytes(seed.read_bytes())
        result = run_brief("build", inbox, *common, "--date", day)
        assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [s["followup"] for s in report["stories"]] == [True]
    state = json.loads((out / ".brief-state.json").read_text(encoding="utf-8"))["articles"]
    assert all(len(entry["terms"]) == 40 for entry in state.values())


def test_model_info_is_an_indented_outline_for_people(tiny_model_dir, tmp_path):
    result = run_brief("model", "info", "--model", tiny_model_dir, env_extra={"BRIEF_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ctranslate2:" in lines and "  installed: True" in lines and "auto:" in lines
    assert not any("{" in line for line in lines)  # no Python dict reprs


def test_an_option_turned_on_in_brief_toml_can_be_turned_off_for_one_run(tiny_model_dir, tmp_path):
    config = tmp_path / "brief.toml"
    config.write_text("brief_only = true\ncache = false\n", encoding="utf-8")
    seed = SEEDS / "004_3c6385f6fb4de3b3.txt"
    common = ("build", seed, "--config", config, "--model", tiny_model_dir, "--format", "md", "--json")
    cache = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    as_set = json.loads(run_brief(*common, "-o", tmp_path / "a", env_extra=cache).stdout)
    undone = run_brief(*common, "-o", tmp_path / "b", "--no-brief-only", "--cache", env_extra=cache)
    assert undone.returncode == 0, undone.stderr
    undone = json.loads(undone.stdout)
    assert as_set["translation"]["cache_path"] is None and undone["translation"]["cache_path"]
    assert as_set["translation"]["sentences"] < undone["translation"]["sentences"]  # the whole article now


def test_build_json_says_why_nothing_was_done_when_another_run_holds_the_directory(tiny_model_dir, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".brief.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run, as far as brief can tell
        result = run_brief("build", SEEDS / "004_3c6385f6fb4de3b3.txt", "-o", out, "--model", tiny_model_dir,
                           "--format", "md", "--json")
    assert result.returncode == 5
    report = json.loads(result.stdout)
    assert report["exit_code"] == 5 and "another brief run is in progress" in report["error"]
    assert report["outputs"] == []


def test_inspect_shows_each_line_of_a_file_left_with_no_article(tmp_path):
    furniture = tmp_path / "only_furniture.txt"
    furniture.write_text("شارك على فيسبوك\nاقرأ أيضا: خبر آخر\n© جميع الحقوق محفوظة 2024\n", encoding="utf-8")
    result = run_brief("inspect", furniture, SEEDS / "004_3c6385f6fb4de3b3.txt", "--json")
    assert result.returncode == 3, result.stderr
    records = json.loads(result.stdout)
    [skipped] = [r for r in records if r["number"] is None]
    assert skipped["file"] == str(furniture) and "site furniture" in skipped["skipped"]
    assert [line["reason"] for line in skipped["lines"]] == [
        "share/subscribe/comment prompt", "'read also' link", "licence or copyright notice"]
    assert [r["number"] for r in records if r["number"] is not None] == [1]


def test_stories_json_with_nothing_usable_is_an_empty_list_as_inspect_gives(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    for command in ("stories", "inspect"):
        result = run_brief(command, tmp_path, "--json")
        assert result.returncode == 4 and json.loads(result.stdout) == [], (command, result.stdout)


def test_inspect_does_not_wait_on_a_named_pipe_in_the_folder(tmp_path):
    shutil.copy(SEEDS / "004_3c6385f6fb4de3b3.txt", tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_brief("inspect", tmp_path, "--json", timeout=60)
    assert result.returncode == 3, result.stderr
    assert "not a regular file" in result.stderr
    assert [r["number"] for r in json.loads(result.stdout)] == [1]


@pytest.mark.parametrize("args, says", [
    (["--beams", "x"], "--beams"), (["--no-such-option"], "--no-such-option"),
    (["--date", "bad"], "--date must be YYYY-MM-DD"), (["--format", ""], "--format"),
    (["--format", "docx"], "--format"), (["--eml", "not an address"], "--eml")])
def test_build_json_reports_option_mistakes_too(args, says, tmp_path):
    result = run_brief("build", SEEDS, "-o", tmp_path / "out", "--json", *args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert report["exit_code"] == 2 and says in report["error"] and report["outputs"] == []
    assert says in result.stderr and not (tmp_path / "out").exists()


def test_an_output_or_cache_path_that_is_a_file_is_said_to_be_one(tiny_model_dir, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    result = run_brief("build", SEEDS / "004_3c6385f6fb4de3b3.txt", "-o", taken, "--model", tiny_model_dir)
    assert result.returncode == 2 and "it is a file, not a directory" in result.stderr, result.stderr
    result = run_brief("build", SEEDS / "004_3c6385f6fb4de3b3.txt", "-o", tmp_path / "out", "--model", tiny_model_dir,
                       env_extra={"BRIEF_CACHE_DIR": str(taken)})
    assert result.returncode == 2 and "it is a file, not a directory" in result.stderr, result.stderr


def test_help_shows_on_off_options_without_a_type():
    for command in (["build"], ["summarize"], ["model", "pull"]):
        result = run_brief(*command, "--help", env_extra={"COLUMNS": "120"})
        assert result.returncode == 0
        assert [line for line in result.stdout.splitlines() if "<bool>" in line and "--help" not in line] == []


def test_the_summary_counts_what_it_passed_over(tiny_model_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((SEEDS / "004_3c6385f6fb4de3b3.txt").read_bytes())
    common = ("-o", inbox, "--model", tiny_model_dir, "--format", "md", "--no-cache")
    first = run_brief("build", inbox, *common, "--date", "2026-11-30")
    assert first.returncode == 0 and "passed over" not in first.stderr
    (inbox / "b.txt").write_bytes((SEEDS / "003_30bd282be3f8cedf.txt").read_bytes())
    second = run_brief("build", inbox, *common, "--date", "2026-12-01", "--new-only")
    assert second.returncode == 0, second.stderr
    # a.txt (briefed on the 30th) and that day's brief and review page beside the articles
    assert "brief: 3 input(s) passed over as already briefed or not articles; --json lists each" in second.stderr


def test_every_command_says_why_a_folder_of_brief_outputs_gives_no_article(tmp_path):
    # Only files brief wrote: they are ignored by design, and the user must hear which and why.
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "brief-2026-12-03.md").write_text("# Arabic press brief\n\nbrief 0.1.0 · model x\n", encoding="utf-8")
    for command in ("inspect", "summarize", "stories"):
        result = run_brief(command, folder)
        assert result.returncode == 4, (command, result.stderr)
        assert "no usable article among the inputs: " in result.stderr and "brief-2026-12-03.md" in result.stderr


def test_a_report_of_a_run_that_fails_after_writing_says_its_exit_code(tiny_model_dir, tmp_path):
    out = tmp_path / "out"
    (out / ".brief-state.json").mkdir(parents=True)  # the record cannot be written: exit 2, outputs kept
    result = run_brief("build", SEEDS / "004_3c6385f6fb4de3b3.txt", "-o", out, "--model", tiny_model_dir,
                       "--format", "md", "--no-cache", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 2 and report["exit_code"] == 2 and report["error"] and report["outputs"]
    clean = run_brief("build", SEEDS / "004_3c6385f6fb4de3b3.txt", "-o", tmp_path / "ok", "--model", tiny_model_dir,
                      "--format", "md", "--no-cache", "--json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["exit_code"] == 0


def test_stories_lists_each_article_of_a_story_with_its_number(tmp_path):
    result = run_brief("stories", SEEDS)
    assert result.returncode == 0, result.stderr
    assert "story 1: 6 article(s)" in result.stdout  # seed 001 holds two articles
    assert "- [3] " in result.stdout and "001_dc81cc70374510db.txt (part 2)" in result.stdout


def test_source_date_epoch_makes_two_builds_byte_identical(tiny_model_dir, tmp_path):
    # The footer's "made" time is the only thing that differs between two runs on the same inputs; with
    # SOURCE_DATE_EPOCH set it is that moment, so a brief can be rebuilt and compared byte for byte.
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1718755200"}
    # (Without --date the brief is of that moment's day: it said "made" before its own date.)
    for name, date in (("a", ["--date", "2024-06-19"]), ("b", [])):
        result = run_brief("build", SEEDS, "-o", tmp_path / name, "--model", tiny_model_dir, *date,
                           "--format", "md,pdf,html", "--quiet", env_extra=env)
        assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "a").iterdir() if not p.name.startswith("."))
    assert {Path(f).suffix for f in files} == {".md", ".pdf", ".html"}
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert "made 2024-06-19T00:00:00+00:00" in (tmp_path / "a" / "brief-2024-06-19.md").read_text(encoding="utf-8")

    result = run_brief("build", SEEDS, "-o", tmp_path / "c", "--model", tiny_model_dir, "--quiet",
                       env_extra={**env, "SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "c").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_stdout_that_cannot_be_written_is_an_output_error_not_a_crash():
    # "> /dev/full" (a full disk behind a redirection) was an internal error, exit 1, asking for a bug report;
    # a closed stdout (">&-") printed nothing and exited 0.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "brief", "inspect", str(ROOT / "seeds")], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=300)
    assert done.returncode == 2
    assert done.stderr == "brief: error: standard output cannot be written (No space left on device)\n"
    done = subprocess.run([sys.executable, "-m", "brief", "summarize", str(ROOT / "seeds")], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env, timeout=300,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 2 and done.stderr == "brief: error: standard output is closed: nothing can be printed\n"
