"""Reading the evidence for one statement, report, outlet or speaker from the database.

Every function is one page's worth of queries, each bounded by an index and a LIMIT so a page
stays fast on a database of millions of statements. JSON columns written by other stages
(``matches.details``, ``corroboration.chain``, ``reliability_components``, ``reports.cites``)
are parsed defensively: a malformed value shows as nothing rather than breaking the page.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from datasette.database import Database

from verify.normalize import normalize, normalize_text

LIMIT = 200
CONTEXT_CHARS = 400


def parse_json(value: Any, default: Any) -> Any:
    """A JSON column's value, or ``default`` when it is missing or malformed."""
    if value is None or value == "":
        return default
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return default
    return parsed if isinstance(parsed, type(default)) else default


async def rows(db: Database, sql: str, params: Any = ()) -> list[dict]:
    """Rows as dicts; templates and the highlighter want plain values."""
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def row(db: Database, sql: str, params: Any = ()) -> dict | None:
    found = await rows(db, sql, params)
    return found[0] if found else None


STATEMENT_SQL = """
SELECT s.id, s.uid, s.report_id, s.sentence, s.position, s.text, s.kind, s.quote,
       s.speaker_id, s.speaker_text, s.anonymous, s.start, s."end", s.language, s.claim_id,
       substr(r.text, max(s.start - {n}, 0) + 1, s.start - max(s.start - {n}, 0)) AS before,
       substr(r.text, s."end" + 1, {n}) AS after,
       r.title, r.url, r.published_at, r.language AS report_language, r.version,
       r.outlet_id, o.name AS outlet, o.reliability AS outlet_reliability,
       o.reliability_low AS outlet_reliability_low, o.reliability_high AS outlet_reliability_high,
       sp.name AS speaker, sp.kind AS speaker_kind, sp.role AS speaker_role,
       sp.title AS speaker_title, sp.reliability AS speaker_reliability,
       sp.reliability_low AS speaker_reliability_low,
       sp.reliability_high AS speaker_reliability_high,
       c.reports, c.outlets, c.independent, c.contradictions, c.misattributions, c.support,
       c.first_seen, c.first_report_id, c.chain
FROM statements s
JOIN reports r ON r.id = s.report_id
LEFT JOIN outlets o ON o.id = r.outlet_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN corroboration c ON c.statement_id = s.id
WHERE s.{key} = ?
""".replace("{n}", str(CONTEXT_CHARS))

MEMBER_SQL = """
SELECT s.id, s.uid, s.text, s.kind, s.language, s.speaker_id, s.speaker_text,
       sp.name AS speaker, s.report_id, r.title, r.url, r.published_at, r.outlet_id,
       o.name AS outlet, o.owner, o.reliability AS outlet_reliability
FROM statements s
JOIN reports r ON r.id = s.report_id
LEFT JOIN outlets o ON o.id = r.outlet_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id
"""


def _trim_context(before: str, after: str) -> tuple[str, str]:
    """Cut the context at a word boundary so it does not start or end mid-word."""
    if len(before) >= CONTEXT_CHARS and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if len(after) >= CONTEXT_CHARS and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return before, after


async def find_statement(db: Database, key: str) -> dict | None:
    """By uid, or by row id when the key is a number that is not a uid."""
    found = await row(db, STATEMENT_SQL.replace("{key}", "uid"), [key])
    if found is None and key.isdigit():
        found = await row(db, STATEMENT_SQL.replace("{key}", "id"), [int(key)])
    if found is not None:
        found["before"], found["after"] = _trim_context(found["before"] or "",
                                                        found["after"] or "")
        found["chain"] = parse_json(found["chain"], [])
    return found


def dependence_groups(report_ids: list[int], links: list[dict]) -> list[set[int]]:
    """Connected components of reports under copy/cites/same_owner links (union-find)."""
    parent = {r: r for r in report_ids}

    def root(r: int) -> int:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for link in links:
        a, b = link["a_report_id"], link["b_report_id"]
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for r in report_ids:
        groups[root(r)].add(r)
    return list(groups.values())


def _orient(match: dict, this_id: int) -> dict:
    """A match seen from ``this_id``'s side: its spans first, the other statement's second."""
    details = parse_json(match.get("details"), {})
    mine = "a" if match["a_id"] == this_id else "b"
    theirs = "b" if mine == "a" else "a"
    return {
        "id": match["id"], "relation": match["relation"], "score": match["score"],
        "other_id": match[f"{theirs}_id"], "this_id": this_id,
        "this_spans": details.get(f"{mine}_spans") or [],
        "other_spans": details.get(f"{theirs}_spans") or [],
        "differences": details.get("differences") or [], "this_side": mine,
        "other_side": theirs, "shared_keys": details.get("shared_keys") or [],
        "days_apart": details.get("days_apart"),
    }


async def statement_evidence(db: Database, statement: dict) -> dict:
    """Everything the statement page shows besides the statement itself."""
    sid, claim_id = statement["id"], statement["claim_id"]
    members = []
    if claim_id is not None:
        members = await rows(db, MEMBER_SQL + " WHERE s.claim_id = ? AND s.id != ? "
                             "ORDER BY r.published_at, s.id LIMIT ?", [claim_id, sid, LIMIT])
    claim_ids = [sid] + [m["id"] for m in members]
    marks = ",".join("?" * len(claim_ids))
    matches = await rows(db, f"""
        SELECT id, a_id, b_id, score, relation, details FROM matches
        WHERE a_id IN ({marks}) OR b_id IN ({marks})
        ORDER BY score DESC LIMIT ?""", [*claim_ids, *claim_ids, LIMIT * 4])
    direct = {}
    conflicts = []
    related = []
    in_claim = set(claim_ids)
    for match in matches:
        if sid in (match["a_id"], match["b_id"]) and match["relation"] in ("same_quote",
                                                                            "paraphrase"):
            oriented = _orient(match, sid)
            direct[oriented["other_id"]] = oriented
        elif sid in (match["a_id"], match["b_id"]) and match["relation"] == "related":
            related.append(_orient(match, sid))
        elif match["relation"] in ("contradicts", "misattributed"):
            if match["a_id"] in in_claim and match["b_id"] in in_claim:
                continue
            conflicts.append(_orient(match, match["a_id"] if match["a_id"] in in_claim
                                     else match["b_id"]))
    needed = {c["other_id"] for c in conflicts} | {c["this_id"] for c in conflicts} | \
        {r["other_id"] for r in related}
    texts = {}
    if needed:
        found = await rows(db, MEMBER_SQL + f" WHERE s.id IN ({','.join('?' * len(needed))})",
                           list(needed))
        texts = {f["id"]: f for f in found}
    for conflict in conflicts:
        conflict["this"] = texts.get(conflict["this_id"])
        conflict["other"] = texts.get(conflict["other_id"])
    # Same names, places or figures: another claim of the event, or this one in another language.
    for item in related:
        item["other"] = texts.get(item["other_id"])
    related = [r for r in related if r["other"]]
    # One row per conflicting statement, seen from this statement when it is a party.
    conflicts.sort(key=lambda c: c["this_id"] != sid)
    shown = set()
    kept = []
    for conflict in conflicts:
        if conflict["this"] and conflict["other"] and conflict["other_id"] not in shown:
            shown.add(conflict["other_id"])
            kept.append(conflict)
    conflicts = kept
    for member in members:
        member["match"] = direct.get(member["id"])

    report_ids = sorted({statement["report_id"]} | {m["report_id"] for m in members})
    links = []
    if len(report_ids) > 1:
        rmarks = ",".join("?" * len(report_ids))
        links = await rows(db, f"""
            SELECT a_report_id, b_report_id, relation, evidence FROM report_links
            WHERE a_report_id IN ({rmarks}) AND b_report_id IN ({rmarks})
              AND (claim_id IS NULL OR claim_id = ?)""", [*report_ids, *report_ids, claim_id])
    groups = []
    for component in dependence_groups(report_ids, links):
        groups.append({
            "own": statement["report_id"] in component,
            "members": [m for m in members if m["report_id"] in component],
            "links": [l for l in links if l["a_report_id"] in component],
        })
    groups.sort(key=lambda g: (not g["own"], -len(g["members"])))

    verdicts = await rows(db, f"""
        SELECT v.id, v.claim_text, v.rating, v.rating_value, v.reviewer, v.url,
               v.published_at, v.statement_id,
               (SELECT max(score) FROM verdict_links vl WHERE vl.verdict_id = v.id) AS score
        FROM verdicts v
        WHERE v.statement_id IN ({marks})
           OR v.id IN (SELECT verdict_id FROM verdict_links WHERE statement_uid IN
                       (SELECT uid FROM statements WHERE id IN ({marks})))
        ORDER BY v.published_at LIMIT ?""", [*claim_ids, *claim_ids, LIMIT])

    timeline = sorted(
        [{"published_at": statement["published_at"], "outlet": statement["outlet"],
          "outlet_id": statement["outlet_id"], "uid": statement["uid"],
          "report_id": statement["report_id"], "title": statement["title"], "this": True}]
        + [{"published_at": m["published_at"], "outlet": m["outlet"],
            "outlet_id": m["outlet_id"], "uid": m["uid"], "report_id": m["report_id"],
            "title": m["title"], "this": False} for m in members],
        key=lambda t: (t["published_at"] or "9999", t["uid"]))
    return {"groups": groups, "conflicts": conflicts, "verdicts": verdicts, "related": related,
            "timeline": timeline, "members": members,
            "contradictions": [c for c in conflicts if c["relation"] == "contradicts"],
            "misattributions": [c for c in conflicts if c["relation"] == "misattributed"]}


async def chain_links(db: Database, chain: list) -> list[dict]:
    """The citation chain as steps a page can show; report ids are resolved to titles."""
    steps = []
    for item in chain:
        if isinstance(item, str):
            steps.append({"label": item})
            continue
        if not isinstance(item, dict):
            continue
        step = {k: item.get(k) for k in ("report_id", "outlet", "outlet_id", "speaker",
                                         "speaker_id", "uid", "published_at", "relation")}
        step["label"] = item.get("label") or item.get("name") or item.get("outlet") or \
            item.get("speaker") or ""
        if step["report_id"] is not None:
            found = await row(db, "SELECT r.title, r.published_at, o.name AS outlet, "
                              "r.outlet_id FROM reports r LEFT JOIN outlets o "
                              "ON o.id = r.outlet_id WHERE r.id = ?", [step["report_id"]])
            if found:
                step["title"] = found["title"]
                step["published_at"] = step["published_at"] or found["published_at"]
                step["outlet"] = step["outlet"] or found["outlet"]
                step["outlet_id"] = step["outlet_id"] or found["outlet_id"]
                step["label"] = step["label"] or found["outlet"] or ""
        steps.append(step)
    return steps


async def find_report(db: Database, report_id: int) -> dict | None:
    """The report with its outlet; its text, cites and statements for the reading view."""
    report = await row(db, """
        SELECT r.id, r.outlet_id, r.url, r.final_url, r.version, r.previous_id, r.title,
               r.published_at, r.fetched_at, r.language, r.byline, r.text, r.cites,
               o.name AS outlet, o.owner, o.reliability AS outlet_reliability,
               o.reliability_low AS outlet_reliability_low,
               o.reliability_high AS outlet_reliability_high
        FROM reports r LEFT JOIN outlets o ON o.id = r.outlet_id WHERE r.id = ?""", [report_id])
    if report is None:
        return None
    report["cites"] = [c for c in parse_json(report["cites"], []) if isinstance(c, str)]
    report["statements"] = await rows(db, """
        SELECT s.id, s.uid, s.kind, s.start, s."end", s.speaker_id, s.speaker_text,
               s.anonymous, sp.name AS speaker, c.independent, c.reports, c.contradictions,
               c.misattributions
        FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
        LEFT JOIN corroboration c ON c.statement_id = s.id
        WHERE s.report_id = ? ORDER BY s.start, s."end" DESC""", [report_id])
    return report


async def report_evidence(db: Database, report: dict) -> dict:
    """Links to other reports (citation, copies, shared owner), credited outlets, versions."""
    rid = report["id"]
    links = await rows(db, """
        SELECT l.relation, l.evidence, l.claim_id, l.a_report_id, l.b_report_id,
               r.id AS other_id, r.title, r.published_at, o.name AS outlet, r.outlet_id
        FROM report_links l
        JOIN reports r ON r.id = CASE WHEN l.a_report_id = ? THEN l.b_report_id
                                      ELSE l.a_report_id END
        LEFT JOIN outlets o ON o.id = r.outlet_id
        WHERE l.a_report_id = ? OR l.b_report_id = ?
        ORDER BY r.published_at LIMIT ?""", [rid, rid, rid, LIMIT])
    seen = set()
    grouped: dict[str, list] = defaultdict(list)
    for link in links:
        if (link["relation"], link["other_id"]) in seen:
            continue
        seen.add((link["relation"], link["other_id"]))
        if link["relation"] == "copy":
            earlier = (link["published_at"] or "") < (report["published_at"] or "")
            grouped["copied_from" if earlier else "copied_by"].append(link)
        else:
            grouped[link["relation"]].append(link)
    credited = []
    for name in report["cites"]:
        outlet = await row(db, "SELECT o.id, o.name FROM outlets o WHERE o.name = ? UNION ALL "
                           "SELECT o.id, o.name FROM outlet_aliases a JOIN outlets o "
                           "ON o.id = a.outlet_id WHERE a.alias = ? LIMIT 1", [name, name])
        credited.append({"name": name, "outlet_id": outlet["id"] if outlet else None})
    versions = []
    if report["url"]:
        versions = await rows(db, "SELECT id, version, published_at, fetched_at, title FROM "
                              "reports WHERE url = ? ORDER BY version LIMIT ?",
                              [report["url"], LIMIT])
    previous = None
    if report["previous_id"] is not None:
        previous = await row(db, "SELECT id, version, text FROM reports WHERE id = ?",
                             [report["previous_id"]])
    return {"links": dict(grouped), "credited": credited, "versions": versions,
            "previous": previous}


RECORD_SQL = """
SELECT substr(r.published_at, 1, 7) AS month, count(*) AS statements,
       sum(coalesce(c.independent, 0) > 0 AND coalesce(c.contradictions, 0) = 0) AS corroborated,
       sum(coalesce(c.contradictions, 0) + coalesce(c.misattributions, 0) > 0) AS contested
FROM {source}
LEFT JOIN corroboration c ON c.statement_id = s.id
WHERE r.published_at IS NOT NULL AND {where}
GROUP BY month ORDER BY month
"""


async def record(db: Database, *, outlet_id: int | None = None,
                 speaker_id: int | None = None) -> list[dict]:
    """Per month: statements carried, how many were independently corroborated, how many contested."""
    if outlet_id is not None:
        sql = RECORD_SQL.format(source="reports r JOIN statements s ON s.report_id = r.id",
                                where="r.outlet_id = ?")
        params = [outlet_id]
    else:
        sql = RECORD_SQL.format(source="statements s JOIN reports r ON r.id = s.report_id",
                                where="s.speaker_id = ?")
        params = [speaker_id]
    return await rows(db, sql, params)


def components(value: Any) -> list[dict]:
    """``reliability_components`` as a list of {signal, effect, detail, uids}."""
    result = []
    for item in parse_json(value, []):
        if not isinstance(item, dict):
            continue
        effect = item.get("effect")
        uids = item.get("uids") or []
        result.append({
            "signal": str(item.get("signal") or ""),
            "effect": effect if isinstance(effect, (int, float)) else None,
            "detail": item.get("detail"),
            "uids": [str(u) for u in uids if isinstance(u, (str, int))] if isinstance(uids, list) else [],
        })
    return result


async def find_outlet(db: Database, outlet_id: int) -> dict | None:
    outlet = await row(db, "SELECT * FROM outlets WHERE id = ?", [outlet_id])
    if outlet is None:
        return None
    outlet["components"] = components(outlet["reliability_components"])
    outlet["aliases"] = [r["alias"] for r in await rows(
        db, "SELECT alias FROM outlet_aliases WHERE outlet_id = ? ORDER BY alias LIMIT 50",
        [outlet_id])]
    outlet["same_owner"] = [] if not outlet["owner"] else await rows(
        db, "SELECT id, name FROM outlets WHERE owner = ? AND id != ? ORDER BY name LIMIT 50",
        [outlet["owner"], outlet_id])
    outlet["reports"] = await rows(db, """
        SELECT id, title, published_at, language, url FROM reports WHERE outlet_id = ?
        ORDER BY published_at DESC LIMIT 20""", [outlet_id])
    outlet["record"] = await record(db, outlet_id=outlet_id)
    return outlet


async def find_speaker(db: Database, speaker_id: int) -> dict | None:
    speaker = await row(db, "SELECT * FROM speakers WHERE id = ?", [speaker_id])
    if speaker is None:
        return None
    speaker["components"] = components(speaker["reliability_components"])
    speaker["aliases"] = [r["alias"] for r in await rows(
        db, "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias LIMIT 50",
        [speaker_id])]
    speaker["statements"] = await rows(db, """
        SELECT s.id, s.uid, s.text, s.kind, s.language, r.published_at, r.outlet_id,
               o.name AS outlet, c.independent, c.reports, c.contradictions, c.misattributions
        FROM statements s JOIN reports r ON r.id = s.report_id
        LEFT JOIN outlets o ON o.id = r.outlet_id
        LEFT JOIN corroboration c ON c.statement_id = s.id
        WHERE s.speaker_id = ? ORDER BY r.published_at DESC LIMIT 50""", [speaker_id])
    speaker["verdicts"] = await rows(db, """
        SELECT v.id, v.claim_text, v.rating, v.rating_value, v.reviewer, v.url, s.uid
        FROM verdicts v JOIN statements s ON s.id = v.statement_id
        WHERE s.speaker_id = ? ORDER BY v.published_at DESC LIMIT 50""", [speaker_id])
    speaker["record"] = await record(db, speaker_id=speaker_id)
    return speaker


_TOKEN = re.compile(r"\w+")


def fts_query(query: str) -> str | None:
    """The FTS5 query for a user's words: normalised like the index, each word quoted.

    Quoting every token makes FTS5 operators (AND, NEAR, ``*``, ``:``, ``"``) plain words, so
    no input can produce a syntax error or a column filter.
    """
    tokens = _TOKEN.findall(normalize_text(query))
    return " ".join(f'"{t}"' for t in tokens) or None


def term_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text``, as original offsets (for highlighting)."""
    tokens = {t for t in _TOKEN.findall(normalize_text(query))}
    if not tokens:
        return []
    norm = normalize(text)
    spans = []
    for m in _TOKEN.finditer(norm.text):
        if m.group() in tokens:
            spans.append(norm.to_original(m.start(), m.end()))
    return spans


async def search(db: Database, query: str, limit: int = 50) -> list[dict]:
    """Statements matching every word of the query, best first."""
    match = fts_query(query)
    if match is None:
        return []
    results = await rows(db, """
        SELECT s.id, s.uid, s.text, s.kind, s.language, s.speaker_id, sp.name AS speaker,
               r.id AS report_id, r.title, r.published_at, r.outlet_id, o.name AS outlet,
               c.independent, c.reports, c.contradictions, c.misattributions
        FROM statements_fts
        JOIN statements s ON s.id = statements_fts.rowid
        JOIN reports r ON r.id = s.report_id
        LEFT JOIN outlets o ON o.id = r.outlet_id
        LEFT JOIN speakers sp ON sp.id = s.speaker_id
        LEFT JOIN corroboration c ON c.statement_id = s.id
        WHERE statements_fts MATCH ?
        ORDER BY statements_fts.rank LIMIT ?""", [match, limit])
    for result in results:
        result["spans"] = term_spans(result["text"], query)
    return results
