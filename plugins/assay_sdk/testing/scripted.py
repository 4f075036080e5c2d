"""A judge that answers from a script, in process: for testing evaluators without a model."""

from __future__ import annotations

from assay_sdk.judges import JudgeError, JudgeReply, JudgeRequest


class ScriptedJudge:
    """A :class:`assay_sdk.JudgeClient` that gives every request the same verdict (or
    raises ``error``) and remembers the requests it was asked."""

    def __init__(self, score: float = 1.0, *, explanation: str = "scripted verdict",
                 model: str = "assay-scripted", error: JudgeError | None = None) -> None:
        self.score = score
        self.explanation = explanation
        self.model = model
        self.error = error
        self.requests: list[JudgeRequest] = []

    async def ask(self, request: JudgeRequest) -> JudgeReply:
        self.requests.append(request)
        if self.error is not None:
            raise self.error
        samples = max(1, request.samples)
        return JudgeReply(score=self.score, explanation=self.explanation,
                          scores=(self.score,) * samples, spread=0.0, model=self.model,
                          calls=samples, input_tokens=10 * samples, output_tokens=5 * samples)
