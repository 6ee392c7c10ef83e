"""Safe fetching against a real HTTP server on 127.0.0.1.

The server is on loopback, so every test that expects a page passes ``allow_private=True``;
the tests without it prove that loopback (and every other non-public address, directly, by
DNS, or behind a redirect) is refused before any request reaches it.
"""

import re
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from verify import __version__, fetch as fetch_module
from verify.decode import decode_bytes
from verify.fetch import FetchError, Fetcher, FetchSettings, address_refusal, fetch
from webserver import LocalServer, Page

WEB = Path(__file__).parent / "fixtures" / "web"
FAST = dict(timeout=2.0, deadline=5.0, backoff=0.01)


@pytest.fixture
def server():
    with LocalServer() as srv:
        yield srv


def allowed(**changes) -> FetchSettings:
    return FetchSettings(allow_private=True, **{**FAST, **changes})


def reason_of(url: str, settings: FetchSettings) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, settings)
    return caught.value.reason


def test_utf8_page_is_fetched_with_its_evidence(server):
    body = (WEB / "dillon-en.html").read_bytes()
    server.routes["/k1"] = Page(body)
    got = fetch(server.url("/k1"), allowed())
    assert got.content == body
    assert got.final_url == server.url("/k1") and got.status == 200
    assert got.charset == "utf-8"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", got.fetched_at)
    agent = server.agents[-1]
    assert agent.startswith(f"verify-workbench/{__version__} (")
    assert "pypi" not in agent.lower() and "python-httpx" not in agent


def test_windows_1256_page_keeps_its_declared_charset(server):
    body = (WEB / "kirkuk-ar-cp1256-undeclared.html").read_bytes()
    server.routes["/ar"] = Page(body, content_type="text/html; charset=windows-1256")
    got = fetch(server.url("/ar"), allowed())
    assert got.charset == "windows-1256"
    text, encoding = decode_bytes(got.content, declared=got.charset)
    assert encoding == "cp1256" and "التحالف الدولي" in text


def test_loopback_is_refused_without_allow_private(server):
    server.routes["/secret"] = Page(b"internal admin page")
    reason = reason_of(server.url("/secret"), FetchSettings(**FAST))
    assert reason.startswith("refused: 127.0.0.1 is a loopback address;")
    assert "--allow-private" in reason
    assert server.hits["/secret"] == 0


def test_a_name_that_resolves_to_loopback_is_refused(server, monkeypatch):
    server.routes["/secret"] = Page(b"internal admin page")
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: ["127.0.0.1"])
    reason = reason_of(server.url("/secret", host="news.example"), FetchSettings(**FAST))
    assert reason.startswith("refused: news.example resolves to 127.0.0.1 (loopback);")
    assert server.hits["/secret"] == 0


def test_a_public_page_that_redirects_to_loopback_is_refused_at_the_redirect(monkeypatch):
    # 127.0.0.2 stands in for a public web server: DNS sends news.example there and the
    # address policy is told to treat it as public. Its page redirects to 127.0.0.1.
    real_refusal = address_refusal
    monkeypatch.setattr(fetch_module, "address_refusal",
                        lambda address: None if address == "127.0.0.2" else real_refusal(address))
    monkeypatch.setattr(fetch_module, "resolve_host",
                        lambda host, port: ["127.0.0.2"] if host == "news.example" else [host])
    with LocalServer("127.0.0.2") as public, LocalServer() as internal:
        internal.routes["/admin"] = Page(b"internal admin page")
        public.routes["/story"] = Page(b"story", content_type="text/plain")
        public.routes["/moved"] = Page(status=302, headers={"Location": internal.url("/admin")})
        assert fetch(public.url("/story", host="news.example"), FetchSettings(**FAST)).content == b"story"
        reason = reason_of(public.url("/moved", host="news.example"), FetchSettings(**FAST))
        assert reason.startswith("refused: 127.0.0.1 is a loopback address;")
        assert reason.endswith(f"(redirected from {public.url('/moved', host='news.example')})")
        assert public.hits["/moved"] == 1 and internal.hits["/admin"] == 0


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("192.168.0.10", "private"), ("172.16.5.4", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.251", "multicast"),
    ("240.0.0.1", "reserved"), ("0.0.0.0", "unspecified"), ("100.64.0.1", "non-public"),
    ("93.184.216.34", None), ("2606:4700::1111", None),
])
def test_address_policy(address, kind):
    assert address_refusal(address) == kind


def test_cloud_metadata_address_is_never_contacted(monkeypatch):
    def no_connect(*args, **kwargs):
        raise AssertionError("connected to a refused address")

    monkeypatch.setattr(fetch_module.httpcore.SyncBackend, "connect_tcp", no_connect)
    reason = reason_of("http://169.254.169.254/latest/meta-data/", FetchSettings(**FAST))
    assert reason.startswith("refused:") and "link-local" in reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x.html",
                                 "javascript:alert(1)", "gopher://example.com/"])
def test_other_schemes_are_refused(url):
    assert reason_of(url, allowed()).startswith("unsupported scheme:")


def test_redirects_are_followed_by_hand_and_bounded(server):
    server.routes["/a"] = Page(status=301, headers={"Location": "b"})  # relative
    server.routes["/b"] = Page(status=307, headers={"Location": server.url("/page")})
    server.routes["/page"] = Page(b"arrived", content_type="text/plain")
    got = fetch(server.url("/a"), allowed())
    assert got.content == b"arrived" and got.final_url == server.url("/page")
    assert got.redirects == [server.url("/a"), server.url("/b")]
    server.routes["/loop"] = Page(status=302, headers={"Location": "/loop"})
    assert reason_of(server.url("/loop"), allowed(max_redirects=3)) == \
        "too many redirects: more than 3"
    assert server.hits["/loop"] == 4


def test_slow_response_times_out(server):
    server.routes["/slow"] = Page(b"late", delay=1.5)
    started = time.monotonic()
    assert reason_of(server.url("/slow"), allowed(timeout=0.3)).startswith("timeout:")
    assert time.monotonic() - started < 1.2


def test_a_dripping_body_hits_the_deadline(server):
    server.routes["/drip"] = Page(b"x" * 1600, drip=0.05)  # 100 chunks, 5 s in all
    started = time.monotonic()
    reason = reason_of(server.url("/drip"), allowed(timeout=1.0, deadline=0.5))
    assert reason == "timeout: not complete within 0.5 s"
    assert time.monotonic() - started < 1.0


def test_dripping_headers_hit_the_deadline_too(server):
    server.routes["/slowloris"] = Page(b"body", drip=0.02, drip_headers=True)  # 5 s of headers
    started = time.monotonic()
    reason = reason_of(server.url("/slowloris"), allowed(timeout=1.0, deadline=0.5))
    assert reason == "timeout: not complete within 0.5 s"
    assert time.monotonic() - started < 1.0


def test_huge_responses_are_cut_off(server):
    server.routes["/declared"] = Page(b"x" * 1024, repeat=10_000)
    server.routes["/streamed"] = Page(b"x" * 1024, repeat=10_000, send_length=False)
    assert reason_of(server.url("/declared"), allowed(max_bytes=100_000)) == \
        "too large: 10,240,000 bytes declared (limit 100,000)"
    assert reason_of(server.url("/streamed"), allowed(max_bytes=100_000)) == \
        "too large: over 100,000 bytes"


def test_client_errors_fail_at_once(server):
    assert reason_of(server.url("/missing"), allowed()) == "http 404: Not Found"
    assert server.hits["/missing"] == 1


def test_server_errors_are_retried_with_backoff_then_reported(server):
    server.routes["/down"] = Page(b"oops", status=500)
    reason = reason_of(server.url("/down"), allowed(retries=2))
    assert reason == "http 500: Internal Server Error (gave up after 3 attempts)"
    assert server.hits["/down"] == 3
    server.routes["/flaky"] = [Page(status=503), Page(b"ok now", content_type="text/plain")]
    got = fetch(server.url("/flaky"), allowed())
    assert (got.content, got.attempts) == (b"ok now", 2)


def test_retry_after_is_honoured_within_a_bound(server):
    server.routes["/busy"] = [Page(status=429, headers={"Retry-After": "1"}),
                              Page(b"served", content_type="text/plain")]
    started = time.monotonic()
    assert fetch(server.url("/busy"), allowed()).content == b"served"
    assert time.monotonic() - started >= 0.95
    server.routes["/closed"] = Page(status=429, headers={"Retry-After": "3600"})
    reason = reason_of(server.url("/closed"), allowed(max_retry_wait=10))
    assert reason == "http 429: Too Many Requests: server asks to wait 3600 s (limit 10 s)"
    assert server.hits["/closed"] == 1


def test_many_urls_are_fetched_concurrently_within_the_bound_in_order(server):
    for i in range(8):
        server.routes[f"/p{i}"] = Page(f"page {i}".encode(), delay=0.3, content_type="text/plain")
    server.routes["/p3"] = Page(b"gone", status=404)
    urls = [server.url(f"/p{i}") for i in range(8)]
    started = time.monotonic()
    with Fetcher(allowed(concurrency=4)) as fetcher:
        results = list(fetcher.fetch_many(urls))
    elapsed = time.monotonic() - started
    assert [url for url, _ in results] == urls
    assert isinstance(results[3][1], FetchError)
    assert [r.content for _, r in results if not isinstance(r, FetchError)] == \
        [f"page {i}".encode() for i in range(8) if i != 3]
    assert server.max_active <= 4
    assert elapsed < 8 * 0.3 / 2  # sequential would take 2.4 s


@pytest.mark.parametrize("host", ["localhost", "2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]",
                                  "0.0.0.0"])
def test_disguised_loopback_hosts_are_refused(server, host):
    server.routes["/secret"] = Page(b"internal admin page")
    reason = reason_of(server.url("/secret", host=host), FetchSettings(**FAST))
    assert reason.startswith("refused:") and "loopback" in reason or "unspecified" in reason, reason
    assert server.hits["/secret"] == 0


def test_https_verifies_the_certificate_for_the_name_asked_not_the_address(tmp_path, monkeypatch):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.example",
                    "-addext", "subjectAltName=DNS:news.example"], check=True, capture_output=True)
    monkeypatch.setattr(fetch_module.httpx, "create_ssl_context",
                        lambda **kwargs: ssl.create_default_context(cafile=str(cert)))
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: ["127.0.0.1"])
    with LocalServer(tls=(str(cert), str(key))) as secure:
        secure.routes["/story"] = Page(b"over tls", content_type="text/plain")
        got = fetch(secure.url("/story", host="news.example"), allowed())
        assert got.content == b"over tls"
        assert got.final_url == f"https://news.example:{secure.port}/story"
        reason = reason_of(secure.url("/story", host="other.example"), allowed())
        assert reason.startswith("network error:") and "certificate verify failed" in reason
        assert reason_of(secure.url("/story", host="news.example"), FetchSettings(**FAST)) \
            .startswith("refused: news.example resolves to 127.0.0.1 (loopback)")
        assert secure.hits["/story"] == 1
