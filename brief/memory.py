"""Translation memory: a SQLite cache of sentence translations, safe for concurrent runs."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable, NamedTuple

from platformdirs import user_cache_dir

from brief.atomic import claim_aside_name
from brief.errors import OutputError

SCHEMA_VERSION = 2  # 2: `parts`, so that a sentence split for the model's length limit is cached too
COLUMNS = ("key", "fingerprint", "source", "target", "score", "created", "parts")
LOCK_TIMEOUT_S = 30.0  # how long a run waits for another one's write before going on without the memory
# SQLite waits for a lock inside C code, where Python cannot act on a Ctrl-C: it waits in slices this
# long, and Python waits on for the rest of LOCK_TIMEOUT_S between them.
LOCK_SLICE_S = 0.05


def cache_root() -> Path:
    """The user cache directory of brief (`BRIEF_CACHE_DIR`, else the platform's, honouring XDG_CACHE_HOME)."""
    override = os.environ.get("BRIEF_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir("brief", appauthor=False))


def usable_cache_dir(path: Path) -> Path:
    """`path`, created if need be; OutputError naming it when it cannot be (a file there, no permission)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "it is a file, not a directory" if path.is_file() else error.strerror
        raise OutputError(f"cache directory {path} cannot be used ({reason}); "
                          "set BRIEF_CACHE_DIR to a writable directory") from None
    return path


def memory_path() -> Path:
    """Where the translation memory lives unless a path is given."""
    return cache_root() / "translations.sqlite3"


def memory_key(fingerprint: str, source: str) -> str:
    """Key of one translation: the engine fingerprint (model, revision, engine, precision, decoding) and the source."""
    return hashlib.sha256(f"{fingerprint}\x1f{source}".encode("utf-8", "surrogatepass")).hexdigest()


class Cached(NamedTuple):
    """A stored translation."""

    target: str
    score: float | None
    parts: int = 1  # >1: the source was split for the model's length limit (QA flags it)


class SchemaMismatch(sqlite3.DatabaseError):
    """The file is a SQLite database, but not a translation memory this version of brief can use."""


class StayedLocked(sqlite3.OperationalError):
    """Another connection held the lock for longer than LOCK_TIMEOUT_S."""


def _is_locked(error: sqlite3.OperationalError) -> bool:
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or \
        "locked" in str(error)


def waiting_for_locks(action: Callable[[], object]):
    """`action()`, tried again while the database is locked by another connection, for up to LOCK_TIMEOUT_S
    (StayedLocked then). Each try waits at most LOCK_SLICE_S in SQLite, so a Ctrl-C acts between them."""
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not _is_locked(error):
                raise
            if time.monotonic() >= deadline:
                raise StayedLocked(f"locked by another process for {LOCK_TIMEOUT_S:g} s") from None
        time.sleep(0.01)  # SQLite answers some locks at once, without its own wait


def _connect(target: str | os.PathLike, **kwargs) -> sqlite3.Connection:
    db = sqlite3.connect(target, timeout=LOCK_SLICE_S, isolation_level=None, **kwargs)
    db.execute(f"PRAGMA busy_timeout = {int(LOCK_SLICE_S * 1000)}")
    return db


def _size(path: Path) -> int:
    # The write-ahead log holds what was stored since the last checkpoint: it is the memory too.
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _stats_of(db: sqlite3.Connection, path: Path) -> dict:
    rows = waiting_for_locks(lambda: db.execute(
        "SELECT fingerprint, COUNT(*) FROM translations GROUP BY fingerprint ORDER BY 2 DESC"
    ).fetchall())
    return {
        "path": str(path),
        "entries": sum(count for _, count in rows),
        "bytes": _size(path),
        "fingerprints": [{"fingerprint": _described(f), "entries": c} for f, c in rows],
    }


def _described(fingerprint: str):
    """A fingerprint as stored (the engine's settings, as JSON), or as it reads when damaged: the memory's
    integrity check passes over a text field's bytes."""
    if fingerprint.startswith("{"):
        try:
            return json.loads(fingerprint)
        except json.JSONDecodeError:
            pass
    return fingerprint


def memory_stats(path: str | os.PathLike | None = None) -> dict:
    """What `brief cache stats` shows, found without changing anything: a missing memory is not made, and
    one that cannot be read is not set aside; "unreadable" then says why (and "entries" is None)."""
    path = Path(path) if path else memory_path()
    if path.parent.exists() and not path.parent.is_dir():  # as a build would refuse it, not "0 entries"
        raise OutputError(f"cache directory {path.parent} cannot be used (it is a file, not a directory); "
                          "set BRIEF_CACHE_DIR to a writable directory")
    if not path.exists():
        return {"path": str(path), "entries": 0, "bytes": 0, "fingerprints": []}
    try:
        # Read-only: a read-write connection's close checkpoints a pending write-ahead log into the file
        # (into a damaged one too) and removes the log.
        db = _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        immutable = not os.access(path.parent, os.W_OK)
        if immutable:
            # A read-only mount: SQLite cannot make the shared-memory file a write-ahead log is read with, so
            # the file is read as one no one can change (no one can write there either), without its log.
            db.close()
            db = _connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.OperationalError as error:
        raise OutputError(f"translation cache {path} cannot be opened ({error})") from None
    try:
        check = waiting_for_locks(lambda: db.execute("PRAGMA quick_check").fetchone()[0])
        if check != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        if waiting_for_locks(lambda: TranslationMemory._schema(db)) == "new":
            return {"path": str(path), "entries": 0, "bytes": _size(path), "fingerprints": []}
        stats = _stats_of(db, path)
        if immutable and Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size:
            stats["note"] = ("read without its write-ahead log (the directory is read-only): entries stored "
                             "since its last checkpoint are not counted")
        return stats
    except StayedLocked as error:
        raise OutputError(f"translation cache {path} was {error}; try again when it ends") from None
    except sqlite3.OperationalError as error:
        raise OutputError(f"translation cache {path} cannot be read ({error})") from None
    except sqlite3.DatabaseError as error:
        return {"path": str(path), "entries": None, "bytes": _size(path), "fingerprints": [],
                "unreadable": str(error)}
    finally:
        db.close()


class TranslationMemory:
    """Sentence → translation store keyed by `memory_key`; WAL mode so two runs can share it."""

    def __init__(self, path: str | os.PathLike | None = None, warn: Callable[[str], None] | None = None, *,
                 go_on_when_locked: bool = True):
        """`go_on_when_locked=False` (`brief cache clear`): a memory locked past the wait is an OutputError
        rather than a run without it."""
        self.path = Path(path) if path else memory_path()
        self.go_on_when_locked = go_on_when_locked
        # A translation can do without the memory; `cache clear` is about nothing else.
        self._bypass = ", or use --no-cache" if go_on_when_locked else ""
        self.warn = warn or (lambda message: None)  # warn=None is how callers ask for quiet (--quiet)
        usable_cache_dir(self.path.parent)
        self.set_aside: Path | None = None
        self.storing = True  # False once a write failed (disk full): the run goes on without storing
        self.reading = True  # False once the memory stayed locked past the wait: the run goes on without it
        self.db = self._opened(set_aside_if_unusable=True)

    def _opened(self, set_aside_if_unusable: bool) -> sqlite3.Connection:
        try:
            return self._open()
        except StayedLocked as error:
            if not self.go_on_when_locked:
                raise OutputError(f"translation cache {self.path} was {error}; try again when it ends") from None
            return self._without_memory(error)
        except sqlite3.OperationalError as error:  # cannot open, read-only: not corrupt
            if any(sign in str(error) for sign in ("disk is full", "disk I/O error")):
                return self._open_for_reading(error)
            raise OutputError(f"translation cache {self.path} cannot be opened ({error}); "
                              f"set BRIEF_CACHE_DIR to a writable directory{self._bypass}") from None
        except sqlite3.DatabaseError as error:
            if not set_aside_if_unusable:  # the new file made just now is unusable too: nothing more to try
                raise OutputError(f"translation cache {self.path} cannot be made ({error}); "
                                  f"set BRIEF_CACHE_DIR to another directory{self._bypass}") from None
            # A corrupt cache must not stop the morning run: keep it for inspection, start a new one.
            self._set_aside()
            self.warn(f"translation cache {self.path} was unusable ({error}); " + (
                f"set aside as {self.set_aside.name} and rebuilt" if self.set_aside
                else "another run set it aside first and made a new one"))
            return self._opened(set_aside_if_unusable=False)

    def _without_memory(self, error: StayedLocked) -> sqlite3.Connection:
        """Locked past the wait when opened: the run goes on as with --no-cache (a memory of nothing)."""
        self._stop_using(error)
        return self._memory_of_nothing()

    @classmethod
    def _memory_of_nothing(cls) -> sqlite3.Connection:
        """An empty memory in RAM, for a run that can neither read nor store the real one."""
        db = sqlite3.connect(":memory:", isolation_level=None)
        cls._ensure_schema(db)
        return db

    def _stop_using(self, error: StayedLocked) -> None:
        """Another process held the memory locked past the wait: read and store nothing more this run."""
        if self.reading:
            self.warn(f"translation cache {self.path} was {error}; this run goes on without it "
                      "(cached translations are not used, new ones not stored)")
        self.reading = self.storing = False

    def _open_for_reading(self, error: sqlite3.OperationalError) -> sqlite3.Connection:
        """On a full disk, opening for writing fails (the write-ahead log cannot be made): read what is
        stored, store nothing, and let the run go on, as a write that fails later does."""
        self.storing = False
        self.warn(f"translation cache {self.path}: the disk is full ({error}); cached translations are used, "
                  "new ones are not stored this run")
        if self.path.exists():
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True, isolation_level=None)
            try:
                db.execute("SELECT key, target, score, parts FROM translations LIMIT 1").fetchall()
                return db
            except sqlite3.DatabaseError:
                db.close()
        return self._memory_of_nothing()  # nothing readable

    def _set_aside(self) -> None:
        """Move the unusable file to a name of its own, `<name>.corrupt-<time>`, then -2, -3, ... so that
        no earlier copy is ever overwritten. Closing it has checkpointed its write-ahead log into it where
        SQLite could; a log still there (another connection kept it) goes along with it, not deleted."""
        try:
            candidate = claim_aside_name(self.path, "corrupt")
            try:
                os.replace(self.path, candidate)
            except FileNotFoundError:  # another run set it aside first: the new file is its business
                candidate.unlink()
                return
            except BaseException:
                candidate.unlink(missing_ok=True)
                raise
            self.set_aside = candidate
            wal = Path(f"{self.path}-wal")
            if wal.exists():
                os.replace(wal, f"{candidate}-wal")
            Path(f"{self.path}-shm").unlink(missing_ok=True)
        except OSError as error:
            raise OutputError(f"translation cache {self.path} is unusable and cache directory {self.path.parent} "
                              f"cannot be written to set it aside ({error.strerror}); set BRIEF_CACHE_DIR to a "
                              f"writable directory{self._bypass}") from None

    def _open(self) -> sqlite3.Connection:
        db = _connect(self.path)
        try:
            waiting_for_locks(lambda: db.execute("PRAGMA journal_mode = WAL").fetchall())
            db.execute("PRAGMA synchronous = NORMAL")
            check = waiting_for_locks(lambda: db.execute("PRAGMA quick_check").fetchone()[0])
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            # Only a new or version-1 file needs the write lock: another run's write (WAL) does not block a reader.
            if waiting_for_locks(lambda: self._schema(db)) != "current":
                waiting_for_locks(lambda: db.execute("BEGIN IMMEDIATE"))  # two runs making the same new file
                try:
                    self._ensure_schema(db)
                    db.execute("COMMIT")
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _schema(db: sqlite3.Connection) -> str:
        """"current", "new" (no tables yet) or "version 1" (to migrate); SchemaMismatch for anything else."""
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "translations" not in tables:
            return "new"
        version = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            version = row[0] if row else None
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(translations)"))
        if version == "1" and columns == COLUMNS[:-1]:
            return "version 1"
        if version != str(SCHEMA_VERSION) or columns != COLUMNS:
            raise SchemaMismatch(f"schema {version or 'unknown'} with columns {', '.join(columns)}; "
                                 f"this brief uses schema {SCHEMA_VERSION}")
        return "current"

    @classmethod
    def _ensure_schema(cls, db: sqlite3.Connection) -> None:
        """Create the tables, migrate a version-1 cache, refuse (SchemaMismatch) anything else."""
        schema = cls._schema(db)
        if schema == "new":
            db.execute(
                "CREATE TABLE translations ("
                " key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, source TEXT NOT NULL,"
                " target TEXT NOT NULL, score REAL, created REAL NOT NULL, parts INTEGER NOT NULL DEFAULT 1)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif schema == "version 1":
            db.execute("ALTER TABLE translations ADD COLUMN parts INTEGER NOT NULL DEFAULT 1")
            db.execute("UPDATE meta SET value = ? WHERE name = 'schema'", (str(SCHEMA_VERSION),))

    def get_many(self, fingerprint: str, sources: list[str]) -> dict[str, Cached]:
        """The cached translation of each source that has one."""
        found: dict[str, Cached] = {}
        if not self.reading:
            return found
        keys = {memory_key(fingerprint, s): s for s in sources}
        items = list(keys)
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = waiting_for_locks(lambda: self.db.execute(
                    f"SELECT key, target, score, parts FROM translations WHERE key IN ({marks})", chunk
                ).fetchall())
            except StayedLocked as error:
                self._stop_using(error)
                return {}
            for key, target, score, parts in rows:
                found[keys[key]] = Cached(target, score, parts)
        return found

    def put_many(self, fingerprint: str, rows: list[tuple[str, str, float | None, int]]) -> None:
        """Store (source, translation, score, parts) rows in one transaction.

        A failed write (disk full, locked past the timeout) is warned about once and storing stops:
        a cache must not stop the run it speeds up."""
        if not self.storing or not rows:
            return
        now = time.time()
        try:
            with self.db:
                waiting_for_locks(lambda: self.db.execute("BEGIN IMMEDIATE"))
                self.db.executemany(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(memory_key(fingerprint, s), fingerprint, s, t, score, now, parts) for s, t, score, parts in rows],
                )
        except StayedLocked as error:
            self.storing = False
            self.warn(f"translation cache {self.path} was {error}: new translations are not stored for the rest "
                      "of this run")
        except sqlite3.OperationalError as error:
            self.storing = False
            self.warn(f"translation cache {self.path}: new translations are not stored for the rest of this run "
                      f"({error})")

    def stats(self) -> dict:
        """Entry counts per engine fingerprint, file size and location."""
        return _stats_of(self.db, self.path)

    def clear(self) -> int:
        """Delete every entry; returns how many there were. OutputError when another process keeps the
        memory locked past the wait (a count of 0 would say it was cleared)."""
        locked = (f"translation cache {self.path} was locked by another process for {LOCK_TIMEOUT_S:g} s; "
                  "try again when it ends")
        if not self.reading:
            raise OutputError(locked)

        def delete() -> int:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                count = self.db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
                self.db.execute("DELETE FROM translations")
            return count

        try:
            count = waiting_for_locks(delete)
        except StayedLocked:
            raise OutputError(locked) from None
        except sqlite3.OperationalError as error:  # e.g. opened read-only on a full disk
            raise OutputError(f"translation cache {self.path} cannot be cleared ({error})") from None
        try:
            waiting_for_locks(lambda: self.db.execute("VACUUM"))
        except sqlite3.OperationalError as error:
            self.warn(f"translation cache {self.path}: cleared, but its file is not made smaller ({error})")
        return count

    def close(self) -> None:
        self.db.close()
