"""`send-tui render RECORD.toml --to FILE`: a saved call as .html, .txt, .md or the letter as .docx.

For printing or re-sending without the app, and for scripts. The format comes from the file's
extension (an unknown one exits 2); an existing file is never replaced without `--force`, and a
bad record exits 1 with a message.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from send_tui.subcommands._common import add_content_option, add_today_option, console, today

NAME = "render"
HELP = "render a saved record as .html, .txt or .md, or its letter as .docx, without the app"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "record", type=Path, metavar="RECORD.toml", help="a record saved by send-tui"
    )
    parser.add_argument(
        "--to",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write: .html, .txt, .md (the summary) or .docx (the letter)",
    )
    parser.add_argument(
        "--redacted", action="store_true", help="leave out names and dates of birth"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_today_option(parser)
    add_content_option(parser)


def run(args: argparse.Namespace) -> int:
    from send_tui.model import storage
    from send_tui.model.summary import build_summary
    from send_tui.render import NoLetter, UnknownFormat, format_for, render
    from send_tui.subcommands.open import load_session

    err = console(stderr=True)
    try:
        fmt = format_for(args.to)
    except UnknownFormat as error:
        err.print(f"send-tui render: {error}", markup=False)
        return 2
    if storage.exists(args.to) and not args.force:  # a dangling symbolic link counts
        err.print(f"{args.to} already exists: add --force to replace it.", markup=False)
        return 1
    session = load_session(args)
    if session is None:
        return 1
    summary = build_summary(
        session,
        today(args),
        redacted=args.redacted,
        include_personal=session.case.consent_to_record,
    )
    try:
        storage.write_atomic(args.to, render(summary, fmt), overwrite=args.force)
    except NoLetter as error:
        err.print(str(error), markup=False)
        return 1
    except storage.SaveError as error:
        err.print(error.strerror or str(error), markup=False)  # the sentence, not "[Errno 13]"
        return 1
    console().print(f"Wrote {args.to}", markup=False)
    return 0
