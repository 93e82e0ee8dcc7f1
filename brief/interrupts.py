"""Ctrl-C safety: hold an interrupt where it is not safe, and know one when Python has wrapped it."""
from __future__ import annotations

import importlib
import signal
import threading
from contextlib import contextmanager
from types import ModuleType


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def interrupts_held():
    """Hold a Ctrl-C (or a SIGTERM) until the block ends, then deliver it there as usual.

    While a native library imports, an interrupt is not safe: one that lands in a pybind11 module's
    initialisation (ctranslate2, torch) can abort the process as a C++ exception, and one that lands in a
    callback of the import system is printed as a traceback and dropped. Renaming a set of outputs into
    place must not stop half way either. Only the main thread can hold signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: held.append(signum)) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            # None: a handler Python did not install (an embedding program); the default is all that can be restored.
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for number in dict.fromkeys(held):
            signal.raise_signal(number)  # the usual handler, now that it is safe


def import_held(name: str) -> ModuleType:
    """Import a heavy library (torch, transformers, ctranslate2, WeasyPrint) with Ctrl-C held meanwhile."""
    with interrupts_held():
        return importlib.import_module(name)


def is_interrupt(error: BaseException) -> bool:
    """Whether `error` is a Ctrl-C, or was caused by one.

    Python wraps a KeyboardInterrupt raised inside some machinery in another exception (Python 3.11: a
    RuntimeError "Error calling __set_name__" when it lands while a class is created, as on importing a
    library); our own errors raised while handling one keep it as their context."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def raise_if_interrupted(error: BaseException) -> None:
    """In a catch-all handler: a Ctrl-C in disguise is raised as the interrupt it is, not reported as a
    bad file, a missing model or a bug, and the run does not go on."""
    if is_interrupt(error):
        raise KeyboardInterrupt from error


class InterruptedAfterWriting(KeyboardInterrupt):
    """An interrupt that came once the outputs were written: its message says what was and was not done
    (an interrupt before that leaves the earlier outputs as they were); `outputs` lists the files."""

    def __init__(self, message: str, outputs: list[str] | None = None):
        super().__init__(message)
        self.outputs = outputs or []
        self.inputs: list[dict] = []  # each input's fate, as the run report gives it (set by the build)
