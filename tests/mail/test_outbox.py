"""Without SMTP, mail lands in the outbox, and `assay mail outbox` lists and shows it."""

from __future__ import annotations

import stat
from pathlib import Path

from assay.db.config import DatabaseUrl
from assay.mail.message import Mail
from assay.mail.transport import send
from assay.settings import Settings
from tests.server_process import environment, run_assay


async def test_messages_are_kept_private_in_the_outbox(tmp_path: Path) -> None:
    settings = Settings(environment="development", data_dir=tmp_path)

    await send(settings, Mail(to="ada@example.com", subject="First", text="one\n"))
    await send(settings, Mail(to="bob@example.com", subject="Second", text="two\n"))

    files = sorted((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 2
    assert [stat.S_IMODE(f.stat().st_mode) for f in files] == [0o600, 0o600]
    assert stat.S_IMODE((tmp_path / "outbox").stat().st_mode) == 0o700
    assert b"Subject: First" in files[0].read_bytes()


async def test_the_cli_lists_and_shows_the_outbox(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    settings = Settings(environment="development", data_dir=tmp_path)
    env = environment(database, tmp_path)
    empty = run_assay("mail", "outbox", env=env)
    await send(settings, Mail(to="ada@example.com", subject="Confirm", text="Open this.\n"))
    await send(settings, Mail(to="bob@example.com", subject="Notice", text="Nothing changed.\n"))

    listed = run_assay("mail", "outbox", env=env)
    newest = run_assay("mail", "outbox", "--show", "-1", env=env)
    first = run_assay("mail", "outbox", "--show", "1", env=env)
    missing = run_assay("mail", "outbox", "--show", "3", env=env)

    assert (empty.returncode, empty.stdout) == (0, (
        f"the outbox is empty ({tmp_path / 'outbox'}); mail goes there while ASSAY_SMTP_URL "
        "is unset\n"))
    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2"]
    assert [line.split("  ")[-2:] for line in lines] == [
        ["ada@example.com", "Confirm"], ["bob@example.com", "Notice"]]
    assert newest.returncode == 0
    assert newest.stdout.splitlines()[1:] == [
        "From: Assay <assay@localhost>", "To: bob@example.com", "Subject: Notice", "",
        "Nothing changed.", ""]
    assert first.stdout.splitlines()[3:] == ["Subject: Confirm", "", "Open this.", ""]
    assert (missing.returncode, missing.stdout) == (1, (
        "assay: no message 3 in the outbox (2 message(s); list them with `assay mail "
        "outbox`)\n"))
