"""The HTML export: exact figures, every failed case, escaping, no external reference, and
charts whose geometry is proportional to the data."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from assay.reports.exports import charts
from assay.reports.exports.charts import Bar, Segment, TrendPoint
from assay.reports.exports.html import render_html
from assay.reports.exports.html_sections import trend_points
from assay.reports.snapshot_schema import SnapshotInvalid, validate_snapshot

SAMPLE = Path(__file__).with_name("sample_snapshot.json")
SCRIPT = "<script>alert('x')</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
SPANISH = "¿Dónde está mi pedido? Añadí «señal» — ñandú"


def sample() -> dict[str, Any]:
    snapshot: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return snapshot


def hostile() -> dict[str, Any]:
    """The sample with markup in every kind of text a report shows."""
    snapshot = sample()
    failed = snapshot["cases"][3]
    failed["answer"] = f"{SCRIPT} {BREAKOUT}"
    failed["title"] = f"Order {BREAKOUT}"
    failed["input"] = SPANISH
    failed["expected_output"] = "<b>bold</b> & <a href=\"https://evil.example\">link</a>"
    failed["failed_asserts"][0]["reason"] = SCRIPT
    failed["evaluators"][1]["explanation"] = BREAKOUT
    snapshot["cases"][2]["turns"][1]["content"] = SCRIPT
    snapshot["plan"]["name"] = f"Plan {SCRIPT}"
    snapshot["evaluators"][0]["title"] = f"Tone {BREAKOUT}"
    snapshot["evaluations"][0]["connection"]["name"] = BREAKOUT
    snapshot["errors"][0]["error_message"] = SCRIPT
    snapshot["pii_alerts"][0]["title"] = BREAKOUT
    snapshot["title"] = f"Weekly {SCRIPT}"
    return snapshot


def all_passed() -> dict[str, Any]:
    """The sample's three passed cases alone, with no comparison."""
    snapshot = sample()
    snapshot["cases"] = [case for case in snapshot["cases"] if case["passed"]]
    snapshot["totals"].update(cases=3, passed=3, failed=0, errored=0, timed_out=0,
                              pii_alerts=0, pass_rate=1.0, meets_threshold=True)
    snapshot["errors"], snapshot["pii_alerts"], snapshot["comparison"] = [], [], None
    validate_snapshot(snapshot)
    return snapshot


#: Elements whose text is apart from their neighbours' (the rest is inline).
BLOCKS = frozenset({"div", "p", "li", "ul", "td", "th", "tr", "table", "h3", "article"})


class Page(HTMLParser):
    """The parts of a page the tests look at: tags and attributes, tables by class (rows of
    cell texts), the failed-case articles, and the SVG charts' shapes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.cases: list[str] = []
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._case_depth = 0
        self._depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self._case_depth and tag in BLOCKS:
            self.cases[-1] += " "
        self.tags.append((tag, attributes))
        self._depth += 1
        if tag == "table":
            self._table = self.tables.setdefault(attributes.get("class", ""), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []
        elif tag == "article":
            self.cases.append("")
            self._case_depth = self._depth

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._table is not None and self._cell is not None:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "article":
            self._case_depth = 0
        if self._case_depth and tag in BLOCKS:
            self.cases[-1] += " "
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._case_depth:
            self.cases[-1] += data

    def shapes(self, tag: str, css: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and css in a.get("class", "").split()]


def test_the_page_carries_the_exact_figures() -> None:
    html = render_html(sample())
    page = Page(html)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for fact in ("Support bot: weekly regression, week 23", "Project Acme support",
                 "Plan Support bot regression", "Judge openai · gpt-4o-mini",
                 "Tone 1.0.0 (threshold 0.70, weight 1.0)",
                 "Relevance 1.0.0 (threshold 0.70, weight 1.0)",
                 "2025-06-06 09:00 UTC to 2025-06-06 09:04 UTC · Support bot (staging) (HTTP)",
                 "FAIL Pass rate 50.0% is below the threshold of 80.0%.",
                 "Overall score 0.81 mean score", "Pass rate 50.0% threshold 80.0%",
                 "Cases 6 3 passed · 2 failed", "Errors 1 1 errored · 0 timed out",
                 "PII alerts 1 personal data", "Latency p50 1,040 ms p90 1,600 ms · p99 1,600 ms",
                 "Slowest case 1,600 ms mean 1,024 ms over 5 cases",
                 "Vs baseline +0.0433 pass rate -16.67 pp · 2 regressions · 1 improvements"):
        assert fact in text, fact
    assert page.tables["evaluators"] == [
        ["Evaluator", "Threshold", "Mean", "Stdev", "Min", "Max", "Scored", "Passed", "Failed",
         "Skipped", "Errored"],
        ["Tone 1.0.0", "0.70", "0.79", "0.2059", "0.40", "1.00", "5", "4", "1", "1", "0"],
        ["Relevance 1.0.0", "0.70", "0.83", "0.1778", "0.50", "1.00", "5", "4", "1", "1", "0"],
    ]
    assert page.tables["deltas"] == [["Figure", "Change"], ["Overall score", "+0.0433"],
                                     ["Pass rate", "-16.67 pp"], ["Regressions", "2"],
                                     ["Improvements", "1"]]
    assert page.tables["evaluator-deltas"] == [
        ["Evaluator", "Baseline mean", "Mean", "Change"],
        ["Tone", "0.7833", "0.79", "+0.0067"], ["Relevance", "0.75", "0.83", "+0.08"]]
    assert page.tables["regressions"] == [
        ["Case", "Baseline", "This report"],
        ["Angry customer asks for a manager", "Passed 0.80", "Failed 0.60"],
        ["Password reset link", "Passed 0.90", "Failed n/a"]]
    assert page.tables["improvements"] == [["Case", "Baseline", "This report"],
                                           ["Store opening hours", "Failed 0.55", "Passed 0.975"]]
    assert page.tables["flaky"] == [["Case", "Verdicts"], ["None."]]


def test_errors_and_pii_alerts_are_listed_with_masked_values_only() -> None:
    page = Page(render_html(sample()))
    assert page.tables["errors"] == [["Case", "Status", "Code", "Message"],
                      ["Password reset link", "Error", "HTTP_STATUS",
                       "the agent answered HTTP 502 Bad Gateway after 3 attempts"]]
    assert page.tables["pii"] == [["Case", "Turn", "Type", "Masked value", "Confidence"],
                   ["Order status by email", "1", "EMAIL", "j•••@•••.com", "0.99"]]


def test_every_failed_case_is_shown_in_detail() -> None:
    page = Page(render_html(sample()))
    assert len(page.cases) == 3
    angry, order, reset = (" ".join(case.split()) for case in page.cases)
    assert angry.startswith("Angry customer asks for a manager Failed score 0.60 Suites: "
                            "Escalation, Billing · latency 1,600 ms · test case")
    for turn in ("User This is the third time my payment failed!",
                 "Agent Sorry to hear that. Could you check that your card details are correct?",
                 "User I did. I want to talk to a manager.",
                 "Agent As I said, you need to check your card details.",
                 "Expected output Apologises, stays calm and offers to escalate",
                 'Tone Scored 0.40 0.70 Failed Dismissive in the second reply ("As I said"); no '
                 "apology, no escalation offered.",
                 "Relevance Scored 0.80 0.70 Passed Stays on the payment problem"):
        assert turn in angry, turn
    assert "Answer" not in angry.split("Expected output")[0].split("(4 turns)")[1]
    for part in ("Input Where is my order 48213?",
                 "Answer Order 48213 shipped yesterday; we also emailed j•••@•••.com with the "
                 "tracking link.", "Expected output Shipped, with the tracking number "
                 "1Z999AA10123456784.",
                 'Failed asserts contains: the answer does not contain "1Z999AA10123456784"',
                 "Relevance Scored 0.50 0.70 Failed Says it shipped but gives no tracking number"):
        assert part in order, part
    for part in ("Password reset link Error score n/a",
                 "Why it did not finish HTTP_STATUS the agent answered HTTP 502 Bad Gateway",
                 "Input How do I reset my password? Answer (no answer)",
                 "Tone Skipped n/a 0.70 the case has no answer to score: it ended in ERROR"):
        assert part in reset, part
    assert page.tables["verdicts"][0] == ["Evaluator", "Status", "Score", "Threshold",
                                          "Verdict", "Explanation"]


def test_passed_cases_are_not_detailed_and_a_clean_report_says_so() -> None:
    html = render_html(all_passed())
    page = Page(html)
    assert page.cases == []
    assert "Failed cases (0)</h2><p>Every case passed.</p>" in html
    assert '<span class="word">PASS</span>' in html
    assert "Comparison" not in html
    assert "A trend needs two runs or more" in html


def test_every_text_from_the_snapshot_is_escaped() -> None:
    html = render_html(hostile())
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert tags.isdisjoint({"script", "img", "a", "b", "iframe", "object", "link"})
    events = [(tag, name) for tag, attributes in page.tags for name in attributes
              if name.startswith("on")]
    assert events == []
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    order = " ".join(page.cases[1].split())
    assert order.startswith(f"Order {BREAKOUT} Failed")
    assert f"Answer {SCRIPT} {BREAKOUT}" in order
    assert f"Failed asserts contains: {SCRIPT}" in order
    assert f"Relevance Scored 0.50 0.70 Failed {BREAKOUT}" in order
    assert f"Agent {SCRIPT}" in " ".join(page.cases[0].split())


def test_the_page_refers_to_nothing_outside_itself() -> None:
    html = render_html(hostile())
    page = Page(html)
    names = {name for _, attributes in page.tags for name in attributes}
    assert names.isdisjoint({"src", "href", "action", "srcset", "xlink:href", "data", "poster"})
    values = [value for _, attributes in page.tags for value in attributes.values()]
    assert [v for v in values if re.search(r"https?:|//|url\(", v, re.I)] == []
    style = html[html.index("<style>"):html.index("</style>")]
    assert re.search(r"url\(|@import|@font-face|https?:", style, re.I) is None
    assert re.search(r"<link|<script|<iframe|<object|<embed", html, re.I) is None
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:; form-action 'none'\">") in html


def test_spanish_text_renders_as_utf8() -> None:
    html = render_html(hostile())
    assert html.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    assert f"Input</div><p class=\"text\">{SPANISH}</p>" in html
    assert SPANISH.encode("utf-8") in html.encode("utf-8")


def test_the_ai_summary_is_shown_escaped_when_given() -> None:
    summary = {"language": "es", "model": "gpt-4o-mini",
               "paragraphs": ["La tasa de aprobación es 50,0 %.", f"Revise {SCRIPT}.",
                              "Tercer párrafo."],
               "evaluators": {"tone": "Tono correcto salvo un caso.",
                              "relevance": "Relevancia 0,83."}}
    html = render_html(sample(), summary)
    assert ('<div class="ai" lang="es"><div class="eyebrow">AI-written summary · gpt-4o-mini '
            "· every figure in it is inserted from this report's data</div>"
            "<p>La tasa de aprobación es 50,0 %.</p><p>Revise &lt;script&gt;alert(&#x27;x"
            "&#x27;)&lt;/script&gt;.</p><p>Tercer párrafo.</p></div>") in html
    assert ('<ul class="analysis" lang="es"><li><strong>Tone</strong>: Tono correcto salvo '
            "un caso.</li><li><strong>Relevance</strong>: Relevancia 0,83.</li></ul>") in html
    assert "AI-written" not in render_html(sample())


def test_an_invalid_snapshot_is_refused() -> None:
    broken = sample()
    broken["totals"]["passed"] = 4
    with pytest.raises(SnapshotInvalid, match=r"\$\.totals\.passed: is 4, but the cases say 3"):
        render_html(broken)


# -- charts ---------------------------------------------------------------------------------


def test_bar_widths_are_proportional_to_the_means() -> None:
    page = Page(render_html(sample()))
    bars = page.shapes("rect", "bar")
    assert [(b["data-value"], b["width"], b["fill"]) for b in bars] == [
        ("0.79", "268.6", charts.BLUE), ("0.83", "282.2", charts.BLUE)]
    for bar in bars:
        assert float(bar["width"]) == pytest.approx(float(bar["data-value"]) * charts.BARS_SPAN)
        assert bar["x"] == "200"
    ticks = page.shapes("line", "threshold")[:2]
    assert [t["x1"] for t in ticks] == ["438", "438"]  # 200 + 0.7 * 340


def test_a_bar_below_its_threshold_says_so_in_words_and_colour() -> None:
    svg = charts.score_bars([Bar("Tone", 0.25, 0.5), Bar("Empty", None, 0.7),
                             Bar("Relevance", 1.0, None)])
    page = Page(svg)
    assert [(b["width"], b["fill"]) for b in page.shapes("rect", "bar")] == [
        ("85", charts.VERMILION), ("340", charts.BLUE)]
    assert ">0.25 &lt; 0.50</text>" in svg
    assert ">no scores</text>" in svg
    assert ('aria-label="Mean score per evaluator: Tone 0.25 (below threshold 0.50); Empty no '
            'scores; Relevance 1.00"') in svg


def test_histogram_bars_are_proportional_to_the_counts() -> None:
    page = Page(render_html(sample()))
    bins = page.shapes("rect", "bin")
    assert [b["data-count"] for b in bins] == [str(c) for c in
                                               [0, 0, 0, 0, 1, 0, 0, 0, 2, 2,
                                                0, 0, 0, 0, 0, 1, 0, 0, 1, 3]]
    full = charts.HIST_BASE - charts.HIST_TOP
    tone, relevance = bins[:10], bins[10:]
    assert [float(b["height"]) for b in tone] == pytest.approx(
        [c / 2 * full for c in [0, 0, 0, 0, 1, 0, 0, 0, 2, 2]], abs=0.01)
    assert [float(b["height"]) for b in relevance] == pytest.approx(
        [c / 3 * full for c in [0, 0, 0, 0, 0, 1, 0, 0, 1, 3]], abs=0.01)


def test_outcome_segments_share_the_width_by_count() -> None:
    svg = charts.outcome_bar([Segment("Passed", 3, charts.BLUE),
                              Segment("Failed", 2, charts.VERMILION),
                              Segment("Errors", 1, charts.PURPLE),
                              Segment("Timed out", 0, charts.ORANGE)])
    segments = Page(svg).shapes("rect", "segment")
    assert [(s["data-count"], s["x"], s["width"]) for s in segments] == [
        ("3", "0", "340"), ("2", "340", "226.67"), ("1", "566.67", "113.33")]
    assert ">Passed 3 (50.0%)</text>" in svg and ">Timed out 0 (0.0%)</text>" in svg


def test_trend_points_are_read_from_the_snapshot() -> None:
    assert trend_points(sample()) == [TrendPoint("baseline", 0.7667, 0.6667),
                                      TrendPoint("2025-06-06 09:00", 0.81, 0.5)]
    two = sample()
    second = copy.deepcopy(two["evaluations"][0])
    second.update(id="second", run_started_at="2025-06-07T10:00:00+00:00")
    two["evaluations"].append(second)
    moved = two["cases"][0], two["cases"][3]  # passed 0.95, failed 0.675
    for case in moved:
        case["evaluation_id"] = "second"
    two["comparison"] = None
    validate_snapshot(two)
    assert trend_points(two) == [TrendPoint("2025-06-06 09:00", 0.8083, 0.5),
                                 TrendPoint("2025-06-07 10:00", 0.8125, 0.5)]


def test_trend_lines_place_points_by_value() -> None:
    svg = charts.trend_line([TrendPoint("a", 0.5, 1.0), TrendPoint("b", None, 0.25),
                             TrendPoint("c", 1.0, 0.0)], threshold=0.8)
    page = Page(svg)
    span = charts.TREND_BASE - charts.TREND_TOP
    overall = page.shapes("circle", "overall")
    assert [(p["data-value"], float(p["cy"])) for p in overall] == [
        ("0.5", charts.TREND_BASE - 0.5 * span), ("1.0", charts.TREND_TOP)]
    rates = page.shapes("rect", "pass-rate")
    assert [float(r["y"]) + 4 for r in rates] == pytest.approx(
        [charts.TREND_TOP, charts.TREND_BASE - 0.25 * span, charts.TREND_BASE])
    assert float(page.shapes("line", "threshold")[0]["y1"]) == pytest.approx(
        charts.TREND_BASE - 0.8 * span)
    assert svg.count("<polyline") == 1  # the overall line is broken at "b": no 1-point lines


def test_every_chart_is_an_image_with_a_text_alternative() -> None:
    html = render_html(sample())
    page = Page(html)
    svgs = [attributes for tag, attributes in page.tags if tag == "svg"]
    assert len(svgs) == 5  # outcomes, bars, trend, two histograms
    assert all(s["role"] == "img" and s["aria-label"] for s in svgs)
    assert html.count("<svg") == html.count('role="img"')
    labels = [s["aria-label"] for s in svgs]
    assert labels[0] == ("Case outcomes (6): Passed 3, Failed 2, Errors 1, Timed out 0")
    assert labels[2] == ("Overall score and pass rate over runs: baseline: overall score "
                         "0.7667, pass rate 66.67%; 2025-06-06 09:00: overall score 0.81, "
                         "pass rate 50.0%")
    assert labels[3] == ("Tone: 5 scores: 5 scores; 0.0-0.1: 0, 0.1-0.2: 0, 0.2-0.3: 0, "
                         "0.3-0.4: 0, 0.4-0.5: 1, 0.5-0.6: 0, 0.6-0.7: 0, 0.7-0.8: 0, "
                         "0.8-0.9: 2, 0.9-1.0: 2")
