"""Fetch and ingest throughput against a local HTTP server: sequential (the baseline) against
concurrent fetching in the same run, and what each fault costs and says.

The server (tests/webserver.py) runs on 127.0.0.1 and answers each page after ``--latency``
seconds, standing in for a real site's round trip; with no latency the measure is only our
own CPU cost. Pages are the English test article with a different number in each, so every
one is new text (no duplicates) with several statements to extract.

Run: ``python benchmarks/fetch_throughput.py [--pages 120] [--latency 0.05] [--concurrency 8]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from webserver import LocalServer, Page  # noqa: E402

from verify.db import open_db  # noqa: E402
from verify.fetch import FetchError, Fetcher, FetchSettings  # noqa: E402
from verify.hookspecs import hookimpl  # noqa: E402
from verify.ingest import ingest  # noqa: E402
from verify.model import ReadOptions  # noqa: E402
from verify.plugins import collect, pm  # noqa: E402
from verify.readers.web import WebReader  # noqa: E402

TEMPLATE = (ROOT / "tests" / "fixtures" / "web" / "dillon-en.html").read_bytes()


def serve_pages(server: LocalServer, count: int, latency: float) -> list[str]:
    urls = []
    for i in range(count):
        body = TEMPLATE.replace(b"Hundreds of American soldiers", f"{i + 100} American soldiers".encode())
        body = body.replace(b"about forty armoured", f"about {i + 40} armoured".encode())
        server.routes[f"/story/{i}"] = Page(body, delay=latency)
        urls.append(server.url(f"/story/{i}"))
    return urls


def fetch_only(urls: list[str], concurrency: int) -> tuple[float, int]:
    settings = FetchSettings(allow_private=True, concurrency=concurrency)
    started = time.perf_counter()
    with Fetcher(settings) as fetcher:
        ok = sum(not isinstance(result, FetchError) for _, result in fetcher.fetch_many(urls))
    return time.perf_counter() - started, ok


class _Concurrency:
    """A reader plugin: the built-in URL reader with a chosen bound, picked before the built-in."""

    def __init__(self, concurrency: int):
        self.reader = WebReader(concurrency=concurrency)

    @hookimpl
    def register_readers(self, register):
        register(self.reader)


def fetch_and_ingest(urls: list[str], concurrency: int, folder: Path) -> tuple[float, int, int]:
    plugin = _Concurrency(concurrency)
    pm.register(plugin, name=f"bench-concurrency-{concurrency}")
    try:
        db = open_db(folder / f"c{concurrency}.db")
        started = time.perf_counter()
        summary = ingest(db, urls, ReadOptions(allow_private=True))
        elapsed = time.perf_counter() - started
        db.close()
    finally:
        pm.unregister(plugin)
    return elapsed, summary.stored, summary.statements


def fault_tour(server: LocalServer) -> list[tuple[str, float, str]]:
    """Each fault the tests cover, once, with the default limits a user gets."""
    server.routes.update({
        "/missing": Page(b"no", status=404),
        "/down": Page(b"oops", status=503),
        "/busy": [Page(status=429, headers={"Retry-After": "1"}), Page(b"<p>served</p>")],
        "/slow": Page(b"late", delay=3.0),
        "/huge": Page(b"x" * 65536, repeat=400, send_length=False),
        "/to-loopback": Page(status=302, headers={"Location": server.url("/missing")}),
    })
    cases = [
        ("404", server.url("/missing"), FetchSettings(allow_private=True)),
        ("503 x4 with back-off", server.url("/down"), FetchSettings(allow_private=True)),
        ("429 Retry-After: 1", server.url("/busy"), FetchSettings(allow_private=True)),
        ("slow (timeout 1 s)", server.url("/slow"), FetchSettings(allow_private=True, timeout=1.0)),
        ("huge (26 MB, cap 20 MB)", server.url("/huge"), FetchSettings(allow_private=True)),
        ("loopback, not allowed", server.url("/to-loopback"), FetchSettings()),
        ("file: scheme", "file:///etc/passwd", FetchSettings(allow_private=True)),
    ]
    found = []
    for label, url, settings in cases:
        started = time.perf_counter()
        try:
            with Fetcher(settings) as fetcher:
                result = fetcher.fetch(url)
            outcome = f"fetched after {result.attempts} attempts"
        except FetchError as error:
            outcome = error.reason
        found.append((label, time.perf_counter() - started, outcome))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not collect("register_extractors"):  # measure ingest with extraction, as users run it
        import verify.extract.builtin as builtin

        pm.register(builtin, name="verify.extract.builtin")

    with LocalServer() as server, tempfile.TemporaryDirectory() as tmp:
        urls = serve_pages(server, args.pages, args.latency)
        print(f"{args.pages} pages, {args.latency * 1000:.0f} ms server latency, "
              f"concurrency 1 (baseline) vs {args.concurrency}")
        rows = []
        for concurrency in (1, args.concurrency):
            seconds, ok = fetch_only(urls, concurrency)
            server.max_active = 0
            ingest_seconds, stored, statements = fetch_and_ingest(urls, concurrency, Path(tmp))
            rows.append((concurrency, seconds, ok, ingest_seconds, stored, statements,
                         server.max_active))
        base_fetch, base_ingest = rows[0][1], rows[0][3]
        print(f"{'conc':>4} {'fetch p/s':>10} {'speed-up':>8} {'fetch+ingest p/s':>17} "
              f"{'speed-up':>8} {'stored':>6} {'statements':>10} {'max in flight':>13}")
        for concurrency, seconds, ok, ingest_seconds, stored, statements, peak in rows:
            print(f"{concurrency:>4} {ok / seconds:>10.1f} {base_fetch / seconds:>7.2f}x "
                  f"{stored / ingest_seconds:>17.1f} {base_ingest / ingest_seconds:>7.2f}x "
                  f"{stored:>6} {statements:>10} {peak:>13}")
        print("\nfaults (default limits unless stated):")
        for label, seconds, outcome in fault_tour(server):
            print(f"  {label:<24} {seconds:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
