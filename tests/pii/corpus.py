"""A labelled PII corpus, generated: chatbot-style answers in English, Spanish and Portuguese.

Deterministic for a seed. Positives carry values made valid the way the issuing authority
does (check digits computed with python-stdnum, phone numbers valid per libphonenumber);
about half of the documents hold no personal data and are hard negatives instead: dates,
times, timestamps, order and invoice numbers, numbers whose checksum fails, random digit
runs, IBAN-like strings with bad check digits, phone-like product codes, prices, versions.

A random digit run that happens to be a valid identifier (an 11-digit run passing the CPF
check) is redrawn: by construction, every negative is not personal data.

Used by the benchmark (tests/benchmarks/test_pii_detection.py), by the detectors' tests,
and to write the detectors' calibration datasets (see :func:`calibration_records`).
"""

from __future__ import annotations

import json
import random
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers
from stdnum import iban, luhn
from stdnum.ar import cuit
from stdnum.br import cnpj, cpf
from stdnum.cl import rut
from stdnum.es import ccc
from stdnum.mx import curp, rfc

LANGUAGES = ("en", "es", "pt")
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
PHONE_REGIONS = ("US", "GB", "ES", "MX", "AR", "CL", "BR")
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_NOT_ISSUED = {"BG", "GB", "NK", "KN", "NT", "TN", "ZZ"}
CURP_STATES = ("AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG",
               "JC", "MC", "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR",
               "TC", "TS", "TL", "VZ", "YN", "ZS")
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Doc:
    id: str
    language: str
    text: str
    spans: tuple[Span, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "language": self.language, "text": self.text,
                "spans": [{"type": s.type, "start": s.start, "end": s.end} for s in self.spans]}


class Values:
    """Valid values of each entity, in the formats people write them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def email(self) -> str:
        first = self.rng.choice(["ana", "joao", "maria", "john", "lucia", "pedro", "emma",
                                 "carlos", "sofia", "li.wei", "o_brien", "j.smith"])
        last = self.rng.choice(["perez", "silva", "garcia", "smith", "rossi", "costa", "lopez"])
        domain = self.rng.choice(["example.com", "mail.example.org", "correo.es", "empresa.com.br",
                                  "uni.edu.ar", "outlook.example.net", "gmail.com"])
        joiner = self.rng.choice([".", "_", "", "+news."])
        return f"{first}{joiner}{last}{self.rng.randint(1, 99)}@{domain}"

    def phone(self, national: bool) -> str:
        region = self.rng.choice(PHONE_REGIONS)
        kind = self.rng.choice([phonenumbers.PhoneNumberType.MOBILE,
                                phonenumbers.PhoneNumberType.FIXED_LINE])
        example = phonenumbers.example_number_for_type(region, kind)
        assert example is not None
        while True:
            body = str(example.national_number)
            body = body[:-4] + self.digits(4)
            number = phonenumbers.parse("+" + str(example.country_code) + body, None)
            if phonenumbers.is_valid_number(number):
                break
        style = (phonenumbers.PhoneNumberFormat.NATIONAL if national
                 else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return phonenumbers.format_number(number, style)

    def credit_card(self) -> str:
        prefix, length = self.rng.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16),
                                          ("2720", 16), ("34", 15), ("37", 15), ("6011", 16),
                                          ("4", 13), ("3530", 16), ("62", 16)])
        while True:
            body = prefix + self.digits(length - len(prefix) - 1)
            number = body + luhn.calc_check_digit(body)
            if len(set(number)) > 2:
                break
        style = self.rng.choice(["space", "dash", "none"])
        if style == "none" or length == 13:
            return number
        sep = " " if style == "space" else "-"
        if length == 15:
            return sep.join([number[:4], number[4:10], number[10:]])
        return sep.join(number[i:i + 4] for i in range(0, 16, 4))

    def iban(self) -> str:
        country = self.rng.choice(["ES", "DE", "GB", "FR", "PT", "NL", "IT", "AR?"[:2]])
        while True:
            if country == "ES":
                bank, branch, account = self.digits(4), self.digits(4), self.digits(10)
                check = ccc.calc_check_digits(bank + branch + "00" + account)
                bban = bank + branch + check + account
            elif country == "DE":
                bban = self.digits(18)
            elif country == "GB":
                bban = self.rng.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + self.digits(14)
            elif country == "FR":
                bban = self.digits(23)
            elif country == "PT":
                bban = self.digits(21)
            elif country == "NL":
                bban = self.rng.choice(["ABNA", "INGB", "RABO"]) + self.digits(10)
            else:
                country = "IT"
                bban = self.rng.choice(string.ascii_uppercase) + self.digits(22)
            number = country + iban.calc_check_digits(country + "00" + bban) + bban
            if iban.is_valid(number):
                break
        if self.rng.random() < 0.6:
            return " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        return number

    def us_ssn(self) -> str:
        while True:
            area = self.rng.randint(1, 899)
            if area != 666:
                break
        sep = self.rng.choice(["-", "-", " "])
        return f"{area:03d}{sep}{self.rng.randint(1, 99):02d}{sep}{self.rng.randint(1, 9999):04d}"

    def es_dni(self) -> str:
        number = self.rng.randint(1_000_000, 99_999_999)
        letter = DNI_LETTERS[number % 23]
        return f"{number:08d}{self.rng.choice(['', '', '-'])}{letter}"

    def es_nie(self) -> str:
        first = self.rng.choice("XYZ")
        body = self.digits(7)
        letter = DNI_LETTERS[int(str("XYZ".index(first)) + body) % 23]
        sep = self.rng.choice(["", "", "-"])
        return f"{first}{sep}{body}{sep}{letter}"

    def ar_dni(self) -> str:
        number = self.rng.randint(5_000_000, 45_999_999)
        if self.rng.random() < 0.5:
            return f"{number:,}".replace(",", ".")
        return str(number)

    def ar_cuit(self) -> str:
        while True:
            body = self.rng.choice(["20", "23", "27", "30", "33"]) + self.digits(8)
            number = body + cuit.calc_check_digit(body)
            if cuit.is_valid(number) and len(set(number[2:10])) > 1:
                break
        if self.rng.random() < 0.75:
            return f"{number[:2]}-{number[2:10]}-{number[10]}"
        return number

    def br_cpf(self) -> str:
        while True:
            body = self.digits(9)
            number = body + cpf._calc_check_digits(body)
            if cpf.is_valid(number):
                break
        if self.rng.random() < 0.75:
            return f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"
        return number

    def br_cnpj(self) -> str:
        while True:
            body = self.digits(8) + "0001"
            number = body + cnpj.calc_check_digits(body)
            if cnpj.is_valid(number):
                break
        if self.rng.random() < 0.75:
            return f"{number[:2]}.{number[2:5]}.{number[5:8]}/{number[8:12]}-{number[12:]}"
        return number

    def cl_rut(self) -> str:
        number = str(self.rng.randint(5_000_000, 29_999_999))
        check = rut.calc_check_digit(number)
        if self.rng.random() < 0.6:
            return f"{int(number):,}".replace(",", ".") + "-" + check
        return f"{number}-{check}"

    def _birth(self) -> str:
        return (f"{self.rng.randint(40, 99):02d}{self.rng.randint(1, 12):02d}"
                f"{self.rng.randint(1, 28):02d}")

    def mx_curp(self) -> str:
        while True:
            letters = (self.rng.choice(CONSONANTS) + self.rng.choice("AEIOU")
                       + self.rng.choice(string.ascii_uppercase)
                       + self.rng.choice(string.ascii_uppercase))
            body = (letters + self._birth() + self.rng.choice("HM")
                    + self.rng.choice(CURP_STATES)
                    + "".join(self.rng.choice(CONSONANTS) for _ in range(3)) + "0")
            number = body + curp.calc_check_digit(body)
            if curp.is_valid(number):
                return number

    def mx_rfc(self) -> str:
        while True:
            letters = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(4))
            body = letters + self._birth() + "".join(
                self.rng.choice(string.ascii_uppercase + string.digits) for _ in range(2))
            number = body + rfc.calc_check_digit(body)
            try:
                rfc.validate(number, validate_check_digits=True)
            except Exception:
                continue
            return number

    def uk_nino(self) -> str:
        while True:
            prefix = self.rng.choice(NINO_FIRST) + self.rng.choice(NINO_SECOND)
            if prefix not in NINO_NOT_ISSUED and prefix[0] not in "DFIQUV":
                break
        body = self.digits(6)
        suffix = self.rng.choice("ABCD")
        if self.rng.random() < 0.5:
            return f"{prefix} {body[:2]} {body[2:4]} {body[4:]} {suffix}"
        return f"{prefix}{body}{suffix}"

    def passport(self) -> str:
        letters = string.ascii_uppercase
        return self.rng.choice([
            "".join(self.rng.choice(letters) for _ in range(3)) + self.digits(6),  # ES, AR
            "".join(self.rng.choice(letters) for _ in range(2)) + self.digits(6),  # BR
            self.rng.choice("GNX") + self.digits(8),                            # MX, US
            str(self.rng.randint(1, 9)) + self.digits(8),                       # US, UK
        ])


#: Sentences holding one value ({v}), per entity and language. Entities without a checksum
#: (and national phone numbers) always have a context word; the others sometimes do not.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "EMAIL": {
        "en": ("You can reach our agent at {v} for anything else.",
               "I have updated your contact email to {v}.", "Send the form to {v}, please."),
        "es": ("Puedes escribir a {v} y te responderemos.", "Tu correo registrado es {v}.",
               "Envía los documentos a {v} antes del viernes."),
        "pt": ("Pode escrever para {v} a qualquer momento.", "O seu e-mail cadastrado é {v}.",
               "Envie o comprovante para {v}, por favor."),
    },
    "PHONE_INTL": {
        "en": ("Our support line is {v}.", "I called the customer at {v} yesterday.",
               "The branch number is {v} and it opens at nine."),
        "es": ("El número de la tienda es {v}.", "Puedes llamarnos al {v} de lunes a viernes.",
               "El cliente dejó el {v} como contacto."),
        "pt": ("O número da loja é {v}.", "Ligue para {v} em horário comercial.",
               "O cliente informou {v} como contato."),
    },
    "PHONE_NATIONAL": {
        "en": ("Call me at {v} after five.", "Her phone number is {v}.",
               "Text {v} if you need a ride."),
        "es": ("Mi teléfono es {v}.", "Llámanos al {v} si tienes dudas.",
               "Su celular es {v}, escríbele por WhatsApp."),
        "pt": ("Meu telefone é {v}.", "Ligue para {v} se precisar.",
               "O celular dela é {v}, pode mandar mensagem."),
    },
    "CREDIT_CARD": {
        "en": ("The card on file is {v}.", "Your Visa card number {v} was charged today.",
               "Payment with {v} went through."),
        "es": ("Tu tarjeta de crédito {v} fue rechazada.", "El cobro se hizo a {v}.",
               "La tarjeta {v} vence el mes que viene."),
        "pt": ("O cartão de crédito {v} foi aprovado.", "A cobrança foi feita em {v}.",
               "O número do cartão é {v}."),
    },
    "IBAN": {
        "en": ("Please transfer the refund to {v}.", "Your IBAN is {v}.",
               "The account {v} will receive the payment."),
        "es": ("Haz la transferencia a la cuenta {v}.", "Tu IBAN es {v}.",
               "Ingresaremos el importe en {v}."),
        "pt": ("Transfira o valor para a conta {v}.", "O IBAN é {v}.",
               "O reembolso vai para {v}."),
    },
    "US_SSN": {
        "en": ("Your SSN {v} is on file.", "The social security number {v} was verified.",
               "I confirm the SSN ending the form: {v}."),
        "es": ("Su número de seguro social es {v}.", "El SSN {v} está registrado."),
        "pt": ("O SSN informado é {v}.", "Número de seguro social: {v}."),
    },
    "ES_DNI": {
        "en": ("The DNI on the booking is {v}.", "The customer's ID {v} was checked."),
        "es": ("Tu DNI es {v}.", "El titular con documento {v} ya firmó.",
               "Registramos a {v} como titular."),
        "pt": ("O DNI espanhol {v} foi validado.", "O documento {v} foi conferido."),
    },
    "ES_NIE": {
        "en": ("Your NIE {v} has been registered.", "The resident's number {v} is valid."),
        "es": ("Su NIE es {v}.", "El extranjero con NIE {v} ya tiene cita.",
               "Hemos registrado {v} en el padrón."),
        "pt": ("O NIE {v} foi aceito.", "O número {v} está no sistema."),
    },
    "AR_DNI": {
        "en": ("Her DNI is {v}.", "The passenger's DNI number {v} matches."),
        "es": ("Tu DNI es {v}.", "El número de documento {v} está registrado.",
               "Ingresá con DNI {v} en la web."),
        "pt": ("O DNI argentino {v} foi conferido.", "Documento: {v}."),
    },
    "AR_CUIT": {
        "en": ("The company's CUIT is {v}.", "Invoice issued to CUIT {v}."),
        "es": ("Tu CUIL es {v}.", "Facturamos al CUIT {v}.", "El proveedor {v} ya cobró."),
        "pt": ("O CUIT {v} foi informado.", "A empresa argentina {v} foi cadastrada."),
    },
    "BR_CPF": {
        "en": ("The customer's CPF is {v}.", "We matched the taxpayer {v}."),
        "es": ("El CPF {v} fue validado.", "Registramos al cliente {v}."),
        "pt": ("Seu CPF é {v}.", "O CPF {v} está regular.", "Cliente {v} cadastrado."),
    },
    "BR_CNPJ": {
        "en": ("The supplier's CNPJ is {v}.", "Invoices go to {v}."),
        "es": ("El CNPJ del proveedor es {v}.", "La empresa {v} está activa."),
        "pt": ("O CNPJ da empresa é {v}.", "A nota vai para {v}.", "Empresa {v} ativa."),
    },
    "CL_RUT": {
        "en": ("Your RUT is {v}.", "The account holder {v} was verified."),
        "es": ("Tu RUT es {v}.", "El RUN {v} está registrado.", "Titular: {v}."),
        "pt": ("O RUT chileno {v} foi validado.", "O titular {v} foi conferido."),
    },
    "MX_CURP": {
        "en": ("Your CURP is {v}.", "We found the record {v}."),
        "es": ("Tu CURP es {v}.", "Se validó la clave {v} en RENAPO.", "Registro: {v}."),
        "pt": ("O CURP {v} foi validado.", "O registro {v} foi encontrado."),
    },
    "MX_RFC": {
        "en": ("The RFC on the invoice is {v}.", "Billing to {v} is set up."),
        "es": ("Tu RFC es {v}.", "Facturamos a nombre de {v}.", "El RFC {v} está activo."),
        "pt": ("O RFC mexicano {v} foi informado.", "A fatura sai para {v}."),
    },
    "UK_NINO": {
        "en": ("Your National Insurance number is {v}.", "HMRC has {v} on file.",
               "The NI number {v} was verified."),
        "es": ("Su número de National Insurance es {v}.", "El NINO {v} está registrado."),
        "pt": ("O National Insurance number {v} foi registrado.", "O NINO {v} confere."),
    },
    "PASSPORT": {
        "en": ("Your passport number is {v}.", "The passport {v} expires next year."),
        "es": ("Tu pasaporte es el {v}.", "Número de pasaporte: {v}.",
               "El pasaporte {v} vence pronto."),
        "pt": ("Seu passaporte é {v}.", "Número do passaporte: {v}."),
    },
}

#: PII-free sentences, per language.
FILLER: dict[str, tuple[str, ...]] = {
    "en": ("Thanks for reaching out.", "I hope this helps!", "Let me know if you need more.",
           "Our stores open from nine to six.", "The refund usually takes a few days.",
           "We have updated your preferences.", "Your request has been forwarded.",
           "Sorry for the inconvenience caused.", "Shipping is free above fifty dollars."),
    "es": ("Gracias por escribirnos.", "Espero que esto te ayude.",
           "Avísame si necesitas algo más.", "Nuestras tiendas abren de nueve a seis.",
           "El reembolso suele tardar unos días.", "Hemos actualizado tus preferencias.",
           "Lamentamos las molestias.", "El envío es gratis a partir de cincuenta euros."),
    "pt": ("Obrigado pelo contato.", "Espero ter ajudado!", "Avise se precisar de mais algo.",
           "Nossas lojas abrem das nove às seis.", "O reembolso leva alguns dias.",
           "Atualizamos suas preferências.", "Desculpe o transtorno.",
           "O frete é grátis acima de cinquenta reais."),
}


class Negatives:
    """Sentences that look like personal data and are not."""

    def __init__(self, rng: random.Random, values: Values) -> None:
        self.rng = rng
        self.values = values

    def pick(self, language: str) -> str:
        maker: Callable[[str], str] = self.rng.choice([
            self.date, self.date, self.timestamp, self.order, self.order, self.bad_checksum,
            self.bad_checksum, self.bad_checksum, self.digit_run, self.product_code,
            self.price, self.version, self.bad_iban])
        return maker(language)

    def _say(self, language: str, en: str, es: str, pt: str) -> str:
        return {"en": en, "es": es, "pt": pt}[language]

    def date(self, language: str) -> str:
        y, m, d = self.rng.randint(2019, 2027), self.rng.randint(1, 12), self.rng.randint(1, 28)
        hh, mm = self.rng.randint(0, 23), self.rng.randint(0, 59)
        ss = self.rng.randint(0, 59)
        value = self.rng.choice([
            f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00Z", f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}",
            f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{ss:02d}"])
        return self._say(language, f"Your delivery is scheduled for {value}.",
                         f"La entrega está prevista para el {value}.",
                         f"A entrega está prevista para {value}.")

    def timestamp(self, language: str) -> str:
        seconds = self.rng.randint(1_500_000_000, 1_800_000_000)
        value = str(seconds * 1000 + self.rng.randint(0, 999)) if self.rng.random() < 0.5 \
            else str(seconds)
        return self._say(language, f"The event timestamp is {value}.",
                         f"El timestamp del evento es {value}.",
                         f"O timestamp (epoch) do evento é {value}.")

    def order(self, language: str) -> str:
        value = self.rng.choice([self.values.digits(self.rng.randint(6, 12)),
                                 f"{self.values.digits(4)}-{self.values.digits(4)}",
                                 "A" + self.values.digits(8),
                                 f"{self.values.digits(3)}.{self.values.digits(3)}."
                                 f"{self.values.digits(3)}",
                                 f"{self.values.digits(3)}-{self.values.digits(2)}-"
                                 f"{self.values.digits(4)}",
                                 self.values.es_dni().replace("-", "")])
        return self.rng.choice([
            self._say(language, f"Your order #{value} has shipped.",
                      f"Tu pedido nº {value} ya salió.", f"Seu pedido {value} foi enviado."),
            self._say(language, f"Invoice {value} is attached.",
                      f"Te adjunto la factura {value}.", f"Segue a nota fiscal {value}."),
            self._say(language, f"The tracking number is {value}.",
                      f"El número de seguimiento es {value}.",
                      f"O código de rastreio é {value}."),
            self._say(language, f"Use reference {value} when you pay.",
                      f"Usa la referencia {value} al pagar.",
                      f"Use a referência {value} ao pagar."),
        ])

    def bad_checksum(self, language: str) -> str:
        kind = self.rng.choice(["dni", "cpf", "card", "rut", "cuit", "curp", "nino", "nie",
                                "cnpj"])
        value, word = self._broken(kind)
        if word == "card":
            word = {"en": "card", "es": "número de tarjeta", "pt": "número do cartão"}[language]
        return self._say(language, f"The {word} {value} could not be validated.",
                         f"El {word} {value} no es válido.", f"O {word} {value} é inválido.")

    def _broken(self, kind: str) -> tuple[str, str]:
        v = self.values
        if kind == "dni":
            good = v.es_dni().replace("-", "")
            return good[:8] + self._other(DNI_LETTERS, good[8]), "DNI"
        if kind == "nie":
            good = v.es_nie().replace("-", "")
            return good[:8] + self._other(DNI_LETTERS, good[8]), "NIE"
        if kind == "cpf":
            good = v.br_cpf()
            return good[:-1] + self._other(string.digits, good[-1]), "CPF"
        if kind == "cnpj":
            good = v.br_cnpj()
            return good[:-1] + self._other(string.digits, good[-1]), "CNPJ"
        if kind == "card":
            good = v.credit_card()
            return good[:-1] + self._other(string.digits, good[-1]), "card"
        if kind == "rut":
            good = v.cl_rut()
            return good[:-1] + self._other(string.digits + "K", good[-1]), "RUT"
        if kind == "cuit":
            good = v.ar_cuit()
            return good[:-1] + self._other(string.digits, good[-1]), "CUIT"
        if kind == "curp":
            good = v.mx_curp()
            return good[:-1] + self._other(string.digits, good[-1]), "CURP"
        prefix = self.rng.choice(sorted(NINO_NOT_ISSUED))
        return f"{prefix}{v.digits(6)}{self.rng.choice('ABCD')}", "NI number"

    def _other(self, alphabet: str, not_this: str) -> str:
        return self.rng.choice([c for c in alphabet if c != not_this])

    def bad_iban(self, language: str) -> str:
        good = self.values.iban().replace(" ", "")
        check = int(good[2:4])
        wrong = self.rng.choice([n for n in range(2, 99) if n != check])
        value = f"{good[:2]}{wrong:02d}{good[4:]}"
        return self._say(language, f"The IBAN {value} was rejected by the bank.",
                         f"El IBAN {value} fue rechazado.", f"O IBAN {value} foi recusado.")

    def digit_run(self, language: str) -> str:
        while True:
            value = self.values.digits(self.rng.randint(5, 16))
            if value[0] != "0" and not _valid_somewhere(value):
                break
        return self._say(language, f"We counted {value} visits this quarter.",
                         f"Se registraron {value} visitas este trimestre.",
                         f"Foram {value} visitas neste trimestre.")

    def product_code(self, language: str) -> str:
        d = self.values.digits
        value = self.rng.choice([f"{d(3)}-{d(3)}-{d(4)}-X", f"{d(3)} {d(3)} {d(3)}",
                                 f"PX-{d(4)}-{d(4)}", f"{d(2)}-{d(4)}-{d(3)}"])
        return self._say(language, f"The model {value} is back in stock.",
                         f"El modelo {value} vuelve a estar disponible.",
                         f"O modelo {value} voltou ao estoque.")

    def price(self, language: str) -> str:
        whole = self.rng.randint(1, 9_999_999)
        cents = self.rng.randint(0, 99)
        value = self.rng.choice([f"${whole:,}.{cents:02d}", f"{whole:,}.{cents:02d} USD",
                                 f"{whole:,}".replace(",", ".") + f",{cents:02d} €",
                                 "R$ " + f"{whole:,}".replace(",", ".") + f",{cents:02d}"])
        return self._say(language, f"The total comes to {value}.",
                         f"El total es de {value}.", f"O total é de {value}.")

    def version(self, language: str) -> str:
        value = (f"{self.rng.randint(1, 20)}.{self.rng.randint(0, 40)}."
                 f"{self.rng.randint(0, 400)}")
        return self._say(language, f"Please update the app to version {value}.",
                         f"Actualiza la app a la versión {value}.",
                         f"Atualize o app para a versão {value}.")


def _valid_somewhere(run: str) -> bool:
    """Whether a digit run is, by its checksum, some identifier (then it is no negative)."""
    if 12 <= len(run) <= 19 and luhn.is_valid(run):
        return True
    return (len(run) == 11 and (cpf.is_valid(run) or cuit.is_valid(run))) or (
        len(run) == 14 and cnpj.is_valid(run))


def _value(values: Values, entity: str) -> tuple[str, str]:
    """(template key, value) for an entity."""
    if entity == "PHONE":
        national = values.rng.random() < 0.4
        return ("PHONE_NATIONAL" if national else "PHONE_INTL"), values.phone(national)
    maker: Callable[[], str] = getattr(values, entity.lower())
    return entity, maker()


ENTITIES = ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "ES_DNI", "ES_NIE", "AR_DNI",
            "AR_CUIT", "BR_CPF", "BR_CNPJ", "CL_RUT", "MX_CURP", "MX_RFC", "UK_NINO", "PASSPORT")


class Builder:
    """Assembles documents sentence by sentence, keeping the spans' offsets."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.values = Values(self.rng)
        self.negatives = Negatives(self.rng, self.values)

    def positive(self, language: str, entity: str) -> tuple[str, Span]:
        key, value = _value(self.values, entity)
        template = self.rng.choice(TEMPLATES[key][language])
        head, tail = template.split("{v}")
        return head + value + tail, Span(entity, len(head), len(head) + len(value))

    def document(self, ident: str, language: str, *, entities: tuple[str, ...] = ENTITIES,
                 pii: bool) -> Doc:
        parts: list[str] = []
        spans: list[Span] = []
        offset = 0
        count = self.rng.randint(2, 5)
        leak_at = {self.rng.randrange(count)} if pii else set()
        if pii and count > 2 and self.rng.random() < 0.3:
            leak_at.add(self.rng.randrange(count))
        for index in range(count):
            if index in leak_at:
                sentence, span = self.positive(language, self.rng.choice(entities))
                spans.append(Span(span.type, span.start + offset, span.end + offset))
            elif self.rng.random() < 0.6:
                sentence = self.negatives.pick(language)
            else:
                sentence = self.rng.choice(FILLER[language])
            parts.append(sentence)
            offset += len(sentence) + 1
        return Doc(ident, language, " ".join(parts), tuple(spans))


def generate(count: int, *, seed: int = 5) -> list[Doc]:
    """``count`` documents, about half with personal data, in EN, ES and PT in turn."""
    builder = Builder(seed)
    return [builder.document(f"doc-{n:06d}", LANGUAGES[n % 3], pii=builder.rng.random() < 0.5)
            for n in range(count)]


def calibration_records(entity: str, *, seed: int = 7, positives: int = 8,
                        negatives: int = 8) -> list[Doc]:
    """A detector's calibration set: per language, ``positives`` texts holding the entity and
    ``negatives`` hard negatives (texts with no personal data)."""
    builder = Builder(seed + ENTITIES.index(entity))
    slug = entity.lower()
    docs: list[Doc] = []
    for language in LANGUAGES:
        for n in range(positives):
            sentence, span = builder.positive(language, entity)
            filler = builder.rng.choice(FILLER[language])
            text = sentence + " " + filler
            docs.append(Doc(f"{slug}-{language}-p{n + 1:02d}", language, text, (span,)))
        for n in range(negatives):
            text = builder.negatives.pick(language)
            docs.append(Doc(f"{slug}-{language}-n{n + 1:02d}", language, text, ()))
    return docs


def write_calibration(folder: Path) -> None:
    """Write every detector's calibration dataset, ``<slug>.jsonl``, into ``folder``."""
    for entity in ENTITIES:
        lines = [json.dumps(doc.to_json(), ensure_ascii=False)
                 for doc in calibration_records(entity)]
        (folder / f"{entity.lower()}.jsonl").write_text("\n".join(lines) + "\n",
                                                        encoding="utf-8")


if __name__ == "__main__":  # python -m tests.pii.corpus evaluators/assay_evaluators/pii/data
    write_calibration(Path(sys.argv[1]))
