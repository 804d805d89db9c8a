"""`send-tui open RECORD.toml`: start the app on a saved call, exactly as it was left.

A record that cannot be opened is explained on stderr (exit 1), never with a traceback: an
adviser with a caller on the line needs to know what is wrong with the file, not where in Python.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from send_tui.subcommands._common import add_content_option, console, today

if TYPE_CHECKING:
    from send_tui.model.session import Session

NAME = "open"
HELP = "open a saved record (.toml) in the app, to carry on where the call left off"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "record", type=Path, metavar="RECORD.toml", help="a record saved by send-tui"
    )
    add_content_option(parser)


def load_session(args: argparse.Namespace) -> Session | None:
    """The record's session on the content it names (its local pack); None after reporting why.

    Shared with `send-tui render`, so both refuse a bad record with the same words.
    """
    from send_tui.model.content_errors import ContentErrors
    from send_tui.model.loader import load_content
    from send_tui.model.record import RecordError, read_record, session_from_record

    err = console(stderr=True)
    try:
        record = read_record(args.record)
        content = load_content(getattr(args, "content", None), record.local_pack or None)
        return session_from_record(record, content)
    except RecordError as error:
        err.print(f"Cannot open the record: {error}", markup=False)
    except ContentErrors as problems:
        err.print(f"Cannot open {args.record}: the content has problems.", markup=False)
        err.print(problems.report(), markup=False)
    return None


def run(args: argparse.Namespace) -> int:
    today()  # a SEND_TUI_TODAY outside 1990-2100 exits 2 in words, before the app can crash on it
    session = load_session(args)
    if session is None:
        return 1
    from send_tui.cli import _wants_plain

    if _wants_plain(args):
        from send_tui.plain import run_plain

        return run_plain(
            content_dir=getattr(args, "content", None), config_path=args.config, session=session
        )
    from send_tui.app import make_app

    app = make_app(
        content_dir=getattr(args, "content", None), config_path=args.config, session=session
    )
    app.run()
    return int(app.return_code or 0)
