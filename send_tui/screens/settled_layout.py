"""A screen that finishes its layout before it paints: one frame a key, not two or three.

Laying a screen out can itself ask for another layout: an option list or a text pane that grew
past its height shows its scrollbar (which takes a column, so its content is laid out again), a
scrollbar's own size changes. Textual handles each such request a frame later, through a
message and its update timer, and paints every intermediate layout; a wizard key paid up to
four frames, each waiting for the next tick. Here the requests that the layout itself raised
are taken at once and the layout is run again (at most `EXTRA_PASSES` times) before the one
paint. What is finally painted is what Textual would have settled on; the frames in between,
with a scrollbar about to appear or vanish, are never shown.

The same goes for a paint with no layout before it (a screen that resumes): the update timer
waits behind the messages already queued for the screen, so a layout a widget has asked for
comes first, and behind a message still climbing to it from a widget (a form field's Changed,
whose preview is then painted in the same frame as the character typed), for at most
`MAX_HOLD_SECONDS` (`_on_timer_update`).

The same screen also drops the work Textual would do for a frame that shows nothing new:

- a repaint request queued just before a paint arrives just after it: it is dropped when the
  paint since it was made drew every cell of the widget (`_on_update`);
- a widget in a hidden container (a pane's scrollbars, restyled on a focus change) asks for a
  layout, and a widget not displayed asks for a repaint, though neither can change the screen
  (`_on_layout`, `_on_update`);
- a screen under an opaque one makes the top screen repaint when its own widgets change
  (Textual counts the screen just below the top as possibly showing through), and this one
  repaints itself whole when it comes back (`_compositor_refresh`);
- a newly composed screen is laid out and painted once before Textual sets its breakpoint
  classes (`-wide`, `-narrow`), then again: they are set before its first layout
  (`_apply_breakpoints`);
- a screen pushed again is restyled whole, although only a change to the app's CSS while it
  was off the stack can have made its styles stale (`_on_screen_resume`).
- focus moving repaints the whole screen, though only the two widgets concerned change
  (`focused`);
- a screen's first layout happens when it is first shown, and its events paint two more
  frames: a screen built ahead (the wizard) is laid out and drawn off screen instead
  (`prepare_off_screen`).

This is the one place send-tui overrides private Textual methods (`Screen._refresh_layout`,
`Screen._compositor_refresh`, `Screen._on_update`, `Screen._on_layout`,
`Screen._on_screen_resume`, `Screen._on_timer_update`), reads its widgets' private message
queues (`MessagePump._message_queue`, `_pending_message`) and mirrors three private methods
(`Widget._check_refresh`'s layout branch, `Screen._on_layout`, the breakpoints in
`Screen._on_resize`); it also starts a prepared screen's update timer and renders it off
screen (`Timer._run`, `Compositor.render_full_update`), and relies on Focus and Blur restyling
the widgets (`Screen.set_focus`, `Widget._on_focus`). tests/app/test_settled_layout.py pins
their source for the Textual version this was written against, so an upgrade fails that test
loudly rather than changing behaviour quietly.
"""

from __future__ import annotations

import asyncio
import math

from textual import events, messages
from textual._time import get_time
from textual.dom import DOMNode
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from send_tui.widgets.step_options import StepOptions

#: How many more layouts one update may run before it paints (a scrollbar shown, then its size).
EXTRA_PASSES = 2
#: The longest a paint waits for a message on its way up from the focused widget.
MAX_HOLD_SECONDS = 0.03
#: How long `prepare_off_screen` lets the widgets handle their first Show and Resize events.
PREPARE_SETTLE_SECONDS = 0.05


class SettledLayoutScreen(Screen[None]):
    """A Screen whose layout runs again, before painting, while the layout asks for more."""

    #: Textual repaints the whole screen when focus moves, though the two widgets concerned
    #: restyle and repaint themselves (and their scrollbars) on Focus and Blur, and any
    #: `:focus-within` container is restyled by `Screen._update_focus_styles`. An outcome
    #: (focus moves to its text) took 11 ms to paint whole, the changed widgets take 4-5.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _holding_paint = False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        self._apply_breakpoints(size or self.app.size)
        self._holding_paint = True
        try:
            super()._refresh_layout(size, scroll)
            for _ in range(EXTRA_PASSES):
                self._count_option_lines()
                if not self._take_layout_requests():
                    break
                super()._refresh_layout(size)
            self._take_repaint_requests()
            if self._repaint_required:
                # The screen asked to be repainted whole (a focus change does): do it in this
                # frame, or Textual's timer paints the whole screen again right after it.
                self._repaint_required = False
                self._dirty_widgets.add(self)
        finally:
            self._holding_paint = False
        if self.is_current and not self.app._batch_count:
            self._compositor.update_widgets(self._dirty_widgets)
            self._compositor_refresh()
        # (In a batch, Textual's own pass queued the paint with call_later; it runs afterwards.)

    def before_changing_in_place(self) -> None:
        """Call before changing what the screen shows (panes shown or hidden, new text).

        After a scroll Textual lays out only what is visible and marks its full map of the
        screen stale; the map is rebuilt when next asked for. The next layout finds what to
        repaint by comparing that map with the new one. Asked for in the middle of a change
        (a focus or region lookup does), the map was rebuilt from the half-changed screen, so
        a pane hidden after a scroll (an outcome's text, scrolled, then Esc) could leave a
        line of its text on screen that nothing repainted. Rebuilt here, it is what is shown.
        """
        self._compositor.full_map  # noqa: B018  (the property rebuilds the map if stale)

    def prepare_off_screen(self) -> None:
        """Lay out and draw this installed screen before it is first shown: one frame then.

        Textual lays a screen out the first time it is shown; the Show and Resize events
        that layout sends (a scrollbar composed, the screen's own size) each paint another
        frame, and the screen's update timer, started then, ticks a period late: the first
        call's first key took three frames and about 45 ms. Done here, in a quiet moment,
        they come and go unseen. Nothing is done once the screen is showing.
        """
        if self.is_current:
            return
        self._refresh_layout(self.app.size)
        # The widgets' Show and Resize events are handled meanwhile.
        self.set_timer(PREPARE_SETTLE_SECONDS, self._finish_preparing)

    def _finish_preparing(self) -> None:
        if self.is_current:
            return
        self._refresh_layout(self.app.size)  # with what those events asked for
        self._compositor.render_full_update()  # fills the widgets' line caches
        self._update_timer.resume()  # its first tick waits a period: now, not on a key

    _breakpoints_for: Size | None = None

    async def _on_compose(self, event: events.Compose) -> None:
        # Before the screen's widgets are first styled, so that styling counts once.
        self._apply_breakpoints(self.app.size)

    def _on_mount(self, event: events.Mount) -> None:
        # Every widget composed so far was styled as it mounted, with the CSS of now.
        self._styled_for = self.app._css_update_count

    def _apply_breakpoints(self, size: Size) -> None:
        """Set the breakpoint classes (`-wide`, `-narrow`) for `size` before laying out at it.

        Textual sets them when the screen's Resize event arrives, which for a newly composed
        screen is after its first layout and paint: that frame showed the wrong layout. The
        classes are worked out as `Screen._on_resize` does; it then finds nothing to change.
        """
        if size == self._breakpoints_for or not size:
            return
        self._breakpoints_for = size
        app = self.app
        horizontal = (
            app.HORIZONTAL_BREAKPOINTS
            if self.HORIZONTAL_BREAKPOINTS is None
            else self.HORIZONTAL_BREAKPOINTS
        ) or []
        vertical = (
            app.VERTICAL_BREAKPOINTS
            if self.VERTICAL_BREAKPOINTS is None
            else self.VERTICAL_BREAKPOINTS
        ) or []
        if not (horizontal or vertical):
            return
        classes = {name: False for _, name in horizontal + vertical}
        for name in self._get_breakpoint_classes(size.width, horizontal):
            classes[name] = True
        for name in self._get_breakpoint_classes(size.height, vertical):
            classes[name] = True
        self.update_classes(classes, animate=False)

    _update_deferred = False
    _deferred_at = 0.0

    def _on_timer_update(self) -> None:
        """Paint after the messages already queued for this screen, not before them.

        Textual's update timer runs outside the screen's queue, so a widget's request for a
        layout (options set while the screen resumed) can still be waiting there when the
        timer paints: that frame is laid out wrong and the next one right. Deferring the
        update, behind what is queued, lets those requests in first.

        The same for a message still on its way up to the screen from the focused widget (a
        form field's Changed, bubbling): the character typed and the preview it changes are
        painted together. Painted apart, the preview's frame waited for the update timer's
        next tick, up to two periods (about 33 ms), where the character's frame took 2.
        """
        if not self._update_deferred and (self._message_queue.qsize() or self._widgets_busy()):
            self._update_timer.pause()
            self._update_deferred = True
            self._deferred_at = get_time()
            self.call_later(self._deferred_update)
            return
        super()._on_timer_update()

    def _deferred_update(self) -> None:
        if get_time() - self._deferred_at < MAX_HOLD_SECONDS:
            if self._widgets_busy():
                # Let the message climb (each container hands it on in its own task), then
                # look again from behind what this screen has queued by then.
                asyncio.get_running_loop().call_soon(self.call_later, self._deferred_update)
                return
            if self._message_queue.qsize():
                self.call_later(self._deferred_update)  # behind what has arrived meanwhile
                return
        self._update_deferred = False
        super()._on_timer_update()

    def _widgets_busy(self) -> bool:
        """Has a widget on this screen a message to handle (a Changed on its way up, or the
        prompt that makes a widget just updated ask this screen for its layout)?"""
        return any(
            widget._message_queue.qsize() or widget._pending_message is not None
            for widget in self.walk_children(with_self=False)
        )

    #: The app's CSS generation this screen was last restyled for (see `_on_screen_resume`).
    _styled_for = -1

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Restyle a resumed screen only if the app's CSS changed since it was last styled.

        Textual restyles every widget of a screen each time it is shown, the first time too
        (about 15 ms for the wizard, 5 for the start screen), although its styles can only be
        stale if the CSS changed since its widgets were styled, as they mounted or when it
        was last shown (a theme chosen meanwhile): Textual counts those changes, as it does
        for switching modes. Runs before Screen's own handler, which reads the flag.
        """
        current = self.app._css_update_count
        if event.refresh_styles and max(self._styled_for, self._css_update_count) == current:
            event.refresh_styles = False
        self._styled_for = current

    async def _on_layout(self, message: messages.Layout) -> None:
        """Drop a layout asked for by a widget inside a container that is not displayed.

        A hidden pane's scrollbars restyled on a focus change ask for one, which arrives a
        frame late and would lay the screen out again for nothing: what is in a hidden
        container takes no room, and showing the container again lays it out anyway. (A
        widget that has itself just been hidden does need the layout: its room is freed.)
        Anything else goes on to Screen's own handler.
        """
        if _inside_hidden(message.widget):
            message.stop()
            message.prevent_default()

    #: When the last frame was painted, and the screen regions it drew.
    _painted: tuple[float, tuple[Region, ...]] = (-math.inf, ())

    def _compositor_refresh(self) -> None:
        if self._holding_paint:
            return
        top = self.app.screen
        if top is not self and top.styles.background.a == 1 and not self.app.is_inline:
            # Hidden under an opaque screen: Textual would have the top screen repaint these
            # regions (a frame that shows nothing new); this screen repaints fully on resume.
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        if self.is_current and not self.app.is_inline:
            self._painted = (get_time(), tuple(self._compositor._dirty_regions))
        super()._compositor_refresh()

    async def _on_update(self, message: messages.Update) -> None:
        """Drop a repaint request that a frame painted since it was made has already drawn.

        The request is made (and timestamped) after the widget changed; a paint that started
        later and drew every cell of the widget showed the change. Anything else goes on to
        Screen's own handler (Textual calls each class's `_on_update` in turn unless one
        prevents the default). A widget that is not displayed has nothing to paint: showing it
        again lays it out and paints it.
        """
        if _hidden(message.widget) or self._painted_since(message):
            message.stop()
            message.prevent_default()

    def _painted_since(self, message: messages.Update) -> bool:
        painted_at, regions = self._painted
        if message.time >= painted_at:  # (strictly before: a tie is not proof)
            return False
        placed = self._compositor.visible_widgets.get(message.widget)
        if placed is None:
            return False
        region, clip = placed
        shown = region.intersection(clip)
        return any(drawn.contains_region(shown) for drawn in regions)

    def _count_option_lines(self) -> None:
        """Let option lists count their lines at their new width now, not while painting.

        OptionList counts them when first rendered, and a changed count (new options, or the
        same options wrapped at another width) asks for yet another layout from inside the paint.
        """
        for widget, _geometry in self._compositor.layers:
            if isinstance(widget, StepOptions):
                widget.fit_width()
            if isinstance(widget, OptionList):
                widget._update_lines()
            if isinstance(widget, StepOptions):
                widget.settle_scroll()  # once the lines are counted: the end is where they end

    def _take_repaint_requests(self) -> None:
        """Paint, with this frame, what the layout asked to repaint (a scrollbar's new position)."""
        for widget, _geometry in self._compositor.layers:
            if widget is not self and widget._repaint_required:
                widget._repaint_required = False
                if widget.display:
                    self._dirty_widgets.add(widget)

    def _take_layout_requests(self) -> bool:
        """Take the layouts that widgets on the screen have asked for, as the screen would.

        Mirrors what `Widget._check_refresh` does for a layout (clearing the flag and the
        ancestors' arrangement caches) and what `Screen._on_layout` does on the message it
        would post, so the next `_refresh_layout` reflows those widgets. True if any asked.

        A scrollbar resized by the layout asks for another one on nearly every key, though its
        size and place come from its widget's arrangement in the layout just run: its request
        is taken and dropped. (A scrollbar shown or hidden changes its widget's room, and the
        widget then asks for a layout itself.) So is a footer key's: relabelled, it was sized to
        its new label by the layout that resized it, and it has nothing inside to arrange.
        """
        asked = []
        for widget, _geometry in self._compositor.layers:
            if widget is self or not widget._layout_required:
                continue
            if isinstance(widget, ScrollBar | ScrollBarCorner | FooterKey):
                widget._layout_required = False
            else:
                asked.append(widget)
        for widget in asked:
            widget._layout_required = False
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                ancestor._clear_arrangement_cache()
                ancestor._layout_updates += 1
                if not ancestor.styles.auto_dimensions:
                    break
            node: Widget = widget
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                self._layout_widgets.setdefault(ancestor, set())
                if node not in self._layout_widgets:
                    self._layout_widgets[ancestor].add(node)
                if not ancestor.styles.auto_dimensions:
                    break
                node = ancestor
        return bool(asked)


def _inside_hidden(widget: DOMNode) -> bool:
    """Is a container of `widget` not displayed (so the widget has no place on the screen)?"""
    return any(
        not ancestor.display for ancestor in widget.ancestors if isinstance(ancestor, Widget)
    )


def _hidden(widget: DOMNode) -> bool:
    """Is `widget`, or a container of it, not displayed (so it has nothing to paint)?"""
    return not widget.display or _inside_hidden(widget)
