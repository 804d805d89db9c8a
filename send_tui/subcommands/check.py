"""`send-tui check`: validate route content and summarise it, for content authors and CI.

After the content checks it replays every caller scenario (`content/scenarios/` and any
`--scenarios DIR`) and renders every path through the content in every format, so an edit that
breaks a known caller, or makes some output fail, is reported with the file and what failed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from send_tui.subcommands._common import add_content_option, console, load_or_report, today

NAME = "check"
HELP = "check the route content and summarise it (exit 1 if it has problems)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_option(parser)
    parser.add_argument(
        "--local-pack", metavar="NAME", help="check with this local pack instead of the manifest's"
    )
    parser.add_argument(
        "--scenarios",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also run the caller scenarios in DIR (may be given more than once)",
    )


def run(args: argparse.Namespace) -> int:
    from send_tui.model import graph

    content = load_or_report(args)
    if content is None:
        return 1
    out = console()
    local = [f for f in content.files if f.local]
    out.print(f"Content OK: {content.root}", markup=False)
    out.print(
        f"  files:        {len(content.files)} ({len(local)} in local pack {content.local_pack!r})",
        markup=False,
    )
    out.print(
        f"  nodes:        {len(content.nodes)} ({len(content.outcomes())} outcomes)", markup=False
    )
    out.print(f"  routes:       {len(content.routes)}", markup=False)
    out.print(
        f"  paths:        {graph.count_paths(content)} from the start to an outcome", markup=False
    )
    out.print(
        f"  glossary:     {len(content.glossary)} terms; contacts: {len(content.contacts)}",
        markup=False,
    )
    oldest = min(content.files, key=lambda f: f.reviewed)
    out.print(f"  oldest review: {oldest.reviewed.isoformat()} ({oldest.path})", markup=False)
    unconfirmed = sum(len(c.unconfirmed()) for c in content.contacts.values())
    if unconfirmed:
        out.print(f"  to be confirmed: {unconfirmed} contact details", markup=False)
    if content.term_calendar is not None and not content.term_calendar.confirmed:
        out.print("  term dates:   illustrative, not yet confirmed", markup=False)
    from send_tui.model.content_warnings import content_warnings

    for warning in content_warnings(content, today(args)):  # a bad SEND_TUI_TODAY exits 2
        out.print(f"  WARNING {warning}", markup=False)
    from send_tui.subcommands._scenarios import run_scenarios

    return run_scenarios(content, args.scenarios, out)
