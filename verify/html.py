"""An article out of an untrusted HTML page: text, title, byline, site, date, language.

trafilatura removes the boilerplate (menus, related links, comments). Pages it cannot read
still carry metadata — ``og:`` tags and JSON-LD ``NewsArticle`` (headline, datePublished,
author, publisher, often the whole ``articleBody``) — and as a last resort the page's visible
text is better than nothing. Nothing here fetches: trafilatura only ever sees the bytes we
hand it. The text never contains markup (scripts, styles and tags are dropped, not escaped),
and bidirectional override characters are removed so a right-to-left page reads in its
logical order and cannot disguise what it says.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from .decode import DecodeError, decode_bytes, declared_charset
from .readers.records import RecordError, iso_utc

# trafilatura and htmldate log every page they find hard; the ingest summary is our report.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# JSON-LD types that describe the article, most specific first: a page's @graph often holds
# a WebPage (with its own name and dates) beside the NewsArticle, and the article should win.
_ARTICLE_TYPES = {"newsarticle": 0, "reportagenewsarticle": 0, "analysisnewsarticle": 0,
                  "backgroundnewsarticle": 0, "opinionnewsarticle": 0, "reviewnewsarticle": 0,
                  "article": 1, "blogposting": 1, "liveblogposting": 1, "report": 1,
                  "webpage": 2}
# Embedding, override and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): display
# instructions, not text; RLO in particular can make stored text read differently on screen.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
              "head", "form", "button", "select", "textarea", "canvas", "math")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
           "article", "blockquote", "pre", "header", "footer", "aside", "nav", "main",
           "figcaption", "dd", "dt", "table", "ul", "ol", "hr"}
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class Article:
    """What a page says it is; fields the page does not tell stay ``None``."""

    text: str
    title: str | None = None
    byline: str | None = None
    site_name: str | None = None
    published_at: str | None = None  # ISO 8601 UTC
    language: str | None = None
    canonical_url: str | None = None  # <link rel="canonical"> or og:url, http(s) only
    method: str = "trafilatura"  # trafilatura, json-ld, visible-text: how the text was found


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.translate(_BIDI_CONTROLS).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return text or None


def _as_text(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    try:
        return decode_bytes(html, declared=declared_charset(html))[0]
    except DecodeError:
        return html.decode("utf-8", "replace")


def _parse(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input that carries an XML encoding declaration; the declaration is
    # meaningless once the text is decoded.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _date(value: Any) -> str | None:
    if not value or not isinstance(value, (str, int, float)):
        return None
    try:
        return iso_utc(value)
    except RecordError:
        return None


def _names(value: Any) -> list[str]:
    """Author or publisher names from JSON-LD's string / object / list forms."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() and "://" not in value else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text_content().strip() or "null")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                yield item


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict:
    """The page's JSON-LD article (NewsArticle and kin), reduced to our fields."""
    ranked = []
    for order, item in enumerate(_json_ld_objects(tree)):
        types = item.get("@type")
        ranks = [_ARTICLE_TYPES.get(t.lower()) for t in (types if isinstance(types, list) else [types])
                 if isinstance(t, str)]
        ranks = [r for r in ranks if r is not None]
        if ranks and (item.get("headline") or item.get("articleBody") or item.get("datePublished")):
            ranked.append((min(ranks), order, item))
    for _, _, item in sorted(ranked, key=lambda entry: entry[:2])[:1]:
        authors = _names(item.get("author"))
        publishers = _names(item.get("publisher"))
        language = item.get("inLanguage")
        return {
            "title": item.get("headline") if isinstance(item.get("headline"), str) else None,
            "published_at": _date(item.get("datePublished") or item.get("dateCreated")),
            "byline": ", ".join(dict.fromkeys(authors)) or None,
            "site_name": publishers[0] if publishers else None,
            "text": item.get("articleBody") if isinstance(item.get("articleBody"), str) else None,
            "language": language if isinstance(language, str) else None,
        }
    return {}


def _meta(tree: lxml.html.HtmlElement) -> dict:
    """``og:``, ``article:`` and plain ``<meta>`` tags, plus ``<title>`` and ``<html lang>``."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    title = tree.find(".//title")
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    author = tags.get("author") or tags.get("article:author") or tags.get("byl")
    canonical = tree.xpath('//link[translate(@rel, "CANONIL", "canonil")="canonical"]/@href')
    return {
        "canonical": [*canonical, tags.get("og:url", "")],
        "title": tags.get("og:title") or tags.get("twitter:title")
        or (title.text_content() if title is not None else None),
        "published_at": _date(tags.get("article:published_time") or tags.get("og:published_time")
                              or tags.get("datepublished") or tags.get("pubdate")
                              or tags.get("date") or tags.get("dc.date")),
        "byline": author if author and "://" not in author else None,
        "site_name": tags.get("og:site_name") or tags.get("application-name"),
        "language": lang or tags.get("og:locale") or tags.get("content-language"),
    }


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """Every piece of text a reader would see, one block per line, in document order."""
    tree = copy.deepcopy(tree)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, *_INVISIBLE,
                         with_tail=False)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


def _strip_markup(text: str | None) -> str | None:
    """Text that still carries tags (JSON-LD bodies often do) read as the page would show it."""
    if not text or not _TAG.search(text):
        return text
    tree = _parse(f"<html><body><div>{text}</div></body></html>")
    return visible_text(tree) if tree is not None else _TAG.sub(" ", text)


def _language(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _trafilatura(html: str, url: str | None) -> tuple[str | None, dict]:
    import trafilatura  # imported on first use: it adds a sixth of a second to every CLI start

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - a library crash on hostile markup must not stop ingest
        return None, {}
    if document is None:
        return None, {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return data.get("text"), {
        "title": data.get("title"),
        "byline": data.get("author"),
        # Without a site name trafilatura reports the host name, which is not a name.
        "site_name": None if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", data.get("sitename") or "x")
        else data.get("sitename"),
        "published_at": _date(data.get("date")),
    }


def extract_article(html: str | bytes, *, url: str | None = None) -> Article:
    """Read an article out of a page, with metadata where the page has it.

    Precedence: JSON-LD (the publisher's own structured claim, with a full timestamp), then
    ``og:``/``<meta>``, then what trafilatura infers. The text is trafilatura's; if it finds
    nothing, the JSON-LD ``articleBody``; if that is missing too, the page's visible text.
    """
    source = _as_text(html)
    tree = _parse(source)
    if tree is None:
        return Article(text="", method="empty")
    ld = _json_ld_article(tree)
    meta = _meta(tree)
    text, found = _trafilatura(source, url)
    method = "trafilatura"
    text = _clean(_strip_markup(text))
    if not text and ld.get("text"):
        text, method = _clean(_strip_markup(ld["text"])), "json-ld"
    if not text:
        text, method = _clean(visible_text(tree)), "visible-text"

    def pick(field: str) -> str | None:
        for origin in (ld, meta, found):
            value = _clean(origin.get(field))
            if value:
                return value
        return None

    title = pick("title")
    title = title.split("\n")[0] if title else None
    if text and title:
        # trafilatura keeps the headline as the first line; the title has its own column.
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest.strip()
    return Article(
        text=text or "",
        title=title,
        byline=pick("byline"),
        site_name=pick("site_name"),
        published_at=pick("published_at"),
        language=_language(ld.get("language") or meta.get("language")),
        canonical_url=next((link for link in (urljoin(url or "", c.strip()) for c in meta["canonical"])
                            if re.match(r"https?://[^/\s]", link, re.I)), None),
        method=method,
    )
