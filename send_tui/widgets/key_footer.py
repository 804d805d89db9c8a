"""Textual's Footer, changed in place when the keys it shows change, never rebuilt on a key.

The stock Footer recomposes (a dozen widgets: compose, mount, CSS, then another layout and
frame) on every bindings signal, and send-tui sends one on every change to the call: every key
in the wizard, every character typed into the letter or deadlines form. So every screen with a
footer uses this one (typing in the letter form settled in 60-75 ms a character with Footer's
rebuilds, 27 ms without). This
one compares what it would show, and when the keys differ it relabels the key widgets it
already has (hiding any it does not need), which costs a layout inside the frame already being
painted. Only when it needs more key widgets than it has does it recompose as Footer does;
after that its widgets cover the longest set of keys seen. What is drawn is what Footer's
compose would have drawn for the same bindings (the snapshots compare the two).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from send_tui.widgets.fitting_footer import NO_ROOM_CLASS, PALETTE_CLASS, FittingFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widget import Widget


@dataclass(frozen=True)
class ShownKey:
    """One key as Footer's compose would draw it."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str


class KeyFooter(FittingFooter):
    """Looks and behaves as Footer; updates its key widgets in place when the keys change."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown_keys: tuple[tuple[ShownKey, ...], ShownKey | None] | None = None

    def _keys_shown(self, screen: Screen) -> tuple[tuple[ShownKey, ...], ShownKey | None]:
        """The keys, then the palette key, as Footer.compose lays them out (one per action).

        send-tui's bindings have no groups, so Footer's grouped layout never applies here.
        """
        app = self.app
        active = screen.active_bindings  # worked out afresh on each access: once here
        by_action: dict[str, ShownKey] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = ShownKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    tooltip,
                )
        palette: ShownKey | None = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = ShownKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    binding.tooltip or binding.description,
                )
        return tuple(by_action.values()), palette

    def compose(self) -> ComposeResult:
        """The keys from the first frame: Footer composes empty, then again once bindings come.

        The screen is known by the time the footer is composed, and its bindings do not wait
        on anything else (send-tui's shown keys do not depend on which widget has focus).
        """
        if not self._bindings_ready:
            self.set_reactive(Footer._bindings_ready, True)
            self._shown_keys = self._keys_shown(self.screen)
        for widget in super().compose():
            yield self._compact_as_footer(widget)
        keys, _palette = self._keys_shown(self.screen)
        for _ in range(self._most_keys() - len(keys)):
            spare = FooterKey("", "", "", "").data_bind(compact=Footer.compact)
            spare.display = False
            yield self._compact_as_footer(spare)

    def _compact_as_footer(self, widget: Widget) -> Widget:
        """Give a key widget the footer's `compact` before it mounts, as the data binding would.

        A FooterKey starts compact and the binding then sets it to the footer's value: two
        restyles of every key widget at start-up (about 3 ms at the start screen), for a
        footer that is never compact. Set first, neither happens and the binding finds
        nothing to change. (Footer does not bind the palette key, which stays compact.)
        """
        if isinstance(widget, FooterKey) and not widget.has_class(PALETTE_CLASS):
            widget.set_reactive(FooterKey.compact, self.compact)
            widget.set_class(self.compact, "-compact", update=False)
        return widget

    def _most_keys(self) -> int:
        """How many keys the screen and the app could ever show (one per action).

        Composed hidden, so that a step showing more keys (an outcome's Deadlines and Letter)
        relabels widgets that are already there instead of mounting new ones a frame later.
        """
        actions = {
            binding.action
            for bindings in (self.screen._bindings, self.app._bindings)
            for _key, binding in bindings
            if binding.show and binding.key != self.app.COMMAND_PALETTE_BINDING
        }
        return len(actions)

    def show_keys_now(self, screen: Screen) -> None:
        """Relabel the keys for `screen` now, if the key widgets there are enough.

        The wizard calls this while it sets out a step, so the keys change in the same frame;
        the bindings signal that follows finds nothing to change (or, if there were too few
        key widgets, recomposes as Footer does).
        """
        if screen is self.screen and self.is_attached and self._bindings_ready:
            shown = self._keys_shown(screen)
            if shown != self._shown_keys and self._relabel(*shown):
                self._shown_keys = shown

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            shown = self._keys_shown(screen)
            if self._bindings_ready and shown == self._shown_keys:
                return
            if self._bindings_ready and self._relabel(*shown):
                self._shown_keys = shown
                return
            self._shown_keys = shown
        super().bindings_changed(screen)

    def _relabel(self, keys: tuple[ShownKey, ...], palette: ShownKey | None) -> bool:
        """Show `keys` on the key widgets already mounted; False if there are too few."""
        widgets = [w for w in self.query_children(FooterKey) if not w.has_class(PALETTE_CLASS)]
        palettes = [w for w in self.query_children(FooterKey) if w.has_class(PALETTE_CLASS)]
        if len(widgets) < len(keys) or len(palettes) != (palette is not None):
            return False
        with self.app.batch_update():
            for widget, key in zip(widgets, keys, strict=False):
                _set_key(widget, key)
                widget.display = True
            for widget in widgets[len(keys) :]:
                widget.display = False
                widget.set_class(False, NO_ROOM_CLASS)  # a spare, not a key without room
            if palette is not None:
                _set_key(palettes[0], palette)
            if self.size.width:
                self.fit_keys()  # in this frame: the keys just shown may not all fit
        return True


def _set_key(widget: FooterKey, key: ShownKey) -> None:
    """What FooterKey.__init__ sets from its arguments, set again on a mounted key."""
    if (
        widget.key,
        widget.key_display,
        widget.description,
        widget.action,
        widget._disabled,
        widget.tooltip or "",
    ) == (key.key, key.key_display, key.description, key.action, key.disabled, key.tooltip):
        return
    widget.key, widget.key_display = key.key, key.key_display
    widget.description, widget.action = key.description, key.action
    widget._disabled = key.disabled
    widget.set_class(key.disabled, "-disabled")
    widget.tooltip = key.tooltip or None
    widget.refresh(layout=True)
