"""Textual's command palette, guarded against a search that finishes after the palette closed.

In Textual 8.2.8 a quick Esc while the palette is still searching leaves its search worker
looking for a list that is gone (`NoMatches`), which stops the whole app. An adviser typing fast
mid-call must never lose the call to that, so the search simply ends when the palette has gone.

Textual has no public hook for this, so this module is the one place in send-tui that reaches
into Textual's private internals: the search coroutine under `CommandPalette._gather_commands`'s
`@work` wrapper, and the worker group it runs in. `private_search` checks both exist when the
module is imported, and tests/app/test_palette_internals.py fails loudly if a Textual release
renames or reshapes them (then re-check whether the guard is still needed at all).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from textual import work
from textual.command import CommandPalette
from textual.css.query import NoMatches

#: The Textual releases whose palette internals this module was checked against.
CHECKED_TEXTUAL = "8.2"


def private_search() -> tuple[Callable[[CommandPalette, str], Awaitable[None]], str]:
    """Textual's palette search without its worker, and its worker group, or a clear error."""
    wrapped: Any = getattr(CommandPalette._gather_commands, "__wrapped__", None)
    group = getattr(CommandPalette, "_GATHER_COMMANDS_GROUP", None)
    if wrapped is None or not inspect.iscoroutinefunction(wrapped) or not isinstance(group, str):
        raise RuntimeError(
            "Textual's CommandPalette internals changed (_gather_commands / _GATHER_COMMANDS_GROUP): "
            "update send_tui/widgets/palette.py"
        )
    return wrapped, group


_gather, _GROUP = private_search()


class GuardedCommandPalette(CommandPalette):
    @work(exclusive=True, group=_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await _gather(self, search_value)
        except NoMatches:
            # The palette's list is gone (it is closing): there is nowhere to show results.
            return
