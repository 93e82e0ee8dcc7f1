"""Atomic writes: a reader sees the old files or the new ones, never half, never a mix."""
from __future__ import annotations

import pytest

from brief.atomic import write_all_atomic, write_atomic


class _InterruptedText(str):
    def encode(self, *args, **kwargs):
        raise KeyboardInterrupt  # a Ctrl-C while this file is written


@pytest.mark.parametrize("bad, error", [(_InterruptedText("new review"), KeyboardInterrupt), (None, TypeError)],
                         ids=["interrupted", "failed"])
def test_a_set_fails_whole_leaving_every_old_file_and_no_temp_file(tmp_path, bad, error):
    brief, review = tmp_path / "brief.md", tmp_path / "review.html"
    write_atomic(brief, "old brief")
    write_atomic(review, "old review")
    with pytest.raises(error):
        write_all_atomic([(brief, "new brief"), (tmp_path / "brief.pdf", b"%PDF new"), (review, bad)])
    assert brief.read_text() == "old brief" and review.read_text() == "old review"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "review.html"]


def test_a_set_is_written_whole(tmp_path):
    written = write_all_atomic([(tmp_path / "a" / "x.md", "x"), (tmp_path / "y.pdf", b"y")])
    assert [p.read_bytes() for p in written] == [b"x", b"y"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "x.md", "y.pdf"]


def test_a_name_to_set_aside_under_is_new_and_claimed(tmp_path):
    from brief.atomic import claim_aside_name

    path = tmp_path / "state.json"
    names = [claim_aside_name(path, "unreadable") for _ in range(3)]
    assert len(set(names)) == 3 and all(n.exists() and n.read_bytes() == b"" for n in names)
    assert all(n.name.startswith("state.json.unreadable-") for n in names)
