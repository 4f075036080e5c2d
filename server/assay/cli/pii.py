"""assay pii scan: find personal data in texts, one JSON object per line.

``assay pii scan --input IN.jsonl --output OUT.jsonl`` reads lines ``{"id", "text"}`` and
writes, in the same order, lines ``{"id", "findings": [{"type", "start", "end", "score"}]}``
(character offsets into the text, end exclusive); ``-`` is standard input or output. Blank
lines are skipped. A line that is not such an object stops the scan with an error naming
its line number, and no output is written: the lines go to a temporary file that replaces
the output (or is copied to standard output) only once every line was scanned. Needs no
database and no server.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from assay.pii.scan import scan
from assay.settings import Settings

STDIO = "-"


class BadLine(Exception):
    """A line of the input that cannot be scanned; the message names it and says why."""


def register(sub: Any) -> None:
    parser = sub.add_parser("pii", help="find personal data in text")
    pii = parser.add_subparsers(dest="pii_command", required=True, metavar="ACTION")
    scanning = pii.add_parser(
        "scan", help="scan JSON lines {\"id\", \"text\"} for personal data",
        description="Reads JSON lines {\"id\", \"text\"}; writes {\"id\", \"findings\": "
        "[{\"type\", \"start\", \"end\", \"score\"}]} per line, offsets in characters, end "
        "exclusive. Nothing is written when a line is bad.")
    scanning.add_argument("--input", required=True, metavar="IN.jsonl",
                          help="the texts to scan (- for standard input)")
    scanning.add_argument("--output", required=True, metavar="OUT.jsonl",
                          help="where the findings go (- for standard output)")
    scanning.set_defaults(handler=scan_command)


def _record(raw: bytes, number: int) -> tuple[Any, str]:
    """The id and text of input line ``number`` (from 1)."""
    try:
        record = json.loads(raw.decode("utf-8").rstrip("\r\n"))
    except UnicodeDecodeError as exc:
        raise BadLine(f"line {number} is not UTF-8 ({exc.reason} at byte {exc.start}): "
                      "save the file as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BadLine(f"line {number} is not JSON ({exc.msg} at column {exc.colno}): write "
                      "one object per line, like {\"id\": \"a1\", \"text\": \"...\"}") from None
    if not isinstance(record, dict):
        raise BadLine(f"line {number} is not an object: write one object per line, like "
                      "{\"id\": \"a1\", \"text\": \"...\"}")
    ident = record.get("id")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        raise BadLine(f"line {number} has no \"id\" (a string or an integer): give each line "
                      "an id to match its findings with")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadLine(f"line {number} (id {ident!r}) has no \"text\" string: give the text "
                      "to scan as a JSON string")
    return ident, text


def _lines(source: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(source, start=1):
        if raw.strip():
            yield number, raw


def scan_lines(source: IO[bytes], sink: IO[str]) -> int:
    """Scan every line of ``source`` into ``sink``; returns how many lines were scanned."""
    count = 0
    for number, raw in _lines(source):
        ident, text = _record(raw, number)
        findings = [{"type": f.type, "start": f.start, "end": f.end, "score": f.score}
                    for f in scan(text)]
        sink.write(json.dumps({"id": ident, "findings": findings}, ensure_ascii=False) + "\n")
        count += 1
    return count


def _open_input(name: str) -> IO[bytes]:
    if name == STDIO:
        return sys.stdin.buffer
    try:
        return open(name, "rb")  # closed by the caller
    except OSError as exc:
        raise BadLine(f"cannot read the input {name!r}: {exc.strerror}") from None


def _temporary(output: str) -> tuple[IO[str], Path]:
    folder = Path(tempfile.gettempdir()) if output == STDIO else Path(output).resolve().parent
    try:
        handle, path = tempfile.mkstemp(prefix=".pii-scan-", suffix=".jsonl", dir=folder)
    except OSError as exc:
        raise BadLine(f"cannot write next to the output {output!r}: {exc.strerror}") from None
    return os.fdopen(handle, "w", encoding="utf-8", newline="\n"), Path(path)


def _deliver(path: Path, output: str) -> None:
    if output == STDIO:
        with path.open(encoding="utf-8") as written:
            shutil.copyfileobj(written, sys.stdout)
        sys.stdout.flush()
        path.unlink()
    else:
        os.replace(path, output)


def scan_command(args: argparse.Namespace, settings: Settings) -> int:
    temporary: Path | None = None
    try:
        source = _open_input(args.input)
        sink, temporary = _temporary(args.output)
        with sink:
            try:
                count = scan_lines(source, sink)
            finally:
                if source is not sys.stdin.buffer:
                    source.close()
        _deliver(temporary, args.output)
        temporary = None
    except BadLine as exc:
        print(f"assay: pii scan: {exc}; nothing was written", file=sys.stderr)
        return 2
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    if args.output != STDIO:
        print(f"scanned {count} line(s) into {args.output}", file=sys.stderr)
    return 0
