"""`send-tui lookup QUERY...`: the palette's search from the command line.

For an adviser at a shell, or a script: the best matches for a few words ("tribnal", "11.45",
"when is mediation advice needed"), each with its kind, a one-line snippet, its references and
the step it opens. `--json` prints a list of result objects, best first. Nothing found exits 1.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from send_tui.subcommands._common import add_content_option, console, load_or_report, positive_count

if TYPE_CHECKING:
    from rich.text import Text

    from send_tui.model.search import SearchResult

NAME = "lookup"
HELP = "search steps, routes, glossary terms, references, organisations and letters"
DEFAULT_LIMIT = 5


_positive = positive_count("results")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query", nargs="+", metavar="QUERY", help="words to look for, typos and all"
    )
    parser.add_argument(
        "--json", action="store_true", help="print a JSON list of results instead of text"
    )
    parser.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N results (default {DEFAULT_LIMIT})",
    )
    add_content_option(parser)


def run(args: argparse.Namespace) -> int:
    from send_tui.model.search import SearchIndex

    content = load_or_report(args)
    if content is None:
        return 1
    query = " ".join(args.query)
    results = SearchIndex.build(content).search(query, limit=args.limit)
    if not results:
        console(stderr=True).print(f"Nothing found for {query!r}.", markup=False)
        return 1
    if args.json:
        print(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False))
    else:
        out = console()
        for number, result in enumerate(results, start=1):
            out.print(_heading(number, result))
            for line in _details(result):
                out.print(line)
    return 0


def _heading(number: int, result: SearchResult) -> Text:
    """ "1. Title  (kind id)": the title stands out; nothing from the content is read as markup."""
    from rich.text import Text

    heading = Text(f"{number}. ")
    heading.append(result.title, style="bold")
    heading.append(f"  ({result.kind} {result.id})", style="dim")
    return heading


def _details(result: SearchResult) -> list[Text]:
    from rich.text import Text

    lines = [Text(f"   {result.snippet}")] if result.snippet else []
    if result.refs:
        lines.append(Text(f"   Refs: {', '.join(result.refs)}", style="dim"))
    if result.target_node and not (result.kind == "step" and result.target_node == result.id):
        lines.append(Text(f"   Opens: {result.target_node}", style="dim"))
    return lines
