"""Where a path ends: next steps, who to contact, the deadline rules and the references."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from send_tui.model.clocks import node_clocks
from send_tui.model.content import Route
from send_tui.model.letter import caller_answered
from send_tui.screens.node_screen import NodeScreen
from send_tui.widgets import content_text


class OutcomeScreen(NodeScreen):
    """An outcome node. Number keys add the routes it suggests to the plan."""

    BINDINGS = [
        *[
            Binding(str(n), f"add_route({n})", f"Add route {n}", show=False, id=f"send.add{n}")
            for n in range(1, 10)
        ],
        Binding("d", "deadlines", "Deadlines", id="send.outcome.deadlines"),
        Binding("l", "letter", "Letter", id="send.outcome.letter"),
    ]

    def compose_main(self) -> ComposeResult:
        yield Static(Text(self.node.title), id="node-title", markup=False)
        with VerticalScroll(id="outcome-body", can_focus=True):
            yield Static(self._details(), id="outcome-details", markup=False)
            yield Static(id="outcome-suggested", markup=False)

    def on_mount(self) -> None:
        self.query_one("#outcome-body").focus()
        self._show_suggested()

    def refresh_from_session(self) -> None:
        super().refresh_from_session()
        self._show_suggested()

    def _details(self) -> Text:
        node, content = self.node, self.send_app.content
        parts: list[Text] = []
        route = content.routes.get(node.route or "")
        if route is not None:
            parts.append(Text.assemble(("Route: ", "bold"), route.title))
        caller = caller_answered(self.send_app.session)
        if caller is not None and caller.hint:
            parts.append(Text.assemble(("Who is calling: ", "bold"), caller.label, "\n", (caller.hint, "italic")))
        if node.body:
            parts.append(content_text.paragraphs(node.body))
        parts += [content_text.heading("Next steps"), content_text.numbered(node.next_steps)]
        contact_ids = [*node.contacts, *(route.contacts if route else ())]
        if contact_ids:
            parts += [content_text.heading("Who to contact"), content_text.contacts(content, contact_ids)]
        clock_ids = self._clock_ids()
        if clock_ids:
            parts += [
                content_text.heading("Deadlines that apply"),
                content_text.clocks(content, clock_ids),
                Text("Press d to work out the dates.", style="italic"),
            ]
        ref_ids = [*node.refs, *(route.refs if route else ())]
        if ref_ids:
            parts += [content_text.heading("References"), content_text.references(content, ref_ids)]
        return Text("\n\n").join(parts)

    def _suggested(self) -> list[Route]:
        if self.preview:
            in_plan = {e.route.id for e in self.send_app.session.plan()}
            ids = [r for r in (self.node.route, *self.node.also_routes) if r and r not in in_plan]
            return [self.send_app.content.routes[r] for r in ids if self.send_app.content.routes[r].plannable]
        return [r for r in self.send_app.session.suggested_routes() if r.plannable]

    def _show_suggested(self) -> None:
        routes = self._suggested()
        widget = self.query_one("#outcome-suggested", Static)
        if not routes:
            widget.update(Text("Plan: F2 shows the routes in the plan.", style="italic"))
            return
        text = Text.assemble(content_text.heading("Also worth adding to the plan"), "\n")
        for number, route in enumerate(routes, start=1):
            text.append(f"{number}  ", style="bold")
            text.append(f"{route.title}: {route.summary}\n")
        text.append("Press the number to add it; F2 shows the plan.", style="italic")
        widget.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "deadlines":
            return bool(self._clock_ids())
        if action == "letter":
            return self.node.letter is not None or any(
                e.route.letter for e in self.send_app.session.plan()
            )
        return True

    def _clock_ids(self) -> tuple[str, ...]:
        return node_clocks(self.send_app.session, self.node)

    def action_letter(self) -> None:
        self.send_app.action_show_letter()

    def action_deadlines(self) -> None:
        self.send_app.action_show_deadlines(self._clock_ids())

    def action_add_route(self, number: int) -> None:
        routes = self._suggested()
        if not 1 <= number <= len(routes):
            return
        route = routes[number - 1]
        self.send_app.session.add_route(route.id)
        self.notify(f"Added to the plan: {route.title}", markup=False)
        self.send_app.session_changed()
        self._show_suggested()
