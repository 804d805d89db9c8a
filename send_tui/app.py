"""SendApp: the wizard, its keys, its theme; one factory builds it for the CLI, tests and snapshots."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from send_tui import paths
from send_tui.collector_hold import CollectorHold
from send_tui.css_cache import CssCache
from send_tui.model import dates
from send_tui.model.autosave import Autosave, Pending
from send_tui.model.config import Config, save_config
from send_tui.model.dates import long_date
from send_tui.model.letter_date_news import LetterDateNews
from send_tui.screens.start import StartScreen
from send_tui.theme import HIGH_CONTRAST_THEME

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType
    from textual.command import Provider
    from textual.widget import AwaitMount

    from send_tui.model.content import Answer, Content, Node
    from send_tui.model.content_cache import Front
    from send_tui.model.search import SearchIndex
    from send_tui.model.session import CaseDetails, DroppedAnswer, Session
    from send_tui.screens.wizard import WizardScreen

#: Young-generation collections as Python's defaults; full collections ten times rarer, since a
#: screen push makes many short-lived objects that the young collections already free.
TUNED_GC_THRESHOLDS = (700, 10, 100)
#: How the app says "add a route to the plan" and "look up a complaint" (`no_letter_reason`).
NO_LETTER_WAYS = ("(F2, then a)", "look up a complaint from the start screen and press l")
#: The name the one wizard screen is installed under.
WIZARD = "wizard"
#: How soon a change to the call is autosaved at the latest (normally straight after its frame).
AUTOSAVE_WITHIN_SECONDS = 0.25
#: How long the adviser has not pressed a key before start-up settles in (see `_settle_in`).
FREEZE_AFTER_SECONDS = 0.3
#: How to keep a changed letter's sent date, said anywhere but the letter screen itself.
LETTER_DATE_HOW = "On the letter screen (F5), press F9"

# Screens and dialogs an adviser opens later are imported when first opened, so start-up
# loads only what the first screen needs.


def _content_search() -> type[Provider]:
    from send_tui.commands import ContentSearch

    return ContentSearch


class SendApp(App[None]):
    """The adviser's wizard. State is the `session`; screens mirror it and send it commands."""

    CSS_PATH = "app.tcss"
    TITLE = "send-tui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_content_search}

    BINDINGS = [
        Binding("f1", "help", "Help", id="send.help"),
        Binding("f2", "show_plan", "Plan", id="send.plan"),
        Binding("f3", "show_answers", "Answers", show=False, id="send.answers"),
        Binding("f4", "show_glossary", "Glossary", show=False, id="send.glossary"),
        Binding("f5", "show_letter", "Letter", show=False, id="send.letter"),
        Binding("f6", "call_details", "Call details", show=False, priority=True, id="send.call"),
        Binding("f8", "show_deadlines", "Deadlines", show=False, id="send.deadlines"),
        Binding("ctrl+s", "save", "Save", id="send.save"),
        Binding("ctrl+n", "new_client", "New client", show=False, id="send.new"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="send.quit"),
        # Textual's Input and TextArea have no select-all a Windows user would find (ctrl+a goes
        # to the line start): ctrl+a selects the whole field, so one key then Delete clears it.
        Binding(
            "ctrl+a",
            "select_all_text",
            "Select all the text in this field",
            show=False,
            priority=True,
            id="send.select_all",
        ),
    ]

    def __init__(
        self,
        content: Content | None,
        *,
        problems: str = "",
        config: Config | None = None,
        config_path: Path | None = None,
        config_problems: list[str] | None = None,
        session: Session | None = None,
        front: Front | None = None,
        load_content: Callable[[], Content] | None = None,
    ) -> None:
        """`front` and `load_content` (from `load_startup(defer=True)`): the start screen is
        shown from the front page, and the content loaded in the first quiet moment, or when
        anything needs it sooner; `content` is then None."""
        super().__init__()
        self.content_problems = problems
        self.config = config or Config()
        self.register_theme(HIGH_CONTRAST_THEME)
        if self.config.theme != self.theme and self.config.theme in self.available_themes:
            self._start_in_theme(self.config.theme)
        # What earlier runs parsed of the CSS, before Textual parses it for the first screen.
        self._css_cache = CssCache(paths.cache_dir())
        if self.config.theme == self.theme:
            self._css_cache.seed(self.stylesheet)
        self.config_path = config_path
        self.config_problems = list(config_problems or [])
        self._content = content
        self._front = front
        self._load_later = load_content if content is None else None
        self._session = session  # else made from the content when first needed (`session`)
        self.saved_revision = self._session.revision if self._session else 0
        self.last_dropped: list[DroppedAnswer] = []
        self.autosave = Autosave(paths.data_dir())
        self.resumable: Pending | None = None
        self._autosave_problem: str | None = None
        #: An autosave left untouched while an opened record is shown (autosave is off meanwhile).
        self.kept_autosave: Pending | None = None
        self._opened_over: Pending | None = None
        if self.has_content and session is None:
            # Read before the start screen is built, so it can offer to resume; the content is
            # loaded for it only if there is an autosave to read.
            self.resumable, self._autosave_problem = self.autosave.pending(lambda: self.content)
        elif content is not None:
            # `open RECORD.toml`: an unsaved call in the autosave must not be replaced unasked.
            self._opened_over, self._autosave_problem = self.autosave.pending(content)
            self.kept_autosave = self._opened_over  # kept until the adviser decides
        self._last_activity = time.monotonic()
        self._collector = CollectorHold()  # off from a key until its frame is painted
        self._idle_warning_shown = False
        self._autosave_failing = False  # the last autosave write failed (told once, until it works)
        self._autosave_due = False  # a change is waiting to be autosaved (`session_changed`)
        self._wizard_mounted: AwaitMount | None = None  # the wizard built ahead of the call
        self._letter_date_news = LetterDateNews()  # see `_announce_letter_date`
        if session is not None:  # an opened record: what it already is is not news
            self._letter_date_news.reset(session, dates.today())

    # -- what every screen reads -------------------------------------------------------

    @property
    def has_content(self) -> bool:
        """The content loaded, or known to load (its cache's front page): not the problems."""
        return self._content is not None or self._load_later is not None

    @property
    def content(self) -> Content:
        if self._content is None and self._load_later is not None:
            self._load_content_now()
        assert self._content is not None, "no content loaded"
        return self._content

    def _load_content_now(self) -> None:
        """Load the content the start screen was shown without (see `__init__`): unpickle its
        cache, read and checked at start-up (`cached_front`), so no content problem can come."""
        load, self._load_later = self._load_later, None
        assert load is not None
        self._content = load()

    @property
    def session(self) -> Session:
        if self._session is None:
            from send_tui.model.session import Session

            self._session = Session(self.content)
        return self._session

    @property
    def session_or_none(self) -> Session | None:
        """The call, if one has been made (the start screen does not make one)."""
        return self._session

    @property
    def content_or_none(self) -> Content | None:
        return self.content if self.has_content else None

    @cached_property
    def search_index(self) -> SearchIndex | None:
        """Built the first time the palette opens (in a thread), not at start-up."""
        from send_tui.model.content_cache import search_index_cached

        content = self.content_or_none
        return search_index_cached(content) if content is not None else None

    @property
    def front(self) -> Front:
        """What the start screen shows of the content: from the cache's front page until the
        content itself is loaded, then from the content."""
        if self._content is None and self._front is not None:
            return self._front
        from send_tui.model.content_cache import Front

        return Front.of(self.content)

    @property
    def review_date_text(self) -> str:
        return long_date(self.front.review_date)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our actions in the palette, and Textual's without its Screenshot (see commands.py)."""
        from send_tui.commands import app_commands

        return app_commands(self, screen, super().get_system_commands(screen))

    def get_default_screen(self) -> Screen:
        if not self.has_content:
            from send_tui.screens.content_problems import ContentProblemsScreen

            return ContentProblemsScreen(self.content_problems)
        return StartScreen()

    def _start_in_theme(self, name: str) -> None:
        """Start in the adviser's theme (high contrast, say) rather than switch to it once up.

        Set in `on_mount`, as Textual's guide does, the theme made Textual parse all the CSS
        again in a fresh stylesheet and restyle every widget before the first paint: about
        40 ms more at start-up than the default theme. Nothing is styled yet here, so this
        does what `App._watch_theme` does short of that restyle: the theme's classes on the
        app, its ANSI colours, and its CSS variables in the stylesheet, before any parse.
        """
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        classes = {cls: False for cls in self.classes if cls.startswith("-theme-")}
        classes |= {f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme  # (already so, from `_start_in_theme`)
        else:
            self.config_problems.append(
                f"Theme {self.config.theme!r} is not available; using the default."
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.config.keys:
            from send_tui.keymap import apply_keys

            self.config_problems += apply_keys(self, self.config.keys, self.config_path)
        for problem in self.config_problems:
            self.notify(problem, title="Settings", severity="warning", markup=False, timeout=12)
        if self._autosave_problem:
            self.notify(
                self._autosave_problem,
                title="Autosave",
                severity="warning",
                markup=False,
                timeout=15,
            )
        for warning in self._synced_folder_warnings():
            self.notify(
                warning, title="Synced folder", severity="warning", markup=False, timeout=20
            )
        if self.config.idle_clear_minutes:
            self.set_interval(1, self._check_idle)
        if self._opened_over is not None:
            self._ask_about_autosave(self._opened_over)
        # Once the first screen is up and the adviser has paused: not in the way of the first
        # paint or of a key (a full collection takes about 20 ms, the wizard's build 100 ms).
        self.call_after_refresh(self.set_timer, FREEZE_AFTER_SECONDS, self._settle_in)

    def _synced_folder_warnings(self) -> list[str]:
        """ "Nothing leaves the machine" is false if OneDrive or the like syncs where we write."""
        from send_tui.model.synced import synced_warning

        found = (
            synced_warning("The save folder", self.save_folder()),
            synced_warning("The autosave folder", paths.data_dir()),
        )
        return [warning for warning in found if warning]

    async def _settle_in(self) -> None:
        """After start-up, in a quiet moment: build the wizard ahead of the first call, then
        move what start-up built out of the garbage collector's sight.

        Waits until no key has come for `FREEZE_AFTER_SECONDS`, so neither lands on a key.
        """
        quiet = time.monotonic() - self._last_activity
        if quiet < FREEZE_AFTER_SECONDS:
            self.set_timer(FREEZE_AFTER_SECONDS - quiet, self._settle_in)
            return
        await self._build_wizard()
        self._css_cache.save(self.stylesheet)  # the wizard's CSS is parsed by now too
        self._freeze_startup_objects()

    async def _build_wizard(self) -> None:
        """Compose the wizard off screen, so the first call's first key does not wait for it.

        The first call otherwise composes the whole wizard (about 100 ms) on its first key.
        """
        from send_tui.screens.wizard import WizardScreen

        if not self.has_content or self.is_screen_installed(WIZARD):
            return
        wizard = WizardScreen(self.content.nodes[self.session.path()[-1]])
        self.install_screen(wizard, WIZARD)
        self._wizard_mounted = self._get_screen(wizard)[1]  # mounts it, not shown
        await self._wizard_mounted
        self._wizard_mounted = None  # mounted: a call's first key need not wait on it
        wizard.prepare_off_screen()

    def _freeze_startup_objects(self) -> None:
        """Move what start-up built (Textual, the content) out of the garbage collector's sight.

        It lives until the app exits, and without this every full collection walks all of it,
        which is what made the slowest key presses slow.
        """
        gc.collect()
        gc.freeze()
        gc.set_threshold(*TUNED_GC_THRESHOLDS)

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", self.theme)
        if name == self.config.theme:
            return
        self.config = self.config.with_changes(theme=name)
        if self.config_path is not None:
            problem = save_config(self.config, self.config_path)
            if problem:
                self.notify(problem, severity="warning", markup=False)

    # -- moving through the content ----------------------------------------------------

    def wizard(self) -> WizardScreen | None:
        """The active screen if it is the wizard (the call or a look-up), else None."""
        from send_tui.screens.wizard import WizardScreen

        return self.screen if isinstance(self.screen, WizardScreen) else None

    def answer(self, node: Node, answer: Answer, *, preview: bool = False) -> None:
        """Record an answer and move on; a look-up just shows where the answer leads."""
        if preview:
            target = self.content.nodes.get(self.session.next_node(node, answer) or "")
            shown = self.wizard()
            if target is not None and shown is not None and shown.preview:
                shown.go_on_to(target)
            return
        dropped = self.session.answer(node.id, answer)
        self.last_dropped = dropped
        if dropped:
            from send_tui.model.session import dropped_message

            self.notify(
                dropped_message(dropped),
                title="Answers removed",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.session_changed()
        self.show_path()

    def show_path(self, upto: str | None = None) -> None:
        """Show the call at its frontier (or at `upto`, an earlier step on the path).

        On the call's own wizard the step is shown at once, so a key typed ahead (the next
        number already queued) is taken by the step it was meant for, not the one before.
        Anything open over the call has to close first, which waits for the screens.
        """
        shown = self.wizard()
        if shown is not None and not shown.preview and shown is self.screen_stack[-1]:
            shown.show(self._step_to_show(upto))
        else:
            self.call_later(self._show_step, upto)

    def _step_to_show(self, upto: str | None) -> Node:
        path = self.session.path()
        return self.content.nodes[upto if upto is not None and upto in path else path[-1]]

    def reopen(self, node_id: str) -> None:
        """Go back to an earlier question to change its answer; later answers are kept."""
        self.show_path(upto=node_id)

    def go_back(self) -> None:
        """Esc on the call: the step before this one on the path; from the first, the start."""
        self.call_later(self._go_back)

    async def _go_back(self) -> None:
        shown = self.wizard()
        if shown is not None and not shown.preview:
            path = self.session.path()
            if shown.node.id in path and path.index(shown.node.id) > 0:
                shown.show(self.content.nodes[path[path.index(shown.node.id) - 1]])
                return
        if len(self.screen_stack) > 1:
            await self.pop_screen()

    async def _show_step(self, upto: str | None) -> None:
        from send_tui.screens.wizard import WizardScreen

        node = self._step_to_show(upto)
        # Whatever is open over the call (a look-up, the plan, a dialog) closes first.
        while len(self.screen_stack) > 1 and not (
            isinstance(self.screen, WizardScreen) and not self.screen.preview
        ):
            await self.pop_screen()
        shown = self.wizard()
        if shown is not None:
            shown.show(node)
        elif self.is_screen_installed(WIZARD):
            if self._wizard_mounted is not None:
                await self._wizard_mounted  # built ahead: its widgets are there to set out
            wizard = self.get_screen(WIZARD)
            wizard.show(node)  # type: ignore[attr-defined]  # set out before it is shown
            await self.push_screen(wizard)
        else:
            # Installed, so it is kept when the adviser goes back to the start screen.
            self.install_screen(WizardScreen(node), WIZARD)
            await self.push_screen(WIZARD)

    def open_node(self, node_id: str) -> None:
        """Open a step as a look-up, without touching the answers; Esc returns."""
        from send_tui.screens.wizard import WizardScreen

        node = self.content.nodes.get(node_id)
        if node is not None:
            self.push_screen(WizardScreen(node, preview=True))

    def session_changed(self) -> None:
        """Called after every change to the session: redraw the keys, then autosave (with
        consent) once the frame showing the change is painted.

        The write ends in an fsync (and, on a Windows desktop, a virus scan), which held up the
        next step's frame on every key; several changes before the paint make one write.
        """
        self.refresh_bindings()
        self._announce_letter_date()
        if not self._autosave_due:
            self._autosave_due = True
            self.call_after_refresh(self.write_autosave)
            # And at the latest soon after: a screen pushed over this one before its paint
            # would hold the callback until it comes back.
            self.set_timer(AUTOSAVE_WITHIN_SECONDS, self.write_autosave)

    def _announce_letter_date(self) -> None:
        """Say so the moment a change re-dates a saved letter, or undoing it restores its date.

        Wherever the change was made: an answer changed in the wizard (a college, not a
        school) changes a reopened call's letter as much as its own form does, and the adviser
        would otherwise first hear of it in the save dialog.
        """
        news = self._letter_date_news.news(self.session, dates.today())
        if news is not None:
            how = getattr(self.screen, "LETTER_DATE_HOW", LETTER_DATE_HOW)
            self.notify(news.message(how), title="Letter date", markup=False, timeout=12)

    def write_autosave(self) -> None:
        """Write the autosave now (or, without consent, remove it) if a change is waiting."""
        if not self._autosave_due:
            return
        self._autosave_due = False
        if self._session is None or self.kept_autosave is not None or self.resumable is not None:
            # An autosave kept for later, or still offered to resume, is never overwritten
            # (nor, without consent, deleted) by a change made before it is resumed or cleared.
            return
        problem = self.autosave.save(self.session)
        if problem is None:
            self._autosave_failing = False  # working again: a new failure is news
        elif not self._autosave_failing:
            self._autosave_failing = True
            self.notify(problem, title="Autosave", severity="error", markup=False, timeout=15)

    def _ask_about_autosave(self, pending: Pending) -> None:
        from send_tui.dialogs.autosave_choice import DISCARD, RESUME, AutosaveChoice

        def decided(choice: str | None) -> None:
            self._opened_over = None
            if choice == DISCARD:
                self.kept_autosave = None
                self.autosave.clear()
                self.session_changed()  # the opened record is autosaved from now on (with consent)
            elif choice == RESUME:
                self.kept_autosave = None
                self.resumable = pending
                self.resume()
            else:
                self.notify(
                    "The earlier call is kept in the autosave. Autosave is off while this record "
                    "is open: save with ctrl+s.",
                    title="Autosave",
                    markup=False,
                    timeout=12,
                )

        self.push_screen(AutosaveChoice(pending.saved), decided)

    def resume(self) -> None:
        """Carry on with the call found in the autosave."""
        if self.resumable is None:
            return
        self._session = self.resumable.session
        self._letter_date_news.reset(self._session, dates.today())  # as it was left: not news
        self.resumable = None
        self.saved_revision = -1  # resumed work has not been saved as a summary
        self.show_path()

    def clear_client(self, *, announce: bool = True, keep_case: bool = False) -> None:
        """Forget the caller: screen, state and autosave. Nothing of them remains (but the call
        details, with `keep_case`: see `Session.clear`)."""
        self.session.clear(keep_case=keep_case)
        self._letter_date_news.reset(self.session, dates.today())
        if self.kept_autosave is not None:
            # The opened record is cleared; the call kept in the autosave is offered again.
            self.resumable, self.kept_autosave = self.kept_autosave, None
        else:
            self.autosave.clear()
            self.resumable = None
        self.last_dropped = []
        self.saved_revision = self.session.revision
        self._autosave_failing = False  # the next caller hears of a failing autosave too
        self.clear_notifications()
        self.call_later(self._back_to_start, announce)

    async def _back_to_start(self, announce: bool = True) -> None:
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if isinstance(self.screen, StartScreen):
            self.screen.on_screen_resume()
        if announce:
            self.notify("Ready for a new caller.", timeout=4)

    @property
    def unsaved(self) -> bool:
        return (
            self._session is not None
            and self.session.has_work()
            and self.session.revision != self.saved_revision
        )

    # -- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_all_text":
            # Only in a text field; elsewhere ctrl+a is left to the focused widget.
            return hasattr(self.screen.focused, "select_all")  # Input, TextArea
        return True

    def action_select_all_text(self) -> None:
        focused = self.screen.focused
        if focused is not None and hasattr(focused, "select_all"):
            focused.select_all()

    def action_help(self) -> None:
        from send_tui.dialogs.help import HelpDialog, key_tables

        screen = self.screen
        keys, general = key_tables(self, screen)
        terms = []
        shown = self.wizard()
        if shown is not None:
            terms = [
                self.content.glossary[t] for t in shown.node.terms if t in self.content.glossary
            ]
        title = (
            shown.node.title
            if shown is not None
            else getattr(
                screen,
                "HELP_TITLE",
                screen.__class__.__name__.removesuffix("Screen") or "send-tui",
            )
        )
        self.push_screen(HelpDialog(title, keys, terms, general=general))

    def action_show_plan(self) -> None:
        from send_tui.screens.plan import PlanScreen

        if not self.has_content or isinstance(self.screen, PlanScreen):
            return
        if not self._back_to(PlanScreen):
            self.push_screen(PlanScreen())

    def action_show_answers(self) -> None:
        from send_tui.dialogs.answers import AnswersDialog

        if not self.has_content:
            return
        shown = self.wizard()
        if shown is not None and shown.focus_trail():
            return

        def chosen(node_id: str | None) -> None:
            if node_id:
                self.reopen(node_id)

        self.push_screen(AnswersDialog(self.session), chosen)

    def action_show_glossary(self, term_id: str | None = None) -> None:
        from send_tui.screens.glossary import GlossaryScreen

        if not self.has_content:
            return
        if isinstance(self.screen, GlossaryScreen):
            if term_id:
                self.screen.show_term(term_id)
            return
        self.push_screen(GlossaryScreen(term_id))

    def show_glossary(self, term_id: str | None = None) -> None:
        self.action_show_glossary(term_id)

    def save_folder(self) -> Path:
        """Where saves go: the folder last saved into, else the configured one, else documents/send-tui."""
        from send_tui.model.config import folder_to_offer

        return folder_to_offer(self.config, paths.default_save_dir())

    def action_save(self) -> None:
        from send_tui.dialogs.save import SaveDialog

        if not self.has_content or isinstance(self.screen, SaveDialog):
            return
        from send_tui.model.outputs import nothing_to_save

        if reason := nothing_to_save(self.session, resumable=self.resumable is not None):
            self.notify(reason, title="Nothing saved", markup=False, timeout=8)
            return

        def saved(written: list[Path] | None) -> None:
            if written:
                self.saved_revision = self.session.revision
                # The save fixed the letter's date and the day the summary was made: the
                # autosave must hold them too, or a call saved and then quit resumes with its
                # letter dated anew, as if it had never been sent.
                self.session_changed()
                folder = written[0].parent
                names = ", ".join(p.name for p in written)
                self.notify(f"Saved in {folder}: {names}", title="Saved", markup=False, timeout=12)

        self.push_screen(SaveDialog(), saved)

    def action_show_letter(self) -> None:
        """The letter form for this call's letter; with no letter to word, say why instead.

        A look-up of an outcome that has a letter (from the start screen or ctrl+p) opens that
        letter when the call itself has none yet.
        """
        from send_tui.model.letter import no_letter_reason, open_letter
        from send_tui.screens.letter import LetterScreen

        if not self.has_content or isinstance(self.screen, LetterScreen):
            return
        shown = self.wizard()
        looked_up = shown.node if shown is not None and shown.preview else None
        if open_letter(self.session, looked_up) is None:
            self.notify(
                no_letter_reason(self.session, NO_LETTER_WAYS),
                title="No letter",
                severity="warning",
                markup=False,
                timeout=10,
            )
            return
        self.session_changed()
        if not self._back_to(LetterScreen):
            self.push_screen(LetterScreen())

    def _back_to(self, kind: type[Screen]) -> bool:
        """Go back to the screen of `kind` already open under this one, if there is one.

        A second form opened over the first (the letter, then F2, then l) left the first one
        showing what it held before: back on it, its stale fields were the ones saved again
        (and a stale plan offered to remove a route already removed).
        """
        stack = self.screen_stack
        below = [i for i, screen in enumerate(stack) if isinstance(screen, kind)]
        if not below:
            return False
        for _ in range(len(stack) - 1 - below[-1]):
            self.pop_screen()
        return True

    def action_show_deadlines(self, clocks: tuple[str, ...] | None = None) -> None:
        """The deadlines screen for `clocks`, else for the clocks of the outcome and the plan."""
        from send_tui.screens.deadlines import DeadlinesScreen

        if not self.has_content or isinstance(self.screen, DeadlinesScreen):
            return
        if self._back_to(DeadlinesScreen):
            return
        if clocks is None:
            from send_tui.model.clocks import clocks_in_play

            clocks = clocks_in_play(self.session)
        self.push_screen(DeadlinesScreen(clocks))

    def action_show_timeline(self) -> None:
        from send_tui.screens.timeline import TimelineScreen

        if self.has_content and not isinstance(self.screen, TimelineScreen):
            self.push_screen(TimelineScreen())

    def action_show_comparison(self) -> None:
        from send_tui.screens.comparison import ComparisonScreen

        if self.has_content and not isinstance(self.screen, ComparisonScreen):
            self.push_screen(ComparisonScreen())

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from send_tui.widgets.palette import GuardedCommandPalette

        # Any palette on the stack counts as open: a fast second ctrl+p must not open another.
        if self.use_command_palette and not any(
            isinstance(s, CommandPalette) for s in self.screen_stack
        ):
            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def action_new_client(self) -> None:
        if self.has_content:
            self.new_client()

    def new_client(self, *, then_begin: bool = False) -> None:
        """Clear the call (ctrl+n, or "Start a new call"), asking first if anything would be lost.

        `then_begin` opens the first question once the call is cleared: the start screen's
        "Start a new call" must never reopen the previous caller's answers.
        """

        if then_begin and not self.session.has_work() and self.resumable is None:
            self.show_path()  # nothing to clear: keep any call details typed for this caller
            return

        # Details typed before the call has begun (F6 on the start screen) are the new
        # caller's: clearing an earlier call waiting in the autosave must not clear them too.
        keep_case = then_begin and not self.session.has_work()

        def clear() -> None:
            self.clear_client(announce=not then_begin, keep_case=keep_case)
            if then_begin:
                self.show_path()

        if not self.unsaved and self.resumable is None:
            clear()
            return

        def decided(yes: bool | None) -> None:
            if yes:
                clear()

        from send_tui.model.start_menu import new_call_question

        question = new_call_question(
            self.session,
            resumable=self.resumable is not None,
            kept_autosave=self.kept_autosave is not None,
        )
        from send_tui.dialogs.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(question, yes="Clear (y)", no="Keep (n)"), decided)

    def action_call_details(self) -> None:
        from send_tui.dialogs.call_details import CallDetailsDialog

        if not self.has_content:
            return

        def kept(case: CaseDetails | None) -> None:
            if case is not None and case != self.session.case:
                self.session.set_case(
                    case.reference, case.consent_to_record
                )  # cleaned, bumps revision
                self.session_changed()
                state = "on" if case.consent_to_record else "off: nothing personal is kept"
                if self.kept_autosave is not None:
                    state = "off while this record is open: the earlier call is kept in it"
                elif self.resumable is not None:
                    state = "off until the call in progress is resumed or cleared: it is kept"
                self.notify(f"Call details kept. Autosave is {state}.", markup=False)

        self.push_screen(CallDetailsDialog(self.session.case), kept)

    # -- idle clear ------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_activity = time.monotonic()
            self._collector.hold()
        await super().on_event(event)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Paint a frame; a key's frame lets the garbage collector run (`CollectorHold`)."""
        super()._display(screen, renderable)
        if renderable is not None:
            self._collector.frame_painted()

    def on_unmount(self) -> None:
        self._collector.release()  # never left off once the app has stopped

    def _handle_exception(self, error: Exception) -> None:
        """An error in send-tui: save what the caller agreed to, then close with a plain message.

        Textual would print the traceback with each frame's variables (the call's details) to
        the terminal; `crash_message` says what happened to the call and where the error was,
        and nothing the adviser typed. Tests still see the error: Textual's bookkeeping is kept.

        While the app shuts down, a screen still being built (the wizard built ahead, a dialog
        opened with the quit) can find its widgets already removed: nothing is left to show it
        on, so that is not an error for the adviser.
        """
        from textual.app import ScreenStackError
        from textual.css.query import NoMatches

        if not self.is_running and isinstance(error, NoMatches | ScreenStackError):
            return
        import os

        from rich.text import Text

        from send_tui.crash import DEBUG_VARIABLE, crash_message

        try:
            self._autosave_due = True  # whatever changed since the last write
            self.write_autosave()
        except Exception:  # noqa: BLE001  (the autosave may be what failed; the message matters more)
            pass
        if os.environ.get(DEBUG_VARIABLE):
            super()._handle_exception(error)  # Textual's traceback, for a developer
            return
        self._return_code = 1
        if self._exception is None:  # run_test raises it for the tests
            self._exception = error
            self._exception_event.set()
        self.bell()
        self.panic(Text(crash_message(error)))

    def _check_idle(self) -> None:
        from send_tui.dialogs.idle_warning import IdleWarning

        limit = self.config.idle_clear_minutes * 60
        if self._idle_warning_shown or self._session is None or not self.session.has_work():
            return
        idle = time.monotonic() - self._last_activity
        warning = min(60, limit // 2)
        if idle >= limit - warning:
            self._idle_warning_shown = True

            def done(clear: bool | None) -> None:
                self._idle_warning_shown = False
                self._last_activity = time.monotonic()
                if clear:
                    self.clear_client()

            self.push_screen(IdleWarning(max(1, int(limit - idle))), done)

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.write_autosave()  # a change made just before quitting is not lost
        super().exit(result, return_code, message)

    async def action_quit(self) -> None:
        self.write_autosave()
        self.autosave.tidy()  # no temp or set-aside file of the autosave outlives the run
        if not self.unsaved:
            self.exit()
            return

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        kept = (
            " It stays in this computer's autosave, to resume next time (ctrl+n clears it)."
            if self.session.case.consent_to_record
            and self.kept_autosave is None
            and self.resumable is None
            and not self._autosave_failing
            else ""
        )
        from send_tui.dialogs.confirm import ConfirmDialog

        self.push_screen(
            ConfirmDialog(
                f"This call has not been saved as a summary.{kept} Quit anyway?",
                yes="Quit (y)",
                no="Stay (n)",
            ),
            decided,
        )


def make_app(
    content_dir: Path | None = None,
    config_path: Path | None = None,
    session: Session | None = None,
) -> SendApp:
    """Build the app: settings first (they may name the local pack), then the content.

    Bad settings fall back to defaults with a message; bad content shows what is wrong,
    never a traceback. Content with a sound cache is loaded after the start screen is up
    (`load_startup(defer=True)`).
    """
    from send_tui.startup import load_startup

    loaded = load_startup(
        content_dir, config_path, content=session.content if session else None, defer=True
    )
    return SendApp(
        loaded.content,
        problems=loaded.problems,
        config=loaded.config,
        config_path=loaded.config_path,
        config_problems=loaded.config_problems,
        session=session,
        front=loaded.front,
        load_content=loaded.load_content,
    )
