"""The pages under ``/-/verify/``: one view per kind of thing a fact-checker looks at.

Views parse the request, ask ``evidence`` for the rows, turn ingested text into escaped HTML
with ``highlight`` and hand plain values to the ``verify_*.html`` templates.
"""

from __future__ import annotations

from typing import Any

from datasette import NotFound
from datasette.utils.asgi import Response
from markupsafe import Markup

from verify.normalize import normalize_text

from . import charts, evidence
from .badges import (corroboration_badge, corroboration_level, corroboration_text,
                     reliability_badge, reliability_level, reliability_text)
from .highlight import Span, diff_words, mark_match, render, safe_url
from .urls import PageUrls


async def verify_database(datasette: Any, request: Any = None):
    """The database the pages read: ``?database=``, the plugin's config, or the first with statements."""
    wanted = request.args.get("database") if request is not None else None
    wanted = wanted or (datasette.plugin_config("verify") or {}).get("database")
    if wanted:
        if wanted not in datasette.databases:
            raise NotFound(f"No database named {wanted}")
        return datasette.get_database(wanted)
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("statements"):
            return db
    raise NotFound("No verify database is being served (none has a statements table)")


def _filters(urls: PageUrls) -> dict:
    """Helpers the templates call; all return Markup built from escaped values."""
    return {
        "pages": urls,
        "safe_url": safe_url,
        "corroboration_badge": corroboration_badge,
        "corroboration_text": corroboration_text,
        "corroboration_level": corroboration_level,
        "reliability_badge": reliability_badge,
        "reliability_level": reliability_level,
        "reliability_text": reliability_text,
        "interval_bar": charts.interval_bar,
    }


async def _page(datasette: Any, request: Any, template: str, context: dict) -> Response:
    urls = PageUrls(datasette)
    html = await datasette.render_template(template, {**_filters(urls), **context},
                                           request=request)
    return Response.html(html)


def _int(value: str, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise NotFound(f"{what} ids are numbers") from None


async def statement_page(datasette: Any, request: Any) -> Response:
    """A statement with its context, its claim's other statements side by side, and conflicts."""
    db = await verify_database(datasette, request)
    key = request.url_vars["key"]
    statement = await evidence.find_statement(db, key)
    if statement is None:
        raise NotFound(f"No statement {key}")
    found = await evidence.statement_evidence(db, statement)
    for member in found["members"]:
        match = member["match"] or {}
        member["html"] = mark_match(member["text"], match.get("other_spans"),
                                    match.get("differences"), side=match.get("other_side", "b"))
        member["this_html"] = mark_match(statement["text"], match.get("this_spans"),
                                         match.get("differences"),
                                         side=match.get("this_side", "a"))
    for conflict in found["conflicts"]:
        conflict["this_html"] = mark_match(conflict["this"]["text"], conflict["this_spans"],
                                           conflict["differences"], side=conflict["this_side"])
        conflict["other_html"] = mark_match(conflict["other"]["text"], conflict["other_spans"],
                                            conflict["differences"], side=conflict["other_side"])
    for item in found["related"]:
        item["other_html"] = mark_match(item["other"]["text"], item["other_spans"],
                                        item["differences"], side=item["other_side"])
    chain = await evidence.chain_links(db, statement["chain"])
    return await _page(datasette, request, "verify_statement.html", {
        "database": db.name, "statement": statement, "chain": chain,
        "timeline_svg": charts.timeline_chart(found["timeline"]), **found,
    })


def reading_view(report: dict, urls: PageUrls) -> Markup:
    """The report's text with each statement a link, shaded by its independent corroboration.

    Where statements overlap (a quote inside an assertion) the innermost one wins the piece.
    """
    spans = [Span(s["start"], s["end"], s) for s in report["statements"]]

    def wrap(piece: Markup, statements: list) -> Markup:
        s = min(statements, key=lambda st: st["end"] - st["start"])
        level = corroboration_level(int(s["independent"] or 0), int(s["contradictions"] or 0),
                                    int(s["misattributions"] or 0))
        title = corroboration_text(int(s["independent"] or 0), int(s["reports"] or 0),
                                   int(s["contradictions"] or 0), int(s["misattributions"] or 0))
        if s["kind"] == "quote":
            who = s["speaker"] or s["speaker_text"] or ("anonymous" if s["anonymous"] else "?")
            title = f"{who}: {title}"
        return Markup('<a class="verify-stmt verify-{} verify-kind-{}" href="{}" title="{}" '
                      'data-uid="{}">{}</a>').format(level, s["kind"], urls.statement(s["uid"]),
                                                     title, s["uid"], piece)

    return render(report["text"], spans, wrap)


async def report_page(datasette: Any, request: Any) -> Response:
    """The article as a reading view, with what it cites, who copies it, and its versions."""
    db = await verify_database(datasette, request)
    report = await evidence.find_report(db, _int(request.url_vars["key"], "report"))
    if report is None:
        raise NotFound("No such report")
    found = await evidence.report_evidence(db, report)
    urls = PageUrls(datasette)
    quotes = [s for s in report["statements"] if s["kind"] == "quote"]
    previous = found.pop("previous")
    return await _page(datasette, request, "verify_report.html", {
        "database": db.name, "report": report, "reading": reading_view(report, urls),
        "quotes": quotes, "url": safe_url(report["final_url"] or report["url"]),
        "version_diff": diff_words(previous["text"], report["text"]) if previous else None,
        "previous": previous, **found,
    })


async def _reliability_page(datasette: Any, request: Any, kind: str, find: Any,
                            linked: str) -> Response:
    """An outlet's or a speaker's page: reliability, what moved it, the record over time.

    ``linked`` names the list whose items carry a URL to link (only http or https).
    """
    db = await verify_database(datasette, request)
    subject = await find(db, _int(request.url_vars["key"], kind))
    if subject is None:
        raise NotFound(f"No such {kind}")
    for item in subject[linked]:
        item["safe_url"] = safe_url(item["url"])
    return await _page(datasette, request, f"verify_{kind}.html", {
        "database": db.name, "subject": subject, "kind": kind,
        "chart": charts.record_chart(subject["record"]),
    })


async def outlet_page(datasette: Any, request: Any) -> Response:
    """An outlet's reliability, the components that moved it, and its record over time."""
    return await _reliability_page(datasette, request, "outlet", evidence.find_outlet, "reports")


async def speaker_page(datasette: Any, request: Any) -> Response:
    """A speaker's reliability, the verdicts and contradictions behind it, their statements."""
    return await _reliability_page(datasette, request, "speaker", evidence.find_speaker,
                                   "verdicts")


async def search_page(datasette: Any, request: Any) -> Response:
    """Full-text search over statements, normalised the way the index was."""
    db = await verify_database(datasette, request)
    query = (request.args.get("q") or "").strip()
    results = await evidence.search(db, query) if query else []
    for result in results:
        result["html"] = mark_match(result["text"], result["spans"])
    return await _page(datasette, request, "verify_search.html", {
        "database": db.name, "q": query, "results": results,
        "normalized": normalize_text(query) if query else "",
    })


async def home_page(datasette: Any, request: Any) -> Response:
    """The workbench's front door: search, and the questions a fact-checker starts from."""
    db = await verify_database(datasette, request)
    counts = {}
    for table in ("reports", "statements", "outlets", "speakers", "claims", "matches"):
        counts[table] = (await db.execute(f"SELECT count(*) FROM [{table}]")).first()[0]
    queries = await datasette.get_canned_queries(db.name, request.actor)
    return await _page(datasette, request, "verify_home.html", {
        "database": db.name, "counts": counts, "queries": queries,
    })


ROUTES = [
    (r"^/-/verify/?$", home_page),
    (r"^/-/verify/statement/(?P<key>[^/]+)$", statement_page),
    (r"^/-/verify/report/(?P<key>[^/]+)$", report_page),
    (r"^/-/verify/outlet/(?P<key>[^/]+)$", outlet_page),
    (r"^/-/verify/speaker/(?P<key>[^/]+)$", speaker_page),
    (r"^/-/verify/search$", search_page),
]
