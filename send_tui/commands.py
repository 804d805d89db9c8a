"""Command-palette providers: ctrl+p searches all the route content through the shared index,
and finds the app's own actions ("new client", "save") by name.

One provider, `ContentSearch`, over the app's `search_index` (the same index as `send-tui
lookup`). Hits are titled by category ("step: Mediation", "term: SENCO", "ref: 11.45: ..."), so
an adviser can tell a screen from a definition at a glance. Choosing a step opens it as a
look-up, without touching the answers, and Esc returns; choosing a term opens the glossary on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from send_tui.model.search import hit_label

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from send_tui.model.content import Content as ContentModel
    from send_tui.model.search import SearchIndex, SearchResult

#: How many content hits the palette shows: enough to scroll, few enough to read on a call.
HIT_LIMIT = 12


class ContentApp(Protocol):
    """What the provider needs from the app; a protocol, so this module need not import it."""

    @property
    def search_index(self) -> SearchIndex | None: ...

    @property
    def content_or_none(self) -> ContentModel | None: ...

    def open_node(self, node_id: str) -> None: ...

    def show_glossary(self, term_id: str | None = None) -> None: ...


class ContentSearch(Provider):
    """Steps, routes, glossary terms, references, organisations and letters, typos and all."""

    @property
    def _app(self) -> ContentApp:
        return cast(ContentApp, self.app)

    async def startup(self) -> None:
        """Build the index off the event loop if the app has not yet: a large pack takes a moment."""
        # Take the app here, on the event loop: in the worker's thread `self.app` looks up the
        # active app in a context variable that may already be gone (a palette closed fast).
        app = self._app
        await self.app.run_worker(lambda: app.search_index, thread=True).wait()

    async def discover(self) -> Hits:
        """Before anything is typed: the common questions, each opening the step that answers it."""
        content = self._app.content_or_none
        if content is None:
            return
        for question, node_id in content.common_questions:
            yield DiscoveryHit(
                Content(f"question: {question}"),
                partial(self._app.open_node, node_id),
                text=question,
                help=escape(f"Opens: {content.nodes[node_id].title}"),
            )

    async def search(self, query: str) -> Hits:
        index = self._app.search_index
        if index is None:
            return
        results = index.search(query, limit=HIT_LIMIT)
        if not results:
            return
        best = results[0].score
        for result in results:
            label = hit_label(result)
            yield Hit(
                result.score / best,
                Content(label),
                partial(self.choose, result),
                text=label,
                help=escape(result.snippet) or None,
            )

    def choose(self, result: SearchResult) -> None:
        """A term opens in the glossary; anything else opens its step as a look-up."""
        if result.kind == "term":
            self._app.show_glossary(result.id)
        elif result.target_node:
            self._app.open_node(result.target_node)


#: The app's own actions for the palette: (title, help, action name). Titles name what an adviser
#: would type ("new client", "new call", "save"); the key is in the help, to learn it for next time.
APP_ACTIONS = (
    (
        "New client: start a new call",
        "Clear this call from the screen and the autosave (ctrl+n)",
        "new_client",
    ),
    ("Save this call", "Save the summary, the letter and the record of this call (ctrl+s)", "save"),
    (
        "Letter: write the letter",
        "The complaint or request letter for this call (F5)",
        "show_letter",
    ),
    ("Plan: the routes so far", "The routes chosen for this call, in order (F2)", "show_plan"),
    (
        "Deadlines: work out the dates",
        "The time limits for the routes in the plan (F8)",
        "show_deadlines",
    ),
    (
        "Timeline: every date, earliest first",
        "Firm limits and targets, and what to do if a date passes (t on the plan)",
        "show_timeline",
    ),
    (
        "Compare the routes side by side",
        "Who decides, how to start, time limits, what each can achieve (c on the plan)",
        "show_comparison",
    ),
    ("Glossary of terms", "Plain-English meanings of the terms used (F4)", "show_glossary"),
    (
        "Call details: reference and consent",
        "Case reference, and consent to record names (F6)",
        "call_details",
    ),
    ("Answers so far", "Every answer in this call; choose one to change it (F3)", "show_answers"),
    (
        "Help: keys on this screen",
        "The keys that work here, and the terms this step uses (F1)",
        "help",
    ),
)

#: Textual's own system commands that the palette does not offer. Screenshot writes an SVG of
#: the screen, names included, outside the owner-only saving in model/storage.py; Keys is
#: replaced by our F1 help, which lists our keys first.
DROPPED_SYSTEM_COMMANDS = frozenset({"Screenshot", "Keys"})


def app_commands(
    app: App, screen: Screen, system: Iterable[SystemCommand]
) -> Iterator[SystemCommand]:
    """The palette's commands: ours first, then Textual's (Theme, Quit ...) less the dropped ones."""
    if getattr(app, "content_or_none", None) is not None:
        for title, help_text, action in APP_ACTIONS:
            yield SystemCommand(title, help_text, getattr(app, f"action_{action}"))
    for command in system:
        if command.title not in DROPPED_SYSTEM_COMMANDS:
            yield command
