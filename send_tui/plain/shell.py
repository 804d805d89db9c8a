"""Plain mode: the same call as the full app, as numbered lines and typed words.

For advisers using NVDA, JAWS, Orca or a braille display, for whom a repainted full-screen grid
is unusable. Everything comes from the same model as the full app: the session, the plan, the
deadlines, the letter, the autosave and the saving; this module only words it as lines and reads
what is typed. It never imports Textual.

Idle clear: `input()`-style reading cannot be interrupted by a timer, so the honest version is
used: when a line arrives after the prompt waited longer than the idle limit, the call is cleared
first, the adviser is told, and the late line is not acted on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from send_tui import paths
from send_tui.model import dates, storage
from send_tui.model.autosave import Autosave, Pending
from send_tui.model.clocks import clocks_in_play, date_keys_for, node_clocks
from send_tui.model.config import Config
from send_tui.model.content import (
    CLOCK_DATE_KEYS,
    Content,
    Node,
    NodeKind,
    Route,
    glossary_matches,
    is_unconfirmed,
)
from send_tui.model.fields import REFERENCE, limit
from send_tui.model.letter import (
    REPLY_UNIT_LABELS,
    LetterDraft,
    ReplyUnit,
    TimescaleError,
    about_confirmed,
    addressee_role,
    caller_answered,
    caller_of,
    choose_template,
    completeness,
    draft_about,
    form_fields,
    is_a_date,
    letter_templates,
    no_letter_reason,
    open_letter,
    outcome_notes,
    reply_deadline,
    reply_notes,
    template_fields,
)
from send_tui.model.letter_date_news import LetterDateNews
from send_tui.model.session import (
    CONSENT_HELP,
    Session,
    dropped_message,
    toggle_choice,
)
from send_tui.model.start_menu import ABOUT, new_call_question, start_choices
from send_tui.model.summary import (
    DATE_KEYS,
    DeadlineLine,
    enter_date,
    letter_date,
    letter_dating,
    session_deadline_lines,
    toggle_letter_date,
)
from send_tui.plain.console import EndOfInput, LineConsole

#: How plain mode says "add a route to the plan" and "look up a complaint" (`no_letter_reason`).
NO_LETTER_WAYS = ("(plan add)", "search for the complaint and open it")
#: How plain mode says to switch a changed letter's date (`LetterDating.message`).
LETTER_DATE_HOW = "Type letter date"
#: How plain mode says to record the caller's consent (`left_out`).
CONSENT_HOW = "Type details to change this."

#: What plan entries' reasons read as (the plan screen's words).
REASONS = {
    "recommended": "from the answers",
    "chosen": "added by you",
    "needed first": "needed first",
}

COMMANDS: tuple[tuple[str, str], ...] = (
    ("a number", "choose that option (on a multi-choice step: tick or untick it)"),
    ("done", "on a multi-choice step: go on with the ticked options"),
    ("back", "go back one step; answers are kept"),
    ("repeat", "read this step again"),
    ("answers", "list the answers so far; change N reopens answer N"),
    ("plan", "the routes to follow; plan add, plan remove N"),
    (
        "deadlines",
        "enter the dates you know and work out the deadlines; deadlines all asks every date",
    ),
    ("calendar", "save the deadlines as a calendar file (.ics)"),
    (
        "timeline",
        "every date earliest first, and what to do if one passes; timeline N opens date N's next step",
    ),
    ("compare", "the routes open to this caller side by side: who decides, time limit, cost ..."),
    (
        "letter",
        "fill in the complaint letter one field at a time (confirm keeps the draft of what it is about); "
        "letter show reads it; letter date keeps a changed letter's sent date, or dates it today",
    ),
    ("glossary TERM", "what a term means; glossary alone lists every term"),
    ("search WORDS", "search the content; open N opens a result"),
    ("details", "call details: case reference and the caller's consent to a record"),
    ("save", "save the summary, the letter and the record"),
    ("new", "clear this call and start with a new client"),
    ("quit", "leave send-tui (it asks first if the call is not saved)"),
    ("help", "this list, and the terms used on this step"),
)

_NUMBER = re.compile(r"[0-9]{1,6}")


def as_number(text: str) -> int | None:
    """`text` as a choice number (ASCII digits only: "²" is not a number to type), else None."""
    return int(text) if _NUMBER.fullmatch(text) else None


def span(count: int) -> str:
    """The numbers 1 to `count` in words a listener takes in at once: "1", "1 or 2", "1 to 5"."""
    return "1" if count == 1 else "1 or 2" if count == 2 else f"1 to {count}"


def numbers(count: int) -> str:
    """What to type to choose one of `count` (at least one): "1", "1 or 2", "a number from 1 to
    5". Never "from 1 to 0" or "from 1 to 1": a step with nothing to choose says so instead."""
    return span(count) if count <= 2 else f"a number from {span(count)}"


#: The full app's keys as named in the content, and what is typed for them here.
_KEYS_AS_WORDS = (("press Esc", "type back"), ("Press Esc", "Type back"))


def plain_words(text: str) -> str:
    """Content text as plain mode says it: a key of the full app becomes the word typed here."""
    for key, word in _KEYS_AS_WORDS:
        text = text.replace(key, word)
    return text


#: Said when back or help is typed inside a form, where it would otherwise become the value.
IN_A_FORM = (
    "This is a form: type what is asked for, or press Enter to keep the value shown. stop ends "
    "the form; then back, help and the other commands work again."
)
#: The commands an adviser may type out of habit inside a form (never a plausible value).
_NOT_A_VALUE = {"back", "help", "?"}

YES = {"y", "yes"}
NO = {"n", "no"}


@dataclass
class _View:
    """Where the adviser is: the start menu, a step of the call, or a step opened to look up."""

    node_id: str | None = None  # None: the start menu
    preview: bool = False


class _IdleCleared(Exception):
    """The call was cleared at a prompt that waited past the idle limit."""


class _Stopped(Exception):
    """The adviser typed stop inside a form that ends without doing anything (save, details)."""


class PlainShell:
    """One plain-mode run: reads commands until quit or the end of input."""

    def __init__(
        self,
        content: Content,
        console: LineConsole,
        *,
        config: Config | None = None,
        config_path: Path | None = None,
        config_problems: list[str] | None = None,
        session: Session | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.content = content
        self.out = console
        self.config = config or Config()
        self.config_path = config_path  # where the last folder saved into is remembered
        self.config_problems = list(config_problems or [])
        self.session = session if session is not None else Session(content)
        self.saved_revision = self.session.revision
        self.letter_date_news = LetterDateNews()  # see `session_changed`
        self.letter_date_news.reset(self.session, dates.today())
        self.autosave = Autosave(paths.data_dir())
        self.resumable: Pending | None = None
        self.autosave_problem: str | None = None
        if session is None:
            self.resumable, self.autosave_problem = self.autosave.pending(content)
        # An opened record must not overwrite another call waiting in the autosave: that one is
        # kept, and the opened record is not autosaved (it is saved with `save`).
        self.keeps_earlier_autosave = session is not None and self.autosave.path.exists()
        self._autosave_failing = False  # the last autosave write failed (told once, until it works)
        self.clock = clock
        self.view = _View()
        self.selected: set[str] = set()  # the ticks on the multi-choice step shown
        self.search_results: list[tuple[str, str | None]] = []  # (term id or "", node id)
        self.finished = False

    # -- the loop --------------------------------------------------------------------------

    def run(self) -> int:
        out = self.out
        out.say("send-tui, plain mode: SEND disagreement routes in England.")
        out.say(
            f"Local pack: {self.content.local_pack}. Content reviewed "
            f"{dates.long_date(self.content.review_date)}."
        )
        out.say("Type help at any prompt for the commands.")
        for problem in self.config_problems:
            out.warn(f"Settings: {problem}")
        if self.autosave_problem:
            out.warn(f"Autosave: {self.autosave_problem}")
        if self.keeps_earlier_autosave:
            out.warn(
                "Autosave: an earlier call is waiting in this computer's autosave. It is kept, to "
                "resume later; this opened record is not autosaved, so type save to keep changes."
            )
        out.say()
        out.say(ABOUT)
        self.show()
        while not self.finished:
            try:
                try:
                    line = self.ask(self.prompt())
                    self.dispatch(line)
                except KeyboardInterrupt:
                    self.interrupted()
            except _IdleCleared:
                self.show()
            except EndOfInput:
                self.end_of_input()
        return 0

    def interrupted(self) -> None:
        """Ctrl+C, at a prompt or in a form: ask first, as quit does, so a stray press never
        drops an unsaved call. Pressed again at that question, it leaves as the end of input
        does (an autosave, with consent, is kept)."""
        self.out.say("Ctrl+C pressed.")
        try:
            self.quit()
        except KeyboardInterrupt:
            self.end_of_input("Ctrl+C again")

    def ask(self, prompt: str) -> str:
        """Read a line; if the prompt waited past the idle limit, clear the call first."""
        asked = self.clock()
        line = self.out.ask(prompt)
        limit = self.config.idle_clear_minutes * 60
        if limit and self.clock() - asked >= limit and self.session.has_work():
            self.clear_client(announce=False)
            self.out.note(
                f"Nothing was typed for {self.config.idle_clear_minutes} minutes, so the call was "
                "cleared from the screen and this computer (idle clear). What was just typed was "
                "not used."
            )
            raise _IdleCleared
        return line

    def ask_in_form(self, prompt: str) -> str:
        """A line typed into a form: back or help says how the form works and asks again, so
        a habit never becomes the addressee's name or the folder saved into."""
        while True:
            text = self.ask(prompt)
            if text.casefold() not in _NOT_A_VALUE:
                return text
            self.out.say(IN_A_FORM)

    def ask_yes_no(
        self, question: str, *, default: bool | None = None, stoppable: bool = False
    ) -> bool:
        """Ask until yes or no; with a `default`, the prompt names it and Enter keeps it.
        `stoppable`: stop raises `_Stopped`, as everywhere else in the form asking."""
        keeps = "" if default is None else f" (Enter keeps {'yes' if default else 'no'})"
        while True:
            answer = self.ask(f"{question} Type yes or no{keeps}:").casefold()
            if stoppable and answer == "stop":
                raise _Stopped
            if answer in YES:
                return True
            if answer in NO:
                return False
            if not answer and default is not None:
                return default
            self.out.say(f"Please type yes or no{keeps}.")

    # -- what is shown -----------------------------------------------------------------------

    @property
    def node(self) -> Node | None:
        return self.content.nodes.get(self.view.node_id) if self.view.node_id else None

    def show(self) -> None:
        """Print the current step: title, body, numbered options."""
        node = self.node
        out = self.out
        out.say()
        if node is None:
            out.say("START")
            for key, label, _action in self.start_choices():
                out.say(label, "    ", f"{key}. ")
            return
        if self.view.preview:
            out.say(f"Look-up: {node.title}")
            out.say("(type back to return to the call; nothing here changes the answers)")
        else:
            out.say(f"Step {self.session.step_number(node.id)}: {node.title}")  # as the app
        if node.kind is NodeKind.OUTCOME:
            self._show_outcome(node)
            return
        if node.body:
            out.say(plain_words(node.body.strip()))
        answer = self.session.answers.get(node.id)
        if node.kind is NodeKind.INFO:
            out.say("1. Continue")
            return
        if node.kind is NodeKind.MULTI:
            out.say("Choose all that apply: type a number to tick or untick it, then done.")
        for number, option in enumerate(node.options, 1):
            # Said after the label, in words: "[x]" and "[ ]" read aloud as bracket noise.
            tick = " (ticked)" if node.kind is NodeKind.MULTI and option.id in self.selected else ""
            out.say(f"{option.label}{tick}", "    ", f"{number}. ")
            if option.hint:
                out.say(option.hint, "    ", "    ")
        if isinstance(answer, str) and node.kind is NodeKind.QUESTION and not self.view.preview:
            out.say(f"Answer given: {self.session.answer_text(node.id)}")

    def _show_outcome(self, node: Node) -> None:
        out, content = self.out, self.content
        route = content.routes.get(node.route or "")
        if route is not None:
            out.say(f"Route: {route.title}")
        caller = caller_answered(self.session)
        if caller is not None and caller.hint:  # a young person's own case, as on screen
            out.say(f"Who is calling: {caller.label}")
            out.say(caller.hint)
        notes = outcome_notes(self.session, node)
        if notes:  # what changes for this caller (a young person's own appeal), as on screen
            out.say("\n\n".join(notes))
        if node.body:
            out.say(node.body.strip())
        out.say()
        out.say("Next steps:")
        for number, step in enumerate(node.next_steps, 1):
            out.say(step, "    ", f"{number}. ")
        contact_ids = self.session.node_contacts(node)
        if contact_ids:
            out.say()
            out.say("Who to contact:")
            for contact in (content.contacts[c] for c in contact_ids if c in content.contacts):
                out.say(contact.name + (" (local)" if contact.local else ""), "    ", "  - ")
                if contact.description:
                    out.say(contact.description, "    ", "    ")
                for label, value in contact.details():
                    shown = (
                        "TO BE CONFIRMED (check before giving it out)"
                        if is_unconfirmed(value)
                        else value
                    )
                    out.say(f"{label}: {shown}", "      ", "    ")
        clocks = node_clocks(self.session, node)
        if clocks:
            out.say()
            out.say("Deadlines that apply:")
            for clock in (content.clocks[c] for c in clocks if c in content.clocks):
                out.say(f"{clock.title}: {clock.rule}", "    ", "  - ")
            out.say("Type deadlines to work out the dates.")
        ref_ids = self.session.node_refs(node)
        if ref_ids:
            out.say()
            out.say("References:")
            for ref in (content.refs[r] for r in ref_ids if r in content.refs):
                out.say(f"{ref.cite}: {ref.title}", "    ", "  - ")
        suggested = self.suggested()
        out.say()
        if suggested:
            out.say("Also worth adding to the plan:")
            for number, r in enumerate(suggested, 1):
                out.say(f"{r.title}: {r.summary}", "    ", f"{number}. ")
        else:
            out.say("Type plan to hear the routes in the plan.")

    def prompt(self) -> str:
        node = self.node
        if node is None:
            choices = self.start_choices()
            numbered = [key for key, _label, _action in choices if key.isdigit()]
            letters = "".join(
                f", {key} to {label.split(' (')[0].lower()}"
                for key, label, _a in choices
                if not key.isdigit()
            )
            return f"Type {numbers(len(numbered))}{letters}, or help:"
        if node.kind is NodeKind.INFO:
            return "Type 1 or continue to go on, back, or help:"
        if node.kind is NodeKind.MULTI:
            return f"Type {numbers(len(node.options))} to tick, done to go on, back, or help:"
        if node.kind is NodeKind.OUTCOME:
            count = len(self.suggested())
            if count:
                return f"Type {numbers(count)} to add a route to the plan, or plan, deadlines, letter, save, back, help:"
            return "Type plan, deadlines, letter, save, back, new, quit, or help:"
        return f"Type {numbers(len(node.options))}, back, or help:"

    def start_choices(self) -> list[tuple[str, str, str]]:
        return start_choices(self.session, self.resumable)

    def suggested(self) -> list[Route]:
        """The routes the outcome shown offers to add (a look-up offers its own routes)."""
        node = self.node
        if node is None or node.kind is not NodeKind.OUTCOME:
            return []
        return self.session.offered_routes(node, preview=self.view.preview)

    # -- commands ----------------------------------------------------------------------------

    def dispatch(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        word, rest = word.casefold(), rest.strip()
        if as_number(line) is not None:
            self.choose(as_number(line))  # type: ignore[arg-type]
            return
        if self.node is None:  # the start's lettered choices: r resumes, c continues
            for key, _label, action in self.start_choices():
                if line.casefold() == key:
                    self.start_action(action)
                    return
        handlers: dict[str, Callable[[str], None]] = {
            "back": lambda _r: self.back(),
            "b": lambda _r: self.back(),
            "repeat": lambda _r: self.show(),
            "r": lambda _r: self.show(),
            "help": lambda _r: self.help(),
            "?": lambda _r: self.help(),
            "h": lambda _r: self.help(),
            "done": lambda _r: self.done(),
            "continue": lambda _r: self.done(),
            "c": lambda _r: self.done(),
            "answers": lambda _r: self.answers(),
            "change": self.change,
            "plan": self.plan,
            "deadlines": self.deadlines,
            "dates": self.deadlines,
            "calendar": lambda _r: self.save_calendar(),
            "timeline": self.timeline,
            "compare": lambda _r: self.compare(),
            "letter": self.letter,
            "glossary": self.glossary,
            "search": self.search,
            "open": self.open_result,
            "details": lambda _r: self.call_details(),
            "consent": lambda _r: self.call_details(),
            "save": lambda _r: self.save(),
            "new": lambda _r: self.new_client(),
            "quit": lambda _r: self.quit(),
            "exit": lambda _r: self.quit(),
            "q": lambda _r: self.quit(),
        }
        handler = handlers.get(word)
        if handler is not None:
            handler(rest)
            return
        if not line:
            self.out.say("Nothing was typed. " + self.prompt().removesuffix(":") + ".")
            return
        shown = line if len(line) <= 40 else line[:40] + "..."
        self.out.say(f"'{shown}' is not something plain mode knows. Type help for the commands.")

    def choose(self, number: int) -> None:
        node = self.node
        if node is None:
            choices = self.start_choices()
            action = next((a for key, _label, a in choices if key == str(number)), None)
            if action is None:
                count = sum(1 for key, _label, _a in choices if key.isdigit())
                self.out.say(f"There is no choice {number}: type {numbers(count)}.")
                return
            self.start_action(action)
            return
        if node.kind is NodeKind.INFO:
            if number != 1:
                self.out.say("This step has one choice: type 1 to continue.")
                return
            self.record(node, "seen")
            return
        if node.kind is NodeKind.OUTCOME:
            routes = self.suggested()
            if not 1 <= number <= len(routes):
                if routes:
                    self.out.say(f"There is no route {number}: type {numbers(len(routes))}.")
                else:
                    self.out.say(
                        "This step has nothing to choose. Type plan, deadlines, letter, save or back."
                    )
                return
            route = routes[number - 1]
            self.session.add_route(route.id)
            self.session_changed()
            self.out.note(f"Added to the plan: {route.title}")
            return
        if not 1 <= number <= len(node.options):
            self.out.say(f"There is no option {number}: type {numbers(len(node.options))}.")
            return
        option = node.options[number - 1]
        if node.kind is NodeKind.MULTI:
            before = self.selected
            self.selected = toggle_choice(node, self.selected, option.id)
            ticked = [o.label for o in node.options if o.id in self.selected]
            state = "Ticked" if option.id in self.selected else "Unticked"
            self.out.say(f"{state}: {option.label}.")
            # "Not sure" stands alone: the ticks it cleared (or that cleared it) are said, not
            # left for the adviser to notice missing from the list.
            cleared = [
                o.label for o in node.options if o.id in before - self.selected - {option.id}
            ]
            if cleared:
                self.out.say("Unticked, as it cannot go with that: " + "; ".join(cleared) + ".")
            self.out.say("Ticked now: " + ("; ".join(ticked) if ticked else "nothing") + ".")
            return
        self.record(node, option.id)

    def done(self) -> None:
        node = self.node
        if node is None or node.kind not in (NodeKind.MULTI, NodeKind.INFO):
            self.out.say(
                "There is nothing to go on with here: " + self.prompt().removesuffix(":") + "."
            )
            return
        if node.kind is NodeKind.INFO:
            self.record(node, "seen")
            return
        if not self.selected:
            self.out.warn("Choose at least one option first: type its number, then done.")
            return
        self.record(node, tuple(o.id for o in node.options if o.id in self.selected))

    def record(self, node: Node, answer: str | tuple[str, ...]) -> None:
        """Answer the step shown and move on; a look-up just opens where the answer leads."""
        if self.view.preview:
            target = self.session.next_node(node, answer)
            if target:
                self.go(_View(target, preview=True))
            return
        dropped = self.session.answer(node.id, answer)
        if dropped:
            self.out.warn(dropped_message(dropped))
        self.session_changed()
        self.go(_View(self.session.current()))

    def go(self, view: _View) -> None:
        self.view = view
        node = self.node
        answer = self.session.answers.get(node.id) if node is not None else None
        self.selected = set(answer) if isinstance(answer, tuple) and not view.preview else set()
        self.show()

    def start_action(self, action: str) -> None:
        if action == "resume" and self.resumable is not None:
            self.session = self.resumable.session
            self.letter_date_news.reset(self.session, dates.today())
            self.resumable = None
            self.saved_revision = -1  # resumed work has not been saved as a summary
            self.out.note("Resumed the call from the autosave.")
            self.go(_View(self.session.current()))
        elif action == "continue":
            self.go(_View(self.session.current()))
        elif action == "begin":
            # "Start a new call" never reopens the previous caller's answers.
            if self.session.has_work() or self.resumable is not None:
                # Details typed before the call has begun are the new caller's: clearing an
                # earlier call waiting in the autosave must not clear them too.
                if not self._clear_if_agreed(keep_case=not self.session.has_work()):
                    return
            self.go(_View(self.session.current()))
        elif action.startswith("open:"):
            self.go(_View(action.removeprefix("open:"), preview=True))
        elif action == "glossary":
            self.glossary("")

    def back(self) -> None:
        """Back one step, as Esc does: a look-up returns to the call, the first step to the start."""
        if self.view.preview or self.view.node_id is None:
            if self.view.node_id is None:
                self.out.say("This is the start: type a number to begin.")
                return
            self.go(_View(self.session.current()) if self.session.answers else _View())
            return
        path = self.session.path()
        here = path.index(self.view.node_id) if self.view.node_id in path else len(path) - 1
        self.go(_View(path[here - 1]) if here > 0 else _View())

    def help(self) -> None:
        out = self.out
        out.say()
        out.say("HELP: type any of these at the main prompt")
        for command, what in COMMANDS:
            out.say(f"{command}: {what}", "      ", "  - ")
        node = self.node
        terms = (
            [self.content.glossary[t] for t in node.terms if t in self.content.glossary]
            if node
            else []
        )
        if terms:
            out.say("Terms used on this step:")
            for term in terms:
                out.say(f"{term.term}: {term.definition}", "      ", "  - ")
        out.say(
            "Inside a form (dates, letter, details, save), Enter keeps the value shown; stop ends it."
        )

    # -- answers ---------------------------------------------------------------------------

    def answers(self) -> None:
        trail = self.session.trail()
        self.out.say()
        if not trail:
            self.out.say("No answers yet.")
            return
        self.out.say("YOUR ANSWERS (change N reopens one)")
        for number, (node, answer) in enumerate(trail, 1):
            self.out.say(f"{node.title} Answer: {answer}", "      ", f"{number:>2}. ")

    def change(self, rest: str) -> None:
        trail = self.session.trail()
        if not trail:
            self.out.say("No answers yet, so there is nothing to change.")
            return
        chosen = as_number(rest)
        if chosen is None or not 1 <= chosen <= len(trail):
            self.out.say(
                f"Type change and the number of the answer ({span(len(trail))}); answers lists them."
            )
            return
        self.go(_View(trail[chosen - 1][0].id))

    # -- the plan --------------------------------------------------------------------------

    def plan(self, rest: str) -> None:
        sub, _, arg = rest.partition(" ")
        sub = sub.casefold()
        if sub == "add":
            self.plan_add()
            return
        if sub == "remove":
            self.plan_remove(arg.strip())
            return
        if sub:
            self.out.say("Type plan, plan add, or plan remove N.")
            return
        plan = self.session.plan()
        self.out.say()
        self.out.say("PLAN: the routes to follow, in order")
        if not plan:
            self.out.say("No routes yet: answer the questions, or type plan add.")
            return
        for number, entry in enumerate(plan, 1):
            reason = REASONS.get(entry.reason, entry.reason)
            self.out.say(f"{entry.route.title} ({reason})", "    ", f"{number}. ")
            self.out.say(entry.route.summary, "    ", "    ")
            for note in entry.first:
                self.out.say(f"First: {note}", "      ", "    ")
        self.out.say(
            "Most routes can be followed together. plan add adds one; plan remove N removes one you added."
        )

    def plan_add(self) -> None:
        routes = self.session.addable_routes()
        if not routes:
            self.out.note("Every route is already in the plan.")
            return
        self.out.say("Add a route to the plan:")
        for number, route in enumerate(routes, 1):
            self.out.say(route.title, "    ", f"{number}. ")
        while True:
            text = self.ask(f"Type {numbers(len(routes))}, or press Enter to add none:")
            if not text or text.casefold() == "stop":  # stop leaves it, as it leaves a form
                self.out.say("Nothing added.")
                return
            chosen = as_number(text)
            if chosen is not None and 1 <= chosen <= len(routes):
                route = routes[chosen - 1]
                if self.session.add_route(route.id):
                    self.session_changed()
                self.out.note(f"Added to the plan: {route.title}")
                return
            self.out.say(f"There is no route '{text[:20]}' here.")

    def plan_remove(self, arg: str) -> None:
        plan = self.session.plan()
        if not plan:
            self.out.say("There is nothing in the plan to remove.")
            return
        chosen = as_number(arg)
        if chosen is None or not 1 <= chosen <= len(plan):
            self.out.say(
                f"Type plan remove and the route's number in the plan ({span(len(plan))})."
            )
            return
        entry = plan[chosen - 1]
        if self.session.remove_route(entry.route.id):
            self.session_changed()
            self.out.note(f"Removed from the plan: {entry.route.title}")
        else:
            self.out.warn("That route comes from the answers: change the answer to remove it.")

    # -- deadlines -------------------------------------------------------------------------

    def _clocks(self) -> tuple[str, ...]:
        node = self.node
        if node is not None and node.kind is NodeKind.OUTCOME and node_clocks(self.session, node):
            return node_clocks(self.session, node)
        return clocks_in_play(self.session)

    def deadlines(self, rest: str = "") -> None:
        """Ask for the dates the clocks in play count from (`deadlines all`: every date)."""
        clocks = () if rest.casefold() == "all" else self._clocks()
        out = self.out
        out.say()
        out.say("DEADLINES: enter the dates you know, one at a time.")
        out.say(
            "Dates are typed as YYYY-MM-DD. Enter keeps the date shown; a single - clears it; stop ends."
        )
        labels = {k.key: k.label for k in DATE_KEYS}
        for key in date_keys_for(self.session, clocks or tuple(CLOCK_DATE_KEYS)):
            if not self._ask_date(key, labels[key]):
                break
        self.show_deadlines(clocks)

    def _ask_date(self, key: str, label: str) -> bool:
        """Ask for one date until it is good; False when the adviser typed stop."""
        while True:
            known = self.session.dates.get(key)
            current = known.isoformat() if known else "none"
            text = self.ask_in_form(f"{label} (YYYY-MM-DD, now {current}):")
            if text.casefold() == "stop":
                return False
            if not text:
                return True
            day: date | None = None
            if text != "-":
                try:
                    day = dates.parse_date(text)
                except dates.DateFormatError as problem:
                    out_text = str(problem)
                    self.out.say(f"Not kept: {out_text}")
                    continue
            try:
                changed = enter_date(self.session, key, day)
            except dates.DateFormatError as problem:
                self.out.say(f"Not kept: {problem}")
                continue
            if changed:
                self.session_changed()
            self._check_date_order()
            return True

    def _check_date_order(self) -> None:
        """A certificate dated before its decision: say why it cannot be right (the date stays)."""
        from send_tui.model.deadlines import certificate_problem

        known = self.session.dates
        if "decision" in known and "certificate" in known:
            problem = certificate_problem(known["decision"], known["certificate"])
            if problem:
                self.out.warn(problem)

    def found_deadlines(self, clocks: tuple[str, ...]):  # -> list[Deadline | DeadlineProblem]
        from send_tui.model.summary import session_deadlines

        found = session_deadlines(self.session, dates.today())
        return [f for f in found if not clocks or f.clock in clocks]

    def show_deadlines(self, clocks: tuple[str, ...]) -> None:
        from send_tui.model.deadlines import Deadline

        today = dates.today()
        found = self.found_deadlines(clocks)
        out = self.out
        out.say()
        if not found:
            out.say("No deadlines yet: enter a date to work out the deadlines that count from it.")
            return
        out.say(f"Today is {dates.long_date(today)}.")
        for line in session_deadline_lines(self.session, today, found):
            self._say_deadline(line)
        if any(isinstance(f, Deadline) for f in found):  # a problem alone has no date to save
            out.say("Type calendar to save these as a calendar file.")

    def _say_deadline(self, line: DeadlineLine) -> None:
        out = self.out
        out.say()
        status = f" ({line.status})" if line.status else ""
        out.say(f"{line.title}: {line.due}{status}")
        for label, when in line.dates:
            out.say(f"{label}: {when}", "      ", "  - ")
        if line.act_by:
            out.say(line.act_by, "  ", "  ")
        for warning in line.warnings:
            out.say(f"Note: {warning}", "      ", "  ")
        if line.workings:
            out.say("  How it was worked out:")
            for step in line.workings:
                out.say(step, "      ", "    - ")

    def save_calendar(self, overwrite: bool = False) -> None:
        from send_tui.model.outputs import deadlines_calendar, default_basename

        # The same calendar as the full app's (`deadlines_calendar`), reminders included.
        data = deadlines_calendar(
            self.session,
            dates.today(),
            reminder_working_days=self.config.ics_reminder_working_days,
            clocks=self._clocks(),
        )
        if data is None:
            self.out.warn("No deadlines yet: enter a date first (type deadlines).")
            return
        folder = self.save_folder()
        target = folder / f"{default_basename(self.session, dates.today())}-deadlines.ics"
        try:
            storage.ensure_private_dir(folder)
            storage.write_atomic(target, data, overwrite=overwrite)
        except storage.FileExists:
            self.out.say(f"{target.name} already exists in {folder}.")
            if self.ask_yes_no("Replace it?"):
                self.save_calendar(overwrite=True)
            return
        except storage.SaveError as error:
            self.out.warn(str(error.strerror or error))
            return
        self.out.note(f"Saved the deadlines for a calendar: {target}")

    # -- the timeline and the comparison -------------------------------------------------

    def timeline(self, rest: str = "") -> None:
        """Every date on one timeline (the full app's t), or the next step of date N as a look-up."""
        from send_tui.model.timeline import (
            TIMELINE_WORDS,
            build_timeline,
            done_message,
            next_step_node,
            timeline_section,
        )

        timeline = build_timeline(self.session, dates.today())
        if rest:
            if not timeline.entries:
                self.out.say(
                    "There are no dates on the timeline yet: type deadlines to enter them."
                )
                return
            chosen = as_number(rest)
            if chosen is None or not 1 <= chosen <= len(timeline.entries):
                self.out.say(f"Type timeline and a date's number ({span(len(timeline.entries))}).")
                return
            entry = timeline.entries[chosen - 1]
            if entry.is_done:
                self.out.say(done_message(entry))
                return
            node_id = next_step_node(self.session, entry)
            if node_id is None or node_id not in self.content.nodes:
                self.out.say("That date has no next step to open.")
                return
            self.go(_View(node_id, preview=True))
            return
        section = timeline_section(timeline)
        out = self.out
        out.say()
        out.say(TIMELINE_WORDS.heading.upper())
        if not section.rows:
            out.say(TIMELINE_WORDS.empty + " Type deadlines to enter the dates.")
        for number, line in enumerate(section.lines(), 1):
            out.say(line, "    ", f"{number}. ")
        for title, items in (
            (TIMELINE_WORDS.escalation_heading, section.escalations),
            (TIMELINE_WORDS.warnings_heading, section.warnings),
        ):
            if items:
                out.say(f"{title}:")
                for item in items:
                    out.say(item, "    ", "  - ")
        if section.rows:
            out.say("Type timeline and a number to open what to do next for that date.")

    def compare(self) -> None:
        """The routes open to this caller side by side (the full app's c on the plan), row by row."""
        from send_tui.model.comparison import ASPECTS, build_comparison

        comparison = build_comparison(self.session, dates.today())
        out = self.out
        out.say()
        out.say("THE ROUTES SIDE BY SIDE")
        if not comparison.open and not comparison.closed:
            out.say("The content has no comparison of the routes.")
        for column in comparison.open:
            out.say()
            out.say(column.title + (" (in the plan)" if column.in_plan else ""))
            for (_key, label), cell in zip(ASPECTS, column.cells, strict=False):
                out.say(f"{label}: {cell}", "      ", "  - ")
        if comparison.closed:
            out.say()
            out.say("Not open to this caller:")
            for closed in comparison.closed:
                out.say(f"{closed.title}: {closed.reason}", "      ", "  - ")

    # -- the letter ------------------------------------------------------------------------

    def letter(self, rest: str) -> None:
        if rest.casefold() == "show":
            self.show_letter()
            return
        if rest.casefold() == "date":
            self.letter_date()
            return
        session = self.session
        draft = LetterDraft.from_session(session)
        looked_up = self.node if self.view.preview else None
        template = open_letter(session, looked_up)
        if template is None:  # as F5 in the app: never a template picked at random
            self.out.say(no_letter_reason(session, NO_LETTER_WAYS))
            return
        templates = letter_templates(session) or sorted(
            session.content.letters.values(), key=lambda t: t.title
        )
        out = self.out
        out.say()
        out.say("COMPLAINT LETTER: one field at a time.")
        out.say(
            "Enter keeps the value shown; a single - clears it; stop ends the form (what you typed is kept)."
        )
        values = draft.to_fields()
        picked = self._pick(
            "Letter for", [(t.title, t.id) for t in templates], template.id, values, "template"
        )
        if picked is None:
            return self.show_letter()
        chosen = session.content.letters[picked]
        role = addressee_role(chosen, LetterDraft.from_fields(values))
        if (
            self._pick(
                "Addressed to (role)",
                [(r, r) for r in chosen.addressee_roles],
                role,
                values,
                "addressee_role",
            )
            is None
        ):
            return self.show_letter()
        # No school or year group on an NHS letter, no child's name on a young person's own.
        # Each labelled for the caller: a young person's own letter names no family or child.
        caller = caller_of(session)
        used = template_fields(chosen, caller)
        for name, label, _multiline in form_fields(caller):
            if name not in used:
                continue
            if name == "reply_within":
                units = [(REPLY_UNIT_LABELS[u].capitalize(), u.value) for u in ReplyUnit]
                unit = values.get("reply_unit") or ReplyUnit.WORKING_DAYS.value
                if (
                    self._pick(
                        "Timescale for a reply (required)", units, unit, values, "reply_unit"
                    )
                    is None
                ):
                    return self.show_letter()
            if not self._ask_field(name, label, values):
                break
        self.show_letter()

    def letter_date(self) -> None:
        """`letter date`: as F9 on the app's letter screen."""
        before = self.session.revision
        dating = toggle_letter_date(self.session, dates.today())
        if dating is None or not dating.changed:
            self.out.say(
                "Not changed: only a saved letter that you have changed since has a date to choose."
            )
            return
        if self.session.revision != before:
            self.session_changed()
        self.out.note(dating.message(LETTER_DATE_HOW))

    def _store_letter(self, values: dict[str, str]) -> None:
        before = self.session.revision
        typed = dict(values)
        if "about" not in self.session.letter_fields and typed.get("about") == draft_about(
            self.session
        ):
            del typed["about"]  # still the untouched draft: unconfirmed until confirm (ctrl+o)
        for message in self.session.set_letter_fields(typed):  # cleaned and cut to each limit
            self.out.note(message)
        values.update(self.session.letter_fields)
        if self.session.revision != before:
            self.session_changed()

    def _pick(
        self,
        label: str,
        choices: list[tuple[str, str]],
        current: str,
        values: dict[str, str],
        name: str,
    ) -> str | None:
        """A numbered choice (one choice is taken as it is); None when the adviser typed stop."""
        if len(choices) == 1:
            values[name] = choices[0][1]
            self._store_letter(values)
            return choices[0][1]
        self.out.say(f"{label}:")
        for number, (title, _value) in enumerate(choices, 1):
            self.out.say(title, "    ", f"{number}. ")
        now = next((t for t, v in choices if v == current), choices[0][0])
        while True:
            text = self.ask_in_form(f"Type {numbers(len(choices))} (now {now}):")
            if text.casefold() == "stop":
                return None
            if not text:
                value = current if any(v == current for _t, v in choices) else choices[0][1]
                break
            chosen = as_number(text)
            if chosen is not None and 1 <= chosen <= len(choices):
                value = choices[chosen - 1][1]
                break
            self.out.say(f"Not kept: type {numbers(len(choices))}.")
        values[name] = value
        self._store_letter(values)
        return value

    def _field_label(self, name: str, label: str, values: dict[str, str]) -> str:
        """The form's label in plain mode's words: typed commands, not the app's keys (ctrl+o),
        and the reply asked for in the unit just chosen."""
        if name == "about":
            if not about_confirmed(self.session):
                return (
                    "What the complaint is about. A draft from the answers, not yet confirmed: "
                    "type your own words, or confirm to keep the draft; Enter leaves it unconfirmed"
                )
            return "What the complaint is about"
        if name == "reply_within":
            try:
                unit = ReplyUnit(values.get("reply_unit") or ReplyUnit.WORKING_DAYS.value)
            except ValueError:
                return label
            if unit is ReplyUnit.DATE:
                return "Date to reply by (YYYY-MM-DD)"
            return f"Reply within how many {REPLY_UNIT_LABELS[unit]} (a whole number)"
        return label

    def _ask_field(self, name: str, label: str, values: dict[str, str]) -> bool:
        """Ask for one letter field until it is good, storing it at once; False on stop."""
        while True:
            current = values.get(name, "")
            shown = current if len(current) <= 200 else current[:200] + "..."
            now = f"now: {shown}" if current else "now empty"
            text = self.ask_in_form(f"{self._field_label(name, label, values)} ({now}):")
            if text.casefold() == "stop":
                return False
            if name == "about" and text.casefold() == "confirm":
                if not current.strip():
                    self.out.say("Not kept: write what the complaint is about first.")
                    continue
                before = self.session.revision
                self.session.set_letter_fields({"about": current})  # as ctrl+o in the app
                if self.session.revision != before:
                    self.session_changed()
                self.out.note("What the complaint is about: confirmed.")
                return True
            if not text:
                new = current
            elif text == "-":
                new = ""
            else:
                new = text
            if name == "reply_within" and new:
                self._offer_reply_by_date(new, values)
                trial = LetterDraft.from_fields({**values, name: new})
                try:
                    reply_deadline(trial, letter_date(self.session, dates.today()), self.content)
                except TimescaleError as error:
                    self.out.say(f"Not kept: {error}")
                    continue
            values[name] = new
            self._store_letter(values)
            return True

    def _offer_reply_by_date(self, text: str, values: dict[str, str]) -> None:
        """A date typed where the timescale counts days: offer to ask for a reply by that date
        (in `values`). The unit was chosen just before; without this the adviser would have to
        stop the form and start it again to change it."""
        if (values.get("reply_unit") or ReplyUnit.WORKING_DAYS.value) == ReplyUnit.DATE.value:
            return
        if not is_a_date(text):
            return
        day = date.fromisoformat(text)
        question = f"{text} is a date. Ask for a reply by {dates.long_date(day)} instead?"
        if self.ask_yes_no(question, default=True):
            values["reply_unit"] = ReplyUnit.DATE.value

    def show_letter(self) -> None:
        """The letter exactly as the save writes it (`letter_preview`), after what it still needs."""
        from send_tui.model.outputs import NOT_SAVED_YET, left_out, letter_preview
        from send_tui.render.text import render_letter_text

        session = self.session
        today = dates.today()
        preview = letter_preview(session, today)
        if preview is None:  # no list of what a letter that does not exist still needs
            self.out.say(no_letter_reason(session, NO_LETTER_WAYS))
            return
        draft = LetterDraft.from_session(session)
        missing = completeness(
            draft,
            sent=letter_date(session, today),
            content=self.content,
            about_confirmed=about_confirmed(session),
        )
        out = self.out
        out.say()
        dating = letter_dating(session, today)
        if dating is not None:
            out.say(f"Letter date: {dating.message(LETTER_DATE_HOW)}")
        for sentence in left_out(session, consent_how=CONSENT_HOW):
            out.say(f"Left out when saved: {sentence}")
        if missing:
            out.say("Still missing before sending:")
            for line in missing:
                out.say(line, "    ", "  - ")
        else:
            out.say("The letter has everything it needs.")
        # "Reply by ...", then why that date needs a second look (a bank holiday, say).
        template = choose_template(session, draft)
        notes = reply_notes(draft, letter_date(session, today), self.content, template)
        if notes:
            out.say(notes[0])
            for warning in notes[1:]:
                out.note(warning)
        letter, saved = preview
        out.say()
        out.say("THE LETTER")
        if not saved:
            out.say(NOT_SAVED_YET)
        out.write(render_letter_text(letter))
        out.say("END OF THE LETTER. Type save to save it with the summary (.docx).")

    # -- glossary and search ---------------------------------------------------------------

    def glossary(self, rest: str) -> None:
        out = self.out
        out.say()
        if not rest:
            terms = glossary_matches(self.content, "")
            out.say(
                f"GLOSSARY: {len(terms)} terms. Type glossary and a term to hear what it means."
            )
            out.say("; ".join(t.term for t in terms) + ".")
            return
        found = glossary_matches(self.content, rest)
        if not found:
            out.say(
                f"No term matches '{rest[:40]}'. Type glossary alone for the list, or search {rest[:40]}."
            )
            return
        exact = [
            t
            for t in found
            if rest.casefold() in (t.term.casefold(), *(a.casefold() for a in t.aliases))
        ]
        shown = exact or found[:3]
        for term in shown:
            out.say(f"{term.term}: {term.definition}")
            if term.aliases:
                out.say(f"Also written: {', '.join(term.aliases)}")
        others = [t.term for t in found if t not in shown]
        if others:
            out.say("Other terms that match: " + "; ".join(others) + ".")

    def search(self, rest: str) -> None:
        from send_tui.model.search import SearchIndex, hit_label

        if not rest:
            self.out.say("Type search and some words, for example: search appeal deadline.")
            return
        if not hasattr(self, "_index"):
            self._index = SearchIndex.build(self.content)
        results = self._index.search(rest, limit=8)
        self.out.say()
        if not results:
            self.out.say(f"Nothing found for '{rest[:40]}'.")
            self.search_results = []
            return
        self.search_results = [(r.id if r.kind == "term" else "", r.target_node) for r in results]
        self.out.say(f"SEARCH: {len(results)} results. Type open N to open one.")
        for number, result in enumerate(results, 1):
            self.out.say(hit_label(result), "    ", f"{number}. ")
            if result.snippet:
                self.out.say(result.snippet, "    ", "    ")

    def open_result(self, rest: str) -> None:
        if not self.search_results:
            self.out.say("Search first: type search and some words.")
            return
        chosen = as_number(rest)
        if chosen is None or not 1 <= chosen <= len(self.search_results):
            self.out.say(f"Type open and a result's number ({span(len(self.search_results))}).")
            return
        term_id, node_id = self.search_results[chosen - 1]
        if term_id:
            term = self.content.glossary[term_id]
            self.glossary(term.term)
        elif node_id and node_id in self.content.nodes:
            self.go(_View(node_id, preview=True))
        else:
            self.out.say("That result has no step to open.")

    # -- call details, saving, new client, quitting ------------------------------------------

    def call_details(self) -> None:
        """The call details form; stop ends it with nothing changed."""
        try:
            self._call_details_form()
        except _Stopped:
            self.out.say("Call details not changed.")

    def _call_details_form(self) -> None:
        case = self.session.case
        out = self.out
        out.say()
        out.say("CALL DETAILS (stop ends without changing them)")
        out.say(CONSENT_HELP)
        reference = case.reference
        most = limit(REFERENCE)
        while True:
            text = self._ask_or_stop(
                f"Case reference, optional, up to {most} characters (now {reference or 'none'}; - clears it):"
            )
            if len(text) > most:
                out.say(
                    f"Not kept: that is {len(text)} characters; the reference can be up to {most}."
                )
                continue
            reference = "" if text == "-" else (text or reference)
            break
        consent = self.ask_yes_no(
            "Does the caller agree to a record being kept?",
            default=case.consent_to_record,
            stoppable=True,
        )
        before = self.session.revision
        for message in self.session.set_case(reference, consent):
            out.note(message)
        if self.session.revision != before:
            self.session_changed()
        state = "on" if consent else "off: nothing personal is kept"
        if self.resumable is not None:
            state = "off until the call in progress is resumed or cleared: it is kept"
        out.note(f"Call details kept. Autosave is {state}.")

    def save_folder(self) -> Path:
        """Where saves go: the folder last saved into, else the configured one, else
        documents/send-tui (as in the app, which shares the setting)."""
        from send_tui.model.config import folder_to_offer

        return folder_to_offer(self.config, paths.default_save_dir())

    def _remember(self, folder: Path) -> None:
        """Offer this folder next time, in plain mode and the app alike (the settings file)."""
        from send_tui.model.config import remember_folder

        if self.config_path is None:
            self.config = self.config.with_changes(last_folder=str(folder))
            return
        self.config, problem = remember_folder(self.config, self.config_path, folder)
        if problem:
            self.out.warn(problem)

    def save(self) -> None:
        """The save form; stop at any of its questions ends it with nothing written."""
        from send_tui.model.outputs import nothing_to_save

        if reason := nothing_to_save(self.session, resumable=self.resumable is not None):
            self.out.say(reason)
            return
        try:
            self._save_form()
        except _Stopped:
            self.out.say("Not saved: stopped. The call is kept as it was.")

    def _ask_or_stop(self, prompt: str) -> str:
        text = self.ask_in_form(prompt)
        if text.casefold() == "stop":
            raise _Stopped
        return text

    def _save_form(self) -> None:
        from send_tui.model.outputs import (
            default_basename,
            output_paths,
            save_warnings,
        )

        out = self.out
        today = dates.today()
        out.say()
        out.say(
            "SAVE the summary, the letter and the record. Enter keeps the value shown; "
            "stop ends without saving."
        )
        for line in save_warnings(
            self.session,
            today,
            consent_key=" (type details to record it)",
            letter_date_how=LETTER_DATE_HOW,
        ):
            out.say(line)
        folder_text = str(self.save_folder())
        basename = default_basename(self.session, today)
        redacted = False
        while True:
            typed = self._ask_or_stop(f"Folder (now {folder_text}):")
            folder_text = typed or folder_text
            typed = self._ask_or_stop(f"File name, without extension (now {basename}):")
            basename = typed or basename
            redacted = self.ask_yes_no(
                "A redacted copy, with no names and no date of birth?",
                default=redacted,
                stoppable=True,
            )
            folder = Path(folder_text).expanduser()
            try:  # a name no file can have is said before anything is written
                output_paths(self.session, folder, basename, today, redacted=redacted)
            except ValueError as error:
                out.say(f"Not saved: {error}")
                continue
            # The files are named once, as saved (or as in the way): read out twice, four
            # file names are a long wait for a screen-reader user.
            written = self._write(folder, basename, today, redacted)
            if written is None:
                if not self.ask_yes_no("Try again with another folder or name?", stoppable=True):
                    out.say("Not saved. The call is kept as it was.")
                    return
                continue
            if written:
                self.saved_revision = self.session.revision
                # The save fixed the letter's date and the day the summary was made: the
                # autosave must hold them too, or a call saved and then quit resumes with its
                # letter dated anew, as if it had never been sent.
                self.session_changed()
                self._remember(written[0].parent)
                out.note(f"Saved in {written[0].parent}: {', '.join(p.name for p in written)}")
            return

    def _write(
        self, folder: Path, basename: str, today: date, redacted: bool, overwrite: bool = False
    ) -> list[Path] | None:
        """Write the outputs: the paths, [] when the adviser kept existing files, None on failure."""
        from send_tui.model.outputs import save_outputs

        try:
            if folder == self.save_folder():
                storage.ensure_private_dir(folder)
            return save_outputs(
                self.session, folder, basename, today, overwrite=overwrite, redacted=redacted
            )
        except storage.FileExists as exists:
            self.out.say(str(exists.strerror or exists))
            if self.ask_yes_no("Replace them?", stoppable=True):
                return self._write(folder, basename, today, redacted, overwrite=True)
            return None
        except storage.FolderMissing as missing:
            self.out.say(str(missing.strerror or missing))
            if not self.ask_yes_no("Create it, readable by you only?", stoppable=True):
                return None
            try:
                storage.create_folder(folder)
            except storage.SaveError as error:
                self.out.warn(f"Not saved: {error.strerror or error}")
                return None
            return self._write(folder, basename, today, redacted, overwrite)
        except (storage.SaveError, ValueError) as error:
            self.out.warn(f"Not saved: {getattr(error, 'strerror', None) or error}")
            return None

    @property
    def unsaved(self) -> bool:
        return self.session.has_work() and self.session.revision != self.saved_revision

    def session_changed(self) -> None:
        """After every change: say so if it re-dated the saved letter (or undoing it restored
        the date), wherever it was made; then autosave (with consent), and say so once if that
        fails."""
        news = self.letter_date_news.news(self.session, dates.today())
        if news is not None:
            self.out.note(news.message(LETTER_DATE_HOW))
        if self.keeps_earlier_autosave or self.resumable is not None:
            # The call waiting in the autosave is never overwritten (nor, without consent,
            # deleted) by a change made before it is resumed or cleared.
            return
        problem = self.autosave.save(self.session)
        if problem is None:
            self._autosave_failing = False  # working again: a new failure is news
        elif not self._autosave_failing:
            self._autosave_failing = True
            self.out.warn(f"Autosave: {problem}")

    def clear_client(self, *, announce: bool = True, keep_case: bool = False) -> None:
        """Forget the caller: state and autosave. Nothing of them remains (but the call
        details, with `keep_case`: see `Session.clear`)."""
        self.session.clear(keep_case=keep_case)
        self.letter_date_news.reset(self.session, dates.today())
        self._autosave_failing = False  # the next caller hears of a failing autosave too
        if self.keeps_earlier_autosave:  # the earlier call is offered again, as in the app
            self.keeps_earlier_autosave = False
            self.resumable, self.autosave_problem = self.autosave.pending(self.content)
        else:
            self.autosave.clear()
            self.resumable = None
        self.saved_revision = self.session.revision
        self.view = _View()
        self.selected = set()
        self.search_results = []
        if announce:
            self.out.note("Ready for a new caller.")

    def _clear_if_agreed(self, *, announce: bool = False, keep_case: bool = False) -> bool:
        """Clear the call, asking first when something would be lost; True once cleared."""
        if self.unsaved or self.resumable is not None:
            question = new_call_question(self.session, resumable=self.resumable is not None)
            if not self.ask_yes_no(question):
                self.out.say("Kept. Carry on with this call.")
                return False
        self.clear_client(announce=announce, keep_case=keep_case)
        return True

    def new_client(self) -> None:
        if self._clear_if_agreed(announce=True):
            self.show()

    def _autosaved(self) -> bool:
        """Is this call kept in the autosave (not an earlier one, kept aside or to resume, and
        its last write did not fail)?"""
        return (
            self.session.case.consent_to_record
            and not self.keeps_earlier_autosave
            and self.resumable is None
            and not self._autosave_failing
        )

    def _kept_note(self) -> str:
        if self._autosaved():
            return " It stays in this computer's autosave, to resume next time (new clears it)."
        return ""

    def quit(self) -> None:
        if self.unsaved and not self.ask_yes_no(
            f"This call has not been saved as a summary.{self._kept_note()} Quit anyway?"
        ):
            self.out.say("Staying. Type save to save the summary.")
            return
        self.out.say("Goodbye.")
        self.finished = True

    def end_of_input(self, why: str = "End of input") -> None:
        """The input ended (`why`): quit, since asking is impossible; keep the autosave if
        consented."""
        self.finished = True
        if not self.unsaved:
            self.out.say(f"{why}: quitting.")
            return
        if self._autosaved():
            self.out.note(
                f"{why}: quitting. This call was not saved as a summary; it is kept in this "
                "computer's autosave, to resume next time."
            )
        elif self.session.case.consent_to_record and self._autosave_failing:
            self.out.warn(
                f"{why}: quitting. This call was not saved as a summary, and the autosave "
                "failed, so it is not kept."
            )
        elif self.session.case.consent_to_record:
            self.out.warn(
                f"{why}: quitting. This call was not saved as a summary, and not "
                "autosaved: the earlier call kept in the autosave was left as it was."
            )
        else:
            self.out.warn(
                f"{why}: quitting. This call was not saved as a summary, and without the "
                "caller's consent nothing was autosaved."
            )
