"""F4: plain-English definitions of the terms the content uses, filtered as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model.content import GlossaryTerm, glossary_matches
from send_tui.widgets.choice_list import ChoiceList
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp


class GlossaryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,f4", "app.pop_screen", "Back", id="send.glossary.back"),
        Binding("down", "focus_list", show=False, id="send.glossary.down"),
    ]

    def __init__(self, term_id: str | None = None) -> None:
        super().__init__()
        self.initial = term_id

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar("Glossary: type to filter, Enter or arrows to read a term")
        with Horizontal(id="glossary-columns"):
            with Vertical(id="glossary-left"):
                yield Input(placeholder="Filter terms", id="glossary-filter")
                yield ChoiceList(id="glossary-list", markup=False)
            with VerticalScroll(id="glossary-definition"):
                yield Static(id="definition", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill("")
        if self.initial:
            self.show_term(self.initial)
            self.query_one("#glossary-list").focus()
        else:
            self.query_one("#glossary-filter").focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#glossary-list", OptionList)
        options.clear_options()
        found = glossary_matches(self.send_app.content, query)
        options.add_options(Option(Text(t.term), id=t.id) for t in found)
        if found:
            options.highlighted = 0
            self._define(found[0])
        else:
            self.query_one("#definition", Static).update(Text("No term matches that filter."))

    def show_term(self, term_id: str) -> None:
        options = self.query_one("#glossary-list", OptionList)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == term_id:
                options.highlighted = index
        term = self.send_app.content.glossary.get(term_id)
        if term is not None:
            self._define(term)

    def _define(self, term: GlossaryTerm) -> None:
        text = Text(term.term, style="bold underline")
        text.append("\n\n")
        text.append(term.definition, style="not bold not underline")
        if term.aliases:
            text.append(f"\n\nAlso written: {', '.join(term.aliases)}", style="italic")
        self.query_one("#definition", Static).update(text)

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _to_list(self) -> None:
        self.query_one("#glossary-list").focus()

    @on(OptionList.OptionHighlighted, "#glossary-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        term = self.send_app.content.glossary.get(event.option.id or "")
        if term is not None:
            self._define(term)

    def action_focus_list(self) -> None:
        self.query_one("#glossary-list").focus()
