"""Charts drawn on the server as inline SVG: no chart library, no script, nothing fetched.

Every label that comes from an article passes through ``escape``; numbers are formatted here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from .marks import figure_title, number

_WIDTH = 720


def per_day(days: Sequence[tuple[str, int]], *, height: int = 140) -> Markup:
    """Articles per day as bars; by week or month when the days are too many for bars."""
    dated = [(d, n) for d, n in days if _as_date(d) is not None]
    if not dated:
        return Markup('<p class="muted">No dated articles.</p>')
    bins = _binned(dated)
    top = max(n for _, n in bins) or 1
    left = 36  # room for the scale on the left
    bar = (_WIDTH - left) / len(bins)
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height + 30}" role="img" '
        f'aria-label="articles per {escape(_bin_name(dated))}">'
    ]
    for i, (label, n) in enumerate(bins):
        h = (height - 10) * n / top
        x, y = left + i * bar, height - h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" '
            f'height="{h:.1f}"><title>{escape(label)}: {n}</title></rect>'
        )
    ticks = _tick_indexes(len(bins))
    for i in ticks:
        anchor = _anchor(i, ticks)
        x = left + (i * bar if anchor == "start" else (i + 1) * bar if anchor == "end" else
                    i * bar + bar / 2)  # fmt: skip
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{height + 18}" '
            f'text-anchor="{anchor}">{escape(bins[i][0])}</text>'
        )
    parts.append(
        f'<text class="tick" x="{left - 6}" y="14" text-anchor="end">{top}</text>'
        f'<text class="tick" x="{left - 6}" y="{height}" text-anchor="end">0</text></svg>'
    )
    return Markup("".join(parts))


def spread(figures: Sequence[dict[str, Any]], *, row: int = 22) -> Markup:
    """Each figure of a quantity as a mark (exact) or an interval (range, bound) on one
    logarithmic axis, so "hundreds of thousands" and "two million" sit side by side."""
    # A log axis has no place for zero or less: such figures are in the table, not drawn.
    points = [f for f in figures if _positive(f)]
    values = [
        v for f in points for v in (f["low"], f["high"], f["value"]) if v is not None and v > 0
    ]
    if not values:
        return Markup("")
    lo, hi = math.log10(min(values)), math.log10(max(values))
    if hi - lo < 1:
        lo, hi = lo - 0.5, hi + 0.5
    left, right = 250, _WIDTH - 20

    def x(value: float) -> float:
        return left + (math.log10(value) - lo) / (hi - lo) * (right - left)

    height = row * len(points) + 30
    parts = [
        f'<svg class="chart spread" viewBox="0 0 {_WIDTH} {height}" role="img" '
        'aria-label="figures reported for this quantity">'
    ]
    for i, f in enumerate(points):
        y = 14 + i * row
        label = f"{f.get('outlet') or '(outlet unknown)'}: {f['text']}"
        parts.append(
            f'<text class="label" x="{left - 8}" y="{y + 4}" text-anchor="end">'
            f"{escape(_short(label, 40))}</text>"
        )
        low = f["low"] if f["low"] and f["low"] > 0 else None
        high = f["high"] if f["high"] and f["high"] > 0 else None
        tip = escape(f"{label} = {figure_title(f)}")
        if f["value"] is not None and f["operator"] in ("=", "~"):
            parts.append(
                f'<circle class="point" cx="{x(f["value"]):.1f}" cy="{y}" r="5">'
                f"<title>{tip}</title></circle>"
            )
            continue
        start = x(low) if low else left
        end = x(high) if high else right
        kind = "open-high" if high is None else "open-low" if low is None else "range"
        parts.append(
            f'<line class="interval {kind}" x1="{start:.1f}" y1="{y}" x2="{end:.1f}" y2="{y}">'
            f"<title>{tip}</title></line>"
        )
    powers = list(range(math.ceil(lo), math.floor(hi) + 1))
    for power in powers:
        at = x(10.0**power)
        anchor = "end" if at > right - 30 else "start" if at < left + 30 else "middle"
        parts.append(
            f'<text class="tick" x="{at:.1f}" y="{height - 4}" '
            f'text-anchor="{anchor}">{number(10.0**power)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def outlets_over_time(articles: Sequence[dict[str, Any]], *, row: int = 20) -> Markup:
    """A story's articles as dots on a time axis, one row per outlet."""
    dated = [(a, _as_date(a.get("published"))) for a in articles]
    days = [d for _, d in dated if d is not None]
    if not days:
        return Markup("")
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    outlets = sorted({a.get("outlet") or "(outlet unknown)" for a, d in dated if d is not None})
    left, right = 200, _WIDTH - 20
    height = row * len(outlets) + 30
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" role="img" '
        'aria-label="articles by outlet over time">'
    ]
    for i, outlet in enumerate(outlets):
        parts.append(
            f'<text class="label" x="{left - 8}" y="{14 + i * row + 4}" text-anchor="end">'
            f"{escape(_short(outlet, 28))}</text>"
        )
    for a, d in dated:
        if d is None:
            continue
        i = outlets.index(a.get("outlet") or "(outlet unknown)")
        cx = left + (d - first).days / span * (right - left)
        parts.append(
            f'<circle class="point" cx="{cx:.1f}" cy="{14 + i * row}" r="5">'
            f"<title>{escape(a.get('published') or '')}: {escape(a.get('title') or '')}</title>"
            "</circle>"
        )
    ends = ((first.isoformat(), left, "start"), (last.isoformat(), right, "end"))
    for label, cx, anchor in ends[: 1 if first == last else 2]:
        parts.append(
            f'<text class="tick" x="{cx:.1f}" y="{height - 4}" text-anchor="{anchor}">'
            f"{label}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _positive(f: dict[str, Any]) -> bool:
    ends = [v for v in (f["value"], f["low"], f["high"]) if v is not None]
    return bool(ends) and all(v > 0 for v in ends)


def _as_date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _bin_name(days: Sequence[tuple[str, int]]) -> str:
    first, last = _as_date(days[0][0]), _as_date(days[-1][0])
    span = (last - first).days if first and last else 0
    return "day" if span <= 120 else "week" if span <= 900 else "month"


def _binned(days: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts per day, with the empty days in between; per week or month over long spans."""
    counts: dict[date, int] = {}
    for d, n in days:
        day = _as_date(d)
        if day is not None:
            counts[day] = counts.get(day, 0) + n
    first, last = min(counts), max(counts)
    name = _bin_name([(first.isoformat(), 0), (last.isoformat(), 0)])
    bins: dict[str, int] = {}
    day = first
    while day <= last:
        if name == "day":
            label = day.isoformat()
        elif name == "week":
            label = (day - timedelta(days=day.weekday())).isoformat()
        else:
            label = day.isoformat()[:7]
        bins[label] = bins.get(label, 0) + counts.get(day, 0)
        day += timedelta(days=1)
    return list(bins.items())


def _tick_indexes(count: int) -> list[int]:
    if count <= 1:
        return [0]
    step = max(1, count // 5)
    found = list(range(0, count, step))
    if count - 1 - found[-1] < step / 2:
        found[-1] = count - 1
    else:
        found.append(count - 1)
    return found


def _anchor(i: int, ticks: list[int]) -> str:
    """Labels at the two ends are drawn inward, so the chart's edge never cuts them."""
    if len(ticks) > 1 and i == ticks[0]:
        return "start"
    if len(ticks) > 1 and i == ticks[-1]:
        return "end"
    return "middle"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
