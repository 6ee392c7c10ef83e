"""build_claims: claims grow around a representative; weak chains do not merge; reviews override."""

from verify.db import open_db
from verify.match import build_claims
from verify.normalize import normalize_text

TEXTS = [
    "قوة أميركية كبيرة وصلت إلى كركوك مساء الثلاثاء",  # A: the first report
    "قوة أميركية كبيرة وصلت إلى كركوك مساء الثلاثاء لحماية المواطنين",  # B
    "قوة أميركية وصلت إلى كركوك لحماية المواطنين والاستقرار",  # C
    "وصلت قوات لحماية المواطنين والاستقرار في المدينة",  # D: only linked to C
    "Iraqi forces took full control of the Kirkuk oil fields on Monday.",  # E
    "Iraqi troops took control of all Kirkuk oil fields on Monday.",  # F
]


def _db(tmp_path, links, reviews=()):
    db = open_db(tmp_path / "v.db")
    outlet = db["outlets"].insert({"name": "Outlet"}).last_pk
    for i, text in enumerate(TEXTS):
        db["reports"].insert({"id": i + 1, "outlet_id": outlet, "content_hash": f"h{i}", "text": text,
                              "published_at": f"2017-11-2{i}T10:00:00Z", "ingested_at": "2017-12-01T00:00:00Z"})
        db["statements"].insert({"id": i + 1, "uid": f"u{i + 1}", "report_id": i + 1, "sentence": 0,
                                 "position": 0, "text": text, "norm": normalize_text(text), "kind": "assertion",
                                 "start": 0, "end": len(text)})
    for a, b, relation in links:
        db["matches"].insert({"a_id": a, "b_id": b, "score": 0.8, "relation": relation})
    for a, b, decision in reviews:
        db["reviews"].insert({"target": "match", "a_key": a, "b_key": b, "decision": decision,
                              "created_at": "2017-12-02T00:00:00Z"})
    return db


def _claims(db):
    groups = {}
    for sid, claim in db.execute("SELECT id, claim_id FROM statements"):
        groups.setdefault(claim, set()).add(sid)
    return sorted(sorted(g) for g in groups.values())


def test_chain_of_weak_links_does_not_merge(tmp_path):
    db = _db(tmp_path, [(1, 2, "same_quote"), (2, 3, "paraphrase"), (1, 3, "paraphrase"),
                        (3, 4, "paraphrase"), (5, 6, "paraphrase"), (1, 5, "related"), (4, 6, "contradicts")])
    counts = build_claims(db)
    # D links only to C, not to A (the representative) nor to most of {A, B, C}.
    assert _claims(db) == [[1, 2, 3], [4], [5, 6]]
    assert counts["claims"] == 3
    rep, size, first_report = db.execute(
        "SELECT c.statement_id, c.size, c.first_report_id FROM claims c JOIN statements s ON s.claim_id = c.id "
        "WHERE s.id = 2").fetchone()
    assert (rep, size, first_report) == (1, 3, 1)


def test_reviews_override_matches(tmp_path):
    links = [(1, 2, "same_quote"), (5, 6, "paraphrase")]
    db = _db(tmp_path, links, reviews=[("u6", "u5", "reject"), ("u4", "u1", "accept")])
    build_claims(db)
    assert _claims(db) == [[1, 2, 4], [3], [5], [6]]


def test_rebuilding_claims_is_stable(tmp_path):
    db = _db(tmp_path, [(1, 2, "same_quote"), (5, 6, "paraphrase")])
    build_claims(db)
    first = _claims(db)
    build_claims(db)
    assert _claims(db) == first
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 4
