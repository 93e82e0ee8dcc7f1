"""Write files so that a reader sees the old content or the new, never half of either."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from brief.interrupts import interrupts_held


def write_atomic(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write to a temp file beside `path`, fsync, then rename over it."""
    return write_all_atomic([(path, data)], encoding)[0]


def write_all_atomic(files: list[tuple[str | os.PathLike, bytes | str]], encoding: str = "utf-8") -> list[Path]:
    """Write several files as one set: a reader sees all the old ones or all the new ones.

    Every file is written beside its target and fsynced first; only then are they renamed over their
    targets, with Ctrl-C held for those few renames. A failure or an interrupt before that leaves every
    target as it was and no temp file behind."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = data.encode(encoding) if isinstance(data, str) else data
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        with interrupts_held():
            while staged:
                tmp, path = staged[0]
                os.replace(tmp, path)
                staged.pop(0)
    finally:
        for tmp, _ in staged:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
    return [Path(path) for path, _ in files]


def claim_aside_name(path: str | os.PathLike, why: str) -> Path:
    """A new name beside `path` to set it aside under (`NAME.why-YYYYmmdd-HHMMSS`, then `-2`, `-3` ...),
    created empty and exclusively, so that it is this caller's even against another process setting
    aside at once; the caller renames over it, or removes it. A file set aside is history: a second one
    in the same second must not take its place."""
    import datetime

    path = Path(path)
    stem = f"{path.name}.{why}-{datetime.datetime.now():%Y%m%d-%H%M%S}"
    for number in range(1, 10_000):
        candidate = path.with_name(stem if number == 1 else f"{stem}-{number}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(17, f"every {stem}-N name is taken")
