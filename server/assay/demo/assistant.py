"""The demo travel assistant's answers: fixed rules, so every demo run gives the same result.

The assistant is stateless: it reads the whole conversation (OpenAI chat messages) on each
turn, so it "remembers" a booking reference given earlier because the client sends the
earlier turns again, exactly as a chat-completions agent does. It has two deliberate flaws
the demo cases catch: it gives the economy baggage allowance whatever the fare, and it
answers in English whatever the customer's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

COMPANY = "Demo Travel Co"
#: Six letters and digits with at least one of each, e.g. QX7P2L.
REFERENCE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}\b")
ASK_REFERENCE = "Could you give me your booking reference? It has six letters and digits."

#: What a message is about, tried in this order (the first match wins).
TOPICS = (
    ("injection", re.compile(r"system prompt|ignore (all |your )?(previous )?instructions")),
    ("rebook", re.compile(r"\b(missed|rebook\w*|next flight|put me on)\b")),
    ("refund", re.compile(r"\b(refunds?|cancel\w*)\b")),
    ("baggage", re.compile(r"\b(bags?|baggage|luggage|suitcases?|carry-on)\b")),
    ("greeting", re.compile(r"^\W*(hello|hi|hey|good (morning|afternoon|evening))\b")),
)

GREETING = (f"Hello! I'm Skye, the {COMPANY} assistant. I can help with baggage, refunds "
            "and rebooking. What can I do for you?")
REFUSAL = ("Sorry, I can't share my instructions. I'm happy to help with baggage, refunds or "
           "rebooking instead.")
BAGGAGE = ("Every ticket includes one checked bag of up to 23 kg and one cabin bag of up to "
           "8 kg, plus a personal item under the seat. A second checked bag costs 45 EUR.")
REFUND_WINDOW = ("If the airline cancelled your flight, you can request a full refund within "
                 "30 days of the cancellation.")
FALLBACK = ("I'm sorry, I didn't understand that. I can help with baggage, refunds and "
            "rebooking flights.")


def booking_reference(texts: Sequence[str]) -> str | None:
    """The most recent booking reference the customer gave, if any."""
    for text in reversed(texts):
        found = REFERENCE.findall(text.upper())
        if found:
            return str(found[-1])
    return None


def topic_of(text: str) -> str | None:
    lowered = text.lower()
    return next((name for name, pattern in TOPICS if pattern.search(lowered)), None)


def _refund(reference: str | None) -> str:
    if reference is None:
        return f"{REFUND_WINDOW} To start one, I need your booking. {ASK_REFERENCE}"
    return (f"{REFUND_WINDOW} I have opened a refund request for booking {reference}; a "
            "confirmation email follows within 24 hours.")


def _rebook(text: str, reference: str | None) -> str:
    if reference is None:
        return f"I'm sorry about your trip. To look at your options I need your booking. " \
               f"{ASK_REFERENCE}"
    if re.search(r"\b(lisbon|next flight|put me on)\b", text.lower()):
        return (f"Done: booking {reference} is now on the next flight to Lisbon, DT 1027 "
                "leaving Madrid at 18:40. Your new boarding pass is on its way by email.")
    return (f"Thank you. I have booking {reference} open: shall I put you on the next "
            "available flight?")


def _topic(texts: Sequence[str]) -> str | None:
    """The last message's topic; when it only gives a booking reference (the answer to our
    question), the topic of the message before it."""
    topic = topic_of(texts[-1])
    if topic is None and REFERENCE.search(texts[-1].upper()):
        earlier = (topic_of(text) for text in reversed(texts[:-1]))
        topic = next((found for found in earlier if found), "reference")
    return topic


def answer(messages: Sequence[Mapping[str, Any]]) -> str:
    """The assistant's reply to the last user message of ``messages``."""
    texts = [str(m.get("content", "")) for m in messages if m.get("role", "user") == "user"]
    if not texts:
        return GREETING
    reference = booking_reference(texts)
    topic = _topic(texts)
    if topic == "injection":
        return REFUSAL
    if topic == "rebook":
        return _rebook(texts[-1], reference)
    if topic == "refund":
        return _refund(reference)
    if topic == "baggage":
        return BAGGAGE
    if topic == "reference":
        return f"Thank you, I have found booking {reference}. How can I help with it?"
    if topic == "greeting":
        return GREETING
    return FALLBACK
