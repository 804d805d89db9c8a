"""Restyle a widget for a focus change only when the adviser could see the difference.

A key from a question to an outcome moves the focus from the options to the outcome's text and
hides the options; the key back does the reverse. Textual restyles both widgets on every focus
change (`Widget.watch_has_focus`): 1.2-1.6 ms each on a 2-core machine (an OptionList is styled
once more for each of its component classes), so about 3 ms of each of those keys went on
styling a widget that was being hidden, or styling one back to what it had been.

So a focus change is not restyled while the widget is hidden (it is restyled when it is shown
and its focus differs from the one it was styled with), nor when the widget is already styled
for that focus. Which focus its styles were worked out with is noted every time the stylesheet
styles it, whatever asked for it (a theme change too), so the note cannot go stale.
Relies on `Stylesheet.apply` asking `_get_component_classes` of each node it styles, and on
`Widget.watch_has_focus` (Textual 8.2, pinned in tests/app/test_settled_layout.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import events
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class FocusStyledWhenSeen(_Base):
    """Mix in before a focusable widget class that the wizard hides and shows."""

    _styled_focus: bool | None = None  # the focus its styles were last worked out with

    def _get_component_classes(self) -> frozenset[str]:  # type: ignore[override]
        # Asked by the stylesheet of every node it styles, just before the component classes
        # (which hold an OptionList's focused highlight) are styled with the node's focus.
        self._styled_focus = self.has_focus
        return super()._get_component_classes()

    def watch_has_focus(self, has_focus: bool) -> None:
        if has_focus == self._styled_focus or not self.display:
            return
        super().watch_has_focus(has_focus)

    def _on_show(self, event: events.Show) -> None:
        # Shown again without a focus change to restyle it (the wizard always gives the focus
        # to what it shows, so this is a safety net, a frame late).
        if self._styled_focus is not None and self._styled_focus != self.has_focus:
            self.update_node_styles()
