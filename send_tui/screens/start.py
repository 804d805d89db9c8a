"""The first screen: what the tool covers, how current the content is, and the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model.start_menu import ABOUT, start_choices
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp

KEYS = (
    "Keys: 1-9 choose · Esc back · F1 help · F2 plan · F3 answers · F4 glossary · "
    "F6 call details · ctrl+p search · ctrl+n new client · ctrl+q quit"
)

class StartScreen(Screen[None]):
    BINDINGS = [
        *[Binding(str(n), f"pick({n})", show=False, id=f"send.start{n}") for n in range(1, 10)],
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def _choices(self) -> list[tuple[str, str]]:
        """(label, action id) for each numbered choice, in order."""
        return start_choices(self.send_app.session, self.send_app.resumable)

    def compose(self) -> ComposeResult:
        app = self.send_app
        yield TitleBar(f"send-tui · SEND disagreement routes in England · reviewed {app.review_date_text}")
        with VerticalScroll(id="start-body"):
            yield Static(Text(ABOUT), id="about", markup=False)
            yield Static(
                Text(f"Local pack: {app.content.local_pack}. Content reviewed {app.review_date_text}."),
                id="review",
                markup=False,
            )
            with Vertical(id="start-choices"):
                yield OptionList(*self._option_items(), id="start-options", markup=False)
            yield Static(Text(KEYS, style="italic"), id="keys", markup=False)
        yield Footer()

    def _option_items(self) -> list[Option]:
        items = []
        for number, (label, action) in enumerate(self._choices(), start=1):
            items.append(Option(Text.assemble((f"{number}  ", "bold"), label), id=action))
        return items

    def on_mount(self) -> None:
        self.on_screen_resume()

    def on_screen_resume(self) -> None:
        options = self.query_one("#start-options", OptionList)
        options.clear_options()
        options.add_options(self._option_items())
        options.highlighted = 0
        options.focus()

    async def action_pick(self, number: int) -> None:
        choices = self._choices()
        if 1 <= number <= len(choices):
            await self._run(choices[number - 1][1])

    @on(OptionList.OptionSelected, "#start-options")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self._run(event.option.id or "")

    async def _run(self, action: str) -> None:
        app = self.send_app
        if action == "resume":
            app.resume()
        elif action in ("begin", "continue"):
            app.show_path()
        elif action.startswith("open:"):
            app.open_node(action.removeprefix("open:"))
        elif action == "glossary":
            app.action_show_glossary()
