"""Ctrl-C safety: an interrupt Python wrapped in another exception is still an interrupt."""
from __future__ import annotations

import pytest
import typer

from brief.errors import InputError, ModelError
from brief.interrupts import is_interrupt, raise_if_interrupted


class _InterruptOnSetName:
    def __set_name__(self, owner, name):
        raise KeyboardInterrupt


def _interrupt_while_a_class_is_created() -> BaseException:
    """What a Ctrl-C that lands while a library defines a class becomes (Python 3.11: a RuntimeError)."""
    try:
        type("Mount", (), {"_raw": _InterruptOnSetName()})
    except BaseException as error:  # noqa: BLE001
        return error
    raise AssertionError("the class was created")


def test_an_interrupt_wrapped_by_python_is_an_interrupt():
    wrapped = _interrupt_while_a_class_is_created()
    assert is_interrupt(wrapped)
    try:
        try:
            raise wrapped
        except BaseException:
            raise ModelError("model x: tokenizer files cannot be loaded") from None  # as the catch-alls do
    except ModelError as reported:
        assert is_interrupt(reported)  # the context survives `from None`
    with pytest.raises(KeyboardInterrupt):
        raise_if_interrupted(wrapped)


def test_other_errors_are_not_interrupts():
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            raise InputError("a.txt", "HTML could not be parsed (ValueError)") from None
    except InputError as error:
        assert not is_interrupt(error)
        raise_if_interrupted(error)  # returns: not an interrupt
    loop = RuntimeError("a")
    loop.__context__ = RuntimeError("b")
    loop.__context__.__context__ = loop  # a cycle must not hang the walk
    assert not is_interrupt(loop)


def test_html_ingest_does_not_report_an_interrupt_as_a_bad_file(monkeypatch):
    import trafilatura

    from brief.ingest import extract_html

    def interrupted(*args, **kwargs):
        raise _interrupt_while_a_class_is_created()

    monkeypatch.setattr(trafilatura, "bare_extraction", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract_html("<html><body><p>نص</p></body></html>", "page.html")


def test_the_cli_says_interrupted_for_a_wrapped_interrupt_and_an_error_raised_while_handling_one(capsys):
    from brief.cli import user_errors
    from brief.errors import EXIT_INTERRUPTED

    def wrapped():
        raise _interrupt_while_a_class_is_created()

    def reported():
        try:
            wrapped()
        except Exception:
            raise ModelError("translation model x is not available") from None

    for command in (wrapped, reported):
        with pytest.raises(typer.Exit) as leaving:
            user_errors(command)()
        assert leaving.value.exit_code == EXIT_INTERRUPTED
        assert capsys.readouterr().err == "brief: interrupted; earlier outputs are left as they were\n"


@pytest.mark.parametrize("after_writing", [False, True])
def test_an_interrupted_build_prints_a_whole_report_with_json(monkeypatch, tmp_path, after_writing):
    # It printed nothing when interrupted before writing, and no exit_code nor inputs after.
    import json

    from typer.testing import CliRunner

    import brief.pipeline as pipeline
    from brief.cli import app
    from brief.interrupts import InterruptedAfterWriting

    def interrupted(settings, **kwargs):
        if after_writing:
            stop = InterruptedAfterWriting("interrupted once today's outputs were written", [str(tmp_path / "b.md")])
            stop.inputs = [{"file": "a.txt", "status": "used"}]
            raise stop
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build", interrupted)
    (tmp_path / "a.txt").write_text("وصل الرئيس.", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path), "--json"])
    assert result.exit_code == 130
    report = json.loads(result.stdout)
    assert report["interrupted"] is True and report["exit_code"] == 130
    assert report["inputs"] == ([{"file": "a.txt", "status": "used"}] if after_writing else [])
    assert report["outputs"] == ([str(tmp_path / "b.md")] if after_writing else [])
