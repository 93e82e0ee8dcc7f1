"""Translation throughput of each engine and precision on a full-size opus-mt-ar-en-shaped model.

Builds (once, under bench/_work/) a random-weight MarianMT model of the exact opus-mt-ar-en shape,
takes the seed sentences, and translates them with each configuration at *fixed output lengths*
(ceil(1.2 x source tokens of the longest sentence in the batch), forced by min = max length) so that
every engine does the same number of decoder steps whatever the random weights would emit. Batches
are length-sorted and of a fixed number of sentences. Each configuration runs in its own subprocess,
so its peak RSS (VmHWM, which includes imports and model load) is its own.

Generated tokens are counted from the outputs, and each output's length is checked against the plan.

    .venv/bin/python bench/translate_bench.py --quick      # < 3 minutes: beam 4, batch 16, 5 configs
    .venv/bin/python bench/translate_bench.py              # full: greedy + beam 4, batch 1/8/32, all configs

Prints one JSON object on stdout; writes bench/_work/translate_bench-{quick,full}.json and
bench/translate_results.md (with build_bench.py's figures when they exist).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "_work"
RESULTS_MD = ROOT / "bench" / "translate_results.md"
MODEL_DIR = "bench/_work/model-full"  # relative on purpose: the CT2 conversion cache is keyed by the spec
LENGTH_RATIO = 1.2
MAX_SOURCE_TOKENS = 256

# name: (engine, precision, intra_threads, inter_threads); intra None = the engine's default
CONFIGS = {
    "transformers-fp32": ("transformers", "fp32", None, 1),
    "transformers-int8": ("transformers", "int8", None, 1),
    # generate() alone, no scoring of the outputs at all
    "transformers-fp32-noscores": ("transformers", "fp32", None, 1),
    # what TransformersEngine did before 1b914e4: generate(output_scores=True), every step's logits kept
    "transformers-fp32-outputscores": ("transformers", "fp32", None, 1),
    "ct2-int8": ("ctranslate2", "int8", None, 1),
    "ct2-int8_float32": ("ctranslate2", "int8_float32", None, 1),
    "ct2-fp32": ("ctranslate2", "fp32", None, 1),
    "ct2-int8-intra1": ("ctranslate2", "int8", 1, 1),
    "ct2-int8-intra2": ("ctranslate2", "int8", 2, 1),
    "ct2-int8-inter2": ("ctranslate2", "int8", 1, 2),
    # what `brief` uses by default (engine and precision auto, threads chosen by CTranslate2Engine)
    "ct2-default": ("ctranslate2", "int8", None, None),
    # the default before its output was kept to the target vocabulary: every step scores all 62,834 entries
    "ct2-default-fullvocab": ("ctranslate2", "int8", None, None),
    "ct2-fp32-inter2": ("ctranslate2", "fp32", 1, 2),
}
QUICK_CONFIGS = ["transformers-fp32", "transformers-fp32-noscores", "ct2-int8", "ct2-default",
                 "ct2-default-fullvocab"]
BASELINE = "transformers-fp32"  # TransformersEngine's own calls: generate(), then its teacher-forced scoring
PLAIN_BASELINE = "transformers-fp32-noscores"  # plain generate(), no per-step scores kept


def env_for_children() -> dict:
    env = dict(os.environ)
    env.setdefault("BRIEF_CACHE_DIR", str(WORK / "cache"))
    env["HF_HUB_OFFLINE"] = "1"
    env["TRANSFORMERS_VERBOSITY"] = "error"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux clear_refs 5), so a peak can be read per run."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def seed_sentences() -> list[str]:
    from brief.segment import split_sentences
    from brief.translate import normalize_source

    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            text = normalize_source(sentence)
            if text:
                sentences.append(text)
    return sentences


def spread(items: list, n: int) -> list:
    """n items taken evenly across `items` (which is sorted by length): same length mix as the whole."""
    if n >= len(items):
        return list(items)
    return [items[int(i * len(items) / n)] for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Child: one configuration
# ---------------------------------------------------------------------------------------------


def run_child(spec: dict) -> dict:
    started = time.perf_counter()
    from brief.translate import (CTranslate2Engine, DecodingSettings, TransformersEngine, resolve_model)

    engine_name, precision, intra, inter = CONFIGS[spec["config"]]
    # "engine": generate() then the engine's own scoring (TransformersEngine._scores, a teacher-forced pass);
    # "outputscores": generate(output_scores=True) as the engine did before; "none": generate() alone.
    scoring = ("none" if spec["config"].endswith("-noscores") else
               "outputscores" if spec["config"].endswith("-outputscores") or not hasattr(engine_cls_scores(), "_scores")
               else "engine")
    source = resolve_model(spec["model"])
    # Plain generate() is transformers as anyone would call it: the whole vocabulary, no scoring.
    full_vocabulary = spec["config"].endswith(("-fullvocab", "-noscores", "-outputscores"))
    decoding = DecodingSettings(beams=4, target_vocabulary=not full_vocabulary)
    load_started = time.perf_counter()
    if engine_name == "transformers":
        engine = TransformersEngine(source, precision, "cpu", decoding, intra)
    else:
        engine = CTranslate2Engine(source, precision, "cpu", decoding, intra, inter)
        inter = engine.inter_threads
    load_seconds = time.perf_counter() - load_started
    rss_after_load = current_rss_mb()
    peak_load = peak_rss_mb()
    peaks = [peak_load]
    tokenizer = engine.tokenizer

    sentences = spec["sentences"]
    counts = [len(tokenizer(s)["input_ids"]) for s in sentences]
    keep = [(c, s) for c, s in zip(counts, sentences) if c <= MAX_SOURCE_TOKENS]
    keep.sort(key=lambda cs: cs[0])

    def run_batch(texts: list[str], length: int, beams: int) -> list[int]:
        """Translate one batch at exactly `length` output tokens; returns each output's token count."""
        if engine_name == "transformers":
            import torch

            batch = tokenizer(texts, return_tensors="pt", padding=True)
            keep_scores = scoring == "outputscores"
            with torch.inference_mode():
                out = engine.model.generate(
                    **batch, num_beams=beams, min_new_tokens=length, max_new_tokens=length,
                    length_penalty=decoding.length_penalty, renormalize_logits=decoding.renormalize_logits,
                    bad_words_ids=engine.bad_words, suppress_tokens=engine._outside or None,
                    pad_token_id=tokenizer.pad_token_id,
                    eos_token_id=tokenizer.eos_token_id,
                    decoder_start_token_id=engine.model.config.decoder_start_token_id,
                    do_sample=False, output_scores=keep_scores, return_dict_in_generate=True)
            tokenizer.batch_decode(out.sequences, skip_special_tokens=True)
            if beams == 1 and keep_scores:
                engine.model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
            if scoring == "engine":
                engine._scores(batch, out.sequences)
            generated = out.sequences[:, 1:]  # drop the decoder start token; the forced final </s> is a step
            return [int((row != tokenizer.pad_token_id).sum()) for row in generated]
        tokenized = [tokenizer.convert_ids_to_tokens(tokenizer(s)["input_ids"]) for s in texts]
        extra = {"max_batch_size": engine.worker_batch_size(len(texts))}  # as the engine splits its calls
        results = engine.translator.translate_batch(
            tokenized, beam_size=beams, length_penalty=decoding.length_penalty, max_input_length=512,
            min_decoding_length=length, max_decoding_length=length, return_scores=True,
            use_vmap=decoding.target_vocabulary, **extra)
        lengths = []
        for result in results:
            tokens = result.hypotheses[0]
            tokenizer.decode(tokenizer.convert_tokens_to_ids(tokens), skip_special_tokens=True)
            lengths.append(len(tokens))
        return lengths

    runs = []
    for beams in spec["beams"]:
        run_batch([keep[0][1], keep[1][1]], 8, beams)  # warm-up: first-call allocations, not timed
        for batch_size in spec["batch_sizes"]:
            subset = keep if batch_size > 1 else spread(keep, max(8, len(keep) // spec.get("batch1_divisor", 1)))
            planned = generated = mismatched = 0
            wall = 0.0
            per_run_peak = reset_peak_rss()
            cpu0 = time.process_time()
            for i in range(0, len(subset), batch_size):
                chunk = subset[i:i + batch_size]
                length = math.ceil(LENGTH_RATIO * max(c for c, _ in chunk))
                t0 = time.perf_counter()
                lengths = run_batch([s for _, s in chunk], length, beams)
                wall += time.perf_counter() - t0
                planned += length * len(chunk)
                generated += sum(lengths)
                mismatched += sum(1 for n in lengths if n != length)
            cpu = time.process_time() - cpu0
            run_peak = peak_rss_mb()
            peaks.append(run_peak)
            runs.append({
                "beams": beams, "batch_size": batch_size, "sentences": len(subset),
                "source_tokens": sum(c for c, _ in subset), "generated_tokens": generated,
                "planned_tokens": planned, "length_mismatches": mismatched, "wall_s": round(wall, 3),
                "cpu_s": round(cpu, 2), "tokens_per_cpu_s": round(generated / cpu, 2) if cpu else None,
                "peak_rss_mb": round(run_peak, 1) if per_run_peak else None,
                "tokens_per_s": round(generated / wall, 2), "sentences_per_s": round(len(subset) / wall, 3),
            })
    return {
        "config": spec["config"], "engine": engine_name, "precision": precision,
        "intra_threads": intra, "inter_threads": inter, "load_s": round(load_seconds, 3),
        "scoring": scoring if engine_name == "transformers" else "ctranslate2 return_scores",
        "rss_after_load_mb": round(rss_after_load, 1), "peak_rss_load_mb": round(peak_load, 1),
        "peak_rss_mb": round(max(peaks + [peak_rss_mb()]), 1),
        "child_wall_s": round(time.perf_counter() - started, 2), "runs": runs,
        "torch_threads": _torch_threads(),
    }


def engine_cls_scores():
    from brief.translate import TransformersEngine

    return TransformersEngine


def _torch_threads() -> int | None:
    if "torch" in sys.modules:
        return sys.modules["torch"].get_num_threads()
    return None


# ---------------------------------------------------------------------------------------------
# Parent
# ---------------------------------------------------------------------------------------------


def describe_machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    cpu = platform.processor() or platform.machine()
    flags = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = line
    except OSError:
        pass
    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for package in ("torch", "transformers", "ctranslate2", "sentencepiece"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    isa = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "fma") if f" {f}" in flags]
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "isa": isa, "memory_gib": mem_gib, "python": platform.python_version(), **versions,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def ensure_model(model: str) -> float:
    path = ROOT / model if not os.path.isabs(model) else Path(model)
    if (path / "model.safetensors").is_file():
        return 0.0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tests" / "marian_factory.py"), str(path), "--full-size"],
                   check=True, env=env_for_children(), cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def ensure_conversions(model: str, precisions: set[str]) -> dict:
    code = (
        "import sys, time, json\n"
        "from brief.translate import resolve_model, convert_to_ctranslate2, converted_model_dir\n"
        "s = resolve_model(sys.argv[1]); out = {}\n"
        "for p in sys.argv[2:]:\n"
        "    done = (converted_model_dir(s, p) / 'model.bin').is_file()\n"
        "    t = time.perf_counter(); convert_to_ctranslate2(s, p)\n"
        "    out[p] = None if done else round(time.perf_counter() - t, 2)\n"
        "print(json.dumps(out))\n")
    result = subprocess.run([sys.executable, "-c", code, model, *sorted(precisions)], check=True,
                            env=env_for_children(), cwd=ROOT, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def merge_repeats(reps: list[dict]) -> dict:
    """One result per configuration: median tokens/s (and its run's other figures) over the repetitions."""
    good = [r for r in reps if r.get("runs")]
    if not good:
        return reps[0]
    merged = dict(good[0])
    merged["load_s"] = sorted(r["load_s"] for r in good)[len(good) // 2]
    merged["peak_rss_mb"] = max(r["peak_rss_mb"] for r in good)
    runs = []
    for i, first in enumerate(good[0]["runs"]):
        samples = sorted((r["runs"][i] for r in good), key=lambda x: x["tokens_per_s"])
        run = dict(samples[len(samples) // 2])
        if len(samples) > 1:
            run["tokens_per_s_reps"] = [x["tokens_per_s"] for x in samples]
        run["peak_rss_mb"] = max((x.get("peak_rss_mb") or 0) for x in samples) or None
        runs.append(run)
    merged["runs"] = runs
    merged["repeats"] = len(good)
    return merged


def add_ratios(configs: list[dict]) -> None:
    """Ratios of tokens/s to each transformers fp32 baseline present, same beam: same batch size and best."""
    for key, name in (("tf_fp32", BASELINE), ("tf_fp32_plain", PLAIN_BASELINE)):
        base = next((c for c in configs if c["config"] == name and c.get("runs")), None)
        if base is None:
            continue
        base_at = {(r["beams"], r["batch_size"]): r["tokens_per_s"] for r in base["runs"]}
        best_at: dict[int, float] = {}
        for r in base["runs"]:
            best_at[r["beams"]] = max(best_at.get(r["beams"], 0.0), r["tokens_per_s"])
        for config in configs:
            for r in config["runs"]:
                same = base_at.get((r["beams"], r["batch_size"]))
                r[f"ratio_vs_{key}_same_batch"] = round(r["tokens_per_s"] / same, 2) if same else None
                best = best_at.get(r["beams"])
                r[f"ratio_vs_{key}_best_batch"] = round(r["tokens_per_s"] / best, 2) if best else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=(
                        "beam 4, batch 16, 24 sentences, 5 configs (about 1 min once the model is built)"))
    parser.add_argument("--model", default=MODEL_DIR, help="full-size MarianMT directory (built if missing)")
    parser.add_argument("--configs", help="comma list of: " + ", ".join(CONFIGS))
    parser.add_argument("--beams", help="comma list, e.g. 1,4")
    parser.add_argument("--batch-sizes", help="comma list, e.g. 1,8,32")
    parser.add_argument("--sentences", type=int, help="how many seed sentences (spread over lengths)")
    parser.add_argument("--batch1-divisor", type=int, default=3,
                        help="batch size 1 uses 1/N of the sentences (same length mix), to bound run time")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every configuration N times, interleaved (rotated order); report medians")
    parser.add_argument("--label", help="name of this run in the results (default: quick/full)")
    parser.add_argument("--no-markdown", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(run_child(json.loads(Path(args.child).read_text()))))
        return

    started = time.perf_counter()
    mode = args.label or ("quick" if args.quick else "full")
    configs = args.configs.split(",") if args.configs else (
        QUICK_CONFIGS if args.quick else [c for c in CONFIGS if not c.endswith("-outputscores")])
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        parser.error(f"unknown config(s): {', '.join(unknown)}")
    beams = [int(b) for b in args.beams.split(",")] if args.beams else ([4] if args.quick else [1, 4])
    batch_sizes = ([int(b) for b in args.batch_sizes.split(",")] if args.batch_sizes
                   else ([16] if args.quick else [1, 8, 32]))
    sentence_count = args.sentences or (24 if args.quick else 64)

    WORK.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("BRIEF_CACHE_DIR", str(WORK / "cache"))
    machine = describe_machine()
    model_build_s = ensure_model(args.model)
    precisions = {CONFIGS[c][1] for c in configs if CONFIGS[c][0] == "ctranslate2"}
    conversion_s = ensure_conversions(args.model, precisions) if precisions else {}

    # Sentences sorted by character length, then spread so that the subset keeps the length mix.
    all_sentences = sorted(seed_sentences(), key=len)
    sentences = spread(all_sentences, sentence_count)

    by_config: dict[str, list[dict]] = {name: [] for name in configs}
    for rep in range(args.repeat):
        order = configs[rep % len(configs):] + configs[:rep % len(configs)]
        for name in order:
            spec = {"config": name, "model": args.model, "sentences": sentences, "beams": beams,
                    "batch_sizes": batch_sizes, "batch1_divisor": args.batch1_divisor}
            spec_path = WORK / f"spec-{name}.json"
            spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, __file__, "--child", str(spec_path)], env=env_for_children(),
                                  cwd=ROOT, capture_output=True, text=True)
            child_wall = time.perf_counter() - t0
            if proc.returncode != 0:
                by_config[name].append({"config": name, "runs": [],
                                        "error": proc.stderr.strip().splitlines()[-1:] or ["failed"]})
                print(f"{name}: FAILED\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result["process_wall_s"] = round(child_wall, 2)
            by_config[name].append(result)
            summary = ", ".join(f"b{r['beams']}/bs{r['batch_size']} {r['tokens_per_s']} tok/s" for r in result["runs"])
            print(f"[{rep + 1}/{args.repeat}] {name}: load {result['load_s']} s, peak {result['peak_rss_mb']} MB; "
                  f"{summary}", file=sys.stderr)
    results = [merge_repeats(by_config[name]) for name in configs]
    add_ratios(results)
    machine["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report = {
        "benchmark": "translate", "mode": mode, "machine": machine, "model": args.model,
        "model_shape": "opus-mt-ar-en (vocab 62834, d_model 512, 6+6 layers, 8 heads, ffn 2048), random weights",
        "length_rule": f"output tokens per batch = ceil({LENGTH_RATIO} x longest source in batch), min = max",
        "sentences": len(sentences), "repeat": args.repeat, "beams": beams, "batch_sizes": batch_sizes,
        "model_build_s": round(model_build_s, 1), "ct2_conversion_s": conversion_s,
        "configs": results, "wall_s": round(time.perf_counter() - started, 1),
    }
    (WORK / f"translate_bench-{mode}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    if not args.no_markdown:
        write_markdown()
    print(json.dumps(report))


# ---------------------------------------------------------------------------------------------
# Markdown (shared with build_bench.py)
# ---------------------------------------------------------------------------------------------


def _translate_section(report: dict) -> list[str]:
    m = report["machine"]
    for c in report["configs"]:
        for r in c.get("runs", []):
            for key in [k for k in r if k.startswith("ratio_vs_")]:
                del r[key]
    add_ratios(report["configs"])
    lines = [
        f"### Translation throughput ({report['mode']} run, {m['date']}"
        + (f", median of {report['repeat']} interleaved repetitions" if report.get("repeat", 1) > 1 else "") + ")",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores ({', '.join(m['isa'])}), {m['memory_gib']} GiB; "
        f"Python {m['python']}, torch {m['torch']}, transformers {m['transformers']}, "
        f"ctranslate2 {m['ctranslate2']}. Load average at start {m['load_average']}, "
        f"at end {m.get('load_average_end')} (shared machine: compare ratios within this run).",
        "",
        f"Model: {report['model_shape']}. {report['sentences']} seed sentences (spread over lengths; batch size 1 "
        f"uses a third of them, same length mix), length-sorted batches; {report['length_rule']}. "
        "Generated tokens counted from the outputs. \"x tf fp32 (engine)\": tokens/s over transformers fp32 as "
        "TransformersEngine does it since 1b914e4 (generate(), then one teacher-forced scoring pass), same beam and "
        "batch size (blank in runs made before that commit); \"x tf fp32 plain\": over generate() alone "
        "(transformers-fp32-noscores); transformers-fp32-outputscores is the engine before 1b914e4 "
        "(generate(output_scores=True)); \"x its best batch\": over that baseline's best batch size at "
        "that beam. tokens/CPU-s is less disturbed by other load than tokens/s. Peak RSS: VmHWM of the "
        "configuration's own process, reset before each run (this run) and over the whole process, imports and "
        "model load included.",
        "",
        "| config | intra/inter threads | beam | batch | tokens/s | sentences/s | wall s | tokens/CPU-s | "
        "x tf fp32 (engine) | x its best batch | x tf fp32 plain | x its best batch | load s | peak RSS MB "
        "(this run / process) | lengths ok |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in report["configs"]:
        if c.get("error"):
            lines.append(f"| {c['config']} | failed: {c['error']} |")
            continue
        threads = f"{c['intra_threads'] if c['intra_threads'] is not None else 'default'}/{c['inter_threads']}"
        if c["engine"] == "transformers":
            threads = f"torch {c.get('torch_threads')}/1"
        for r in sorted(c["runs"], key=lambda r: (r["beams"], r["batch_size"])):
            ok = "yes" if r["length_mismatches"] == 0 and r["generated_tokens"] == r["planned_tokens"] else (
                f"NO ({r['length_mismatches']} off)")
            lines.append(
                f"| {c['config']} | {threads} | {r['beams']} | {r['batch_size']} | {r['tokens_per_s']:.1f}"
                + (f" ({min(r['tokens_per_s_reps']):.0f}-{max(r['tokens_per_s_reps']):.0f})"
                   if r.get("tokens_per_s_reps") else "") + " | "
                f"{r['sentences_per_s']:.2f} | {r['wall_s']:.1f} | {r.get('tokens_per_cpu_s')} | "
                f"{r.get('ratio_vs_tf_fp32_same_batch')} | {r.get('ratio_vs_tf_fp32_best_batch')} | "
                f"{r.get('ratio_vs_tf_fp32_plain_same_batch')} | {r.get('ratio_vs_tf_fp32_plain_best_batch')} | "
                f"{c['load_s']:.1f} | {r.get('peak_rss_mb') or '-'} / {c['peak_rss_mb']:.0f} | {ok} |")
    conv = {k: v for k, v in (report.get("ct2_conversion_s") or {}).items() if v is not None}
    lines += ["", f"Run wall time: {report['wall_s']} s"
              + (f"; CTranslate2 conversions done in this run: {conv} s" if conv else "")
              + (f"; model built in {report['model_build_s']} s" if report.get("model_build_s") else "") + ".", ""]
    return lines


def write_markdown() -> None:
    parts = ["# Translation benchmarks (bench/translate_bench.py, bench/build_bench.py)", "",
             "Generated by the scripts; figures from one shared 2-core machine, one run each unless a heading says "
             "otherwise; newest sections first. "
             "Regenerate: `.venv/bin/python bench/translate_bench.py [--quick]`, "
             "`.venv/bin/python bench/build_bench.py`.", ""]
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in WORK.glob("translate_bench-*.json")]
    for run in sorted(runs, key=lambda r: (r.get("machine", {}).get("date", ""), r.get("mode", "")), reverse=True):
        parts += _translate_section(run)
    build = WORK / "build_bench.json"
    if build.is_file():
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from build_bench import build_section

            parts += build_section(json.loads(build.read_text(encoding="utf-8")))
        except ImportError:
            pass
    parts += ["Findings and the choice of default: bench/RESULTS.md.", ""]
    RESULTS_MD.write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
