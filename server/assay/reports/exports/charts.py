"""Inline SVG charts for the HTML and PDF reports: pure Python, no script, no external asset.

A report is one self-contained file that must read and print the same offline and years
later, so its charts are plain SVG markup written here. Every chart is an image with a
``<title>`` and an ``aria-label`` that state its data in words, prints its numbers as text
(colour never carries meaning alone: bars below a threshold also say so, lines differ by
dash and marker shape), and uses the Okabe-Ito palette, which stays distinguishable with
the common colour-vision deficiencies and in greyscale print.

The functions take plain values (not a snapshot) so other views, e.g. a dashboard's trend
over the last runs of a plan, can draw the same charts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# Okabe-Ito colours (and two neutrals).
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
INK = "#1A1A1A"
GRID = "#D9D9D9"

FONT = "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
#: The longest label drawn in full; longer ones end with an ellipsis (the full text is in
#: the label's own tooltip and in the chart's description).
LABEL_CHARS = 24


@dataclass(frozen=True)
class Bar:
    """One evaluator's mean score (None: nothing was scored) and its pass threshold."""

    label: str
    value: float | None
    threshold: float | None = None


@dataclass(frozen=True)
class Segment:
    """One part of a whole, e.g. the passed cases."""

    label: str
    count: int
    colour: str


@dataclass(frozen=True)
class TrendPoint:
    """One run on a trend: its label (a date or a name) and its figures in [0, 1]."""

    label: str
    overall_score: float | None
    pass_rate: float | None


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def score(value: float | None) -> str:
    """A score as the snapshot holds it (rounded to 4 decimals), shown with 2 to 4 decimals:
    0.8 -> "0.80", 0.675 -> "0.675", 0.7833 -> "0.7833"."""
    return "n/a" if value is None else decimals(value, 4, 2)


def percent(value: float | None) -> str:
    """A fraction as a percentage with 1 or 2 decimals: 0.5 -> "50.0%"."""
    return "n/a" if value is None else decimals(value * 100, 2, 1) + "%"


def decimals(value: float, most: int, least: int) -> str:
    """``value`` with at most ``most`` and at least ``least`` decimals."""
    whole, _, fraction = f"{value:.{most}f}".partition(".")
    fraction = fraction.rstrip("0").ljust(least, "0")
    whole = "0" if whole == "-0" and not fraction.strip("0") else whole
    return f"{whole}.{fraction}" if fraction else whole


def clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def svg(width: float, height: float, label: str, body: str, css_class: str) -> str:
    """The outer element: scalable (viewBox), an image for assistive technology."""
    return (f'<svg class="chart {css_class}" viewBox="0 0 {num(width)} {num(height)}" '
            f'width="{num(width)}" height="{num(height)}" role="img" '
            f'aria-label="{escape(label)}" font-family="{FONT}" font-size="12" '
            f'fill="{INK}"><title>{escape(label)}</title>{body}</svg>')


def text(x: float, y: float, content: str, *, anchor: str = "start", size: float = 12,
         weight: str = "normal", fill: str = INK, tooltip: str | None = None) -> str:
    hint = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    return (f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" font-size="{num(size)}" '
            f'font-weight="{weight}" fill="{fill}">{hint}{escape(content)}</text>')


def line(x1: float, y1: float, x2: float, y2: float, *, stroke: str = GRID,
         width: float = 1, dash: str | None = None, css_class: str | None = None) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    classes = f' class="{css_class}"' if css_class else ""
    return (f'<line{classes} x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="{stroke}" stroke-width="{num(width)}"{dashes}/>')


def swatch(x: float, y: float, colour: str, label: str) -> str:
    """A legend entry: a small square and its words."""
    return (f'<rect x="{num(x)}" y="{num(y - 9)}" width="10" height="10" fill="{colour}"/>'
            + text(x + 15, y, label))


# -- per-evaluator mean scores ---------------------------------------------------------------

BARS_WIDTH = 680.0
BARS_X0 = 200.0
#: The width of a bar at score 1.
BARS_SPAN = 340.0
BARS_ROW = 30.0
BARS_TOP = 24.0


def score_bars(bars: Sequence[Bar], *, title: str = "Mean score per evaluator") -> str:
    """Horizontal bars of mean scores on a 0-1 axis, each with its threshold marked by a
    dark tick; a bar below its threshold is vermilion and its number says "below"."""
    height = BARS_TOP + BARS_ROW * max(len(bars), 1) + 36
    body = [_bars_axis(height - 36)]
    for index, bar in enumerate(bars):
        body.append(_bar_row(bar, BARS_TOP + index * BARS_ROW))
    if not bars:
        body.append(text(BARS_X0 + 8, BARS_TOP + 19, "no evaluators"))
    legend_y = height - 10
    body += [swatch(BARS_X0, legend_y, BLUE, "meets its threshold"),
             swatch(BARS_X0 + 150, legend_y, VERMILION, "below its threshold"),
             line(BARS_X0 + 310, legend_y - 11, BARS_X0 + 310, legend_y + 1, stroke=INK,
                  width=2.5),
             text(BARS_X0 + 318, legend_y, "threshold")]
    described = "; ".join(_bar_words(bar) for bar in bars) or "no evaluators"
    return svg(BARS_WIDTH, height, f"{title}: {described}", "".join(body), "score-bars")


def _bars_axis(bottom: float) -> str:
    parts = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = BARS_X0 + tick * BARS_SPAN
        parts.append(line(x, BARS_TOP - 4, x, bottom))
        parts.append(text(x, BARS_TOP - 8, f"{tick:g}", anchor="middle", size=11, fill=GREY))
    return "".join(parts)


def _bar_row(bar: Bar, top: float) -> str:
    middle = top + BARS_ROW / 2 + 4
    parts = [text(BARS_X0 - 10, middle, short(bar.label), anchor="end", tooltip=bar.label)]
    if bar.value is None:
        parts.append(text(BARS_X0 + 8, middle, "no scores", fill=GREY))
    else:
        below = bar.threshold is not None and bar.value < bar.threshold
        width = clamp(bar.value) * BARS_SPAN
        parts.append(f'<rect class="bar" data-value="{bar.value}" x="{num(BARS_X0)}" '
                     f'y="{num(top + 6)}" width="{num(width)}" height="{num(BARS_ROW - 12)}" '
                     f'fill="{VERMILION if below else BLUE}"/>')
        figure = score(bar.value)
        if bar.threshold is not None:
            relation = "<" if below else "\u2265"
            figure += f" {relation} {score(bar.threshold)}"
        parts.append(text(BARS_X0 + BARS_SPAN + 10, middle, figure,
                          weight="bold" if below else "normal"))
    if bar.threshold is not None:
        x = BARS_X0 + clamp(bar.threshold) * BARS_SPAN
        parts.append(line(x, top + 2, x, top + BARS_ROW - 2, stroke=INK, width=2.5,
                          css_class="threshold"))
    return "".join(parts)


def _bar_words(bar: Bar) -> str:
    if bar.value is None:
        return f"{bar.label} no scores"
    words = f"{bar.label} {score(bar.value)}"
    if bar.threshold is not None:
        state = "below" if bar.value < bar.threshold else "meets"
        words += f" ({state} threshold {score(bar.threshold)})"
    return words


# -- score distribution ----------------------------------------------------------------------

HIST_WIDTH = 330.0
HIST_HEIGHT = 190.0
HIST_X0 = 34.0
HIST_X1 = 318.0
HIST_TOP = 34.0
HIST_BASE = 150.0


def histogram(counts: Sequence[int], *, title: str) -> str:
    """Vertical bars of how many scores fell in each tenth of [0, 1] (the last bin is
    [0.9, 1.0]), each with its count written above it."""
    bins = len(counts) or 1
    pitch = (HIST_X1 - HIST_X0) / bins
    tallest = max(counts, default=0) or 1
    parts = [text(HIST_X0, 16, short(title, 38), weight="bold", tooltip=title),
             line(HIST_X0, HIST_BASE, HIST_X1, HIST_BASE, stroke=INK)]
    for index, count in enumerate(counts):
        height = count / tallest * (HIST_BASE - HIST_TOP)
        x = HIST_X0 + index * pitch
        parts.append(f'<rect class="bin" data-count="{count}" x="{num(x + 2)}" '
                     f'y="{num(HIST_BASE - height)}" width="{num(pitch - 4)}" '
                     f'height="{num(height)}" fill="{BLUE}"/>')
        parts.append(text(x + pitch / 2, HIST_BASE - height - 4, str(count), anchor="middle",
                          size=11, fill=INK if count else GREY))
    for tick in range(0, bins + 1, 2):
        x = HIST_X0 + tick * pitch
        parts.append(line(x, HIST_BASE, x, HIST_BASE + 4, stroke=INK))
        parts.append(text(x, HIST_BASE + 16, f"{tick / bins:.1f}", anchor="middle", size=11,
                          fill=GREY))
    parts.append(text((HIST_X0 + HIST_X1) / 2, HIST_BASE + 34, "score", anchor="middle",
                      size=11, fill=GREY))
    described = ", ".join(f"{i / bins:.1f}-{(i + 1) / bins:.1f}: {c}"
                          for i, c in enumerate(counts))
    label = f"{title}: {sum(counts)} scores; {described}"
    return svg(HIST_WIDTH, HIST_HEIGHT, label, "".join(parts), "histogram")


# -- outcomes --------------------------------------------------------------------------------

OUTCOME_WIDTH = 680.0
OUTCOME_BAR = 680.0
#: Segment colours on which white text is readable; others get dark text.
_DARK = frozenset({BLUE, VERMILION, GREEN})


def outcome_bar(segments: Sequence[Segment], *, title: str = "Case outcomes") -> str:
    """One stacked bar of the whole (e.g. passed, failed, errored, timed out), each part as
    wide as its share, with its count inside when it fits and a legend with shares."""
    total = sum(max(s.count, 0) for s in segments)
    parts = []
    x = 0.0
    for segment in segments:
        if segment.count <= 0 or total == 0:
            continue
        width = segment.count / total * OUTCOME_BAR
        parts.append(f'<rect class="segment" data-count="{segment.count}" x="{num(x)}" y="4" '
                     f'width="{num(width)}" height="30" fill="{segment.colour}" '
                     f'stroke="#FFFFFF" stroke-width="1"/>')
        if width >= 10 + 8 * len(str(segment.count)):
            ink = "#FFFFFF" if segment.colour in _DARK else INK
            parts.append(text(x + width / 2, 24, str(segment.count), anchor="middle",
                              weight="bold", fill=ink))
        x += width
    if total == 0:
        parts.append(f'<rect x="0" y="4" width="{num(OUTCOME_BAR)}" height="30" '
                     f'fill="none" stroke="{GREY}"/>')
        parts.append(text(OUTCOME_BAR / 2, 24, "no cases", anchor="middle", fill=GREY))
    column = OUTCOME_WIDTH / max(len(segments), 1)
    for index, segment in enumerate(segments):
        share = f" ({segment.count / total * 100:.1f}%)" if total else ""
        parts.append(swatch(index * column, 56, segment.colour,
                            f"{segment.label} {segment.count}{share}"))
    described = ", ".join(f"{s.label} {s.count}" for s in segments)
    return svg(OUTCOME_WIDTH, 66, f"{title} ({total}): {described}", "".join(parts),
               "outcomes")


# -- trend -----------------------------------------------------------------------------------

TREND_WIDTH = 680.0
TREND_HEIGHT = 270.0
TREND_X0 = 84.0
TREND_X1 = 600.0
TREND_TOP = 24.0
TREND_BASE = 200.0
#: Up to this many points, each one's values are written beside it.
TREND_LABELLED = 12


def trend_line(points: Sequence[TrendPoint], *, threshold: float | None = None,
               title: str = "Overall score and pass rate over runs") -> str:
    """Two lines on a shared 0-1 axis: the overall score (blue, solid, circles) and the pass
    rate (orange, dashed, squares), oldest run first, with the threshold dashed in grey."""
    parts = [_trend_axis()]
    if threshold is not None:
        y = _trend_y(threshold)
        parts.append(line(TREND_X0, y, TREND_X1, y, stroke=GREY, width=1.5, dash="6 4",
                          css_class="threshold"))
        parts.append(text(TREND_X1 + 6, y - 2, "threshold", size=11, fill=GREY))
        parts.append(text(TREND_X1 + 6, y + 11, score(threshold), size=11, fill=GREY))
    xs = _trend_xs(len(points))
    parts.append(_series(xs, [p.overall_score for p in points], BLUE, None, "overall"))
    parts.append(_series(xs, [p.pass_rate for p in points], ORANGE, "7 4", "pass-rate"))
    if len(points) <= TREND_LABELLED:
        parts += [_point_labels(x, p) for x, p in zip(xs, points, strict=True)]
    step = max(1, math.ceil(len(points) / 8))
    for index in range(0, len(points), step):
        parts.append(text(xs[index], TREND_BASE + 18, short(points[index].label, 16),
                          anchor="middle", size=11, fill=GREY, tooltip=points[index].label))
    if not points:
        parts.append(text((TREND_X0 + TREND_X1) / 2, TREND_BASE / 2, "no runs yet",
                          anchor="middle", fill=GREY))
    legend_y = TREND_HEIGHT - 14
    parts += [_legend_line(TREND_X0, legend_y, BLUE, None, "circle", "overall score"),
              _legend_line(TREND_X0 + 190, legend_y, ORANGE, "7 4", "square", "pass rate")]
    described = "; ".join(f"{p.label}: overall score {score(p.overall_score)}, pass rate "
                          f"{percent(p.pass_rate)}" for p in points) or "no runs"
    return svg(TREND_WIDTH, TREND_HEIGHT, f"{title}: {described}", "".join(parts), "trend")


def _trend_y(value: float) -> float:
    return TREND_BASE - clamp(value) * (TREND_BASE - TREND_TOP)


def _trend_xs(count: int) -> list[float]:
    if count == 1:
        return [(TREND_X0 + TREND_X1) / 2]
    inset = 24.0
    span = TREND_X1 - TREND_X0 - 2 * inset
    return [TREND_X0 + inset + i * span / (count - 1) for i in range(count)]


def _trend_axis() -> str:
    parts = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = _trend_y(tick)
        parts.append(line(TREND_X0, y, TREND_X1, y, stroke=INK if tick == 0 else GRID))
        parts.append(text(TREND_X0 - 8, y + 4, f"{tick:.2f} \u00b7 {tick * 100:.0f}%",
                          anchor="end", size=10, fill=GREY))
    return "".join(parts)


def _series(xs: Sequence[float], values: Sequence[float | None], colour: str,
            dash: str | None, name: str) -> str:
    """The line (broken where a value is missing) and its markers."""
    parts = []
    run: list[str] = []
    for x, value in [*zip(xs, values, strict=True), (0.0, None)]:
        if value is None:
            if len(run) > 1:
                dashes = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" '
                             f'stroke="{colour}" stroke-width="2.5"{dashes}/>')
            run = []
            continue
        run.append(f"{num(x)},{num(_trend_y(value))}")
    for x, value in zip(xs, values, strict=True):
        if value is not None:
            parts.append(_marker(x, _trend_y(value), colour,
                                 "circle" if name == "overall" else "square",
                                 f' class="point {name}" data-value="{value}"'))
    return "".join(parts)


def _marker(x: float, y: float, colour: str, shape: str, attributes: str = "") -> str:
    if shape == "circle":
        return (f'<circle{attributes} cx="{num(x)}" cy="{num(y)}" r="4.5" fill="{colour}" '
                f'stroke="{INK}" stroke-width="1"/>')
    return (f'<rect{attributes} x="{num(x - 4)}" y="{num(y - 4)}" width="8" height="8" '
            f'fill="{colour}" stroke="{INK}" stroke-width="1"/>')


def _point_labels(x: float, point: TrendPoint) -> str:
    """The point's two values: the higher one above its marker, the lower one below (or
    above, higher up, when below would cross the axis), so they never overlap."""
    entries = [(v, t) for v, t in ((point.overall_score, score(point.overall_score)),
                                   (point.pass_rate, percent(point.pass_rate)))
               if v is not None]
    entries.sort(key=lambda entry: -entry[0])
    places = [_trend_y(value) - 9 for value, _ in entries]
    if len(entries) == 2:
        places[1] = _trend_y(entries[1][0]) + 19
        if places[1] > TREND_BASE - 3:
            places[1] = _trend_y(entries[1][0]) - 9
            places[0] = min(places[0], places[1] - 14)
    return "".join(text(x, max(y, 12.0), words, anchor="middle", size=11)
                   for y, (_, words) in zip(places, entries, strict=True))


def _legend_line(x: float, y: float, colour: str, dash: str | None, shape: str,
                 label: str) -> str:
    return (line(x, y - 4, x + 34, y - 4, stroke=colour, width=2.5, dash=dash)
            + _marker(x + 17, y - 4, colour, shape) + text(x + 42, y, label))
