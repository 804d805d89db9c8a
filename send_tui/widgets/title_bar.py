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
        self._text = text

    def set_text(self, text: str) -> None:
        """Show `text`; nothing happens if it is already showing.

        The bar is one line high whatever it says, so a new text needs a repaint, not a
        layout (a layout asked for after the frame is painted would cost the key a frame).
        """
        if text != self._text:
            self._text = text
            self.update(text, layout=False)
