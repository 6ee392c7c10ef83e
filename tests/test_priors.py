"""Outlet priors: user ratings by domain, the shipped Lin et al. 2023 default, neutral otherwise."""

from __future__ import annotations

import csv

import pytest

from verify.db import open_db
from verify.outlets import import_outlets
from verify.paths import data_path
from verify.priors import DEFAULT_ORIGIN, apply_default_priors, import_priors, registered_domain


def priors(db) -> dict[str, tuple[float | None, str | None]]:
    return {name: (prior, origin) for name, prior, origin in
            db.execute("SELECT name, prior, prior_origin FROM outlets").fetchall()}


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "p.db")
    import_outlets(database, data_path("sample", "outlets.csv"))
    return database


def add_outlet(db, name: str, domain: str | None) -> None:
    db["outlets"].insert({"name": name, "domain": domain})


def test_sample_priors_reach_every_sample_outlet_whatever_form_the_domain_takes(db):
    result = import_priors(db, data_path("sample", "priors.csv"))
    assert (result.matched, result.unmatched, result.failed) == (11, [], [])
    got = priors(db)
    # Written as www.capitolledger.example and https://www.gulfcourier.example/ in the file.
    assert got["Capitol Ledger"] == (0.85, "Sample media-literacy panel (fictional)")
    assert got["Gulf Courier"][0] == 0.7
    with data_path("sample", "outlets.csv").open(encoding="utf-8") as handle:
        sample_names = {row["name"] for row in csv.DictReader(handle)}
    assert all(got[name][0] is not None for name in sample_names)


def test_bad_rows_get_a_reason_and_good_rows_still_count(db, tmp_path):
    path = tmp_path / "ratings.csv"
    path.write_text(
        "domain,score,rating_source\n"
        "alnour.example,0.3,Newsroom list\n"
        "localhost,0.5,\n"
        "blogspot.com,0.2,\n"
        "aljisr.example/opinion,0.4,\n"
        "almirsad.example,high,\n"
        "khtv.example,1.5,\n"
        ",0.5,\n"
        "ALNOUR.example,0.9,\n"
        "unknown-outlet.example,0.6,\n",
        encoding="utf-8")
    result = import_priors(db, path, source="fallback name")
    reasons = {line.split(":")[1]: line for line in result.failed}
    assert set(reasons) == {"3", "4", "5", "6", "7", "8", "9"}
    assert "public suffix or not a registrable domain" in reasons["3"]
    assert "public suffix" in reasons["4"]
    assert "page path" in reasons["5"]
    assert "not a number" in reasons["6"]
    assert "outside 0…1" in reasons["7"]
    assert "no domain" in reasons["8"]
    assert "already rated on line 2" in reasons["9"]
    assert result.matched == 1 and result.unmatched == ["unknown-outlet.example"]
    assert priors(db)["Al-Nour"] == (0.3, "Newsroom list")
    assert priors(db)["Al-Mirsad"] == (None, None)  # its row failed: still neutral


def test_the_source_argument_names_ratings_from_a_file_without_a_source_column(db, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("domain,score\naljisr.example,0.45\n", encoding="utf-8")
    import_priors(db, path, source="Regional audit 2024")
    assert priors(db)["Al-Jisr"] == (0.45, "Regional audit 2024")


def test_default_prior_from_lin_et_al_for_listed_domains_only_and_never_over_a_user_prior(db, tmp_path):
    add_outlet(db, "Reuters", "www.reuters.com")
    add_outlet(db, "CNN Arabic", "arabic.cnn.com")
    add_outlet(db, "Sky News", "news.sky.com")
    add_outlet(db, "Sky Weather", "weather.sky.com")
    add_outlet(db, "Harvard Gazette", "news.harvard.edu")
    add_outlet(db, "Credited only", None)
    assert apply_default_priors(db) == 5
    got = priors(db)
    assert got["Reuters"] == (1.0, DEFAULT_ORIGIN)
    assert got["CNN Arabic"][0] == pytest.approx(0.658, abs=1e-3)  # falls back to cnn.com
    assert got["Sky News"][0] == pytest.approx(0.8666, abs=1e-3)  # rated on its own
    assert got["Sky Weather"][0] == pytest.approx(0.7827, abs=1e-3)  # sky.com, not news.sky.com
    assert got["Harvard Gazette"][0] == pytest.approx(0.9209, abs=1e-3)
    assert got["Credited only"] == (None, None)  # neutral: 0.5 by convention
    assert got["Capitol Ledger"] == (None, None)  # a fictional domain nobody rated
    path = tmp_path / "mine.csv"
    path.write_text("domain,score,source\nreuters.com,0.7,Our desk\n", encoding="utf-8")
    import_priors(db, path)
    apply_default_priors(db)
    assert priors(db)["Reuters"] == (0.7, "Our desk")


def test_registered_domain_uses_the_public_suffix_list():
    assert registered_domain("arabic.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("https://www.capitolledger.example/") == "capitolledger.example"
    assert registered_domain("co.uk") is None
    assert registered_domain("not a domain") is None


def test_a_file_without_domain_and_score_columns_is_refused(db, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("site,rating\nalnour.example,0.3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'domain' and 'score'"):
        import_priors(db, path)
