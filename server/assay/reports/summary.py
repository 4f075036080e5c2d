"""The AI-written summary of a report: findings and recommendations by the organization's
judge, in English or Spanish, with every number inserted from the report's own figures.

A model asked to restate figures gets some wrong, so it is never given one. The prompt
states the report's facts with named placeholders (``{{pass_rate}}``,
``{{evaluator.tone.mean}}``, see :mod:`assay.reports.summary_figures`), the model writes
prose using those placeholders only, and this module:

- refuses a reply that writes any digit outside a placeholder, names an unknown
  placeholder, or is not the JSON asked for: it says what is wrong and asks again (at most
  :data:`REPAIRS` times), then gives up with a MALFORMED judge error;
- substitutes the real values, formatted for the language (es: "85,0 %", "0,81").

The summary is written once per report and language and kept (``ReportSummary``): asking
again returns it without calling the judge, so it reads the same later, like the report.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.errors import Conflict, invalid
from assay.judging.configurations import open_judge
from assay.judging.models import JudgeConfiguration
from assay.reports.models import Report, ReportSummary
from assay.reports.summary_figures import Language, Material, material, written
from assay.settings import Settings
from assay_sdk.judges import RETRYABLE, Completion, Judge, JudgeError, JudgeRequest
from assay_sdk.verdicts import first_json_object

#: Languages a summary is written in, and how the prompt names them.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Spanish (as written in Spain)"}
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 5
#: Follow-ups sent after an unusable reply before giving up.
REPAIRS = 2
MAX_TOKENS = 2000
#: The longest paragraph and evaluator analysis accepted (characters).
MAX_PARAGRAPH = 1500
MAX_ANALYSIS = 600

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")
_DIGIT = re.compile(r"\d")
#: A percent sign after a placeholder (its value already carries the unit) is dropped.
_DOUBLE_UNIT = re.compile(r"(\{\{[^{}]*\}\})\s*%")
TARGET = "Report"

SYSTEM_PROMPT = """You are a senior QA analyst. You write the summary of an evaluation \
report of an AI agent (a chatbot) for the team that builds the agent and for its QA lead.

Answer with one JSON object and nothing else, in this shape:
{"paragraphs": ["...", "...", "..."], "evaluators": {"<evaluator key>": "..."}}

- "paragraphs": three to five paragraphs of plain prose (no Markdown, no lists, no \
headings). Begin with the findings: the verdict, the strongest and the weakest areas, \
errors, personal data, and the changes since the baseline when there is one. End with \
concrete recommendations: what to fix first in the agent and what to test next.
- "evaluators": an entry for every evaluator key you are given: one or two sentences that \
analyse that evaluator's results.

Numbers: NEVER write a number yourself: no digits, no percentages, no figures in words \
(such as "three", "half" or "eighty percent"). Every figure is given as a placeholder in \
double braces, such as {{pass_rate}}: copy the placeholder exactly where the figure \
belongs; it is replaced by its value, already formatted and with its unit, so never add a \
unit or a percent sign after it. Use only the placeholders that appear in the facts. Do \
not invent facts or figures that are not given. Case titles are placeholders too: refer \
to a case by its placeholder, such as {{case.1}}."""


class Unusable(ValueError):
    """The reply cannot be used; ``problem`` says why, for the follow-up to the model."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Template:
    """The model's text, placeholders still in it."""

    paragraphs: list[str]
    evaluators: dict[str, str]


def checked_language(language: str) -> Language:
    code = language.strip().lower()
    if code not in LANGUAGES:
        raise invalid("language", f"{language!r} is not a summary language: choose one of "
                      f"{', '.join(LANGUAGES)}", "UNSUPPORTED_LANGUAGE")
    return cast(Language, code)


def build_request(facts: Material, language: Language, temperature: float) -> JudgeRequest:
    """The question: the facts with placeholders, never a value."""
    lines = "\n".join(f"- {fact}" for fact in facts.facts)
    keys = ", ".join(f'"{slug}" ({title})' for slug, title in facts.evaluators.items())
    names = ", ".join("{{" + name + "}}" for name in [*facts.figures, *facts.names])
    prompt = (f"Write the summary in {LANGUAGES[language]}: every paragraph and every "
              f"evaluator analysis.\n\nFacts about the report:\n{lines}\n\n"
              f"Evaluator keys (each needs an entry in \"evaluators\"): {keys or 'none'}.\n\n"
              f"Placeholders you may use: {names}.")
    return JudgeRequest(system=SYSTEM_PROMPT, prompt=prompt, temperature=temperature,
                        max_tokens=MAX_TOKENS)


def read_reply(text: str, facts: Material) -> Template:
    """The model's reply as a template, or Unusable saying what to fix."""
    data = first_json_object(text)
    if data is None:
        raise Unusable("the reply holds no JSON object")
    paragraphs = data.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(
            isinstance(p, str) and p.strip() for p in paragraphs):
        raise Unusable('"paragraphs" must be a list of non-empty strings')
    if not MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS:
        raise Unusable(f'"paragraphs" must hold three to five paragraphs, not {len(paragraphs)}')
    analyses = data.get("evaluators")
    if not isinstance(analyses, dict):
        raise Unusable('"evaluators" must be an object with an entry per evaluator key')
    missing = [slug for slug in facts.evaluators
               if not (isinstance(analyses.get(slug), str) and analyses[slug].strip())]
    if missing:
        raise Unusable(f'"evaluators" has no analysis for: {", ".join(missing)}')
    template = Template([_tidy(p) for p in paragraphs],
                        {slug: _tidy(analyses[slug]) for slug in facts.evaluators})
    problems = [*_problems(template.paragraphs, facts, MAX_PARAGRAPH, "a paragraph"),
                *_problems(list(template.evaluators.values()), facts, MAX_ANALYSIS,
                           "an evaluator analysis")]
    if problems:
        raise Unusable("; ".join(problems))
    return template


def _tidy(text: str) -> str:
    return " ".join(_DOUBLE_UNIT.sub(r"\1", text).split())


def _problems(texts: list[str], facts: Material, limit: int, what: str) -> list[str]:
    problems = []
    for text in texts:
        unknown = sorted({m.group(1) for m in PLACEHOLDER.finditer(text)}
                         - set(facts.figures) - set(facts.names))
        if unknown:
            problems.append(f"{what} uses placeholders that do not exist: "
                            + ", ".join("{{" + u + "}}" for u in unknown))
        stray = stray_numbers(text)
        if stray:
            problems.append(f"{what} writes numbers itself ({', '.join(stray)}): write every "
                            "figure as its placeholder")
        if len(text) > limit:
            problems.append(f"{what} is too long: keep it under {limit} characters")
    return problems


def stray_numbers(text: str) -> list[str]:
    """The fragments of ``text`` that hold a digit outside a placeholder (quoted)."""
    bare = PLACEHOLDER.sub(" ", text)
    found = []
    for match in _DIGIT.finditer(bare):
        start, end = match.start(), match.end()
        while start > 0 and not bare[start - 1].isspace():
            start -= 1
        while end < len(bare) and not bare[end].isspace():
            end += 1
        fragment = f'"{bare[start:end]}"'
        if fragment not in found:
            found.append(fragment)
    return found[:5]


def fill(template: Template, facts: Material, language: Language) -> dict[str, Any]:
    """The summary with every placeholder replaced by its value (or case title)."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        figure = facts.figures.get(name)
        return written(figure, language) if figure is not None else facts.names[name]

    return {"paragraphs": [PLACEHOLDER.sub(value, p) for p in template.paragraphs],
            "evaluators": {slug: PLACEHOLDER.sub(value, text)
                           for slug, text in template.evaluators.items()}}


def follow_up(problem: str) -> str:
    return (f"That reply cannot be used: {problem}. Answer again with the whole JSON object "
            "only, following every instruction; write no digit: figures only as the "
            "placeholders given.")


async def write_summary(judge: Judge, snapshot: Mapping[str, Any], language: Language,
                        temperature: float = 0.0) -> tuple[dict[str, Any], str]:
    """Ask ``judge`` for the summary of ``snapshot``: (its text, the model that wrote it).

    Raises:
        JudgeError: the provider failed (after retries), or MALFORMED when no reply was
            usable after :data:`REPAIRS` follow-ups.
    """
    facts = material(snapshot)
    question = build_request(facts, language, temperature)
    problem = ""
    for _ in range(REPAIRS + 1):
        completion = await _complete(judge, question)
        try:
            template = read_reply(completion.text, facts)
        except Unusable as exc:
            problem = exc.problem
            shown = completion.text if completion.text.strip() else "(empty reply)"
            question = replace(question, repairs=(*question.repairs,
                                                  (shown, follow_up(problem))))
            continue
        text = fill(template, facts, language)
        text["template"] = {"paragraphs": template.paragraphs,
                            "evaluators": template.evaluators}
        return text, completion.model or judge.model
    raise JudgeError("MALFORMED", f"the judge's model {judge.model!r} wrote no usable "
                     f"summary in {REPAIRS + 1} replies (the last: {problem}): ask again, or "
                     "choose a model that follows JSON instructions (updateJudge)")


async def _complete(judge: Judge, question: JudgeRequest) -> Completion:
    """One completion, retried after a wait on rate limits, timeouts and 5xx."""
    attempts = max(judge.settings.max_attempts, 1)
    for attempt in range(1, attempts + 1):
        try:
            return await judge.complete(question)
        except JudgeError as exc:
            if exc.code not in RETRYABLE or attempt == attempts:
                raise
            await asyncio.sleep(judge.wait_s(attempt, exc.retry_after))
    raise AssertionError("unreachable: the last attempt returns or raises")


async def summarise(report: Report, language: str, configuration: JudgeConfiguration | None,
                    settings: Settings) -> dict[str, Any]:
    """The report's summary in ``language``: the kept one when it exists (no judge call),
    else one written now by the judge of ``configuration`` and kept.

    Returns the summary as the HTML and PDF exports take it (``paragraphs``, ``evaluators``,
    ``language``, ``model``) plus ``created_at`` and ``cached``.

    Raises:
        ValidationFailed: UNSUPPORTED_LANGUAGE.
        Conflict: JUDGE_NOT_CONFIGURED when a summary must be written and there is no judge.
        JudgeError: the judge failed (its code and a message that says what to do).
    """
    code = checked_language(language)
    kept = await ReportSummary.filter(report_id=report.id, language=code).first()
    if kept is not None:
        await _record(report, kept, cached=True)
        return shown(kept, cached=True)
    if configuration is None:
        raise Conflict("an AI summary is written by the organization's judge (an LLM), and "
                       "this organization has none: configure one with the configureJudge "
                       "mutation (provider, model, API key), then ask again",
                       "JUDGE_NOT_CONFIGURED")
    judge = await open_judge(configuration, settings)
    try:
        text, model = await write_summary(judge, report.snapshot, code,
                                          configuration.temperature)
    finally:
        await judge.aclose()
    row, created = await _keep(report, code, text, model)
    await _record(report, row, cached=not created)
    return shown(row, cached=not created)


async def _keep(report: Report, language: str, text: dict[str, Any],
                model: str) -> tuple[ReportSummary, bool]:
    """Store the summary; when a concurrent request stored one first, that one wins."""
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            row = await ReportSummary.create(project_id=report.project_id,
                                             report_id=report.id, language=language,
                                             text=text, model=model[:200])
        return row, True
    except IntegrityError:
        kept = await ReportSummary.filter(report_id=report.id, language=language).first()
        if kept is None:
            raise
        return kept, False


async def _record(report: Report, row: ReportSummary, *, cached: bool) -> None:
    await audit.record("report.summarise", target_type=TARGET, target_id=report.id,
                       details={"language": row.language, "model": row.model,
                                "cached": cached})


def shown(row: ReportSummary, *, cached: bool) -> dict[str, Any]:
    text = row.text if isinstance(row.text, dict) else {}
    return {"paragraphs": list(text.get("paragraphs") or []),
            "evaluators": dict(text.get("evaluators") or {}),
            "language": row.language, "model": row.model, "created_at": row.created_at,
            "cached": cached}
