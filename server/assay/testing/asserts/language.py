"""Offline language detection for the ``language`` assert (py3langid: deterministic, no network)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

#: ISO 639-1 codes the offline detector (py3langid, deterministic, ships its model) knows.
SUPPORTED_LANGUAGES = (
    "af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy",
    "da", "de", "dz", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fo", "fr", "fy", "ga",
    "gd", "gl", "gu", "ha", "he", "hi", "hr", "ht", "hu", "hy", "id", "ig", "is", "it", "ja",
    "jv", "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lv",
    "mg", "mk", "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "oc", "om", "or",
    "pa", "pl", "ps", "pt", "qu", "ro", "ru", "rw", "sa", "se", "si", "sk", "sl", "sn", "so",
    "sq", "sr", "st", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "ug", "uk",
    "ur", "uz", "vi", "vo", "wa", "xh", "yo", "zh", "zu",
)
#: The detector's label for text with no linguistic content (numbers, symbols).
NO_LANGUAGE = "zxx"
#: Detection reads at most this much of an answer: plenty to tell a language.
DETECTION_CHARS = 10_000


@dataclass(frozen=True)
class DetectedLanguage:
    language: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([*SUPPORTED_LANGUAGES, NO_LANGUAGE])
    return identifier


def detect_language(text: str) -> DetectedLanguage | None:
    """The most likely ISO 639-1 language of ``text``, or None when it has no words."""
    sample = text[:DETECTION_CHARS]
    if not any(char.isalpha() for char in sample):
        return None
    language, confidence = _identifier().classify(sample)
    if language == NO_LANGUAGE:
        return None
    return DetectedLanguage(str(language), float(confidence))


def language_code_problem(code: str) -> tuple[str, str] | None:
    """Why ``code`` (already lower-cased) is no language the detector knows, with an error code."""
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        hint = f" (here {code[:2]!r})" if code[2:3] in ("-", "_") else ""
        return ("is not an ISO 639-1 code: give the two-letter language code, like en, es or "
                f"pt, without a region{hint}", "INVALID")
    if code not in SUPPORTED_LANGUAGES:
        return (f"is not a language the detector knows: use one of "
                f"{', '.join(SUPPORTED_LANGUAGES)}", "OUT_OF_RANGE")
    return None
