"""Textual's Footer, showing only the keys that fit whole: never half a key ("^s Sav").

Footer lays its keys out in a row and cuts the row at the edge (and under the palette key),
so at 60x20, or on a screen with many keys, the last key shown was cut in half and the ones
after it were lost off the edge. Here a key that does not fit is hidden instead, and a shorter
one after it that does fit is still shown. F1 Help, which lists them all, is given its room first,
so it is there on every screen at 60x20. A key's width is worked out as FooterKey draws it (its
key and description with their padding), so it is known before the layout, in the same frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult

#: The class Footer gives the palette key, docked at the right.
PALETTE_CLASS = "-command-palette"
#: Marks a key hidden because it does not fit, not because it is not in use (KeyFooter's spares).
NO_ROOM_CLASS = "-no-room"
#: The help key's action (the app's F1), from the app or a screen: never hidden for room.
HELP_ACTIONS = frozenset({"help", "app.help"})


def key_width(key: FooterKey) -> int:
    """The cells `key` takes, as FooterKey.render draws it, with its own box around it."""
    kp = key.get_component_styles("footer-key--key").padding
    dp = key.get_component_styles("footer-key--description").padding
    width = kp.left + cell_len(key.key_display) + kp.right
    if key.description:
        width += dp.left + cell_len(key.description) + dp.right
    styles = key.styles
    return width + styles.padding.width + styles.margin.width + styles.border.spacing.width


class FittingFooter(Footer):
    def fit_keys(self, width: int | None = None) -> None:
        """Show the keys, in order, that fit whole in `width` (the footer's); hide the rest."""
        room = self.size.width if width is None else width
        keys = []
        for key in self.query_children(FooterKey):
            if key.has_class(PALETTE_CLASS):
                room -= key_width(key)
            elif key.display or key.has_class(NO_ROOM_CLASS):  # not a spare (KeyFooter's)
                keys.append(key)
        # F1 Help is given its room first: it lists every key, so an adviser who sees no other
        # key must still see how to find them. The rest fit in order, the last dropping first.
        help_keys = [key for key in keys if key.action in HELP_ACTIONS]
        room -= sum(key_width(key) for key in help_keys)
        used = 0
        for key in keys:  # in order, each that still fits: a short key after a long one
            if key in help_keys:
                fits = room >= 0
            else:
                width = key_width(key)
                fits = used + width <= room
                used += width if fits else 0
            key.set_class(not fits, NO_ROOM_CLASS)
            key.display = fits

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # Footer composes again on every change of the bindings: fit the new keys once they
        # are mounted and styled (their padding is read from their styles).
        self.call_after_refresh(self.fit_keys)

    def _on_resize(self, event: events.Resize) -> None:
        self.fit_keys(event.size.width)
