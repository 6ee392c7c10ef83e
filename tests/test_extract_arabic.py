"""Arabic direct quotes on real text, annotated by hand: the opening words of each quote, the
speaker as written and the other names the article uses for the same speaker.

Six sets from ahdath-2019, in different articles: ``arabic_quotes.jsonl`` (83 quotes in 37
articles) was read while the rules were written; ``arabic_quotes_heldout.jsonl`` (78 quotes in 17
articles) was annotated afterwards and measured before any rule was changed for it (recall 72/78,
speaker 50/72); ``arabic_quotes_heldout2.jsonl`` (40 quotes in 12 articles) was annotated after
those changes and measured on arrival (recall 37/40, speaker 24/37);
``arabic_quotes_heldout3.jsonl`` (45 quotes in 13 articles) was annotated from the text alone and
measured on arrival 43/45, 34/43; tuned on from session 13, so heldout4 takes its place as the
honest figure for text the rules have never seen.
``arabic_quotes_heldout4.jsonl`` (67 quotes in 24 articles) was annotated in session 13 from the
text alone and measured on arrival (recall 60/67, speaker 32/60).
``arabic_quotes_heldout5.jsonl`` (55 quotes in 33 articles) was annotated in session 13 from the
text alone and measured on arrival after that session's first round of rule changes (recall
48/55, speaker 26/48). No rule was tuned on either, and nobody who wrote rules read them; the
error classes their annotators reported (not the sentences) were known when the third round
was briefed (speech verbs after the quotation, speakers carried over, relayed sources). At
the end of session 13: heldout4 64/67, 39/64; heldout5 48/55, 29/48 — about 60% right
speakers on text the rules have never seen, against 98-100% on the sets they were tuned on.
The gap between a set on arrival and after tuning is how far the rules generalise. The floors
are the counts measured when the rules last changed: a change that loses quotes or speakers
fails here."""

import json
from pathlib import Path

import pytest

from verify.extract import extract
from verify.normalize import normalize_text

FIXTURES = Path(__file__).parent / "fixtures"
SETS = {
    "seen": ("ahdath_quoted_articles.jsonl", "arabic_quotes.jsonl"),
    "heldout": ("ahdath_heldout_articles.jsonl", "arabic_quotes_heldout.jsonl"),
    "heldout2": ("ahdath_heldout2_articles.jsonl", "arabic_quotes_heldout2.jsonl"),
    "heldout3": ("ahdath_heldout3_articles.jsonl", "arabic_quotes_heldout3.jsonl"),
    "heldout4": ("ahdath_heldout4_articles.jsonl", "arabic_quotes_heldout4.jsonl"),
    "heldout5": ("ahdath_heldout5_articles.jsonl", "arabic_quotes_heldout5.jsonl"),
}
FLOORS = {  # (gold, found, right speaker) as measured
    "seen": (83, 83, 83),
    "heldout": (78, 78, 77),
    "heldout2": (40, 39, 38),
    "heldout3": (45, 45, 45),
    "heldout4": (67, 64, 39),
    "heldout5": (55, 48, 29),
}


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in open(FIXTURES / name, encoding="utf-8")]


def _score(articles_file: str, gold_file: str) -> tuple[int, int, int]:
    articles = {row["article"]: row["content"] for row in _load(articles_file)}
    quotes = {i: [s for s in extract(text, language="ar") if s.kind == "quote"]
              for i, text in articles.items()}
    gold = _load(gold_file)
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


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    return request.param, _score(*SETS[request.param])


def test_recall_of_hand_annotated_quotes(scored):
    name, (gold, found, _) = scored
    assert gold == FLOORS[name][0]
    assert found >= FLOORS[name][1], f"{name}: recall {found}/{gold}"


def test_speaker_accuracy_on_found_quotes(scored):
    name, (_, found, right) = scored
    assert right >= FLOORS[name][2], f"{name}: speaker {right}/{found}"


def test_the_sets_share_no_article():
    docs = [{row["doc_id"] for row in _load(articles)} for articles, _ in SETS.values()]
    assert all(docs) and sum(map(len, docs)) == len(set().union(*docs))
