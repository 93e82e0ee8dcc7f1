"""The test and benchmark models must load through the same path as Helsinki-NLP/opus-mt-ar-en."""
from __future__ import annotations

import json

from marian_factory import OPUS_MT_AR_EN_SHAPE, _vocabulary

from brief.translate import TranslateOptions, Translator, resolve_model, validate_model_dir


def test_tiny_model_is_a_complete_marian_export(tiny_model_dir):
    validate_model_dir(tiny_model_dir)
    config = json.loads((tiny_model_dir / "config.json").read_text())
    vocab = json.loads((tiny_model_dir / "vocab.json").read_text())
    assert config["model_type"] == "marian"
    assert config["vocab_size"] == len(vocab)
    assert vocab["</s>"] == config["eos_token_id"] == 0
    assert vocab["<pad>"] == config["pad_token_id"] == config["decoder_start_token_id"] == len(vocab) - 1
    source = resolve_model(str(tiny_model_dir))
    assert source.path == tiny_model_dir and source.revision.startswith("dir-")


def test_tiny_model_translates_through_the_real_engine(tiny_model_dir):
    translator = Translator(TranslateOptions(model=str(tiny_model_dir), engine="transformers", precision="fp32",
                                             cache=False))
    try:
        (result,) = translator.translate_texts(["وقّع الرئيسان معاهدة شراكة استراتيجية شاملة."])
    finally:
        translator.close()
    assert result.text.strip()  # random weights: any text, but a real decode


def test_full_size_vocabulary_is_padded_to_the_real_models_size():
    vocab = _vocabulary(["▁قال", "▁في"], ["▁the", "▁said"], OPUS_MT_AR_EN_SHAPE["vocab_size"])
    assert len(vocab) == 62834
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1 and vocab["<pad>"] == 62833
    assert sorted(vocab.values()) == list(range(62834))
