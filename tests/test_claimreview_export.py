"""Verdicts out: ClaimReview JSON-LD checked against the properties Google requires and recommends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_verdicts import FIXTURES, SAMPLE, sample_db
from verify.verdicts import export_claimreview, import_verdicts
from verify.verdicts.claimreview import parse_jsonld

GOOGLE = json.loads((Path(__file__).parent / "fixtures" / "claimreview_google_properties.json")
                    .read_text(encoding="utf-8"))
DILLON_TRUE = "https://tigrisfactcheck.example/2017/12/04/coalition-k1-coordinated"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    db = sample_db(tmp_path_factory.mktemp("export") / "v.db")
    import_verdicts(db, SAMPLE / "verdicts.jsonld")
    for name in ("graph-form.jsonld", "wire-factcheck-array.json", "minimal.json"):
        import_verdicts(db, FIXTURES / name)
    db.execute("INSERT INTO verdicts(claim_text, rating, rating_value, reviewer, statement_id) "
               "SELECT 'Pumping resumed at 150,000 barrels per day', 'True', 1, 'Desk without site', "
               "id FROM statements WHERE uid = 'gulf-lpa-oil#1'")
    db.conn.commit()
    return db, export_claimreview(db)


def missing(node: dict, kind: str, level: str) -> list[str]:
    return [p for p in GOOGLE["types"][kind][level] if node.get(p) in (None, "", [], {})]


def test_every_exported_claimreview_has_what_google_requires(exported):
    _, result = exported
    assert result.claimreviews
    for review in result.claimreviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert missing(review, "ClaimReview", "required") == []
        assert missing(review["reviewRating"], "Rating", "required") == []
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["url"].startswith(("http://", "https://"))


def test_recommended_properties_are_filled_whenever_the_data_has_them(exported):
    _, result = exported
    dillon = next(r for r in result.claimreviews if r["url"] == DILLON_TRUE)
    assert missing(dillon, "ClaimReview", "recommended") == []
    assert missing(dillon["itemReviewed"], "Claim", "recommended") == []
    assert missing(dillon["reviewRating"], "Rating", "recommended") == []
    assert dillon["author"]["@type"] in GOOGLE["expected_types"]["ClaimReview.author"]
    assert dillon["itemReviewed"]["author"]["@type"] in GOOGLE["expected_types"]["Claim.author"]


def test_ratings_lie_on_their_declared_scale_and_numeric_only_ratings_get_a_label(exported):
    _, result = exported
    for review in result.claimreviews:
        rating = review["reviewRating"]
        if "ratingValue" in rating:
            assert rating["worstRating"] < rating["bestRating"]
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    dam = next(r for r in result.claimreviews if r["url"] == "https://daleel.example/2017/12/dibis-dam/")
    assert dam["reviewRating"]["alternateName"] == "Mostly true"  # 4 of 5, no label on the page
    assert dam["reviewRating"]["ratingValue"] == 4


def test_the_claim_appears_where_the_database_found_the_same_words_earliest_first(exported):
    _, result = exported
    dillon = next(r for r in result.claimreviews if r["url"] == DILLON_TRUE)
    urls = [w["url"] for w in dillon["itemReviewed"]["appearance"]]
    # The fact-checker named the Capitol Ledger report; only that sample report of the same
    # words has a URL (the wire copies came as text files), and the misattributed copy at
    # Rafidain English is not an appearance of Dillon's claim.
    assert urls == ["https://capitolledger.example/world/2017/12/01/coalition-kirkuk-k1-coordinated"]
    ledger = dillon["itemReviewed"]["firstAppearance"]
    assert ledger["publisher"]["name"] == "Capitol Ledger"
    assert ledger["datePublished"] == "2017-12-01T14:10:00Z"
    arabic = next(r for r in result.claimreviews
                  if r["url"] == "https://haqiqa.example/checks/2017/12/03/dillon-k1-coordination")
    assert arabic["inLanguage"] == "ar" and arabic["reviewRating"]["alternateName"] == "صحيح"


def test_verdicts_not_about_any_statement_or_without_a_page_are_not_exported(exported):
    db, result = exported
    urls = {r["url"] for r in result.claimreviews}
    assert "https://factcheck.levantpress.example/doc.lpa.fc/9XK2RA" not in urls  # a social post
    assert len(result.skipped) == 1 and "no http(s) url" in result.skipped[0]
    about = db.execute("SELECT count(*) FROM verdicts WHERE statement_id IS NOT NULL "
                       "AND url IS NOT NULL").fetchone()[0]
    assert len(result.claimreviews) == about


def test_the_export_reads_back_as_the_same_verdicts(exported):
    db, result = exported
    back = parse_jsonld(result.json(), "export")
    assert back.failures == []
    stored = {(url, claim): value for url, claim, value in db.execute(
        "SELECT url, claim_text, rating_value FROM verdicts").fetchall()}
    for verdict in back.records:
        assert verdict.rating_value == pytest.approx(stored[(verdict.url, verdict.claim_text)])
