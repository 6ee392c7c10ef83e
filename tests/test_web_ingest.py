"""Ingesting from the web into a real SQLite file, against a real HTTP server on 127.0.0.1."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.db import open_db
from verify.decode import decode_bytes
from verify.ingest import ingest
from verify.model import ReadOptions
from webserver import LocalServer, Page

WEB = Path(__file__).parent / "fixtures" / "web"
ALLOW = ReadOptions(allow_private=True)


@pytest.fixture
def server():
    with LocalServer() as srv:
        yield srv


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "web.db")
    yield database
    database.close()


def reports(db) -> list[dict]:
    return list(db.query("SELECT * FROM reports ORDER BY id"))


def test_pages_in_utf8_and_windows_1256_are_stored_with_their_evidence(server, db):
    english = (WEB / "dillon-en.html").read_bytes()
    arabic = (WEB / "kirkuk-ar-cp1256-undeclared.html").read_bytes()
    server.routes["/en"] = Page(english)
    # The server claims Latin-1, a common default, and the page declares nothing itself.
    server.routes["/ar"] = Page(arabic, content_type="text/html; charset=ISO-8859-1")
    server.routes["/old-ar"] = Page(status=301, headers={"Location": "/ar"})
    summary = ingest(db, [server.url("/en"), server.url("/old-ar")], ALLOW)
    assert (summary.stored, summary.failed) == (2, 0), summary.failures
    en, ar = reports(db)
    assert en["url"] == en["final_url"] == en["origin"] == server.url("/en")
    assert en["raw"] == english and en["title"].startswith("US troops move to Kirkuk")
    assert en["fetched_at"].endswith("Z") and en["published_at"] == "2017-12-02T00:30:00Z"
    assert ar["url"] == server.url("/old-ar") and ar["final_url"] == server.url("/ar")
    assert ar["raw"] == arabic  # the bytes as served, not re-encoded
    assert "أعلن ما يسمى التحالف الدولي ضد داعش" in ar["text"]
    assert not any(c in ar["text"] for c in "ÇÈÊÓ"), "Windows-1256 stored as Latin-1 mojibake"
    assert ar["language"] == "ar"
    fts = db.execute("SELECT count(*) FROM reports_fts WHERE reports_fts MATCH ?",
                     ['"التحالف"']).fetchone()[0]
    assert fts == 1


def test_a_page_that_changes_becomes_version_2_and_an_unchanged_one_stores_nothing(server, db):
    first = (WEB / "dillon-en.html").read_bytes()
    corrected = first.replace(b"Hundreds of American soldiers", b"About 300 American soldiers")
    server.routes["/story"] = [Page(first), Page(first), Page(corrected), Page(first)]
    url = server.url("/story")
    assert ingest(db, [url], ALLOW).stored == 1
    again = ingest(db, [url], ALLOW)
    assert (again.stored, again.duplicates) == (0, 1)
    changed = ingest(db, [url], ALLOW)
    assert (changed.stored, changed.versions) == (1, 1)
    assert "1 new versions" in changed.line()
    v1, v2 = reports(db)
    assert (v1["version"], v1["previous_id"]) == (1, None)
    assert (v2["version"], v2["previous_id"], v2["url"]) == (2, v1["id"], url)
    assert "About 300 American soldiers" in v2["text"] and v2["raw"] == corrected
    # The page reverted to its first text: that text is stored already, as version 1.
    assert ingest(db, [url], ALLOW).duplicates == 1
    assert len(reports(db)) == 2


def test_feed_with_relative_links_fetches_each_article_and_fills_gaps_from_the_feed(server, db):
    server.routes["/feeds/world.xml"] = Page((WEB / "feed.xml").read_bytes(),
                                             content_type="application/rss+xml")
    server.routes["/news/kirkuk.html"] = Page((WEB / "bare-article.html").read_bytes())
    server.routes["/feeds/articles/water.html"] = Page((WEB / "app-shell-jsonld.html").read_bytes())
    summary = ingest(db, [server.url("/feeds/world.xml")], ALLOW)
    assert summary.stored == 2
    assert summary.failures == [(server.url("/news/gone.html"), "http 404: Not Found")]
    bare, water = reports(db)
    # The bare page has no metadata: the feed's title, date and author fill in.
    assert bare["url"] == server.url("/news/kirkuk.html")
    assert bare["title"] == "Feed title: troops reach Kirkuk"
    assert bare["published_at"] == "2017-12-01T20:00:00Z"
    assert bare["byline"] == "Feed Author"
    # The relative link "articles/water.html" resolves against the feed's URL; the page's
    # own metadata wins over the feed's.
    assert water["url"] == server.url("/feeds/articles/water.html")
    assert water["title"] == "Council approves new water plan"
    assert water["published_at"] == "2021-03-04T00:00:00Z" and water["byline"] == "Sam Lee"


def test_a_saved_feed_without_a_base_url_reports_its_relative_links(tmp_path, db):
    feed = tmp_path / "world.rss"
    feed.write_bytes((WEB / "feed.xml").read_bytes().replace(b"<link>/world</link>", b""))
    summary = ingest(db, [str(feed)], ALLOW)
    assert summary.stored == 0
    assert [reason for _, reason in summary.failures] == \
        ["relative link: the feed gives no base URL to resolve it"] * 3


def test_saved_html_files_are_read_like_fetched_pages(tmp_path, db):
    page = tmp_path / "saved.htm"
    page.write_bytes((WEB / "kirkuk-ar-cp1256.html").read_bytes().replace(
        b"<head>", b'<head><link rel="canonical" href="https://www.alkawthartv.ir/news/1">'))
    summary = ingest(db, [str(page), str(WEB / "tiny.html")], ReadOptions(outlet="City Desk"))
    assert summary.stored == 2
    saved, tiny = reports(db)
    assert saved["url"] == "https://www.alkawthartv.ir/news/1" and saved["origin"] == str(page)
    assert "مصادر كردية" in saved["text"] and "<" not in saved["text"]
    assert tiny["text"] == "Short notice: the bridge on Main Street is closed."
    assert tiny["url"] is None


def test_every_fault_gets_its_own_reason_and_the_rest_is_stored(server, tmp_path):
    good = (WEB / "dillon-en.html").read_bytes()
    server.routes.update({
        "/good": Page(good),
        "/missing": Page(b"no", status=404),
        "/broken": Page(b"oops", status=500, headers={"Retry-After": "0"}),
        "/busy": Page(status=429, headers={"Retry-After": "7200"}),
        "/huge": Page(b"x" * 1024, repeat=30_000, send_length=False),
        "/pdf": Page(b"%PDF-1.4 ...", content_type="application/pdf"),
        "/empty": Page(b"<html><body><script>app()</script></body></html>"),
        "/binary": Page(b"\x00\x01\x02garbage" * 100, content_type="text/html"),
    })
    urls = [server.url(p) for p in ("/missing", "/broken", "/busy", "/huge", "/pdf", "/empty",
                                    "/binary", "/good")]
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "f.db"), *urls, "ftp://x.example/a",
                                      "--allow-private", "-q"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    reasons = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in lines
               if line.startswith("failed: ")}
    assert reasons[server.url("/missing")] == "http 404: Not Found"
    assert reasons[server.url("/broken")].startswith("http 500: Internal Server Error (gave up after 4")
    assert reasons[server.url("/busy")].endswith("server asks to wait 7200 s (limit 30 s)")
    assert reasons[server.url("/huge")] == "too large: over 20,000,000 bytes"
    assert reasons[server.url("/pdf")].startswith("unsupported content: application/pdf")
    assert reasons[server.url("/empty")] == "empty: no article text in the page"
    assert reasons[server.url("/binary")].startswith("binary file")
    assert reasons["ftp://x.example/a"].startswith("unsupported scheme: ftp")
    assert lines[-1].startswith("ingest: 1 read, 1 stored, 0 duplicates")
    assert "8 failed" in lines[-1]
    db = open_db(tmp_path / "f.db")
    assert [r["url"] for r in reports(db)] == [server.url("/good")]
    run = db.execute("SELECT counts FROM runs WHERE command = 'ingest'").fetchone()[0]
    assert json.loads(run)["failed"] == 8


def test_the_cli_refuses_loopback_unless_allowed(server, tmp_path):
    server.routes["/admin"] = Page((WEB / "dillon-en.html").read_bytes())
    target = str(tmp_path / "r.db")
    refused = CliRunner().invoke(cli, ["ingest", target, server.url("/admin"), "-q"])
    assert refused.exit_code == 1
    assert "refused: 127.0.0.1 is a loopback address; use --allow-private" in refused.output
    assert server.hits["/admin"] == 0
    allowed = CliRunner().invoke(cli, ["ingest", target, server.url("/admin"), "--allow-private", "-q"])
    assert allowed.exit_code == 0, allowed.output
    assert server.hits["/admin"] == 1


def test_many_urls_are_stored_in_the_order_given_while_fetched_concurrently(server, db):
    body = (WEB / "bare-article.html").read_bytes()
    paths = [f"/n{i}" for i in range(12)]
    for i, path in enumerate(paths):
        # Earlier pages are slower: a fetch order leaking into storage would reverse them.
        server.routes[path] = Page(body.replace(b"this week", f"on day {i}".encode()),
                                   delay=0.02 * (12 - i))
    summary = ingest(db, [server.url(p) for p in paths], ALLOW)
    assert summary.stored == 12
    assert [r["url"] for r in reports(db)] == [server.url(p) for p in paths]
    assert 1 < server.max_active <= 8


def test_mislabelled_latin_text_keeps_its_encoding():
    french = ("<p>L'été dernier, à Genève, le comité a décidé d'élargir la coopération.</p>" * 4)
    text, encoding = decode_bytes(french.encode("latin-1"), declared="iso-8859-1")
    assert encoding == "iso8859-1" and "Genève" in text


def test_an_atom_feed_served_as_text_xml_is_read_as_a_feed(server, db):
    server.routes["/feeds/ar"] = Page((WEB / "atom.xml").read_bytes(), content_type="text/xml")
    server.routes["/ar/kirkuk.html"] = Page((WEB / "kirkuk-ar-cp1256.html").read_bytes(),
                                            content_type="text/html")
    summary = ingest(db, [server.url("/feeds/ar")], ALLOW)
    assert (summary.stored, summary.failures) == (1, [])
    (report,) = reports(db)
    assert report["url"] == server.url("/ar/kirkuk.html")  # xml:base, then the relative href
    assert report["title"].startswith('"التحالف الدولي"')  # the page's own title wins
    assert report["byline"] == "مراسل الكوثر"  # the page has none: the feed's author
    assert report["published_at"] == "2017-12-02T08:53:00Z"
