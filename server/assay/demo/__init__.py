"""The demo: a travel assistant agent served on loopback (assistant.py, agent.py, chat.html),
its test design created through the public API (seed.py, cases.yaml), and its runs over HTTP
and in a browser with a readable summary (runs.py, summary.py); `assay demo` drives it."""
