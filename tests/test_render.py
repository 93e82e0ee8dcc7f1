"""Render stage: escaping in every format, bidi isolation, the one-page PDF for 1 to 200 articles, outputs."""
from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import render
from brief.arabic import INVISIBLE_CONTROLS, has_arabic
from brief.errors import OutputError, RenderError, UsageError
from brief.models import Flag
from render_briefs import make_brief

DATA = Path(__file__).resolve().parent / "data"
INJECTION = json.loads((DATA / "injection" / "payloads.json").read_text(encoding="utf-8"))
POPPLER = shutil.which("pdfinfo") and shutil.which("pdffonts") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfinfo, pdffonts, pdftotext) not installed")
OVERRIDES = re.compile("[\u202A-\u202E\u200B-\u200F\u2060-\u2064\uFEFF\u061C]")


# ---------------------------------------------------------------- a strict HTML inspector

class Tags(HTMLParser):
    """Every start tag with its attributes, so tests can assert what markup exists."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    return parser


def assert_inert_html(text: str, allowed_tags: set[str]):
    """No script, no event handler, no foreign tag, every link http(s) or local."""
    parsed = parse_html(text)
    for tag, attrs in parsed.tags:
        assert tag in allowed_tags, f"unexpected <{tag}> in output"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            if name in ("href", "src"):
                assert tag == "a", f"{name} on <{tag}>"
                assert re.match(r"^(https?://|#|review-[\w.-]+\.html(#[\w-]+)?$)", value), value
    return parsed


BRIEF_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "main", "table", "tr",
              "th", "td", "span", "a", "bdi", "section", "ul", "li", "footer", "strong", "em", "colgroup", "col", "wbr"}
REVIEW_TAGS = BRIEF_TAGS | {"nav", "ol", "article", "h3", "dl", "dt", "dd", "div", "code"}


# ---------------------------------------------------------------- text safety

@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
@settings(max_examples=300, deadline=None)
def test_markdown_escape_renders_back_to_the_same_text(text):
    """Whatever the text, python-markdown shows it as one paragraph of that text, with no markup."""
    cleaned = render.clean_text(text)
    out = markdown.markdown(render.md_escape(text), extensions=["tables"])
    if not cleaned:
        assert out == ""
        return
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner, out
    assert html.unescape(inner) == cleaned


@given(st.text(max_size=60))
def test_clean_text_removes_every_bidi_control_and_zero_width_character(text):
    cleaned = render.clean_text(text)
    assert not INVISIBLE_CONTROLS.search(cleaned)
    assert "\n" not in cleaned and "\x00" not in cleaned


@given(st.text(alphabet="بوتين كيم 10-06-2024 Kim Jong-un https://x.org/a 10:30 ،.", max_size=60))
def test_isolation_keeps_the_text_and_balances_isolates(text):
    for direction in ("rtl", "ltr", "auto"):
        plain = render.isolate_plain(text, direction)
        assert plain.replace(render.LRI, "").replace(render.RLI, "").replace(render.PDI, "") == render.clean_text(text)
        assert plain.count(render.LRI) + plain.count(render.RLI) == plain.count(render.PDI)
        marked = str(render.isolate_html(text, direction))
        assert html.unescape(re.sub(r"</?bdi[^>]*>", "", marked)) == render.clean_text(text)


def test_dates_urls_and_latin_names_inside_arabic_are_isolated():
    text = "وقال الكرملين في 10-06-2024 الساعة 10:30 إن Kim Jong-un زار https://www.lifegate.it/russia، وذلك في عام 2000."
    marked = str(render.isolate_html(text))
    for run in ("10-06-2024", "10:30"):  # figures: kept on one line by the style sheet
        assert f'<bdi dir="ltr" class="figure">{run}</bdi>' in marked
    for run in ("Kim Jong-un", "https://www.lifegate.it/russia"):  # may break at spaces, slashes, hyphens
        assert f'<bdi dir="ltr">{run}</bdi>' in marked
    assert '<bdi dir="ltr">2000</bdi>' not in marked  # a bare number needs no isolation
    assert render.isolate_html("Putin visited Hanoi on 20-06-2024") == "Putin visited Hanoi on 20-06-2024"
    # A hashtag of 57 letters may break anywhere: the PDF engine wraps an isolated run no other way.
    tagged = str(render.isolate_html("ضمن حملة #JordanHealthMinistryOpensTheNewIrbidGovernmentalHospital مساء أمس."))
    assert '<bdi dir="ltr" class="long">JordanHealthMinistryOpensTheNewIrbidGovernmentalHospital</bdi>' in tagged


def test_arabic_inside_english_is_isolated_and_the_english_is_not():
    marked = str(render.isolate_html("The ministry said الحادث is under investigation in بغداد today.", "ltr"))
    assert marked == ('The ministry said <bdi dir="rtl">الحادث</bdi> is under investigation in '
                      '<bdi dir="rtl">بغداد</bdi> today.')
    both = str(render.isolate_html("'بيونغ يانغ' should be rendered 'Pyongyang'", "ltr"))
    assert both == "&#39;<bdi dir=\"rtl\">بيونغ يانغ</bdi>&#39; should be rendered &#39;Pyongyang&#39;"
    # A <bdi> without dir takes its first strong letter's direction, and so does "auto".
    assert '<bdi dir="rtl">' in str(render.isolate_html("CNN بالعربية", "auto"))
    assert '<bdi dir="ltr">CNN</bdi>' in str(render.isolate_html("بالعربية CNN", "auto"))


@pytest.mark.parametrize("url", INJECTION["urls"])
def test_only_http_links_survive_and_they_cannot_break_out(url):
    safe = render.safe_url(url)
    if url.startswith(("http://", "https://")):
        assert safe and not re.search(r"[\s\"'<>()\u202E]", safe)
    else:
        assert safe is None


def test_a_link_that_passes_for_another_site_shows_and_opens_its_real_host():
    # "good.example@evil.example" read as good.example's page; it opens evil.example.
    assert render.safe_url("https://good.example@evil.example/a") == "https://evil.example/a"
    assert render.safe_url("https://user:pw@www.youm7.com/story/1") == "https://www.youm7.com/story/1"
    assert render.safe_url("https://good.example@/a") is None


def test_html_templates_are_autoescaped_and_markdown_ones_are_not():
    assert render._is_html_template("brief.html.j2") and render._is_html_template("review.html.j2")
    assert not render._is_html_template("brief.md.j2")
    assert render._environment("html").autoescape("brief.html.j2") is True


# ---------------------------------------------------------------- the injection corpus, every format

def poisoned_brief():
    """Every untrusted field of a brief carries one of the injection payloads."""
    brief = make_brief(6, points_per_article=2)
    payloads = INJECTION["text"]
    urls = INJECTION["urls"]
    k = 0
    for article in brief.articles:
        article.title = payloads[k % len(payloads)]
        article.outlet = payloads[(k + 1) % len(payloads)]
        article.file = payloads[(k + 2) % len(payloads)][:40]
        article.url = urls[k % len(urls)]
        for sentence in article.sentences[:8]:
            sentence.text += " " + payloads[k % len(payloads)]
            sentence.english = payloads[(k + 3) % len(payloads)]
            sentence.flags = [Flag("<b>code</b>", payloads[(k + 4) % len(payloads)])]
            k += 1
    for point in brief.points:
        article = brief.articles[point.article - 1]
        sentence = article.sentences[point.sentence]
        point.arabic, point.english, point.flags = sentence.text, sentence.english, list(sentence.flags)
    for story in brief.stories:
        story.title_english = payloads[story.number % len(payloads)]
        story.title_arabic = "بوتين " + payloads[(story.number + 5) % len(payloads)]
    brief.title = "Brief <script>alert(9)</script> \u202Eevil"
    return brief


@pytest.fixture(scope="module")
def poisoned():
    return poisoned_brief()


def test_injection_markdown_renders_to_inert_html(poisoned):
    text = render.render_markdown(poisoned)
    assert not OVERRIDES.search(text)
    rendered = markdown.markdown(text, extensions=["tables"])
    parsed = assert_inert_html(rendered, {"h1", "h2", "p", "ul", "li", "strong", "blockquote", "hr", "a"})
    assert not any(tag == "a" and not re.match(r"https?://ok\.example/", a.get("href", "")) for tag, a in parsed.tags)
    # The payloads are still there, as text.
    assert "<script>alert('x')</script>" in "".join(parsed.text)


def test_injection_html_brief_and_review_are_inert(poisoned):
    for page, tags in ((render.render_html(poisoned), BRIEF_TAGS), (render.render_html(poisoned, for_pdf=True), BRIEF_TAGS),
                       (render.render_review(poisoned), REVIEW_TAGS)):
        assert not OVERRIDES.search(page)
        parsed = assert_inert_html(page, tags)
        assert "<img src=x onerror=alert(1)>" in "".join(parsed.text)
        assert "{{ 7*7 }}" in "".join(parsed.text)  # template syntax in data is never evaluated


def test_injection_plain_text_has_no_bidi_overrides(poisoned):
    text = render.render_text(poisoned)
    assert not OVERRIDES.search(text)
    assert "\x00" not in text and "\x1b" not in text


@needs_poppler
def test_injection_pdf_is_one_page_and_free_of_overrides(poisoned, tmp_path):
    fitted, pdf = render.fit_to_page(poisoned)
    path = tmp_path / "poisoned.pdf"
    path.write_bytes(pdf)
    assert pdf_pages(path) == 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "\u202E" not in text and "Brief <script>alert(9)</script>" in " ".join(text.split())
    assert b"javascript" not in pdf.lower()


def test_weasyprint_fetches_only_the_projects_fonts():
    fetcher = render._url_fetcher()
    font = (render.prompts_dir() / "fonts" / "NotoSans-Regular.ttf").resolve()
    assert fetcher(font.as_uri()).read(4) == b"\x00\x01\x00\x00"
    assert fetcher("data:text/plain,hi").read() == b"hi"
    for refused in ("https://example.org/x.css", "http://127.0.0.1/", "file:///etc/passwd",
                    (render.prompts_dir() / "brief.md.j2").resolve().as_uri(), "ftp://example.org/a"):
        with pytest.raises(ValueError):
            fetcher(refused)


# ---------------------------------------------------------------- the one-page PDF

def pdf_text(path: Path) -> str:
    """pdftotext's words, without the embedding marks it adds around right-to-left runs."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub("[\u202A-\u202C]", "", out).split())


@needs_poppler
def test_brackets_copied_from_the_pdf_face_the_right_way(tmp_path):
    # Noto Naskh has no brackets: drawn mirrored in Arabic by the English text's font, one glyph stood for
    # both "(" and ")" in the text layer, and the English copied out of the PDF read ")Firas Hawari(".
    brief = make_brief(1)
    brief.points[0].arabic = "وقال وزير الصحة (فراس الهواري) إن المستشفى يخدم الشمال (بترا)."
    brief.points[0].english = "The health minister (Firas Hawari) said the hospital serves the north [Petra]."
    _, pdf = render.fit_to_page(brief)
    (tmp_path / "b.pdf").write_bytes(pdf)
    text = pdf_text(tmp_path / "b.pdf")
    assert "(Firas Hawari)" in text and "[Petra]" in text
    assert "(فراس الهواري)" in text or "(الهواري فراس)" in text


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_fonts(path: Path) -> list[dict]:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    fonts = []
    for line in lines:
        # name type encoding emb sub uni object ID: the three yes/no columns come before the object id.
        fields = line.split()
        fonts.append({"name": fields[0], "emb": fields[-5], "sub": fields[-4]})
    return fonts


@pytest.fixture(scope="module")
def fitted_sets(tmp_path_factory):
    """fit_to_page on 1, 5, 50 and 200 articles (the larger sets vary the seeds)."""
    folder = tmp_path_factory.mktemp("pdfs")
    result = {}
    for count in (1, 5, 50, 200):
        brief = make_brief(count, stories=count > 1)
        fitted, pdf = render.fit_to_page(brief)
        path = folder / f"brief-{count}.pdf"
        path.write_bytes(pdf)
        result[count] = (brief, fitted, path)
    return result


@needs_poppler
@pytest.mark.parametrize("count", [1, 5, 50, 200])
def test_pdf_is_one_page_with_every_font_embedded(fitted_sets, count):
    brief, fitted, path = fitted_sets[count]
    assert pdf_pages(path) == 1
    fonts = pdf_fonts(path)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    names = " ".join(f["name"] for f in fonts)
    assert {f["name"].split("+", 1)[1] for f in fonts} <= {"Brief-Sans", "Brief-Sans-Bold", "Brief-Sans-Italic", "Brief-Naskh", "Brief-Naskh-Bold",
                                                                "Brief-Brackets", "Brief-Brackets-Bold"}
    assert "Brief-Naskh" in names and "Brief-Sans" in names
    assert fitted.more_points == len(brief.points) - len(fitted.points)


@needs_poppler
@pytest.mark.parametrize("count", [1, 5, 50, 200])
def test_points_on_the_page_are_whole_sentences(fitted_sets, count):
    brief, fitted, path = fitted_sets[count]
    text = pdf_text(path)
    words = " ".join(re.findall(r"[A-Za-z0-9']+", text))  # pdftotext may move brackets around RTL runs
    assert fitted.points
    for point in fitted.points:
        assert " ".join(re.findall(r"[A-Za-z0-9']+", point.english)) in words
    assert brief.signature.line() in text or brief.signature.model in text
    if fitted.more_points:
        assert f"{fitted.more_points} further point" in text


def test_fitting_keeps_a_point_per_story_before_dropping_stories(fitted_sets):
    brief, fitted, _ = fitted_sets[50]
    assert fitted.more_points > 0
    with_points = [s for s in fitted.stories if s.points]
    moved = [s for s in brief.stories if s.number not in {w.number for w in with_points}]
    if moved:
        assert all(len(s.points) == 1 for s in with_points)
        ranks = [s.number for s in brief.stories]
        assert [s.number for s in with_points] == ranks[:len(with_points)]  # the best-ranked stories stay
    # The weakest points went first: every point kept scores at least as well as its story's dropped ones.
    kept = {id(p) for p in fitted.points}
    for story in with_points:
        mine = [p for p in brief.points if p.story == story.number]
        best_dropped = max((p.score for p in mine if id(p) not in kept), default=-1)
        assert min(p.score for p in mine if id(p) in kept) >= best_dropped
    assert fitted.flagged_points == sum(1 for p in fitted.points if p.flags)


def test_more_stories_entries_are_given_up_before_the_top_storys_last_point():
    brief = make_brief(60)  # 12 stories whose long headlines fill the "More stories" line
    for story in brief.stories:
        story.title_english = " ".join(["headline"] * 16) + f" {story.number}"  # as long as the page shows
    for point in brief.points:
        point.english = " ".join([point.english] * 3)  # the top story's one point fills what is left
    fitted, _ = render.fit_to_page(brief)
    assert len(fitted.points) >= 1 and fitted.points[0].story == brief.stories[0].number
    assert fitted.more_stories > 0  # entries were left out of the line to make room


def test_a_small_brief_keeps_every_point(fitted_sets):
    brief, fitted, _ = fitted_sets[5]
    assert len(fitted.points) == len(brief.points) and fitted.more_points == 0


@needs_poppler
def test_letter_paper(tmp_path):
    fitted, pdf = render.fit_to_page(make_brief(3), paper="letter")
    (tmp_path / "l.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(tmp_path / "l.pdf")], capture_output=True, text=True).stdout
    assert "612 x 792" in info and pdf_pages(tmp_path / "l.pdf") == 1
    with pytest.raises(UsageError):
        render.fit_to_page(make_brief(1), paper="a3")


@needs_poppler
def test_unbroken_words_in_titles_and_headings_stay_inside_the_page(tmp_path):
    brief = make_brief(10)
    brief.title = "T" * 160
    brief.stories[0].title_english = "W" * 150
    brief.stories[0].title_arabic = "#" + "_".join(["منتخب_مصر_يتعاقد_مع_مدرب_جديد"] * 4)
    _, pdf = render.fit_to_page(brief)
    path = tmp_path / "wide.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox", str(path), str(tmp_path / "boxes.html")], check=True)
    boxes = (tmp_path / "boxes.html").read_text(encoding="utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    words = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)"', boxes)]
    margin = 30  # pt; the page's margins are wider
    assert words and all(margin <= left and right <= width - margin for left, right in words)
    # The English story heading keeps to its column: it does not run into the Arabic one.
    heading = re.findall(r'xMin="[\d.-]+" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">W+<', boxes)
    assert heading and all(float(right) < width * 0.56 for right in heading)


@needs_poppler
def test_long_addresses_and_titles_of_sources_do_not_take_the_points_place():
    # Against sources with a long but real headline and address, pathological ones cost nothing more.
    real = make_brief(6)
    for article in real.articles:
        article.url = f"https://www.example-news.com/2024/6/19/putin-visit-{article.number}"
        article.title = ("عنوان طويل جدا " * 20)[:render.SHOWN_TITLE_CHARS - 10]
    plain, _ = render.fit_to_page(real)
    brief = make_brief(6)
    slug = "/".join(["%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%8A%D8%B5%D9%84-%D8%A5%D9%84%D9%89"] * 30)
    for article in brief.articles:
        article.url = f"https://www.example-news.com/2024/6/19/{slug}/{article.number}"
        article.title = "عنوان طويل جدا " * 500
        article.outlet = "Outlet " * 100
    fitted, _ = render.fit_to_page(brief)
    assert len(fitted.points) == len(plain.points)
    page = render.render_html(fitted)
    assert f'href="{brief.articles[0].url}"' in page  # the link keeps the whole address ...
    assert ">example-news.com/2024/6/19/…<" in page  # ... which reads shortened
    assert "%D8" not in re.sub(r'href="[^"]*"', "", page)
    assert max(map(len, re.findall(r"“(?:<bdi>)?([^”]*)”", page))) < 2 * render.SHOWN_TITLE_CHARS
    # The Markdown brief, too, shows the address shortened and links the whole of it.
    text = render.render_markdown(fitted)
    assert f"[example-news.com/2024/6/19/…]({brief.articles[0].url})" in text
    assert "%D8" not in re.sub(r"\]\([^)]*\)", "", text)


def test_shorten_cuts_at_a_word_and_says_so():
    assert render.shorten("short title") == "short title"
    cut = render.shorten("word " * 100, 40)
    assert len(cut) <= 40 and cut.endswith("word…")
    assert render.url_label("https://www.site.org/a/b?q=1") == "site.org/a/b?q=1"


def test_a_sentence_too_long_for_any_page_is_left_out_not_cut():
    brief = make_brief(1, stories=False, points_per_article=1)
    brief.points[0].english = "word " * 1500
    fitted, pdf = render.fit_to_page(brief)
    assert fitted.points == [] and fitted.more_points == 1
    assert "No key point fits" in render.render_markdown(fitted)


# ---------------------------------------------------------------- content of the brief and the review page

def test_markdown_brief_has_points_citations_sources_and_signature():
    brief = make_brief(5)
    text = render.render_markdown(brief)
    assert text.startswith("# Arabic press brief, 2024-06-20")
    point = brief.points[0]
    assert re.search(r"\*\*\d+\.\*\* " + re.escape(render.md_escape(point.english)) + r".*\[" + str(point.citations[0]) + r"\]",
                     text)
    assert render.isolate_plain(point.arabic).split()[0] in text
    assert "## Sources" in text and "- [1] " in text and "[news.example.org/2024/06/11/article-1](https://news.example.org/2024/06/11/article-1)" in text
    assert brief.signature.line() in text.replace("\\", "")
    assert "## 1\\. Putin's Asia tour, part 1" in text


@pytest.mark.parametrize("renderer", ["python-markdown", "commonmark"])
@pytest.mark.parametrize("stories", [True, False])
def test_in_a_markdown_viewer_each_point_shows_its_number_its_english_and_its_arabic(renderer, stories):
    # Numbers as the PDF and the review page give them, in any viewer: python-markdown numbered an ordered
    # list from 1 under each story, so the second story's "point 4" read "1".
    brief = make_brief(3, stories=stories)
    text = render.render_markdown(brief)
    if renderer == "commonmark":
        page = pytest.importorskip("markdown_it").MarkdownIt("commonmark").render(text)
    else:
        page = markdown.markdown(text)
    body = page.split("<h2>Sources</h2>")[0]
    numbered = re.findall(r"<p><strong>(\d+)\.</strong> (.*?)</p>\s*<blockquote>\s*<p>(.*?)</p>\s*</blockquote>",
                          body, re.S)
    assert [int(n) for n, _, _ in numbered] == list(range(1, len(brief.points) + 1))
    for _, english, arabic in numbered:
        assert any(english.startswith(html.escape(p.english, quote=False)) for p in brief.points)
        assert not has_arabic(english) and has_arabic(arabic)
    assert "<ol" not in body and "<pre" not in body
    footer = re.findall(r"<p>(.*?)</p>", page.split("<hr")[-1], re.S)
    assert [p.split()[0] for p in footer] == ["Every", "Machine", "brief"]


def test_a_corroborated_point_says_how_many_outlets_report_it_each_counted_once():
    brief = make_brief(5)
    brief.stories = []
    for point in brief.points:
        point.story = 0
    outlets = {a.number: a.outlet for a in brief.articles}
    assert len({outlets[1], outlets[3], outlets[4]}) == 3
    brief.articles[4].outlet = f"  {outlets[1].upper()} "  # source 5: a second article of source 1's outlet
    brief.articles[1].outlet = None  # source 2: outlet unknown, counted by its file
    brief.points[0].citations = [1, 3, 4, 5]
    brief.points[1].citations = [2]
    brief.points[2].citations = [1, 5]  # one outlet's two articles: no corroboration to show
    brief.points[3].citations = [2, 3]
    for text in (render.render_markdown(brief), render.render_text(brief), render.render_html(brief)):
        lines = [line for line in text.splitlines() if "[3]" in line and "[4]" in line and "[5]" in line]
        assert any("· 3 outlets" in line for line in lines), text
        counts = [int(n) for n in re.findall(r"· (\d+) outlets", text)]
        assert counts == [3, 2] + [len(p.citations) for p in brief.points[4:] if len(p.citations) > 1], text
        assert "sources" not in "".join(re.findall(r"\] · \d+ \w+", text))


def test_a_point_many_articles_report_cites_a_few_one_per_outlet_first_and_counts_the_rest():
    brief = make_brief(14)  # 7 outlets, each with two articles
    brief.stories = []
    for i, point in enumerate(brief.points):
        point.story = 0
        point.citations = [4 + i % 4]
    brief.points[0].citations = [1, 2, 3, 8, 9, 10, 11]  # 8, 9 and 10 repeat the outlets of 1, 2 and 3
    for text in (render.render_markdown(brief), render.render_text(brief), render.render_html(brief)):
        plain = re.sub(r"<[^>]+>", "", text)
        assert "[1][2][3][11] +3 · 4 outlets" in plain, plain
        assert "further sources" in plain
        listed = {int(n) for n in re.findall(r"\[(\d+)\]", plain.split("Sources")[-1])}
        assert not listed & {8, 9, 10}, listed  # only what the page cites is in its source list
    review = re.sub(r"<[^>]+>", "", render.render_review(brief))
    assert "reported by [1][2][3][8][9][10][11]" in review  # where the +3 are named


def test_english_variant_has_no_arabic_points():
    brief = make_brief(5, variant="english")
    page = render.render_html(brief)
    assert 'class="ar"' not in page.split('class="sources"')[0]
    md = render.render_markdown(brief).split("## Sources")[0]
    assert not has_arabic(md)


def test_more_stories_line_lists_stories_without_points():
    brief = make_brief(15)
    for point in brief.points:
        if point.story == 3:
            point.story = 1
    text = render.render_markdown(brief)
    assert "**More stories:** Putin's Asia tour, part 3: treaty and reactions [11] +4." in text
    # A story told before with nothing new says so: the reader must not take it for today's news.
    brief.stories[2].followup, brief.stories[2].new_articles = True, []
    for text in (render.render_markdown(brief), render.render_text(brief), render.render_html(brief)):
        assert "Asia tour, part 3: treaty and reactions (follow-up)" in text


@pytest.mark.parametrize("model, shown", [
    ("/home/analyst/models/opus-mt-ar-en/", "opus-mt-ar-en"),
    ("/home/analyst/.cache/huggingface/hub/models--Helsinki-NLP--opus-mt-ar-en/snapshots/cf10909547", "Helsinki-NLP/opus-mt-ar-en"),
])
def test_a_local_model_is_named_without_the_folders_it_sits_in(model, shown):
    brief = make_brief(3)
    brief.signature.model, brief.signature.model_local = model, True
    for page in (render.render_markdown(brief), render.render_html(brief), render.render_review(brief)):
        assert f"model {shown}@" in page.replace("\\", "") and "analyst" not in page


def test_the_signature_may_break_after_its_commas_not_inside_a_setting():
    brief = make_brief(3)
    brief.signature.glossary = "desk\u202e,glossary.tsv@0123 (2 terms)"  # a file name is untrusted text
    for page in (render.render_html(brief, for_pdf=True), render.render_review(brief)):
        footer = page.split("<body", 1)[1]  # (the head's generator tag holds the signature too)
        assert ",<wbr>" in footer and "\u202e" not in footer
        assert html.unescape(re.sub(r"<wbr>", "", footer)).count(render.clean_text(brief.signature.line())) == 1


def test_a_story_headed_by_its_lead_sentence_does_not_print_it_twice():
    # Articles pasted without a title: the story's headline is the lead sentence, which is also its first
    # point. The heading keeps its number only; the sentence is printed once, as the point.
    brief = make_brief(10)
    lead = next(p for p in brief.points if p.story == 2)
    lead.english = "The lead sentence, given once."
    brief.stories[1].title_arabic, brief.stories[1].title_english = " " + lead.arabic, lead.english
    for text in (render.render_markdown(brief), render.render_text(brief), render.render_html(brief)):
        assert text.count(lead.english) == 1 and "Story 2" in text
        assert "Asia tour, part 1" in text  # a story with its own title keeps it (an apostrophe is escaped in HTML)
    assert "## Story 2\n" in render.render_markdown(brief)


def test_review_page_has_every_sentence_marks_points_and_flags():
    brief = make_brief(5)
    fitted = copy.copy(brief)
    fitted.points = brief.points[:4]
    page = render.render_review(brief, fitted=fitted)
    parsed = assert_inert_html(page, REVIEW_TAGS)
    ids = {a.get("id") for _, a in parsed.tags if a.get("id")}
    for article in brief.articles:
        assert f"source-{article.number}" in ids
        for sentence in article.sentences:
            assert render.sentence_anchor(article.number, sentence.index) in ids
    assert page.count("tag key") == 4 and page.count("tag further") == len(brief.points) - 4
    assert "translation is much shorter than the Arabic" in page
    for tag, attrs in parsed.tags:
        if "ar" in attrs.get("class", "").split():
            assert attrs.get("dir") == "rtl"
    assert "Story 1: Putin" in page


def review_labels(page: str) -> dict[str, tuple[str, int]]:
    """Sentence anchor -> ("Key" or "Further", number) as the review page labels its points."""
    labels = {}
    for chunk in page.split('<div class="pair ')[1:]:
        anchor = re.search(r'id="([^"]+)"', chunk).group(1)
        label = re.search(r"(Key|Further) point (\d+)", chunk)
        if label:
            labels[anchor] = (label.group(1), int(label.group(2)))
    return labels


def test_the_review_page_numbers_points_as_the_one_page_brief_does():
    brief = make_brief(15)
    brief.points.sort(key=lambda p: -p.score)  # ranked: the stories' points interleave
    fitted, _ = render.fit_to_page(brief)
    assert 0 < len(fitted.points) < len(brief.points)
    links = re.findall(r'<a class="review-link" href="[^"#]*#([^"]+)"[^>]*>(\d+)</a>', render.render_html(fitted))
    on_page = {anchor: int(number) for anchor, number in links}
    assert sorted(on_page.values()) == list(range(1, len(fitted.points) + 1))
    labels = review_labels(render.render_review(brief, fitted=fitted, brief_file="brief-2024-06-20"))
    assert {anchor: number for anchor, (kind, number) in labels.items() if kind == "Key"} == on_page
    further = sorted(number for kind, number in labels.values() if kind == "Further")
    assert further == list(range(len(fitted.points) + 1, len(brief.points) + 1))


def test_every_brief_point_links_to_an_anchor_in_the_review_page():
    brief = make_brief(12)
    page = render.render_html(brief)
    ids = {a.get("id") for _, a in parse_html(render.render_review(brief)).tags}
    links = [a["href"] for tag, a in parse_html(page).tags if "review-link" in a.get("class", "")]
    assert len(links) == len(brief.points)
    for href in links:
        name, anchor = href.split("#")
        assert name == "review-2024-06-20.html" and anchor in ids


def test_write_outputs_both_variants(tmp_path):
    brief = make_brief(4)
    paths = render.write_outputs(brief, tmp_path, formats=("md", "pdf", "html"), variant="both").paths
    names = sorted(p.name for p in paths)
    assert names == ["brief-2024-06-20.en.html", "brief-2024-06-20.en.md", "brief-2024-06-20.en.pdf",
                     "brief-2024-06-20.html", "brief-2024-06-20.md", "brief-2024-06-20.pdf", "review-2024-06-20.html"]
    assert not list(tmp_path.glob(".*.part"))
    assert brief.points and brief.variant == "bilingual"  # the caller's brief is not changed
    # The review page names the brief whose numbers it uses as a file the reader has.
    assert "numbered as in brief-2024-06-20.pdf" in (tmp_path / "review-2024-06-20.html").read_text(encoding="utf-8")
    with pytest.raises(UsageError):
        render.write_outputs(brief, tmp_path, formats=("docx",))


def test_both_variants_show_the_same_points_under_the_same_numbers(tmp_path):
    # An editor who says "point 3" of the English page means the sentence the bilingual page, the review
    # page and the report number 3, though the English page alone would have room for more points.
    brief = make_brief(15)
    render.write_outputs(brief, tmp_path, formats=("md",), variant="both")
    numbered = {name: re.findall(r"^\*\*(\d+)\.\*\* (.{40})", (tmp_path / name).read_text(encoding="utf-8"), re.M)
                for name in ("brief-2024-06-20.md", "brief-2024-06-20.en.md")}
    assert numbered["brief-2024-06-20.md"] and numbered["brief-2024-06-20.md"] == numbered["brief-2024-06-20.en.md"]
    assert len(numbered["brief-2024-06-20.md"]) < len(brief.points)  # the case where the two pages differed
    alone = render.render_outputs(brief, tmp_path, formats=("md",), variant="english").fitted
    assert len(alone.points) > len(numbered["brief-2024-06-20.md"])  # on its own, the English page holds more
    # The English page, with room to spare, says whose page left the other points out.
    english = (tmp_path / "brief-2024-06-20.en.md").read_text(encoding="utf-8")
    bilingual = (tmp_path / "brief-2024-06-20.md").read_text(encoding="utf-8")
    assert "did not fit on the bilingual brief's page, whose points this one repeats" in english
    assert "did not fit on the page:" in bilingual and "repeats" not in bilingual


def test_an_interrupt_while_the_review_page_renders_leaves_yesterdays_set_whole(tmp_path, monkeypatch):
    brief = make_brief(4)
    render.write_outputs(brief, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    brief.title = "The next day"

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # the review page is the slowest output of a big day

    monkeypatch.setattr(render, "render_review", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render.write_outputs(brief, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_full_disk_is_an_output_error_and_leaves_the_earlier_set(tmp_path, monkeypatch):
    import errno
    import os

    brief = make_brief(3)
    render.write_outputs(brief, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    brief.title = "The next day"

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        render.write_outputs(brief, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_missing_template_is_a_render_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_PROMPTS_DIR", str(tmp_path))
    with pytest.raises(RenderError, match="template not found"):
        render.render_markdown(make_brief(1))


@needs_poppler
def test_the_english_variant_of_one_story_starts_its_points_beside_their_numbers(tmp_path):
    """With one story there is no heading row: the first point row sets the columns, and the English
    cell's bilingual 50% once left the number column a third of the page wide."""
    brief = make_brief(3, stories=False, variant="english")
    path = tmp_path / "brief.en.pdf"
    path.write_bytes(render.render_pdf(brief))
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes)
    page_width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    first = brief.points[0].english.split()[0]
    x = next(float(left) for left, word in words if word == first)
    assert x < 0.15 * page_width, (x, page_width)


def test_outputs_name_a_source_file_without_the_folders_it_sits_in():
    """The brief is mailed: a path says whose disk, and which folders, the articles came from."""
    brief = make_brief(2)
    brief.articles[0].file = "/home/analyst/confidential inbox/article-000.txt"
    for text in (render.render_markdown(brief), render.render_text(brief), render.render_html(brief),
                 render.render_review(brief)):
        assert "article-000.txt" in text and "/home/analyst" not in text


def test_review_page_explains_the_flags_it_shows_and_keeps_a_flagged_key_point_green():
    from brief.models import Flag

    brief = make_brief(2)
    chosen = brief.articles[brief.points[0].article - 1].sentences[brief.points[0].sentence]
    chosen.flags = [Flag("negation", "the source negates ('لم') but the English has no negation")]
    page = render.render_review(brief)
    legend = page.split('class="legend"')[1].split("</dl>")[0]
    assert "<code>negation</code>" in legend and "the Arabic negates" in legend
    assert "<code>repetition</code>" not in legend  # only the codes this page shows
    assert re.search(r'class="pair kind-body chosen flagged"', page)
    assert ".pair.chosen.flagged { background: #eef6ee; }" in page


def test_emoji_that_no_embedded_font_draws_leave_the_pdf_and_flags_keep_their_letters():
    assert render.without_pictographs("🔴 عاجل: 🇷🇺 روسيا ✅ توقع ★ 1️⃣") == "عاجل: [RU] روسيا توقع ★ 1"
    assert render.without_pictographs("Kim Jong Un → Moscow, № 5") == "Kim Jong Un → Moscow, № 5"


def test_chinese_japanese_and_korean_are_named_in_the_pdf_text_not_drawn_as_boxes():
    assert (render.without_pictographs("كوريا الشمالية (조선민주주의인민공화국) وعاصمتها 平壤 و東京 とうきょう")
            == "كوريا الشمالية ([Korean]) وعاصمتها [Chinese] و[Japanese]")


@needs_poppler
def test_a_pdf_of_emoji_text_shows_no_box_for_them(tmp_path):
    brief = make_brief(2)
    brief.points[0].english = "🔴 Breaking: 🇷🇺 Russia and North Korea sign a treaty ✅"
    path = tmp_path / "brief.pdf"
    path.write_bytes(render.render_pdf(brief))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "[RU] Russia" in text and not re.search("[\U0001F000-\U0001FAFF\u2705]", text)


def test_an_interrupted_page_fitting_leaves_no_font_copies_behind(tmp_path, monkeypatch):
    # WeasyPrint copies the embedded fonts into a folder per layout; a Ctrl-C while layouts were alive left
    # them in the temporary directory, 2 MB each.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real, calls = render._layout, []

    def interrupted(*args, **kwargs):
        calls.append(real(*args, **kwargs))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return calls[-1]

    monkeypatch.setattr(render, "_layout", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render.fit_to_page(make_brief(12))
    assert len(calls) == 2 and list(tmp_path.iterdir()) == []
    assert tempfile.tempdir == str(tmp_path)


def test_an_article_read_from_standard_input_is_named_so_in_the_source_list():
    brief = make_brief(1)
    brief.articles[0].file = "-"
    assert "(standard input)" in render.render_markdown(brief) and "(standard input)" in render.render_html(brief)
    assert "\\-" not in render.render_markdown(brief).split("## Sources")[1]


def test_the_review_page_of_a_follow_up_says_which_articles_are_new_today():
    # The reviewer checked yesterday's articles yesterday: today's page must say which ones are new.
    brief = make_brief(6)
    story = brief.stories[0]
    story.followup, story.new_articles = True, story.articles[-1:]
    page = render.render_review(brief)
    assert f'id="story-{story.number}"' in page and "(follow-up)</h2>" in page
    sections = {n: page.split(f'<article id="source-{n}">')[1].split("</dl>")[0] for n in story.articles}
    assert "new today" in sections[story.articles[-1]]
    assert all("already in an earlier brief" in sections[n] for n in story.articles[:-1])
    assert "Briefed" not in page.split(f'id="story-{story.number}"')[0]  # other stories say nothing of it


def test_a_brief_made_without_a_glossary_says_so_in_its_signature():
    brief = make_brief(2)
    brief.signature.glossary = None
    assert "no glossary" in brief.signature.line() and "no glossary" in render.render_markdown(brief).replace("\\", "")


def test_each_item_of_a_flags_reason_is_isolated_so_figures_and_arabic_words_keep_their_order():
    brief = make_brief(2)
    brief.articles[0].sentences[0].flags = [Flag("number_mismatch", "source number 12.5, 85.8 مليار, 2024, الثالث "
                                                                    "is missing or different in the English")]
    page = render.render_review(brief)
    assert ('source number 12.5, 85.8 <bdi dir="rtl">مليار</bdi>, 2024, <bdi dir="rtl">الثالث</bdi> is missing'
            in page)


def test_the_review_pages_list_of_sources_reads_in_number_order():
    # The page groups articles by story; its list of sources is an index, by number.
    brief = make_brief(9)
    brief.articles[4].title, brief.articles[4].part = None, 2
    page = render.render_review(brief)
    toc = page.split('<nav class="toc">')[1].split("</nav>")[0]
    numbers = [int(n) for n in re.findall(r'<li value="(\d+)"', toc)]
    assert numbers == sorted(numbers) == [a.number for a in brief.articles]
    assert f"{Path(brief.articles[4].file).name} (part 2)" in toc


def test_the_plain_text_brief_lists_one_source_a_line():
    # The e-mail's text/plain part: a line ending in a template tag lost its newline, and every source ran
    # into the next on one line.
    brief = make_brief(5)
    text = render.render_text(brief)
    sources = text.split("\nSources\n", 1)[1].split("\n--", 1)[0].strip().splitlines()
    assert [line.split("]")[0] for line in sources] == [f"[{a.number}" for a in brief.articles]


def test_a_domain_in_arabic_letters_links_as_dns_knows_it_and_reads_by_its_name():
    # Percent-encoded, the host opened nowhere and the page showed only "…".
    url = "https://وزارة-الصحة.الأردن/أخبار/افتتاح-مستشفى"
    link = render.safe_url(url)
    assert link.startswith("https://xn----ymcbgcxyg6a2lnb.xn--igbhzh7gpa/%D8%A3")
    assert render.url_label(link) == render.url_label(url) == "وزارة-الصحة.الأردن/…"
    assert render.url_label(render.safe_url("https://www.bbc.com/arabic/x")) == "bbc.com/arabic/x"
