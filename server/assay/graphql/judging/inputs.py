"""Inputs of the judge mutations."""

from __future__ import annotations

import strawberry

from assay.graphql.connections.inputs import SecretValue
from assay.judging.configurations import JudgeChanges, JudgeSpec


@strawberry.input(description="A judge: provider, model, where to reach it, and its key.")
class ConfigureJudgeInput:
    name: str
    provider: str = strawberry.field(description="A judge plugin: openai (OpenAI, Azure, "
                                     "vLLM, Ollama, LiteLLM...) or anthropic.")
    model: str = strawberry.field(description="As the provider names it, e.g. gpt-4o-mini.")
    base_url: str | None = strawberry.field(
        default=None, description="http(s)://host[:port]/path of an OpenAI-compatible API; "
        "leave it out for the provider's public endpoint. No credentials, no query.")
    temperature: float | None = strawberry.field(default=None, description="0 to 2; 0.")
    samples: int | None = strawberry.field(default=None, description="1 to 10; 1.")
    api_key: SecretValue | None = strawberry.field(
        default=None, description="Sealed at once, never returned; leave it out for a "
        "keyless server.")
    is_default: bool | None = strawberry.field(
        default=None, description="Make it the default (clears the old one). Left out: the "
        "default only when the organization has none.")

    def to_spec(self) -> JudgeSpec:
        return JudgeSpec(name=self.name, provider=self.provider, model=self.model,
                         base_url=self.base_url, temperature=self.temperature,
                         samples=self.samples, api_key=self.api_key,
                         is_default=self.is_default)


@strawberry.input(description="What to change in a judge; fields left out stay as they are.")
class UpdateJudgeInput:
    id: strawberry.ID
    name: str | None = None
    provider: str | None = None
    model: str | None = None
    base_url: str | None = strawberry.field(
        default=None, description="An empty string goes back to the public endpoint.")
    temperature: float | None = None
    samples: int | None = None
    api_key: SecretValue | None = strawberry.field(
        default=None, description="A new key, sealed in place of the old one.")
    remove_api_key: bool = strawberry.field(default=False,
                                            description="Forget the key (a keyless server).")
    is_default: bool | None = strawberry.field(
        default=None, description="true makes it the default (clears the old one).")

    def to_changes(self) -> JudgeChanges:
        return JudgeChanges(name=self.name, provider=self.provider, model=self.model,
                            base_url=self.base_url, temperature=self.temperature,
                            samples=self.samples, api_key=self.api_key,
                            remove_api_key=self.remove_api_key, is_default=self.is_default)


@strawberry.input(description="Enable an evaluator's current version with a judge model.")
class EnableEvaluatorInput:
    evaluator: str = strawberry.field(description="The evaluator's slug, e.g. tone.")
    judge: str = strawberry.field(description="The judge provider, e.g. openai.")
    model: str = strawberry.field(description="The judge model, e.g. gpt-4o-mini.")
    override_reason: str | None = strawberry.field(
        default=None, description="Owners only, at least 20 characters: why it may be used "
        "without a calibration report within its margin. Stored and audited.")
