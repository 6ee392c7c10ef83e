"""Reading articles out of untrusted pages: text, metadata, encodings, right-to-left order."""

import logging
import socket
from pathlib import Path

import pytest

from verify.html import extract_article, visible_text

WEB = Path(__file__).parent / "fixtures" / "web"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "kirkuk-ar-2017-12-02.txt"


def seed_paragraphs() -> list[str]:
    lines = [line.strip() for line in (WEB / "kirkuk-ar-cp1256.html").read_bytes()
             .decode("cp1256").split("\n") if line.startswith("<p>")]
    return [line[3:-4] for line in lines if "الكوثر 2017" not in line]


def test_english_article_body_without_boilerplate_or_markup():
    article = extract_article((WEB / "dillon-en.html").read_bytes(), url="https://herald.example/k1")
    assert "Col. Ryan Dillon told reporters" in article.text
    assert article.text.startswith("Hundreds of American soldiers")
    for junk in ("Celebrity gossip", "Sign in", "All rights reserved", "INJECTED BY SCRIPT",
                 "do-not-store", "font-family", "editor: check", "Advertisement", "<"):
        assert junk not in article.text
    assert article.title == "US troops move to Kirkuk base, coalition says"
    assert article.byline == "Jane Roe, Omar Haddad"  # JSON-LD authors, in order
    assert article.site_name == "Example Herald"
    assert article.published_at == "2017-12-02T00:30:00Z"  # -05:00 converted to UTC
    assert article.language == "en"


@pytest.mark.parametrize("name", ["kirkuk-ar-cp1256.html", "kirkuk-ar-cp1256-undeclared.html"])
def test_windows_1256_arabic_page_is_read_in_order(name):
    article = extract_article((WEB / name).read_bytes())
    text = " ".join(article.text.split())  # the seed has no-break spaces; spacing is not at stake
    positions = [text.find(" ".join(p.split())) for p in seed_paragraphs()]
    assert -1 not in positions, "a paragraph was lost or garbled"
    assert positions == sorted(positions), "right-to-left paragraphs came out of order"
    assert "\ufffd" not in article.text and "Ç" not in article.text  # no mojibake
    assert article.title == '"التحالف الدولي" يكشف عن سبب تواجد القوات الأميركية في كركوك !'
    assert not article.text.startswith(article.title)  # the headline is not repeated as text
    assert article.site_name == "قناة الكوثر"
    assert article.published_at == "2017-12-02T08:53:00Z"
    assert article.language == "ar"
    assert "الرئيسية" not in article.text and "جميع الحقوق" not in article.text


def test_page_without_readable_body_falls_back_to_json_ld_without_its_markup():
    article = extract_article((WEB / "app-shell-jsonld.html").read_text("utf-8"))
    assert article.text.startswith("The city council approved a new water plan")
    assert "Opponents said the increase" in article.text
    assert "<script>" not in article.text and "alert(1)" not in article.text
    assert article.title == "Council approves new water plan"
    assert (article.byline, article.site_name) == ("Sam Lee", "City Wire")
    assert article.published_at == "2021-03-04T00:00:00Z"


def test_a_page_whose_only_text_looks_like_boilerplate_falls_back_to_visible_text():
    # Some statement pages put the whole notice in a footer or sidebar; trafilatura drops it.
    article = extract_article(
        "<html><body><aside class='sidebar'><p>The ministry said 12 people were hurt in the "
        "blast on Tuesday.</p><script>track()</script></aside></body></html>")
    assert article.method == "visible-text"
    assert article.text == "The ministry said 12 people were hurt in the blast on Tuesday."


def test_visible_text_keeps_blocks_and_drops_what_is_never_shown():
    import lxml.html

    tree = lxml.html.document_fromstring(
        "<html><head><title>T</title><style>p{}</style></head><body><p>one</p><div>two<br>three"
        "</div><script>bad()</script><noscript>enable js</noscript><!-- hidden --></body></html>")
    lines = [line for line in visible_text(tree).split("\n") if line.strip()]
    assert lines == ["one", "two", "three"]


def test_bidi_override_characters_are_removed():
    page = ("<html dir='rtl'><body><article><p>قال المتحدث إن \u202eالقوات وصلت\u202c إلى المدينة "
            "صباح اليوم بعد رحلة طويلة من الجنوب عبر الطريق السريع.</p></article></body></html>")
    article = extract_article(page)
    assert "\u202e" not in article.text and "\u202c" not in article.text
    assert "القوات وصلت إلى المدينة" in article.text


def test_empty_and_hostile_inputs_never_raise():
    assert extract_article(b"").text == ""
    assert extract_article("   ").text == ""
    assert extract_article("<html><body><script>x()</script></body></html>").text == ""
    broken = extract_article(b"<html><body><p>unclosed <b>bold <i>text" + b"<div>" * 5000)
    assert broken.text.startswith("unclosed bold text")
    assert extract_article(b'<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>').text == "x"


def test_extraction_never_touches_the_network_and_is_quiet(monkeypatch, caplog):
    def no_network(*args, **kwargs):
        raise AssertionError("extract_article tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with caplog.at_level(logging.DEBUG):
        article = extract_article((WEB / "tiny.html").read_bytes(), url="https://herald.example/n")
    assert article.text == "Short notice: the bridge on Main Street is closed."
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
