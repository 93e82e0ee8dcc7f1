"""The review page and the HTML brief in a real headless Chromium, driven over the DevTools protocol.

Asserts: no network request is attempted, no script runs, Arabic cells have dir=rtl, every brief point links
to an anchor that exists in the review page, the review columns stack at phone width. Screenshots at desktop
and phone width are written; BRIEF_UPDATE_GOLDEN=1 copies them to tests/data/golden/.
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from brief import render
from render_briefs import make_brief

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium)")
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


class DevTools:
    """A minimal DevTools-protocol client over one browser websocket (flattened sessions)."""

    def __init__(self, url: str):
        from websockets.sync.client import connect

        self._connection = connect(url, max_size=None, open_timeout=20)
        self.socket = self._connection.__enter__()
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params) -> dict:
        number = next(self.ids)
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    return self.events.pop(index)
            self.events.append(json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic()))))

    def close(self):
        self._connection.__exit__(None, None, None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", f"--user-data-dir={profile}",
         "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not port_file.exists() or len(port_file.read_text().splitlines()) < 2:
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("Chromium did not open its DevTools port")
        time.sleep(0.1)
    port, path = port_file.read_text().splitlines()[:2]
    tools = DevTools(f"ws://127.0.0.1:{port}{path}")
    yield tools
    tools.close()
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    brief = make_brief(12)
    folder = tmp_path_factory.mktemp("pages")
    paths = render.write_outputs(brief, folder, formats=("html",), variant="bilingual").paths
    return {p.name.split("-")[0]: p for p in paths}


def open_page(tools: DevTools, path: Path, metrics: dict) -> dict:
    """Open a file in a fresh tab and record what it tried: requests, scripts."""
    target = tools.call("Target.createTarget", url="about:blank")["targetId"]
    session = tools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    tools.events.clear()
    for domain in ("Page", "Network", "Debugger", "DOM"):
        tools.call(f"{domain}.enable", session)
    tools.call("Emulation.setDeviceMetricsOverride", session, **metrics)
    tools.call("Page.navigate", session, url=path.as_uri())
    tools.wait_for("Page.loadEventFired")
    time.sleep(0.3)  # late requests (fonts, images) would show up now
    tools.call("Runtime.getIsolateId", session)  # a round trip to drain pending events
    requests = [e["params"]["request"]["url"] for e in tools.events if e["method"] == "Network.requestWillBeSent"]
    scripts = [e["params"] for e in tools.events if e["method"] == "Debugger.scriptParsed"]
    root = tools.call("DOM.getDocument", session, depth=-1)["root"]["nodeId"]
    return {"session": session, "target": target, "root": root, "requests": requests, "scripts": scripts}


def query(tools, page, selector) -> list[dict]:
    nodes = tools.call("DOM.querySelectorAll", page["session"], nodeId=page["root"], selector=selector)["nodeIds"]
    result = []
    for node in nodes:
        flat = tools.call("DOM.getAttributes", page["session"], nodeId=node)["attributes"]
        result.append({"node": node, **dict(zip(flat[::2], flat[1::2]))})
    return result


def box(tools, page, node) -> list[float]:
    quad = tools.call("DOM.getBoxModel", page["session"], nodeId=node)["model"]["border"]
    return [min(quad[0::2]), min(quad[1::2]), max(quad[0::2]), max(quad[1::2])]  # left, top, right, bottom


def screenshot(tools, page, name: str, folder: Path) -> Path:
    import base64

    data = base64.b64decode(tools.call("Page.captureScreenshot", page["session"], format="png")["data"])
    assert data.startswith(b"\x89PNG")
    path = folder / name
    path.write_bytes(data)
    if os.environ.get("BRIEF_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, GOLDEN / name)
    return path


def close(tools, page):
    tools.call("Target.closeTarget", targetId=page["target"])


@pytest.mark.parametrize("which", ["review", "brief"])
@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_makes_no_request_runs_no_script_and_marks_arabic_rtl(browser, pages, which, metrics, tmp_path):
    page = open_page(browser, pages[which], metrics)
    try:
        assert [u for u in page["requests"] if not u.startswith("file://")] == []
        assert page["scripts"] == []
        arabic = query(browser, page, ".ar")
        assert arabic and all(node.get("dir") == "rtl" for node in arabic)
        assert all(node.get("lang") == "ar" for node in arabic)
        kind = "desktop" if metrics is DESKTOP else "phone"
        screenshot(browser, page, f"{which}-{kind}.png", tmp_path)
        if which == "review":
            first = query(browser, page, ".pair")[0]["node"]
            ar_box = box(browser, page, query(browser, page, ".pair:first-of-type > .ar")[0]["node"])
            en_box = box(browser, page, query(browser, page, ".pair:first-of-type > .en")[0]["node"])
            assert first
            if metrics is DESKTOP:  # side by side: English left, Arabic right, same row
                assert en_box[2] <= ar_box[0] and abs(en_box[1] - ar_box[1]) < 2
            else:  # stacked: Arabic above English, both full width of the phone
                assert ar_box[3] <= en_box[1] and ar_box[2] <= PHONE["width"]
        if which == "brief" and metrics is PHONE:
            # The number floats beside the first line of its point: no rule under it (a stray dash at the
            # start of the second line), and no padding below it pushing the second line in.
            browser.call("CSS.enable", page["session"])
            number = query(browser, page, "td.num")[0]["node"]
            style = {p["name"]: p["value"] for p in browser.call(
                "CSS.getComputedStyleForNode", page["session"], nodeId=number)["computedStyle"]}
            assert style["float"] == "left" and style["border-bottom-width"] == "0px", style["border-bottom-width"]
            assert style["padding-bottom"] == "0px"
        if metrics is PHONE:
            # A date or figure in Arabic text, and the heading's date, stay on one line: broken at a hyphen,
            # a date's pieces read out of order in Arabic ("-10-06" over "2024"), and badly in a heading.
            lines = browser.call("Runtime.evaluate", page["session"], returnByValue=True, expression=(
                "[...document.querySelectorAll('h1 .figure, .ar .figure')].map(e => e.getClientRects().length)")
            )["result"]["value"]
            assert len(lines) > 1 and all(n == 1 for n in lines), lines
            assert query(browser, page, "h1 .figure")
    finally:
        close(browser, page)


def test_every_brief_point_links_to_an_existing_review_anchor(browser, pages):
    brief_page = open_page(browser, pages["brief"], DESKTOP)
    try:
        links = [n["href"] for n in query(browser, brief_page, "a.review-link")]
    finally:
        close(browser, brief_page)
    assert links
    review = open_page(browser, pages["review"], DESKTOP)
    try:
        for href in links:
            name, anchor = href.split("#")
            assert name == pages["review"].name
            found = query(browser, review, f'[id="{anchor}"]')
            assert len(found) == 1, href
            assert "chosen" in found[0]["class"].split() or "further" in found[0]["class"].split()
    finally:
        close(browser, review)


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_long_unbroken_names_do_not_make_a_page_scroll_sideways(browser, tmp_path, metrics):
    brief = make_brief(6)
    brief.title = "عاجل_" * 40
    brief.articles[0].outlet = "O" * 300
    brief.articles[1].title = "#" + "_".join(["منتخب_مصر_يتعاقد_مع_مدرب_جديد"] * 6)
    brief.stories[0].title_english = "W" * 200
    paths = render.write_outputs(brief, tmp_path, formats=("html",)).paths
    for path in paths:
        page = open_page(browser, path, metrics)
        try:
            wide = browser.call("Runtime.evaluate", page["session"], returnByValue=True,
                                expression="document.documentElement.scrollWidth")["result"]["value"]
            assert wide <= metrics["width"], f"{path.name} is {wide}px wide in a {metrics['width']}px window"
        finally:
            close(browser, page)


def test_arabic_left_in_english_reads_in_its_order(browser, tmp_path):
    """English holding two Arabic pieces (an untranslated word, a glossary reason) must show its words in
    the order written: isolating the English runs instead would make them neutral between the Arabic
    words and lay that stretch out right to left, swapping الحادث and بغداد."""
    from brief.models import Flag

    brief = make_brief(2)
    sentence = brief.articles[0].sentences[1]
    sentence.english = "The ministry said الحادث is under investigation in بغداد today."
    sentence.flags = [Flag("glossary", "'بوتين' should be rendered 'Putin'; 'بيونغ يانغ' should be rendered 'Pyongyang'")]
    brief.points[0].english = sentence.english
    words = {"english": ["said", "الحادث", "investigation", "بغداد", "today"],
             "reason": ["بوتين", "Putin", "بيونغ", "Pyongyang"]}
    find = """(() => {{
      const out = [];
      const cell = [...document.querySelectorAll({cell})].find(c => c.textContent.includes({words}[0]));
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (const word of {words}) {{
        walker.currentNode = walker.root;
        let node, at = -1;
        while ((node = walker.nextNode()) && (at = node.data.indexOf(word)) < 0) {{}}
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + word.length);
        out.push(range.getBoundingClientRect().left);
      }}
      return out;
    }})()"""
    paths = {p.name.split("-")[0]: p for p in render.write_outputs(brief, tmp_path, formats=("html",)).paths}
    cells = [("review", ".pair .en", "english"), ("review", ".pair .flags li", "reason"), ("brief", "td.en", "english")]
    for which, cell, kind in cells:
        page = open_page(browser, paths[which], DESKTOP)
        try:
            lefts = browser.call("Runtime.evaluate", page["session"], returnByValue=True, expression=find.format(
                cell=json.dumps(cell), words=json.dumps(words[kind], ensure_ascii=False)))
            lefts = lefts["result"]["value"]
        finally:
            close(browser, page)
        assert lefts == sorted(lefts), (which, cell, dict(zip(words[kind], lefts)))
