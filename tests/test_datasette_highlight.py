"""Highlighting builds HTML from untrusted text and offsets computed elsewhere: it must never
let the text become markup, never lose or reorder a character, and survive bad offsets."""

from __future__ import annotations

import html
import re

from hypothesis import given, strategies as st

from verify_datasette.badges import corroboration_text, reliability_text
from verify_datasette.evidence import fts_query, term_spans
from verify_datasette.highlight import diff_words, mark_match, safe_url

TAG = re.compile(r"<(/?)(mark|ins|del)( [^>]*)?>")
spans = st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=6)


def _visible(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


@given(st.text(max_size=60), spans, spans)
def test_marking_keeps_the_text_and_adds_only_our_tags(text, aligned, differing):
    differences = [{"kind": "number", "a": "1", "b": "2", "a_span": list(s)} for s in differing]
    out = str(mark_match(text, aligned, differences, side="a"))
    assert _visible(out) == text
    assert "<" not in TAG.sub("", out)


def test_differences_win_over_alignment_and_stay_one_mark():
    text = "Several hundred soldiers arrived"
    out = str(mark_match(text, [[0, 7], [16, 32]],
                         [{"kind": "number", "a": "Several hundred", "b": "Several thousand",
                           "a_span": [0, 15], "b_span": [0, 16]}], side="a"))
    assert out.startswith('<mark class="verify-difference" title="number: Several hundred ≠ '
                          'Several thousand">Several hundred</mark>')
    assert '<mark class="verify-aligned">soldiers arrived</mark>' in out


def test_malformed_offsets_are_ignored():
    out = str(mark_match("abc", [["x", 1], [2], None, [3, 1]], [{"a_span": None}, "junk"]))
    assert out == "abc"


def test_version_diff_marks_changed_words_and_escapes():
    out = str(diff_words("12 checkpoints <b>", "14 checkpoints <b>"))
    assert out == ('<del class="verify-removed">12</del><ins class="verify-added">14</ins>'
                   " checkpoints &lt;b&gt;")


def test_only_http_urls_are_links():
    assert safe_url("https://example.com/a") == "https://example.com/a"
    assert safe_url(" HTTP://example.com ") == "HTTP://example.com"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:alert(1)",
                "data:text/html,<script>", "//evil.example", "https:evil", None, 3):
        assert safe_url(bad) is None


def test_fts_query_quotes_every_word():
    assert fts_query('NEAR(a "b") OR c*') == '"near" "a" "b" "or" "c"'
    assert fts_query("قُوَّةٌ أميركية") == '"قوه" "اميركيه"'
    assert fts_query('"*:') is None


def test_search_terms_map_back_to_original_offsets():
    text = "وصلت قُوَّةٌ أميركية"
    found = [text[s:e] for s, e in term_spans(text, "قوة اميركية")]
    assert found == ["قُوَّةٌ", "أميركية"]


def test_badge_texts():
    assert corroboration_text(3, 5, 1) == "3 independent · 5 reports · 1 contradiction"
    assert corroboration_text(0, 1, 0, 2) == "0 independent · 1 report · 2 misattributions"
    assert reliability_text(0.724, 0.581, 0.84) == "72% (58–84)"
    assert reliability_text(None) == "not scored"
