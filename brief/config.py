"""Daily-use settings: `brief.toml` in the working directory (or --config), overridden by the command line."""
from __future__ import annotations

import datetime
import difflib
import math
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from brief.errors import UsageError


def prompts_dir() -> Path:
    """The templates folder: $BRIEF_PROMPTS_DIR, else prompts/ of the source checkout, else the installed copy."""
    override = os.environ.get("BRIEF_PROMPTS_DIR")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    checkout = package.parent / "prompts"
    return checkout if (checkout / "brief.html.j2").is_file() else package / "prompts"

VARIANTS = ("bilingual", "english", "both")
PAPERS = ("a4", "letter")
FORMATS = ("md", "pdf", "html")
FOLLOWUPS = ("mark", "drop")
EARLIEST_DATE = "1990-01-01"  # before the Arabic press was online


def is_iso_date(value) -> bool:
    """Whether `value` is a calendar date written YYYY-MM-DD: Python 3.11 also parses "20240610" and
    "2024-W24-1", but one day must have one spelling, the one that names its files and state entries."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class BuildSettings:
    """Everything `brief build` needs; each field is a brief.toml key, most also a command-line option
    (not max_words, email_from, max_file_mb, max_total_mb: brief.toml only)."""

    sources: list[str] = field(default_factory=list)
    output: str = "out"
    formats: list[str] = field(default_factory=lambda: ["md", "pdf"])
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD; today when unset
    max_points: int = 8
    max_words: int | None = None
    variant: str = "bilingual"
    paper: str = "a4"
    brief_only: bool = False  # translate only what the brief shows; the review page says so
    model: str | None = None
    engine: str = "auto"
    precision: str = "auto"
    device: str = "auto"
    beams: int | None = None
    full_vocabulary: bool = False  # output may use source-side pieces too (to compare; slower)
    cache: bool = True
    glossary: str | None = None
    corrections: str | None = None  # a reviewer's arabic<TAB>english corrections, used instead of the machine's
    new_only: bool = False  # skip articles already in an earlier brief (state file in the output dir)
    followups: str = "mark"  # stories seen before: "mark" them or "drop" them
    email_to: str | None = None
    email_from: str | None = None
    smtp: str | None = None  # HOST:PORT
    max_file_mb: float = 20.0
    max_total_mb: float = 500.0
    quiet: bool = False

    def validate(self) -> None:
        """Raise UsageError naming the first bad setting; one path given as a string is a list of one."""
        if isinstance(self.sources, str):
            self.sources = [self.sources]  # not a path read letter by letter
        if isinstance(self.formats, str):
            self.formats = [f.strip() for f in self.formats.split(",") if f.strip()]
        # Choices are words, not spellings: "--format MD,PDF", "--paper A4", "--engine CTranslate2".
        self.formats = [f.lower() if isinstance(f, str) else f for f in self.formats]
        if isinstance(self.corrections, str) and self.corrections.strip().lower() in ("", "none", "off"):
            self.corrections = None  # as for the glossary: "--corrections none" undoes brief.toml's file
        if isinstance(self.output, str) and not self.output.strip():
            raise UsageError("--output is empty: give a directory, or leave it out for out/")
        if isinstance(self.model, str) and not self.model.strip():
            # (It fell back to BRIEF_MODEL or the hub's model without a word.)
            raise UsageError("--model is empty: give a model directory or a hub id, or leave it out")
        for name in ("variant", "paper", "followups", "engine", "precision", "device"):
            if isinstance(getattr(self, name), str):
                setattr(self, name, getattr(self, name).strip().lower())
        for name, value, allowed in (("variant", self.variant, VARIANTS), ("paper", self.paper, PAPERS),
                                     ("followups", self.followups, FOLLOWUPS)):
            if value not in allowed:
                raise UsageError(f"{name} must be one of {', '.join(allowed)} (got {value!r})")
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise UsageError(f"--format takes a comma list of {', '.join(FORMATS)} (got {','.join(self.formats)!r})")
        if self.title is not None:
            from brief.arabic import strip_invisible

            if not strip_invisible(self.title).strip():
                raise UsageError("--title is blank: give a title, or leave it out for \"Arabic press brief, DATE\"")
        if not 1 <= self.max_points <= 50:
            raise UsageError(f"--max-points must be between 1 and 50 (got {self.max_points})")
        if self.max_words is not None and self.max_words < 1:
            raise UsageError(f"max_words must be 1 or more (got {self.max_words})")
        for name in ("max_file_mb", "max_total_mb"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise UsageError(f"{name} must be a number of megabytes above 0 (got {value!r})")
        from brief.translate import TranslateOptions  # (no heavy import: the engines load later)

        TranslateOptions(engine=self.engine, precision=self.precision, device=self.device,
                         beams=self.beams).validate()
        if self.date is not None and not is_iso_date(self.date):
            shaped = isinstance(self.date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date)
            raise UsageError(f"--date {self.date} is no day of the calendar" if shaped
                             else f"--date must be YYYY-MM-DD (got {self.date!r})")
        if self.date is not None:
            # A brief's date is recorded as the day its articles were briefed: a slip of a digit would
            # mark them as told (or not yet told) for years.
            tomorrow = datetime.date.today() + datetime.timedelta(days=1)
            if not EARLIEST_DATE <= self.date <= tomorrow.isoformat():
                raise UsageError(f"--date {self.date} is not a plausible day for a brief (from {EARLIEST_DATE} "
                                 f"to tomorrow, {tomorrow.isoformat()})")
        # Mail settings are checked before any work: a bad one used to surface after the whole run.
        if self.email_to or self.email_from or self.smtp:
            from brief.errors import MailError
            from brief.mail import check_mail_settings

            try:
                check_mail_settings(self.email_to, self.email_from, self.smtp)
            except MailError as error:
                raise UsageError(str(error)) from None


# brief.toml may group keys in tables; these map to flat field names.
_TABLES = {"email": {"to": "email_to", "from": "email_from", "smtp": "smtp"},
           "translation": {"model": "model", "engine": "engine", "precision": "precision", "device": "device",
                           "beams": "beams", "full_vocabulary": "full_vocabulary", "cache": "cache",
                           "glossary": "glossary", "corrections": "corrections"}}


# How a message names a setting whose option is not --KEY, and how brief.toml spells the key.
_SAID_AS = {"formats": ("--format",), "email_to": ("--eml",), "email_from": ("[email] from",)}
_KEY_IN_FILE = {f"{field}": f"[{table}] {key}" for table, keys in _TABLES.items() if table == "email"
                for key, field in keys.items()}


class ConfigValues(dict):
    """Settings read from brief.toml, and the file they came from (`file`), to name it in a message."""

    file: Path | None = None


def load_config(path: str | None) -> dict:
    """Read brief.toml (explicit path, else ./brief.toml if present) into BuildSettings field values."""
    file = Path(path) if path else Path("brief.toml")
    if not file.exists():
        if path:
            raise UsageError(f"{path}: config file not found")
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))  # Windows editors may write a BOM
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{file}: not a valid TOML config ({error})") from None
    known = {f.name for f in fields(BuildSettings)}
    values = ConfigValues()
    values.file = file
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            for sub, sub_value in value.items():
                if sub not in _TABLES[key]:
                    raise UsageError(f"{file}: unknown setting [{key}] {sub}")
                values[_TABLES[key][sub]] = sub_value
        elif key in _TABLES:
            raise UsageError(f"{file}: [{key}] is a table of settings ({', '.join(_TABLES[key])}), not a value: "
                             f"write them under a line [{key}]")
        elif key.replace("-", "_") in known:
            values[key.replace("-", "_")] = value
        else:
            close = difflib.get_close_matches(key.replace("-", "_"), sorted(known | set(_TABLES)), n=1)
            raise UsageError(f"{file}: unknown setting {key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    annotations = {f.name: f.type for f in fields(BuildSettings)}
    for key, value in values.items():
        values[key] = _checked(file, key, value, annotations[key])
    base = file.parent
    if "sources" in values:
        values["sources"] = [str(base / s) if not Path(s).is_absolute() and s != "-" else s for s in values["sources"]]
    for key in ("output", "glossary", "corrections"):
        if key in ("glossary", "corrections") and isinstance(values.get(key), str) and (
                values[key].strip().lower() in ("", "none", "off")):
            continue  # the word that turns it off, not a file beside the config
        if isinstance(values.get(key), str) and not Path(values[key]).is_absolute():
            values[key] = str(base / values[key])
    # A model is a directory beside the config like the files above, or a hub id ("Helsinki-NLP/opus-mt-ar-en"):
    # a relative path that is there, or says it is a path, is read from the config's folder (a cron job's
    # working directory held another model of that name, used without a word).
    model = values.get("model")
    if isinstance(model, str) and model.strip() and not Path(model).is_absolute() and (
            (base / model).exists() or model.startswith(("./", "../", ".\\", "..\\"))):
        values["model"] = str(base / model)
    return values


def _checked(file: Path, key: str, value, annotation: str):
    """A config value of the type its setting takes (TOML has its own types: 5 is not "5")."""
    kind = annotation.split(" | ")[0]
    if key == "date" and isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()  # date = 2024-06-10 unquoted is a TOML date
    if kind == "list[str]":
        if isinstance(value, str):
            value = [value]  # sources = "inbox": one is a list of one
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        wanted = "a list of strings"
    elif kind == "float":
        ok, wanted = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
        value = float(value) if ok else value
    else:
        python = {"str": str, "int": int, "bool": bool}[kind]
        ok = isinstance(value, python) and (python is bool or not isinstance(value, bool))
        wanted = {"str": "a string", "int": "a whole number", "bool": "true or false"}[kind]
    if not ok:
        raise UsageError(f"{file}: setting {key} must be {wanted} (got {value!r})")
    return value


def merge_translation_settings(config: dict, overrides: dict) -> BuildSettings:
    """The translation settings (`[translation]` in brief.toml) then the command line's, the rest left at
    their defaults: `brief translate` and `brief qa` translate and check as `brief build` does."""
    picked = ConfigValues({key: value for key, value in config.items() if key in _TABLES["translation"].values()})
    picked.file = getattr(config, "file", None)
    return merge_settings(picked, overrides)


def merge_settings(config: dict, overrides: dict) -> BuildSettings:
    """Config file values, then command-line values that were given (not None)."""
    values = dict(config)
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        settings = BuildSettings(**values)
    except TypeError as error:
        raise UsageError(f"bad setting: {error}") from None
    try:
        settings.validate()
    except UsageError as error:
        # A value from brief.toml is checked under its option's name; say where it was set.
        message = str(error)
        from_file = [key for key in config if overrides.get(key) is None and any(
            f"{name} " in message or message.startswith(f"{name} ") for name in _SAID_AS.get(
                key, (f"--{key.replace('_', '-')}", key)))]
        if from_file and getattr(config, "file", None):
            raise UsageError(f"{message} (set as {_KEY_IN_FILE.get(from_file[0], from_file[0])} in {config.file})") from None
        raise
    return settings
