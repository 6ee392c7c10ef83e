"""What a reader sees, in headless Chromium driven over the DevTools protocol.

A real ``datasette`` server (the plugin loaded through its entry point, ``metadata.yml``) serves
the sample database; Chromium opens the statement, report and search pages. We check the
highlighted spans sit on the statements the answer key says match, that Arabic text is laid out
right to left, and that nothing from a hostile report runs (no dialog, no console error, no
script or image element made from its text). Screenshots go to ``test-artifacts/``.

Chromium is Debian's ``chromium`` package; ``websocket-client`` speaks the protocol. Without
Chromium the test is skipped, unless ``VERIFY_REQUIRE_BROWSER`` is set (CI), where it fails.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from datasette_fixture import EXPECTED, build_sample  # noqa: E402

from verify.normalize import normalize_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                  "--remote-allow-origins=*", "--window-size=1280,1000", "--lang=en-US"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("VERIFY_REQUIRE_BROWSER"):
            pytest.fail("VERIFY_REQUIRE_BROWSER is set but chromium is not installed "
                        "(apt-get install chromium)")
        pytest.skip("chromium not installed (set VERIFY_REQUIRE_BROWSER=1 to make this a failure)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Tab:
    """One page target over the DevTools websocket; events are kept for the assertions."""

    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict) -> None:
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            # A dialog blocks the page; dismiss it so the test can report it as a failure.
            self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": False}}))

    def open(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(url)
            self._event(json.loads(self.ws.recv()))

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Dialogs, uncaught exceptions and console or log errors since the page was opened."""
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(f"console: {params.get('args')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
        return found

    def screenshot(self, name: str) -> Path:
        height = self.js("Math.min(document.documentElement.scrollHeight, 4000)")
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=int(height),
                  deviceScaleFactor=1, mobile=False)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        self.send("Emulation.clearDeviceMetricsOverride")
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        path.write_bytes(base64.b64decode(data))
        return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = _chromium()
    folder = tmp_path_factory.mktemp("browser")
    sample = build_sample(folder)
    port = _free_port()
    datasette = subprocess.Popen(
        [str(Path(sys.executable).parent / "datasette"), "serve", str(sample.path),
         "--metadata", str(ROOT / "metadata.yml"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    profile = folder / "profile"
    browser = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                "about:blank"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    tab = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_http(base + "/-/versions.json")
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not active.exists() or not active.read_text().strip():
            if time.monotonic() > deadline or browser.poll() is not None:
                raise RuntimeError("chromium did not start")
            time.sleep(0.1)
        devtools = int(active.read_text().split()[0])
        targets = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list").read())
        page = next(t for t in targets if t["type"] == "page")
        tab = Tab(page["webSocketDebuggerUrl"])
        yield tab, base, sample
    finally:
        if tab is not None:
            tab.ws.close()
        for process in (browser, datasette):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _expected_partners(quote_id: str, relations: tuple[str, ...]) -> set[str]:
    partners = set()
    for match in EXPECTED["matches"]:
        if match["relation"] in relations and quote_id in (match["a"], match["b"]):
            partners.add(match["b"] if match["a"] == quote_id else match["a"])
    return partners


def test_statement_page_highlights_the_expected_matches_right_to_left(browser):
    tab, base, sample = browser
    quote_id = "rafd-mp#1"
    statement = sample.statements[quote_id]
    tab.open(f"{base}/-/verify/statement/{statement['uid']}")
    shot = tab.screenshot("statement-rafd-mp-1")
    pairs = tab.js("""[...document.querySelectorAll('.verify-claim .verify-pair')].map(p => ({
        uid: p.dataset.uid,
        marks: [...p.querySelectorAll('.verify-side-other mark.verify-aligned')]
                 .filter(m => m.getBoundingClientRect().width > 0).map(m => m.textContent),
        direction: getComputedStyle(p.querySelector('.verify-side-other p')).direction}))""")
    partners = {sample.statements[q]["uid"]: q
                for q in _expected_partners(quote_id, ("same_quote", "paraphrase"))}
    shown = {p["uid"]: p for p in pairs}
    assert set(partners) <= set(shown), (shot, shown.keys())
    for uid, partner in partners.items():
        marks = shown[uid]["marks"]
        assert marks, f"no visible highlight on {partner}"
        partner_text = normalize_text(sample.statements[partner]["text"])
        assert all(normalize_text(m) in partner_text for m in marks)
        assert shown[uid]["direction"] == "rtl", partner
    assert tab.js("getComputedStyle(document.querySelector('mark.verify-this')).direction") == "rtl"
    assert tab.problems() == []


def test_contradiction_marks_the_differing_figure(browser):
    tab, base, sample = browser
    contradicted = next(c["quote"] for c in EXPECTED["corroboration"] if c["contradictions"])
    tab.open(f"{base}/-/verify/statement/{sample.statements[contradicted]['uid']}")
    tab.screenshot("statement-contradicted")
    assert tab.js("document.querySelectorAll('.verify-contradicts .verify-pair').length") >= 1
    assert tab.problems() == []


def test_hostile_report_is_shown_as_text_and_nothing_runs(browser):
    tab, base, sample = browser
    tab.open(f"{base}/-/verify/report/{sample.hostile_report}")
    tab.screenshot("report-hostile")
    reading = tab.js("document.querySelector('.verify-reading').textContent")
    assert "<script>alert(1)</script>" in reading and "onerror=alert(1)" in reading
    assert tab.js("document.querySelectorAll('.verify-reading script, .verify-reading img,"
                  " h1 script').length") == 0
    assert tab.js("[...document.querySelectorAll('a')].filter(a => a.protocol !== 'http:'"
                  " && a.protocol !== 'https:').length") == 0
    assert tab.js("document.querySelector('.verify-unlinked').textContent").startswith("javascript:")
    tab.open(f"{base}/-/verify/statement/{sample.hostile_uid}")
    assert tab.problems() == []


def test_arabic_report_reads_right_to_left_with_quotes_marked(browser):
    tab, base, sample = browser
    tab.open(f"{base}/-/verify/report/{sample.reports['nour-k1']}")
    tab.screenshot("report-nour-k1")
    assert tab.js("getComputedStyle(document.querySelector('.verify-reading')).direction") == "rtl"
    expected = sum(1 for q in EXPECTED["quotes"] if q["report"] == "nour-k1")
    assert tab.js("document.querySelectorAll('.verify-reading a.verify-kind-quote').length") \
        >= expected
    assert tab.problems() == []


def test_search_ignores_diacritics_and_hamza(browser):
    tab, base, sample = browser
    # The sample has قوة أميركية; search with harakat and a bare alef.
    tab.open(f"{base}/-/verify/search?q=" + urllib.request.quote("قُوَّةٌ اميركية"))
    tab.screenshot("search-arabic")
    found = tab.js("[...document.querySelectorAll('.verify-results a.verify-badge')]"
                   ".map(a => a.getAttribute('href').split('/').pop())")
    assert sample.statements["rafd-mp#1"]["uid"] in found
    assert tab.js("document.querySelectorAll('.verify-results mark.verify-aligned').length") >= 2
    assert tab.js("getComputedStyle(document.querySelector('.verify-results p')).direction") == "rtl"
    assert tab.problems() == []


def test_table_badges_are_visible_and_legible(browser):
    tab, base, sample = browser
    tab.open(f"{base}/verify-demo/statements?_size=50")
    tab.screenshot("table-statements")
    badges = tab.js("""[...document.querySelectorAll('td a.verify-corroboration')].map(a => ({
        text: a.textContent, href: a.getAttribute('href'),
        color: getComputedStyle(a).color, background: getComputedStyle(a).backgroundColor,
        visible: a.getBoundingClientRect().width > 0}))""")
    contested = [b for b in badges if "contradiction" in b["text"]]
    assert contested and all(b["visible"] for b in badges)
    # White on red: a link colour from Datasette's stylesheet must not win over the badge's.
    assert all(b["color"] == "rgb(255, 255, 255)" and b["background"] != b["color"]
               for b in contested)
    assert tab.problems() == []


def test_outlet_page_draws_the_interval_and_the_record(browser):
    tab, base, sample = browser
    tab.open(f"{base}/-/verify/report/{sample.reports['rafd-mp']}")
    outlet_path = tab.js("document.querySelector('.verify-meta a').getAttribute('href')")
    tab.open(base + outlet_path)
    tab.screenshot("outlet-al-rafidain")
    bars = tab.js("""[...document.querySelectorAll('svg.verify-record rect')]
        .map(r => r.getBoundingClientRect().height)""")
    assert bars and all(h > 0 for h in bars)
    assert tab.js("document.querySelector('svg.verify-interval circle')"
                  ".getBoundingClientRect().width") > 0
    assert tab.problems() == []
