"""A one-line bar: where the adviser is, and how current the content is."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import RenderResult
from textual.widgets import Static


class TitleBar(Static):
    """Plain text, never markup: titles come from content and may hold brackets.

    One line, so a title longer than the terminal would be cut mid-word: `short` is the
    wording shown instead when the full one does not fit (at 60 columns, say).
    """

    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
        text-style: bold;
        /* A title still too long is cut with an ellipsis, so it never reads as whole. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, text: str, *, short: str | None = None, **kwargs: object) -> None:
        super().__init__(text, markup=False, **kwargs)  # type: ignore[arg-type]
        self._text = text
        self._short = short

    def render(self) -> RenderResult:
        width = self.content_size.width
        if self._short is not None and width and cell_len(self._text) > width:
            return Text(self._short)
        return super().render()

    def set_text(self, text: str) -> None:
        """Show `text`; nothing happens if it is already showing.

        The bar is one line high whatever it says, so a new text needs a repaint, not a
        layout (a layout asked for after the frame is painted would cost the key a frame).
        """
        if text != self._text:
            self._text = text
            self.update(text, layout=False)
