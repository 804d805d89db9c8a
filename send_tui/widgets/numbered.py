"""A numbered row whose wrapped lines keep their indent (for option lists and the trail)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table


def numbered_row(number: int | str, body: RenderableType, width: int = 1) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=width, style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(str(number), body)
    return grid
