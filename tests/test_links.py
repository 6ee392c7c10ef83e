"""Report links: which pairs of reports ``verify score`` records as dependent, and why."""

from __future__ import annotations

import json

import pytest

from test_corroboration import QUOTE, World
from verify.score.copies import THRESHOLD, find_copies

WIRE = ("The presence of American forces at the K1 base is temporary and aims only to advise "
        "and train Iraqi forces, the spokesman for the Joint Operations Command said on Friday. "
        "There is no intention to establish a permanent American base in Kirkuk, and the "
        "security file in the province is in the hands of Iraqi forces alone, he added. The "
        "forces arrived at the base earlier this week with armoured vehicles from Qayyarah.")


@pytest.fixture
def world(tmp_path):
    return World(tmp_path / "links.db")


def links(world: World, relation: str) -> list[tuple]:
    return world.db.execute(
        "SELECT a_report_id, b_report_id, claim_id, evidence FROM report_links "
        "WHERE relation = ? ORDER BY a_report_id, b_report_id, claim_id", [relation]).fetchall()


def test_word_for_word_and_lightly_edited_copies_are_found():
    edited = ("BAGHDAD - " + WIRE.replace("on Friday", "on Thursday")
              .replace(" alone", "") + " Source: Levant Press Agency.")
    own_words = ("Iraq's Joint Operations Command said the American presence at K1 is "
                 "temporary and aims only to advise and train Iraqi forces. Residents of "
                 "Kirkuk told our reporter the roads were calm and shops opened as usual, "
                 "while local officials met tribal leaders to discuss the coming elections.")
    found = find_copies([(1, WIRE.lower()), (2, WIRE.lower()), (3, edited.lower()),
                         (4, own_words.lower())])
    assert [(a, b) for a, b, _ in found] == [(1, 2), (1, 3), (2, 3)]
    assert found[0][2] == 1.0
    assert THRESHOLD <= found[1][2] < 1.0  # exact Jaccard of 3-word shingles, not an estimate


def test_copy_links_carry_their_jaccard_and_no_claim(world):
    a = world.report(world.outlet("Al-Jisr"), text=WIRE)
    b = world.report(world.outlet("Rafidain TV"), text=WIRE)
    world.report(world.outlet("Al-Mirsad"))
    world.score()
    rows = links(world, "copy")
    assert [(r[0], r[1], r[2]) for r in rows] == [(a, b, None)]
    assert json.loads(rows[0][3])["jaccard"] == 1.0


def test_versions_of_one_page_are_not_copies_of_each_other(world):
    outlet = world.outlet("Al-Jisr")
    v1 = world.report(outlet, text=WIRE, url="https://aljisr.example/k1")
    world.report(outlet, text=WIRE + " Updated.", url="https://aljisr.example/k1", previous=v1)
    world.score()
    assert links(world, "copy") == []


def test_same_owner_links_every_pair_of_reports_from_sister_outlets(world):
    daily = world.outlet("Al-Rafidain Daily", owner="Rafidain Media Group")
    tv = world.outlet("Rafidain TV", owner="Rafidain Media Group")
    d1, d2 = world.report(daily), world.report(daily)
    t1 = world.report(tv)
    world.report(world.outlet("Al-Nour"))
    world.score()
    # across stories too (owner is a fact about outlets); two reports of one outlet are not
    # "same owner" pairs
    assert [(r[0], r[1], r[2]) for r in links(world, "same_owner")] == [(d1, t1, None),
                                                                         (d2, t1, None)]


def test_cites_links_hold_within_each_shared_claim(world):
    kht = world.outlet("Kurdistan Horizon TV")
    nour = world.outlet("Al-Nour")
    r_kht = world.report(kht)
    r_nour = world.report(nour, cites=("Kurdistan Horizon TV",))
    c1 = world.claim(world.statement(r_kht, "first quote"), world.statement(r_nour, "first quote"))
    c2 = world.claim(world.statement(r_kht, "second quote"),
                     world.statement(r_nour, "second quote"))
    world.statement(r_nour, "a quote only Al-Nour has")
    world.score()
    rows = links(world, "cites")
    assert [(r[0], r[1], r[2]) for r in rows] == [(r_kht, r_nour, c1), (r_kht, r_nour, c2)]
    assert "credits Kurdistan Horizon TV" in json.loads(rows[0][3])["why"][0]


def test_both_crediting_a_wire_never_ingested(world):
    r1 = world.report(world.outlet("Gulf Courier"), cites=("Levant Press Agency",))
    r2 = world.report(world.outlet("Northern Dispatch"), cites=("Levant Press Agency",))
    claim = world.claim(world.statement(r1, "output resumed"), world.statement(r2, "output resumed"))
    world.score()
    rows = links(world, "cites")
    assert [(r[0], r[1], r[2]) for r in rows] == [(r1, r2, claim)]
    assert json.loads(rows[0][3])["why"] == ["both credit Levant Press Agency"]


def test_reviews_win_over_the_machine(world):
    a = world.report(world.outlet("Al-Jisr"), text=WIRE)
    world.report(world.outlet("Rafidain TV"), text=WIRE)
    c = world.report(world.outlet("Al-Mirsad"))
    world.review("dependence", "h1", "h2", "dependent")
    world.review("dependence", "h2", "h1", "independent")  # later decision on the same pair
    world.review("dependence", "h3", "h1", "dependent")
    world.score()
    assert links(world, "copy") == []
    assert [(r[0], r[1]) for r in links(world, "dependent")] == [(a, c)]


def test_a_large_media_group_keeps_only_the_pairs_that_share_a_claim(world, monkeypatch):
    monkeypatch.setattr("verify.score.links.MAX_OWNER_PAIRS", 1)
    daily = world.outlet("Al-Rafidain Daily", owner="Rafidain Media Group")
    tv = world.outlet("Rafidain TV", owner="Rafidain Media Group")
    world.report(daily)  # no claim shared with a sister report: no row
    d2 = world.report(daily)
    t1 = world.report(tv)
    world.report(tv)
    world.claim(world.statement(d2, QUOTE), world.statement(t1, QUOTE))
    world.score()
    assert [(r[0], r[1]) for r in links(world, "same_owner")] == [(d2, t1)]


def test_a_wire_credited_by_many_reports_is_stored_as_a_star(world, monkeypatch):
    monkeypatch.setattr("verify.score.links.MAX_PAIRS_GROUP", 2)
    reports = [world.report(world.outlet(f"Outlet {i}"), cites=("Agence France-Presse",))
               for i in range(4)]
    lone = world.report(world.outlet("Ledger"))
    statements = [world.statement(r, QUOTE) for r in reports + [lone]]
    world.claim(*statements)
    world.score()
    # six pairs would be stored; the star keeps three rows around the earliest report
    assert [(r[0], r[1]) for r in links(world, "cites")] == [(reports[0], r) for r in reports[1:]]
    # the counts do not change: all four are one component, the Ledger another
    assert world.corr(statements[4])["independent"] == 1
    assert world.corr(statements[0])["independent"] == 1
