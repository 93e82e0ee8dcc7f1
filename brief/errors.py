"""One exception hierarchy; the CLI turns each into a one-line message and an exit code."""
from __future__ import annotations

# Exit codes (documented in README.md).
EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug: please report it
EXIT_USAGE = 2  # bad option, bad config, missing or incomplete model
EXIT_PARTIAL = 3  # brief written, but some inputs were skipped
EXIT_NOTHING = 4  # no usable input: nothing written
EXIT_BUSY = 5  # another run holds the output directory
EXIT_INTERRUPTED = 130


class BriefError(Exception):
    """Base of every error meant for the user; `exit_code` says how the CLI exits."""

    exit_code = EXIT_INTERNAL


class UsageError(BriefError):
    """A bad option, argument or configuration value."""

    exit_code = EXIT_USAGE


class ModelError(BriefError):
    """The translation model is missing, incomplete or unusable."""

    exit_code = EXIT_USAGE


class InputError(BriefError):
    """One input file cannot be used; the run goes on with the others."""

    exit_code = EXIT_NOTHING

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class NotAnInput(InputError):
    """A file that is no article by design, brief's own output: passed over, not counted as skipped."""


class NoUsableInput(BriefError):
    """Every input was skipped (or none was given); `inputs` holds each one's fate for the run report."""

    exit_code = EXIT_NOTHING

    def __init__(self, message: str, inputs: list[dict] | None = None):
        super().__init__(message)
        self.inputs = inputs or []


class RunLocked(BriefError):
    """Another run holds the output directory's lock."""

    exit_code = EXIT_BUSY


class OutputError(BriefError):
    """A directory brief writes to (the output directory, its cache) cannot be created or written."""

    exit_code = EXIT_USAGE


class RenderError(BriefError):
    """An output could not be rendered (e.g. the PDF engine failed)."""

    exit_code = EXIT_INTERNAL


class MailError(BriefError):
    """The e-mail could not be built or sent."""

    exit_code = EXIT_USAGE
