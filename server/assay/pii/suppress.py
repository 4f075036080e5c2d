"""Spans no finding may overlap: dates, times, timestamps, and order, invoice, tracking or
reference numbers. A detector judges one candidate; these are facts about the text around
it, shared by every detector, so the scanner applies them once.

Every pattern is compiled once. The text is searched only for what can be there (a
timestamp needs its keyword, an order number its word), so a text with no digit near such
a word costs one search per pattern.
"""

from __future__ import annotations

import re

#: Dates and date-times: 2024-03-15, 2024-03-15T10:30:00Z, 15/03/2024, 15.03.2024 10:30,
#: 15-03-2024, 3/15/24; month and day are checked to be in range.
_DATES = re.compile(
    r"(?<![\w.,/-])(?:"
    r"(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<a2>\d{1,2})(?P<s2>[-/.])(?P<b2>\d{1,2})(?P=s2)(?P<y2>\d{4}|\d{2})"
    r")"
    r"(?:(?:[T ]|,? )\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?[AaPp][Mm])?"
    r"(?:Z|[+-]\d{2}:?\d{2}| ?UTC| ?GMT)?)?"
    r"(?![\w.,/-]?\d)")
#: A time alone: 10:30, 10:30:15.
_TIMES = re.compile(r"(?<![\w:])\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?![\w:])")
#: A Unix time in seconds (10 digits) or milliseconds (13), after one of these words.
_EPOCH = re.compile(
    r"(?i)(?<!\w)(?:timestamp|time\s*stamp|epoch|unix(?:\s+time)?|marca\s+de\s+tiempo|"
    r"marca\s+temporal|carimbo(?:\s+de\s+tempo)?)\b[^\d\n]{0,40}?(?P<n>\d{13}|\d{10})(?!\d)")
#: An identifier (with at least one digit) after an order / invoice / tracking / reference
#: word, maybe with "number", "nº", "#", ":" between.
_ORDER_WORDS = (
    r"order|orders|pedido|pedidos|orden|ordem|encomenda|invoice|factura|fatura|ref|"
    r"reference|referencia|referência|tracking|seguimiento|rastreio|rastreamento|"
    r"nota\s+fiscal|ticket|booking|reserva|confirmation|confirmación|confirmacion|"
    r"confirmação|confirmacao|shipment|envío|envio|guía|guia|albarán|albaran|receipt|"
    r"recibo|comprobante|transaction|transacción|transacao|transação|case|caso|claim|"
    r"reclamo|incidencia|protocolo|protocol|localizador|locator|sku|part|pieza|peça|item|"
    r"artículo|articulo|model|modelo|serial|serie|série|lote|batch|voucher|cupón|cupon|"
    r"coupon|cupom"
)
_ORDERS = re.compile(
    r"(?i)(?<!\w)(?:" + _ORDER_WORDS + r")(?!\w)"
    r"(?:\s*(?:number|num\.?|no\.?|nº|n\.º|n°|nro\.?|n\.|número|numero|id|code|código|"
    r"codigo|is|was|es|era|fue|é|e|foi|será|sera|#|:|-)(?!\w))*\s*#?\s*"
    r"(?P<n>(?=[A-Za-z./-]*\d)[A-Za-z0-9][A-Za-z0-9./-]{3,39})(?![\w@])")


#: Characters around a finding searched for what suppresses it.
LOOK_BEHIND = 60
LOOK_AHEAD = 30


def _valid_date(year: str, month: str, day: str) -> bool:
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and len(year) in (2, 4)


def _date_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _DATES.finditer(text):
        if match.group("y1"):
            ok = _valid_date(match["y1"], match["m1"], match["d1"])
        else:
            first, second = int(match["a2"]), int(match["b2"])
            # day/month or month/day: either order is a date
            ok = (_valid_date(match["y2"], str(second), str(first))
                  or _valid_date(match["y2"], str(first), str(second)))
        if ok:
            spans.append(match.span())
    return spans


def suppressed_spans(text: str, *, orders: bool = True) -> list[tuple[int, int]]:
    """The spans of ``text`` no finding may overlap (``orders``: order numbers too)."""
    spans: list[tuple[int, int]] = []
    if "-" in text or "/" in text or "." in text:
        spans.extend(_date_spans(text))
    if ":" in text:
        spans.extend(match.span() for match in _TIMES.finditer(text))
    spans.extend(match.span("n") for match in _EPOCH.finditer(text))
    if orders:
        spans.extend(match.span("n") for match in _ORDERS.finditer(text))
    return spans


def suppressed(text: str, start: int, end: int, *, labelled: bool = False) -> bool:
    """Whether ``text[start:end]`` overlaps a date, time, timestamp or order number.

    ``labelled``: the finding has a valid checksum and its own context word nearby ("the
    DNI on the booking is 12345678Z"); an order word before it then does not suppress it.

    Only a window around the span is searched (from the start of the word
    :data:`LOOK_BEHIND` characters before it to :data:`LOOK_AHEAD` after), so the cost
    follows the number of findings, not the length of the text.
    """
    low = max(0, start - LOOK_BEHIND)
    while low > 0 and not text[low - 1].isspace() and start - low < LOOK_BEHIND + 40:
        low -= 1
    high = min(len(text), end + LOOK_AHEAD)
    while high < len(text) and not text[high].isspace() and high - end < LOOK_AHEAD + 40:
        high += 1
    window = text[low:high]
    return any(span_start < end - low and start - low < span_end
               for span_start, span_end in suppressed_spans(window, orders=not labelled))
