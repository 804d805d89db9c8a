"""The first screen: what the tool covers, how current the content is, and the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model.start_menu import ABOUT, start_choices
from send_tui.screens.settled_layout import SettledLayoutScreen
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.step_options import StepOptions
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp

KEYS = (
    "Keys: 1-9 choose · Esc back · F1 help · F2 plan · F3 answers · F4 glossary · "
    "F6 call details · ctrl+p search · ctrl+n new client · ctrl+q quit"
)


class StartScreen(SettledLayoutScreen):
    """The numbers never move: 1 always starts a new call, then the common questions, then the
    glossary. A call to carry on (resumed from the autosave, or the one in progress) gets a
    letter of its own, shown first, so offering it never renumbers anything else."""

    #: Textual focuses the first focusable widget, the scrolling body, and the options then
    #: take focus from it: two restyles of nearly the whole screen and a frame more at start-up.
    AUTO_FOCUS = "#start-options"

    BINDINGS = [
        *[
            Binding(str(n), f"pick('{n}')", "Choose", show=False, id=f"send.start{n}")
            for n in range(1, 10)
        ],
        Binding("r", "pick('r')", "Resume the autosaved call", show=False, id="send.start.resume"),
        Binding("c", "pick('c')", "Continue this call", show=False, id="send.start.continue"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown_choices: list[tuple[str, str, str]] | None = None

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def _choices(self) -> list[tuple[str, str, str]]:
        """(key, label, action id) for each choice, in the order shown."""
        app = self.send_app
        return start_choices(app.session_or_none, app.resumable, app.front.common_questions)

    def compose(self) -> ComposeResult:
        app = self.send_app
        yield TitleBar(
            f"send-tui · SEND disagreement routes in England · reviewed {app.review_date_text}",
            short=f"send-tui · content reviewed {app.review_date_text}",
        )
        with VerticalScroll(id="start-body"):
            yield Static(Text(ABOUT), id="about", markup=False)
            yield Static(
                Text(
                    f"Local pack: {app.front.local_pack}. Content reviewed {app.review_date_text}."
                ),
                id="review",
                markup=False,
            )
            with Vertical(id="start-choices"):
                self._shown_choices = self._choices()
                # A StepOptions keeps its drawn rows when only its height changes, so coming
                # back here with a choice added or gone is one frame, not two.
                yield StepOptions(*self._option_items(), id="start-options", markup=False)
            yield Static(Text(KEYS, style="italic"), id="keys", markup=False)
        yield KeyFooter()

    def _option_items(self) -> list[Option]:
        items = []
        for key, label, action in self._choices():
            items.append(Option(Text.assemble((f"{key}  ", "bold"), label), id=action))
        return items

    def on_mount(self) -> None:
        self.on_screen_resume()

    def on_screen_resume(self) -> None:
        options = self.query_one("#start-options", OptionList)
        choices = self._choices()
        if choices != self._shown_choices:  # redrawn only when a choice comes or goes
            self._shown_choices = choices
            options.set_options(self._option_items())
        options.highlighted = 0
        options.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            return any(key == parameters[0] for key, _label, _action in self._choices())
        return True

    async def action_pick(self, key: str) -> None:
        for choice_key, _label, action in self._choices():
            if choice_key == key:
                await self._run(action)
                return

    @on(OptionList.OptionSelected, "#start-options")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self._run(event.option.id or "")

    async def _run(self, action: str) -> None:
        app = self.send_app
        if action == "resume":
            app.resume()
        elif action == "continue":
            app.show_path()
        elif action == "begin":
            app.new_client(then_begin=True)
        elif action.startswith("open:"):
            app.open_node(action.removeprefix("open:"))
        elif action == "glossary":
            app.action_show_glossary()
