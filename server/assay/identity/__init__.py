"""Identity: sign-up, verified email, passwords, TOTP, recovery codes and sign-in challenges.

``auth/`` resolves who calls (sessions, API keys, permissions); this package decides how a
person proves who they are before a session is issued.
"""
