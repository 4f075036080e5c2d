"""Database: connection settings, the embedded server, migrations and security policies."""
