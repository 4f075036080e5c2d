"""PII detectors: plugins that find personal data in text.

A detector is registered under the ``assay.pii_detectors`` entry-point group; the entry
point's name is its slug (``email``, ``es_dni``...). It finds one kind of entity
(:attr:`PiiDetector.entity`, e.g. ``ES_DNI``) in English, Spanish and Portuguese text and
reports character offsets (end exclusive) with a score in [0, 1]. The host runs every
detector over a text and resolves overlaps between them.

Every detector ships ``calibration.jsonl`` next to its module: labelled texts
``{"id", "language", "text", "spans": [{"type", "start", "end"}]}`` with hard negatives
(texts that look like the entity but are not), on which ``assay calibrate`` reports
precision and recall.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from typing import ClassVar

from assay_sdk.version import API_VERSION


@dataclass(frozen=True, kw_only=True, order=True)
class PiiFinding:
    """One piece of personal data found in a text."""

    start: int
    #: Exclusive.
    end: int
    #: The entity type, e.g. "EMAIL", "ES_DNI".
    type: str
    #: Confidence in [0, 1]: a valid checksum with context words scores highest.
    score: float
    #: The slug of the detector that found it.
    detector: str = ""


class PiiDetector(abc.ABC):
    """Finds one kind of personal data (stateless; one instance serves every text)."""

    #: The slug; equals the entry-point name.
    name: ClassVar[str]
    #: Bump whenever what it finds can change.
    version: ClassVar[str]
    api_version: ClassVar[int] = API_VERSION
    #: The entity type it reports, e.g. "CREDIT_CARD".
    entity: ClassVar[str]
    #: The languages whose context words it knows (ISO 639-1).
    languages: ClassVar[tuple[str, ...]] = ("en", "es", "pt")
    #: The package holding its data files; defaults to the module the class is defined in.
    data_package: ClassVar[str | None] = None

    @abc.abstractmethod
    def detect(self, text: str) -> list[PiiFinding]:
        """Every occurrence of the entity in ``text``, in order of ``start``.

        Must be fast (the host scans every answer of every run) and must never raise on
        any text.
        """


def mask(value: str, *, keep: int = 2) -> str:
    """A value with all but its last ``keep`` letters and digits replaced by "•"
    (separators kept), so a stored finding shows its shape and never the data."""
    visible = sum(1 for c in value if c.isalnum())
    shown = 0
    out = []
    for char in value:
        if char.isalnum():
            shown += 1
            out.append(char if shown > visible - keep else "•")
        else:
            out.append(char)
    return "".join(out)
