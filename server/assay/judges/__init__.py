"""The built-in judges: OpenAI-compatible chat completions and Anthropic messages."""
