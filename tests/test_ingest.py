"""Reading inputs: encodings, HTML extraction, and every kind of bad file reported with a one-line reason."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.errors import InputError
from brief.ingest import IngestLimits, discover, load, read_document

SEED = (Path(__file__).parent.parent / "seeds" / "004_3c6385f6fb4de3b3.txt").read_text(encoding="utf-8")
GOLD = Path(__file__).parent / "data" / "clean_gold" / "articles"


@pytest.mark.parametrize("encode,encoding", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16-le"),
    (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (lambda t: t.replace("“", '"').replace("”", '"').encode("cp1256"), "windows-1256"),
])
def test_encodings_decode_to_the_same_text(tmp_path, encode, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(encode(SEED.replace("\n", "\r\n")))
    document = read_document(str(path))
    assert document.encoding == encoding
    def plain(text):  # Windows-1256 has no curly quotes: the file was saved with straight ones
        return text.replace("“", '"').replace("”", '"')

    assert plain(document.text).splitlines() == plain(SEED).splitlines()
    assert "\r" not in document.text and not document.text.startswith("\ufeff")
    assert document.original_lines == len(SEED.splitlines())


def test_a_few_broken_utf8_bytes_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.encode("utf-8") + b"\xed\xa0\x80 \xd8")
    document = read_document(str(path))
    assert document.encoding.startswith("utf-8 (") and document.text.startswith(SEED[:50])


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b" \n\t\r\n ", "only whitespace"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 8, "JPEG"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8, "PDF"),
    (bytes(range(256)) * 20, "binary"),
    (b"The president arrived in Pyongyang on Wednesday. Talks lasted two days.\n" * 5, "no Arabic"),
    ("Le président est arrivé à Pyongyang mercredi.\n".encode("utf-8") * 5, "no Arabic"),
    (("Some English text about the visit. " * 30 + "قال الرئيس إن الزيارة ناجحة").encode(), "non-Arabic"),
])
def test_bad_files_raise_one_line_reasons_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "مقال سيئ.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_document(str(path))
    assert reason in error.value.reason and "\n" not in str(error.value)
    assert str(path) in str(error.value)


def test_html_without_an_article_is_reported(tmp_path):
    path = tmp_path / "x.html"
    path.write_text("<html><head><title>x</title></head><body><nav>home</nav></body></html>")
    with pytest.raises(InputError, match="no article text|no Arabic"):
        read_document(str(path))


def test_html_goes_through_trafilatura_with_its_metadata_and_declared_charset():
    document = read_document(str(GOLD / "bbc_arabic.html"))  # saved as windows-1256, declared in <meta>
    assert document.is_html and document.encoding == "windows-1256"
    assert "نافذة" not in document.text and "بزشكيان" in document.text
    assert "الرئيسية" not in document.text  # navigation is not content
    assert document.html_meta["url"] == "https://www.bbc.com/arabic/articles/c0000iran"
    assert document.html_meta["outlet"] == "BBC News عربي"


BODY = "<p>" + "وصل الرئيس إلى العاصمة صباح اليوم في زيارة رسمية تستمر يومين. " * 4 + "</p>"


def page(article: str) -> str:
    return f"<!DOCTYPE html><html><head><title>زيارة</title></head><body><article>{article}</article></body></html>"


def test_what_a_browser_would_not_show_is_not_article_text(tmp_path):
    hidden = ['<div hidden><p>نص مخفي أول لا يراه القارئ.</p></div>',
              '<div style="color: red; display : none"><p>نص مخفي ثان لا يراه القارئ.</p></div>',
              '<p style="visibility:hidden !important">نص مخفي ثالث لا يراه القارئ.</p>',
              '<template><p>نص مخفي رابع في قالب.</p></template>',
              '<p>قال المتحدث <span hidden>نص مخفي خامس</span> إن المحادثات ناجحة.</p>']
    shown = '<p style="display:inline-block">وقال مسؤول آخر إن الاتفاق سيوقع غدا في العاصمة.</p>'
    path = tmp_path / "page.html"
    path.write_text(page(BODY + "".join(hidden) + shown), encoding="utf-8")
    documents, records = load([str(path)])
    text = documents[0].text
    assert "مخفي" not in text
    assert "قال المتحدث إن المحادثات ناجحة" in " ".join(text.split())  # the text around a hidden span stays
    assert "وقال مسؤول آخر" in text and "وصل الرئيس" in text
    assert records[0].hidden_left_out == 5


def test_a_page_that_hides_its_article_until_scripts_run_keeps_it(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(f'<div style="display:none">{BODY}</div><p>اقرأ أيضا</p>'), encoding="utf-8")
    documents, records = load([str(path)])
    assert "وصل الرئيس" in documents[0].text and records[0].hidden_left_out == 0


def test_an_article_hidden_until_scripts_run_is_kept_beside_menus_and_footers(tmp_path):
    # The visible lead box, a menu and a footer outweigh the hidden article in characters, not in prose.
    furniture = "".join(f"<li><a href='/s{k}'>قسم الأخبار رقم {k}</a></li>" for k in range(60))
    sentences = ["قال رئيس الهيئة إن الإيرادات تراجعت إلى 7.2 مليار دولار في العام المالي الماضي بسبب الأزمة.",
                 "وأوضح أن عدد السفن العابرة انخفض إلى عشرين ألف سفينة مقابل خمسة وعشرين ألفا في العام السابق.",
                 "وتوقع أن تعود حركة الملاحة إلى معدلاتها الطبيعية فور استقرار الأوضاع الأمنية في المنطقة."]
    body = "".join(f"<p>{s}</p>" for s in sentences)
    html = (f"<!DOCTYPE html><html><head><title>الإيرادات</title></head><body><nav><ul>{furniture}</ul></nav>"
            f"<div class='lead'><p>تراجعت الإيرادات في العام المالي الماضي وفق بيان رسمي صدر اليوم عن الهيئة.</p></div>"
            f"<div id='article-body' style='display: none;'>{body}</div>"
            f"<div style='display:none'>كلمات بحث: الإيرادات، السفن</div>"
            f"<footer><ul>{furniture}</ul></footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    documents, records = load([str(path)])
    text = " ".join(documents[0].text.split())
    assert all(s in text for s in sentences)
    assert "كلمات بحث" not in text and records[0].hidden_left_out == 1


def test_a_utf8_page_that_still_declares_windows_1256_is_read_as_utf8(tmp_path):
    html = page(BODY).replace("<head>", '<head><meta charset="windows-1256">')
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    document = read_document(str(path))
    assert document.encoding == "utf-8" and "وصل الرئيس" in document.text


def test_a_saved_pages_address_comes_from_the_browsers_saved_from_comment(tmp_path):
    address = "https://arabic.cnn.com/world/article/2024/05/09/visit"
    html = page(BODY).replace("<!DOCTYPE html>", f"<!DOCTYPE html>\n<!-- saved from url=({len(address):04d}){address} -->")
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    assert read_document(str(path)).html_meta["url"] == address


def test_a_single_file_web_page_is_read(tmp_path):
    import quopri

    html = page(BODY).replace("<head>", '<head><meta charset="UTF-8">').encode("utf-8")
    address = "https://www.youm7.com/story/2024/5/12/x/6589123"
    mhtml = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: " + address.encode() +
             b"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
             b"\tboundary=\"----B----\"\r\n\r\n------B----\r\nContent-Type: text/html\r\n"
             b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: " + address.encode() +
             b"\r\n\r\n" + quopri.encodestring(html) + b"\r\n------B----\r\nContent-Type: image/png\r\n"
             b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------B------\r\n")
    (tmp_path / "page.mhtml").write_bytes(mhtml)
    documents, records = load([str(tmp_path)])
    assert records[0].status == "used" and "وصل الرئيس" in documents[0].text
    assert documents[0].html_meta["url"] == address


def test_the_folder_a_browser_saves_beside_a_page_is_not_read_as_articles(tmp_path):
    (tmp_path / "visit.html").write_text(page(BODY), encoding="utf-8")
    (tmp_path / "visit_files").mkdir()
    (tmp_path / "visit_files" / "saved_resource.html").write_text(page("<p>تغريدة مضمنة في الصفحة.</p>"))
    (tmp_path / "other_files").mkdir()  # no page of that name beside it: an ordinary folder, walked
    (tmp_path / "other_files" / "a.txt").write_text(SEED, encoding="utf-8")
    documents, records = load([str(tmp_path)])
    fates = {Path(r.file).name: r for r in records}
    assert fates["visit_files"].status == "ignored" and "visit.html" in fates["visit_files"].reason
    assert fates["visit.html"].status == fates["a.txt"].status == "used" and len(documents) == 2


def test_deeply_nested_html_is_read_and_beyond_the_parser_said_so(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_text(page("<div>" * 600 + BODY + "</div>" * 600), encoding="utf-8")
    assert "وصل الرئيس" in read_document(str(deep)).text  # libxml2 stops at 256 levels by default
    deeper = tmp_path / "deeper.html"
    deeper.write_text(page("<div>" * 2100 + BODY + "</div>" * 2100), encoding="utf-8")
    with pytest.raises(InputError, match="nested over 2,048 elements deep"):
        read_document(str(deeper))


@pytest.mark.parametrize("markup, published", [
    ('<meta property="article:published_time" content="2024-06-19T08:00:00Z">', "2024-06-19"),
    ('<time datetime="2024-06-18">', "2024-06-18"),
    ("", None),  # "منذ عام 2000" in the text is no publication date
])
def test_a_pages_date_comes_from_its_markup_not_from_a_year_in_its_text(markup, published):
    from brief.ingest import extract_html

    text = "<p>" + "وقال إن العلاقات بين البلدين وثيقة منذ عام 2000 وإن الزيارة ناجحة. " * 4 + "</p>"
    page = f"<html><head><title>زيارة</title>{markup}</head><body><article>{text}</article></body></html>"
    assert extract_html(page, "page.html")[1]["published"] == published


@pytest.mark.parametrize("start", [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1'
    '-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">',
    '<?xml version="1.0" encoding="utf-8"?>\n<html>',  # lxml refuses a str declaring an encoding
    '<!doctype html>\n<html lang="ar" dir="rtl"/>',  # libxml2 would end the page right there
    '<html>\x0b\x01',  # characters libxml2 refuses
])
def test_odd_page_starts_still_give_the_article(start):
    from brief.ingest import extract_html

    text, _ = extract_html(f"{start}<head><title>زيارة</title></head><body><article>{BODY}</article></body></html>",
                           "page.html")
    assert text.startswith("وصل الرئيس")


_DAMS = ("<table><tr><th>السد</th><th>الخزين (مليار م3)</th></tr><tr><td>سد الموصل</td><td>3.1</td></tr>"
         "<tr><td>سد حديثة | الأنبار</td><td>2.4</td></tr></table>")


def test_a_table_of_data_is_kept_row_by_row_and_a_layout_table_is_read_as_text():
    from brief.ingest import extract_html

    article = (f"<p>{BODY}</p><p>وجاء الخزين في أبرز السدود على النحو الآتي:</p>{_DAMS}"
               "<p>ودعا الخبراء إلى التوسع في منظومات الري بالتنقيط والرش المحوري في المحافظات كافة.</p>")
    # The whole page laid out in a table: its cells hold paragraphs; the table of data inside stays a table.
    for page in (f"<html><body><article>{article}</article></body></html>",
                 "<html><body><table width='100%'><tr><td class='main-col'><h1>العنوان</h1><div>أحمد عادل</div>"
                 f"{article}</td><td><div>الأكثر قراءة</div></td></tr></table></body></html>"):
        lines = extract_html(page, "page.html")[0].splitlines()
        assert ["السد\tالخزين (مليار م3)", "سد الموصل\t3.1", "سد حديثة | الأنبار\t2.4"] == [
            line for line in lines if "\t" in line]
        assert lines[-1].startswith("ودعا الخبراء") and not any("|" in line and "\t" not in line for line in lines)
    # A one-column box, or one marked as presentation, is no table: its paragraphs stay lines of their own.
    boxed = (f"<html><body><article><table role='presentation'><tr><td>{BODY}</td><td>.</td></tr>"
             "<tr><td>وقال المتحدث إن الزيارة ستشمل توقيع اتفاقات في مجالات الطاقة والتجارة.</td><td>.</td></tr>"
             "</table></article></body></html>")
    text = extract_html(boxed, "page.html")[0]
    assert "\t" not in text and "|" not in text and "وقال المتحدث" in text


def test_size_limits_are_configurable_and_named_in_the_message(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(SEED * 3, encoding="utf-8")
    with pytest.raises(InputError, match="per-file limit"):
        read_document(str(path), IngestLimits(max_file_bytes=1000))
    second = tmp_path / "second.txt"
    second.write_text(SEED, encoding="utf-8")
    documents, records = load([str(tmp_path)], IngestLimits(max_file_bytes=10**6, max_total_bytes=len(SEED.encode()) * 3 + 10))
    assert len(documents) == 1
    assert any(r.status == "skipped" and "over the total limit" in r.reason for r in records)
    # A file over both limits is named for its own size, the setting to change.
    documents, records = load([str(path)], IngestLimits(max_file_bytes=1000, max_total_bytes=1000))
    assert "over the per-file limit of 0.001 MB" in records[0].reason


def test_a_sparse_50_megabyte_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    documents, records = load([str(path)])
    assert not documents and records[0].status == "skipped" and "MB" in records[0].reason


def test_discover_walks_directories_sorted_and_reports_what_it_cannot_use(tmp_path):
    (tmp_path / "b دليل").mkdir()
    (tmp_path / "b دليل" / "مقال 2.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "a.md").write_text(SEED, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "self").symlink_to(tmp_path / "loop", target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "empty").mkdir()
    paths, skipped = discover([str(tmp_path), str(tmp_path / "empty"), str(tmp_path / "nothing-here.txt")])
    assert [Path(p).name for p in paths] == ["a.md", "مقال 2.txt"]
    reasons = {Path(r.file).name: r.reason for r in skipped}
    assert "loop" in reasons["self"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "no usable files" in reasons["empty"]
    assert "no such file" in reasons["nothing-here.txt"]
    # A saved article in a format brief does not read is named, not passed over in silence.
    assert ".docx files are not read" in reasons["notes.docx"]


def test_every_file_of_a_folder_is_read_or_named_with_the_reason_it_is_not(tmp_path):
    page = f"<html><head><title>زيارة</title></head><body><article>{BODY}</article></body></html>"
    (tmp_path / "index.php").write_text(page, encoding="utf-8")  # a page wget saved under its address
    (tmp_path / "story.xhtml").write_text(page, encoding="utf-8")
    (tmp_path / "article").write_text(SEED, encoding="utf-8")  # no extension, Arabic text
    (tmp_path / "notes").write_text("shopping list", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    (tmp_path / ".DS_Store").write_bytes(bytes(10))
    (tmp_path / ".draft.txt").write_text(SEED, encoding="utf-8")  # hidden: README says not looked at
    (tmp_path / ".old").mkdir()
    (tmp_path / ".old" / "yesterday.txt").write_text(SEED, encoding="utf-8")
    paths, skipped = discover([str(tmp_path)])
    assert sorted(Path(p).name for p in paths) == ["article", "index.php", "story.xhtml"]
    reasons = {Path(r.file).name: (r.status, r.reason) for r in skipped}
    assert reasons["photo.jpg"] == ("ignored", "not an article file (.jpg): name it .txt or .html to have it read")
    assert reasons["notes"][0] == "ignored" and "no extension" in reasons["notes"][1]
    assert ".DS_Store" not in reasons  # hidden files are the system's (and brief's lock), not the user's
    assert discover([str(tmp_path / ".draft.txt")])[0] == [str(tmp_path / ".draft.txt")]  # named: read
    # A folder named twice (or a folder and its subfolder) has its files read once, and no warning.
    paths, skipped = discover([str(tmp_path), str(tmp_path) + "/"])
    assert len(paths) == 3 and not [r for r in skipped if r.status == "skipped"]


def test_a_walk_never_reads_the_output_directory_inside_the_inbox(tmp_path):
    (tmp_path / "a.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "brief-2026-12-01.md").write_text("# Arabic press brief", encoding="utf-8")
    everything, _ = discover([str(tmp_path)])
    assert len(everything) == 2
    candidates, skipped = discover([str(tmp_path)], outputs=str(tmp_path / "." / "briefs"))
    assert [Path(c).name for c in candidates] == ["a.txt"] and skipped == []
    # With the inbox as the output directory, brief's own files there are not read; the others are.
    for name in ("brief-2026-12-01.md", "brief-2026-12-01.en.md", "review-2026-12-01.html", "brief-notes.md"):
        (tmp_path / name).write_text("# Arabic press brief", encoding="utf-8")
    candidates, skipped = discover([str(tmp_path)], outputs=str(tmp_path))
    assert sorted(Path(c).name for c in candidates) == ["a.txt", "brief-2026-12-01.md", "brief-notes.md"]
    # ... and the run report accounts for each of them.
    assert sorted((Path(r.file).name, r.status) for r in skipped) == [
        ("brief-2026-12-01.en.md", "ignored"), ("brief-2026-12-01.md", "ignored"), ("review-2026-12-01.html", "ignored")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_skipped(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SEED, encoding="utf-8")
    path.chmod(0)
    _, skipped = discover([str(path)])
    assert skipped[0].reason == "permission denied"


def test_load_accounts_for_every_input(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SEED, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    documents, records = load([str(good), str(empty)])
    assert [d.file for d in documents] == [str(good)]
    assert {(Path(r.file).name, r.status) for r in records} == {("good.txt", "used"), ("empty.txt", "skipped")}


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.encode("utf-16"))))
    document = read_document("-")
    assert document.file == "-" and document.text.startswith(SEED[:40])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=3000),
                 st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.text(max_size=500).map(lambda t: (SEED[:300] + t).encode("utf-16", "surrogatepass")),
                 st.text(max_size=300).map(lambda t: (SEED[:300] + t).encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_a_document_or_an_input_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.txt"
    path.write_bytes(data)
    try:
        document = read_document(str(path))
    except InputError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert isinstance(document.text, str)
    document.text.encode("utf-8")  # no lone surrogates reach later stages


def test_an_old_output_folder_inside_the_inbox_is_passed_over_not_skipped(tmp_path):
    old = tmp_path / "briefs-november"
    old.mkdir()
    signature = "brief 0.1.0 · model Helsinki-NLP/opus-mt-ar-en@abc · ctranslate2 int8 cpu"
    (old / "brief-2026-11-30.md").write_text(f"# Arabic press brief\n\nوصل الرئيس إلى العاصمة في زيارة رسمية تستمر يومين.\n\n{signature}\n",
                                             encoding="utf-8")
    (old / "review-2026-11-30.html").write_text(
        f'<html><head><meta name="generator" content="{signature}"></head><body><p>{"وصل الرئيس. " * 20}</p></body></html>',
        encoding="utf-8")
    (old / "brief-2026-11-30.pdf").write_bytes(b"%PDF-1.7")
    # The HTML brief saved by a browser as one file (or its mail renamed so): its page is in MIME parts.
    html = (old / "review-2026-11-30.html").read_bytes()
    (old / "saved brief.mhtml").write_bytes(
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        b"\tboundary=\"----B----\"\r\n\r\n------B----\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        + b"\r\n------B------\r\n")
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    documents, records = load([str(tmp_path)])
    fates = {Path(r.file).name: r.status for r in records}
    assert len(documents) == 1 and fates == {"a.txt": "used", "brief-2026-11-30.md": "ignored",
                                             "review-2026-11-30.html": "ignored", "brief-2026-11-30.pdf": "ignored",
                                             "saved brief.mhtml": "ignored"}


def test_embedded_posts_are_not_the_outlets_sentences(tmp_path):
    tweet = ('<blockquote class="twitter-tweet" data-lang="ar"><p lang="ar">نحتاج إلى وصول آمن إلى دارفور قبل '
             'موسم الأمطار</p>&mdash; برنامج الأغذية العالمي (@WFP_Arabic) <a href="https://x.com/1">May 12, 2024</a>'
             '</blockquote>')
    amp = ('<amp-twitter width="375" height="472" data-tweetid="1"><blockquote placeholder class="twitter-tweet">'
           '<p lang="ar">الهيئة العامة للإحصاء: نمو الأنشطة غير النفطية في الربع الأول</p></blockquote></amp-twitter>')
    path = tmp_path / "page.html"
    path.write_text(page(BODY + tweet + amp), encoding="utf-8")
    documents, records = load([str(path)])
    assert "دارفور" not in documents[0].text and "الأنشطة غير النفطية" not in documents[0].text
    assert "وصل الرئيس" in documents[0].text and records[0].embeds_left_out == 2


def test_a_page_saved_before_its_scripts_ran_says_so(tmp_path):
    from brief.pipeline import prepare

    path = tmp_path / "shell.html"
    path.write_text('<!DOCTYPE html><html><head><title>يورونيوز</title></head><body><div id="app"></div>'
                    '<noscript><p>يرجى تفعيل جافا سكريبت في متصفحك لعرض هذه الصفحة بشكل صحيح.</p></noscript>'
                    '<p>يرجى تفعيل جافا سكريبت في متصفحك لعرض هذه الصفحة بشكل صحيح.</p></body></html>', encoding="utf-8")
    prepared = prepare([str(path)])
    assert not prepared.articles and "saved before its scripts" in prepared.inputs[0].reason


def test_control_characters_in_a_text_are_spaces_not_terminal_commands(tmp_path):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "004_3c6385f6fb4de3b3.txt"
    text = seed.read_text(encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("\x1b[2J\x1b[31m" + text.replace("\n", "\x0c\n", 3) + "\x85", encoding="utf-8")
    document = read_document(str(path))
    assert not any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) < 0xA0 for c in document.text)
    # A terminal's sequence goes whole ("[2J" is no text of the article); the article's text is all there.
    assert "[2J" not in document.text and "[31m" not in document.text
    assert "".join(document.text.split()).startswith("".join(text.split())[:200])


ARTICLE = "<h1>وصول الرئيس إلى العاصمة</h1>" + BODY


@pytest.mark.parametrize("head, url", [
    # og:url is the mobile site with tracking, the canonical the address to cite
    ('<meta property="og:url" content="https://m.hespress.com/a-1375321.html?utm_source=fb">'
     '<link rel="canonical" href="https://www.hespress.com/a-1375321.html">', "https://www.hespress.com/a-1375321.html"),
    # a canonical naming only the home page is a template's default
    ('<link rel="canonical" href="https://www.youm7.com/">'
     '<meta property="og:url" content="https://www.youm7.com/story/2024/6/19/x/6612345">',
     "https://www.youm7.com/story/2024/6/19/x/6612345"),
    # an attribute's "&amp;" is "&"
    ('<link rel="canonical" href="https://www.shorouknews.com/news/view.aspx?cdate=19062024&amp;id=7a1c">',
     "https://www.shorouknews.com/news/view.aspx?cdate=19062024&id=7a1c"),
    # a relative canonical is on the site og:url names
    ('<link rel="canonical" href="/node/5012345"><meta property="og:url" content="https://www.albawabhnews.com/5012345'
     '?utm_source=fb">', "https://www.albawabhnews.com/node/5012345"),
    ('<link rel="canonical" href="//www.albawabhnews.com/5012345">', "https://www.albawabhnews.com/5012345"),
    # no link tag: the JSON-LD article's mainEntityOfPage (its @id), else its url
    ('<script type="application/ld+json">{"@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", '
     '"@id": "https://www.alayam.com/alayam/economics/1123456/News.html"}}</script>',
     "https://www.alayam.com/alayam/economics/1123456/News.html"),
    ('<script type="application/ld+json">{"@type": "Article", "url": "https://www.sabq.org/saudia/x7Yq2"}</script>',
     "https://www.sabq.org/saudia/x7Yq2"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "mainEntityOfPage": "https://www.sabq.org/"}'
     '</script>', None),  # the home page is no article's address
])
def test_the_cited_address_is_the_canonical_link_not_og_url(head, url):
    from brief.ingest import extract_html

    page_html = f"<html><head><title>زيارة</title>{head}</head><body><article>{ARTICLE}</article></body></html>"
    assert extract_html(page_html, "page.html")[1]["url"] == url


RELATED = ('<aside><h3>ذات صلة</h3><a href="/a">ارتفاع صادرات السعودية</a><time datetime="2024-06-15T08:00:00Z">'
           '15 يونيو 2024</time></aside>')


@pytest.mark.parametrize("head, published", [
    ('<meta property="article:published_time" content="2024-06-19T19:10:00.000Z">', "2024-06-19"),
    # an empty tag and an impossible date are passed over; a broken JSON-LD block too
    ('<meta property="article:published_time" content=""><meta name="pubdate" content="2024-13-45">'
     '<script type="application/ld+json">{"@type": "NewsArticle",, }</script>'
     '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "عربي21"}, '
     '{"@type": "NewsArticle", "datePublished": "2024-06-18T06:45:12+00:00"}]}</script>', "2024-06-18"),
    ('<meta name="dcterms.date" content="2024-06-17T15:20+03:00">', "2024-06-17"),
    # nested past Python's recursion limit: passed over, not the page refused
    ('<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + '</script>'
     '<meta property="article:published_time" content="2024-06-16T08:00:00Z">', "2024-06-16"),
])
def test_the_date_the_markup_states_comes_before_a_related_storys(head, published):
    from brief.ingest import extract_html

    page_html = (f"<html><head><title>زيارة</title>{head}</head><body><main><article>{ARTICLE}</article>"
                 f"{RELATED}</main></body></html>")
    assert extract_html(page_html, "page.html")[1]["published"] == published


@pytest.mark.parametrize("head, h1, title", [
    # the <title> and og:title end with the site's name; the <h1> is the headline without it
    ('<title>تحذير من مجاعة | الجزيرة نت</title><meta property="og:title" content="تحذير من مجاعة | الجزيرة نت">',
     "<h1>تحذير من مجاعة</h1>", "تحذير من مجاعة"),
    # og:title is a social-media variant; the <title> is the <h1> and the site's name
    ('<title>وزير المالية: الدين يتراجع - اليوم السابع</title>'
     '<meta property="og:title" content="الدين يتراجع.. تفاصيل">',
     "<h1>وزير المالية: الدين يتراجع</h1>", "وزير المالية: الدين يتراجع"),
    ('<title>جريدة الرياض | أمانة الرياض تطلق مشروعا</title>', "<h1>أمانة الرياض تطلق مشروعا</h1>",
     "أمانة الرياض تطلق مشروعا"),
    # no <h1>: the site's name og:site_name gives is taken off the <title>
    ('<title>الناتو يعزز دفاعاته | سكاي نيوز عربية</title><meta property="og:site_name" content="سكاي نيوز عربية">',
     "", "الناتو يعزز دفاعاته"),
    # the <title> drops the <h1>'s quotation marks: word for word it is the same headline
    ('<title>تحذير من «مجاعة» وشيكة | الجزيرة نت</title><meta property="og:title" content="تحذير من «مجاعة» وشيكة | '
     'الجزيرة نت">', "<h1>تحذير من مجاعة وشيكة.</h1>", "تحذير من مجاعة وشيكة."),
    # a logo's <h1> that the <title> ends with is the site's name, not the headline
    ('<title>تحذير من مجاعة | الجزيرة</title>', "<h1>الجزيرة</h1><h2>تحذير من مجاعة</h2>", "تحذير من مجاعة"),
])
def test_the_title_is_the_headline_without_the_sites_name(head, h1, title):
    from brief.ingest import extract_html

    page_html = f"<html><head>{head}</head><body><header>{h1}</header><article>{BODY}</article></body></html>"
    assert extract_html(page_html, "page.html")[1]["title"] == title


@pytest.mark.parametrize("head, h1, outlet", [
    # trafilatura takes a <title> part with a "." for the site's name: here the headline
    ('<title>الانتخابات الإيرانية.. ستة مرشحين | الشرق للأخبار</title>', "<h1>الانتخابات الإيرانية.. ستة مرشحين</h1>",
     "الشرق للأخبار"),
    ('<title>ارتفاع التضخم إلى 28.1%</title>', "<h1>ارتفاع التضخم إلى 28.1%</h1>", None),
    # an address for a site name, and the <title> names the site
    ('<title>السعودية تعلن خطة | الشرق الأوسط</title><meta property="og:site_name" content="aawsat.com">',
     "<h1>السعودية تعلن خطة</h1>", "الشرق الأوسط"),
    ('<title>خبر - عربي21</title><meta property="og:site_name" content="عربي21">', "<h1>خبر</h1>", "عربي21"),
    ('<title>زيارة رسمية</title><meta property="og:site_name" content="aawsat.com"><script type="application/ld+json">'
     '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "الشرق الأوسط"}}</script>', "",
     "الشرق الأوسط"),
    # the logo on the link to the home page names the site; the menu's "home" does not
    ('<title>زيارة رسمية</title><meta property="og:site_name" content="aawsat.com">',
     '<a href="/">الرئيسية</a><a href="https://aawsat.com/"><img alt="شعار الموقع" src="l.svg"><img alt="الشرق الأوسط" '
     'src="l.png"></a>', "الشرق الأوسط"),
    ('<title>زيارة رسمية</title><meta property="og:site_name" content="aawsat.com">',
     '<a href="/" title="الصفحة الرئيسية">الرئيسية</a>', "aawsat.com"),
    # the markup's name before the <title>'s other part, which may be a section
    ('<title>زيارة رسمية | سياسة</title><meta property="og:site_name" content="aawsat.com"><script type="application/'
     'ld+json">{"@type": "NewsArticle", "publisher": {"name": "الشرق الأوسط"}}</script>', "<h1>زيارة رسمية</h1>",
     "الشرق الأوسط"),
])
def test_the_outlet_is_the_sites_name_not_its_headline_or_address(head, h1, outlet):
    from brief.ingest import extract_html

    page_html = f"<html><head>{head}</head><body><article>{h1}{BODY}</article></body></html>"
    assert extract_html(page_html, "page.html")[1]["outlet"] == outlet


@pytest.mark.parametrize("above, below, published", [
    # an old page's issue line over the headline: its Hijri date first, its year with the era glued on
    ('<div class="issue">جريدة الرياض - العدد 20512 - الأربعاء 13 ذو الحجة 1445هـ - 19 يونيو 2024م</div>', "",
     "2024-06-19"),
    ("", "<div>كتبت - هبة حسام</div><span>الأربعاء، 19 يونيو 2024 11:00 ص</span>", "2024-06-19"),
    # WordPress links its date line to the article
    ("", '<span class="posted-on"><a href="/?p=1" rel="bookmark"><time>19 يونيو 2024</time></a></span>', "2024-06-19"),
    # a link's date is another story's; a subtitle's is the news's
    ("<ul><li><a href='/x'>خبر سابق 18 يونيو 2024</a></li></ul>", "", None),
    ("", "<p><a href='/x'>خبر سابق</a> 18 يونيو 2024</p>", None),
    ("", "<h2>الانتخابات المقررة في 28 يونيو 2024</h2>", None),
    ("", '<div class="date">آخر تحديث: 20 يونيو 2024</div>', None),  # an update's date
])
def test_a_page_whose_markup_states_no_date_gives_the_date_by_its_headline(tmp_path, above, below, published):
    page_html = (f'<html><head><meta charset="windows-1256"><title>أمانة الرياض تطلق مشروعا</title></head><body>'
                 f'{above}<h1>أمانة الرياض تطلق مشروعا</h1>{below}<div class="text">{BODY}</div></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page_html.encode("cp1256"))
    assert read_document(str(path)).html_meta["published"] == published


HTML_META = Path(__file__).parent / "data" / "html_meta"
HTML_META_EXPECTED = json.loads((HTML_META / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(HTML_META_EXPECTED))
def test_saved_pages_of_arabic_news_sites_give_their_source_list_fields(name):
    """Outlet, title, address and date as a careful reader would list them, from pages as browsers save them."""
    from brief.pipeline import inspect

    expected = HTML_META_EXPECTED[name]
    records, _ = inspect([str(HTML_META / name)])
    got = records[0]
    assert got["title"] in [expected["title"], *expected.get("title_also", [])]
    assert got["outlet"] in expected["outlet"]
    assert unquote(got["url"] or "") == unquote(expected["url"])  # a browser saves an address percent-encoded
    assert got["published"] == expected["published"]


@pytest.mark.parametrize("stamp, address, line, published", [
    # 21:36 UTC is 00:36 on the 19th in Mecca: the address and the date line say the 19th
    ("2024-06-18T21:36:00Z", "https://www.aljazeera.net/news/2024/6/19/x", "", "2024-06-19"),
    ("2024-06-18T21:36:00.000+00:00", "https://example.com/a/1", "<p>نشر في: 19 يونيو 2024</p>", "2024-06-19"),
    ("2024-06-18T21:36:00Z", "https://example.com/a/1", "", "2024-06-18"),  # nothing says otherwise
    ("2024-06-18T23:36:00+03:00", "https://www.aljazeera.net/news/2024/6/19/x", "", "2024-06-18"),  # local time
    ("9999-12-31T23:00:00Z", "https://example.com/a/1", "", "9999-12-31"),
    # 15:00 UTC is the same day everywhere in the region: the next day's line is an update's
    ("2024-06-18T15:00:00Z", "https://www.aljazeera.net/news/2024/6/19/x", "", "2024-06-18"),
])
def test_a_utc_publication_time_is_the_day_the_pages_readers_saw(stamp, address, line, published):
    from brief.ingest import extract_html

    page_html = (f'<html><head><title>زيارة رسمية</title><link rel="canonical" href="{address}">'
                 f'<meta property="article:published_time" content="{stamp}"></head><body><article>'
                 f'<h1>زيارة رسمية</h1>{line}{BODY}</article></body></html>')
    assert extract_html(page_html, "page.html")[1]["published"] == published


def test_the_date_line_by_the_headline_comes_before_htmldates_guess_from_related_stories():
    from brief.ingest import extract_html

    page_html = ('<html><head><title>زيارة رسمية</title></head><body><main><article><h1>زيارة رسمية</h1>'
                 '<div class="b-date"><time>نُشر: 22:10-19 يونيو 2024 م ـ 13 ذو الحِجّة 1445 هـ</time></div>'
                 f'{BODY}</article>{RELATED}</main></body></html>')
    assert extract_html(page_html, "page.html")[1]["published"] == "2024-06-19"  # htmldate: the related 15 June


@pytest.mark.parametrize("markup", [
    # a related story's microdata, in a list before the article
    '<aside><ul><li itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" '
    'content="2024-06-15"><a href="/x">خبر آخر</a></li></ul></aside>'
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-06-19T08:00:00+03:00"}</script>',
    # JSON-LD that describes the related stories too: the headline's article is the page's
    '<script type="application/ld+json">[{"@type": "NewsArticle", "headline": "خبر آخر", "datePublished": "2024-06-15"},'
    ' {"@type": "NewsArticle", "headline": "وصول الرئيس إلى العاصمة", "datePublished": "2024-06-19"}]</script>',
])
def test_a_related_storys_structured_date_is_not_the_pages(markup):
    from brief.ingest import extract_html

    page_html = (f"<html><head><title>وصول الرئيس إلى العاصمة</title></head><body>{markup}<article>{ARTICLE}</article>"
                 "</body></html>")
    assert extract_html(page_html, "page.html")[1]["published"] == "2024-06-19"


def test_a_markdown_article_reads_as_the_text_it_shows_line_for_line(tmp_path):
    text = ("# بوتين يصل إلى بيونغ يانغ في زيارة نادرة\n\n**وكالة يونهاب** | 19 يونيو 2024\n\n"
            "![صورة بوتين](https://example.com/putin.jpg)\n\n" + SEED.split("\n")[0] + "\n\n"
            "> وبدأ بوتين وكيم محادثات القمة بينهما في قصر الشمس كومسوسان في بيونغ يانغ.\n\n"
            "وقال [المتحدث باسم الكرملين](https://example.com/source) إن الزيارة ناجحة. <https://example.com/x>\n")
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(str(path))
    lines = document.text.split("\n")
    assert len(lines) == len(text.split("\n"))  # line numbers in `brief inspect` are the file's
    assert lines[2] == "وكالة يونهاب | 19 يونيو 2024" and lines[4] == ""
    assert lines[8].startswith("وبدأ بوتين") and lines[10].startswith("وقال المتحدث باسم الكرملين إن")
    from brief.clean import clean_document

    [article] = clean_document(document)
    assert (article.outlet, article.published) == ("وكالة يونهاب", "2024-06-19")


def test_an_iso_8859_6_file_is_not_read_as_windows_1256_nonsense(tmp_path):
    path = tmp_path / "iso.txt"
    path.write_bytes(SEED.encode("iso-8859-6", errors="replace"))
    document = read_document(str(path))
    assert document.encoding == "iso-8859-6" and "بوتين" in document.text
    # Windows-1256 Arabic stays Windows-1256.
    path.write_bytes(SEED.encode("cp1256", errors="replace"))
    assert read_document(str(path)).encoding == "windows-1256"


def test_a_terminal_colour_sequence_copied_with_the_text_goes_whole(tmp_path):
    # Without its ESC, "[31m" was left in a key point.
    path = tmp_path / "a.txt"
    path.write_text("عنوان \x1b[31mالخبر\x1b[0m اليوم\n\nأعلنت الوزارة اليوم افتتاح المستشفى الجديد في المدينة بعد ترميم استمر "
                    "ثلاث سنوات وبتكلفة بلغت خمسين مليون دينار.\n", encoding="utf-8")
    text = read_document(str(path)).text
    assert "[31m" not in text and "[0m" not in text and "عنوان الخبر اليوم" in text


def test_a_utf8_file_with_a_windows_1256_line_reads_each_line_in_its_own_encoding(tmp_path):
    # Read whole as Windows-1256 (more than 16 bad UTF-8 sequences), the UTF-8 part became Arabic-looking
    # nonsense that passed every later check and made key points; nothing said so.
    added = "وأضاف المتحدث أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة."
    path = tmp_path / "mixed.txt"
    path.write_bytes(SEED.encode("utf-8") + b"\n" + added.encode("cp1256") + b"\n")
    document = read_document(str(path))
    assert "بوتين" in document.text and added in document.text
    assert document.encoding == "utf-8, 1 line in windows-1256"
    # Windows-1256 throughout stays one encoding.
    path.write_bytes(SEED.encode("cp1256", errors="replace") + b"\n" + added.encode("cp1256") + b"\n")
    assert read_document(str(path)).encoding == "windows-1256"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_file_cut_short_says_its_bytes_were_replaced(tmp_path, encoding):
    # Its last character became a replacement mark in the text with no word in the report (as UTF-8 has).
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.encode(encoding)[:-1])
    document = read_document(str(path))
    assert document.encoding.endswith("(1 undecodable byte sequence replaced)"), document.encoding
    path.write_bytes(SEED.encode(encoding))
    assert "replaced" not in read_document(str(path)).encoding


def test_a_link_to_a_file_read_already_is_in_the_report(tmp_path):
    # It was read once (right) and named nowhere: the report must account for every input file.
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    documents, records = load([str(tmp_path)])
    assert len(documents) == 1
    assert {Path(r.file).name: (r.status, r.reason) for r in records} == {
        "a.txt": ("used", ""), "b.txt": ("ignored", f"the same file as {tmp_path / 'a.txt'}, read once")}


def test_a_page_address_with_a_user_part_names_its_real_host(tmp_path):
    # The canonical "https://good.example@evil.example/a" gave the outlet and address "good.example@evil.example".
    path = tmp_path / "page.html"
    path.write_text(page(BODY).replace("<head>", '<head><link rel="canonical" href="https://good.example@evil.example/a">'),
                    encoding="utf-8")
    document = read_document(str(path))
    assert document.html_meta["url"] == "https://evil.example/a"
    assert "good.example" not in (document.html_meta["outlet"] or "")
