import json
import re
import shutil

import pytest

from brief import translate
from brief.errors import ModelError, UsageError
from brief.translate import (DecodingSettings, TranslateOptions, Translator, _length_batches, normalize_source,
                             resolve_model)

ARABIC = [
    "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ.",
    "وقع البلدان اتفاقية شراكة استراتيجية شاملة.",
    "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ.",  # duplicate: translated once
    "وقالت وزارة الدفاع إن بيونغ يانغ أرسلت نحو 6700 حاوية إلى روسيا.",
]


def test_missing_hub_model_fails_with_instructions(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError) as error:
        resolve_model("Helsinki-NLP/opus-mt-ar-en", download=True)
    message = str(error.value)
    assert "not in the Hugging Face cache" in message and "brief model pull" in message and "--model DIR" in message
    assert "\n" not in message
    # Asked to download while downloads are forbidden, the remedy is to allow it, not to run the same again.
    assert "HF_HUB_OFFLINE=0 brief model pull" in message
    assert "nor is there a directory" not in message
    # A mistyped or missing relative path reads as a hub id: the message says it is no directory either.
    with pytest.raises(ModelError, match=r"models/tiny is not in the Hugging Face cache \(nor is there a directory "
                                         r"models/tiny here\)"):
        resolve_model("models/tiny", download=True)


def test_brief_model_env_is_used(monkeypatch, tiny_model_dir):
    monkeypatch.setenv("BRIEF_MODEL", str(tiny_model_dir))
    assert resolve_model(None).path == tiny_model_dir.resolve()


def test_incomplete_model_directory_names_what_is_missing(tmp_path, tiny_model_dir):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "target.spm").unlink()
    for weights in ("model.safetensors", "pytorch_model.bin"):
        if (broken / weights).exists():
            (broken / weights).unlink()
    with pytest.raises(ModelError, match=r"incomplete: missing target.spm, model.safetensors.*; copy the whole model "
                                         r"directory again, or get it once .* `brief model pull`"):
        resolve_model(str(broken))
    (tmp_path / "other").mkdir()
    shutil.copy(tiny_model_dir / "config.json", tmp_path / "other" / "config.json")
    config = json.loads((tmp_path / "other" / "config.json").read_text())
    config["model_type"] = "bert"
    (tmp_path / "other" / "config.json").write_text(json.dumps(config))
    for name in ("source.spm", "target.spm", "vocab.json", "model.safetensors"):
        shutil.copy(tiny_model_dir / name, tmp_path / "other" / name)
    with pytest.raises(ModelError, match="not a MarianMT model"):
        resolve_model(str(tmp_path / "other"))


def test_options_are_validated():
    with pytest.raises(UsageError, match="--engine"):
        TranslateOptions(engine="google").validate()
    with pytest.raises(UsageError, match="--beams"):
        TranslateOptions(beams=0).validate()


def test_source_normalisation_matches_moses_preprocessing():
    # Moses turns typographic quotes into ASCII ones and collapses spaces; invisible controls go too.
    assert normalize_source("قال  “بوتين”\u202e  اليوم") == 'قال "بوتين" اليوم'
    assert normalize_source("   ") == ""


def test_length_batches_respect_the_token_budget():
    items = [(i, f"s{i}", n) for i, n in enumerate([5, 50, 7, 48, 6, 49])]
    batches = list(_length_batches(items, budget=100))
    assert sorted(i for b in batches for i, _, _ in b) == list(range(6))
    for batch in batches:
        assert max(n for _, _, n in batch) * len(batch) <= 100 or len(batch) == 1
        lengths = [n for _, _, n in batch]
        assert lengths == sorted(lengths)
    many = [(i, f"s{i}", 3) for i in range(40)]
    assert [len(b) for b in _length_batches(many, budget=10_000, max_items=16)] == [16, 16, 8]


def test_ctranslate2_runs_parallel_workers_on_a_multicore_cpu(tiny_model_dir):
    pytest.importorskip("ctranslate2")
    import os

    from brief.translate import CTranslate2Engine

    engine = CTranslate2Engine(resolve_model(str(tiny_model_dir)), "int8", "cpu")
    assert engine.inter_threads == min(2, len(os.sched_getaffinity(0)))
    assert engine.translator.num_translators == engine.inter_threads
    assert len(engine.translate_batch(ARABIC)) == len(ARABIC)


@pytest.mark.parametrize("engine, precision", [("transformers", "fp32"), ("transformers", "int8"),
                                               ("ctranslate2", "int8"), ("ctranslate2", "fp32")])
def test_engines_translate_through_one_interface(tiny_model_dir, engine, precision):
    if engine == "ctranslate2":
        pytest.importorskip("ctranslate2")
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine=engine, precision=precision,
                                             device="cpu", cache=False))
    results = translator.translate_texts(ARABIC)
    assert len(results) == len(ARABIC)
    assert all(isinstance(r.text, str) and r.text for r in results)
    assert results[0] == results[2]
    assert all(r.score is None or r.score <= 0 for r in results)
    assert translator.stats.unique == 3 and translator.stats.translated == 3
    assert translator.describe()["engine"] == engine


def test_ctranslate2_conversion_happens_once(tiny_model_dir):
    pytest.importorskip("ctranslate2")
    source = resolve_model(str(tiny_model_dir))
    first = translate.convert_to_ctranslate2(source, "int8")
    stamp = (first / "model.bin").stat().st_mtime_ns
    again = translate.convert_to_ctranslate2(source, "int8")
    assert again == first and (again / "model.bin").stat().st_mtime_ns == stamp
    assert (first / "source.spm").is_file() and (first / "vocab.json").is_file()


def test_the_stats_say_when_the_memory_was_passed_over(tiny_model_dir, tmp_path):
    options = TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32", device="cpu",
                               cache_path=str(tmp_path / "tm.sqlite3"))
    used = Translator(options)
    used.translate_texts(ARABIC[:1])
    assert (used.stats.cache_read, used.stats.cache_written) == (True, True)
    passed_over = Translator(options)
    passed_over.memory.reading = passed_over.memory.storing = False  # what a memory locked past the wait does
    passed_over.translate_texts(ARABIC[1:2])
    assert (passed_over.stats.cache_read, passed_over.stats.cache_written) == (False, False)
    assert passed_over.stats.cache_path  # where it is, and that it was not used
    assert Translator(TranslateOptions(model=str(tiny_model_dir), cache=False)).stats.cache_read is None


def test_cache_hits_are_identical_and_never_load_the_model(tiny_model_dir, tmp_path, monkeypatch):
    options = TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32", device="cpu",
                               cache_path=str(tmp_path / "tm.sqlite3"))
    first = Translator(options).translate_texts(ARABIC)

    def no_loading(*args, **kwargs):
        raise AssertionError("the model must not be loaded when everything is cached")

    monkeypatch.setattr(translate, "load_engine", no_loading)
    second_translator = Translator(options)
    second = second_translator.translate_texts(ARABIC)
    assert [r.text for r in second] == [r.text for r in first]
    assert all(r.from_cache for r in second)
    assert not second_translator.stats.model_loaded and second_translator.stats.from_cache == 3


def test_a_translation_stopped_half_way_keeps_the_batches_it_finished(tiny_model_dir, tmp_path):
    sentences = [f"{sentence} {number}" for number in range(6) for sentence in ARABIC]
    options = TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32", device="cpu",
                               cache_path=str(tmp_path / "tm.sqlite3"), batch_sentences=1, beams=4)
    stopped = Translator(options)
    batches = 0

    def stop_after_three(done: int, total: int) -> None:
        nonlocal batches
        batches += 1
        if batches == 3:
            raise KeyboardInterrupt  # Ctrl-C, or a cron timeout's SIGTERM

    stopped.progress = stop_after_three
    with pytest.raises(KeyboardInterrupt):
        stopped.translate_texts(sentences)
    stopped.close()
    again = Translator(options)
    again.translate_texts(sentences)
    assert again.stats.from_cache == 3 and again.stats.translated == again.stats.unique - 3


def test_beams_are_part_of_the_cache_key(tiny_model_dir, tmp_path):
    base = dict(model=str(tiny_model_dir), engine="transformers", precision="fp32", device="cpu",
                cache_path=str(tmp_path / "tm.sqlite3"))
    Translator(TranslateOptions(**base, beams=2)).translate_texts(ARABIC[:1])
    other = Translator(TranslateOptions(**base, beams=1))
    other.translate_texts(ARABIC[:1])
    assert other.stats.from_cache == 0 and other.stats.translated == 1


def test_long_sentence_is_split_not_truncated(tiny_model_dir):
    long_sentence = "، ".join(["وقال الخبراء إن الزعيمين قد يناقشان في القمة مسألة إرسال العمال إلى روسيا"] * 12) + "."
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32",
                                             device="cpu", cache=False))
    [result] = translator.translate_texts([long_sentence])
    assert result.parts > 1 and translator.stats.split_for_length == 1


def test_model_generation_defaults_are_read_not_hardcoded(tiny_model_dir):
    source = resolve_model(str(tiny_model_dir))
    defaults = translate.read_generation_defaults(source.path)
    config = json.loads((tiny_model_dir / "config.json").read_text())
    assert defaults["pad_token_id"] == config["pad_token_id"]
    assert translate.decoding_for(source, None).beams == defaults.get("num_beams", 4)
    assert translate.decoding_for(source, 2) == DecodingSettings(beams=2)


def test_gpu_fp16_when_available(tiny_model_dir):
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device on this machine")
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine="transformers", device="cuda",
                                             cache=False))
    assert translator.describe()["precision"] == "fp16"
    assert all(r.text for r in translator.translate_texts(ARABIC))


def test_converted_model_translates_without_importing_torch(tiny_model_dir):
    pytest.importorskip("ctranslate2")
    import os
    import subprocess
    import sys

    from brief.translate import _torch_cuda_possible, convert_to_ctranslate2

    if _torch_cuda_possible():
        pytest.skip("a GPU may be present: the probe would convert for it, which needs torch")
    convert_to_ctranslate2(resolve_model(str(tiny_model_dir)), "int8")  # conversion itself needs torch
    # Even where a GPU's device files exist, CTranslate2 is asked about it, not torch.
    probe = ("import sys\nimport brief.translate\nfrom brief.translate import TranslateOptions, Translator\n"
             "brief.translate._torch_cuda_possible = lambda: True\n"
             f"translator = Translator(TranslateOptions(model={str(tiny_model_dir)!r}, cache=False))\n"
             f"assert translator.translate_texts({ARABIC[:1]!r})[0].text\n"
             "assert 'torch' not in sys.modules, 'torch imported'\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=dict(os.environ),
                            timeout=300)
    assert result.returncode == 0, result.stderr


def test_conversions_started_together_all_succeed_and_convert_once(tiny_model_dir, tmp_path):
    pytest.importorskip("ctranslate2")
    import os
    import subprocess
    import sys

    probe = ("from brief.translate import convert_to_ctranslate2, resolve_model\n"
             f"print(convert_to_ctranslate2(resolve_model({str(tiny_model_dir)!r}), 'int8'))\n")
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env) for _ in range(3)]
    results = [(p.wait(timeout=300), p.stdout.read().strip(), p.stderr.read()) for p in runs]
    assert all(code == 0 for code, _, _ in results), [err for _, _, err in results]
    assert len({out for _, out, _ in results}) == 1
    converted = list((tmp_path / "cache" / "ct2").iterdir())
    assert [p.name for p in converted if not p.name.startswith(".")] == [os.path.basename(results[0][1])]


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_output_keeps_to_the_target_vocabulary(tiny_model_dir, engine):
    # The tiny model's random weights emit Arabic source pieces freely; the target vocabulary is English only.
    if engine == "ctranslate2":
        pytest.importorskip("ctranslate2")
    source = resolve_model(str(tiny_model_dir))
    make = translate.TransformersEngine if engine == "transformers" else translate.CTranslate2Engine
    sentences = [normalize_source(s) for s in ARABIC]
    free = make(source, "fp32", "cpu", DecodingSettings(target_vocabulary=False)).translate_batch(sentences)
    kept = make(source, "fp32", "cpu", DecodingSettings(target_vocabulary=True)).translate_batch(sentences)
    arabic = re.compile("[\u0600-\u06FF]")
    assert any(arabic.search(t.text) for t in free), "the test needs a model that strays outside the target side"
    assert all(t.text and not arabic.search(t.text) for t in kept)


def test_vocabulary_map_lists_the_target_pieces(tiny_model_dir, tmp_path):
    pytest.importorskip("ctranslate2")
    source = resolve_model(str(tiny_model_dir))
    converted = translate.convert_to_ctranslate2(source, "int8")
    tokenizer = translate._load_tokenizer(source.path)
    line = (converted / "vmap.txt").read_text(encoding="utf-8")
    assert line.startswith("\t") and line.count("\n") == 1
    listed = tokenizer.convert_tokens_to_ids(line.strip("\t\n").split(" "))
    assert listed == sorted(translate.target_vocabulary(source.path).values())
    assert tokenizer.eos_token_id in listed and tokenizer.unk_token_id in listed
    spm = tokenizer.spm_target
    assert len(listed) <= spm.get_piece_size() + 2 < len(tokenizer.get_vocab())
    # A model converted before the map existed gets one when an engine loads it.
    (converted / "vmap.txt").unlink()
    translate.CTranslate2Engine(source, "int8", "cpu")
    assert (converted / "vmap.txt").read_text(encoding="utf-8") == line


def test_target_vocabulary_is_part_of_the_cache_key(tiny_model_dir):
    source = resolve_model(str(tiny_model_dir))
    keys = {translate.engine_fingerprint(source, "ctranslate2", "int8", DecodingSettings(target_vocabulary=v))
            for v in (True, False)}
    assert len(keys) == 2


def test_model_info_describes_the_installed_model(tiny_model_dir):
    info = translate.model_info(str(tiny_model_dir))
    assert info["status"] == "installed" and info["path"] == str(tiny_model_dir)
    tokenizer = translate._load_tokenizer(tiny_model_dir)
    kept, total = len(translate.target_vocabulary(tiny_model_dir)), len(tokenizer.get_vocab())
    assert info["output_vocabulary"] == f"{kept:,} target pieces of {total:,} entries"
    assert info["auto"]["engine"] in ("ctranslate2", "transformers") and info["size_mb"] > 0


def test_model_info_of_a_missing_model_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    info = translate.model_info("Helsinki-NLP/opus-mt-ar-en")
    assert info["status"].startswith("not installed") and "output_vocabulary" not in info


def test_ctranslate2_calls_are_split_between_workers_in_small_sub_batches(tiny_model_dir):
    pytest.importorskip("ctranslate2")
    source = resolve_model(str(tiny_model_dir))
    beam4 = translate.CTranslate2Engine(source, "int8", "cpu", DecodingSettings(beams=4), inter_threads=2)
    greedy = translate.CTranslate2Engine(source, "int8", "cpu", DecodingSettings(beams=1), inter_threads=2)
    assert [beam4.worker_batch_size(n) for n in (1, 3, 8, 32)] == [1, 2, 4, 4]
    assert [greedy.worker_batch_size(n) for n in (1, 3, 8, 32, 64)] == [1, 2, 4, 16, 16]
    assert len(beam4.translate_batch(ARABIC * 4)) == len(ARABIC) * 4
    # One worker with two threads gets the whole batch: small sub-batches would leave a thread idle.
    single = translate.CTranslate2Engine(source, "int8", "cpu", DecodingSettings(beams=4), inter_threads=1)
    assert single.worker_batch_size(32) == 32


GIANT = "قال المتحدث " + "ه" * 1500 + " في بيان اليوم."


@pytest.mark.parametrize("engine_name", ["transformers", "ctranslate2"])
def test_unbroken_giant_token_is_split_to_fit_the_model_and_nothing_is_left_out(tiny_model_dir, engine_name,
                                                                               monkeypatch):
    if engine_name == "ctranslate2":
        pytest.importorskip("ctranslate2")
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine=engine_name, precision="fp32",
                                             device="cpu", cache=False))
    engine = translator.engine()
    sent: list[str] = []
    real = engine.translate_batch

    def spy(sentences):
        sent.extend(sentences)
        return real(sentences)

    monkeypatch.setattr(engine, "translate_batch", spy)
    [result] = translator.translate_texts([GIANT])
    assert result.parts > 1 and result.text
    assert all(engine.token_count(piece) <= engine.max_positions for piece in sent)
    # Pieces go to the engine in length-sorted batches: every character of the source is in one of them.
    assert sorted("".join("".join(sent).split())) == sorted("".join(normalize_source(GIANT).split()))


def test_sentence_split_for_length_is_served_from_memory(tiny_model_dir, tmp_path, monkeypatch):
    long_sentence = "، ".join(["وقال الخبراء إن الزعيمين قد يناقشان في القمة مسألة إرسال العمال إلى روسيا"] * 12) + "."
    options = TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32", device="cpu",
                               cache_path=str(tmp_path / "tm.sqlite3"))
    [first] = Translator(options).translate_texts([long_sentence])
    assert first.parts > 1

    def no_loading(*args, **kwargs):
        raise AssertionError("the model must not be loaded when everything is cached")

    monkeypatch.setattr(translate, "load_engine", no_loading)
    again = Translator(options)
    [second] = again.translate_texts([long_sentence])
    assert second.from_cache and not again.stats.model_loaded
    assert (second.text, second.parts) == (first.text, first.parts)  # QA still flags it as split


def test_unwritable_conversion_directory_is_an_output_error(tiny_model_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    source = resolve_model(str(tiny_model_dir))
    target = translate.converted_model_dir(source, "int8")
    (target.parent / f".{target.name}.lock").mkdir(parents=True)  # the lock file cannot be created
    with pytest.raises(translate.OutputError) as error:
        translate.convert_to_ctranslate2(source, "int8")
    message = str(error.value)
    assert str(target.parent) in message and "BRIEF_CACHE_DIR" in message and "\n" not in message


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_weights_missing_layers_of_the_config_are_refused_not_filled_at_random(tiny_model_dir, tmp_path,
                                                                                monkeypatch, engine):
    from safetensors.torch import load_file, save_file

    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    tensors = load_file(broken / "model.safetensors")
    save_file({k: v for k, v in tensors.items() if ".layers.0.self_attn." not in k}, broken / "model.safetensors",
              metadata={"format": "pt"})
    options = TranslateOptions(model=str(broken), engine=engine, precision="fp32" if engine == "transformers"
                               else "int8", device="cpu", cache=False)
    with pytest.raises(ModelError) as error:
        Translator(options).translate_texts(ARABIC[:1])
    assert "do not match its config.json" in str(error.value) and "self_attn" in str(error.value)
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_dir() and ".tmp-" in p.name]


def test_an_interrupted_conversion_leaves_no_staging_folder(tiny_model_dir, tmp_path, monkeypatch):
    converters = pytest.importorskip("ctranslate2.converters")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(converters.TransformersConverter, "convert", interrupted)
    source = resolve_model(str(tiny_model_dir))
    with pytest.raises(KeyboardInterrupt):
        translate.convert_to_ctranslate2(source, "int8")
    assert [p.name for p in translate.converted_model_dir(source, "int8").parent.iterdir()
            if not p.name.endswith(".lock")] == []


def _damage(converted, how):
    if how == "truncated model.bin":
        with open(converted / "model.bin", "r+b") as handle:
            handle.truncate(handle.seek(0, 2) // 2)
    else:
        (converted / how).unlink()


@pytest.mark.parametrize("how", ["truncated model.bin", "config.json", "shared_vocabulary.json"])
def test_damaged_conversion_is_shown_and_converted_again(tiny_model_dir, tmp_path, monkeypatch, how):
    pytest.importorskip("ctranslate2")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    source = resolve_model(str(tiny_model_dir))
    converted = translate.convert_to_ctranslate2(source, "int8")
    assert translate.model_info(str(tiny_model_dir))["ctranslate2"]["conversions"]["int8"]["status"] == "ok"
    _damage(converted, how)
    status = translate.model_info(str(tiny_model_dir))["ctranslate2"]["conversions"]["int8"]["status"]
    assert status.startswith("damaged")
    warnings = []
    engine = translate.CTranslate2Engine(source, "int8", "cpu", warn=warnings.append)
    assert len(warnings) == 1 and "damaged" in warnings[0] and str(converted) in warnings[0]
    assert translate.conversion_problem(converted) is None and len(engine.translate_batch(ARABIC[:1])) == 1
    # `brief model convert` repairs it the same way instead of calling it up to date.
    _damage(converted, how)
    assert translate.convert_to_ctranslate2(source, "int8") == converted
    assert translate.conversion_problem(converted) is None


def test_conversion_that_fails_to_load_is_converted_again(tiny_model_dir, tmp_path, monkeypatch):
    # A conversion made before brief recorded its files' sizes: the damage shows only when loading it.
    pytest.importorskip("ctranslate2")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    source = resolve_model(str(tiny_model_dir))
    converted = translate.convert_to_ctranslate2(source, "int8")
    (converted / "brief-source.json").write_text(json.dumps({"spec": source.spec, "revision": source.revision,
                                                             "precision": "int8"}), encoding="utf-8")
    _damage(converted, "truncated model.bin")
    assert translate.conversion_problem(converted) is None
    warnings = []
    engine = translate.CTranslate2Engine(source, "int8", "cpu", warn=warnings.append)
    assert len(warnings) == 1 and "cannot be loaded" in warnings[0]
    assert len(engine.translate_batch(ARABIC[:1])) == 1


@pytest.mark.parametrize("name", ["config.json", "generation_config.json"])
@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]"])
def test_broken_model_json_is_a_model_error_naming_the_file(tiny_model_dir, tmp_path, name, content):
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    (model / name).write_bytes(content)
    with pytest.raises(ModelError) as error:
        Translator(TranslateOptions(model=str(model), cache=False))
    message = str(error.value)
    assert str(model / name) in message and "\n" not in message


def test_revision_depends_on_the_whole_weight_file_and_is_remembered(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}")
    weights = bytearray(3 << 20)
    (model / "model.safetensors").write_bytes(bytes(weights))
    before = translate.directory_revision(model)
    weights[(3 << 20) // 2] = 1  # retrained: same size, a change away from the head and the tail
    (model / "model.safetensors").write_bytes(bytes(weights))
    assert translate.directory_revision(model) != before

    hashed = []
    real = translate._file_sha256
    monkeypatch.setattr(translate, "_file_sha256", lambda file: hashed.append(file.name) or real(file))
    again = translate.directory_revision(model)
    assert hashed == [] and again == translate.directory_revision(model)  # unchanged files are not read again


def test_spelling_of_a_model_path_does_not_change_its_cache_key(tiny_model_dir, monkeypatch):
    plain = resolve_model(str(tiny_model_dir))
    slash = resolve_model(str(tiny_model_dir) + "/")
    monkeypatch.chdir(tiny_model_dir.parent)
    relative = resolve_model(f"./{tiny_model_dir.name}")
    settings = DecodingSettings()
    keys = {translate.engine_fingerprint(s, "ctranslate2", "int8", settings) for s in (plain, slash, relative)}
    assert len(keys) == 1
    assert len({translate.converted_model_dir(s, "int8") for s in (plain, slash, relative)}) == 1


def test_a_copied_or_moved_model_directory_keeps_its_translations(tiny_model_dir, tmp_path):
    import shutil

    copy = tmp_path / "elsewhere" / "model"
    shutil.copytree(tiny_model_dir, copy)
    settings = DecodingSettings()
    assert (translate.engine_fingerprint(resolve_model(str(copy)), "ctranslate2", "int8", settings)
            == translate.engine_fingerprint(resolve_model(str(tiny_model_dir)), "ctranslate2", "int8", settings))


def test_model_path_that_is_a_file_says_so(tmp_path):
    file = tmp_path / "model.safetensors"
    file.write_bytes(b"weights")
    with pytest.raises(ModelError, match="is a file") as error:
        resolve_model(str(file))
    assert "does not exist" not in str(error.value)


def test_transformers_engine_prints_nothing_while_translating(tiny_model_dir, capfd):
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32",
                                             device="cpu", cache=False))
    translator.translate_texts(ARABIC + [GIANT])
    assert capfd.readouterr().err == ""


def _fake_hub(monkeypatch, tmp_path, tiny_model_dir, network_error=None):
    """huggingface_hub.snapshot_download over a local snapshot that lacks its weights; records network calls."""
    import huggingface_hub

    local = tmp_path / "snapshots" / "partial"
    local.mkdir(parents=True)
    for name in ("config.json", "source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        shutil.copy(tiny_model_dir / name, local / name)
    complete = tmp_path / "snapshots" / "complete"
    shutil.copytree(tiny_model_dir, complete)
    network: list[dict] = []

    def snapshot_download(repo_id, local_files_only=False, **kwargs):
        if local_files_only:
            return str(local)
        network.append(kwargs)
        if network_error:
            raise network_error
        return str(complete)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    return network


def test_pull_finishes_an_interrupted_download(tiny_model_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    network = _fake_hub(monkeypatch, tmp_path, tiny_model_dir)
    source = resolve_model("Helsinki-NLP/opus-mt-ar-en", download=True)
    assert network and source.path.name == "complete" and source.origin == "downloaded"
    # Without download (a build, or offline) the incomplete snapshot is reported, not fetched.
    network.clear()
    with pytest.raises(ModelError, match="incomplete: missing model.safetensors.*cut short: run `brief model pull` again"):
        resolve_model("Helsinki-NLP/opus-mt-ar-en", download=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="incomplete"):
        resolve_model("Helsinki-NLP/opus-mt-ar-en", download=True)
    assert network == []


@pytest.mark.parametrize("value", ["0", "false"])
def test_hub_offline_off_reports_why_the_download_failed(tiny_model_dir, tmp_path, monkeypatch, value):
    import huggingface_hub
    from huggingface_hub.errors import LocalEntryNotFoundError

    def snapshot_download(repo_id, local_files_only=False, **kwargs):
        if local_files_only:
            raise LocalEntryNotFoundError("not cached")
        raise ConnectionError("Name or service not known")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    monkeypatch.setenv("HF_HUB_OFFLINE", value)
    with pytest.raises(ModelError) as error:
        resolve_model("Helsinki-NLP/opus-mt-ar-en", download=True)
    message = str(error.value)
    assert "could not be downloaded: Name or service not known" in message and "offline" not in message


def test_int8_float32_is_a_ctranslate2_precision_for_build_as_for_convert():
    TranslateOptions(precision="int8_float32").validate()
    assert translate.pick_engine("ctranslate2", "int8_float32", "cpu") == ("ctranslate2", "int8_float32")
    with pytest.raises(UsageError, match="int8_float32 needs --engine ctranslate2"):
        translate.pick_engine("transformers", "int8_float32", "cpu")


def test_a_model_folder_mixing_two_models_files_is_a_model_error(tiny_model_dir, tmp_path):
    # Another download's vocabulary beside these weights: transformers failed mid-translation with an
    # IndexError, reported as an internal error of brief's.
    from marian_factory import build_marian_model

    other = build_marian_model(tmp_path / "other", seed=1, source_vocab=300)
    mixed = tmp_path / "mixed"
    shutil.copytree(tiny_model_dir, mixed)
    for name in ("vocab.json", "source.spm", "target.spm", "tokenizer_config.json"):
        shutil.copy(other / name, mixed / name)
    # Found before any work (the vocabulary against the weights' embedding rows), and by `brief model info`.
    assert "does not match its weights (382 pieces, the weights embed 482)" in translate.model_info(str(mixed))["status"]
    with pytest.raises(ModelError, match="vocabulary .* does not match its weights"):
        Translator(TranslateOptions(model=str(mixed), engine="transformers", precision="fp32", device="cpu",
                                    cache=False)).translate_texts(ARABIC[:3])
    # Where the weights are a pickle (no header to read without torch), the translation itself still says so.
    (mixed / "model.safetensors").unlink()
    import torch
    from transformers import MarianMTModel

    torch.save(MarianMTModel.from_pretrained(str(tiny_model_dir)).state_dict(), mixed / "pytorch_model.bin")
    translator = Translator(TranslateOptions(model=str(mixed), engine="transformers", precision="fp32", device="cpu",
                                             cache=False))
    with pytest.raises(ModelError, match="vocabulary .* does not match its weights"):
        translator.translate_texts(ARABIC[:3])


def test_a_model_of_another_language_pair_is_refused(tiny_model_dir, tmp_path):
    # opus-mt-en-ar (the other way round) wrote a brief of nonsense with no word of warning.
    other = tmp_path / "en-ar"
    shutil.copytree(tiny_model_dir, other)
    declared = json.loads((other / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert (declared["source_lang"], declared["target_lang"]) == ("ar", "en")  # as MarianTokenizer saves them
    declared.update(source_lang="en", target_lang="ar")
    (other / "tokenizer_config.json").write_text(json.dumps(declared), encoding="utf-8")
    with pytest.raises(ModelError, match="translates en into ar, not Arabic into English"):
        resolve_model(str(other))


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_a_sentence_translates_the_same_whatever_shares_its_batch(tiny_model_dir, tmp_path, engine):
    # The output cap was the batch's longest sentence's: the tiny model, which loops to the cap, wrote a
    # longer English for a sentence beside a long one, and the memory kept whichever came first.
    short = ARABIC[0]
    long = " ".join(ARABIC[1:] * 3)
    alone = Translator(TranslateOptions(model=str(tiny_model_dir), engine=engine, cache=False)).translate_texts([short])
    beside = Translator(TranslateOptions(model=str(tiny_model_dir), engine=engine, cache=False)).translate_texts(
        [short, long])
    assert alone[0] == beside[0]
