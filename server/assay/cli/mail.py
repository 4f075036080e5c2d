"""assay mail: the development outbox (messages kept when no SMTP server is configured).

``assay mail outbox`` lists the messages, oldest first, numbered; ``--show N`` prints
message N in full (``--show -1``: the newest), e.g. to open a verification link.
"""

from __future__ import annotations

import argparse
from typing import Any

from assay.mail import outbox
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("mail", help="outgoing mail")
    mail = parser.add_subparsers(dest="mail_command", required=True, metavar="ACTION")
    listing = mail.add_parser("outbox", help="list (or show) messages kept in the outbox")
    listing.add_argument("--show", type=int, metavar="N", default=None,
                         help="print message N in full (-1 = the newest)")
    listing.set_defaults(handler=show_outbox)


def show_outbox(args: argparse.Namespace, settings: Settings) -> int:
    entries = outbox.entries(settings.data_dir)
    if args.show is not None:
        index = args.show - 1 if args.show > 0 else args.show
        if not entries or not -len(entries) <= index < len(entries):
            print(f"assay: no message {args.show} in the outbox "
                  f"({len(entries)} message(s); list them with `assay mail outbox`)")
            return 1
        message = outbox.read(entries[index].path)
        for header in ("Date", "From", "To", "Subject"):
            print(f"{header}: {message[header]}")
        body = message.get_body(preferencelist=("plain",))
        print()
        print(body.get_content() if body is not None else "")
        return 0
    if not entries:
        where = outbox.outbox_dir(settings.data_dir)
        print(f"the outbox is empty ({where}); mail goes there while ASSAY_SMTP_URL is unset")
        return 0
    for number, entry in enumerate(entries, start=1):
        print(f"{number:>4}  {entry.date}  {entry.to}  {entry.subject}")
    return 0
