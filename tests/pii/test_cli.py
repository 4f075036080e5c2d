"""`assay pii scan`: JSON lines in, findings out, run as a separate process with no database
and no server; a bad line stops it with nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.server_process import REPO

INPUT: list[dict[str, object]] = [
    {"id": "a1", "text": "Escríbeme a ana@example.com o llama al +34 612 345 678."},
    {"id": 2, "text": "Nothing personal here, just order #4111111111111111."},
    {"id": "ç3", "text": "Seu CPF é 123.456.789-09 e o cartão 4111 1111 1111 1111."},
]
OUTPUT = [
    '{"id": "a1", "findings": [{"type": "EMAIL", "start": 12, "end": 27, "score": 0.9}, '
    '{"type": "PHONE", "start": 39, "end": 54, "score": 0.95}]}',
    '{"id": 2, "findings": []}',
    '{"id": "ç3", "findings": [{"type": "BR_CPF", "start": 10, "end": 24, "score": 0.95}, '
    '{"type": "CREDIT_CARD", "start": 36, "end": 55, "score": 0.98}]}',
]


def assay(*args: str, data_dir: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """``assay ARGS`` with no database configured: the command must not need one."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("DATABASE_", "REDIS_", "ASSAY_"))}
    env["ASSAY_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "assay.cli", *args], env=env, cwd=REPO,
                          input=stdin, capture_output=True, timeout=120)


def jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def test_scan_writes_one_line_of_findings_per_input_line(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(jsonl(INPUT[:2]) + b"\n   \n" + jsonl(INPUT[2:]))

    done = assay("pii", "scan", "--input", str(source), "--output", str(target),
                 data_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == "".join(line + "\n" for line in OUTPUT)
    assert done.stderr.decode() == f"scanned 3 line(s) into {target}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_scan_reads_stdin_and_writes_stdout(tmp_path: Path) -> None:
    done = assay("pii", "scan", "--input", "-", "--output", "-", data_dir=tmp_path,
                 stdin=jsonl(INPUT))

    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == "".join(line + "\n" for line in OUTPUT)
    assert done.stderr == b""


def test_a_bad_line_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    target.write_text("the previous output\n")
    source.write_bytes(jsonl(INPUT[:2]) + b'{"id": "x", "text": 42}\n' + jsonl(INPUT[2:]))

    done = assay("pii", "scan", "--input", str(source), "--output", str(target),
                 data_dir=tmp_path)

    assert done.returncode == 2
    assert done.stderr.decode() == (
        "assay: pii scan: line 3 (id 'x') has no \"text\" string: give the text to scan as a "
        "JSON string; nothing was written\n")
    assert target.read_text() == "the previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_bad_lines_of_every_kind_say_what_to_fix(tmp_path: Path) -> None:
    cases = {
        b'{"id": "a", "text": "x"}\n{"id": "b", "text": \n': "line 2 is not JSON (Expecting "
        "value at column 21): write one object per line, like {\"id\": \"a1\", \"text\": \"...\"}",
        b'["a", "b"]\n': "line 1 is not an object: write one object per line, like "
        "{\"id\": \"a1\", \"text\": \"...\"}",
        b'{"text": "x"}\n': "line 1 has no \"id\" (a string or an integer): give each line an "
        "id to match its findings with",
        b'{"id": "a", "text": "\xff"}\n': "line 1 is not UTF-8 (invalid start byte at byte 21): "
        "save the file as UTF-8",
    }
    for given, message in cases.items():
        done = assay("pii", "scan", "--input", "-", "--output", "-", data_dir=tmp_path,
                     stdin=given)

        assert (done.returncode, done.stdout) == (2, b"")
        assert done.stderr.decode() == f"assay: pii scan: {message}; nothing was written\n"


def test_a_missing_input_file_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"

    done = assay("pii", "scan", "--input", str(tmp_path / "nope.jsonl"), "--output",
                 str(target), data_dir=tmp_path)

    assert done.returncode == 2
    assert done.stderr.decode() == (f"assay: pii scan: cannot read the input "
                                    f"'{tmp_path / 'nope.jsonl'}': No such file or directory; "
                                    "nothing was written\n")
    assert not target.exists()
