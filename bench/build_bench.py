"""End-to-end `brief build` timings: conversion, cold build, warm build (translation memory), 200 articles.

Each step is a separate `brief` process with a fresh BRIEF_CACHE_DIR under bench/_work/, timed from the
outside (whole command wall time) with the process's own peak RSS (os.wait4's ru_maxrss):

1. `brief model convert MODEL`  - the one-time CTranslate2 conversion, reported on its own;
2. `brief build seeds/ ...`     - cold: empty translation memory, the model is loaded and every sentence translated;
3. the same command again       - warm: every sentence comes from the translation memory, no model load;
4. `brief build` of 200 articles made from the seeds (sentences shuffled and thinned, titles numbered),
   for the peak RSS of a large day, with the tiny model (the full-size random model would need ~20 min).

The full-size model has random weights, so it writes junk up to its length cap (2 x source + 10 tokens)
instead of stopping at a real sentence end: the cold build is pessimistic for translation time.

    .venv/bin/python bench/build_bench.py [--skip-200] [--articles N]

Prints one JSON object; writes bench/_work/build_bench.json and regenerates bench/translate_results.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = ROOT / "bench" / "_work"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from translate_bench import MODEL_DIR, describe_machine, ensure_model, write_markdown  # noqa: E402

TINY_MODEL_DIR = "bench/_work/model-tiny"
BRIEF = [sys.executable, "-m", "brief"]


def run_measured(args: list[str], env: dict, log_name: str) -> dict:
    """Run a command; wall time and that process's own peak RSS (children it waited for included)."""
    stdout_path = WORK / f"{log_name}.stdout"
    stderr_path = WORK / f"{log_name}.stderr"
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
    result = {"command": " ".join(args[2:] if args[:2] == BRIEF[:2] else args), "exit": proc.returncode,
              "wall_s": round(wall, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
              "cpu_s": round(usage.ru_utime + usage.ru_stime, 2)}
    text = stdout_path.read_text(encoding="utf-8", errors="replace").strip()
    if proc.returncode != 0:
        result["stderr_tail"] = stderr_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    try:
        report = json.loads(text) if text.startswith("{") else None
    except ValueError:
        report = None
    # Keep what the benchmark reads; the full run report (every point) stays in the .stdout file.
    result["report"] = ({k: report[k] for k in ("brief", "translation", "timings") if k in report}
                        if isinstance(report, dict) else None)
    return result


def fresh_env(cache: Path) -> dict:
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    env = dict(os.environ)
    env.update(BRIEF_CACHE_DIR=str(cache), HF_HUB_OFFLINE="1", TRANSFORMERS_VERBOSITY="error",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    env.pop("BRIEF_MODEL", None)
    return env


def translation_stats(report: dict | None) -> dict | None:
    """The translate-stage figures of a `brief build --json` report, wherever it keeps them."""
    if not isinstance(report, dict):
        return None
    for key in ("translation", "translate", "stats"):
        if isinstance(report.get(key), dict):
            return report[key]
    return None


def make_articles(count: int, out_dir: Path, seed: int = 0) -> Path:
    """`count` articles from the seeds: title numbered, body lines shuffled, a word dropped from some sentences."""
    from brief.segment import split_sentences

    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(seed)
    for i in range(count):
        lines = [line for line in seeds[i % len(seeds)].splitlines() if line.strip()]
        title, byline, body = lines[0], lines[1] if len(lines) > 1 else "", lines[2:]
        paragraphs = []
        for line in body:
            sentences = split_sentences(line)
            varied = []
            for sentence in sentences:
                words = sentence.split()
                if len(words) > 6 and rng.random() < 0.5:
                    del words[rng.randrange(1, len(words) - 1)]
                varied.append(" ".join(words))
            rng.shuffle(varied)
            paragraphs.append(" ".join(varied))
        rng.shuffle(paragraphs)
        text = "\n".join([f"{title} ({i + 1})", byline, *paragraphs]) + "\n"
        (out_dir / f"{i:03d}_article.txt").write_text(text, encoding="utf-8")
    return out_dir


def ensure_tiny_model() -> None:
    if (ROOT / TINY_MODEL_DIR / "model.safetensors").is_file():
        return
    code = ("import sys; sys.path.insert(0, 'tests'); from marian_factory import build_marian_model; "
            f"build_marian_model({TINY_MODEL_DIR!r})")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def build_args(sources: str, out: Path, model: str, extra: list[str]) -> list[str]:
    return [*BRIEF, "build", sources, "-o", str(out), "--model", model, "--json", "--quiet", *extra]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=MODEL_DIR, help="full-size model directory (built if missing)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip-200", action="store_true")
    parser.add_argument("--extra", default="", help="extra `brief build` options, space separated")
    args = parser.parse_args()
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    extra = args.extra.split()
    machine = describe_machine()
    ensure_model(args.model)
    steps: dict = {}

    env = fresh_env(WORK / "build-cache")
    steps["convert"] = run_measured([*BRIEF, "model", "convert", args.model], env, "convert")
    out = WORK / "build-out"
    shutil.rmtree(out, ignore_errors=True)
    steps["cold"] = run_measured(build_args("seeds", out, args.model, extra), env, "build-cold")
    steps["warm"] = run_measured(build_args("seeds", out, args.model, extra), env, "build-warm")
    cold, warm = steps["cold"], steps["warm"]
    ratio = round(cold["wall_s"] / warm["wall_s"], 1) if cold["exit"] == 0 and warm["exit"] == 0 else None

    if not args.skip_200:
        ensure_tiny_model()
        # The tiny model's seeds build: what the pipeline alone costs in memory, for the model-size delta.
        env_tiny = fresh_env(WORK / "build-cache-tiny")
        tiny_out = WORK / "build-out-tiny"
        shutil.rmtree(tiny_out, ignore_errors=True)
        steps["tiny_seeds_cold"] = run_measured(build_args("seeds", tiny_out, TINY_MODEL_DIR, extra), env_tiny,
                                                "build-tiny-seeds")
        articles = make_articles(args.articles, WORK / f"articles{args.articles}")
        env_big = fresh_env(WORK / "build-cache-200")
        big_out = WORK / "build-out-200"
        shutil.rmtree(big_out, ignore_errors=True)
        steps["many_tiny_cold"] = run_measured(
            build_args(str(articles.relative_to(ROOT)), big_out, TINY_MODEL_DIR, extra), env_big, "build-200")
        steps["many_tiny_cold"]["articles"] = args.articles

    report = {"benchmark": "build", "machine": machine, "model": args.model, "tiny_model": TINY_MODEL_DIR,
              "steps": steps, "cold_over_warm": ratio, "wall_s": round(time.perf_counter() - started, 1)}
    (WORK / "build_bench.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    write_markdown()
    print(json.dumps(report, ensure_ascii=False))


def build_section(report: dict) -> list[str]:
    m, steps = report["machine"], report["steps"]
    lines = [f"### End-to-end `brief build` ({m['date']})", "",
             f"Machine as above ({m['cpu']}, {m['cores']} cores; load average at start {m['load_average']}). "
             "Each row is one `brief` process (`python -m brief`), whole-command wall time and that process's "
             "peak RSS (ru_maxrss from wait4). Fresh BRIEF_CACHE_DIR per scenario. Full-size model = random "
             "weights of the opus-mt-ar-en shape: it never emits a real end of sentence, so every output runs to "
             "the length cap (2 x source + 10 tokens) and the cold build's translation time is pessimistic.", "",
             "| step | model | exit | wall s | CPU s | peak RSS MB | translated / from memory | model load s | "
             "translate s |", "|---|---|---|---|---|---|---|---|---|"]
    names = {"convert": "`brief model convert` (CT2 int8, once)", "cold": "build seeds/ cold (empty memory)",
             "warm": "build seeds/ warm (same command again)", "tiny_seeds_cold": "build seeds/ cold",
             "many_tiny_cold": "build {n} articles cold"}
    for key, step in steps.items():
        model = report["tiny_model"] if key.startswith(("tiny", "many")) else report["model"]
        stats = translation_stats(step.get("report")) or {}
        label = names.get(key, key).format(n=step.get("articles", ""))
        lines.append(
            f"| {label} | {'tiny' if 'tiny' in model else 'full-size'} | {step['exit']} | {step['wall_s']} | "
            f"{step.get('cpu_s')} | {step['peak_rss_mb']} | {stats.get('translated', '-')} / "
            f"{stats.get('from_cache', '-')} | {_round(stats.get('seconds_model_load'))} | "
            f"{_round(stats.get('seconds_translate'))} |")
    lines += ["", f"Cold / warm wall time: **{report['cold_over_warm']}x**. Script wall time {report['wall_s']} s.", ""]
    for key, step in steps.items():
        if step["exit"] != 0:
            lines += [f"`{key}` failed (exit {step['exit']}):", "", "```",
                      step.get("stderr_tail", "").strip()[-1500:], "```", ""]
    return lines


def _round(value):
    return round(value, 1) if isinstance(value, (int, float)) else "-"


if __name__ == "__main__":
    main()
