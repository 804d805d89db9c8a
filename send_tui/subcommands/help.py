"""`send-tui help TOPIC`: print a format document from the installed package.

Content errors say "see docs/content-format.md", but an installed send-tui has no docs/ folder
beside it: the wheel carries the documents (hatch copies docs/ to send_tui/_docs/), and this
prints them wherever send-tui is installed, offline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "help"
HELP = "print a format document: content (the route TOML), record (a saved call) or scenarios"

#: Topic -> the document that explains it.
TOPICS = {"content": "content-format.md", "record": "record-format.md", "scenarios": "scenario-format.md"}

_PACKAGE = Path(__file__).resolve().parent.parent


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", choices=sorted(TOPICS), help="which document to print")


def document(topic: str) -> Path:
    """The installed copy (inside the wheel) or, in a source checkout, the one in docs/."""
    name = TOPICS[topic]
    installed = _PACKAGE / "_docs" / name
    return installed if installed.is_file() else _PACKAGE.parent / "docs" / name


def run(args: argparse.Namespace) -> int:
    path = document(args.topic)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        print(f"send-tui help: {path} cannot be read ({error.strerror}).", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0
