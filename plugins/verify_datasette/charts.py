"""Small inline SVG charts: no JavaScript library, nothing fetched, numbers only from our own SQL.

Labels that come from the database (months) are escaped like any other data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from markupsafe import Markup

WIDTH, HEIGHT, PAD = 640, 160, 24


def interval_bar(score: Any, low: Any, high: Any) -> Markup:
    """A 0–100% scale with the interval as a band and the score as a dot."""
    if score is None:
        return Markup('<span class="verify-muted">not scored</span>')
    def x(v: Any) -> float:
        return 4 + 292 * min(max(float(v), 0.0), 1.0)
    band = Markup("")
    if low is not None and high is not None:
        band = Markup('<rect class="verify-band" x="{:.1f}" y="6" width="{:.1f}" height="12"/>'
                      ).format(x(low), max(x(high) - x(low), 1.0))
    return Markup(
        '<svg class="verify-interval" viewBox="0 0 300 34" width="300" height="34" role="img" '
        'aria-label="{label}"><rect class="verify-scale" x="4" y="11" width="292" height="2"/>'
        '{band}<circle class="verify-dot" cx="{cx:.1f}" cy="12" r="5"/>'
        '<text x="4" y="32">0%</text><text x="150" y="32" text-anchor="middle">50%</text>'
        '<text x="296" y="32" text-anchor="end">100%</text></svg>').format(
            label=f"score {float(score):.2f}", band=band, cx=x(score))


def record_chart(months: list[dict]) -> Markup:
    """Monthly stacked bars: corroborated, contested and single-source statements."""
    if not months:
        return Markup('<p class="verify-muted">No dated statements yet.</p>')
    peak = max(int(m["statements"] or 0) for m in months) or 1
    step = (WIDTH - 2 * PAD) / len(months)
    bar = min(max(step * 0.7, 1.0), 36.0)
    usable = HEIGHT - 2 * PAD
    parts = []
    for i, month in enumerate(months):
        total = int(month["statements"] or 0)
        good, bad = int(month["corroborated"] or 0), int(month["contested"] or 0)
        other = max(total - good - bad, 0)
        x, y = PAD + i * step, HEIGHT - PAD
        for cls, n in (("verify-bar-corroborated", good), ("verify-bar-single", other),
                       ("verify-bar-contested", bad)):
            h = usable * n / peak
            if h > 0:
                y -= h
                parts.append(Markup('<rect class="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" '
                                    'height="{:.1f}"><title>{}: {} {}</title></rect>').format(
                    cls, x, y, bar, h, month["month"], n, cls.rsplit("-", 1)[1]))
        if len(months) <= 12 or i % max(len(months) // 12, 1) == 0:
            parts.append(Markup('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                x + bar / 2, HEIGHT - 6, month["month"]))
    return Markup(
        '<svg class="verify-record" viewBox="0 0 {w} {h}" width="100%" height="{h}" role="img" '
        'aria-label="statements per month">'
        '<text x="{pad}" y="14">{peak} statements</text>{bars}</svg>').format(
            w=WIDTH, h=HEIGHT, pad=PAD, peak=peak, bars=Markup("").join(parts))


def timeline_chart(points: list[dict]) -> Markup:
    """One dot per report carrying the claim, on a time axis from first to last."""
    dated = [p for p in points if p.get("published_at")]
    if len(dated) < 2:
        return Markup("")
    def when(p: dict) -> float:
        try:
            return datetime.fromisoformat(str(p["published_at"]).replace("Z", "+00:00")).timestamp()
        except ValueError:
            return float("nan")

    stamps = [(when(p), p) for p in dated]
    stamps = [(t, p) for t, p in stamps if t == t]
    if len(stamps) < 2:
        return Markup("")
    stamps_sorted = sorted(stamps, key=lambda s: s[0])
    lo, hi = stamps_sorted[0][0], stamps_sorted[-1][0]
    span = (hi - lo) or 1.0
    dots = [Markup('<circle class="{}" cx="{:.1f}" cy="20" r="6"><title>{} {}</title></circle>'
                   ).format("verify-dot-this" if p.get("this") else "verify-dot",
                            PAD + (WIDTH - 2 * PAD) * (t - lo) / span, p["published_at"],
                            p.get("outlet") or "") for t, p in stamps]
    return Markup('<svg class="verify-timeline" viewBox="0 0 {w} 44" width="100%" height="44" '
                  'role="img" aria-label="timeline"><line x1="{pad}" y1="20" x2="{end}" y2="20"/>'
                  '{dots}<text x="{pad}" y="42">{first}</text>'
                  '<text x="{end}" y="42" text-anchor="end">{last}</text></svg>').format(
        w=WIDTH, pad=PAD, end=WIDTH - PAD, dots=Markup("").join(dots),
        first=str(stamps_sorted[0][1]["published_at"])[:10],
        last=str(stamps_sorted[-1][1]["published_at"])[:10])
