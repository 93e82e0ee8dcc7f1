import multiprocessing
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from brief import memory as memory_module
from brief.errors import OutputError
from brief.memory import TranslationMemory, cache_root


def test_round_trip_returns_identical_strings(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite3")
    rows = [("مرحبا بالعالم", "Hello world", -0.2, 1), ("وصل بوتين", "Putin arrived", None, 3)]
    memory.put_many("fp", rows)
    got = memory.get_many("fp", ["مرحبا بالعالم", "وصل بوتين", "غير موجود"])
    assert got == {"مرحبا بالعالم": ("Hello world", -0.2, 1), "وصل بوتين": ("Putin arrived", None, 3)}
    # Another engine fingerprint is another namespace.
    assert memory.get_many("other", ["مرحبا بالعالم"]) == {}
    assert memory.stats()["entries"] == 2
    assert memory.clear() == 2
    assert memory.get_many("fp", ["مرحبا بالعالم"]) == {}


def test_corrupt_cache_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "tm.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    warnings = []
    memory = TranslationMemory(path, warn=warnings.append)
    memory.put_many("fp", [("a", "b", None, 1)])
    assert memory.get_many("fp", ["a"]) == {"a": ("b", None, 1)}
    assert memory.set_aside is not None and memory.set_aside.exists()
    assert warnings and "set aside" in warnings[0]


def test_two_corrupt_caches_set_aside_in_the_same_second_keep_both_copies(tmp_path, monkeypatch):
    path = tmp_path / "tm.sqlite3"
    monkeypatch.setattr(memory_module.time, "time", lambda: 1_700_000_000.0)  # the same second, twice
    copies = []
    for garbage in (b"first unreadable cache" * 100, b"second unreadable cache" * 100):
        path.write_bytes(garbage)
        memory = TranslationMemory(path)
        copies.append(memory.set_aside)
        memory.close()
        path.unlink()
    assert copies[0] != copies[1]
    assert [copy.read_bytes() for copy in copies] == [b"first unreadable cache" * 100, b"second unreadable cache" * 100]


def _writer(path, worker):
    memory = TranslationMemory(path)
    for batch in range(20):
        memory.put_many("fp", [(f"s{worker}-{batch}-{i}", f"t{worker}-{batch}-{i}", None, 1) for i in range(25)])
    memory.close()


def test_concurrent_writers_keep_the_cache_intact(tmp_path):
    path = tmp_path / "tm.sqlite3"
    TranslationMemory(path).close()
    workers = [multiprocessing.Process(target=_writer, args=(path, w)) for w in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == 3 * 20 * 25


def test_cache_root_honours_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "c"))
    assert cache_root() == tmp_path / "c"
    monkeypatch.delenv("BRIEF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "brief"


def test_a_cache_that_cannot_be_opened_is_an_error_naming_it_not_set_aside(tmp_path, monkeypatch):
    def cannot_open(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")  # e.g. a read-only shared cache

    monkeypatch.setattr(sqlite3, "connect", cannot_open)
    with pytest.raises(OutputError, match="translations.sqlite3 cannot be opened .*--no-cache"):
        TranslationMemory(tmp_path / "translations.sqlite3")
    assert list(tmp_path.iterdir()) == []  # nothing was set aside as if corrupt


def test_corrupt_cache_that_cannot_be_set_aside_is_an_error_naming_the_directory(tmp_path, monkeypatch):
    path = tmp_path / "translations.sqlite3"
    path.write_bytes(b"this is not a database" * 100)

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(memory_module.os, "replace", read_only)
    with pytest.raises(OutputError) as error:
        TranslationMemory(path)
    message = str(error.value)
    assert f"cache directory {tmp_path}" in message and "BRIEF_CACHE_DIR" in message and "\n" not in message


def test_a_full_disk_stops_storing_not_the_run_and_warns_once(tmp_path):
    warnings = []
    memory = TranslationMemory(tmp_path / "tm.sqlite3", warn=warnings.append)
    memory.put_many("fp", [("kept", "stored before the disk filled", None, 1)])
    pages = memory.db.execute("PRAGMA page_count").fetchone()[0]
    memory.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite then fails as on a full disk
    memory.put_many("fp", [(f"source {i} " * 40, "target " * 40, None, 1) for i in range(200)])
    memory.put_many("fp", [("later", "also not stored", None, 1)])
    assert len(warnings) == 1 and "not stored" in warnings[0] and "full" in warnings[0]
    assert memory.get_many("fp", ["kept", "later"]) == {"kept": ("stored before the disk filled", None, 1)}


@pytest.mark.parametrize("stored_before", [True, False])
def test_a_disk_too_full_to_open_the_memory_for_writing_still_serves_it(tmp_path, monkeypatch, stored_before):
    path = tmp_path / "tm.sqlite3"
    if stored_before:
        memory = TranslationMemory(path)
        memory.put_many("fp", [("kept", "stored before the disk filled", None, 1)])
        memory.close()

    def full(self):  # the write-ahead log cannot be created: SQLite's own words for it
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(TranslationMemory, "_open", full)
    warnings = []
    memory = TranslationMemory(path, warn=warnings.append)
    assert len(warnings) == 1 and "disk is full" in warnings[0] and "not stored" in warnings[0]
    memory.put_many("fp", [("new", "not stored", None, 1)])
    expected = {"kept": ("stored before the disk filled", None, 1)} if stored_before else {}
    assert memory.get_many("fp", ["kept", "new"]) == expected
    memory.close()


def test_cache_with_another_schema_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "tm.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, source TEXT, target TEXT, score REAL, created REAL)")
    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    db.commit()
    db.close()
    warnings = []
    memory = TranslationMemory(path, warn=warnings.append)
    memory.put_many("fp", [("a", "b", -0.5, 1)])
    assert memory.get_many("fp", ["a"]) == {"a": ("b", -0.5, 1)}
    assert memory.set_aside is not None and memory.set_aside.exists()
    assert len(warnings) == 1 and "schema" in warnings[0] and "set aside" in warnings[0]


def test_version_1_cache_keeps_its_entries(tmp_path):
    path = tmp_path / "tm.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, source TEXT NOT NULL,"
               " target TEXT NOT NULL, score REAL, created REAL NOT NULL)")
    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', '1')")
    db.execute("INSERT INTO translations VALUES (?, 'fp', 'a', 'b', -0.5, 0)", (memory_module.memory_key("fp", "a"),))
    db.commit()
    db.close()
    warnings = []
    memory = TranslationMemory(path, warn=warnings.append)
    assert memory.get_many("fp", ["a"]) == {"a": ("b", -0.5, 1)}
    assert not warnings and memory.set_aside is None
    memory.close()
    assert TranslationMemory(path).get_many("fp", ["a"]) == {"a": ("b", -0.5, 1)}


def test_without_warn_the_memory_prints_nothing(tmp_path, capfd):
    # --quiet passes warn=None: a cron job's stderr stays empty.
    path = tmp_path / "tm.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    memory = TranslationMemory(path, warn=None)
    assert memory.set_aside is not None
    assert capfd.readouterr().err == ""


def test_cache_stats_and_clear_from_the_command_line(tmp_path):
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    def brief(*args):
        return subprocess.run([sys.executable, "-m", "brief", "cache", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    asked = brief("stats")
    assert asked.returncode == 0 and json.loads(asked.stdout)["entries"] == 0
    assert not (tmp_path / "cache" / "translations.sqlite3").exists()  # asking creates nothing
    memory = TranslationMemory(tmp_path / "cache" / "translations.sqlite3")
    memory.put_many("fp", [("مرحبا", "hello", None, 1), ("شكرا", "thanks", None, 1)])
    stats = json.loads(brief("stats").stdout)
    assert stats["entries"] == 2 and stats["bytes"] > 0 and stats["fingerprints"] == [{"fingerprint": "fp", "entries": 2}]
    memory.close()
    cleared = brief("clear")
    assert cleared.returncode == 0 and cleared.stdout.strip() == "removed 2 cached translations"
    assert json.loads(brief("stats").stdout)["entries"] == 0


def _brief_cache(tmp_path, *args):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "brief", "cache", *args], capture_output=True, text=True,
                          env={**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}, timeout=120)


def _unreadable_cache(tmp_path) -> Path:
    (tmp_path / "cache").mkdir()
    path = tmp_path / "cache" / "translations.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    return path


def test_cache_stats_on_an_unreadable_cache_says_so_and_changes_nothing(tmp_path):
    import json

    path = _unreadable_cache(tmp_path)
    asked = _brief_cache(tmp_path, "stats")
    assert asked.returncode == 0, asked.stderr
    stats = json.loads(asked.stdout)
    assert stats["entries"] is None and stats["bytes"] == 2200 and "not a database" in stats["unreadable"]
    assert "cannot be read" in asked.stderr and len(asked.stderr.strip().splitlines()) == 1
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["translations.sqlite3"]  # nothing set aside or made
    assert path.read_bytes() == b"this is not a database" * 100


def test_cache_clear_on_an_unreadable_cache_says_it_set_it_aside(tmp_path):
    import json

    _unreadable_cache(tmp_path)
    cleared = _brief_cache(tmp_path, "clear")
    assert cleared.returncode == 0, cleared.stderr
    copies = list((tmp_path / "cache").glob("translations.sqlite3.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == b"this is not a database" * 100
    assert "removed" not in cleared.stdout and f"set aside as {copies[0]}" in cleared.stdout
    assert json.loads(_brief_cache(tmp_path, "stats").stdout)["entries"] == 0


def test_cache_clear_while_another_run_holds_the_lock_is_an_error_not_a_count(tmp_path, monkeypatch):
    from brief.memory import TranslationMemory as Memory

    path = tmp_path / "translations.sqlite3"
    memory = Memory(path)
    memory.put_many("fp", [("a", "b", None, 1)])
    memory.close()
    monkeypatch.setattr(memory_module, "LOCK_TIMEOUT_S", 0.2)
    holder = _hold_the_write_lock(path)
    try:
        memory = Memory(path)
        with pytest.raises(OutputError, match="locked by another process .* try again when it ends"):
            memory.clear()
        memory.close()
    finally:
        _release(holder)
    assert Memory(path).get_many("fp", ["a"]) == {"a": ("b", None, 1)}
    new = tmp_path / "new.sqlite3"
    holder = _hold_the_write_lock(new)  # its tables cannot be made: `brief cache clear` says so, not "removed 0"
    try:
        with pytest.raises(OutputError, match="locked by another process .* try again when it ends"):
            Memory(new, go_on_when_locked=False)
    finally:
        _release(holder)


def _hold_the_write_lock(path):
    """Another run mid-write: a connection of its own holding the write lock until it is rolled back."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def _release(holder):
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.parametrize("waiting_in", ["open", "store"])
def test_ctrl_c_acts_promptly_while_another_run_holds_the_lock(tmp_path, monkeypatch, waiting_in):
    path = tmp_path / "translations.sqlite3"
    monkeypatch.setattr(memory_module, "LOCK_TIMEOUT_S", 5.0)
    memory = TranslationMemory(path) if waiting_in == "store" else None
    holder = _hold_the_write_lock(path)  # "open": a new cache, its tables not yet made; "store": a write
    main = threading.main_thread().ident
    ctrl_c = threading.Timer(0.3, signal.pthread_kill, (main, signal.SIGINT))
    started = time.monotonic()
    ctrl_c.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            if memory is None:
                TranslationMemory(path)
            else:
                memory.put_many("fp", [("a", "b", None, 1)])
        assert time.monotonic() - started < 0.3 + 0.5
    finally:
        ctrl_c.cancel()
        _release(holder)
        if memory is not None:
            memory.close()


def test_a_memory_locked_past_the_wait_lets_the_run_go_on_without_it(tmp_path, monkeypatch):
    path = tmp_path / "translations.sqlite3"
    holder = _hold_the_write_lock(path)  # a new cache another process holds: its tables cannot be made
    monkeypatch.setattr(memory_module, "LOCK_TIMEOUT_S", 0.2)
    warnings = []
    try:
        memory = TranslationMemory(path, warn=warnings.append)
        assert memory.get_many("fp", ["a"]) == {}
        memory.put_many("fp", [("a", "b", None, 1)])
        assert memory.get_many("fp", ["a"]) == {}
        memory.close()
    finally:
        _release(holder)
    assert len(warnings) == 1 and "locked" in warnings[0] and "without" in warnings[0] and "\n" not in warnings[0]


def test_a_memory_another_run_is_writing_to_opens_and_reads_without_waiting(tmp_path, monkeypatch):
    path = tmp_path / "translations.sqlite3"
    memory = TranslationMemory(path)
    memory.put_many("fp", [("a", "b", None, 1)])
    memory.close()
    monkeypatch.setattr(memory_module, "LOCK_TIMEOUT_S", 5.0)
    holder = _hold_the_write_lock(path)
    warnings = []
    started = time.monotonic()
    try:
        memory = TranslationMemory(path, warn=warnings.append)
        assert memory.get_many("fp", ["a"]) == {"a": ("b", None, 1)}
        assert time.monotonic() - started < 1.0 and not warnings
    finally:
        _release(holder)
    memory.put_many("fp", [("c", "d", None, 1)])  # once the other write ends, storing goes on
    assert memory.get_many("fp", ["c"]) == {"c": ("d", None, 1)} and not warnings
    memory.close()


def test_reads_locked_past_the_wait_miss_and_storing_stops_with_one_warning(tmp_path, monkeypatch):
    memory = TranslationMemory(tmp_path / "translations.sqlite3")
    memory.put_many("fp", [("a", "b", None, 1)])
    real = memory.db

    class Locked:  # what SQLite answers while another process holds the memory locked for reading
        def execute(self, sql, *args):
            if sql.startswith(("SELECT", "BEGIN")):
                raise sqlite3.OperationalError("database is locked")
            return real.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(real, name)

    memory.db = Locked()
    monkeypatch.setattr(memory_module, "LOCK_TIMEOUT_S", 0.2)
    warnings = []
    memory.warn = warnings.append
    assert memory.get_many("fp", ["a"]) == {}
    started = time.monotonic()
    assert memory.get_many("fp", ["a"]) == {}  # no second wait
    memory.put_many("fp", [("c", "d", None, 1)])
    assert time.monotonic() - started < 0.1
    assert len(warnings) == 1 and "locked" in warnings[0] and "goes on without it" in warnings[0]
    real.close()


def test_cache_stats_leaves_a_pending_write_ahead_log_where_it_is(tmp_path):
    import hashlib
    import subprocess
    import sys

    (tmp_path / "cache").mkdir()
    path = tmp_path / "cache" / "translations.sqlite3"
    memory = TranslationMemory(path)
    memory.put_many("fp", [("مرحبا", "hello", None, 1)])
    memory.close()
    # Another run killed outright with rows only in its log.
    subprocess.run([sys.executable, "-c", (
        "import os, sqlite3\n"
        f"d = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "d.execute('PRAGMA wal_autocheckpoint=0')\n"
        "d.execute(\"INSERT INTO translations VALUES ('k', 'fp', 'س', 't', NULL, 0, 1)\")\n"
        "os._exit(0)\n")], check=True)
    def files() -> dict:  # the -shm index is SQLite's scratch, rebuilt by any reader; the data is the rest
        return {p.name: hashlib.md5(p.read_bytes()).hexdigest() for p in (tmp_path / "cache").iterdir()
                if not p.name.endswith("-shm")}

    before = files()
    assert "translations.sqlite3-wal" in before
    asked = _brief_cache(tmp_path, "stats")
    assert asked.returncode == 0 and '"entries": 2' in asked.stdout, asked.stdout + asked.stderr
    assert files() == before


def test_cache_stats_shows_a_damaged_fingerprint_as_it_reads(tmp_path):
    # Bytes overwritten inside a text field pass the integrity check; stats crashed on the JSON.
    path = tmp_path / "tm.sqlite3"
    memory = TranslationMemory(path)
    memory.put_many('{"engine": "ctranslate2"}', [("قال", "said", None, 1)])
    memory.put_many('{"engine": "transformers"}', [("قال", "said", None, 1)])
    memory.close()
    db = sqlite3.connect(path)
    db.execute("""UPDATE translations SET fingerprint = '{"engine" "transformers"}' WHERE fingerprint LIKE '%transformers%'""")
    db.commit()
    db.close()
    stats = memory_module.memory_stats(path)
    assert stats["entries"] == 2
    assert sorted(map(str, (f["fingerprint"] for f in stats["fingerprints"]))) == [
        '{"engine" "transformers"}', "{'engine': 'ctranslate2'}"]


def test_cache_stats_reads_a_memory_on_a_read_only_mount_and_refuses_a_file_for_a_directory(tmp_path, monkeypatch):
    # On a read-only filesystem SQLite could not open the write-ahead-logged file at all ("unable to open
    # database file", exit 2); a file where the cache directory should be said "0 entries", exit 0.
    import os

    (tmp_path / "cache").mkdir()
    path = tmp_path / "cache" / "translations.sqlite3"
    memory = TranslationMemory(path)
    memory.put_many("fp", [("مرحبا", "hello", None, 1)])
    memory.close()
    access = os.access
    monkeypatch.setattr(memory_module.os, "access",
                        lambda p, mode: False if mode == os.W_OK and Path(p) == path.parent else access(p, mode))
    stats = memory_module.memory_stats(path)
    assert stats["entries"] == 1 and "note" not in stats
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cache directory .*file cannot be used \(it is a file, not a directory\)"):
        memory_module.memory_stats(tmp_path / "file" / "translations.sqlite3")


def test_cache_clear_on_an_unopenable_memory_does_not_suggest_going_without_it(tmp_path, monkeypatch):
    # "... set BRIEF_CACHE_DIR to a writable directory, or use --no-cache": no advice for `cache clear`.
    def unopenable(self):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(TranslationMemory, "_open", unopenable)
    with pytest.raises(OutputError) as build:
        TranslationMemory(tmp_path / "m.sqlite3")
    with pytest.raises(OutputError) as clear:
        TranslationMemory(tmp_path / "m.sqlite3", go_on_when_locked=False)
    assert str(build.value).endswith("or use --no-cache") and not str(clear.value).endswith("--no-cache")
