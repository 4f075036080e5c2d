"""The Anthropic judge: ``POST /v1/messages``.

Anthropic has no JSON mode; the system prompt asks for the JSON verdict and the shared
repair loop of :meth:`assay_sdk.Judge.ask` handles the rare reply that is not one.
"""

from __future__ import annotations

from typing import Any

from assay.judges.http import Answer, JsonEndpoint, count
from assay_sdk.connectors import NetworkGuard
from assay_sdk.judges import Completion, Judge, JudgeRequest, JudgeSettings

API_VERSION_HEADER = "2023-06-01"


class AnthropicJudge(Judge):
    """Anthropic's Messages API (or a server that speaks it)."""

    name = "anthropic"
    version = "1.0.0"
    title = "Anthropic"
    default_base_url = "https://api.anthropic.com"

    def __init__(self, settings: JudgeSettings, *, guard: NetworkGuard | None = None) -> None:
        super().__init__(settings, guard=guard)
        self.endpoint = JsonEndpoint(settings, guard, provider=f"{self.title} endpoint",
                                     default_base_url=self.default_base_url,
                                     user_agent=f"assay-judge-{self.name}/{self.version}")

    @property
    def path(self) -> str:
        """``/v1/messages``, or ``/messages`` when the base URL already ends in ``/v1``."""
        return "/messages" if self.endpoint.base_url.endswith("/v1") else "/v1/messages"

    def headers(self) -> dict[str, str]:
        headers = dict(self.settings.headers)
        headers["anthropic-version"] = API_VERSION_HEADER
        if self.settings.api_key:
            headers["x-api-key"] = self.settings.api_key
        return headers

    def body(self, request: JudgeRequest) -> dict[str, Any]:
        return {"model": self.model, "system": request.system,
                "messages": [{"role": role, "content": text}
                             for role, text in request.conversation()],
                "max_tokens": request.max_tokens, "temperature": request.temperature}

    async def complete(self, request: JudgeRequest) -> Completion:
        answer = await self.endpoint.post(self.path, self.body(request), self.headers())
        if answer.status != 200:
            raise self.endpoint.failure(answer, model=self.model)
        return self._completion(answer)

    def _completion(self, answer: Answer) -> Completion:
        data = answer.data
        content = data.get("content") if isinstance(data, dict) else None
        if not isinstance(content, list):
            raise self.endpoint.shape_error("Anthropic messages")
        text = "".join(str(block.get("text", "")) for block in content
                       if isinstance(block, dict) and block.get("type") == "text")
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        return Completion(text=text, input_tokens=count(usage.get("input_tokens")),
                          output_tokens=count(usage.get("output_tokens")),
                          model=str(data.get("model") or ""))

    async def aclose(self) -> None:
        await self.endpoint.aclose()
