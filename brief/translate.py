"""Translate Arabic sentences to English offline with MarianMT, through transformers or CTranslate2.

Engines share one interface, `translate_batch(sentences) -> list[Translation]`, and the same decoding
settings. `translate_texts` adds what pays: source normalisation, de-duplication, the translation
memory (the model is not loaded at all when every sentence is cached), length-sorted batches with a
token budget, and clause splitting for sentences over the model's length limit.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import math
import os
import re
import shutil
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Protocol

from brief.arabic import strip_invisible
from brief.atomic import write_atomic
from brief.errors import ModelError, OutputError, UsageError
from brief.interrupts import import_held, interrupts_held, raise_if_interrupted
from brief.memory import TranslationMemory, cache_root, usable_cache_dir

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"
ENGINES = ("auto", "transformers", "ctranslate2")
PRECISIONS = ("auto", "fp32", "int8", "fp16", "int8_float32")  # int8_float32: CTranslate2 only
DEVICES = ("auto", "cpu", "cuda")
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
# Words per piece when a sentence is split for the model: keeps pieces well inside 512 tokens.
MAX_WORDS_PER_PIECE = 80

HOW_TO_GET_MODEL = (
    "get it once on a connected machine with `brief model pull` (about 300 MB, into the Hugging Face cache), "
    "or pass a downloaded model directory with --model DIR (or BRIEF_MODEL=DIR)"
)


class Translation(NamedTuple):
    text: str
    score: float | None  # mean log-probability per token, when the engine gives one
    parts: int = 1  # >1 when the source was split for the model's length limit
    from_cache: bool = False
    corrected: bool = False  # a reviewer's English (a corrections file), not an engine's


class Engine(Protocol):
    name: str
    precision: str
    device: str

    def translate_batch(self, sentences: list[str]) -> list[Translation]: ...


@dataclass(frozen=True)
class DecodingSettings:
    """What decides the output for a given model; part of every cache key and signature."""

    beams: int = 4
    max_length_ratio: float = 2.0  # cap on output tokens = ratio x source tokens + 10
    length_penalty: float = 1.0
    renormalize_logits: bool = True  # OPUS-MT models are trained/exported expecting this
    # Emit only the pieces of the model's target SentencePiece model (target_vocabulary).
    target_vocabulary: bool = True


@dataclass
class TranslateOptions:
    """User-facing translation options, shared by `brief build` and `brief translate`."""

    model: str | None = None
    engine: str = "auto"
    precision: str = "auto"
    device: str = "auto"
    beams: int | None = None  # None: the model's own generation config
    full_vocabulary: bool = False  # let the output use the whole shared vocabulary (DecodingSettings)
    # Per batch at beam 4 (scaled by 4/beams): decoder caches grow with sentences x beams x length, and
    # bench/RESULTS.md measured 768 tokens / 16 sentences at 522 MB peak against 1.1 GB for 2048 tokens.
    batch_tokens: int = 768  # source tokens per batch (after length sorting)
    batch_sentences: int = 16
    cache: bool = True
    cache_path: str | None = None
    glossary: object | None = None  # brief.glossary.Glossary
    allow_download: bool = True
    threads: int | None = None

    def validate(self) -> None:
        for name in ("engine", "precision", "device"):
            if isinstance(getattr(self, name), str):
                setattr(self, name, getattr(self, name).strip().lower())  # "CTranslate2" is ctranslate2
        for name, value, allowed in (
            ("--engine", self.engine, ENGINES),
            ("--precision", self.precision, PRECISIONS),
            ("--device", self.device, DEVICES),
        ):
            if value not in allowed:
                raise UsageError(f"{name} must be one of {', '.join(allowed)} (got {value!r})")
        if self.beams is not None and not 1 <= self.beams <= 16:
            raise UsageError(f"--beams must be between 1 and 16 (got {self.beams})")


@dataclass
class ModelSource:
    """Where a model comes from: the id as given, the local directory, and a revision for reproducibility."""

    spec: str
    path: Path
    revision: str
    origin: str  # "directory" | "hf-cache" | "downloaded"


@dataclass
class TranslationStats:
    sentences: int = 0
    unique: int = 0
    from_cache: int = 0
    translated: int = 0
    split_for_length: int = 0
    model_loaded: bool = False
    engine: str | None = None
    precision: str | None = None
    device: str | None = None
    seconds_model_load: float = 0.0
    seconds_translate: float = 0.0
    cache_path: str | None = None
    cache_read: bool | None = None  # False when the memory stayed locked and this run went on without it
    cache_written: bool | None = None  # False when new translations could not be stored (locked, disk full)


# ---------------------------------------------------------------------------------------------
# Model resolution and validation (no heavy imports)
# ---------------------------------------------------------------------------------------------


def model_spec(spec: str | None) -> str:
    """The model to use: --model, else $BRIEF_MODEL, else the default hub id."""
    return spec or os.environ.get("BRIEF_MODEL") or DEFAULT_MODEL


def _read_model_json(file: Path) -> dict:
    """One JSON object of a model export; ModelError naming the file when it is not one."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:  # UnicodeDecodeError is a ValueError
        raise ModelError(f"model file {file} is unreadable ({error}); download or export the model again") from None
    if not isinstance(data, dict):
        raise ModelError(f"model file {file} is not a JSON object (it holds a {type(data).__name__}); "
                         "download or export the model again")
    return data


def validate_model_dir(path: Path, remedy: str = "copy the whole model directory again, or " + HOW_TO_GET_MODEL) -> None:
    """Refuse a directory that is not a complete MarianMT export, naming what is missing and `remedy`."""
    if path.exists() and not path.is_dir():
        raise ModelError(f"model {path} is a file; --model (or BRIEF_MODEL) takes the model's directory "
                         "(with config.json, source.spm, target.spm, vocab.json and the weights)")
    if not path.is_dir():
        raise ModelError(f"model directory {path} does not exist; {HOW_TO_GET_MODEL}")
    missing = [name for name in ("config.json", *TOKENIZER_FILES[:3]) if not (path / name).is_file()]
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        missing.append("model.safetensors (or pytorch_model.bin)")
    if missing:
        raise ModelError(f"model directory {path} is incomplete: missing {', '.join(missing)}; {remedy}")
    config = _read_model_json(path / "config.json")
    if config.get("model_type") != "marian":
        raise ModelError(f"model directory {path}: not a MarianMT model (model_type={config.get('model_type')!r})")
    _check_vocabulary_fits_weights(path, remedy)
    tokenizer_config = path / "tokenizer_config.json"
    if tokenizer_config.is_file():
        # The pair the export declares, where it does (opus-mt-en-ar, the other way round, reads the same).
        declared = _read_model_json(tokenizer_config)
        source, target = (str(declared.get(key) or "").lower() for key in ("source_lang", "target_lang"))
        if source and not source.startswith(("ar", "mul")) or target and not target.startswith("en"):
            raise ModelError(f"model directory {path} translates {source or '?'} into {target or '?'}, not Arabic "
                             f"into English; {HOW_TO_GET_MODEL}")


def _embedding_rows(weights: Path) -> int | None:
    """How many pieces the weights embed, from the safetensors header (no torch); None where unknown."""
    try:
        with open(weights, "rb") as handle:
            size = int.from_bytes(handle.read(8), "little")
            header = json.loads(handle.read(size)) if 0 < size < 1 << 26 else {}
    except (OSError, ValueError):
        return None  # loading the weights says what is wrong with them
    if not isinstance(header, dict):
        return None
    for name in ("final_logits_bias", "model.shared.weight", "model.decoder.embed_tokens.weight"):
        shape = header.get(name, {}).get("shape") if isinstance(header.get(name), dict) else None
        if isinstance(shape, list) and shape and all(isinstance(n, int) for n in shape):
            return shape[-1] if name == "final_logits_bias" else shape[0]
    return None


def _check_vocabulary_fits_weights(path: Path, remedy: str) -> None:
    # The vocabulary of one download beside the weights of another fails only mid-translation (an index
    # past the embeddings); `brief model info` and a build should say so before any work. An export holds
    # one row per piece (CTranslate2's converter relies on it too).
    rows = _embedding_rows(path / "model.safetensors")
    if rows is None:
        return
    entries = len(_read_model_json(path / "vocab.json"))
    if entries != rows:
        raise ModelError(f"model directory {path}: its vocabulary (vocab.json, *.spm) does not match its weights "
                         f"({entries:,} pieces, the weights embed {rows:,}); {remedy}")


FILE_DIGESTS = "file-digests.json"  # under the cache root: {resolved path: {identity, sha256}}


def directory_revision(path: Path) -> str:
    """A content fingerprint of a local model directory: the full SHA-256 of its config, tokenizer and weights.

    Hashing 300 MB of weights on every run would cost seconds, so digests are remembered by file identity."""
    memo_file = cache_root() / FILE_DIGESTS
    memo = _read_file_digests(memo_file)
    learned = False
    digest = hashlib.sha256()
    for name in ("config.json", "generation_config.json", *TOKENIZER_FILES, *WEIGHT_FILES):
        file = path / name
        if not file.is_file():
            continue
        resolved = file.resolve()
        stat = resolved.stat()
        # A retrained model written over the old one changes at least its mtime or inode, if not its size.
        identity = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = memo.get(str(resolved))
        if not isinstance(known, dict) or known.get("identity") != identity or not isinstance(known.get("sha256"), str):
            known = {"identity": identity, "sha256": _file_sha256(resolved)}
            memo[str(resolved)] = known
            learned = True
        digest.update(f"{name}\0{known['sha256']}\0".encode())
    if learned:
        _write_file_digests(memo_file, memo)
    return "dir-" + digest.hexdigest()[:16]


def _file_sha256(file: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise ModelError(f"model file {file} cannot be read ({error.strerror}); check its permissions") from None
    return digest.hexdigest()


def _read_file_digests(memo_file: Path) -> dict:
    try:
        memo = json.loads(memo_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: it only saves time, so start again
    return memo if isinstance(memo, dict) else {}


def _write_file_digests(memo_file: Path, memo: dict) -> None:
    kept = {path: entry for path, entry in memo.items() if os.path.exists(path)}
    try:
        write_atomic(memo_file, json.dumps(kept, sort_keys=True))
    except OSError:
        pass  # a read-only cache: the digests are computed again next run, which is slower but right


def hub_offline() -> bool:
    """HF_HUB_OFFLINE as huggingface_hub reads it: 1, true, yes or on (any case) mean offline; 0 or false do not."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _snapshot_complete(path: Path) -> bool:
    return (all((path / name).is_file() for name in ("config.json", *TOKENIZER_FILES[:3]))
            and any((path / name).is_file() for name in WEIGHT_FILES))


def _hf_snapshot(spec: str, download: bool, progress: bool = False) -> tuple[Path, str, bool]:
    with interrupts_held():
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import LocalEntryNotFoundError

    patterns = ["*.json", "*.spm", "*.safetensors", "*.txt", "*.model"]
    try:
        path = Path(snapshot_download(spec, local_files_only=True, allow_patterns=patterns))
        # An interrupted download leaves a snapshot without weights: `model pull` must be able to finish it.
        if not download or hub_offline() or _snapshot_complete(path):
            return path, path.name, False
    except LocalEntryNotFoundError:
        if not download or hub_offline():
            raise
    if not progress:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    path = Path(snapshot_download(spec, allow_patterns=patterns))
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        # Older repos ship only PyTorch pickles; fetch them, they are loaded with weights_only.
        path = Path(snapshot_download(spec, allow_patterns=patterns + ["pytorch_model.bin"]))
    return path, path.name, True


def resolve_model(spec: str | None = None, *, download: bool = False, progress: bool = False) -> ModelSource:
    """Find the model: a local directory, or a hub id in the Hugging Face cache (downloaded if allowed).

    Raises ModelError with instructions when it cannot be had.
    """
    spec = model_spec(spec)
    local = Path(spec).expanduser()
    looks_local = local.exists() or spec.startswith((".", "/", "~")) or spec.count("/") > 1
    if looks_local:
        validate_model_dir(local)
        # The resolved path is the model's name in cache keys: "dir/", "./dir" and "dir" are one model.
        resolved = local.resolve()
        return ModelSource(str(resolved), resolved, directory_revision(resolved), "directory")
    try:
        path, revision, downloaded = _hf_snapshot(spec, download, progress)
    except Exception as error:  # noqa: BLE001 - hub errors come in many classes; all mean "not available"
        raise_if_interrupted(error)
        reason = str(error).splitlines()[0][:160] if str(error) else type(error).__name__
        # "models/tiny", mistyped or missing, reads as a hub id too: say it is no directory either.
        nowhere = (f" (nor is there a directory {spec} here)"
                   if spec != DEFAULT_MODEL and ("/" in spec or "\\" in spec) else "")
        if download and not hub_offline():
            where = f"not in the Hugging Face cache and could not be downloaded: {reason}"
        elif download:  # asked to download (`brief model pull`, a first build), and forbidden to
            raise ModelError(f"translation model {spec} is not in the Hugging Face cache{nowhere}, and HF_HUB_OFFLINE is "
                             "set, so it cannot be downloaded: on a connected machine run `HF_HUB_OFFLINE=0 brief "
                             "model pull`, or pass --model DIR with a copy of the model") from None
        else:
            where = "not in the Hugging Face cache" + (" (offline: HF_HUB_OFFLINE is set)" if hub_offline() else "")
        raise ModelError(f"translation model {spec} is {where}{nowhere}; {HOW_TO_GET_MODEL}") from None
    validate_model_dir(path, "its download was cut short: run `brief model pull` again on a connected machine")
    return ModelSource(spec, path, revision, "downloaded" if downloaded else "hf-cache")


def pick_device(device: str, engine: str = "auto") -> str:
    """The device to run on: `device` checked, or for "auto" a CUDA GPU when the engine can use one."""
    if device != "auto":
        if device == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise UsageError("--device cuda: no CUDA device is available")
        return device
    if not _torch_cuda_possible():
        return "cpu"  # importing torch only to learn there is no GPU costs ~2 s and ~350 MB of RSS
    if engine in ("auto", "ctranslate2") and ctranslate2_available():
        # CTranslate2 (the engine auto picks) knows its own GPUs in 0.04 s: a fully cached run on a GPU
        # machine must not import torch to choose the cache key.
        return "cuda" if import_held("ctranslate2").get_cuda_device_count() > 0 else "cpu"
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if torch.cuda.is_available() else "cpu"


def ctranslate2_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def pick_engine(engine: str, precision: str, device: str) -> tuple[str, str]:
    """Resolve auto choices by what bench/RESULTS.md measured fastest on this kind of device.

    CPU: CTranslate2 int8 (fastest at beam 4, smallest memory); GPU: CTranslate2 float16.
    Without ctranslate2 installed, transformers fp32.
    """
    if engine == "auto":
        engine = "ctranslate2" if ctranslate2_available() else "transformers"
    if engine == "ctranslate2" and not ctranslate2_available():
        raise UsageError("--engine ctranslate2: the ctranslate2 package is not installed (pip install 'brief[fast]')")
    if precision == "auto":
        if device == "cuda":
            precision = "fp16"
        else:
            precision = "int8" if engine == "ctranslate2" else "fp32"
    if precision == "fp16" and device != "cuda":
        raise UsageError("--precision fp16 needs --device cuda")
    if precision == "int8_float32" and engine != "ctranslate2":
        raise UsageError("--precision int8_float32 needs --engine ctranslate2 (pip install 'brief[fast]')")
    return engine, precision


def read_generation_defaults(path: Path) -> dict:
    """The model's own generation settings (beams, max length, bad words), from its export."""
    settings: dict = {}
    for name in ("config.json", "generation_config.json"):
        file = path / name
        if file.is_file():
            data = _read_model_json(file)
            for key in ("num_beams", "max_length", "bad_words_ids", "max_position_embeddings", "pad_token_id",
                        "eos_token_id", "decoder_start_token_id"):
                if data.get(key) is not None:
                    settings[key] = data[key]
            for key in ("num_beams", "max_position_embeddings"):
                value = data.get(key)
                if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                    raise ModelError(f"model file {file}: {key} must be a positive whole number (got {value!r}); "
                                     "download or export the model again")
    return settings


def decoding_for(source: ModelSource, beams: int | None, full_vocabulary: bool = False) -> DecodingSettings:
    defaults = read_generation_defaults(source.path)
    return DecodingSettings(beams=beams or int(defaults.get("num_beams") or 4), target_vocabulary=not full_vocabulary)


# ---------------------------------------------------------------------------------------------
# Source normalisation (the preprocessing the OPUS-MT models were trained with)
# ---------------------------------------------------------------------------------------------

_punct_normalizer = None
_SPACES = re.compile(r"\s+")


def normalize_source(text: str) -> str:
    """Moses punctuation normalisation (transformers 5 no longer applies it), no invisible controls, one space."""
    global _punct_normalizer
    if _punct_normalizer is None:
        from sacremoses import MosesPunctNormalizer

        _punct_normalizer = MosesPunctNormalizer(lang="ar").normalize
    text = _SPACES.sub(" ", strip_invisible(text)).strip()
    return _punct_normalizer(text).strip() if text else ""


# ---------------------------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------------------------


def _load_tokenizer(path: Path):
    with interrupts_held():  # transformers brings tokenizers and sentencepiece, native libraries
        from transformers import MarianTokenizer
        from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # cron logs should not fill with "Loading weights" bars
    # Its warnings (a long sentence's token count, generation defaults) are about inputs brief already
    # handles; printed per batch they defeat --quiet. Errors still show.
    hf_logging.set_verbosity_error()

    try:
        return MarianTokenizer.from_pretrained(str(path))
    except Exception as error:  # noqa: BLE001
        raise_if_interrupted(error)
        raise ModelError(f"model directory {path}: tokenizer files cannot be loaded ({error})") from None


def target_vocabulary(model_dir: Path) -> dict[str, int]:
    """The entries the model was trained to emit, with their ids: the pieces of its target SentencePiece
    model, </s> and <unk> (read from vocab.json and target.spm, without transformers).

    OPUS-MT shares one vocabulary between its two sides (62,834 entries for ar-en), but its English side
    was only ever tokenised with target.spm, so no other entry of the output layer was ever a right answer.
    Leaving them out should change nothing a trained model says, and spares CTranslate2 about a quarter
    of its decoding time: the output projection is its largest matrix (bench/RESULTS.md)."""
    import sentencepiece

    vocab = json.loads((model_dir / "vocab.json").read_text(encoding="utf-8"))
    spm = sentencepiece.SentencePieceProcessor(model_file=str(model_dir / "target.spm"))
    pieces = {spm.id_to_piece(i) for i in range(spm.get_piece_size())} | {"</s>", "<unk>"}
    return {piece: vocab[piece] for piece in pieces if piece in vocab}


# Sentences are batched with others of their length bucket, and a batch's output cap is its bucket's: a
# sentence's cap, so its translation when it runs to the cap (a loop), then depends on its own length only,
# not on the longest sentence it happened to share a batch with (the memory kept whichever came first).
CAP_BUCKET = 8  # tokens


def _cap_bucket(tokens: int) -> int:
    """`tokens` rounded up to a whole CAP_BUCKET."""
    return -(-tokens // CAP_BUCKET) * CAP_BUCKET


def _output_cap(source_tokens: int, decoding: DecodingSettings, limit: int) -> int:
    """The most tokens a translation may have, for a batch whose longest source has `source_tokens`."""
    return max(8, min(limit, int(math.ceil(_cap_bucket(source_tokens) * decoding.max_length_ratio)) + 10))


class TransformersEngine:
    """MarianMT through transformers + torch; fp32, int8 (dynamic quantisation of Linear layers) or fp16 on GPU."""

    name = "transformers"

    def __init__(self, source: ModelSource, precision: str = "fp32", device: str = "cpu",
                 decoding: DecodingSettings | None = None, threads: int | None = None):
        import torch  # already imported, with Ctrl-C held, by load_engine

        with interrupts_held():
            from transformers import MarianMTModel

        if threads:
            torch.set_num_threads(threads)
        self.precision, self.device = precision, device
        self.decoding = decoding or decoding_for(source, None)
        self.defaults = read_generation_defaults(source.path)
        self.tokenizer = _load_tokenizer(source.path)
        use_safetensors = (source.path / "model.safetensors").is_file()
        try:
            # safetensors when present; a .bin is only ever loaded with torch's weights_only unpickler,
            # which transformers enforces for pickles.
            self.model = complete_weights(source, *MarianMTModel.from_pretrained(
                str(source.path), use_safetensors=use_safetensors or None,
                dtype=torch.float16 if precision == "fp16" else torch.float32, output_loading_info=True,
            ))
        except ModelError:
            raise
        except Exception as error:  # noqa: BLE001
            raise_if_interrupted(error)
            raise ModelError(f"model {source.spec}: weights cannot be loaded ({error})") from None
        self.model.eval()
        self.spec = source.spec
        if precision == "int8":
            if device != "cpu":
                raise UsageError("--precision int8 with the transformers engine runs on the CPU only")
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # quantize_dynamic is deprecated but still the fastest here
                from torch.ao.quantization import quantize_dynamic

                self.model = quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.model.to(device)
        self.max_positions = int(self.defaults.get("max_position_embeddings") or 512)
        self.bad_words = self.defaults.get("bad_words_ids") or [[self.tokenizer.pad_token_id]]
        self._outside: list[int] = []  # ids outside the target vocabulary, never generated
        if self.decoding.target_vocabulary:
            allowed = set(target_vocabulary(source.path).values())
            self._outside = [i for i in range(self.model.config.vocab_size) if i not in allowed]
        self._banned = sorted({ids[0] for ids in self.bad_words if len(ids) == 1} | set(self._outside))

    def token_count(self, sentence: str) -> int:
        return len(self.tokenizer(sentence)["input_ids"])

    def translate_batch(self, sentences: list[str]) -> list[Translation]:
        try:
            return self._translate_batch(sentences)
        except IndexError as error:
            # A piece the weights write that the vocabulary lacks, or the reverse: files of two models in one
            # folder (CTranslate2 says so when it converts; transformers fails only here).
            raise ModelError(f"model {self.spec}: its vocabulary (vocab.json, *.spm) does not match its weights "
                             f"({error}); copy the whole model directory again, or {HOW_TO_GET_MODEL}") from None

    def _translate_batch(self, sentences: list[str]) -> list[Translation]:
        import torch

        # Translator splits sentences to fit; truncating here only guards direct callers from an IndexError.
        batch = self.tokenizer(sentences, return_tensors="pt", padding=True, truncation=True,
                               max_length=self.max_positions)
        batch = {k: v.to(self.device) for k, v in batch.items()}
        source_len = int(batch["input_ids"].shape[1])
        with torch.inference_mode():
            out = self.model.generate(
                **batch,
                num_beams=self.decoding.beams,
                max_new_tokens=_output_cap(source_len, self.decoding, self.max_positions),
                max_length=None,  # the export's max_length would compete with max_new_tokens (and warn)
                length_penalty=self.decoding.length_penalty,
                renormalize_logits=self.decoding.renormalize_logits,
                bad_words_ids=self.bad_words,
                suppress_tokens=self._outside or None,
                pad_token_id=self.tokenizer.pad_token_id,
                eos_token_id=self.tokenizer.eos_token_id,
                decoder_start_token_id=self.model.config.decoder_start_token_id,
                early_stopping=True,
                do_sample=False,
            )
        texts = self.tokenizer.batch_decode(out, skip_special_tokens=True)
        return [Translation(text.strip(), score) for text, score in zip(texts, self._scores(batch, out))]

    def _scores(self, batch: dict, sequences) -> list[float | None]:
        """Mean log-probability per generated token, by one teacher-forced pass over the outputs.

        Asking generate() for output_scores keeps every step's logits for every beam (4.4 GB peak at
        beam 4, batch 32 in bench/); re-scoring a few outputs at a time costs one decoder pass."""
        import torch

        pad = self.tokenizer.pad_token_id
        scores: list[float | None] = []
        with torch.inference_mode():
            for start in range(0, sequences.shape[0], _SCORING_ROWS):
                rows = slice(start, start + _SCORING_ROWS)
                decoder_input = sequences[rows, :-1]
                labels = sequences[rows, 1:]
                logits = self.model(input_ids=batch["input_ids"][rows], attention_mask=batch["attention_mask"][rows],
                                    decoder_input_ids=decoder_input).logits.float()
                # as renormalize_logits does after bad_words_ids and suppress_tokens
                logits[..., self._banned] = float("-inf")
                picked = logits.gather(-1, labels.unsqueeze(-1)).squeeze(-1) - torch.logsumexp(logits, dim=-1)
                mask = labels != pad
                for row_scores, row_mask in zip(picked, mask):
                    count = int(row_mask.sum())
                    scores.append(float(row_scores[row_mask].sum()) / count if count else None)
        return scores


_SCORING_ROWS = 4  # outputs re-scored per forward pass: bounds the logits tensor (rows x length x vocab)


def converted_model_dir(source: ModelSource, precision: str) -> Path:
    """Where the CTranslate2 conversion of `source` lives in the user cache."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", source.spec.strip("/"))[-60:]
    return cache_root() / "ct2" / f"{safe}-{source.revision[:16]}-{precision}"


def ct2_quantization(precision: str) -> str:
    return {"int8": "int8", "fp32": "float32", "fp16": "float16", "int8_float32": "int8_float32"}[precision]


CONVERSION_RECORD = "brief-source.json"  # what was converted, and every file's size when it was written
NOT_CONVERTED = "not converted"


def conversion_problem(target: Path) -> str | None:
    """What keeps the CTranslate2 conversion at `target` from being used (NOT_CONVERTED when there is none);
    None when it is complete."""
    if not target.is_dir() or not any(target.iterdir()):
        return NOT_CONVERTED
    try:
        record = json.loads((target / CONVERSION_RECORD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        record = {}
    except (OSError, ValueError):
        return f"{CONVERSION_RECORD} is unreadable"
    sizes = record.get("files") if isinstance(record, dict) else None
    if not isinstance(sizes, dict):
        # Converted before the record listed its files: check those CTranslate2 cannot load without.
        if not any((target / name).is_file() for name in ("shared_vocabulary.json", "target_vocabulary.json")):
            return "its vocabulary file is missing"
        sizes = {"model.bin": None, "config.json": None}
    for name, size in sizes.items():
        file = target / name
        if not file.is_file():
            return f"{name} is missing"
        if size is not None and file.stat().st_size != size:
            return f"{name} is {file.stat().st_size:,} bytes, not {size:,}"
    return None


def convert_to_ctranslate2(source: ModelSource, precision: str = "int8", force: bool = False,
                           warn: Callable[[str], None] | None = None) -> Path:
    """Convert a MarianMT export to CTranslate2 once (atomically), with the tokenizer files copied.

    A damaged conversion (a file missing or cut short) is converted again, with a warning."""
    target = converted_model_dir(source, precision)
    if not force and conversion_problem(target) is None:
        return target
    usable_cache_dir(target.parent)
    # Runs started together (cron, CI) must not convert into the same place at once: one converts, the
    # others wait for it and then use its result.
    try:
        lock = open(target.parent / f".{target.name}.lock", "a+")
    except OSError as error:
        raise OutputError(f"cache directory {target.parent} cannot be used ({error.strerror}); "
                          "set BRIEF_CACHE_DIR to a writable directory") from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        problem = conversion_problem(target)
        if not force and problem is None:
            return target
        if problem not in (None, NOT_CONVERTED) and warn:
            warn(f"CTranslate2 conversion {target} is damaged ({problem}); converting the model again")
        return _convert_locked(source, precision, target)


def complete_weights(source: ModelSource, model, loading_info: dict):
    """The model, or ModelError when its weight file lacks some of the layers its config describes:
    transformers fills those with random numbers and says so only in a log line, and the translation
    would be babble from a model that looks fine."""
    missing = sorted(loading_info.get("missing_keys") or ()) + sorted(
        str(key[0] if isinstance(key, tuple) else key) for key in loading_info.get("mismatched_keys") or ())
    if missing:
        raise ModelError(f"model {source.spec}: the weights do not match its config.json ({len(missing)} "
                         f"tensors missing or of another shape, e.g. {missing[0]}); download it again "
                         "with `brief model pull`, or use a complete export")
    return model


def _convert_locked(source: ModelSource, precision: str, target: Path) -> Path:
    converters = import_held("ctranslate2.converters")  # torch and transformers: native libraries
    hf_logging = import_held("transformers.utils.logging")
    hf_logging.disable_progress_bar()  # as for the engine: no "Loading weights" bars in cron logs
    hf_logging.set_verbosity_error()  # what would matter (missing weights) is refused below, not logged

    staging = target.with_name(target.name + f".tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
    except OSError as error:
        raise OutputError(f"cache directory {target.parent} cannot be used ({error.strerror}); "
                          "set BRIEF_CACHE_DIR to a writable directory") from None
    copy = [name for name in (*TOKENIZER_FILES, "generation_config.json") if (source.path / name).is_file()]
    try:
        class CompleteWeightsConverter(converters.TransformersConverter):
            def load_model(self, model_class, model_name_or_path, **kwargs):
                return complete_weights(source, *super().load_model(
                    model_class, model_name_or_path, output_loading_info=True, **kwargs))

        converter = CompleteWeightsConverter(str(source.path), copy_files=copy)
        converter.convert(str(staging), quantization=ct2_quantization(precision), force=True)
        write_vocabulary_map(staging, source.path)
        sizes = {f.name: f.stat().st_size for f in sorted(staging.iterdir()) if f.is_file()}
        # Written last: a conversion whose files do not match it is damaged and is converted again.
        (staging / CONVERSION_RECORD).write_text(json.dumps(
            {"spec": source.spec, "revision": source.revision, "precision": precision, "files": sizes}),
            encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException as error:  # also Ctrl-C: a half-written staging folder would stay for good
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, ModelError) or not isinstance(error, Exception):  # ours, or Ctrl-C
            raise
        raise_if_interrupted(error)
        raise ModelError(f"model {source.spec}: conversion to CTranslate2 failed ({error})") from None
    return target


# Two one-thread workers, batches of 32 at beam 4: 16, 32 or 64 rows per worker call ran at 642, 553 and
# 453 tokens/s and peaked at 449, 661 and 1,112 MB; greedy decoding still gains up to 16 rows
# (bench/translate_results.md).
_CPU_WORKER_ROWS = 16


def write_vocabulary_map(model_dir: Path, source_dir: Path) -> Path:
    """CTranslate2's vocabulary map (vmap.txt) in `model_dir` that always allows exactly the target
    vocabulary of the MarianMT export in `source_dir`.

    A line with an empty source n-gram lists the candidates CTranslate2 keeps for every batch; the
    translator reads the file when it loads the model and applies it when asked to (use_vmap)."""
    kept = target_vocabulary(source_dir)
    # The file separates tokens by spaces; SentencePiece pieces never hold one (it writes ▁ instead).
    tokens = [t for t in sorted(kept, key=kept.get) if t and not any(c.isspace() for c in t)]
    return write_atomic(model_dir / "vmap.txt", "\t" + " ".join(tokens) + "\n")


class CTranslate2Engine:
    """MarianMT converted to CTranslate2: int8 / int8_float32 / float32 on CPU, float16 on GPU."""

    name = "ctranslate2"

    def __init__(self, source: ModelSource, precision: str = "int8", device: str = "cpu",
                 decoding: DecodingSettings | None = None, threads: int | None = None,
                 inter_threads: int | None = None, warn: Callable[[str], None] | None = None):
        import ctranslate2

        self.precision, self.device = precision, device
        self.decoding = decoding or decoding_for(source, None)
        self.defaults = read_generation_defaults(source.path)
        self.tokenizer = _load_tokenizer(source.path)
        model_dir = convert_to_ctranslate2(source, precision, warn=warn)
        if self.decoding.target_vocabulary and not (model_dir / "vmap.txt").is_file():
            write_vocabulary_map(model_dir, source.path)  # converted before brief wrote one
        compute = ct2_quantization(precision)
        if device == "cpu":
            # Two one-thread workers sharing the weights nearly double a single worker's speed on 2 cores,
            # where more threads inside one worker buy nothing (bench/RESULTS.md).
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
            inter = inter_threads or (1 if threads else max(1, min(2, cores)))
            intra = threads or max(1, cores // inter)
        else:
            inter, intra = inter_threads or 1, threads or 0
        self.inter_threads = inter

        def load():
            return ctranslate2.Translator(str(model_dir), device=device, compute_type=compute,
                                          intra_threads=intra, inter_threads=inter)

        try:
            self.translator = load()
        except Exception as error:  # noqa: BLE001 - CTranslate2 says "damaged" with RuntimeError, ValueError...
            raise_if_interrupted(error)
            if "cuda" in str(error).lower():  # the device, not the files: converting again would not help
                raise ModelError(f"model {source.spec}: CTranslate2 cannot use the GPU ({error}); "
                                 "try --device cpu") from None
            # Damage the file sizes do not show (or a conversion older than its record of them): the
            # conversion is derived from this very model, so converting again is a repair, not a fallback.
            if warn:
                warn(f"CTranslate2 conversion {model_dir} cannot be loaded ({error}); converting the model again")
            convert_to_ctranslate2(source, precision, force=True)
            try:
                self.translator = load()
            except Exception as error:  # noqa: BLE001
                raise_if_interrupted(error)
                raise ModelError(f"model {source.spec}: its CTranslate2 conversion {model_dir} cannot be loaded "
                                 f"({error}); try --engine transformers") from None
        self.max_positions = int(self.defaults.get("max_position_embeddings") or 512)

    def token_count(self, sentence: str) -> int:
        return len(self.tokenizer(sentence)["input_ids"])

    def worker_batch_size(self, sentences: int) -> int:
        """Sentences per CTranslate2 sub-batch: one call keeps a second worker busy only when it is split,
        and one-thread CPU workers run slower, not faster, on more than _CPU_WORKER_ROWS rows (sentences x
        beams) at once. A single worker with several threads needs its whole batch to keep them busy."""
        size = math.ceil(sentences / self.inter_threads)
        if self.device == "cpu" and self.inter_threads > 1:
            size = min(size, _CPU_WORKER_ROWS // max(1, self.decoding.beams))
        return max(1, size)

    def translate_batch(self, sentences: list[str]) -> list[Translation]:
        tokenized = [self.tokenizer.convert_ids_to_tokens(self.tokenizer(s)["input_ids"]) for s in sentences]
        source_len = max(len(t) for t in tokenized)
        # CTranslate2's defaults differ from transformers' (beam 2, input 1024, output 256): set all.
        # Its Marian converter drops <pad> from the vocabulary, which is what bad_words_ids does here.
        results = self.translator.translate_batch(
            tokenized,
            beam_size=self.decoding.beams,
            length_penalty=self.decoding.length_penalty,
            max_input_length=self.max_positions,
            max_decoding_length=_output_cap(source_len, self.decoding, self.max_positions),
            return_scores=True,
            use_vmap=self.decoding.target_vocabulary,
            max_batch_size=self.worker_batch_size(len(tokenized)),
        )
        out = []
        for result in results:
            tokens = result.hypotheses[0]
            ids = self.tokenizer.convert_tokens_to_ids(tokens)
            text = self.tokenizer.decode(ids, skip_special_tokens=True).strip()
            score = result.scores[0] if result.scores else None
            # CTranslate2 scores are length-normalised log-probs when length_penalty > 0.
            out.append(Translation(text, float(score) if score is not None else None))
        return out


def load_engine(options: TranslateOptions, source: ModelSource | None = None,
                warn: Callable[[str], None] | None = None) -> Engine:
    """Build the engine the options ask for (heavy imports happen here)."""
    options.validate()
    source = source or resolve_model(options.model, download=options.allow_download)
    with interrupts_held():  # the native libraries (pick_device may import torch), not the model load after them
        device = pick_device(options.device, options.engine)
        engine, precision = pick_engine(options.engine, options.precision, device)
        importlib.import_module("ctranslate2" if engine == "ctranslate2" else "torch")
    decoding = decoding_for(source, options.beams, options.full_vocabulary)
    if engine == "ctranslate2":
        if precision not in ("int8", "fp32", "fp16", "int8_float32"):
            raise UsageError(f"--precision {precision} is not available with CTranslate2")
        return CTranslate2Engine(source, precision, device, decoding, options.threads, warn=warn)
    return TransformersEngine(source, precision, device, decoding, options.threads)


def engine_fingerprint(source: ModelSource, engine: str, precision: str, decoding: DecodingSettings) -> str:
    """Everything that decides a translation, as a stable string (the translation-memory namespace). A local
    directory is known by its content (its revision), not by where it lies: a copied or moved model keeps
    its translations."""
    model = "(a local directory)" if source.origin == "directory" else source.spec
    return json.dumps({"model": model, "revision": source.revision, "engine": engine,
                       "precision": precision, "decoding": asdict(decoding)}, sort_keys=True)


# ---------------------------------------------------------------------------------------------
# The translate stage
# ---------------------------------------------------------------------------------------------


def _length_batches(items: list[tuple[int, str, int]], budget: int,
                   max_items: int | None = None) -> Iterable[list[tuple[int, str, int]]]:
    """Group (index, text, tokens) sorted by length into batches of at most `budget` padded tokens
    and `max_items` sentences, each of one length bucket (CAP_BUCKET)."""
    batch: list[tuple[int, str, int]] = []
    for item in sorted(items, key=lambda it: (it[2], it[0])):
        longest = max([item[2]] + [b[2] for b in batch])
        if batch and (longest * (len(batch) + 1) > budget or (max_items and len(batch) >= max_items)
                      or _cap_bucket(item[2]) != _cap_bucket(batch[0][2])):
            yield batch
            batch = []
        batch.append(item)
    if batch:
        yield batch


def _pieces_for_model(text: str) -> list[str]:
    from brief.segment import split_for_model

    pieces = [p for p in split_for_model(text, MAX_WORDS_PER_PIECE) if p.strip()]
    return pieces or [text]


class Translator:
    """The translate stage for one run: options, memory and a lazily loaded engine."""

    def __init__(self, options: TranslateOptions, *, progress: Callable[[int, int], None] | None = None,
                 warn: Callable[[str], None] | None = None):
        options.validate()
        self.options = options
        self.progress = progress
        self.warn = warn
        self.source = resolve_model(options.model, download=options.allow_download)
        self.device = pick_device(options.device) if options.device != "auto" else None
        self.decoding = decoding_for(self.source, options.beams, options.full_vocabulary)
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self.stats = TranslationStats()
        self.memory = TranslationMemory(options.cache_path, warn=warn) if options.cache else None
        if self.memory:
            self.stats.cache_path = str(self.memory.path)

    def _resolved(self) -> tuple[str, str, str]:
        # Choosing auto needs torch only for CUDA detection: avoid importing it when we can.
        device = self.device or (pick_device("auto", self.options.engine)
                                 if self.options.device == "auto" and _torch_cuda_possible() else "cpu")
        engine, precision = pick_engine(self.options.engine, self.options.precision, device)
        return engine, precision, device

    @property
    def fingerprint(self) -> str:
        engine, precision, _ = self._resolved()
        return engine_fingerprint(self.source, engine, precision, self.decoding)

    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                import time

                started = time.perf_counter()
                engine, precision, device = self._resolved()
                opts = TranslateOptions(**{**self.options.__dict__, "engine": engine, "precision": precision,
                                           "device": device})
                self._engine = load_engine(opts, self.source, self.warn)
                self.stats.model_loaded = True
                self.stats.seconds_model_load += time.perf_counter() - started
            return self._engine

    def describe(self) -> dict:
        engine, precision, device = self._resolved()
        return {"model": self.source.spec, "revision": self.source.revision, "path": str(self.source.path),
                "local": self.source.origin == "directory",
                "engine": engine, "precision": precision, "device": device, "beams": self.decoding.beams,
                "target_vocabulary": self.decoding.target_vocabulary}

    def translate_texts(self, texts: list[str]) -> list[Translation]:
        """Translate each text (one sentence); cached ones come from memory, the rest in length-sorted batches."""
        import time

        engine_name, precision, device = self._resolved()
        self.stats.engine, self.stats.precision, self.stats.device = engine_name, precision, device
        fingerprint = engine_fingerprint(self.source, engine_name, precision, self.decoding)
        glossary = self.options.glossary
        prepared: list[tuple[str, dict]] = []
        for text in texts:
            source = normalize_source(text)
            mapping: dict = {}
            if glossary is not None and source:
                source, mapping = glossary.protect(source)
            prepared.append((source, mapping))
        unique = sorted({s for s, _ in prepared if s})
        self.stats.sentences += len(texts)
        self.stats.unique += len(unique)
        results: dict[str, Translation] = {}
        if self.memory and unique:
            for source, cached in self.memory.get_many(fingerprint, unique).items():
                results[source] = Translation(cached.target, cached.score, cached.parts, True)
        self.stats.from_cache += len(results)
        todo = [s for s in unique if s not in results]
        if todo:
            started = time.perf_counter()
            engine = self.engine()

            def finished(new: dict[str, Translation]) -> None:
                # Stored batch by batch: a run stopped half way (Ctrl-C, a cron timeout) resumes from here.
                results.update(new)
                self.stats.translated += len(new)
                if self.memory:
                    self.memory.put_many(fingerprint, [(s, t.text, t.score, t.parts) for s, t in new.items()])

            self._translate_uncached(engine, todo, finished)
            self.stats.seconds_translate += time.perf_counter() - started
        out = []
        for (source, mapping), original in zip(prepared, texts):
            if not source:
                out.append(Translation("", None))
                continue
            result = results[source]
            text = glossary.restore(result.text, mapping) if glossary is not None and mapping else result.text
            out.append(Translation(text, result.score, result.parts, result.from_cache))
        if self.memory:
            # The path alone would claim a memory this run passed over (locked past the wait, a full disk).
            self.stats.cache_read, self.stats.cache_written = self.memory.reading, self.memory.storing
        return out

    def _translate_uncached(self, engine: Engine, sources: list[str],
                            finished: Callable[[dict[str, Translation]], None]) -> None:
        """Translate the sources in length-sorted batches; `finished` gets each source's translation as soon
        as all its pieces are done."""
        limit = getattr(engine, "max_positions", 512) - 2
        pieces: list[tuple[int, str, int]] = []  # (piece index, piece text, tokens)
        owner_of: list[int] = []  # piece index -> source index
        owners: list[list[int]] = []
        for owner, source in enumerate(sources):
            parts = [source]
            if len(source.split()) > MAX_WORDS_PER_PIECE or engine.token_count(source) > limit:
                parts = _pieces_for_model(source)
            refined: list[str] = []
            for part in parts:
                refined.extend(_split_by_tokens(engine, part, limit))
            if len(refined) > 1:
                self.stats.split_for_length += 1
            indexes = []
            for part in refined:
                indexes.append(len(pieces))
                owner_of.append(owner)
                pieces.append((len(pieces), part, engine.token_count(part)))
            owners.append(indexes)
        translated: dict[int, Translation] = {}
        waiting = [len(indexes) for indexes in owners]  # pieces of each source not yet translated
        done = 0
        beams = max(1, getattr(getattr(engine, "decoding", None), "beams", 4))
        budget = max(1, self.options.batch_tokens * 4 // beams)
        most = max(1, self.options.batch_sentences * 4 // beams)
        for batch in _length_batches(pieces, budget, most):
            outputs = engine.translate_batch([text for _, text, _ in batch])
            complete = []
            for (index, _, _), output in zip(batch, outputs):
                translated[index] = output
                owner = owner_of[index]
                waiting[owner] -= 1
                if not waiting[owner]:
                    complete.append(owner)
            results = {}
            for owner in complete:
                parts = [translated[i] for i in owners[owner]]
                scores = [p.score for p in parts if p.score is not None]
                results[sources[owner]] = Translation(
                    " ".join(p.text for p in parts).strip(),
                    min(scores) if scores else None,
                    len(parts),
                )
            if results:
                finished(results)
            done += len(batch)
            if self.progress:
                self.progress(done, len(pieces))

    def close(self) -> None:
        if self.memory:
            self.memory.close()


def _split_by_tokens(engine: Engine, text: str, limit: int) -> list[str]:
    """Last resort for a piece still over the model's limit: halve it at a word boundary, or inside a
    word when it is one unbroken run of characters, until every piece fits; no text is left out."""
    if engine.token_count(text) <= limit:
        return [text]
    words = text.split()
    if len(words) >= 2:
        middle = len(words) // 2
        halves = " ".join(words[:middle]), " ".join(words[middle:])
    elif len(words) == 1 and len(words[0]) >= 2:
        middle = len(words[0]) // 2
        halves = words[0][:middle], words[0][middle:]
    else:
        return [text]  # one character over the limit: no model has so few positions
    return _split_by_tokens(engine, halves[0], limit) + _split_by_tokens(engine, halves[1], limit)


def _torch_cuda_possible() -> bool:
    """Cheap pre-check before importing torch just to learn there is no GPU."""
    return Path("/dev/nvidia0").exists() or Path("/proc/driver/nvidia").exists() or sys.platform == "win32"


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _output_vocabulary(path: Path) -> str:
    """How much of the shared vocabulary the output keeps to (target_vocabulary)."""
    try:
        kept = target_vocabulary(path)
        total = len(json.loads((path / "vocab.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, RuntimeError) as error:
        return f"unknown ({error})"
    return f"{len(kept):,} target pieces of {total:,} entries"


def model_info(spec: str | None = None) -> dict:
    """What `brief model info` shows: the resolved model, its conversions, sizes and the auto choice."""
    info: dict = {"model": model_spec(spec), "cache_dir": str(cache_root())}
    try:
        source = resolve_model(spec)
    except ModelError as error:
        info["status"] = f"not installed: {error}"
        return info
    info.update({"status": "installed", "path": str(source.path), "origin": source.origin,
                 "revision": source.revision, "size_mb": round(_dir_size(source.path) / 1e6, 1)})
    info["output_vocabulary"] = _output_vocabulary(source.path)
    conversions = {}
    for precision in ("int8", "int8_float32", "fp32", "fp16"):
        target = converted_model_dir(source, precision)
        problem = conversion_problem(target)
        if problem != NOT_CONVERTED:
            conversions[precision] = {"path": str(target), "size_mb": round(_dir_size(target) / 1e6, 1),
                                      "status": f"damaged: {problem}; converted again when next used"
                                      if problem else "ok"}
    info["ctranslate2"] = {"installed": ctranslate2_available(), "conversions": conversions}
    device = "cuda" if _torch_cuda_possible() else "cpu"
    engine, precision = pick_engine("auto", "auto", device)
    info["auto"] = {"engine": engine, "precision": precision, "device": device}
    return info
