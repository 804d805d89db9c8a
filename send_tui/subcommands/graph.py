"""`send-tui graph`: print the decision graph so reviewers can see the routes as a picture."""

from __future__ import annotations

import argparse
import sys

from send_tui.subcommands._common import add_content_option, load_or_report

NAME = "graph"
HELP = "print the decision graph as Mermaid or Graphviz dot"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_option(parser)
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot"),
        default="mermaid",
        help="diagram language (default mermaid)",
    )


def run(args: argparse.Namespace) -> int:
    from send_tui.model import graph

    content = load_or_report(args)
    if content is None:
        return 1
    render = graph.to_mermaid if args.format == "mermaid" else graph.to_dot
    sys.stdout.write(render(content))
    return 0
