"""Shared fixtures: an isolated cache per test session, and a tiny MarianMT model built from the seeds."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True, scope="session")
def isolated_environment(tmp_path_factory):
    """No test touches the user's caches or the network."""
    cache = tmp_path_factory.mktemp("brief-cache")
    saved = {k: os.environ.get(k) for k in ("BRIEF_CACHE_DIR", "HF_HUB_OFFLINE", "BRIEF_MODEL", "HF_HOME")}
    os.environ["BRIEF_CACHE_DIR"] = str(cache)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_HOME"] = str(tmp_path_factory.mktemp("hf-home"))
    os.environ.pop("BRIEF_MODEL", None)
    yield cache
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A tiny MarianMT export (SentencePiece trained on seed text), loaded through the real code path."""
    from marian_factory import build_marian_model

    return build_marian_model(tmp_path_factory.mktemp("tiny-marian") / "model")


@pytest.fixture()
def seeds_dir() -> Path:
    return SEEDS
