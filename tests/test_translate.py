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
    with pytest.raises(ModelError, match=r"incomplete: missing target.spm, model.safetensors"):
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
        pytest.skip("a GPU may be present: device auto has to ask torch")
    convert_to_ctranslate2(resolve_model(str(tiny_model_dir)), "int8")  # conversion itself needs torch
    probe = ("import sys\nfrom brief.translate import TranslateOptions, Translator\n"
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
