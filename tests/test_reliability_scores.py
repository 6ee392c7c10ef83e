"""Outlet and speaker reliability as ``verify score`` stores it: scores, intervals and the
components behind them, against values worked out by hand.

Scores are pseudo-counts: a prior p is worth (2p successes, 2 trials), a verdict rated r is
(r, 1), a disputed value the outlet carried is (belief, 1), a contradicting group of reports
is (0, its best outlet reliability). The score is successes / trials; the interval is the 95%
Wilson interval on the same counts.
"""

from __future__ import annotations

import json

import pytest

from test_corroboration import QUOTE, World
from verify.reliability.signals import ScoringContext
from verify.reliability.speakers import ContradictionSignal
from verify.score.corroboration import corroborate
from verify.score.links import find_links
from verify.score.tables import claim_nodes, load_tables


@pytest.fixture
def world(tmp_path):
    return World(tmp_path / "reliability.db")


def outlet_row(world: World, oid: int) -> tuple:
    score, low, high, comps = world.db.execute(
        "SELECT reliability, reliability_low, reliability_high, reliability_components "
        "FROM outlets WHERE id = ?", [oid]).fetchone()
    return score, low, high, json.loads(comps)


def speaker_row(world: World, sid: int) -> tuple:
    score, low, high, comps = world.db.execute(
        "SELECT reliability, reliability_low, reliability_high, reliability_components "
        "FROM speakers WHERE id = ?", [sid]).fetchone()
    return score, low, high, json.loads(comps)


def test_no_evidence_gives_the_prior_and_a_wide_interval(world):
    rated = world.outlet("Capitol Ledger", prior=0.7)
    unrated = world.outlet("Al-Nour")
    world.statement(world.report(rated), QUOTE)
    world.score()
    # prior 0.7 as 1.4 of 2: Wilson(0.7, n=2) = (0.5685 -/+ 0.3942)
    assert outlet_row(world, rated) == (0.7, 0.1743, 0.9627, [
        {"signal": "prior", "effect": 0.2, "detail": "prior 0.70 from test", "uids": []}])
    # no prior: 1 of 2, Wilson(0.5, n=2) = 0.5 -/+ 0.4055
    assert outlet_row(world, unrated) == (0.5, 0.0945, 0.9055, [
        {"signal": "prior", "effect": 0.0, "detail": "no prior: neutral 0.5", "uids": []}])


def test_being_quoted_often_earns_a_speaker_nothing(world):
    dillon = world.speaker("Ryan Dillon")
    statements = [world.statement(world.report(world.outlet(f"Outlet {i}")), QUOTE,
                                  speaker=dillon) for i in range(5)]
    world.claim(*statements)
    world.score()
    score, low, high, comps = speaker_row(world, dillon)
    assert (score, low, high) == (0.5, 0.0945, 0.9055)
    assert [c["signal"] for c in comps] == ["prior"]


def test_verdicts_move_the_speaker_by_their_rating(world):
    speaker = world.speaker("Karwan Aziz Mahmoud")
    r = world.report(world.outlet("Al-Rafidain Daily"))
    s1 = world.statement(r, "A large American force arrived", speaker=speaker)
    s2 = world.statement(r, "The force will form a joint operations room", speaker=speaker)
    v1 = world.db["verdicts"].insert({"claim_text": "force arrived", "rating": "False",
                                      "rating_value": 0.0, "reviewer": "Checker",
                                      "url": "https://check.example/1"}).last_pk
    world.db["verdicts"].insert({"claim_text": "operations room", "rating": "Mostly false",
                                 "rating_value": 0.25, "url": "https://check.example/2",
                                 "statement_id": s2})
    uid1, uid2 = (world.db["statements"].get(s)["uid"] for s in (s1, s2))
    # one verdict linked to both statements still counts once
    world.db["verdict_links"].insert_all([
        {"verdict_id": v1, "statement_uid": uid1, "score": 0.9},
        {"verdict_id": v1, "statement_uid": uid2, "score": 0.6}])
    world.score()
    score, low, high, comps = speaker_row(world, speaker)
    # (1 + 0 + 0.25) / (2 + 1 + 1) = 0.3125; after the first verdict 1/3
    assert score == 0.3125
    assert comps == [
        {"signal": "prior", "effect": 0.0, "detail": "no prior: neutral 0.5", "uids": []},
        {"signal": "verdicts", "effect": -0.1667, "detail": "verdict '\u2068False\u2069' (0.00) by \u2068Checker\u2069",
         "uids": [uid1, uid2]},
        {"signal": "verdicts", "effect": -0.0208, "detail": "verdict '\u2068Mostly false\u2069' (0.25)",
         "uids": [uid2]},
    ]
    assert sum(c["effect"] for c in comps) == pytest.approx(score - 0.5, abs=1e-3)
    # Wilson(0.3125, n=4): centre (0.3125 + 0.4802) / 1.9604 = 0.4044, half 0.3372
    assert (low, high) == (0.0672, 0.7415)


def test_misattributed_quote_costs_the_outlet_that_made_it(world):
    dillon, obeidi = world.speaker("Ryan Dillon"), world.speaker("Salam al-Obeidi")
    right = [world.statement(world.report(world.outlet(name)), QUOTE, speaker=dillon)
             for name in ("Capitol Ledger", "Northern Dispatch", "Gulf Courier")]
    world.claim(*right)
    made_it = world.outlet("Rafidain English")
    wrong = world.statement(world.report(made_it), QUOTE, speaker=obeidi)
    for s in right:
        world.match(s, wrong, "misattributed")
    world.score()
    score, low, high, comps = outlet_row(world, made_it)
    # three independent outlets against one: the Dillon value holds with belief > 0.9, so
    # Rafidain English earns < 0.1 of its one trial: (1 + <0.1) / 3
    assert 1 / 3 <= score < 1.1 / 3
    assert [c["signal"] for c in comps] == ["prior", "attribution"]
    assert comps[1]["uids"] == [world.db["statements"].get(wrong)["uid"]]
    assert comps[1]["effect"] == pytest.approx(score - 0.5, abs=1e-3)
    ledger = outlet_row(world, 1)
    assert ledger[0] > 1.9 / 3 and ledger[3][1]["effect"] > 0.13
    # speakers are not judged by attribution
    assert [c["signal"] for c in speaker_row(world, obeidi)[3]] == ["prior"]


def test_contradicted_figure_weighs_on_the_minority_outlet(world):
    hundreds = [world.statement(world.report(world.outlet(n)), "Hundreds of soldiers arrived")
                for n in ("Al-Rafidain Daily", "Al-Nour")]
    world.claim(*hundreds)
    mirsad = world.outlet("Al-Mirsad")
    thousands = world.statement(world.report(mirsad), "Thousands of soldiers arrived")
    for s in hundreds:
        world.match(s, thousands, "contradicts")
    world.score()
    score, _, _, comps = outlet_row(world, mirsad)
    assert [c["signal"] for c in comps] == ["prior", "agreement"]
    # two outlets against one: belief in "thousands" < 0.2, so (1 + <0.2) / 3
    assert 1 / 3 <= score < 1.2 / 3
    assert outlet_row(world, 1)[0] > 1.7 / 3


def test_speaker_contradicted_by_independent_reliable_reports(world):
    claimant = world.speaker("Hemin Rashid")
    ledger = world.outlet("Capitol Ledger")
    s = world.statement(world.report(ledger), "Output has not exceeded 15,000 barrels",
                        speaker=claimant)
    gulf, northern, jisr = (world.outlet(n) for n in ("Gulf Courier", "Northern Dispatch",
                                                      "Al-Jisr"))
    wire = "Output resumed at 150,000 barrels a day at the two fields " * 4
    copies = [world.statement(world.report(o, text=wire), "Output resumed at 150,000 barrels")
              for o in (gulf, northern)]
    other = world.statement(world.report(jisr), "Output resumed at 150,000 barrels")
    world.claim(*copies, other)
    for c in copies + [other]:
        world.match(s, c, "contradicts")
    world.score()
    tables = load_tables(world.db)
    nodes = claim_nodes(tables)
    links = find_links(world.db, tables, nodes)
    context = ScoringContext(world.db, tables, nodes, links,
                             corroborate(world.db, tables, nodes, links),
                             outlet_reliability={gulf: 0.8, northern: 0.6, jisr: 0.7})
    (evidence,) = [e for e in ContradictionSignal().evidence(context) if e.target == claimant]
    # the two copies are one group worth its best outlet (0.8); Al-Jisr another (0.7)
    assert (evidence.successes, evidence.trials) == (0.0, pytest.approx(1.5))
    assert "3 report(s) in 2 independent group(s)" in evidence.detail
    # stored: prior (1, 2) then (0, 2 x ~0.6 from the stored outlet scores) -> below 0.5
    score, _, _, comps = speaker_row(world, claimant)
    assert [c["signal"] for c in comps] == ["prior", "agreement"]
    assert score < 0.5 and comps[1]["effect"] < 0


def test_support_weighs_each_independent_component_by_its_best_outlet(world):
    own = world.report(world.outlet("Al-Nour"))
    sister_a = world.report(world.outlet("Rafidain TV", owner="RMG", prior=0.9))
    sister_b = world.report(world.outlet("Al-Rafidain Daily", owner="RMG", prior=0.6))
    lone = world.report(world.outlet("Gulf Courier"))
    s = [world.statement(r, QUOTE) for r in (own, sister_a, sister_b, lone)]
    world.claim(*s)
    world.score()
    support = dict(world.db.execute("SELECT statement_id, support FROM corroboration"))
    assert support[s[0]] == pytest.approx(0.9 + 0.5)  # {sisters} best 0.9, {Gulf} 0.5
    assert support[s[3]] == pytest.approx(0.9 + 0.5)  # {sisters} 0.9, {Al-Nour} 0.5
    assert support[s[1]] == pytest.approx(0.5 + 0.5)
