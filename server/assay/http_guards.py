"""ASGI middleware for every request: a request id, the client address, a body-size limit."""

from __future__ import annotations

import json
import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def send_json(send: Send, status: int, message: str, code: str, request_id: str) -> None:
    body = json.dumps({"errors": [{"message": message, "extensions": {
        "code": code, "requestId": request_id}}]}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"x-request-id", request_id.encode())]})
    await send({"type": "http.response.body", "body": body})


class RequestGuards:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.too_large = (
            f"the request body is over the {max_body_bytes}-byte limit: send less per request "
            "(e.g. import test cases in several documents)"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = secrets.token_hex(8)
        scope["assay.request_id"] = request_id
        client = scope.get("client")
        scope["assay.client_ip"] = client[0] if client else ""
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and not declared.isdigit():
            await send_json(send, 400, "the Content-Length header must be a whole number of "
                            "bytes: let your HTTP client set it", "BAD_CONTENT_LENGTH", request_id)
            return
        if declared is not None and int(declared) > self.max_body_bytes:
            await send_json(send, 413, self.too_large, "PAYLOAD_TOO_LARGE", request_id)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                raise BodyTooLarge
            return message

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_id)
        except BodyTooLarge:
            await send_json(send, 413, self.too_large, "PAYLOAD_TOO_LARGE", request_id)


class BodyTooLarge(Exception):
    pass
