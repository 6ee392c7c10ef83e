"""Fact-check verdicts in: ClaimReview in fact-checkers' shapes, ratings on 0…1, links to statements.

The database is built from the sample's answer key (every quote of expected.json stored as a
statement of its report, with its speaker), so the links are checked against statements whose
ids and speakers are known, without running extraction.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.db import open_db
from verify.normalize import normalize_text
from verify.paths import data_path
from verify.verdicts import import_verdicts, link_verdicts
from verify.verdicts.claimreview import read_verdicts
from verify.verdicts.ratings import RatingError, RatingTable, normalise_rating

FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"
SAMPLE = data_path("sample")


def _expected() -> dict:
    return json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


def sample_db(path: Path, *, quotes: set[str] | None = None):
    """A database holding the sample's reports and its quotes (all, or the ids in ``quotes``)."""
    db = open_db(path)
    expected = _expected()
    outlets = {o["name"]: o for o in expected["outlets"]}
    urls = {}
    for jsonl in SAMPLE.glob("*.jsonl"):
        for n, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), start=1):
            urls[f"{jsonl.name}:{n}"] = json.loads(line).get("url")
    for report in expected["reports"]:
        outlet = outlets[report["outlet"]]
        outlet_id = db["outlets"].lookup({"name": outlet["name"]}, {"domain": outlet["domain"]})
        db["reports"].insert({
            "outlet_id": outlet_id, "url": urls.get(report["source"]), "content_hash": report["key"],
            "title": report["title"], "published_at": report["published_at"],
            "language": report["language"], "text": report["title"], "ingested_at": "2026-01-01",
        })
    add_quotes(db, quotes)
    return db


def add_quotes(db, quotes: set[str] | None = None) -> None:
    """Store the answer key's quotes (all, or those in ``quotes``) as statements."""
    expected = _expected()
    kinds = {s["name"]: s["kind"] for s in expected["speakers"]}
    for quote in expected["quotes"]:
        if quotes is not None and quote["id"] not in quotes:
            continue
        name = quote["speaker"]
        kind = name.split(":")[0] if ":" in name else kinds.get(name, "person")
        speaker_id = db["speakers"].lookup({"kind": kind, "key": name}, {"name": name})
        report_id, language = db.execute("SELECT id, language FROM reports WHERE content_hash = ?",
                                         [quote["report"]]).fetchone()
        db["statements"].insert({
            "uid": quote["id"], "report_id": report_id, "sentence": 0, "position": 0,
            "text": quote["quote"], "norm": normalize_text(quote["quote"]), "kind": "quote",
            "quote": quote["quote"], "speaker_id": speaker_id, "start": 0,
            "end": len(quote["quote"]), "language": language})


def links(db) -> dict[tuple[str, str], str]:
    """(verdict url, statement uid) → relation."""
    rows = db.execute("SELECT v.url, l.statement_uid, l.relation FROM verdict_links l "
                      "JOIN verdicts v ON v.id = l.verdict_id").fetchall()
    return {(url, uid): relation for url, uid, relation in rows}


def best(db) -> dict[str, str | None]:
    """verdict url → uid of its statement."""
    rows = db.execute("SELECT v.url, s.uid FROM verdicts v "
                      "LEFT JOIN statements s ON s.id = v.statement_id").fetchall()
    return dict(rows)


# ---------------------------------------------------------------- ratings


def test_a_known_label_decides_even_when_the_number_disagrees():
    # The page's number says 1 of 0…6, its label says the worst: readers saw the label.
    assert normalise_rating(1, best=6, worst=0, label="Pants on Fire!").value == 0.0
    assert normalise_rating(5, best=5, worst=1, label="FALSE.").value == 0.0


def test_a_label_and_number_that_disagree_are_reported():
    rating = normalise_rating(1, best=5, worst=1, label="True")  # a site whose 1 means True?
    assert rating.value == 1.0 and "disagree" in rating.warning
    assert normalise_rating(5, best=5, worst=1, label="True").warning is None


def test_numbers_are_read_on_their_own_scale_including_reversed_and_default_scales():
    assert normalise_rating("4", best="5", worst="1").value == 0.75
    assert normalise_rating(3).value == 0.5  # schema.org's 1…5 when the scale is missing
    assert normalise_rating(1, best=1, worst=6).value == 1.0  # 1 is best on this site


@pytest.mark.parametrize("label, value", [
    ("زائف", 0.0), ("خطأ", 0.0), ("مُضلِّل", 0.25), ("نصف صحيح", 0.5), ("صحيح", 1.0),
    ("صحيح غالباً", 0.75), ("Mostly-False", 0.25), ("Half True", 0.5), ("Correct", 1.0),
])
def test_arabic_and_english_labels_in_their_written_variants(label, value):
    assert normalise_rating(label=label).value == value


@pytest.mark.parametrize("label", ["Satire", "Unproven", "Misattributed", "منسوب خطأ"])
def test_a_label_without_truth_value_is_kept_without_a_value(label):
    # A misattribution is about who said the words: neither the words nor the person credited
    # with them were rated, so it must not move the credited speaker's reliability.
    rating = normalise_rating(label=label)
    assert rating.label == label and rating.value is None


@pytest.mark.parametrize("kwargs, reason", [
    ({"rating_value": 7, "best": 5, "worst": 1}, "outside its scale"),
    ({"label": "Checked"}, "not in the ratings table"),
    ({}, "neither a label"),
    ({"rating_value": 3, "best": 2, "worst": 2}, "no scale"),
    ({"rating_value": "high"}, "not a number"),
])
def test_unusable_ratings_say_why(kwargs, reason):
    with pytest.raises(RatingError, match=reason):
        normalise_rating(**kwargs)


def test_users_extend_the_rating_table_with_their_own_labels(tmp_path):
    table_path = tmp_path / "ratings.csv"
    table_path.write_text("label,value,language,note\nTotally bogus,0,en,house scale\n",
                          encoding="utf-8")
    table = RatingTable.from_csv(table_path)
    result = read_verdicts(FIXTURES / "verdicts.csv", table=table)
    bogus = [r for r in result.records if r.rating == "Totally bogus"]
    assert bogus and bogus[0].rating_value == 0.0


def test_a_broken_rating_table_names_its_line(tmp_path):
    table_path = tmp_path / "ratings.csv"
    table_path.write_text("label,value\nTrue,1\nFalse,zero\n", encoding="utf-8")
    with pytest.raises(RatingError, match=r"ratings.csv:3"):
        RatingTable.from_csv(table_path)


# ---------------------------------------------------------------- reading ClaimReview


def test_a_saved_fact_check_page_gives_its_claimreview_and_reports_its_broken_block():
    result = read_verdicts(FIXTURES / "english-factcheck-page.html")
    (verdict,) = result.records
    assert verdict.claim_text.startswith("Several thousand American soldiers")  # quotes unwrapped
    assert (verdict.rating, verdict.rating_value) == ("Pants on Fire!", 0.0)
    assert verdict.reviewer == "Truth Desk"
    assert verdict.published_at == "2017-12-04T21:20:00Z"  # -05:00 in the page
    assert verdict.claimant == "Unnamed security official" and verdict.claim_date == "2017-12-02"
    assert verdict.appearance == ["https://gulfcourier.example/region/2017/12/02/thousands-us-troops-k1"]
    assert len(result.failures) == 1 and "ld+json block 3" in result.failures[0]


def test_an_array_gives_every_claimreview_with_scale_authors_and_web_appearances():
    result = read_verdicts(FIXTURES / "wire-factcheck-array.json")
    assert not result.failures
    first, second = result.records
    assert (first.rating, first.rating_value) == ("Partly false", 0.25)
    assert first.claimant == "Hemin Rashid, Kurdistan Regional Government"
    assert first.language == "en"  # from inLanguage given as a Language object
    assert first.appearance[0].startswith("https://khtv.example/")  # firstAppearance first
    assert not any(url.startswith("ftp:") for url in first.appearance)
    assert second.appearance == ["https://social.example/posts/88231"]


def test_an_arabic_object_with_a_voweled_arabic_label():
    (verdict,) = read_verdicts(FIXTURES / "arabic-factcheck-object.json").records
    assert verdict.rating_value == 0.25 and verdict.language == "ar"
    assert verdict.reviewer == "منصة كاشف"
    assert verdict.published_at == "2017-12-03T11:10:00Z"


def test_a_graph_resolves_author_and_claim_through_their_ids():
    (verdict,) = read_verdicts(FIXTURES / "graph-form.jsonld").records
    assert verdict.reviewer == "دليل للتحقق"
    assert verdict.claimant == "نوزاد كريم" and verdict.claim_date == "2017-12-05"
    assert verdict.appearance == ["https://rafidaindaily.example/news/2017/12/05/dibis-dam-water-level"]
    assert verdict.rating is None and verdict.rating_value == 0.75  # 4 on 1…5, no label


def test_missing_optional_fields_leave_columns_empty():
    (verdict,) = read_verdicts(FIXTURES / "minimal.json").records
    assert verdict.rating_value == 1.0
    assert verdict.reviewer == "northwatch.example"  # the site, when no author is named
    assert (verdict.claimant, verdict.claim_date, verdict.published_at, verdict.appearance) == (
        None, None, None, [])


def test_malformed_claimreviews_fail_one_by_one_with_reasons():
    result = read_verdicts(FIXTURES / "missing-claim-and-bad-rating.json")
    assert [r.url for r in result.records] == ["https://northwatch.example/checks/k1-temporary"]
    reasons = "\n".join(result.failures)
    assert "#1: ClaimReview has no claimReviewed" in reasons
    assert "#2: ratingValue 7 outside its scale" in reasons
    assert "#3: ClaimReview has no reviewRating" in reasons
    broken = read_verdicts(FIXTURES / "broken-json.json")
    assert not broken.records and "not valid JSON" in broken.failures[0]


def test_a_windows_1256_arabic_page_with_a_cdata_wrapped_article_and_nested_claimreview():
    (verdict,) = read_verdicts(FIXTURES / "arabic-page-windows-1256.html").records
    assert verdict.claim_text.startswith("استئناف الضخ من حقلي باي حسن")
    assert (verdict.rating, verdict.rating_value) == ("نصف صحيح", 0.5)
    assert verdict.url == "https://tabayyan.example/ar/fact/oil-bai-hassan-150k"  # the canonical link
    assert verdict.claimant == "فارس كامل العزاوي"


def test_a_json_lines_feed_with_a_datafeed_a_label_without_value_and_a_cut_off_line():
    result = read_verdicts(FIXTURES / "feed.jsonl")
    dam, refinery = result.records
    assert dam.rating_value == 0.75 and dam.claimant == "Nawzad Karim"
    assert refinery.rating == "Unproven" and refinery.rating_value is None
    assert len(result.failures) == 1 and result.failures[0].startswith(
        str(FIXTURES / "feed.jsonl") + ":3: not valid JSON")


def test_csv_rows_with_documented_columns():
    result = read_verdicts(FIXTURES / "verdicts.csv")
    arabic, numeric = result.records
    assert (arabic.rating_value, arabic.claimant, arabic.language) == (1.0, "رايان ديلون", "ar")
    assert numeric.rating is None and numeric.rating_value == 0.75
    assert len(numeric.appearance) == 2
    assert [f.split(": ", 1)[0].rsplit(":", 1)[1] for f in result.failures] == ["4", "5"]


# ---------------------------------------------------------------- import and link


def test_sample_verdicts_land_on_the_statements_they_rate(tmp_path):
    db = sample_db(tmp_path / "v.db")
    result = import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert (result.imported, result.failed, result.unlinked) == (6, [], 0)
    chosen = best(db)
    assert chosen["https://haqiqa.example/checks/2017/12/03/thousands-us-troops-kirkuk"] == "mirsad-afp-k1#1"
    assert chosen["https://tigrisfactcheck.example/2017/12/04/several-thousand-soldiers-k1"] == "gulf-afp-k1#1"
    assert chosen["https://tigrisfactcheck.example/2017/12/04/obeidi-did-not-say-k1-coordinated"] == "rafen-k1#2"
    assert chosen["https://haqiqa.example/checks/2017/12/03/dillon-k1-coordination"] == "kht-k1#1"
    found = links(db)
    dillon = "https://tigrisfactcheck.example/2017/12/04/coalition-k1-coordinated"
    misattribution = "https://tigrisfactcheck.example/2017/12/04/obeidi-did-not-say-k1-coordinated"
    # Dillon's words rated True: his statements carry it, the copy credited to al-Obeidi does
    # not; the Misattributed verdict lands on al-Obeidi's copy and never on Dillon's words.
    assert found[(dillon, "ledger-k1#1")] == "same_quote"
    assert found[(dillon, "gulf-afp-k1#2")] == "same_quote"
    assert (dillon, "rafen-k1#2") not in found
    assert found[(misattribution, "rafen-k1#2")] == "same_quote"
    assert not {uid for (url, uid) in found if url == misattribution} - {"rafen-k1#2"}
    # A False on "thousands" is no False on the "hundreds" report it contradicts.
    assert ("https://tigrisfactcheck.example/2017/12/04/several-thousand-soldiers-k1",
            "rafen-mp#2") not in found
    # The sample has no translation model: an Arabic verdict links Arabic statements only.
    arabic = {uid for (url, uid) in found if url.startswith("https://haqiqa.example/")}
    languages = {db.execute("SELECT language FROM statements WHERE uid = ?", [u]).fetchone()[0]
                 for u in arabic}
    assert languages == {"ar"}


def test_importing_again_updates_in_place_and_links_nothing_new(tmp_path):
    db = sample_db(tmp_path / "v.db")
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    before = links(db)
    again = import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert (again.imported, again.updated) == (0, 6)
    assert again.links["checked"] == 0 and links(db) == before
    assert db.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 6


def test_statements_ingested_after_the_verdicts_get_linked_by_the_next_run(tmp_path):
    db = sample_db(tmp_path / "later.db", quotes={"rafd-mp#1"})
    first = import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert first.linked == 0 and first.unlinked == 6  # kept, waiting for their statements
    full = sample_db(tmp_path / "full.db")
    import_verdicts(full, SAMPLE / "verdicts.jsonld")
    add_quotes(db, {q["id"] for q in _expected()["quotes"]} - {"rafd-mp#1"})
    summary = link_verdicts(db)
    assert summary["linked"] == 6
    assert links(db) == links(full) and best(db) == best(full)
    rebuilt = link_verdicts(db, rebuild=True)
    assert rebuilt["checked"] == 6 and links(db) == links(full)


def test_links_survive_re_extraction_under_the_same_uid_and_go_with_deleted_statements(tmp_path):
    db = sample_db(tmp_path / "v.db")
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    columns = [c[0] for c in db.execute("SELECT * FROM statements LIMIT 0").description]
    row = dict(zip(columns, db.execute("SELECT * FROM statements WHERE uid = 'ledger-k1#1'").fetchone()))
    db.execute("DELETE FROM statements WHERE uid IN ('ledger-k1#1', 'gulf-afp-k1#2')")
    row.pop("id")
    db["statements"].insert(row)  # re-extracted: a new row id, the same uid
    link_verdicts(db)
    found = links(db)
    dillon = "https://tigrisfactcheck.example/2017/12/04/coalition-k1-coordinated"
    assert found[(dillon, "ledger-k1#1")] == "same_quote"
    assert (dillon, "gulf-afp-k1#2") not in found
    assert best(db)[dillon] == "ledger-k1#1"


OIL_WORDS = "Pumping from the Bai Hassan and Avana fields has not exceeded 15,000 barrels per day,"
OIL_VERDICT = "https://tigrisfactcheck.example/2017/12/05/bai-hassan-avana-output"


def add_copies(db, first: int, count: int) -> list[int]:
    """``count`` reports carrying the oil quote word for word; their statement ids."""
    speaker = db["speakers"].lookup({"kind": "person", "key": "hemin"}, {"name": "Hemin Rashid"})
    ids = []
    for n in range(first, first + count):
        report = db["reports"].insert({"content_hash": f"copy-{n}", "text": OIL_WORDS, "language": "en",
                                       "url": f"https://copies.example/{n}",
                                       "ingested_at": "2026-01-01"}).last_pk
        ids.append(db["statements"].insert({
            "uid": f"copy-{n}#1", "report_id": report, "sentence": 0, "position": 0,
            "text": OIL_WORDS, "norm": normalize_text(OIL_WORDS), "kind": "quote",
            "quote": OIL_WORDS, "speaker_id": speaker, "start": 0, "end": len(OIL_WORDS),
            "language": "en"}).last_pk)
    return ids


def copies_linked(db) -> int:
    return len([1 for (url, _) in links(db) if url == OIL_VERDICT])


def test_a_quote_carried_by_many_reports_is_linked_everywhere_through_the_matches(tmp_path):
    db = sample_db(tmp_path / "v.db", quotes=set())
    ids = add_copies(db, 0, 60)
    for other in ids[1:]:  # the matcher's exact-duplicate group, as a star
        db["matches"].insert({"a_id": ids[0], "b_id": other, "score": 1.0, "relation": "same_quote"})
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert copies_linked(db) == 60


def test_copies_cut_by_the_candidate_limit_are_linked_once_a_new_copy_matches_them(tmp_path):
    db = sample_db(tmp_path / "v.db", quotes=set())
    old = add_copies(db, 0, 60)  # stored before anything matched them
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert 0 < copies_linked(db) < 60
    (new,) = add_copies(db, 60, 1)
    for other in old:  # verify match: the new copy meets the old ones
        db["matches"].insert({"a_id": other, "b_id": new, "score": 1.0, "relation": "same_quote"})
    link_verdicts(db)
    assert copies_linked(db) == 61


def test_statements_re_extracted_under_reused_row_ids_still_get_linked(tmp_path):
    db = sample_db(tmp_path / "v.db", quotes=set())
    add_copies(db, 0, 3)
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    assert copies_linked(db) == 3
    db.execute("DELETE FROM statements WHERE uid IN ('copy-1#1', 'copy-2#1')")
    add_copies(db, 3, 2)  # SQLite hands out the two freed row ids again
    link_verdicts(db)
    assert copies_linked(db) == 3
    assert {uid for (url, uid) in links(db) if url == OIL_VERDICT} == {"copy-0#1", "copy-3#1", "copy-4#1"}
