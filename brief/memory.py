"""Translation memory: a SQLite cache of sentence translations, safe for concurrent runs."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

from platformdirs import user_cache_dir

from brief.errors import OutputError

SCHEMA_VERSION = 1


def cache_root() -> Path:
    """The user cache directory of brief (`BRIEF_CACHE_DIR`, else the platform's, honouring XDG_CACHE_HOME)."""
    override = os.environ.get("BRIEF_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir("brief", appauthor=False))


def usable_cache_dir(path: Path) -> Path:
    """`path`, created if need be; OutputError naming it when it cannot be (a file there, no permission)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cache directory {path} cannot be used ({error.strerror}); "
                          "set BRIEF_CACHE_DIR to a writable directory") from None
    return path


def memory_key(fingerprint: str, source: str) -> str:
    """Key of one translation: the engine fingerprint (model, revision, engine, precision, decoding) and the source."""
    return hashlib.sha256(f"{fingerprint}\x1f{source}".encode("utf-8", "surrogatepass")).hexdigest()


class TranslationMemory:
    """Sentence → translation store keyed by `memory_key`; WAL mode so two runs can share it."""

    def __init__(self, path: str | os.PathLike | None = None, warn=None):
        self.path = Path(path) if path else cache_root() / "translations.sqlite3"
        self.warn = warn or (lambda message: print(f"warning: {message}", file=sys.stderr))
        usable_cache_dir(self.path.parent)
        self.set_aside: Path | None = None
        try:
            self.db = self._open()
        except sqlite3.OperationalError as error:  # cannot open, read-only, locked past the timeout: not corrupt
            raise OutputError(f"translation cache {self.path} cannot be opened ({error}); "
                              "set BRIEF_CACHE_DIR to a writable directory, or use --no-cache") from None
        except sqlite3.DatabaseError as error:
            # A corrupt cache must not stop the morning run: keep it for inspection, start a new one.
            self.set_aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            os.replace(self.path, self.set_aside)
            for suffix in ("-wal", "-shm"):
                stale = Path(str(self.path) + suffix)
                if stale.exists():
                    stale.unlink()
            self.warn(f"translation cache {self.path} was unreadable ({error}); set aside as {self.set_aside.name} and rebuilt")
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                " key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, source TEXT NOT NULL,"
                " target TEXT NOT NULL, score REAL, created REAL NOT NULL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except BaseException:
            db.close()
            raise
        return db

    def get_many(self, fingerprint: str, sources: list[str]) -> dict[str, tuple[str, float | None]]:
        """Cached (translation, score) for each source that has one."""
        found: dict[str, tuple[str, float | None]] = {}
        keys = {memory_key(fingerprint, s): s for s in sources}
        items = list(keys)
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, target, score in self.db.execute(
                f"SELECT key, target, score FROM translations WHERE key IN ({marks})", chunk
            ):
                found[keys[key]] = (target, score)
        return found

    def put_many(self, fingerprint: str, rows: list[tuple[str, str, float | None]]) -> None:
        """Store (source, translation, score) rows in one transaction."""
        now = time.time()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                [(memory_key(fingerprint, s), fingerprint, s, t, score, now) for s, t, score in rows],
            )

    def stats(self) -> dict:
        """Entry counts per engine fingerprint, file size and location."""
        rows = self.db.execute(
            "SELECT fingerprint, COUNT(*) FROM translations GROUP BY fingerprint ORDER BY 2 DESC"
        ).fetchall()
        return {
            "path": str(self.path),
            "entries": sum(count for _, count in rows),
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
            "fingerprints": [{"fingerprint": json.loads(f) if f.startswith("{") else f, "entries": c} for f, c in rows],
        }

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        with self.db:
            count = self.db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            self.db.execute("DELETE FROM translations")
        self.db.execute("VACUUM")
        return count

    def close(self) -> None:
        self.db.close()
