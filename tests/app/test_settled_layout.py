"""The wizard lays itself out fully before it paints (send_tui/screens/settled_layout.py).

That module overrides and mirrors private Textual methods. The first test pins their source
for the Textual version it was written against: if it fails after an upgrade, re-read the new
source against settled_layout.py, adjust the mirror, then update the hashes. The others check
what an adviser would notice if the mirror were wrong: a scrollbar or rows left stale.
"""

from __future__ import annotations

import hashlib
import inspect
from typing import Any

import textual
from textual._compositor import Compositor
from textual._styles_cache import StylesCache
from textual.app import App
from textual.content import Content
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Region
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Footer, OptionList
from textual.widgets._footer import FooterKey

from send_tui.app import make_app
from send_tui.screens.wizard import WizardScreen
from send_tui.widgets.step_options import StepOptions
from send_tui.widgets.trail import AnswerTrail
from tests.app.helpers import node_id, press

#: sha256 (first 16 hex digits) of each private method's source in Textual 8.2.8.
PINNED = {
    "Screen._refresh_layout": "889715478130b7e0",
    "Screen._compositor_refresh": "7a40efe563816a06",
    "Screen._on_layout": "55209a37fad6f883",
    "Screen._on_timer_update": "421401660de142c5",
    "Widget._check_refresh": "ad1c8196be9747bf",
    "OptionList._update_lines": "fe2bedbdc372598b",
    "OptionList._on_resize": "7a621baa8e38de94",
    "OptionList.on_show": "f8c31a37980367f0",
    "Screen._on_update": "8d962c0761ddb02e",
    "Screen._on_screen_resume": "f39caa8ec4424d3c",
    "Footer.compose": "8514ae6622cb1844",
    "Footer.bindings_changed": "eb88714081bd2305",
    "FooterKey.__init__": "ad69cb341018def5",
    "FooterKey.render": "fb1e8670970a4da4",
    "Screen.set_focus": "56cfb5778970531a",
    "Screen._update_focus_styles": "cc50d6be558c8751",
    "Widget._on_focus": "5319a4d73a1e3881",
    "Widget._on_blur": "fff76a4c61b96628",
    "Widget.watch_has_focus": "387d9eae398b4747",
    "Timer._run": "60c942a84c1a8765",
    "Compositor.render_full_update": "ce99ccda4d2449b7",
    "OptionList.add_options": "84fa492e82306aba",
    "OptionList._remove_option": "e766b3853655df19",
    "OptionList._clear_caches": "6fbcea2f0b8c91a0",
    "Widget.vertical_scrollbar": "6b140a728f0b50e4",
    "ScrollBar.render": "43a56156a9a6cc05",
    "ScrollBarRender.__rich_console__": "39854fc82928d647",
    "StylesCache.render": "0945715ef8aede9b",
    "DataTable._render_line": "a32c6991165cea90",
    "Stylesheet.__init__": "5496b02a203e14ec",
    "Stylesheet._parse_rules": "2f1c2d220b672d1b",
    "Stylesheet.set_variables": "f8c97f5d9d755f56",
    "App._watch_theme": "a6de38d37b42f581",
    "App._refresh_truecolor_filter": "de78b5ae8901952a",
    "Widget.render_line": "36df21323c2e9fea",
    "Widget.render_lines": "1f2a11f3d51846d9",
    "Widget._render_content": "50c545576ca20403",
    "Content._wrap_and_format": "6bf904d927f5bf29",
    "Content.render_strips": "5595f673f3a2e010",
    "App._display": "4b78dff6669a455c",
    "Stylesheet.apply": "1faf3687bbba428f",
    "Stylesheet._process_component_classes": "852b5e4b93c6fc25",
    "DOMNode._get_component_classes": "c664337c28f09338",
    "MessagePump._get_message": "5c8f2e35f9c74837",
    "MessagePump._peek_message": "16a0e30204aadcbd",
}
METHODS = {
    "Screen._refresh_layout": Screen._refresh_layout,
    "Screen._compositor_refresh": Screen._compositor_refresh,
    "Screen._on_layout": Screen._on_layout,
    "Screen._on_timer_update": Screen._on_timer_update,
    "Widget._check_refresh": Widget._check_refresh,
    "OptionList._update_lines": OptionList._update_lines,
    "OptionList._on_resize": OptionList._on_resize,
    "OptionList.on_show": OptionList.on_show,
    "Screen._on_update": Screen._on_update,
    "Screen._on_screen_resume": Screen._on_screen_resume,
    "Footer.compose": Footer.compose,
    "Footer.bindings_changed": Footer.bindings_changed,
    "FooterKey.__init__": FooterKey.__init__,
    "FooterKey.render": FooterKey.render,
    # The screen does not repaint whole when focus moves (SettledLayoutScreen.focused):
    "Screen.set_focus": Screen.set_focus,
    "Screen._update_focus_styles": Screen._update_focus_styles,
    "Widget._on_focus": Widget._on_focus,
    "Widget._on_blur": Widget._on_blur,
    "Widget.watch_has_focus": Widget.watch_has_focus,
    # A screen prepared off screen (SettledLayoutScreen.prepare_off_screen): its update timer
    # is started early because a timer's first tick waits one period after it first starts.
    "Timer._run": Timer._run,
    "Compositor.render_full_update": Compositor.render_full_update,
    # The trail narrows the whole-list repaints these ask for (AnswerTrail._repainting_from).
    "OptionList.add_options": OptionList.add_options,
    "OptionList._remove_option": OptionList._remove_option,
    "OptionList._clear_caches": OptionList._clear_caches,
    # The wizard's scrollbars draw themselves (send_tui/widgets/quick_scrollbar.py).
    "Widget.vertical_scrollbar": Widget.vertical_scrollbar.fget,
    "ScrollBar.render": ScrollBar.render,
    "ScrollBarRender.__rich_console__": ScrollBarRender.__rich_console__,
    "StylesCache.render": StylesCache.render,
    # The comparison's row name kept in view draws DataTable's own line (screens/comparison.py).
    "DataTable._render_line": DataTable._render_line,
    # The parsed CSS kept between runs fills the stylesheet's parse cache (css_cache.py).
    "Stylesheet.__init__": Stylesheet.__init__,
    "Stylesheet._parse_rules": Stylesheet._parse_rules,
    "Stylesheet.set_variables": Stylesheet.set_variables,
    # The app starts in the adviser's theme as App._watch_theme would set it (SendApp._start_in_theme).
    "App._watch_theme": App._watch_theme,
    "App._refresh_truecolor_filter": App._refresh_truecolor_filter,
    # An outcome's text is drawn as far down as shown, each line as the whole text draws it
    # (send_tui/widgets/shown_text.py).
    "Widget.render_line": Widget.render_line,
    "Widget.render_lines": Widget.render_lines,
    "Widget._render_content": Widget._render_content,
    "Content._wrap_and_format": Content._wrap_and_format,
    "Content.render_strips": Content.render_strips,
    # Each painted frame lets the garbage collector held off for a key run (collector_hold.py).
    "App._display": App._display,
    # A focus change is restyled only where it shows (send_tui/widgets/focus_styles.py): every
    # styling of a node asks its `_get_component_classes`, which notes the focus it styles for.
    "Stylesheet.apply": Stylesheet.apply,
    "Stylesheet._process_component_classes": Stylesheet._process_component_classes,
    "DOMNode._get_component_classes": DOMNode._get_component_classes,
    # A paint waits for a message still queued on a widget (SettledLayoutScreen._widgets_busy):
    # a message taken off the queue but not yet handled is held in `_pending_message`.
    "MessagePump._get_message": MessagePump._get_message,
    "MessagePump._peek_message": MessagePump._peek_message,
}


def test_the_private_textual_methods_settled_layout_relies_on_are_unchanged() -> None:
    changed = {
        name: hashlib.sha256(inspect.getsource(method).encode()).hexdigest()[:16]
        for name, method in METHODS.items()
        if hashlib.sha256(inspect.getsource(method).encode()).hexdigest()[:16] != PINNED[name]
    }
    assert not changed, (
        f"Textual {textual.__version__} changed {sorted(changed)}: review "
        "send_tui/screens/settled_layout.py and send_tui/widgets/ (key_footer.py, trail.py, "
        "quick_scrollbar.py, shown_text.py), send_tui/screens/comparison.py, send_tui/css_cache.py, "
        "send_tui/collector_hold.py and SendApp._start_in_theme against the new source, then update PINNED."
    )


def _options_consistent(wizard: WizardScreen) -> None:
    options = wizard.query_one("#options", StepOptions)
    if not options.display:
        return
    needs_bar = options.virtual_size.height > options.scrollable_content_region.height
    assert options.show_vertical_scrollbar == needs_bar, node_id(wizard.app)
    assert (
        options._drawn_width == options.scrollable_content_region.width
    )  # rows drawn at this width
    assert not wizard._layout_required and not wizard._layout_widgets


async def test_every_step_settles_with_its_scrollbar_and_rows_matching_its_options() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # On through steps with few and many options (the scrollbar comes and goes), then back.
        for key in ["1", "1", "2", "1", "6", "escape", "escape", "escape", "2", "escape", "escape"]:
            await press(pilot, key)
            assert isinstance(app.screen, WizardScreen)
            _options_consistent(app.screen)


async def test_the_narrow_layout_settles_too() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        for key in ["1", "1", "2", "1", "6", "escape", "escape"]:
            await press(pilot, key)
            assert isinstance(app.screen, WizardScreen)
            _options_consistent(app.screen)


def _covered(drawn: list[Region], region: Region) -> bool:
    return all(
        any(part.contains(x, y) for part in drawn)
        for y in range(region.y, region.bottom)
        for x in range(region.x, region.right)
    )


async def test_moving_focus_repaints_the_widgets_whose_look_changes() -> None:
    """Focus moving no longer repaints the whole screen: the two widgets repaint themselves."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await press(pilot, "1")
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        trail, options = wizard.query_one(AnswerTrail), wizard.query_one("#options")
        drawn: list[Region] = []
        display = app._display

        def recorded(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                drawn.extend(screen._painted[1])

        app._display = recorded  # type: ignore[method-assign]
        for key, focused in (("f3", trail), ("escape", options)):
            drawn.clear()
            await press(pilot, key)
            assert wizard.focused is focused, key
            # Both borders change colour (focused and not): both were drawn again.
            assert _covered(drawn, trail.region) and _covered(drawn, options.region), key
            assert not _covered(drawn, wizard.region), key
