"""A real verify database for the Datasette tests: the bundled sample, built through the library.

``build_demo`` ingests the sample (and, as the pipeline grows, matches and scores it). Whatever
the pipeline has not filled yet — statements, matches, claims, report links, corroboration,
reliability — is filled here from ``data/sample/expected.json``, the answer key, so the pages
are checked against the same facts either way. Match spans always come from the real
``verify.match.compare``. A hostile report (script tags, an ``onerror`` image, a
``javascript:`` URL) is ingested through the library too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from verify.db import open_db
from verify.demo import SAMPLE, build_demo
from verify.ingest import ingest
from verify.normalize import normalize, normalize_text

EXPECTED = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


HOSTILE_TITLE = 'Breaking <script>alert("title")</script>'
HOSTILE_TEXT = ('An official said "the <img src=x onerror=alert(1)> crossing reopened on Monday" '
                'after talks. <script>alert(1)</script> Residents said roads were calm.')
HOSTILE_QUOTE = "the <img src=x onerror=alert(1)> crossing reopened on Monday"
HOSTILE_URL = "javascript:alert(document.cookie)"
VERSION_URL = "https://versions.example/2017/12/kirkuk"
VERSION_TEXTS = ("The governor said 12 checkpoints were removed on Sunday.",
                 "The governor said 14 checkpoints were removed on Sunday night.")


@dataclass
class Sample:
    """The database and the answer key's names for what is in it."""

    path: Path
    reports: dict[str, int] = field(default_factory=dict)  # expected report key -> id
    statements: dict[str, dict] = field(default_factory=dict)  # expected quote id -> row
    hostile_report: int = 0
    hostile_uid: str = ""
    versions: list[int] = field(default_factory=list)  # report ids of one URL, oldest first
    filled: list[str] = field(default_factory=list)  # tables filled from the answer key


def _find(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``, comparing normalised (quote marks and letters vary)."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    norm_text, norm_quote = normalize(text), normalize_text(quote)
    at = norm_text.text.find(norm_quote)
    return norm_text.to_original(at, at + len(norm_quote)) if at >= 0 else None


def _speaker(db: Database, name: str) -> int | None:
    facts = next((s for s in EXPECTED["speakers"] if s["name"] == name), None)
    kind = facts["kind"] if facts else ("anonymous" if name.startswith("anonymous") else "person")
    found = db.execute("SELECT id FROM speakers WHERE name = ?", [name]).fetchone()
    if found:
        return found[0]
    return db["speakers"].insert({
        "name": name, "key": normalize_text(name), "kind": kind,
        "role": facts["role"] if facts else None, "title": facts["title"] if facts else None,
    }).last_pk


def _statements(db: Database, sample: Sample) -> None:
    """Find each expected quote among the extracted statements, or store it if extraction has not."""
    by_report: dict[str, int] = {}
    for quote in EXPECTED["quotes"]:
        report_id = sample.reports[quote["report"]]
        norm = normalize_text(quote["quote"])
        found = next((dict(r) for r in db.query(
            "SELECT * FROM statements WHERE report_id = ?", [report_id])
            if norm in r["norm"]), None)
        if found is None:
            text = db["reports"].get(report_id)["text"]
            span = _find(text, quote["quote"]) or (0, 0)
            by_report[quote["report"]] = by_report.get(quote["report"], 0) + 1
            speaker = quote.get("speaker")
            row = {"uid": f"{quote['id'].replace('#', '-')}", "report_id": report_id,
                   "sentence": by_report[quote["report"]], "position": by_report[quote["report"]],
                   "text": quote["quote"], "norm": norm, "kind": "quote", "quote": quote["quote"],
                   "speaker_id": _speaker(db, speaker) if speaker else None,
                   "speaker_text": speaker, "anonymous": int(bool(speaker and
                                                                 speaker.startswith("anonymous"))),
                   "start": span[0], "end": span[1],
                   "language": db["reports"].get(report_id)["language"]}
            row["id"] = db["statements"].insert(row).last_pk
            found = row
            if "statements" not in sample.filled:
                sample.filled.append("statements")
        sample.statements[quote["id"]] = found


def _matches(db: Database, sample: Sample) -> None:
    from verify.match import compare

    for match in EXPECTED["matches"]:
        if match["relation"] == "unrelated":
            continue
        a, b = sample.statements[match["a"]], sample.statements[match["b"]]
        if a["id"] > b["id"]:
            a, b = b, a
        details = compare(a["text"], b["text"]).details
        db["matches"].insert({"a_id": a["id"], "b_id": b["id"], "score": 0.9,
                              "relation": match["relation"],
                              "details": json.dumps(details, ensure_ascii=False),
                              "method": "answer-key"})


def _claims(db: Database, sample: Sample) -> None:
    for claim in EXPECTED["claims"]:
        first = sample.reports[claim["first_report"]]
        claim_id = db["claims"].insert({
            "statement_id": sample.statements[claim["id"]]["id"], "size": len(claim["members"]),
            "first_seen": db["reports"].get(first)["published_at"], "first_report_id": first,
        }).last_pk
        for member in claim["members"]:
            db["statements"].update(sample.statements[member]["id"], {"claim_id": claim_id})
            sample.statements[member]["claim_id"] = claim_id


def _links(db: Database, sample: Sample) -> None:
    for link in EXPECTED["report_links"]:
        db["report_links"].insert({"a_report_id": sample.reports[link["a"]],
                                   "b_report_id": sample.reports[link["b"]],
                                   "relation": link["relation"], "evidence": link.get("why")})


def _chain(db: Database, sample: Sample, steps: list[str]) -> list[dict]:
    chain = []
    for step in steps:
        if step in sample.reports:
            chain.append({"report_id": sample.reports[step]})
            continue
        outlet = db.execute("SELECT id FROM outlets WHERE name = ?", [step]).fetchone()
        if outlet:
            chain.append({"outlet": step, "outlet_id": outlet[0]})
        else:
            speaker = db.execute("SELECT id FROM speakers WHERE name = ?", [step]).fetchone()
            chain.append({"speaker": step, "speaker_id": speaker[0] if speaker else None})
    return chain


def _corroboration(db: Database, sample: Sample) -> None:
    chains = {c["quote"]: c["chain"] for c in EXPECTED["chain"]}
    for row in EXPECTED["corroboration"]:
        first = sample.reports[row["first_report"]]
        db["corroboration"].insert({
            "statement_id": sample.statements[row["quote"]]["id"], "reports": row["reports"],
            "outlets": row["outlets"], "independent": row["independent"],
            "contradictions": row["contradictions"], "misattributions": row["misattributions"],
            "support": float(row["independent"]),
            "first_seen": db["reports"].get(first)["published_at"], "first_report_id": first,
            "chain": json.dumps(_chain(db, sample, chains.get(row["quote"], [])),
                                ensure_ascii=False),
        })


def _reliability(db: Database, sample: Sample) -> None:
    """Scores in the shape ``verify score`` writes, for the outlets and speakers the tests open."""
    contradicted = sample.statements["rafd-mp#3"]["uid"]
    for name, score, low, high in (("Al-Rafidain Daily", 0.62, 0.41, 0.79),
                                   ("Capitol Ledger", 0.81, 0.66, 0.9)):
        db["outlets"].update(db.execute("SELECT id FROM outlets WHERE name = ?",
                                        [name]).fetchone()[0], {
            "reliability": score, "reliability_low": low, "reliability_high": high,
            "reliability_components": json.dumps([
                {"signal": "prior", "effect": 0.0, "detail": "no rating: uniform prior",
                 "uids": []},
                {"signal": "agreement", "effect": -0.08,
                 "detail": "figure contradicted by an independent report", "uids": [contradicted]},
            ])})
    dillon = db.execute("SELECT id FROM speakers WHERE name = 'Ryan Dillon'").fetchone()
    if dillon:
        db["speakers"].update(dillon[0], {"reliability": 0.74, "reliability_low": 0.5,
                                          "reliability_high": 0.9})


VERDICT_URL = "https://factcheck.example/2017/12/k1-coordination"


def _verdicts(db: Database, sample: Sample) -> None:
    """Two fact-checks of Dillon's words, added beside any the demo imported: one by statement
    id, one (hostile) through verdict_links."""
    statement = sample.statements["ledger-k1#1"]
    db["verdicts"].insert({"statement_id": statement["id"], "claim_text": statement["text"],
                           "rating": "Mostly true", "rating_value": 0.8,
                           "reviewer": "Fact Desk", "url": VERDICT_URL,
                           "published_at": "2017-12-05T09:00:00Z", "origin": "test"})
    hostile = db["verdicts"].insert({"claim_text": "US troops in Kirkuk",
                                     "rating": "<b>False</b>", "rating_value": 0.0,
                                     "reviewer": "Hostile <i>Checker</i>",
                                     "url": "javascript:alert(2)",
                                     "published_at": "2017-12-06T09:00:00Z"}).last_pk
    db["verdict_links"].insert({"verdict_id": hostile, "statement_uid": statement["uid"],
                                "score": 0.7})


def _empty(db: Database, table: str) -> bool:
    return db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] == 0


def _hostile(db: Database, folder: Path, sample: Sample) -> None:
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps({
        "url": HOSTILE_URL, "outlet": "Hostile <b>Outlet</b>", "title": HOSTILE_TITLE,
        "published": "2017-12-04T10:00:00Z", "language": "en", "text": HOSTILE_TEXT,
    }) + "\n", encoding="utf-8")
    summary = ingest(db, [str(source)])
    assert summary.stored == 1, summary.failures
    sample.hostile_report = db.execute("SELECT id FROM reports WHERE url = ?",
                                       [HOSTILE_URL]).fetchone()[0]
    found = db.execute("SELECT uid FROM statements WHERE report_id = ? AND norm LIKE ?",
                       [sample.hostile_report, "%onerror%"]).fetchone()
    if found is None:
        start = HOSTILE_TEXT.index(HOSTILE_QUOTE)
        db["statements"].insert({
            "uid": "hostile-1", "report_id": sample.hostile_report, "sentence": 0,
            "position": 0, "text": HOSTILE_QUOTE, "norm": normalize_text(HOSTILE_QUOTE),
            "kind": "quote", "quote": HOSTILE_QUOTE, "speaker_text": "An official",
            "start": start, "end": start + len(HOSTILE_QUOTE), "language": "en"})
        found = ("hostile-1",)
    sample.hostile_uid = found[0]


def _versions(db: Database, folder: Path, sample: Sample) -> None:
    """The same URL ingested twice with changed text: two versions, the second linked back."""
    for n, text in enumerate(VERSION_TEXTS, 1):
        source = folder / f"version-{n}.jsonl"
        source.write_text(json.dumps({
            "url": VERSION_URL, "outlet": "Northern Dispatch", "title": "Checkpoints removed",
            "published": f"2017-12-0{n}T10:00:00Z", "language": "en", "text": text}) + "\n",
            encoding="utf-8")
        assert ingest(db, [str(source)]).stored == 1
    sample.versions = [r[0] for r in db.execute(
        "SELECT id FROM reports WHERE url = ? ORDER BY version", [VERSION_URL])]


def build_sample(folder: Path) -> Sample:
    """Build ``folder/verify-demo.db`` and return it with the answer key's names mapped to rows."""
    sample = Sample(path=folder / "verify-demo.db")
    db = open_db(sample.path)
    build_demo(db)
    outlets = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM outlets")}
    stored = {(r["title"], outlets.get(r["outlet_id"])): r["id"]
              for r in db.query("SELECT id, title, outlet_id FROM reports")}
    for report in EXPECTED["reports"]:
        sample.reports[report["key"]] = stored[(report["title"], report["outlet"])]
    with db.atomic():
        _statements(db, sample)
        for table, fill in (("matches", _matches), ("claims", _claims),
                            ("report_links", _links), ("corroboration", _corroboration)):
            if _empty(db, table):
                fill(db, sample)
                sample.filled.append(table)
        _verdicts(db, sample)
        if db.execute("SELECT count(*) FROM outlets WHERE reliability IS NOT NULL").fetchone()[0] == 0:
            _reliability(db, sample)
            sample.filled.append("reliability")
    for quote_id, row in sample.statements.items():
        sample.statements[quote_id] = next(db.query("SELECT * FROM statements WHERE id = ?",
                                                    [row["id"]]))
    _hostile(db, folder, sample)
    _versions(db, folder, sample)
    db.conn.close()
    return sample
