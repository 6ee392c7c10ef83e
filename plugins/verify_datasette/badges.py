"""Badges: corroboration counts and reliability scores as small coloured links.

The numbers themselves live in tables and the ``statement_overview`` view, so they sort, facet
and export; a badge only decorates a number in the HTML table, coloured by level and linking to
the page that shows the evidence behind it.
"""

from __future__ import annotations

from typing import Any, Mapping

from markupsafe import Markup

from .urls import PageUrls

# Columns holding text from reports, in any script: shown with dir="auto" so Arabic reads rtl.
TEXT_COLUMNS = frozenset({"text", "norm", "quote", "title", "report_title", "speaker_text",
                          "claim_text", "byline", "surface", "alias", "speaker", "outlet",
                          "other_speaker", "other_outlet"})


def ingested_text(value: str) -> Markup:
    """Untrusted text in a table cell: escaped, and laid out by its own first strong letter."""
    return Markup('<span dir="auto">{}</span>').format(value)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def corroboration_text(independent: int, reports: int, contradictions: int = 0,
                       misattributions: int = 0) -> str:
    """``3 independent · 5 reports · 1 contradiction``: what a reader needs at a glance."""
    parts = [f"{independent} independent", _plural(reports, "report")]
    if contradictions:
        parts.append(_plural(contradictions, "contradiction"))
    if misattributions:
        parts.append(_plural(misattributions, "misattribution"))
    return " · ".join(parts)


def corroboration_level(independent: int, contradictions: int = 0, misattributions: int = 0) -> str:
    """A colour class: contested claims stand out whatever their support."""
    if contradictions or misattributions:
        return "contested"
    if independent >= 3:
        return "strong"
    if independent >= 1:
        return "some"
    return "single"


def corroboration_badge(url: str, independent: Any, reports: Any, contradictions: Any = 0,
                        misattributions: Any = 0) -> Markup:
    """A link to the statement page labelled with its counts."""
    counts = [int(v or 0) for v in (independent, reports, contradictions, misattributions)]
    return Markup('<a class="verify-badge verify-corroboration verify-{}" href="{}">{}</a>').format(
        corroboration_level(*counts[:1], *counts[2:]), url, corroboration_text(*counts))


def reliability_level(score: Any) -> str:
    """low / mid / high, or unknown when nothing was scored yet."""
    if score is None:
        return "unknown"
    score = float(score)
    return "high" if score >= 0.7 else "mid" if score >= 0.4 else "low"


def reliability_text(score: Any, low: Any = None, high: Any = None) -> str:
    """``72% (58–84)``; the interval says how much evidence stands behind the number."""
    if score is None:
        return "not scored"
    text = f"{float(score) * 100:.0f}%"
    if low is not None and high is not None:
        text += f" ({float(low) * 100:.0f}–{float(high) * 100:.0f})"
    return text


def reliability_badge(url: str, score: Any, low: Any = None, high: Any = None,
                      label: str = "") -> Markup:
    """A link to the outlet or speaker page, coloured by level."""
    text = reliability_text(score, low, high)
    return Markup('<a class="verify-badge verify-reliability verify-{}" href="{}">{}</a>').format(
        reliability_level(score), url, f"{label} {text}".strip())


def get_value(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (KeyError, IndexError):
        return None


def _has(row: Any, *keys: str) -> bool:
    try:
        names = row.keys()
    except AttributeError:
        names = row if isinstance(row, Mapping) else ()
    return all(k in names for k in keys)


def cell_badge(row: Any, column: str, table: str | None, urls: PageUrls) -> Markup | None:
    """The badge for a cell whose row already holds the numbers, or None.

    Works on tables, the view and canned queries alike by looking at the row's columns, so a
    query that selects ``independent, reports, contradictions, uid`` gets badges for free.
    """
    if column == "independent" and _has(row, "independent", "reports"):
        target = get_value(row, "uid") or get_value(row, "statement_id")
        if target is None and table in ("statements", "statement_overview"):
            target = get_value(row, "id")
        if target is None:
            return None
        return corroboration_badge(urls.statement(target), get_value(row, "independent"),
                                   get_value(row, "reports"), get_value(row, "contradictions"),
                                   get_value(row, "misattributions"))
    for kind in ("outlet", "speaker"):
        if column == f"{kind}_reliability" and _has(row, f"{kind}_id"):
            if get_value(row, f"{kind}_id") is None:
                return None
            return reliability_badge(getattr(urls, kind)(get_value(row, f"{kind}_id")),
                                     get_value(row, column), get_value(row, f"{kind}_reliability_low"),
                                     get_value(row, f"{kind}_reliability_high"))
    if table not in ("statements",) and value_is_key(row, column):
        if column in ("uid", "other_uid"):
            return Markup('<a class="verify-uid" href="{}">{}</a>').format(
                urls.statement(get_value(row, column)), get_value(row, column))
        if table is None and column == "report_id":
            return Markup('<a href="{}">{}</a>').format(urls.report(get_value(row, column)),
                                                      get_value(row, column))
    if column == "reliability" and table in ("outlets", "speakers") and _has(row, "id"):
        return reliability_badge(getattr(urls, table[:-1])(get_value(row, "id")), get_value(row, column),
                                 get_value(row, "reliability_low"), get_value(row, "reliability_high"))
    return None


def value_is_key(row: Any, column: str) -> bool:
    """A statement uid or report id worth linking to its page (not an empty cell)."""
    return column in ("uid", "other_uid", "report_id") and get_value(row, column) is not None


STATEMENT_BADGES_SQL = """
SELECT s.uid, c.independent, c.reports, c.contradictions, c.misattributions,
       o.id AS outlet_id, o.name AS outlet, o.reliability AS outlet_reliability,
       sp.id AS speaker_id, sp.name AS speaker, sp.reliability AS speaker_reliability
FROM statements s
JOIN reports r ON r.id = s.report_id
LEFT JOIN outlets o ON o.id = r.outlet_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN corroboration c ON c.statement_id = s.id
WHERE s.id = ?
"""


def statement_badges(found: Mapping[str, Any], urls: PageUrls, value: Any) -> Markup:
    """The uid cell of the ``statements`` table: the uid as a link, then the three badges."""
    parts = [Markup('<a class="verify-uid" href="{}">{}</a>').format(
        urls.statement(found["uid"]), value)]
    if found["reports"] is not None:
        parts.append(corroboration_badge(urls.statement(found["uid"]), found["independent"],
                                         found["reports"], found["contradictions"],
                                         found["misattributions"]))
    if found["outlet_id"] is not None:
        parts.append(reliability_badge(urls.outlet(found["outlet_id"]),
                                       found["outlet_reliability"], label=found["outlet"] or ""))
    if found["speaker_id"] is not None:
        parts.append(reliability_badge(urls.speaker(found["speaker_id"]),
                                       found["speaker_reliability"], label=found["speaker"] or ""))
    return Markup(" ").join(parts)
