import multiprocessing
import sqlite3

from brief.memory import TranslationMemory, cache_root


def test_round_trip_returns_identical_strings(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite3")
    rows = [("مرحبا بالعالم", "Hello world", -0.2), ("وصل بوتين", "Putin arrived", None)]
    memory.put_many("fp", rows)
    got = memory.get_many("fp", ["مرحبا بالعالم", "وصل بوتين", "غير موجود"])
    assert got == {"مرحبا بالعالم": ("Hello world", -0.2), "وصل بوتين": ("Putin arrived", None)}
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
    memory.put_many("fp", [("a", "b", None)])
    assert memory.get_many("fp", ["a"]) == {"a": ("b", None)}
    assert memory.set_aside is not None and memory.set_aside.exists()
    assert warnings and "set aside" in warnings[0]


def _writer(path, worker):
    memory = TranslationMemory(path)
    for batch in range(20):
        memory.put_many("fp", [(f"s{worker}-{batch}-{i}", f"t{worker}-{batch}-{i}", None) for i in range(25)])
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
    import pytest

    from brief.errors import OutputError

    def cannot_open(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")  # e.g. a read-only shared cache

    monkeypatch.setattr(sqlite3, "connect", cannot_open)
    with pytest.raises(OutputError, match="translations.sqlite3 cannot be opened .*--no-cache"):
        TranslationMemory(tmp_path / "translations.sqlite3")
    assert list(tmp_path.iterdir()) == []  # nothing was set aside as if corrupt
