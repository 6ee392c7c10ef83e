"""verify match on a database: incremental runs and a rebuild store the same matches."""

from verify.db import open_db
from verify.keys import entity_key
from verify.match import build_claims, match_database
from verify.normalize import normalize_text

MP_QUOTE = "قوة أميركية كبيرة وصلت إلى كركوك مساء الثلاثاء، وستكون مهمتها المحافظة على أمن المواطنين والاستقرار في المدينة"
FIGURES = "قوات أميركية يقدر عدد أفرادها بالمئات واصلت خلال اليومين الماضيين تدفقها على المحافظة ترافقها نحو أربعين مدرعة"
REPORTS = [
    # (url, outlet, [(text, quote, speaker)])
    ("https://rafidain.example/1", "Al-Rafidain", [
        (f"وقال النائب كاروان عزيز محمود إن \"{MP_QUOTE}\"", MP_QUOTE, "كاروان عزيز محمود"),
        (f"وقالت مصادر في المحافظة إن \"{FIGURES}\"", FIGURES, None)]),
    ("https://nour.example/7", "Al-Nour", [
        (f"وأكد محمود أن \"{MP_QUOTE}\"", MP_QUOTE, "كاروان عزيز محمود"),
        ("وأعلنت وزارة النفط أن الحقول النفطية في كركوك عادت إلى العمل بعد توقف دام يومين", None, None)]),
    ("https://mirsad.example/3", "Al-Mirsad", [
        (f"ونقلت المصادر أن \"{FIGURES.replace('بالمئات', 'بالآلاف')}\"", FIGURES.replace("بالمئات", "بالآلاف"), None),
        (f"وقال رئيس الوزراء حيدر العبادي إن \"{MP_QUOTE}\"", MP_QUOTE, "حيدر العبادي")]),
    ("https://ledger.example/k1", "Capitol Ledger", [
        ("A large American force arrived in Kirkuk on Tuesday evening to protect citizens, MP Karwan Aziz Mahmoud said.", None, "Karwan Aziz Mahmoud"),
        ("Oil production in the Kirkuk fields resumed after a two-day halt, the oil ministry said.", None, None)]),
    ("https://ledger.example/k1", "Capitol Ledger", [  # a second version of the same page
        ("A large American force arrived in Kirkuk on Tuesday evening to protect citizens, MP Karwan Aziz Mahmoud said.", None, "Karwan Aziz Mahmoud")]),
    ("https://courier.example/oil", "Gulf Courier", [
        ("Oil production at the Kirkuk fields resumed on Thursday after a two-day halt, the ministry said.", None, None),
        ("The football season ended with a draw in Madrid on Sunday night.", None, None)]),
]


NAMES = [("كاروان عزيز محمود", "person"), ("Karwan Aziz Mahmoud", "person"), ("كركوك", "place"),
         ("Kirkuk", "place")]


def _insert(db, reports):
    for url, outlet, statements in reports:
        outlet_id = db["outlets"].lookup({"name": outlet})
        report_id = db["reports"].insert({
            "outlet_id": outlet_id, "url": url, "content_hash": f"{url}#{db['reports'].count}",
            "text": " ".join(s[0] for s in statements), "published_at": "2017-11-29T10:00:00Z",
            "ingested_at": "2017-11-29T10:00:00Z"}).last_pk
        for position, (text, quote, speaker) in enumerate(statements):
            speaker_id = None
            if speaker:
                speaker_id = db["speakers"].lookup({"name": speaker, "key": normalize_text(speaker), "kind": "person"})
            statement_id = db["statements"].insert({
                "uid": f"{report_id}-{position}", "report_id": report_id, "sentence": position,
                "position": position, "text": text, "norm": normalize_text(text),
                "kind": "quote" if quote else "assertion", "quote": quote, "speaker_id": speaker_id,
                "start": 0, "end": len(text)}).last_pk
            for name, kind in NAMES:  # what the extractor would have found
                if name in text:
                    start = text.index(name)
                    db["mentions"].insert({"statement_id": statement_id, "type": kind, "surface": name,
                                           "key": entity_key(name), "start": start, "end": start + len(name)})


def _matches(db):
    return sorted(db.execute("SELECT a_id, b_id, relation, round(score, 4), method FROM matches").fetchall())


def test_incremental_and_rebuild_agree(tmp_path):
    db = open_db(tmp_path / "v.db")
    _insert(db, REPORTS[:3])
    first = match_database(db)
    assert first["statements"] == 6
    _insert(db, REPORTS[3:])
    second = match_database(db)
    assert second["statements"] == 5  # only the new statements were matched
    incremental = _matches(db)
    assert match_database(db)["statements"] == 0
    match_database(db, rebuild=True, processes=2)
    assert _matches(db) == incremental


def test_statistics_of_an_older_tokenizer_are_recomputed(tmp_path):
    """A database matched by an older verify (words cut another way) is rebuilt on the next
    plain ``verify match``: keys from old and new stems would never meet."""
    db = open_db(tmp_path / "v.db")
    _insert(db, REPORTS)
    match_database(db)
    fresh = _matches(db)
    db.execute("DELETE FROM match_state WHERE key = 'tokens'")  # as an older verify left it
    db.execute("UPDATE match_stats SET df = df + 1000")
    db.execute("DELETE FROM matches")
    db.conn.commit()
    again = match_database(db)
    assert again["statements"] == 11  # everything rematched, not "nothing new"
    assert _matches(db) == fresh
    assert match_database(db)["statements"] == 0


def test_relations_and_exclusions(tmp_path):
    db = open_db(tmp_path / "v.db")
    _insert(db, REPORTS)
    match_database(db, processes=1)
    text = dict(db.execute("SELECT id, text FROM statements").fetchall())
    report = dict(db.execute("SELECT id, report_id FROM statements").fetchall())
    url = dict(db.execute("SELECT s.id, r.url FROM statements s JOIN reports r ON r.id = s.report_id").fetchall())
    found = {}
    for a, b, relation, _, _ in _matches(db):
        assert report[a] != report[b]
        assert url[a] != url[b], "two versions of one page are not corroboration"
        found.setdefault(relation, []).append((text[a], text[b]))
    assert {"same_quote", "misattributed", "contradicts", "paraphrase", "related"} <= set(found)
    assert any("العبادي" in a + b for a, b in found["misattributed"])
    assert any("بالآلاف" in a + b for a, b in found["contradicts"])
    assert not any("football" in a + b for pairs in found.values() for a, b in pairs)


def test_sample_answer_key(tmp_path):
    """The bundled sample: every relation of its answer key is found, and no unrelated pair is stored."""
    import json

    from verify.demo import SAMPLE, build_demo

    db = open_db(tmp_path / "demo.db")
    build_demo(db)
    match_database(db, rebuild=True, processes=1)
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    reports = {r["key"]: db.execute("SELECT id FROM reports WHERE title = ? AND published_at = ?",
                                    [r["title"], r["published_at"]]).fetchone()[0] for r in expected["reports"]}
    statement = {}
    for q in expected["quotes"]:
        words = normalize_text(q["quote"]).strip(' ,."')
        statement[q["id"]] = next(sid for sid, quote in db.execute(
            "SELECT id, quote FROM statements WHERE report_id = ? AND quote IS NOT NULL", [reports[q["report"]]])
            if normalize_text(quote).strip(' ,."') in words or words in normalize_text(quote))
    agree, total, seen = 0, 0, set()
    for m in expected["matches"]:
        a, b = sorted((statement[m["a"]], statement[m["b"]]))
        row = db.execute("SELECT relation FROM matches WHERE a_id = ? AND b_id = ?", [a, b]).fetchone()
        got = row[0] if row else "unrelated"
        if m["relation"] == "unrelated":
            assert got == "unrelated", m["why"]
        total += 1
        if got == m["relation"]:
            agree += 1
            seen.add(got)
    assert seen == {"same_quote", "misattributed", "paraphrase", "contradicts", "related", "unrelated"}
    assert agree >= 0.95 * total

    build_claims(db)
    claim_of = dict(db.execute("SELECT id, claim_id FROM statements").fetchall())
    for claim in expected["claims"]:
        ids = {statement[m] for m in claim["members"]}
        assert len({claim_of[i] for i in ids}) == 1, claim["id"]
        others = {statement[q] for q in statement} - ids
        assert not any(claim_of[i] == claim_of[next(iter(ids))] for i in others), claim["id"]


def test_short_statement_with_typos_is_found(tmp_path):
    """Short statements sharing no word exactly (typos) are still candidates, through trigrams."""
    db = open_db(tmp_path / "v.db")
    _insert(db, [("https://a.example/1", "A", [("Barzani resigns", None, None)]),
                 ("https://b.example/2", "B", [("Barzany resigned", None, None)]),
                 ("https://c.example/3", "C", [("Markets in Tokyo closed higher on Friday.", None, None)])])
    match_database(db, processes=1)
    rows = db.execute("SELECT a_id, b_id, relation, method FROM matches").fetchall()
    assert [(a, b, method) for a, b, _, method in rows] == [(1, 2, "ngrams")]
    assert rows[0][2] == "paraphrase"


def test_match_command_says_what_it_is_doing_and_ends_with_a_summary(tmp_path):
    from click.testing import CliRunner

    from verify.cli import cli

    db = open_db(tmp_path / "v.db")
    _insert(db, REPORTS)
    db.conn.close()
    result = CliRunner().invoke(cli, ["match", str(tmp_path / "v.db")])
    assert result.exit_code == 0, result.output
    assert "match: indexing" in result.stderr  # before any chunk is scored
    assert result.stdout.startswith("match: 11 statements")
    again = CliRunner().invoke(cli, ["match", str(tmp_path / "v.db")])
    assert again.stdout.startswith("match: 0 statements")
