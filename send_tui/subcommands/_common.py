"""Options and helpers that several sub-commands share."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from rich.console import Console

from send_tui.model import dates


def iso_date(text: str) -> date:
    """argparse type for dates: a clear message naming the format (exit 2), never a traceback."""
    try:
        return dates.parse_date(text)
    except dates.DateFormatError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def positive_count(what: str, maximum: int | None = None):  # -> Callable[[str], int]
    """An argparse type for a count of `what` ("days", "results"): a whole number, 1 or more.

    `maximum` caps it, so a typing slip (a million days) is refused rather than counted.
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1 or (maximum is not None and value > maximum):
            span = "1 or more" if maximum is None else f"from 1 to {maximum}"
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a number of {what}: give a whole number, {span}."
            )
        return value

    return parse


def add_content_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a `--content` given before the sub-command.
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="route content folder",
    )


def add_today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        default=None,
        help="treat this date as today (training and tests); SEND_TUI_TODAY does the same",
    )


def today(args: argparse.Namespace | None = None) -> date:
    """Today, from `--today`, else `SEND_TUI_TODAY`, else the clock; a bad env date exits 2."""
    try:
        return dates.today(getattr(args, "today", None))
    except dates.DateFormatError as error:
        console(stderr=True).print(f"SEND_TUI_TODAY: {error}", markup=False)
        raise SystemExit(2) from None


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def load_or_report(args: argparse.Namespace):  # -> Content | None
    """Load the content named by `--content` (or the shipped content); print every error if bad."""
    from send_tui.model.content_errors import ContentErrors
    from send_tui.model.loader import load_content

    try:
        return load_content(getattr(args, "content", None), getattr(args, "local_pack", None))
    except ContentErrors as problems:
        console(stderr=True).print(problems.report(), markup=False)
        return None
