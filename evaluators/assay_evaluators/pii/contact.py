"""Email addresses and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from assay_evaluators.pii.base import Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords, fold
from assay_evaluators.pii.patterns import count_digits

#: Characters of a local part besides letters and digits.
_LOCAL_SYMBOLS = frozenset("._%+-")
#: The domain, read forwards from the "@": labels and a letters-only top-level domain.
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w@-])")
#: File names that look like addresses ("logo@2x.png").
_FILE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "pdf"})


class EmailDetector(PatternDetector):
    """Email addresses: a local part, "@", and a domain with a top-level domain of letters.

    No checksum exists and none is needed: the shape is unambiguous, so every address scores
    high, a little higher with a context word.
    """

    name = "email"
    entity = "EMAIL"
    hint = "@"
    pattern = _DOMAIN  # unused: candidates are found from each "@"
    context = ContextWords("email", "e-mail", "mail", "correo", "correo electronico",
                           "e-mail:", "escribe", "escriba", "contact", "contacto", "contato")

    def candidates(self, text: str) -> Iterator[Candidate]:
        at = text.find("@")
        while at != -1:
            start = _local_start(text, at)
            domain = _DOMAIN.match(text, at + 1) if start < at else None
            if domain:
                yield Candidate(start, domain.end(), text[start:domain.end()])
            at = text.find("@", at + 1)

    def score(self, text: str, candidate: Candidate) -> float | None:
        if candidate.value.rsplit(".", 1)[-1].lower() in _FILE_SUFFIXES:
            return None
        return 0.99 if self.near_context(text, candidate) else 0.9


def _local_start(text: str, at: int) -> int:
    """Where the local part before the "@" at ``at`` starts (``at`` when there is none): at
    most 64 letters, digits and ``._%+-``, not starting with a symbol."""
    start = at
    while start > max(0, at - 64) and (text[start - 1].isalnum()
                                       or text[start - 1] in _LOCAL_SYMBOLS):
        start -= 1
    while start < at and text[start] in ".%+-":
        start += 1
    return start


#: A run of 7 to 17 digits with phone separators, maybe after "+" or "00".
_PHONE = re.compile(
    r"(?P<v>[+(0-9](?<![\w+@/\\.-].)(?<![0-9],.)\(?(?:(?:[ .\-\u00a0]|\) ?|[ ]?\()?[0-9]){6,16})"
    r"(?![\w@])(?![.,/-][0-9])")
#: The regions national numbers are tried in when no country word hints otherwise.
REGIONS = ("US", "GB", "ES", "MX", "AR", "CL", "BR")
#: Country words (folded) -> the region they hint at.
_COUNTRY_HINTS = {
    "spain": "ES", "espana": "ES", "madrid": "ES", "barcelona": "ES",
    "mexico": "MX", "argentina": "AR", "buenos aires": "AR", "chile": "CL",
    "santiago": "CL", "brasil": "BR", "brazil": "BR", "sao paulo": "BR",
    "uk": "GB", "united kingdom": "GB", "reino unido": "GB", "london": "GB",
    "londres": "GB", "usa": "US", "united states": "US", "estados unidos": "US",
}
_HINTS = ContextWords(*_COUNTRY_HINTS, before=200, after=60)
#: Shapes of other numbers a phone must not be: an ID with a checksum, a card in groups
#: of four, an SSN.
_NOT_PHONES = re.compile(
    r"\d{3}\.\d{3}\.\d{3}-?\d{2}"          # CPF
    r"|\d{1,2}\.\d{3}\.\d{3}"              # Argentine DNI / Chilean RUT body
    r"|\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7}"  # a card
    r"|\d{3}-\d{2}-\d{4}"                  # US SSN
    r"|(?:20|23|24|27|30|33|34)-\d{8}-\d"  # CUIT
)


class PhoneDetector(PatternDetector):
    """Phone numbers, validated by libphonenumber.

    An international number ("+34 612 345 678", "0044 20 7946 0958") is found anywhere. A
    national number ("612 345 678", "(11) 91234-5678") only with a context word ("call",
    "teléfono", "celular"...) or, lower, when written with an area code in parentheses; it
    is tried in the region a country word nearby names, then in US, GB, ES, MX, AR, CL and
    BR.
    """

    name = "phone"
    entity = "PHONE"
    pattern = _PHONE
    context = ContextWords(
        "phone", "telephone", "tel", "tel.", "tlf", "tfno", "mobile", "cell", "cellphone",
        "call", "ring", "text", "sms", "whatsapp", "fax", "dial", "reach me", "contact",
        "telefono", "movil", "celular", "llama", "llame", "llamar", "llamanos", "llamenos",
        "marca", "marque", "contacto", "fijo", "telefone", "ligue", "ligar", "liga",
        "contato", "fone", "fono", "zap", "numero de telefono", "numero de contacto")

    def score(self, text: str, candidate: Candidate) -> float | None:
        value = candidate.value
        if not 7 <= count_digits(value) <= 15 or _NOT_PHONES.fullmatch(value.strip("()")):
            return None
        context = self.near_context(text, candidate)
        if value.startswith(("+", "00")):
            number = "+" + value[2:] if value.startswith("00") else value
            if not _valid(number, None):
                return None
            return 0.95 if context else 0.75
        parenthesised = value.startswith("(")
        if not (context or parenthesised):
            return None
        if not any(_valid(value, region) for region in self._regions(text, candidate)):
            return None
        return 0.7 if context else 0.45

    @staticmethod
    def _regions(text: str, candidate: Candidate) -> list[str]:
        window = text[max(0, candidate.start - 200):candidate.end + 60]
        if not _HINTS.in_text(window):
            return list(REGIONS)
        folded = fold(window)
        hinted = [region for word, region in _COUNTRY_HINTS.items()
                  if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", folded)]
        return hinted + [region for region in REGIONS if region not in hinted]


def _valid(number: str, region: str | None) -> bool:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))
