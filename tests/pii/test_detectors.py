"""Every entity found in English, Spanish and Portuguese sentences with its exact offsets,
and what only looks like one (failed checksums, missing context) left alone."""

from __future__ import annotations

import pytest

from assay.pii import scan

#: (entity, the value, a sentence per language holding it once).
FOUND = [
    ("EMAIL", "ana.perez@example.com", (
        "You can write to ana.perez@example.com any time.",
        "Escríbenos a ana.perez@example.com y te respondemos.",
        "Mande um e-mail para ana.perez@example.com hoje.")),
    ("PHONE", "+34 612 345 678", (
        "Our number is +34 612 345 678, open all day.",
        "El número de la tienda es +34 612 345 678.",
        "O número da loja é +34 612 345 678.")),
    ("PHONE", "(11) 96123-4567", (
        "Call (11) 96123-4567 in the morning.",
        "Su celular es (11) 96123-4567.",
        "Meu celular é (11) 96123-4567.")),
    ("PHONE", "612 345 678", (
        "Call me at 612 345 678 after five.",
        "Mi teléfono es 612 345 678.",
        "Meu telefone é 612 345 678.")),
    ("CREDIT_CARD", "4111 1111 1111 1111", (
        "The card 4111 1111 1111 1111 was charged.",
        "Tu tarjeta 4111 1111 1111 1111 fue rechazada.",
        "O cartão 4111 1111 1111 1111 foi aprovado.")),
    ("CREDIT_CARD", "378282246310005", (
        "Payment with 378282246310005 went through.",
        "El cobro se hizo a 378282246310005 ayer.",
        "A cobrança foi feita em 378282246310005 ontem.")),
    ("IBAN", "ES91 2100 0418 4502 0005 1332", (
        "Please transfer the refund to ES91 2100 0418 4502 0005 1332 today.",
        "Haz la transferencia a ES91 2100 0418 4502 0005 1332 hoy.",
        "Transfira para ES91 2100 0418 4502 0005 1332 hoje.")),
    ("IBAN", "DE89370400440532013000", (
        "Your IBAN is DE89370400440532013000.",
        "Tu IBAN es DE89370400440532013000.",
        "O IBAN é DE89370400440532013000.")),
    ("US_SSN", "536-22-8714", (
        "Your SSN 536-22-8714 is on file.",
        "Su número de seguro social es 536-22-8714.",
        "O SSN informado é 536-22-8714.")),
    ("ES_DNI", "12345678Z", (
        "The customer's ID 12345678Z was checked.",
        "Tu DNI es 12345678Z, ya está validado.",
        "O documento 12345678Z foi conferido.")),
    ("ES_NIE", "X1234567L", (
        "Your NIE X1234567L has been registered.",
        "Su NIE es X1234567L.",
        "O NIE X1234567L foi aceito.")),
    ("AR_DNI", "30.123.456", (
        "Her DNI is 30.123.456.",
        "El número de documento 30.123.456 está registrado.",
        "O DNI argentino 30.123.456 foi conferido.")),
    ("AR_CUIT", "20-12345678-6", (
        "Invoice issued to CUIT 20-12345678-6.",
        "Tu CUIL es 20-12345678-6.",
        "O CUIT 20-12345678-6 foi informado.")),
    ("BR_CPF", "123.456.789-09", (
        "The customer's CPF is 123.456.789-09.",
        "El CPF 123.456.789-09 fue validado.",
        "Seu CPF é 123.456.789-09.")),
    ("BR_CNPJ", "11.222.333/0001-81", (
        "The supplier's CNPJ is 11.222.333/0001-81.",
        "La empresa 11.222.333/0001-81 está activa.",
        "O CNPJ da empresa é 11.222.333/0001-81.")),
    ("CL_RUT", "12.345.678-5", (
        "Your RUT is 12.345.678-5.",
        "El RUN 12.345.678-5 está registrado.",
        "O titular 12.345.678-5 foi conferido.")),
    ("MX_CURP", "BOXW310820HNERXN09", (
        "Your CURP is BOXW310820HNERXN09.",
        "Se validó la clave BOXW310820HNERXN09 en RENAPO.",
        "O registro BOXW310820HNERXN09 foi encontrado.")),
    ("MX_RFC", "GODE561231GR8", (
        "The RFC on the invoice is GODE561231GR8.",
        "Facturamos a nombre de GODE561231GR8.",
        "A fatura sai para GODE561231GR8.")),
    ("UK_NINO", "AB 12 34 56 C", (
        "Your National Insurance number is AB 12 34 56 C.",
        "El NINO AB 12 34 56 C está registrado.",
        "O NINO AB 12 34 56 C confere.")),
    ("PASSPORT", "XDA123456", (
        "Your passport number is XDA123456.",
        "Tu pasaporte es el XDA123456.",
        "Seu passaporte é XDA123456.")),
]


def found(text: str) -> list[tuple[str, int, int]]:
    return [(f.type, f.start, f.end) for f in scan(text)]


@pytest.mark.parametrize(("entity", "value", "text"),
                         [(e, v, t) for e, v, texts in FOUND for t in texts])
def test_each_entity_is_found_with_its_exact_offsets(entity: str, value: str, text: str) -> None:
    start = text.index(value)

    assert found(text) == [(entity, start, start + len(value))]
    assert text[start:start + len(value)] == value


def test_offsets_are_characters_and_end_is_exclusive() -> None:
    text = "Ñandú: 12345678Z"

    assert found(text) == [("ES_DNI", 7, 16)]


def test_several_entities_in_one_answer_come_in_text_order() -> None:
    text = ("Escríbeme a ana@example.com, mi DNI es 12345678Z y mi tarjeta "
            "5500-0000-0000-0004; llámame al +54 9 11 2345-6789.")

    assert found(text) == [("EMAIL", 12, 27), ("ES_DNI", 39, 48), ("CREDIT_CARD", 62, 81),
                           ("PHONE", 94, 112)]


def test_checksum_and_context_score_highest_then_checksum_then_context_only() -> None:
    with_context = scan("Tu DNI es 12345678Z.")
    alone = scan("Registramos a 12345678Z como titular.")
    context_only = scan("Her DNI is 30.123.456.")

    assert [f.score for f in with_context] == [0.95]
    assert [f.score for f in alone] == [0.85]
    assert [f.score for f in context_only] == [0.5]


NOT_FOUND = [
    # dates, times and timestamps
    "Your delivery is scheduled for 2024-03-15.",
    "La entrega está prevista para el 15/03/2024.",
    "A entrega está prevista para 15.03.2024 10:30.",
    "We shipped it at 2024-03-15T10:30:00Z.",
    "The event timestamp is 1710441234567.",
    "El timestamp del evento es 1710441234.",
    # order, invoice, tracking and reference numbers
    "Your order #12345678Z has shipped.",
    "Tu pedido nº 4111111111111111 ya salió.",
    "Segue a nota fiscal 123.456.789-09.",
    "The tracking number is 536-22-8714.",
    "Usa la referencia 20-12345678-6 al pagar.",
    # failed checksums
    "Tu DNI es 12345678A.",
    "Su NIE es X1234567A.",
    "Seu CPF é 123.456.789-00.",
    "O CNPJ da empresa é 11.222.333/0001-82.",
    "The card 4111 1111 1111 1112 was declined.",
    "Your IBAN is ES92 2100 0418 4502 0005 1332.",
    "Tu CUIL es 20-12345678-0.",
    "Tu RUT es 12.345.678-9.",
    "Tu CURP es BOXW310820HNERXN08.",
    "Tu RFC es GODE561231GR9.",
    # numbers no one issues
    "Your SSN 000-12-3456 is on file.",
    "Your SSN 666-12-3456 is on file.",
    "Your SSN 912-12-3456 is on file.",
    "Your National Insurance number is ZZ 12 34 56 A.",
    # formats that need a context word, without one
    "We counted 30.123.456 visits this year.",
    "The model X12345678 is back in stock.",
    "El modelo 612 345 678 vuelve a estar disponible.",
    "Foram 536228714 visitas neste trimestre.",
    # a context word in another sentence does not count
    "Her DNI is on file. We counted 30.123.456 visits.",
    # prices, versions, placeholders, file names
    "The total comes to $1,299.99 or 1.299,00 €.",
    "O total é de R$ 12.345.678,90.",
    "Please update the app to version 12.34.567.",
    "The card 0000 0000 0000 0000 is a placeholder.",
    "Use logo@2x.png on retina screens.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_hard_negatives_are_not_reported(text: str) -> None:
    assert found(text) == []


def test_an_invalid_cpf_that_is_a_valid_cuit_is_not_reported_as_a_cuit() -> None:
    # 23610779816 fails the CPF check but passes the CUIT one; "CPF" says what it is
    assert found("The CPF 23610779816 could not be validated.") == []
    assert found("Tu CUIT es 23610779816.") == [("AR_CUIT", 11, 22)]


def test_hostile_text_never_raises() -> None:
    texts = ["", "\x00\x01\x02", "\ud800 12345678Z \udfff", "@" * 10_000,
             "1" * 100_000, "+" + "1 " * 5_000, "A" * 50_000 + "12345678Z"]

    results = [found(text) for text in texts]

    assert results == [[], [], [("ES_DNI", 2, 11)], [], [], [], []]
