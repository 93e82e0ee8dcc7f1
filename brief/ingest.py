"""Input files to decoded documents: find the files, decode them, pull HTML's main content and metadata."""
from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from html import unescape
from urllib.parse import urljoin, urlsplit

from brief.arabic import arabic_letter_count, arabic_share, tokens
from brief.dates import parse_date
from brief.errors import InputError, NotAnInput
from brief.interrupts import import_held, raise_if_interrupted
from brief.models import InputFile, RawDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".mhtml", ".mht")
HTML_SUFFIXES = (".html", ".htm")
MHTML_SUFFIXES = (".mhtml", ".mht")  # a browser's "Web page, single file": the page and its parts in MIME
# Saved articles in formats brief does not read: named in the report rather than passed over in silence.
_UNREAD_DOCUMENTS = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".webarchive", ".epub", ".pages")
# "Web page, complete" saves X.html with its images, scripts and frames in a folder beside it, named by
# the browser's language.
_SAVED_PAGE_FOLDERS = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_file", "-bestanden", "_bestanden")
MIN_ARABIC_LETTERS = 20  # fewer than this is a caption or a stray word, not an article

# File signatures of the binary formats people most often mistake for text.
_MAGIC = (
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office document"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"{\\rtf", "RTF document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<article|<!--)", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']([^"'>\s]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.I)  # browsers' mark of origin
_OG_URL = re.compile(
    r"""<meta\b(?=[^>]*\bproperty\s*=\s*["']og:url["'])[^>]*\bcontent\s*=\s*["']([^"'>\s]+)""", re.I)
_HOME_PAGE = re.compile(r"https?://[^/?#]+/?(?:[?#].*)?$", re.I)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Control characters in a text are never article text; a terminal escape among them would drive the
# terminal that `brief inspect` prints to. Each becomes a space (tab and newline stay).
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A terminal's colour or title sequence copied with the text ("\x1b[31m"): without its ESC the rest, "[31m",
# reached a key point.
_TERMINAL_SEQUENCE = re.compile("\x1b(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\))")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # libxml2 refuses a string holding these
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")  # lxml refuses a str that declares its own encoding
_SELF_CLOSED_HTML = re.compile(r"(<html\b[^>]*?)\s*/>", re.I)  # libxml2 would close the page at its start
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)",
                           re.I)
# What brief writes into its output directory, which may be the inbox itself (-o equal to the inbox).
EARLIER_OUTPUT = "an output of an earlier run"  # the reason given for one, as the report and messages say it
_OWN_OUTPUT = re.compile(r"^(brief|review)-\d{4}-\d{2}-\d{2}(\.en)?\.(md|html|pdf|eml)$", re.I)
# The signature brief prints in every brief's footer and review page: an old output folder inside the
# inbox holds them, and a brief is no article.
_OWN_OUTPUT_REASON = "a brief or review page that brief wrote (its signature is in it), not an article"
_OWN_SIGNATURE = re.compile(r"(?m)^brief \d+\.\d+\.\d+\S* · model |<meta name=\"generator\" content=\"brief \d+\.\d+")
_PROSE_RUN = 60  # characters: a text run at least this long is prose, not a menu item or a button
_MAX_HTML_DEPTH = 2048  # libxml2's nesting limit, even for a huge tree


@dataclass
class IngestLimits:
    """Per-file and whole-run size limits, in bytes."""

    max_file_bytes: int = 20_000_000
    max_total_bytes: int = 500_000_000


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.3g} MB"  # 20 MB, 1.75 MB, 0.05 MB: a limit as it was set


def discover(sources: list[str], outputs: str | None = None) -> tuple[list[str], list[InputFile]]:
    """Expand files and directories (sorted; '-' is stdin) into candidate paths and records of what cannot be used.

    A directory walk never enters `outputs`, brief's own output directory: yesterday's brief is no input."""
    candidates: list[str] = []
    skipped: list[InputFile] = []
    seen: dict[str, str] = {}  # real path -> the path it was first found as

    def add(path: str) -> None:
        key = os.path.realpath(path) if path != "-" else "-"
        if key not in seen:
            seen[key] = path
            candidates.append(path)
        elif path != seen[key] or path == "-":
            # A link to a file read already, or a file named twice: read once, and the report says so.
            skipped.append(InputFile(path, "ignored", f"the same file as {seen[key]}, read once"))

    for source in sources:
        if source == "-":
            add("-")
            continue
        if os.path.islink(source) and not os.path.exists(source):
            skipped.append(InputFile(source, "skipped", _link_problem(source)))
            continue
        if not os.path.exists(source):
            skipped.append(InputFile(source, "skipped", "no such file or directory"))
            continue
        if os.path.isdir(source):
            found: list[str] = []  # (files already found under another argument count: "base base/")

            def add_found(path: str) -> None:
                found.append(path)
                add(path)

            _walk(source, add_found, skipped, {os.path.realpath(source)}, os.path.realpath(outputs) if outputs else None)
            if not found:
                skipped.append(InputFile(source, "skipped",
                                         "directory has no usable files (.txt, .md, .html, .htm, .mhtml, .mht)"))
            continue
        if not os.access(source, os.R_OK):
            skipped.append(InputFile(source, "skipped", "permission denied"))
            continue
        add(source)  # an explicitly named file is tried whatever its extension; reading sniffs it
    return candidates, skipped


def _link_problem(path: str) -> str:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == 40:  # ELOOP
            return "symbolic link loop"
    return "broken symbolic link (its target does not exist)"


def _walk(directory: str, add, skipped: list[InputFile], ancestors: set[str], outputs: str | None) -> None:
    """Depth-first, sorted; follows directory links but never into a directory it is already inside."""
    try:
        names = sorted(os.listdir(directory))
    except OSError as error:
        skipped.append(InputFile(directory, "skipped", f"cannot list directory: {error.strerror or error}"))
        return
    lowered = {name.lower() for name in names}
    if outputs and os.path.realpath(directory) == outputs:
        # Yesterday's brief is no input, and the report still accounts for it.
        for name in names:
            if _OWN_OUTPUT.match(name):
                skipped.append(InputFile(os.path.join(directory, name), "ignored",
                                         f"{EARLIER_OUTPUT} in the output directory, not an article"))
        names = [name for name in names if not _OWN_OUTPUT.match(name)]
    for name in names:
        if name.startswith("."):
            # Hidden files and folders are the system's, a tool's (.git, an editor's swap file) or brief's own
            # (its lock, its state), never the day's articles; a hidden file named on the command line is read.
            continue
        path = os.path.join(directory, name)
        if os.path.islink(path) and not os.path.exists(path):
            if name.lower().endswith(SUPPORTED_SUFFIXES) or _link_problem(path) == "symbolic link loop":
                skipped.append(InputFile(path, "skipped", _link_problem(path)))
            continue
        if os.path.isdir(path):
            real = os.path.realpath(path)
            if real in ancestors:
                skipped.append(InputFile(path, "skipped", "symbolic link loop (points back to a parent directory)"))
                continue
            page = _saved_page_of(name, lowered)
            if page:
                skipped.append(InputFile(path, "ignored", f"the images, scripts and frames saved with {page}"))
            elif real != outputs:
                _walk(path, add, skipped, ancestors | {real}, outputs)
            continue
        if name.lower().endswith(_UNREAD_DOCUMENTS):
            if _OWN_OUTPUT.match(name):
                skipped.append(InputFile(path, "ignored", "a brief's PDF that brief wrote (by its name), not an article"))
                continue
            suffix = os.path.splitext(name)[1].lower()
            skipped.append(InputFile(path, "skipped", f"{suffix} files are not read: save the article as text "
                                                      "or as a web page (.txt, .html, .mhtml)"))
            continue
        if not name.lower().endswith(SUPPORTED_SUFFIXES):
            # Pages saved by wget or a server's address keep its name (".php", ".aspx"), and a file may have
            # no extension: read those that begin as a web page or hold Arabic text; name every other file.
            suffix = os.path.splitext(name)[1].lower()
            if not os.path.isfile(path):
                continue
            if not (suffix in _SERVED_PAGE_SUFFIXES or not suffix) or not _looks_like_article(path):
                skipped.append(InputFile(path, "ignored", f"not an article file ({suffix or 'no extension'}): "
                                                          "name it .txt or .html to have it read"))
                continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            skipped.append(InputFile(path, "skipped", error.strerror or str(error)))
            continue
        if not stat.S_ISREG(mode):
            skipped.append(InputFile(path, "skipped", "not a regular file"))
        elif not os.access(path, os.R_OK):
            skipped.append(InputFile(path, "skipped", "permission denied"))
        else:
            add(path)


_SERVED_PAGE_SUFFIXES = (".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm", ".text")
_SNIFF_BYTES = 16384


def _looks_like_article(path: str) -> bool:
    """Whether a file of another name begins as a web page or holds Arabic text in an encoding brief reads."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # reading it names the problem
    if _HTML_START.match(head):
        return True
    try:  # (the same decoding as reading it: a BOM, UTF-16 without one, Windows-1256, ISO-8859-6)
        text, _ = decode_bytes(head, path)
    except InputError:
        return False  # binary, or no text brief reads
    return arabic_letter_count(text) >= MIN_ARABIC_LETTERS


def _saved_page_of(folder: str, names: set[str]) -> str | None:
    """The saved page whose resources `folder` holds ("X_files" beside "X.html"), or None."""
    for suffix in _SAVED_PAGE_FOLDERS:
        if folder.lower().endswith(suffix.lower()) and len(folder) > len(suffix):
            stem = folder[:-len(suffix)]
            for page in (stem + extension for extension in (".html", ".htm", ".xhtml", ".shtml")):
                if page.lower() in names:
                    return page
    return None


def _read_bytes(path: str, limits: IngestLimits) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    else:
        try:
            size = os.stat(path).st_size
            if size > limits.max_file_bytes:
                raise InputError(path, f"file is {_megabytes(size)}, over the per-file limit of "
                                       f"{_megabytes(limits.max_file_bytes)}")
            with open(path, "rb") as handle:
                data = handle.read(limits.max_file_bytes + 1)
        except IsADirectoryError:
            raise InputError(path, "is a directory") from None
        except OSError as error:
            raise InputError(path, (error.strerror or str(error)).lower()) from None
    if len(data) > limits.max_file_bytes:
        raise InputError(path, f"input is over the per-file limit of {_megabytes(limits.max_file_bytes)}")
    return data


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format the bytes start with, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:200_000]
    if not sample:
        return True
    controls = len(_CONTROL.findall(sample))
    replaced = sample.count("\ufffd")
    return (controls + replaced) / len(sample) < 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows as NUL bytes on every other position."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    # Arabic in UTF-16 has 0x06 high bytes, Latin has 0x00: either way one half is mostly NUL or 0x06.
    high_even = sum(1 for b in sample[0::2] if b in (0, 6)) / len(sample[0::2])
    high_odd = sum(1 for b in sample[1::2] if b in (0, 6)) / len(sample[1::2])
    if high_odd > 0.9 and odd_nuls + even_nuls > 0.05 or (odd_nuls > 0.3 and even_nuls < 0.05):
        return "utf-16-le"
    if high_even > 0.9 and odd_nuls + even_nuls > 0.05 or (even_nuls > 0.3 and odd_nuls < 0.05):
        return "utf-16-be"
    return None


# Windows-1256's Latin letters inside an Arabic word: the bytes were another code page's Arabic.
_LATIN_IN_ARABIC = re.compile("[\u0621-\u064a][àâçèéêëîïôùûü]|[àâçèéêëîïôùûü][\u0621-\u064a]")
MISREAD_MIN = 3


def decode_bytes(data: bytes, file: str, declared: str | None = None, *, replace_bad_utf8: bool = True,
                 min_arabic_share: float = 0.5) -> tuple[str, str]:
    """Text and encoding name; BOMs, UTF-16 without BOM, UTF-8 with a few bad bytes replaced (unless
    `replace_bad_utf8` is off), then Windows-1256 if over `min_arabic_share` of its letters are Arabic."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding.replace("-sig", ""), errors="replace")
            if not _looks_like_text(text):
                raise InputError(file, f"bytes do not decode as {encoding}: not a text file")
            return text, _with_replaced(encoding, data[len(bom):], encoding.replace("-sig", ""), text)
    kind = sniff_binary(data)
    if kind:
        raise InputError(file, f"binary file ({kind}), not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _looks_like_text(text):
            return text, _with_replaced(utf16, data, utf16, text)
    if declared and _is_multibyte_utf8(data):
        declared = None  # a page saved as UTF-8 that still declares its old charset: UTF-8 Arabic is
        # always valid Windows-1256 (nonsense), the reverse hardly ever valid UTF-8
    if declared:
        try:
            codecs.lookup(declared)
            text = data.decode(declared)
            if _looks_like_text(text):
                return text, declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = data.decode("utf-8")
        if not _looks_like_text(text):
            raise InputError(file, "binary data (control characters), not text")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    sequences = _undecodable(bad)
    if not replace_bad_utf8 and sum(1 for c in lenient if c > "\x7f" and c != "\ufffd") > bad:
        # Mostly good UTF-8, not Windows-1256 (whose Arabic hardly ever forms UTF-8), which UTF-8
        # Arabic would also decode as, into nonsense.
        raise InputError(file, f"not UTF-8 text ({sequences})")
    if replace_bad_utf8 and bad <= max(16, len(lenient) // 100) and _looks_like_text(lenient):
        # A few broken bytes (a truncated last character, stray surrogates) do not make a file unreadable.
        return lenient, f"utf-8 ({sequences} replaced)"
    mixed = _mixed_lines(data) if replace_bad_utf8 else None
    if mixed:
        return mixed
    windows = data.decode("cp1256", errors="replace")
    if len(_LATIN_IN_ARABIC.findall(windows)) >= MISREAD_MIN:
        # ISO-8859-6 puts letters where Windows-1256 has é, è, ç...: read so, the words are strewn with them.
        try:
            iso = data.decode("iso-8859-6")
        except UnicodeDecodeError:
            iso = None
        if iso is not None and _looks_like_text(iso) and arabic_share(iso) > min_arabic_share and not (
                _LATIN_IN_ARABIC.search(iso)):
            return iso, "iso-8859-6"
    if _looks_like_text(windows) and arabic_share(windows) > min_arabic_share:
        return windows, "windows-1256"
    if _looks_like_text(windows) and not arabic_letter_count(windows):
        raise InputError(file, "undecodable bytes: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 Arabic text")
    raise InputError(file, "binary or undecodable file: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text")


def _with_replaced(name: str, data: bytes, codec: str, text: str) -> str:
    """The encoding's name, saying how many byte sequences were replaced where some were (a UTF-16 file cut
    one byte short ends in a replacement mark): as a damaged UTF-8 file's says."""
    try:
        data.decode(codec)
        return name
    except UnicodeDecodeError:
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        return f"{name} ({_undecodable(bad)} replaced)"


def _undecodable(count: int) -> str:
    return f"{count} undecodable byte sequence{'s' if count != 1 else ''}"


# Of a table's letters (`brief qa` pairs, a glossary, corrections), the Arabic share at which Windows-1256 is
# taken: the English half, and a glossary's English variants, may be nearly all of them (three names with
# variants and a comment line: 6%); each line's first cell must still hold Arabic.
TABLE_MIN_ARABIC_SHARE = 0.01
MIXED_MIN_ARABIC = 20  # UTF-8 Arabic letters a file must hold to be read line by line (see _mixed_lines)


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 file with lines of Windows-1256 pasted in (or the reverse), each line read in its own encoding;
    None unless both kinds hold Arabic. Read whole as Windows-1256, the UTF-8 part was nonsense Arabic-looking
    letters that passed every later check; whole as UTF-8, the other lines were replacement marks."""
    lines = data.split(b"\n")
    decoded, windows = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1256", errors="replace"))
            windows += 1
    utf8_arabic = sum(arabic_letter_count(text) for text, raw in zip(decoded, lines) if not raw.isascii()
                      and text.encode("utf-8", "surrogatepass") == raw)
    text = "\n".join(decoded)
    if not windows or utf8_arabic < MIXED_MIN_ARABIC or not _looks_like_text(text):
        return None
    return text, f"utf-8, {windows} line{'s' if windows != 1 else ''} in windows-1256"


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_html(path: str, data: bytes) -> bool:
    return path.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(data[:1000]))


def _parse_html(html: str):
    """The page as an lxml tree; nesting up to libxml2's limit (256 levels without huge_tree)."""
    lxml_html = import_held("lxml.html")
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                                  remove_pis=True, huge_tree=True)
    html = _XML_DECLARATION.sub("", _NOT_IN_XML.sub("", html))
    html = _SELF_CLOSED_HTML.sub(r"\1>", html[:4096], count=1) + html[4096:]
    return lxml_html.document_fromstring(html, parser=parser)


def _is_hidden(element) -> bool:
    return (element.tag == "template" or element.get("hidden") is not None
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


def leave_out_hidden(tree, keep_largest: bool = False) -> tuple[int, int]:
    """Remove what a browser would not show (<template>, the hidden attribute, an inline display:none or
    visibility:hidden); return how many elements were removed and the prose (characters) of the
    largest one, or with `keep_largest`, keep that one.

    Such text is no part of the article a reader sees, and it is where a page hides text meant for
    machines; but a page may hide its article itself until scripts run (lazy loading, a consent wall):
    `extract_html` then keeps the largest hidden element."""
    hidden = [element for element in tree.iter()
              if isinstance(element.tag, str) and element.tag not in ("html", "body") and _is_hidden(element)
              and not any(_is_hidden(above) for above in element.iterancestors()
                          if above.tag not in ("html", "body"))]
    sizes = [_prose(element) for element in hidden]
    largest = max(range(len(hidden)), key=lambda k: sizes[k]) if hidden else None
    removed = 0
    for k, element in enumerate(hidden):
        if keep_largest and k == largest:
            continue
        element.drop_tree()  # its tail is shown text and stays
        removed += 1
    return removed, sizes[largest] if hidden else 0


def _prose(element) -> int:
    """Characters in the element's long runs of text (paragraphs, not menu items, links or buttons)."""
    count = 0
    for run in element.itertext():
        run = run.strip()
        if len(run) >= _PROSE_RUN:
            count += len(run)
    return count


# Embedded posts (a tweet, an Instagram or TikTok post): another account's words that the page shows in a
# frame. Taken as text they read as the outlet's own sentences, their attribution lost.
_EMBED_CLASSES = re.compile(r"\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|"
                            r"facebook-post|telegram-post|reddit-embed)\b")
_EMBED_TAGS = ("amp-twitter", "amp-instagram", "amp-facebook", "amp-tiktok", "amp-youtube", "amp-reddit")


def leave_out_embeds(tree) -> int:
    """Remove embedded social-media posts; return how many were removed."""
    removed = 0
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag in _EMBED_TAGS or _EMBED_CLASSES.search(element.get("class") or ""):
            if any(above.tag in _EMBED_TAGS or _EMBED_CLASSES.search(above.get("class") or "")
                   for above in element.iterancestors()):
                continue  # inside one removed already
            element.drop_tree()
            removed += 1
    return removed


# A table of data (rows of short cells: results, prices, a dam's reserves) is article text; a table that lays
# out the page (cells holding paragraphs, headings, whole columns of the site) is not a table to the reader.
_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "article",
                         "section", "blockquote", "header", "footer", "nav", "aside", "form", "main"})
_TABLE_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup", "col"})
TABLE_CELL_MAX_CHARS = 200


def _own_parts(table):
    """The table's rows and cells, not those of a table inside one of its cells."""
    stack = list(table)
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and element.tag in _TABLE_PARTS:
            yield element
            stack.extend(element)


def _is_data_table(table) -> bool:
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return False
    rows = [part for part in _own_parts(table) if part.tag == "tr"]
    cells = [part for part in _own_parts(table) if part.tag in ("td", "th")]
    if len(rows) < 2 or len(cells) < 1.5 * len(rows):
        return False  # one row, or mostly one column: a box around text, not a table
    return all(not any(isinstance(inner.tag, str) and inner.tag in _BLOCK_TAGS for inner in cell.iterdescendants())
               and len(" ".join(cell.text_content().split())) <= TABLE_CELL_MAX_CHARS for cell in cells)


def unwrap_layout_tables(tree) -> None:
    """Turn tables that lay out the page into plain blocks, so that only tables of data stay tables."""
    for table in reversed(list(tree.iter("table"))):  # inner tables first
        if not _is_data_table(table):
            for part in list(_own_parts(table)):
                part.tag = "div"
            table.tag = "div"


_TABLE_RULE = re.compile(r"\s*\|(?:\s*:?-+:?\s*\|)+\s*")
_TABLE_ROW = re.compile(r"\s*\|(.*)\|\s*")


def table_rows_as_lines(text: str) -> str:
    """Trafilatura writes a table as Markdown rows ("| a | b |" under a "|---|" rule); the article keeps each
    row as one line of cells parted by tabs, as a table pasted from a browser arrives."""
    lines = []
    for line in text.split("\n"):
        row = _TABLE_ROW.fullmatch(line)
        if _TABLE_RULE.fullmatch(line):
            continue
        if row:
            cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row[1])]
            line = "\t".join(cell for cell in cells if cell)
        lines.append(line)
    return "\n".join(lines)


def _depth(tree) -> int:
    deepest, stack = 0, [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _extract(trafilatura, tree, url: str | None) -> dict:
    unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                           include_tables=True, include_formatting=False, favor_recall=True,
                                           # Dates from the markup and the address only: a guess from the
                                           # text took "since 2000" for the publication date.
                                           date_extraction_params={"extensive_search": False,
                                                                   "original_date": True})
    data = {} if document is None else document.as_dict() if hasattr(document, "as_dict") else dict(document)
    if data.get("text"):
        data["text"] = table_rows_as_lines(data["text"])
    return data


def html_of_mhtml(data: bytes, file: str) -> tuple[str, str | None]:
    """The page of a browser's single-file save (MHTML): its HTML, decoded, and the address it was saved from."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            found = _META_CHARSET.search(payload[:4000])
            declared = part.get_content_charset() or (found.group(1).decode("ascii", "replace") if found else None)
            html, _ = decode_bytes(payload, file, declared)
            address = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
            return html, address if re.match(r"https?://", address, re.I) else None
    raise InputError(file, "single-file web page (MHTML) holds no HTML page")


# Meta tags that give the article's own publication date, as CMSs name them (WordPress, Arc XP, Drupal's
# Dublin Core, Al Jazeera's publishedDate); the first valid one wins.
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "publisheddate",
                   "pubdate", "publishdate", "publish-date", "publication_date", "dcterms.date", "dcterms.created",
                   "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date")
_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                            "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "BlogPosting", "Report"})
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _iso_date(value) -> str | None:
    """YYYY-MM-DD of a machine date ("2024-06-19T19:10:00.000Z"), as the page wrote it; None if invalid."""
    found = _ISO_DATE.match(value) if isinstance(value, str) else None
    if not found:
        return None
    try:
        return datetime.date(int(found[1]), int(found[2]), int(found[3])).isoformat()
    except ValueError:  # "2024-13-45"
        return None


def _json_ld_objects(tree) -> list[dict]:
    """The top-level objects of the page's JSON-LD blocks (a Yoast @graph's members among them); a broken
    block is passed over."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):  # broken, or nested past Python's limit
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                graph = item.get("@graph")
                objects.extend(member for member in (graph if isinstance(graph, list) else [item])
                               if isinstance(member, dict))
    return objects


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def _markup_address(tree, headline: str | None) -> str | None:
    """The article's address its JSON-LD states (mainEntityOfPage, else url), where no link tag does: the
    headline's article first, where the page describes its related stories too."""
    articles = [item for item in _json_ld_objects(tree) if _types(item) & _ARTICLE_TYPES]
    own = [item for item in articles if headline and isinstance(item.get("headline"), str)
           and tokens(item["headline"]) == tokens(headline)]
    for item in own or articles[:1]:
        for value in (item.get("mainEntityOfPage"), item.get("url")):
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and re.match(r"https?://", value.strip(), re.I) \
                    and not _HOME_PAGE.match(value.strip()):
                return value.strip()
    return None


def _markup_published(tree, headline: str | None) -> str | None:
    """The publication time the page's markup states, as written: a meta tag, then a JSON-LD article's
    datePublished (the headline's, where the page describes its related stories too)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key not in _PUBLISHED_META or not _iso_date(meta.get("content")):
            continue
        # A related story's microdata (<li itemscope><meta itemprop="datePublished">) dates that story.
        if not any(above.tag in _NOT_THE_PAGES_DATE for above in meta.iterancestors()):
            found.setdefault(key, meta.get("content").strip())
    for key in _PUBLISHED_META:
        if key in found:
            return found[key]
    articles = [item for item in _json_ld_objects(tree)
                if _types(item) & _ARTICLE_TYPES and _iso_date(item.get("datePublished"))]
    own = [item for item in articles if headline and isinstance(item.get("headline"), str)
           and tokens(item["headline"]) == tokens(headline)]
    return (own or articles)[0]["datePublished"].strip() if articles else None


# From 20:00 UTC it is the next day from Morocco (UTC+1, 21:00) to the Gulf (UTC+4, midnight).
_LATE_UTC_TIME = re.compile(r"T(?:2[0-3])(?::[\d:.]+)?\s*(?:Z|[+-]00:?00)$", re.I)
_URL_DATE = re.compile(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)")  # ".../news/2024/6/19/..."


def _readers_day(stamp: str, page_url: str | None, tree, headline: str | None) -> str | None:
    """The day of the markup's publication time as the page's readers saw it. Many sites write it in UTC:
    Al Jazeera's "2024-06-18T21:36:00Z" is 19 June in Mecca, as its address and its date line say."""
    date = _iso_date(stamp)
    if not date or not _LATE_UTC_TIME.search(stamp):
        return date
    try:
        next_day = (datetime.date.fromisoformat(date) + datetime.timedelta(days=1)).isoformat()
    except OverflowError:  # 9999-12-31
        return date
    in_url = _URL_DATE.search(page_url or "")
    if in_url and _iso_date("-".join(in_url.groups())) == next_day:
        return next_day
    return next_day if _date_near_headline(tree, headline) == next_day else date


_TITLE_SEPARATOR = r"\s*(?:[|»«·•]|\s[-–—:]\s|::)\s*"  # between a headline and the site's name in a <title>
_SITE_NAME_META = ("og:site_name", "application-name")
_DOMAIN_NAME = re.compile(r"^(?:www\.)?[\w\-]+(?:\.[\w\-]+)+$")  # "aawsat.com": a site name that is an address


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _site_names(tree) -> list[str]:
    """The names the page's markup gives its site, in that order: og:site_name, application-name, JSON-LD's
    publisher and Organization."""
    names = [meta.get("content") for meta in tree.iter("meta")
             if (meta.get("property") or meta.get("name") or "").strip().lower() in _SITE_NAME_META]
    for item in _json_ld_objects(tree):
        publisher = item.get("publisher")
        for named in ([publisher] if isinstance(publisher, dict) else []) + (
                [item] if _types(item) & {"Organization", "NewsMediaOrganization", "WebSite"} else []):
            names.append(named.get("name"))
    return list(dict.fromkeys(_one_line(name) for name in names if isinstance(name, str) and name.strip()))


def _headline_in_title(tree, names: list[str]) -> tuple[str | None, str | None]:
    """The page's headline (an <h1> the <title> is made of) and the rest of the <title> beside it, the site's
    name: "X - اليوم السابع" with <h1>X</h1> gives (X, "اليوم السابع"); (None, None) if no <h1> is."""
    title = _one_line(next((element.text_content() for element in tree.iter("title")), ""))
    # Word for word, not character for character: a <title> drops the <h1>'s quotation marks («مجاعة»).
    h1s = {tuple(tokens(headline)): headline for headline in (_one_line(h1.text_content()) for h1 in tree.iter("h1"))
           if tokens(headline)}
    if tuple(tokens(title)) in h1s:
        return h1s[tuple(tokens(title))], None
    for separator in re.finditer(_TITLE_SEPARATOR, title):
        sides = title[:separator.start()].strip(), title[separator.end():].strip()
        for side, (words, rest) in enumerate((sides, sides[::-1])):
            headline = h1s.get(tuple(tokens(words)))
            if headline is None or not rest:
                continue
            parts = [part.strip() for part in re.split(_TITLE_SEPARATOR, rest) if part.strip()]
            # The site's name is the part the markup names so, or else the shorter: a logo's <h1>الجزيرة</h1>
            # is what "X | الجزيرة" ends with.
            if parts and headline not in names and (rest in names or len(rest) < len(headline)):
                return headline, parts[-1] if side == 0 else parts[0]
            if len(parts) == 1:
                return parts[0], headline
    return None, None


def _without_site_name(title: str, names: list[str]) -> str:
    """The title without a site name at its end or start ("X | الجزيرة نت" is X)."""
    for name in filter(None, map(_one_line, names)):
        stripped = re.sub(_TITLE_SEPARATOR + re.escape(name) + r"$", "", title)
        stripped = re.sub("^" + re.escape(name) + _TITLE_SEPARATOR, "", stripped)
        if stripped != title and stripped.strip():
            return stripped.strip()
    return title


_NOT_A_NAME = re.compile(r"logo|شعار|الرئيسي|home|menu|القائمة", re.I)  # what a logo's label says besides the name


def _logo_name(tree) -> str | None:
    """The name on the site's logo: the label or image text of a link to its home page ('<a href="/">
    <img alt="الشرق الأوسط">')."""
    for link in tree.iter("a"):
        if not re.fullmatch(r"\s*(?:\.?/|https?://[^/?#]+/?)\s*", link.get("href") or ""):
            continue
        labels = [link.get("aria-label"), link.get("title")] + [image.get("alt") for image in link.iter("img")]
        for label in map(_one_line, labels):
            if label and len(label.split()) <= 4 and not _NOT_A_NAME.search(label):
                return label
    return None


def _outlet(sitename: str | None, titles: list[str | None], title_site: str | None, names: list[str],
            tree) -> str | None:
    """The site's name: trafilatura's, unless it is one of the page's `titles` (trafilatura takes a <title>'s
    part with a "." in it, "الانتخابات الإيرانية.. ستة مرشحين") or an address ("aawsat.com") where the
    <title>, the markup or the logo names the site."""
    sitename = _one_line(sitename)
    if sitename in map(_one_line, titles):
        sitename = ""
    if not sitename or _DOMAIN_NAME.match(sitename):
        # The markup's names first: a <title>'s other part may be a section ("X | سياسة").
        named = [name for name in [*names, title_site, _logo_name(tree)] if name and not _DOMAIN_NAME.match(name)]
        return named[0] if named else sitename or None
    return sitename


_NEAR_HEADLINE = 3  # short texts either side of the headline where a page prints its date line
_NOT_THE_PAGES_DATE = frozenset({"nav", "aside", "footer", "li", "script", "style", "noscript", "option"})
# How a page marks its date line: a label, or a class or id on it or just above it.
_DATE_LABEL = re.compile(r"^\W*(?:نشر|تاريخ|آخر تحديث|اخر تحديث|published|updated|posted)", re.I)
_UPDATE_LABEL = re.compile(r"^\W*(?:آخر تحديث|اخر تحديث|تحديث|محدث|updated|last updated)", re.I)
_DATE_CLASS = re.compile(r"date|time|publish|posted|issue|byline|meta", re.I)
# Words of a bare date line besides its numbers: "الأربعاء، 19 يونيو 2024 11:00 ص".
_DATE_WORDS = frozenset("""يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر
    اكتوبر نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين الثاني الأول الاول
    السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة ص م صباحا مساء صباحاً مساءً
    بتوقيت غرينتش مكة المكرمة gmt""".split())


def _is_date_line(text: str, element) -> bool:
    """A text that is the page's date line, not a sentence or subtitle that names a date ("الانتخابات
    المقررة في 28 يونيو 2024")."""
    if _DATE_LABEL.match(text):
        return True
    for above in [element, *element.iterancestors()][:3]:
        if above.tag == "time" or _DATE_CLASS.search(f"{above.get('class') or ''} {above.get('id') or ''}"):
            return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(word not in _DATE_WORDS for word in words) <= 1


def _date_near_headline(tree, headline: str | None) -> str | None:
    """The date of the page's date line just under or over the headline ("جريدة الرياض - العدد 20512 - 19
    يونيو 2024م"); a link's date outside a date line, a list's or a sidebar's is another story's."""
    h1s = [h1 for h1 in tree.iter("h1") if _one_line(h1.text_content()) == headline] or list(tree.iter("h1"))
    if len(h1s) != 1:
        return None
    before: list[tuple[str, object]] = []
    after: list[tuple[str, object]] = []
    past_headline = False
    for node in tree.xpath("//body//text()"):
        owner = node.getparent()
        owner = owner.getparent() if node.is_tail and owner is not None else owner  # a tail is its parent's text
        if owner is None or not _one_line(node):
            continue
        if owner is h1s[0] or h1s[0] in owner.iterancestors():
            past_headline = True
        elif node.is_tail and node.getparent().tag == "a":
            continue  # "<a>خبر سابق</a> 18 يونيو 2024": the link's date
        elif not any(element.tag in _NOT_THE_PAGES_DATE for element in (owner, *owner.iterancestors())):
            (after if past_headline else before).append((_one_line(node), owner))
            if len(after) == _NEAR_HEADLINE:
                break
    for text, owner in after + before[::-1][:_NEAR_HEADLINE]:
        if len(text) > 100 or owner.tag == "a" and not _is_date_line(text, owner) or _UPDATE_LABEL.match(text):
            continue  # an update's date is not the publication's
        date = parse_date(text)
        if date and _is_date_line(text, owner):
            return date
    return None


def _page_address(html: str, address: str | None) -> str | None:
    """The address to cite: the canonical link, og:url, the browser's saved-from mark, then `address`."""
    # As written in the markup: "&amp;" in a query ("view.aspx?cdate=19062024&amp;id=...") is "&".
    written = [unescape(found.group(1)) for found in (pattern.search(html[:200_000])
                                                      for pattern in (_CANONICAL, _OG_URL, _SAVED_FROM)) if found]
    base = next((candidate for candidate in written + [address or ""] if re.match(r"https?://", candidate, re.I)),
                None)
    for candidate in written:
        if base and candidate.startswith("/"):
            candidate = urljoin(base, candidate)  # "/news/123", "//www.site.com/news/123": on the page's site
        # A canonical or og:url that names only the site's home page is a template's default, not the article.
        if re.match(r"https?://", candidate, re.I) and not _HOME_PAGE.match(candidate):
            return candidate
    return address


def extract_html(html: str, file: str, address: str | None = None) -> tuple[str, dict]:
    """Main content (one paragraph or heading per line) and metadata of an HTML page, via trafilatura;
    `address` is where the page came from when the page itself does not say."""
    trafilatura = import_held("trafilatura")  # lxml and friends: native libraries

    html = html.replace("\x00", "")
    url = _page_address(html, address)
    try:
        tree = _parse_html(html)
        embeds = leave_out_embeds(tree)
        hidden, hidden_prose = leave_out_hidden(tree)
        names = _site_names(tree)  # before trafilatura, which may prune the tree it is given
        headline, title_site = _headline_in_title(tree, names)
        published = _markup_published(tree, headline)
        data = _extract(trafilatura, tree, url)
        text = data.get("text") or ""
        if hidden_prose > sum(len(line) for line in map(str.strip, text.splitlines()) if len(line) >= _PROSE_RUN):
            # The page shows less article than it hides: it hides the article until scripts run.
            tree = _parse_html(html)
            leave_out_embeds(tree)
            hidden, _ = leave_out_hidden(tree, keep_largest=True)
            headline, title_site = _headline_in_title(tree, names)
            data = _extract(trafilatura, tree, url)
            text = data.get("text") or ""
    except Exception as error:  # noqa: BLE001 - lxml/trafilatura raise many types on broken markup
        raise_if_interrupted(error)
        raise InputError(file, f"HTML could not be parsed ({type(error).__name__})") from None
    if not text.strip():
        if _depth(tree) >= _MAX_HTML_DEPTH - 1:
            raise InputError(file, f"HTML nested over {_MAX_HTML_DEPTH:,} elements deep: the parser stops there")
        raise InputError(file, "HTML page has no article text")
    # The canonical link before trafilatura's og:url: a site's og:url may be its mobile twin
    # ("https://m.youm7.com/...") or carry tracking ("?utm_source=fb").
    page_url = url or data.get("url")
    if page_url and not re.match(r"https?://", page_url, re.I):
        page_url = None  # a javascript: or relative canonical is not an address anyone can cite
    page_url = page_url or _markup_address(tree, headline)
    if page_url:
        # No article's address needs a login: "https://good.example@evil.example/a" is evil.example's page, and
        # reads as good.example's. The "user@" part goes, from the address and from a site name made of it.
        try:
            netloc = urlsplit(page_url).netloc
        except ValueError:
            netloc = ""
        if "@" in netloc:
            page_url = page_url.replace(netloc, netloc.rsplit("@", 1)[1], 1)
            if data.get("sitename") and "@" in data["sitename"]:
                data["sitename"] = data["sitename"].rsplit("@", 1)[1]
    # The markup's statement, then the page's date line by its headline, then htmldate's guess, which takes
    # the earliest date it finds: a related story's under an Arc XP article that states none.
    if published:
        published = _readers_day(published, page_url, tree, headline)
    else:
        published = _date_near_headline(tree, headline)
    # og:title is often a social-media variant of the headline, and a <title> ends with the site's name.
    title = headline or _without_site_name(_one_line(data.get("title")), [data.get("sitename"), title_site, *names])
    meta = {
        "title": title or None,
        "outlet": _outlet(data.get("sitename"), [title, data.get("title")], title_site, names, tree),
        "url": page_url,
        "published": published or data.get("date") or None,
        "author": (data.get("author") or "").strip() or None,
        "hostname": data.get("hostname") or None,
        "hidden_left_out": hidden,
        "embeds_left_out": embeds,
    }
    return text, meta


def read_document(path: str, limits: IngestLimits | None = None) -> RawDocument:
    """Read and decode one input ('-' is stdin); raises InputError naming the file and the reason."""
    limits = limits or IngestLimits()
    data = _read_bytes(path, limits)
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise InputError(path, "empty file" if not data else "file holds only whitespace")
    if path.lower().endswith(MHTML_SUFFIXES):
        html, address = html_of_mhtml(data, path)
        if _OWN_SIGNATURE.search(html):  # a brief's HTML page saved single-file, or its mail renamed
            raise NotAnInput(path, _OWN_OUTPUT_REASON)
        text, meta = extract_html(html.replace("\r\n", "\n"), path, address)
        return _checked(RawDocument(file=path, text=text, encoding="mhtml", is_html=True, html_meta=meta,
                                    original_lines=text.count("\n") + 1))
    is_html = _is_html(path, data)
    declared = None
    if is_html:
        found = _META_CHARSET.search(data[:4000])
        declared = found.group(1).decode("ascii", "replace") if found else None
    text, encoding = decode_bytes(data, path, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file holds only whitespace")
    if _OWN_SIGNATURE.search(text):
        raise NotAnInput(path, _OWN_OUTPUT_REASON)
    html_meta: dict = {}
    if is_html:
        text, html_meta = extract_html(text, path)
        if not text.strip():
            raise InputError(path, "HTML page has no article text")
    elif path.lower().endswith(".md"):
        text = markdown_as_text(text)
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    return _checked(RawDocument(file=path, text=text, encoding=encoding, is_html=is_html, html_meta=html_meta,
                                original_lines=lines))


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)


def markdown_as_text(text: str) -> str:
    """A Markdown article as the plain text it shows, line for line: no quote marks, bold markers or image
    lines; a link reads as its text. Headings and list markers stay: the cleaner reads them."""
    text = _MD_QUOTE.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _checked(document: RawDocument) -> RawDocument:
    """The document, if its text is an Arabic article, with control characters as spaces."""
    document.text = _TEXT_CONTROLS.sub(" ", _TERMINAL_SEQUENCE.sub("", document.text))
    letters = arabic_letter_count(document.text)
    if letters < MIN_ARABIC_LETTERS:
        what = "no Arabic text" if letters == 0 else f"only {letters} Arabic letters"
        raise InputError(document.file, f"{what}: not an Arabic article")
    if arabic_share(document.text) < 0.3:
        raise InputError(document.file, "mostly non-Arabic text (e.g. English or French): not an Arabic article")
    return document


def load(sources: list[str], limits: IngestLimits | None = None,
         outputs: str | None = None) -> tuple[list[RawDocument], list[InputFile]]:
    """Discover and read every source (not brief's own `outputs` directory); every input ends up used or
    skipped with a reason."""
    limits = limits or IngestLimits()
    candidates, records = discover(sources, outputs)
    documents: list[RawDocument] = []
    total = 0
    for path in candidates:
        try:
            size = os.stat(path).st_size if path != "-" else 0
        except OSError:
            size = 0
        # A file over the per-file limit is refused for that (by read_document), not for the total.
        if total + size > limits.max_total_bytes and size <= limits.max_file_bytes:
            records.append(InputFile(path, "skipped", f"the files before it already make {_megabytes(total)}; "
                                     f"with its {_megabytes(size)} the input is over the total limit of "
                                     f"{_megabytes(limits.max_total_bytes)}"))
            continue
        try:
            document = read_document(path, limits)
        except InputError as error:
            records.append(InputFile(path, "ignored" if isinstance(error, NotAnInput) else "skipped", error.reason))
            continue
        total += size or len(document.text.encode("utf-8", "surrogatepass"))
        documents.append(document)
        records.append(InputFile(path, "used", "", encoding=document.encoding,
                                 hidden_left_out=document.html_meta.get("hidden_left_out", 0),
                                 embeds_left_out=document.html_meta.get("embeds_left_out", 0)))
    order = {path: i for i, path in enumerate(candidates)}
    records.sort(key=lambda r: order.get(r.file, -1))
    return documents, records

