"""Brazilian taxpayer numbers: CPF (people) and CNPJ (companies), each with two mod-11
check digits."""

from __future__ import annotations

import re

from stdnum.br import cnpj, cpf

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import NUMBER_END, NUMBER_START, digits, same_digits


class BrCpfDetector(PatternDetector):
    """CPF: "123.456.789-09" or eleven digits. Unformatted, it scores lower without context
    (a Brazilian mobile number also has eleven digits)."""

    name = "br_cpf"
    entity = "BR_CPF"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9]{2}(\.?)[0-9]{3}\2[0-9]{3}-?[0-9]{2})" + NUMBER_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("cpf", "c.p.f.", "cadastro de pessoa fisica",
                           "cadastro de pessoas fisicas", "contribuinte", "taxpayer")

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = digits(candidate.value)
        if same_digits(number) or not cpf.is_valid(number):
            return None
        formatted = "." in candidate.value or "-" in candidate.value
        return self.checksum_score(text, candidate, weak=not formatted)


class BrCnpjDetector(PatternDetector):
    """CNPJ: "12.345.678/0001-95" or fourteen digits."""

    name = "br_cnpj"
    entity = "BR_CNPJ"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9](\.?)[0-9]{3}\2[0-9]{3}/?[0-9]{4}-?[0-9]{2})" + NUMBER_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("cnpj", "c.n.p.j.", "cadastro nacional da pessoa juridica",
                           "empresa", "razao social", "company number")

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = digits(candidate.value)
        if same_digits(number) or not cnpj.is_valid(number):
            return None
        formatted = "/" in candidate.value or "-" in candidate.value
        return self.checksum_score(text, candidate, weak=not formatted)
