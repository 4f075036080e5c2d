"""The OpenAI-compatible judge: chat completions at any base URL (OpenAI, Azure-style
gateways, vLLM, Ollama, LiteLLM, ...).

It asks for JSON mode (``response_format: {"type": "json_object"}``). Servers that do not
know it answer 400 naming ``response_format``; the judge then asks again without it and
remembers, for the rest of its life, not to send it. Likewise, a model that refuses
``max_tokens`` and asks for ``max_completion_tokens`` gets that instead.
"""

from __future__ import annotations

from typing import Any

from assay.judges.http import Answer, JsonEndpoint, count
from assay_sdk.connectors import NetworkGuard
from assay_sdk.judges import Completion, Judge, JudgeError, JudgeRequest, JudgeSettings

PATH = "/chat/completions"


class OpenAIJudge(Judge):
    """Any endpoint that speaks OpenAI's ``POST /chat/completions``."""

    name = "openai"
    version = "1.0.0"
    title = "OpenAI-compatible"
    default_base_url = "https://api.openai.com/v1"

    def __init__(self, settings: JudgeSettings, *, guard: NetworkGuard | None = None) -> None:
        super().__init__(settings, guard=guard)
        self.endpoint = JsonEndpoint(settings, guard, provider=f"{self.title} endpoint",
                                     default_base_url=self.default_base_url,
                                     user_agent=f"assay-judge-{self.name}/{self.version}")
        #: False once the server said it does not support ``response_format``.
        self.json_mode = True
        #: "max_completion_tokens" once the model refused ``max_tokens``.
        self.token_limit = "max_tokens"

    def headers(self) -> dict[str, str]:
        headers = dict(self.settings.headers)
        if self.settings.api_key:
            headers["authorization"] = f"Bearer {self.settings.api_key}"
        return headers

    def body(self, request: JudgeRequest) -> dict[str, Any]:
        messages = [{"role": "system", "content": request.system}]
        messages += [{"role": role, "content": text} for role, text in request.conversation()]
        body: dict[str, Any] = {"model": self.model, "messages": messages,
                                "temperature": request.temperature,
                                self.token_limit: request.max_tokens}
        if self.json_mode:
            body["response_format"] = {"type": "json_object"}
        return body

    async def complete(self, request: JudgeRequest) -> Completion:
        calls = 0
        while True:
            try:
                answer = await self.endpoint.post(PATH, self.body(request), self.headers())
            except JudgeError as exc:
                exc.calls += calls
                raise
            calls += 1
            if answer.status == 400 and self._adjusted(answer):
                continue
            if answer.status != 200:
                error = self.endpoint.failure(answer, model=self.model)
                error.calls = calls
                raise error
            return self._completion(answer, calls)

    def _adjusted(self, answer: Answer) -> bool:
        """Whether a 400 names a parameter this judge can do without; if so, drop it."""
        said = answer.error_message.lower()
        if self.json_mode and "response_format" in said:
            self.json_mode = False
            return True
        if self.token_limit == "max_tokens" and "max_completion_tokens" in said:
            self.token_limit = "max_completion_tokens"
            return True
        return False

    def _completion(self, answer: Answer, calls: int) -> Completion:
        data = answer.data
        try:
            message = data["choices"][0]["message"]
        except (KeyError, IndexError, TypeError):
            error = self.endpoint.shape_error("chat-completions")
            error.calls = calls
            raise error from None
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        return Completion(text=_text(message.get("content") if isinstance(message, dict)
                                     else None),
                          input_tokens=count(usage.get("prompt_tokens")),
                          output_tokens=count(usage.get("completion_tokens")),
                          model=str(data.get("model") or ""), calls=calls)

    async def aclose(self) -> None:
        await self.endpoint.aclose()


def _text(content: Any) -> str:
    """A message's content: a string, a list of text parts, or nothing (a refusal)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content
                       if isinstance(part, dict) and part.get("type") == "text")
    return ""
