"""Arabic direct quotes on real text: 83 quotes in 37 articles of ahdath-2019 annotated by hand
(tests/fixtures/arabic_quotes.jsonl: article, the quote's opening words, the speaker as written
and other acceptable names for the same speaker). The floors are the figures measured when the
rules were written, so a change that loses quotes or speakers fails here."""

import json
from pathlib import Path

import pytest

from verify.extract import extract
from verify.normalize import normalize_text

FIXTURES = Path(__file__).parent / "fixtures"


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in open(FIXTURES / name, encoding="utf-8")]


@pytest.fixture(scope="module")
def scores():
    articles = {row["article"]: row["content"] for row in _load("ahdath_quoted_articles.jsonl")}
    quotes = {i: [s for s in extract(text, language="ar") if s.kind == "quote"]
              for i, text in articles.items()}
    gold = _load("arabic_quotes.jsonl")
    found = right = 0
    for row in gold:
        prefix = normalize_text(row["quote"])
        hit = next((s for s in quotes[row["article"]] if prefix in normalize_text(s.quote)), None)
        if hit is None:
            continue
        found += 1
        name = normalize_text(hit.speaker.name) if hit.speaker else ""
        names = [normalize_text(n) for n in [row["speaker"], *row["accept"]]]
        right += bool(name) and any(n in name or (len(name) >= 4 and name in n) for n in names)
    return len(gold), found, right


def test_recall_of_hand_annotated_quotes(scores):
    gold, found, _ = scores
    assert gold >= 60
    assert found / gold >= 0.95, f"recall {found}/{gold}"  # measured 80/83


def test_speaker_accuracy_on_found_quotes(scores):
    _, found, right = scores
    assert right / found >= 0.88, f"speaker {right}/{found}"  # measured 74/80
