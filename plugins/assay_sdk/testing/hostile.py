"""Texts a PII detector must survive: it scans every answer an agent gives, whatever it is."""

from __future__ import annotations

#: A line of ordinary text with digits, separators and at-signs, repeated into a large text.
_FILLER = ("Order 2024-03-15 ref 00123-45 paid 1.234,56 EUR; call +34 600 000 000 or mail "
           "someone@example.org. Línea 7: ação, niño, 12/03/2024 10:45:00. ")
#: 1 MB of it.
ONE_MEGABYTE = (_FILLER * (1_000_000 // len(_FILLER) + 1))[:1_000_000]

#: name -> text. Every detector must return valid findings on each, without raising.
HOSTILE_TEXTS: dict[str, str] = {
    "empty": "",
    "whitespace only": " \t\n\r\x0b\x0c" * 10,
    "control characters": "".join(chr(c) for c in range(32)) + "\x7f" + "123\x00456\x1b789",
    "unpaired surrogates": "\ud800 lone \udfff high \udbff low \udc00 12345678Z",
    "one megabyte": ONE_MEGABYTE,
    "long digit run": "9" * 20_000,
    "long separator run": "-. /" * 5_000,
    "at signs": "@" * 5_000 + "a@" * 2_000,
    "emoji and right-to-left": "📞 +1 (555) 010-0199 ‏مرحبا 🙂 שלום \u202e1234\u202c" * 50,
    "combining marks": "1\u03012\u03023\u0303" * 500,
    "null bytes in digits": "\x00".join("4111111111111111"),
}
