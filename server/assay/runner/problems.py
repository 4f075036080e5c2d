"""Problems found in a plan file, each located by its path (and line) in the file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Path = tuple[str, ...]


def dotted(path: Path) -> str:
    """``("cases", "3", "asserts", "0", "type")`` -> ``cases[3].asserts[0].type``."""
    text = ""
    for part in path:
        if part.isdigit():
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    #: 1-based line in the file; 0 when the problem is about the whole file.
    line: int = 0

    def render(self, file_name: str) -> str:
        where = f"{file_name}:{self.line}" if self.line else file_name
        field = dotted(self.path)
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


class PlanFileInvalid(Exception):
    """The plan file cannot run; every problem is listed, in file order."""

    def __init__(self, file_name: str, problems: Sequence[Problem]) -> None:
        self.file_name = file_name
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        head = ("1 problem" if count == 1 else f"{count} problems")
        lines = [f"{self.file_name} has {head}; fix the file and run again:"]
        lines += [f"  {problem.render(self.file_name)}" for problem in self.problems]
        return "\n".join(lines)


class Collector:
    """Gathers problems, locating each on its line through ``line_of``."""

    def __init__(self, line_of: Callable[[Path], int]) -> None:
        self.line_of = line_of
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str) -> None:
        self.problems.append(Problem(path, message, self.line_of(path)))
