"""A one-line bar: where the adviser is, and how current the content is."""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """Plain text, never markup: titles come from content and may hold brackets."""

    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
        text-style: bold;
    }
    """

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(text, markup=False, **kwargs)  # type: ignore[arg-type]
