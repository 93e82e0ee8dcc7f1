"""Build MarianMT exports that load exactly like Helsinki-NLP/opus-mt-ar-en, without the hub.

Tests use a tiny model (SentencePiece trained on the seeds, a few thousand parameters); benchmarks
use a full-size random-weight model of the opus-mt-ar-en shape (vocab 62,834, d_model 512, 6+6
layers), so that the compute per generated token matches the real model.

    python tests/marian_factory.py DIR [--full-size]
"""
from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# opus-mt-ar-en's config.json, the fields that decide its shape and decoding.
OPUS_MT_AR_EN_SHAPE = dict(vocab_size=62834, d_model=512, encoder_layers=6, decoder_layers=6,
                           encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
                           decoder_ffn_dim=2048, max_position_embeddings=512)
# OPUS-MT trains one SentencePiece model of 32k pieces per side ("spm32k"); its shared vocabulary is the
# union of the two. Engines that keep the output to the target side (brief.translate.target_vocabulary)
# then do the real model's work only if the full-size target model is that large too.
TARGET_SIDE_PIECES = 32000
TINY_SHAPE = dict(d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
                  decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=512)

# Target-side text for the English SentencePiece model: plain news English of the seeds' subject.
ENGLISH_TEXT = """\
The president arrived in the capital on Tuesday for a two-day state visit, the first in twenty-four years.
The two leaders signed a comprehensive strategic partnership treaty that includes a mutual defence clause.
Officials said the agreement covers trade, energy, technology and security cooperation.
The visit drew criticism from Western governments, which accused the two countries of exchanging arms for technology.
The United States and South Korea said the deal violated United Nations Security Council resolutions.
Russia used its veto at the Security Council to end the panel of experts that monitored sanctions.
After the talks the president travelled to Vietnam, where he met the general secretary and signed agreements.
Hanoi welcomed the guest with a ceremony at the presidential palace and a parade of honour guards.
Analysts said the treaty marks a new stage in relations between Moscow and Pyongyang.
The ministry of foreign affairs said on Wednesday that the talks were frank and constructive.
Thousands of people lined the streets as the motorcade passed through the city centre.
The agreement will enter into force after both parliaments ratify it, the news agency reported.
Prices of oil and gas rose by 3.5 percent after the announcement, according to market data.
"We will help each other if either side is attacked," the leader told reporters at a press conference.
"""


def _seed_text() -> str:
    lines = []
    for path in sorted(SEEDS.glob("*")):
        if path.is_file():
            lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if not lines:
        raise RuntimeError(f"no seed articles under {SEEDS} to train the tiny tokenizer on")
    return "\n".join(lines)


def _train_sentencepiece(text: str, vocab_size: int) -> tuple[bytes, list[str]]:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text.splitlines()), model_writer=model, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False, num_threads=1,
        unk_id=0, bos_id=-1, eos_id=1, pad_id=-1, minloglevel=2)
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return model.getvalue(), pieces


def _padded_to(model: bytes, pieces: int) -> tuple[bytes, list[str]]:
    """The SentencePiece model with UNUSED filler pieces up to `pieces`: the size of a real model's side,
    without changing how any text is tokenised (SentencePiece never produces an UNUSED piece)."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as proto

    parsed = proto.ModelProto()
    parsed.ParseFromString(model)
    filler = 0
    while len(parsed.pieces) < pieces:
        piece = parsed.pieces.add()
        piece.piece, piece.score, piece.type = f"<target-unused{filler}>", 0.0, proto.ModelProto.SentencePiece.UNUSED
        filler += 1
    padded = parsed.SerializeToString()
    processor = spm.SentencePieceProcessor(model_proto=padded)
    return padded, [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _vocabulary(source_pieces: list[str], target_pieces: list[str], size: int | None) -> dict[str, int]:
    """One shared vocabulary as OPUS-MT exports it: </s> 0, <unk> 1, pieces, <pad> last."""
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in source_pieces + target_pieces:
        if piece not in vocab and piece not in ("<unk>", "</s>", "<s>", "<pad>"):
            vocab[piece] = len(vocab)
    if size is not None:
        if len(vocab) + 1 > size:
            raise ValueError(f"vocabulary of {len(vocab) + 1} pieces does not fit the requested size {size}")
        filler = 0
        while len(vocab) < size - 1:  # unused entries keep the embedding and output layer full-size
            vocab[f"<unused{filler}>"] = len(vocab)
            filler += 1
    vocab["<pad>"] = len(vocab)
    return vocab


def build_marian_model(out_dir: Path | str, *, full_size: bool = False, seed: int = 0,
                       source_vocab: int | None = None) -> Path:
    """Write a loadable MarianMT export (config, weights, spm models, vocab.json) to `out_dir`."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    source_model, source_pieces = _train_sentencepiece(_seed_text(), source_vocab or (4000 if full_size else 400))
    target_model, target_pieces = _train_sentencepiece(ENGLISH_TEXT, 600 if full_size else 120)
    if full_size:
        target_model, target_pieces = _padded_to(target_model, TARGET_SIDE_PIECES)
    (out / "source.spm").write_bytes(source_model)
    (out / "target.spm").write_bytes(target_model)
    vocab = _vocabulary(source_pieces, target_pieces, OPUS_MT_AR_EN_SHAPE["vocab_size"] if full_size else None)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")

    size = len(vocab)
    pad = vocab["<pad>"]
    shape = dict(OPUS_MT_AR_EN_SHAPE if full_size else TINY_SHAPE)
    shape.pop("vocab_size", None)
    config = MarianConfig(
        vocab_size=size, decoder_vocab_size=size, pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0,
        bos_token_id=0, forced_eos_token_id=0, activation_function="swish", scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True, dropout=0.1, attention_dropout=0.0,
        activation_dropout=0.0, **shape)
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    # The real export's generation settings: beam 4 (the card's default), bounded length, never emit <pad>.
    model.generation_config.update(num_beams=4, max_length=512, bad_words_ids=[[pad]], pad_token_id=pad,
                                   eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0)
    model.save_pretrained(out)

    tokenizer = MarianTokenizer(vocab=str(out / "vocab.json"), source_spm=str(out / "source.spm"),
                                target_spm=str(out / "target.spm"), source_lang="ar", target_lang="en",
                                model_max_length=512)
    tokenizer.save_pretrained(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--full-size", action="store_true", help="opus-mt-ar-en shape, random weights")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(build_marian_model(args.out_dir, full_size=args.full_size, seed=args.seed))


if __name__ == "__main__":
    main()
