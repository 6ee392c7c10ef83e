"""Corroboration counts and citation chains: small worlds worked out by hand, then the sample's
answer key (``data/sample/expected.json``), then the whole pipeline on the sample."""

from __future__ import annotations

import json

import pytest

from verify.db import open_db
from verify.demo import SAMPLE, build_demo
from verify.normalize import normalize_text
from verify.score import score_database, score_from_claims

EXPECTED = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


class World:
    """A hand-built database: outlets, reports, statements, claims and matches, nothing else."""

    def __init__(self, path):
        self.db = open_db(path)
        self.n = 0

    def outlet(self, name: str, *, owner: str | None = None, prior: float | None = None,
               kind: str = "outlet") -> int:
        return self.db["outlets"].insert({"name": name, "owner": owner, "prior": prior,
                                          "prior_origin": "test" if prior is not None else None,
                                          "kind": kind}).last_pk

    def report(self, outlet: int, *, text: str | None = None, cites: tuple[str, ...] = (),
               published: str = "2017-12-01T10:00:00Z", url: str | None = None,
               previous: int | None = None) -> int:
        self.n += 1
        # unrelated filler words, so that no two reports look like copies unless asked to
        text = text or " ".join(f"w{self.n}x{i}" for i in range(40))
        return self.db["reports"].insert({
            "outlet_id": outlet, "url": url, "previous_id": previous,
            "version": 2 if previous else 1, "content_hash": f"h{self.n}", "text": text,
            "cites": json.dumps(list(cites)), "published_at": published,
            "ingested_at": "2026-01-01T00:00:00Z"}).last_pk

    def speaker(self, name: str, kind: str = "person") -> int:
        return self.db["speakers"].insert({"name": name, "key": name, "kind": kind}).last_pk

    def statement(self, report: int, text: str, *, speaker: int | None = None) -> int:
        self.n += 1
        return self.db["statements"].insert({
            "uid": f"s{self.n}", "report_id": report, "sentence": 0, "position": self.n,
            "text": text, "norm": normalize_text(text), "kind": "quote", "start": 0,
            "end": len(text), "speaker_id": speaker}).last_pk

    def claim(self, *statements: int) -> int:
        cid = self.db["claims"].insert({"statement_id": statements[0],
                                        "size": len(statements)}).last_pk
        for s in statements:
            self.db["statements"].update(s, {"claim_id": cid})
        return cid

    def match(self, a: int, b: int, relation: str) -> None:
        a, b = sorted((a, b))
        self.db["matches"].insert({"a_id": a, "b_id": b, "score": 0.9, "relation": relation})

    def review(self, target: str, a: str, b: str, decision: str) -> None:
        self.db["reviews"].insert({"target": target, "a_key": a, "b_key": b, "decision": decision,
                                   "created_at": "2026-01-01T00:00:00Z"})

    def score(self) -> dict:
        return score_from_claims(self.db)

    def corr(self, statement: int) -> dict:
        return dict(zip(("reports", "outlets", "independent", "contradictions",
                         "misattributions", "first_report_id"),
                        self.db.execute(
                            "SELECT reports, outlets, independent, contradictions, "
                            "misattributions, first_report_id FROM corroboration "
                            "WHERE statement_id = ?", [statement]).fetchone()))


@pytest.fixture
def world(tmp_path):
    return World(tmp_path / "world.db")


QUOTE = "The movement of U.S. forces to K1 was coordinated with the Iraqi security forces"


def test_syndicated_copy_adds_a_report_but_not_an_independent_outlet(world):
    wire_text = "KIRKUK (LPA) - " + QUOTE + " said the spokesman on Friday in a statement " * 3
    a = world.report(world.outlet("Al-Jisr"), text=wire_text)
    b = world.report(world.outlet("Al-Mirsad"), text=wire_text + " Source: LPA")
    c = world.report(world.outlet("Northern Dispatch"))
    sa, sb, sc = (world.statement(r, QUOTE) for r in (a, b, c))
    world.claim(sa, sb, sc)
    world.score()
    # other reports {b, c}; components {a, b} (copy) and {c}; a's own excluded
    assert world.corr(sa) == {"reports": 2, "outlets": 2, "independent": 1, "contradictions": 0,
                              "misattributions": 0, "first_report_id": a}
    assert world.corr(sc)["independent"] == 1  # a and b are one component for c too


def test_two_outlets_of_one_owner_count_once(world):
    daily = world.outlet("Al-Rafidain Daily", owner="Rafidain Media Group")
    tv = world.outlet("Rafidain TV", owner="Rafidain Media Group")
    other = world.outlet("Al-Nour")
    reports = [world.report(daily), world.report(tv), world.report(other)]
    s = [world.statement(r, QUOTE) for r in reports]
    world.claim(*s)
    world.score()
    assert world.corr(s[2]) == {"reports": 2, "outlets": 2, "independent": 1,
                                "contradictions": 0, "misattributions": 0,
                                "first_report_id": reports[0]}
    assert world.corr(s[0])["independent"] == 1  # its sister is in its own component


def test_reports_crediting_one_wire_count_once_only_within_the_claim(world):
    world.outlet("Agence France-Presse", kind="wire")
    gulf, mirsad, ledger = (world.outlet(n) for n in ("Gulf Courier", "Al-Mirsad", "Ledger"))
    r1 = world.report(gulf, cites=("Agence France-Presse",))
    r2 = world.report(mirsad, cites=("Agence France-Presse",))
    r3 = world.report(ledger)
    story1 = [world.statement(r, QUOTE) for r in (r1, r2, r3)]
    world.claim(*story1)
    # another story: the same two outlets, neither crediting AFP this time
    r4, r5 = world.report(gulf), world.report(mirsad)
    story2 = [world.statement(r, "Thousands of troops arrived") for r in (r4, r5)]
    world.claim(*story2)
    # AFP credited on two different claims ties nothing
    r6 = world.report(mirsad, cites=("Agence France-Presse",))
    lone = world.statement(r6, "Four hundred armoured vehicles")
    world.score()
    assert world.corr(story1[2])["independent"] == 1  # r1 and r2 credit AFP: one component
    assert world.corr(story1[0])["independent"] == 1  # only r3 is independent of r1
    assert world.corr(story2[0])["independent"] == 1  # AFP on story 1 does not tie them here
    assert world.corr(lone)["reports"] == 0
    cites = world.db.execute("SELECT a_report_id, b_report_id FROM report_links "
                             "WHERE relation = 'cites'").fetchall()
    assert cites == [(r1, r2)]


def test_credited_outlet_never_ingested_still_ties_its_reports(world):
    r1 = world.report(world.outlet("Al-Jisr"), cites=("Levant Press Agency",))
    r2 = world.report(world.outlet("Rafidain English"), cites=("Levant Press Agency",))
    s = [world.statement(r, QUOTE) for r in (r1, r2)]
    world.claim(*s)
    world.score()
    assert world.corr(s[0]) == {"reports": 1, "outlets": 1, "independent": 0,
                                "contradictions": 0, "misattributions": 0, "first_report_id": r1}


def test_contradicting_figure_and_misattributed_quote_are_counted_by_report(world):
    o = [world.outlet(f"Outlet {i}") for i in range(5)]
    hundreds = [world.report(o[0]), world.report(o[1])]
    thousands = world.report(o[2])
    h = [world.statement(r, "Hundreds of soldiers arrived") for r in hundreds]
    t = world.statement(thousands, "Thousands of soldiers arrived")
    world.claim(*h)
    world.match(h[0], t, "contradicts")
    world.match(h[1], t, "contradicts")
    dillon, obeidi = world.speaker("Ryan Dillon"), world.speaker("Salam al-Obeidi")
    right = [world.statement(world.report(o[3]), QUOTE, speaker=dillon)]
    wrong = world.statement(world.report(o[4]), QUOTE, speaker=obeidi)
    world.match(right[0], wrong, "misattributed")
    world.score()
    assert world.corr(t)["contradictions"] == 2  # two distinct contradicting reports
    assert world.corr(h[1])["contradictions"] == 1  # via any member of its claim: one report
    assert world.corr(wrong)["misattributions"] == 1
    assert world.corr(right[0])["misattributions"] == 1
    assert world.corr(h[0])["misattributions"] == 0


def test_rejected_match_is_not_a_contradiction(world):
    a = world.statement(world.report(world.outlet("A")), "Hundreds arrived")
    b = world.statement(world.report(world.outlet("B")), "Thousands arrived")
    world.match(a, b, "contradicts")
    world.review("match", "s2", "s4", "reject")
    world.score()
    assert world.corr(a)["contradictions"] == 0


def test_dependence_review_wins_both_ways(world):
    r1 = world.report(world.outlet("A"), cites=("Wire",))
    r2 = world.report(world.outlet("B"), cites=("Wire",))
    r3 = world.report(world.outlet("C"))
    s = [world.statement(r, QUOTE) for r in (r1, r2, r3)]
    world.claim(*s)
    world.review("dependence", "h1", "h2", "independent")  # content hashes of r1 and r2
    world.review("dependence", "h2", "h3", "dependent")
    world.score()
    # r1 alone; r2~r3 by review -> for r1: components {r2, r3} -> 1
    assert world.corr(s[0])["independent"] == 1
    assert world.corr(s[2])["independent"] == 1  # {r1} only
    assert world.corr(s[1])["independent"] == 1


def test_own_versions_never_count(world):
    outlet = world.outlet("A")
    v1 = world.report(outlet, url="https://a.example/1", published="2017-12-01T10:00:00Z")
    v2 = world.report(outlet, url="https://a.example/1", previous=v1,
                      published="2017-12-01T12:00:00Z")
    other = world.report(world.outlet("B"), published="2017-12-01T11:00:00Z")
    s = [world.statement(r, QUOTE) for r in (v1, v2, other)]
    world.claim(*s)
    world.score()
    assert world.corr(s[1]) == {"reports": 1, "outlets": 1, "independent": 1,
                                "contradictions": 0, "misattributions": 0, "first_report_id": v1}
    assert world.corr(s[2])["reports"] == 1  # the two versions are one article


def test_chain_follows_credits_through_the_claim_to_the_speaker(world):
    ledger = world.outlet("Capitol Ledger")
    kht = world.outlet("Kurdistan Horizon TV")
    nour = world.outlet("Al-Nour")
    dillon = world.speaker("Ryan Dillon")
    r_ledger = world.report(ledger, published="2017-12-01T14:10:00Z")
    r_kht = world.report(kht, cites=("Capitol Ledger",), published="2017-12-01T19:05:00Z")
    r_nour = world.report(nour, cites=("Kurdistan Horizon TV",), published="2017-12-02T08:53:00Z")
    english = world.statement(r_ledger, QUOTE, speaker=dillon)
    arabic = [world.statement(r, "انتقال القوات الأميركية جرى بالتنسيق", speaker=dillon)
              for r in (r_kht, r_nour)]
    world.claim(*arabic)
    world.score()
    chain = json.loads(world.db.execute("SELECT chain FROM corroboration WHERE statement_id = ?",
                                        [arabic[1]]).fetchone()[0])
    assert [step.get("outlet") if step["type"] != "speaker" else step["speaker"]
            for step in chain] == ["Al-Nour", "Kurdistan Horizon TV", "Capitol Ledger",
                                   "Ryan Dillon"]
    assert chain[0]["report_id"] == r_nour
    assert chain[1]["report_id"] == r_kht  # followed through KHT's report in the claim
    assert chain[2]["report_id"] is None  # the Ledger's English report is another claim
    assert world.corr(arabic[1])["independent"] == 0  # Al-Nour credits KHT
    assert world.corr(english)["reports"] == 0


# --- the sample's answer key -------------------------------------------------------------

def _key_database(path):
    """The sample ingested through the library, with the answer key's statements, matches and
    claims in place of extraction and matching: checks this step on its own."""
    db = open_db(path)
    build_demo(db)
    db.execute("DELETE FROM statements")
    reports = {}
    for r in EXPECTED["reports"]:
        reports[r["key"]] = db.execute(
            "SELECT r.id FROM reports r JOIN outlets o ON o.id = r.outlet_id "
            "WHERE o.name = ? AND r.title = ?", [r["outlet"], r["title"]]).fetchone()[0]
    speakers = {}
    for sp in EXPECTED["speakers"]:
        speakers[sp["name"]] = db["speakers"].insert(
            {"name": sp["name"], "key": sp["name"], "kind": sp["kind"]}).last_pk
    statements = {}
    for n, q in enumerate(EXPECTED["quotes"]):
        statements[q["id"]] = db["statements"].insert({
            "uid": q["id"], "report_id": reports[q["report"]], "sentence": n, "position": n,
            "text": q["quote"], "norm": normalize_text(q["quote"]), "kind": "quote", "start": 0,
            "end": len(q["quote"]), "speaker_id": speakers[q["speaker"]]}).last_pk
    for m in EXPECTED["matches"]:
        if m["relation"] != "unrelated":
            a, b = sorted((statements[m["a"]], statements[m["b"]]))
            db["matches"].insert({"a_id": a, "b_id": b, "score": 0.9, "relation": m["relation"]})
    for c in EXPECTED["claims"]:
        cid = db["claims"].insert({"statement_id": statements[c["id"]],
                                   "size": len(c["members"])}).last_pk
        for member in c["members"]:
            db["statements"].update(statements[member], {"claim_id": cid})
    db.conn.commit()
    return db, reports, statements


@pytest.fixture(scope="module")
def answer_key(tmp_path_factory):
    db, reports, statements = _key_database(tmp_path_factory.mktemp("key") / "key.db")
    score_from_claims(db)
    return db, reports, statements


def test_answer_key_corroboration(answer_key):
    db, reports, statements = answer_key
    for row in EXPECTED["corroboration"]:
        got = db.execute("SELECT reports, outlets, independent, contradictions, "
                         "misattributions, first_report_id FROM corroboration "
                         "WHERE statement_id = ?", [statements[row["quote"]]]).fetchone()
        want = (row["reports"], row["outlets"], row["independent"], row["contradictions"],
                row["misattributions"], reports[row["first_report"]])
        assert got == want, (row["quote"], row["why"])


def test_answer_key_report_links(answer_key):
    db, reports, statements = answer_key
    key_of = {v: k for k, v in reports.items()}
    claim_key = {cid: uid for cid, uid in db.execute(
        "SELECT c.id, s.uid FROM claims c JOIN statements s ON s.id = c.statement_id")}
    got: dict[tuple, set] = {}
    for a, b, relation, claim in db.execute(
            "SELECT a_report_id, b_report_id, relation, claim_id FROM report_links"):
        pair = tuple(sorted((key_of[a], key_of[b])))
        got.setdefault((pair, relation), set()).add(claim_key.get(claim))
    want: dict[tuple, set] = {}
    for link in EXPECTED["report_links"]:
        pair = tuple(sorted((link["a"], link["b"])))
        want[(pair, link["relation"])] = set(link.get("claims") or [None])
    assert got == want


def test_answer_key_chains(answer_key):
    db, reports, statements = answer_key
    key_of = {v: k for k, v in reports.items()}
    for row in EXPECTED["chain"]:
        chain = json.loads(db.execute("SELECT chain FROM corroboration WHERE statement_id = ?",
                                      [statements[row["quote"]]]).fetchone()[0])
        names = [key_of[step["report_id"]] if step["type"] == "report" else
                 step["outlet"] if step["type"] == "outlet" else step["speaker"]
                 for step in chain]
        assert names == row["chain"], row["quote"]


# --- the whole pipeline on the sample: extraction, matching, claims, scoring -----------------

@pytest.fixture(scope="module")
def pipeline_sample(tmp_path_factory):
    from verify.match import match_database

    db = open_db(tmp_path_factory.mktemp("pipeline") / "sample.db")
    build_demo(db)
    match_database(db, processes=1)
    summary = score_database(db)
    reports = {r["key"]: db.execute(
        "SELECT r.id FROM reports r JOIN outlets o ON o.id = r.outlet_id "
        "WHERE o.name = ? AND r.title = ?", [r["outlet"], r["title"]]).fetchone()[0]
        for r in EXPECTED["reports"]}
    statements = {}
    for q in EXPECTED["quotes"]:
        want = normalize_text(q["quote"]).strip(' ,."')
        found = [sid for sid, text, quote in db.execute(
            "SELECT id, text, quote FROM statements WHERE report_id = ?", [reports[q["report"]]])
            if normalize_text(quote or text).strip(' ,."') == want]
        statements[q["id"]] = found[0] if found else None
    return db, summary, reports, statements


def test_pipeline_finds_every_quote_of_the_answer_key(pipeline_sample):
    db, summary, reports, statements = pipeline_sample
    assert [k for k, v in statements.items() if v is None] == []


def test_pipeline_corroboration_matches_the_answer_key(pipeline_sample):
    db, summary, reports, statements = pipeline_sample
    wrong = []
    for row in EXPECTED["corroboration"]:
        sid = statements[row["quote"]]
        got = sid and db.execute(
            "SELECT reports, outlets, independent, contradictions, misattributions, "
            "first_report_id FROM corroboration WHERE statement_id = ?", [sid]).fetchone()
        want = (row["reports"], row["outlets"], row["independent"], row["contradictions"],
                row["misattributions"], reports[row["first_report"]])
        if got != want:
            wrong.append((row["quote"], got, want))
    assert wrong == []


def test_pipeline_chain_from_the_seed_like_report_to_the_spokesman(pipeline_sample):
    db, summary, reports, statements = pipeline_sample
    assert statements["nour-k1#1"] is not None, "the pipeline did not extract nour-k1#1"
    row = db.execute("SELECT chain FROM corroboration WHERE statement_id = ?",
                     [statements["nour-k1#1"]]).fetchone()
    chain = json.loads(row[0])
    assert [s.get("outlet") if s["type"] != "speaker" else s["speaker"] for s in chain] == [
        "Al-Nour", "Kurdistan Horizon TV", "Capitol Ledger", "Ryan Dillon"]


def test_answer_key_misattribution_costs_the_outlet_that_made_it(answer_key):
    db, reports, statements = answer_key
    attribution = {}
    for name, comps in db.execute("SELECT name, reliability_components FROM outlets"):
        for c in json.loads(comps or "[]"):
            if c["signal"] == "attribution":
                attribution[name] = c
    assert set(attribution) == {"Rafidain English", "Capitol Ledger", "Northern Dispatch",
                                "Gulf Courier"}
    assert attribution["Rafidain English"]["uids"] == ["rafen-k1#2"]
    assert attribution["Rafidain English"]["effect"] < -0.1
    assert all(attribution[n]["effect"] > 0 for n in ("Capitol Ledger", "Northern Dispatch",
                                                      "Gulf Courier"))
