"""Textual's command palette, guarded against a search that finishes after the palette closed.

In Textual 8.2.8 a quick Esc while the palette is still searching leaves its search worker
looking for a list that is gone (`NoMatches`), which stops the whole app. An adviser typing fast
mid-call must never lose the call to that, so the search simply ends when the palette has gone.
"""

from __future__ import annotations

from textual import work
from textual.command import CommandPalette
from textual.css.query import NoMatches

_gather = CommandPalette._gather_commands.__wrapped__  # the search itself, without its worker


class GuardedCommandPalette(CommandPalette):
    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await _gather(self, search_value)
        except NoMatches:
            # The palette's list is gone (it is closing): there is nowhere to show results.
            return
