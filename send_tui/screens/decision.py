"""The one data-driven screen for questions, multi-choice steps and information steps."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model.content import Node, NodeKind
from send_tui.model.session import toggle_choice
from send_tui.screens.node_screen import NodeScreen
from send_tui.widgets import content_text
from send_tui.widgets.numbered import numbered_row

CONTINUE = "__continue"


def _number_bindings() -> list[Binding]:
    return [
        Binding(str(n), f"choose({n})", f"Choose {n}", show=False, id=f"send.choose{n}")
        for n in range(1, 10)
    ]


class DecisionScreen(NodeScreen):
    """A question (1-9 choose at once), a multi-choice step (1-9 toggle, c continue) or an
    information step (Enter continues). Built from one content node; never one class per node."""

    BINDINGS = [
        *_number_bindings(),
        Binding("space", "toggle", "Toggle", show=False, id="send.toggle"),
        Binding("c", "continue", "Continue", id="send.continue"),
    ]

    def __init__(self, node: Node, *, preview: bool = False) -> None:
        super().__init__(node, preview=preview)
        self.selected: set[str] = set()

    def compose_main(self) -> ComposeResult:
        node = self.node
        answer = self.send_app.session.answers.get(node.id)
        self.selected = set(answer) if isinstance(answer, tuple) else set()
        yield Static(Text(node.title), id="node-title", markup=False)
        with VerticalScroll(id="node-body"):
            if node.body:
                yield Static(content_text.paragraphs(node.body), markup=False)
            if node.kind is NodeKind.MULTI:
                yield Static(
                    Text("Choose all that apply: 1-9 or Space to tick, then c to continue.", style="italic"),
                    markup=False,
                )
        yield OptionList(*self._options(), id="options", markup=False)

    def _options(self) -> list[Option]:
        node = self.node
        if node.kind is NodeKind.INFO:
            return [Option(Text("1  Continue"), id=CONTINUE)]
        options = []
        for number, option in enumerate(node.options, start=1):
            label = Text()
            if node.kind is NodeKind.MULTI:
                label.append("[x] " if option.id in self.selected else "[ ] ", style="bold")
            label.append(option.label)
            if option.hint:
                label.append(f"\n{option.hint}", style="italic")
            options.append(Option(numbered_row(number, label), id=option.id))
        if node.kind is NodeKind.MULTI:
            options.append(Option(Text("   Continue with these choices (c)", style="bold"), id=CONTINUE))
        return options

    def on_mount(self) -> None:
        self.add_class(f"-{self.node.kind}")
        options = self.query_one("#options", OptionList)
        options.focus()
        answer = self.send_app.session.answers.get(self.node.id)
        index = 0
        if isinstance(answer, str) and self.node.kind is NodeKind.QUESTION:
            index = next((i for i, o in enumerate(self.node.options) if o.id == answer), 0)
        options.highlighted = index

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle", "continue"):
            return self.node.kind is NodeKind.MULTI
        if action == "choose":
            (number,) = parameters
            limit = 1 if self.node.kind is NodeKind.INFO else len(self.node.options)
            return int(number) <= limit  # type: ignore[call-overload]
        return True

    # -- choosing ----------------------------------------------------------------------

    async def action_choose(self, number: int) -> None:
        if self.node.kind is NodeKind.INFO:
            await self._go_on()
            return
        if not 1 <= number <= len(self.node.options):
            return
        option = self.node.options[number - 1]
        if self.node.kind is NodeKind.MULTI:
            self._toggle(option.id)
        else:
            self.send_app.answer(self.node, option.id, preview=self.preview)

    @on(OptionList.OptionSelected, "#options")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == CONTINUE:
            await self._go_on()
        elif self.node.kind is NodeKind.MULTI:
            self._toggle(option_id)
        else:
            self.send_app.answer(self.node, option_id, preview=self.preview)

    def action_toggle(self) -> None:
        options = self.query_one("#options", OptionList)
        if options.highlighted is not None and options.highlighted < len(self.node.options):
            self._toggle(self.node.options[options.highlighted].id)

    async def action_continue(self) -> None:
        await self._go_on()

    def _toggle(self, option_id: str) -> None:
        if self.node.option(option_id) is None:
            return
        self.selected = toggle_choice(self.node, self.selected, option_id)
        options = self.query_one("#options", OptionList)
        highlighted = options.highlighted
        for index, new in enumerate(self._options()):
            options.replace_option_prompt_at_index(index, new.prompt)
        options.highlighted = highlighted

    async def _go_on(self) -> None:
        if self.node.kind is NodeKind.INFO:
            self.send_app.answer(self.node, "seen", preview=self.preview)
            return
        if not self.selected:
            self.notify("Choose at least one option first (1-9 or Space).", severity="warning")
            return
        chosen = tuple(o.id for o in self.node.options if o.id in self.selected)
        self.send_app.answer(self.node, chosen, preview=self.preview)
