"""Textual's Footer, redrawn only when the keys it shows change.

The stock Footer recomposes (a dozen widgets: compose, mount, CSS) on every bindings signal, and
the wizard sends one on every key and focus change, although from one question to the next the
keys shown are the same. This one compares what it would show and recomposes only on a change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class KeyFooter(Footer):
    """Looks and behaves as Footer; skips the recompose when the shown keys are unchanged."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown_keys: tuple[object, ...] | None = None

    def _keys_shown(self, screen: Screen) -> tuple[object, ...]:
        """What compose would draw: each shown binding, whether it is enabled, and its tooltip."""
        return tuple(
            (key, binding.key_display, binding.description, binding.action, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            shown = self._keys_shown(screen)
            if self._bindings_ready and shown == self._shown_keys:
                return
            self._shown_keys = shown
        super().bindings_changed(screen)
