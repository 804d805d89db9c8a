"""The `send-tui` command: no sub-command starts the app; sub-commands live in `subcommands/`."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from send_tui import __version__, subcommands
from send_tui.crash import DEBUG_VARIABLE


def _subcommand_modules() -> list[ModuleType]:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(subcommands.__path__)
        if not info.name.startswith("_")
    )
    return [importlib.import_module(f"send_tui.subcommands.{name}") for name in names]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="send-tui",
        description="Offline guide to SEND disagreement routes in England, for helpline advisers.",
    )
    parser.add_argument("--version", action="version", version=f"send-tui {__version__}")
    parser.add_argument("--content", type=Path, metavar="DIR", help="route content folder")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line-by-line mode for screen readers and braille (also when TERM=dumb or plain = true)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _subcommand_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_app(args)
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        # A bug, in plain mode or a sub-command (the full-screen app reports its own): a plain
        # message instead of a traceback, which can hold what the adviser typed.
        if os.environ.get(DEBUG_VARIABLE):
            raise
        from send_tui.crash import crash_message

        print(crash_message(error), file=sys.stderr)
        return 1


def _wants_plain(args: argparse.Namespace) -> bool:
    """--plain, a terminal that cannot draw a screen (TERM=dumb), or `plain = true` in the settings."""
    if args.plain or os.environ.get("TERM", "").strip().lower() == "dumb":
        return True
    from send_tui import paths
    from send_tui.model.config import load_config

    return load_config(args.config or paths.config_path())[0].plain


def _run_app(args: argparse.Namespace) -> int:
    if _wants_plain(args):
        from send_tui.plain import run_plain

        return run_plain(content_dir=args.content, config_path=args.config)
    from send_tui.app import make_app
    from send_tui.subcommands._common import today

    today()  # a SEND_TUI_TODAY outside 1990-2100 exits 2 in words, before the app can crash on it
    app = make_app(content_dir=args.content, config_path=args.config)
    app.run()
    return int(app.return_code or 0)


if __name__ == "__main__":
    sys.exit(main())
