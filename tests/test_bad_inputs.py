"""Fuzz-style corpus of bad and hostile files: no traceback, the right exit code, every input reported."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "004_3c6385f6fb4de3b3.txt").read_text(encoding="utf-8")
ARTICLE = "\n".join(SEED.splitlines()[:8])  # a real article body, to carry hostile payloads
HOSTILE = {
    "script": '<script>alert("x")</script>',
    "img_onerror": '<img src=x onerror="alert(1)">',
    "svg_onload": "<svg onload=alert(1)>",
    "js_link": "[اضغط هنا](javascript:alert(1))",
    "md_image": "![صورة](http://evil.example/pixel.png)",
    "md_table": "| a | b |\n|---|---|\n| <b>x</b> | y |",
    "md_heading": "# عنوان مزيف\n---",
    "html_comment": "<!-- hidden --> <iframe src=http://evil.example></iframe>",
    "bidi_override": "قال المتحدث \u202eRLO text\u202c إن الزيارة ناجحة.",
    "bidi_isolates": "\u2066\u2067\u2068نص\u2069 مخفي \u202a\u202b\u202d",
    "zero_width": "بو\u200bتين\u200c و\u200dكيم\ufeff",
    "long_line": "كلمة " * 20000,
    "css_import": "<style>@import url(http://evil.example/x.css)</style>",
    "file_url": "<a href=\"file:///etc/passwd\">passwd</a>",
    "data_url": "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "jinja": "{{ config }} {% for x in range(10) %}x{% endfor %}",
    "latex": "\\input{/etc/passwd} $\\int$",
    "nul_bytes": "نص\x00مع\x00أصفار",
}


def bad_files(root: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, expected fate) for a corpus of at least 40 inputs."""
    files: dict[str, tuple[Path, str]] = {}

    def add(name: str, data: bytes | str, fate: str, suffix: str = ".txt") -> None:
        path = root / f"{name}{suffix}"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files[name] = (path, fate)

    add("empty", b"", "skipped")
    add("whitespace", " \n\t\n  \r\n", "skipped")
    add("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(3000), "skipped")
    add("pdf_renamed", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + os.urandom(2000), "skipped")
    add("png_renamed", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "skipped")
    add("zip_renamed", b"PK\x03\x04" + os.urandom(2000), "skipped")
    add("random_bytes", os.urandom(5000), "skipped")
    add("english", "The president arrived in Pyongyang on Wednesday.\nTalks lasted two days.\n" * 5, "skipped")
    add("french", "Le président est arrivé à Pyongyang mercredi.\nLes entretiens ont duré deux jours.\n" * 5,
        "skipped")
    add("digits_only", "2024 17:50 3.5 %\n" * 20, "skipped")
    add("html_no_article", "<html><head><title>x</title></head><body><nav>home</nav></body></html>", "skipped",
        ".html")
    add("html_empty", "", "skipped", ".html")
    add("big", b"", "skipped")
    with open(files["big"][0], "wb") as handle:  # 50 MB, over the per-file limit
        handle.truncate(50 * 1024 * 1024)
    add("utf16", ARTICLE.encode("utf-16"), "used")
    add("utf8_bom", "\ufeff" + ARTICLE, "used")
    add("cp1256", ARTICLE.replace("“", '"').replace("”", '"').encode("cp1256", errors="replace"), "used")
    add("crlf", ARTICLE.replace("\n", "\r\n"), "used")
    add("truncated_utf8", ARTICLE.encode("utf-8") + "ب".encode("utf-8")[:1], "used")
    add("name with spaces", ARTICLE, "used")
    add("مقال عربي", ARTICLE, "used")
    add("markdown", "# " + ARTICLE, "used", ".md")
    add("surrogates", ARTICLE.encode("utf-8") + b"\xed\xa0\x80 \xed\xbf\xbf", "used")
    add("combining", ARTICLE + "\n" + "ب\u0651\u064e\u0301\u0301\u0301 " * 50 + ".", "used")
    for name, payload in HOSTILE.items():
        lines = ARTICLE.splitlines()
        add(f"hostile_{name}", "\n".join([lines[0], payload, *lines[1:], payload]), "used")
    add("hostile_html", "<html><head><link rel=canonical href=\"javascript:alert(1)\"><title>عنوان</title>"
        "<script>alert(1)</script></head><body><article><h1>بوتين في بيونغ يانغ</h1>"
        + "".join(f"<p onclick=\"alert(1)\">{line}</p>" for line in ARTICLE.splitlines())
        + "<img src=http://evil.example/x.png onerror=alert(1)></article></body></html>", "used", ".html")
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad inputs")
    files = bad_files(root)
    loop_dir = root / "loop"
    loop_dir.mkdir()
    (loop_dir / "self").symlink_to(loop_dir, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "empty_dir").mkdir()
    return root, files


def test_corpus_is_large_enough(corpus):
    assert len(corpus[1]) >= 40


def test_every_file_alone_gets_its_fate_without_traceback(corpus):
    from brief.pipeline import prepare

    _, files = corpus
    for name, (path, fate) in files.items():
        prepared = prepare([str(path)])
        [record] = [r for r in prepared.inputs if Path(r.file) == path]
        assert record.status == fate, f"{name}: {record.status} ({record.reason})"
        if fate == "skipped":
            assert record.reason and "\n" not in record.reason


def test_inspect_cli_on_each_bad_file_exits_cleanly(corpus):
    _, files = corpus
    for name, (path, fate) in list(files.items())[:12]:
        result = subprocess.run([sys.executable, "-m", "brief", "inspect", str(path), "--json"],
                                capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert "Traceback" not in result.stderr, name
        assert result.returncode == (0 if fate == "used" else 4), f"{name}: {result.returncode} {result.stderr}"
        if fate == "skipped":
            [line] = [ln for ln in result.stderr.splitlines() if ln.strip()]
            assert path.name in line


def test_build_on_the_whole_corpus_reports_every_input(corpus, tiny_model_dir, tmp_path):
    root, files = corpus
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "brief", "build", str(root), "-o", str(out), "--model", str(tiny_model_dir),
         "--date", "2026-11-24", "--json", "--format", "md,pdf,html", "--variant", "both"],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
        env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr  # brief written, some inputs skipped
    report = json.loads(result.stdout)
    reported = {Path(r["file"]).resolve(): r for r in report["inputs"]}
    for name, (path, fate) in files.items():
        assert path.resolve() in reported, f"{name} missing from the report"
        assert reported[path.resolve()]["status"] == fate, name
    assert any("loop" in r["file"] or "dangling" in r["file"] for r in report["inputs"])
    for message in result.stderr.splitlines():
        assert message.startswith("brief: "), message
    # Each skipped input is named on stderr once, on one line, with its reason.
    escaped = "".join  # control characters in a name are shown as Python escapes
    for record in report["inputs"]:
        if record["status"] == "skipped":
            said = escaped(repr(c)[1:-1] if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c
                           for c in f"skipped {record['file']}: {record['reason']}")
            assert sum(said in line for line in result.stderr.splitlines()) == 1, said
    # Hostile text is inert in every output: no active markup, no bidi or zero-width controls.
    for output in map(Path, report["outputs"]):
        if output.suffix not in (".md", ".html"):
            continue
        text = output.read_text(encoding="utf-8")
        # (The Markdown brief isolates a Latin run in Arabic text itself, LRI ... PDI, as HTML does with <bdi>:
        # such whole pairs are the renderer's; any other isolate came from the input.)
        text = re.sub("[\u2066\u2067][^\u2066-\u2069]*\u2069", "", text)
        for control in ("\u202e", "\u202d", "\u200b", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"):
            assert control not in text, f"{control!r} survived in {output.name}"
        html = markdown.markdown(text, extensions=["tables"]) if output.suffix == ".md" else text
        assert_inert(html, output.name)


class MarkupAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "form", "input", "base", "meta") and tag != "meta":
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in ("href", "src", "action", "formaction") and value:
                scheme = value.strip().lower().split(":", 1)[0]
                if ":" in value and scheme not in ("http", "https", "mailto") and not value.startswith("#"):
                    self.problems.append(f"{tag} {name}={value[:40]}")
            if name == "src" and value and not value.startswith(("data:", "#")):
                self.problems.append(f"{tag} loads {value[:40]}")
            if name == "style" and value and "url(" in value:
                self.problems.append(f"{tag} style url()")


def assert_inert(html: str, where: str) -> None:
    audit = MarkupAudit()
    audit.feed(html)
    assert not audit.problems, f"{where}: {audit.problems[:5]}"
    assert "@import" not in html, where
