"""Test case documents: JSON, YAML and CSV parsing with line numbers, limits, and round trips."""

from __future__ import annotations

import json

import pytest

from assay.errors import Issue, ValidationFailed
from assay.testing.case_io import FORMATS, export_cases, parse_cases
from assay.testing.models import CaseMode, CaseStatus, Difficulty
from assay.testing.validation import CaseDraft, validate_case


def failure(text: str, fmt: str) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        parse_cases(text, fmt)
    return caught.value


def located(text: str, fmt: str) -> list[tuple[tuple[str, ...], str]]:
    return [(issue.path, issue.code) for issue in failure(text, fmt).issues]


def awkward_cases() -> list[CaseDraft]:
    return [
        validate_case({
            "title": 'Reembolso, "urgente" — ¿sí?',
            "input": "¿Puedo pedir un reembolso?\nGracias, señor.\r\nAdiós  \n",
            "expectedOutput": "Sí, dentro de 30 días.\n\n",
            "context": "Política; \"30 días\", sin excepciones.\ttab\u2028sep\x85nel",
            "tags": ["facturación", "a, b", "ñ"],
            "category": "Facturación",
            "difficulty": "EDGE_CASE",
            "language": "es-419",
            "status": "DRAFT",
            "asserts": [
                {"type": "regex", "pattern": r"\b30\s+días\b|'q'|\"x\"|[,;]",
                 "caseSensitive": True},
                {"type": "contains", "value": "reembolso,\n\"ok\"", "negate": True,
                 "description": "línea 2"},
                {"type": "json_path", "path": "a.0.b",
                 "value": {"yes": [1, 2.5, None, True, "no"]}},
                {"type": "json_schema", "schema": {"type": "object", "required": ["sí"]}},
                {"type": "language", "language": "es"},
            ],
        }),
        validate_case({
            "title": "yes",
            "turns": ["no", "  leading spaces", "1.0", "2024-01-01", "null", "- dash", "# hash",
                      "a: b", "{not json}", "=SUM(A1)", "trailing \n"],
            "expectedOutput": "🙂 emoji, 中文, עברית",
            "difficulty": "HARD",
        }),
        validate_case({"title": "plain", "input": "x", "tags": ["true", "0"]}),
    ]


# --------------------------------------------------------------------------- shapes and lines


def test_json_list_records_the_line_of_each_item() -> None:
    text = '[\n  {"title": "a", "input": "x"},\n\n  {\n    "title": "b",\n    "input": "y"\n  }\n]'

    drafts = parse_cases(text, "JSON")

    assert [(d.title, d.line) for d in drafts] == [("a", 2), ("b", 4)]


def test_json_object_form() -> None:
    text = (
        '{\n  "testCases": [\n'
        '    {"title": "a", "input": "x"}, {"title": "b", "turns": ["hi"]}\n'
        "  ]\n}"
    )

    drafts = parse_cases(text, "JSON")

    assert [(d.title, d.mode, d.line) for d in drafts] == [
        ("a", CaseMode.SIMPLE, 3), ("b", CaseMode.CONVERSATIONAL, 3)
    ]


def test_yaml_list_and_object_forms() -> None:
    listed = "# cases\n- title: a\n  input: x\n- title: b\n  input: |\n    two\n    lines\n"
    keyed = "testCases:\n  - title: a\n    input: x\n\n  - title: c\n    turns: [hi, there]\n"

    assert [(d.title, d.input, d.line) for d in parse_cases(listed, "YAML")] == [
        ("a", "x", 2), ("b", "two\nlines\n", 4)
    ]
    assert [(d.title, d.turns, d.line) for d in parse_cases(keyed, "YAML")] == [
        ("a", (), 2), ("c", ("hi", "there"), 5)
    ]


def test_csv_records_the_line_where_each_row_starts() -> None:
    text = (
        "title,input,tags,asserts\n"
        "a,x,,\n"
        "\n"
        '"b","two\nlines","[""t1""]","[{""type"": ""contains"", ""value"": ""x""}]"\n'
        "c,z,,\n"
    )

    drafts = parse_cases(text, "CSV")

    assert [(d.title, d.input, d.tags, d.line) for d in drafts] == [
        ("a", "x", (), 2), ("b", "two\nlines", ("t1",), 4), ("c", "z", (), 6)
    ]
    assert drafts[1].asserts == (
        {"type": "contains", "value": "x", "caseSensitive": False, "negate": False,
         "description": ""},
    )


def test_csv_from_a_spreadsheet() -> None:
    text = (
        "\ufeffTitle;Input;Expected_Output;Tags;Difficulty\r\n"
        "Hola;¿Qué tal?;Bien;es, saludo;easy\r\n"
    )

    drafts = parse_cases(text, "CSV")

    assert drafts == [validate_case({"title": "Hola", "input": "¿Qué tal?",
                                     "expectedOutput": "Bien", "tags": ["es", "saludo"],
                                     "difficulty": "EASY"})]
    assert drafts[0].line == 2


def test_csv_empty_cells_mean_defaults() -> None:
    text = "title,mode,input,turns,difficulty,language,status,asserts\nt,,hi,,,,,\n"

    assert parse_cases(text, "CSV")[0] == validate_case({"title": "t", "input": "hi"})


def test_format_names_are_forgiving_and_unknown_ones_refused() -> None:
    assert len(parse_cases('[{"title": "a", "input": "x"}]', "json")) == 1
    assert failure("[]", "XML").issues == [
        Issue(("format",), "'XML' is not a format: use one of JSON, YAML, CSV", "UNKNOWN_FORMAT")
    ]


# --------------------------------------------------------------------------- problems


def test_problems_are_collected_over_the_whole_file_with_lines() -> None:
    text = (
        "[\n"
        '  {"title": "ok", "input": "x"},\n'
        '  {"title": "", "input": "y",\n'
        '   "asserts": [{"type": "regex", "pattern": "("}]},\n'
        '  {"title": "c", "mode": "CONVERSATIONAL", "turns": []},\n'
        "  7\n"
        "]"
    )

    issues = failure(text, "JSON").issues

    assert issues == [
        Issue(("line", "3", "title"), "line 3: title is required: give the case a title of 1 to "
                                      "300 characters", "REQUIRED"),
        Issue(("line", "3", "asserts", "0", "pattern"),
              "line 3: asserts.0.pattern does not compile: missing ) at position 1; fix the "
              "regular expression (Python syntax)", "INVALID_REGEX"),
        Issue(("line", "5", "turns"), "line 5: turns is required for a CONVERSATIONAL case: "
                                      "give 1 to 50 user messages, in order", "REQUIRED"),
        Issue(("line", "6"), 'line 6: a test case must be an object with its fields, like '
                             '{"title": "Refund policy", "input": "Can I get a refund?"}',
              "INVALID"),
    ]


def test_yaml_and_csv_problems_name_their_lines() -> None:
    yaml_text = "- title: a\n  input: x\n- title: b\n  input: y\n  language: no\n  bogus: 1\n"
    csv_text = "title,input,difficulty\na,x,EASY\nb,,HARDER\n"

    assert located(yaml_text, "YAML") == [
        (("line", "3", "language"), "INVALID"),
        (("line", "3", "bogus"), "UNKNOWN_FIELD"),
    ]
    assert failure(yaml_text, "YAML").issues[0].message == (
        "line 3: language must be text: put it in quotes if it looks like a number, date or "
        "yes/no"
    )
    assert located(csv_text, "CSV") == [
        (("line", "3", "input"), "REQUIRED"),
        (("line", "3", "difficulty"), "INVALID"),
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "line", "start"),
    [
        ("JSON", '[\n  {"title": "a"},\n  {"title": "b" "input": "y"}\n]', 3,
         "line 3: the JSON is malformed: Expecting ',' delimiter (column 17)"),
        ("YAML", "- title: a\n  input: x\n- title: [b\n", 4,
         "line 4: the YAML is malformed: while parsing a flow sequence (from line 3)"),
        ("YAML", "- title: a\n   input: x\n", 2, "line 2: the YAML is malformed: "),
        ("CSV", 'title,input\na,x\nb,"unclosed\nc,z\n', 3,
         "line 3: the CSV is malformed in the row starting on this line: unexpected end of data"),
        ("CSV", 'title,input\na,"x"y\n', 2, "line 2: the CSV is malformed in the row starting "
         "on this line: ',' expected after '\"'"),
    ],
)
def test_syntax_errors_name_their_line(fmt: str, text: str, line: int, start: str) -> None:
    issues = failure(text, fmt).issues

    assert [(issue.path, issue.code) for issue in issues] == [(("line", str(line)), "SYNTAX")]
    assert issues[0].message.startswith(start)


@pytest.mark.parametrize(
    ("fmt", "text", "shape"),
    [
        ("JSON", "", 'a JSON list of test case objects, or {"testCases": [...]}'),
        ("JSON", "  []  ", 'a JSON list of test case objects, or {"testCases": [...]}'),
        ("JSON", '{"testCases": []}', 'a JSON list of test case objects, or {"testCases": [...]}'),
        ("YAML", "# nothing yet\n", "a YAML list of test case mappings, or a mapping with one "
                                    "key testCases holding that list"),
        ("YAML", "[]", "a YAML list of test case mappings, or a mapping with one key testCases "
                       "holding that list"),
        ("CSV", "title,input\n\n", "a header row naming the columns (title, mode, input, turns, "
                                   "expectedOutput, context, tags, category, difficulty, "
                                   "language, status, asserts), then one row per case"),
    ],
)
def test_empty_documents_say_what_shape_is_expected(fmt: str, text: str, shape: str) -> None:
    assert failure(text, fmt).issues == [
        Issue((), f"the document holds no test case: give {shape}", "EMPTY")
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "line", "message"),
    [
        ("JSON", '"cases"', 1, "expected a JSON list of test case objects, or "
                              '{"testCases": [...]}; found text'),
        ("JSON", '{"cases": []}', 1, "the document must hold one key, 'testCases', with the list "
                                     "of test cases; it has 'cases'"),
        ("JSON", '\n{"testCases": {"title": "a"}}', 2, "testCases must be a list of test case "
                                                       "objects; found an object"),
        ("JSON", '{"testCases": [], "testCases": [{"title": "a"}]}', 1,
         "'testCases' is given more than once: keep one list"),
        ("YAML", "testCases:\n", 1, "testCases must be a list of test cases; found nothing"),
        ("YAML", "title: a\ninput: x\n", 1, "the document must hold one key, 'testCases', with "
                                            "the list of test cases; it has 'title', 'input'"),
    ],
)
def test_wrong_document_shapes(fmt: str, text: str, line: int, message: str) -> None:
    assert failure(text, fmt).issues == [
        Issue(("line", str(line)), f"line {line}: {message}", "SHAPE")
    ]


def test_repeated_keys_are_reported_not_silently_dropped() -> None:
    json_text = '[\n {"title": "a", "input": "x", "title": "b"}\n]'
    yaml_text = (
        "- title: a\n  input: x\n  asserts:\n  - type: contains\n    value: a\n    value: b\n"
    )

    assert failure(json_text, "JSON").issues == [
        Issue(("line", "2"), "line 2: the key 'title' is given more than once in this case: "
                             "keep one", "DUPLICATE_KEY")
    ]
    assert failure(yaml_text, "YAML").issues == [
        Issue(("line", "1"), "line 1: the key 'value' is given more than once in the mapping "
                             "at line 4: keep one", "DUPLICATE_KEY")
    ]


def test_yaml_aliases_are_refused() -> None:
    text = "- &base\n  title: a\n  input: x\n- title: b\n  input: *base\n"

    assert failure(text, "YAML").issues == [
        Issue(("line", "5"), "line 5: YAML aliases (*name) are not supported: write the value "
                             "out in full", "SYNTAX")
    ]


def test_yaml_refuses_python_objects() -> None:
    text = "- title: !!python/object/apply:os.system ['echo hi']\n  input: x\n"

    assert located(text, "YAML") == [(("line", "1"), "SYNTAX")]


def test_csv_header_and_cell_problems() -> None:
    text = (
        "title,input,tags,Expected Output,bogus,title\n"
        "a,x,\"[\"\"t\"\"\",,1,\n"
        "b,y\n"
    )

    issues = failure(text, "CSV").issues

    assert [(i.path, i.code) for i in issues] == [
        (("line", "1", "bogus"), "UNKNOWN_FIELD"),
        (("line", "1", "title"), "DUPLICATE_COLUMN"),
        (("line", "2", "tags"), "INVALID"),
        (("line", "3"), "CELL_COUNT"),
    ]
    assert issues[2].message == (
        'line 2: tags is not a JSON array: Expecting \',\' delimiter (character 5); write it '
        'like ["billing", "refunds"]'
    )
    assert issues[3].message == (
        "line 3: has 2 cells but the header has 6: quote cells that contain the delimiter, a "
        "quote or a line break"
    )


def test_csv_cells_under_an_unnamed_column() -> None:
    assert len(parse_cases("title,input,,\na,x,,\n", "CSV")) == 1
    assert located("title,input,\na,x,oops\n", "CSV") == [(("line", "2"), "UNKNOWN_FIELD")]


# --------------------------------------------------------------------------- limits


def test_at_most_5000_cases() -> None:
    rows = "".join(f"case {i},question {i}\n" for i in range(5001))

    assert len(parse_cases("title,input\n" + rows.split("case 5000")[0], "CSV")) == 5000
    assert failure("title,input\n" + rows, "CSV").issues == [
        Issue((), "the document holds 5,001 test cases: import at most 5,000 at once; split it",
              "TOO_MANY")
    ]


def test_at_most_5_mb() -> None:
    text = json.dumps([{"title": "t", "input": "é" * 19_000}] * 150, ensure_ascii=False)

    assert len(text.encode()) > 5 * 1024 * 1024 > len(text)
    assert failure(text, "JSON").issues == [
        Issue((), "the document is 5.4 MB: import at most 5 MB at once; split it", "TOO_LARGE")
    ]


def test_issue_lists_are_capped() -> None:
    rows = "".join(f",question {i}\n" for i in range(1200))

    issues = failure("title,input\n" + rows, "CSV").issues

    assert len(issues) == 1001
    assert issues[999].path == ("line", "1001", "title")
    assert issues[1000] == Issue((), "200 more problems are not listed: fix these and import "
                                     "again", "TRUNCATED")


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_parses_back_to_equal_drafts(fmt: str) -> None:
    cases = awkward_cases()

    text = export_cases(cases, fmt)

    assert parse_cases(text, fmt) == cases


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_an_import_is_stable(fmt: str) -> None:
    text = export_cases(awkward_cases(), fmt)

    assert export_cases(parse_cases(text, fmt), fmt) == text


def test_csv_export_layout() -> None:
    case = validate_case({"title": "Refund, please", "input": 'He said "now"', "tags": ["a"],
                          "asserts": [{"type": "max_length", "max": 9}]})

    assert export_cases([case], "CSV") == (
        "title,mode,input,turns,expectedOutput,context,tags,category,difficulty,language,status,"
        "asserts\r\n"
        '"Refund, please",SIMPLE,"He said ""now""",,,,"[""a""]",,MEDIUM,en,ACTIVE,'
        '"[{""type"": ""max_length"", ""max"": 9, ""negate"": false, ""description"": """"}]"'
        "\r\n"
    )


def test_json_and_yaml_export_layout() -> None:
    case = validate_case({"title": "Hola", "input": "¿Qué tal?\nBien", "tags": ["es"],
                          "difficulty": "EASY", "language": "es", "status": "DRAFT"})

    assert json.loads(export_cases([case], "JSON")) == {"testCases": [case.to_raw()]}
    assert export_cases([case], "YAML") == (
        "testCases:\n"
        "- title: Hola\n"
        "  mode: SIMPLE\n"
        "  input: |-\n"
        "    ¿Qué tal?\n"
        "    Bien\n"
        "  turns: []\n"
        "  expectedOutput: ''\n"
        "  context: ''\n"
        "  tags:\n"
        "  - es\n"
        "  category: ''\n"
        "  difficulty: EASY\n"
        "  language: es\n"
        "  status: DRAFT\n"
        "  asserts: []\n"
    )


def test_imported_drafts_keep_their_content_types() -> None:
    drafts = parse_cases(export_cases(awkward_cases(), "YAML"), "YAML")

    assert (drafts[1].mode, drafts[1].difficulty, drafts[1].status) == (
        CaseMode.CONVERSATIONAL, Difficulty.HARD, CaseStatus.ACTIVE
    )
    assert drafts[2].tags == ("true", "0")
