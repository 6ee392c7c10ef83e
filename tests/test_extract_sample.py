"""The bundled sample against its answer key (data/sample/expected.json): every quote with its
speaker, the reported speech, and the quoted names that are not quotes."""

import json

import pytest

from verify.db import open_db
from verify.demo import SAMPLE, build_demo
from verify.keys import person_key
from verify.normalize import normalize_text

EXPECTED = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
SPEAKERS = {s["name"]: s for s in EXPECTED["speakers"]}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("sample") / "sample.db")
    build_demo(db)
    reports = {r["key"]: db.execute(
        "SELECT r.id FROM reports r JOIN outlets o ON o.id = r.outlet_id "
        "WHERE o.name = ? AND r.title = ?", [r["outlet"], r["title"]]).fetchone()[0]
        for r in EXPECTED["reports"]}
    return db, reports


def _statements(db, report_id):
    return db.execute(
        "SELECT s.kind, s.text, s.quote, sp.name FROM statements s "
        "LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.report_id = ?", [report_id]).fetchall()


def _same_speaker(found, expected):
    if found is None:
        return False
    spellings = SPEAKERS.get(expected, {}).get("names_in_text", []) + [expected]
    return person_key(found) == person_key(expected) or normalize_text(found) in {
        normalize_text(name) for name in spellings}


def test_every_quote_is_found_with_its_speaker(sample):
    db, reports = sample
    wrong = []
    for q in EXPECTED["quotes"]:
        want = normalize_text(q["quote"]).strip(' ,."')
        hits = [row for row in _statements(db, reports[q["report"]])
                if normalize_text(row[2] or row[1]).strip(' ,."') == want]
        if not hits or hits[0][0] != "quote" or not _same_speaker(hits[0][3], q["speaker"]):
            wrong.append((q["id"], hits[0][0] if hits else None, hits[0][3] if hits else None))
    assert wrong == []


def test_reported_speech_is_indirect(sample):
    db, reports = sample
    found = sum(any(row[0] == "indirect" and i["text_contains"] in row[1]
                    for row in _statements(db, reports[i["report"]]))
                for i in EXPECTED["indirect"])
    assert found >= 22, f"{found}/{len(EXPECTED['indirect'])}"  # measured 22/23


def test_quoted_names_are_not_quotes(sample):
    db, reports = sample
    for item in EXPECTED["not_quotes"]:
        quotes = [row[2] for row in _statements(db, reports[item["report"]]) if row[0] == "quote"]
        assert item["text"] not in quotes
