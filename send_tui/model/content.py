"""The route content as a typed, immutable model.

Everything the screens, the renderers and the command line show about the law comes from
these objects, which the loader builds from TOML. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

# Re-exported: the loader and the checks import them from here with the rest of the model.
from send_tui.model.content_names import MANIFEST as MANIFEST
from send_tui.model.content_names import local_pack_problem as local_pack_problem

#: The marker a content author writes for a local detail nobody has confirmed yet.
TO_BE_CONFIRMED = "to be confirmed"

#: Shorthands an editor may write for "not known yet"; shown as written, they read as a detail
#: ("Phone: TBC"), so `send-tui check` asks for TO_BE_CONFIRMED instead (a warning: whether to
#: refuse them is not decided).
PLACEHOLDER_DETAILS = frozenset(
    {"tbc", "tba", "tbd", "n/a", "na", "unknown", "not known", "pending", "none", "?", "-", "xxx"}
)

#: At most nine options, so that the number keys 1-9 choose every one.
MAX_OPTIONS = 9

#: The named fields a letter template may use, as ``{name}``. The letter model fills them;
#: user text is substituted once and never read as a template again.
LETTER_FIELDS: tuple[str, ...] = (
    "complainant_name",
    "child_name",
    "setting",
    "year_group",
    "addressee_name",
    "addressee_role",
    "about",
    "tried",
    "outcome",
    "reply_by",
    "enclosures",
    "today",
)

#: The deadline clocks `model.deadlines` works out: content describes each in `[clocks.<id>]`
#: and routes and outcomes name them.
CLOCK_IDS: tuple[str, ...] = (
    "appeal",
    "mediation_contact",
    "mediation_certificate",
    "arrange_mediation",
    "reply",
    "discrimination_claim",
    "exclusion_review",
    "suspension_representations",
    "exclusion_panel",
    "ehc",
    "draft_plan",
)

#: The question "Who is calling?": its answer words the letter and the summary for that person.
#: Its options are `parent` (the default), `young_person`, `helper` and `representative`.
CALLER_NODE = "caller"

#: The keys of the several dates a clock gives (the EHC timescales), as `model.deadlines` names
#: them, so the loader can check content that names one without loading the engine.
CLOCK_MILESTONES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ehc": (
            "assessment_decision",
            "no_plan_notice",
            "final_plan",
            "review_report",
            "review_decision",
            "amended_plan_latest",
        )
    }
)

#: A step the timeline shows as done once a date is entered, by clock: the mediation adviser issues
#: a certificate only after being contacted (SEND Regs regs 33-34), so the certificate's date
#: settles both the contact and the certificate itself. Content words it (`[timeline.<clock>] done`).
CLOCK_DONE_BY: Mapping[str, str] = MappingProxyType(
    {"mediation_contact": "certificate", "mediation_certificate": "certificate"}
)

#: The dates each clock is counted from (`summary.DATE_KEYS` names them), so a form asks only for
#: what the clocks in play need, and the loader can check `[timeline.<clock>] started_by_date`.
CLOCK_DATE_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "appeal": ("decision", "certificate"),
        "mediation_contact": ("decision",),
        "mediation_certificate": ("mediation_adviser_told",),
        "arrange_mediation": ("mediation_requested",),
        "reply": ("reply_from",),
        "discrimination_claim": ("conduct",),
        "exclusion_review": ("exclusion_notice",),
        "suspension_representations": ("exclusion_notice",),
        "exclusion_panel": ("board_decision",),
        "ehc": ("ehc_request", "annual_review"),
        "draft_plan": ("draft_served",),
    }
)

#: An answer is one option id (a question) or several (a multi-choice step).
Answer = str | tuple[str, ...]


def empty_mapping() -> Mapping[str, Any]:
    return MappingProxyType({})


class NodeKind(StrEnum):
    """What a decision point asks of the adviser."""

    QUESTION = "question"  # choose one option
    MULTI = "multi"  # choose several options (routes); one may be exclusive
    INFO = "info"  # read, then go on
    OUTCOME = "outcome"  # where a path ends: next steps, contacts, references


@dataclass(frozen=True, slots=True)
class Condition:
    """Branching as data: every named node's answer must be one of the listed options.

    For a multi-choice node, the condition holds when any chosen option is listed.
    An empty condition always holds.
    """

    answers: Mapping[str, frozenset[str]] = field(default_factory=empty_mapping)

    def holds(self, given: Mapping[str, Answer]) -> bool:
        for node_id, wanted in self.answers.items():
            answer = given.get(node_id)
            if answer is None:
                return False
            chosen = (answer,) if isinstance(answer, str) else answer
            if not wanted.intersection(chosen):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Branch:
    """Go to ``to`` when ``when`` holds; branches are tried in order, the first match wins."""

    to: str
    when: Condition = field(default_factory=Condition)


@dataclass(frozen=True, slots=True)
class Option:
    """One numbered choice on a question or multi-choice step."""

    id: str
    label: str
    next: str | None = None  # question options: where this choice leads
    route: str | None = None  # multi options: the route this choice adds to the plan
    exclusive: bool = False  # multi options: choosing it clears the others ("not sure")
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """One decision point: a screen in the wizard."""

    id: str
    kind: NodeKind
    title: str
    body: str = ""
    options: tuple[Option, ...] = ()
    branches: tuple[Branch, ...] = ()  # info and multi: conditional ways on, before `next`
    next: str | None = None  # info and multi: the default way on
    route: str | None = None  # outcome: the route it recommends
    also_routes: tuple[str, ...] = ()  # outcome: other routes worth adding to the plan
    next_steps: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    clocks: tuple[str, ...] = ()
    letter: str | None = None
    terms: tuple[str, ...] = ()  # glossary ids this screen uses, for its F1 help
    #: outcome: `CallerNote` ids, shown in order with the wording for the caller answered.
    caller_notes: tuple[str, ...] = ()
    #: question: the option that stands while the question is unanswered, so a call (or an older
    #: record) goes on past it; the adviser can still go back and answer it.
    default: str | None = None
    source_file: str = ""

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def targets(self) -> tuple[str, ...]:
        """Every node id this node can lead to, in the order an adviser would meet them."""
        found: list[str] = [o.next for o in self.options if o.next]
        found += [b.to for b in self.branches]
        if self.next:
            found.append(self.next)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class Prerequisite:
    """Something that must come before a route, unless ``unless`` holds for the answers."""

    route: str
    note: str
    unless: Condition | None = None


@dataclass(frozen=True, slots=True)
class Route:
    """A way of resolving a disagreement (or a step every family takes, like first steps)."""

    id: str
    title: str
    summary: str
    order: int
    refs: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    clocks: tuple[str, ...] = ()
    letter: str | None = None
    before: tuple[Prerequisite, ...] = ()
    plannable: bool = True
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation, such as a Code of Practice paragraph range."""

    id: str
    cite: str  # what an adviser types: "11.45", "HESC Rules r.20"
    title: str
    source: str = ""
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    """An organisation or team. Any detail may be ``TO_BE_CONFIRMED``; absent means not applicable."""

    id: str
    name: str
    description: str = ""
    website: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    local: bool = False
    source_file: str = ""

    def details(self) -> tuple[tuple[str, str], ...]:
        """(label, value) pairs in a fixed order, for every detail the content gives."""
        pairs = (
            ("Website", self.website),
            ("Phone", self.phone),
            ("Email", self.email),
            ("Address", self.address),
        )
        return tuple((label, value) for label, value in pairs if value is not None)

    def unconfirmed(self) -> tuple[str, ...]:
        return tuple(label for label, value in self.details() if is_unconfirmed(value))

    def placeholders(self) -> tuple[tuple[str, str], ...]:
        """(key, value) for each detail written as a shorthand such as "TBC" or "N/A"."""
        return tuple(
            (label.lower(), value)
            for label, value in self.details()
            if value.strip().rstrip(".").lower() in PLACEHOLDER_DETAILS
        )


def is_unconfirmed(value: str | None) -> bool:
    return value is not None and value.strip().lower() == TO_BE_CONFIRMED


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    source_file: str = ""


def glossary_matches(content: Content, query: str) -> list[GlossaryTerm]:
    """Terms whose name, other spellings or definition hold every word of `query`, A to Z."""
    words = query.lower().split()
    terms = sorted(content.glossary.values(), key=lambda t: t.term.lower())
    return [
        t
        for t in terms
        if all(w in " ".join((t.term, *t.aliases, t.definition)).lower() for w in words)
    ]


@dataclass(frozen=True, slots=True)
class LetterTemplate:
    """The wording of a complaint letter, with ``{field}`` places from ``LETTER_FIELDS``."""

    id: str
    title: str
    addressee_roles: tuple[str, ...]
    heading: str
    paragraphs: tuple[str, ...]
    procedure: str  # which complaints procedure the letter asks to be used
    #: A letter to a school: a reply in working days that runs into its holidays says so.
    term_time: bool = False
    #: Said with the reply-by date whenever one is worked out for this letter: what the dates
    #: cannot know about this addressee (a college's own reply time and holidays). "" for none.
    reply_note: str = ""
    #: Opening paragraphs for a caller other than a parent (an option id of `CALLER_NODE`):
    #: they replace the same number of paragraphs at the start of `paragraphs`.
    for_caller: Mapping[str, tuple[str, ...]] = field(default_factory=empty_mapping)
    #: A first draft of "what the complaint is about", per caller; `parent` stands for the rest.
    about: Mapping[str, str] = field(default_factory=empty_mapping)
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class CallerNote:
    """What changes on an outcome for one kind of caller, where the law itself differs.

    The outcome's body and steps are written for every caller ("the parent or young person");
    a note says, for the caller answered at `CALLER_NODE`, whose right or step it is. One note
    serves every outcome it applies to, so a point of law is worded once.
    """

    id: str
    #: caller option id -> the note, in plain text (paragraphs as in a node's body).
    wording: Mapping[str, str] = field(default_factory=empty_mapping)
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class Clock:
    """The wording of a deadline rule; the dates come from ``model.deadlines``."""

    id: str
    title: str
    rule: str
    refs: tuple[str, ...] = ()
    #: The clock does not apply when this holds (mediation advice for a school-only appeal).
    unless: Condition | None = None
    source_file: str = ""
    #: The clock applies only when this holds (a draft plan's reply, only where the plan's
    #: contents or amendments are disputed): an answer not given rules it out.
    when: Condition | None = None


@dataclass(frozen=True, slots=True)
class ClosedWhen:
    """A route is not open to this caller when any of `when` holds; `reason` says why."""

    when: tuple[Condition, ...]
    reason: str

    def holds(self, given: Mapping[str, Answer]) -> bool:
        return any(condition.holds(given) for condition in self.when)


@dataclass(frozen=True, slots=True)
class RouteComparison:
    """One route's cells in the side-by-side comparison (content/national/route-comparison.toml)."""

    route: str
    who_decides: str
    how_to_start: str
    time_limit: str
    mediation_first: str
    pauses_clocks: bool
    pauses_note: str
    achieves: str
    cannot: str
    cost: str
    time_limit_clocks: tuple[str, ...] = ()  # clocks whose dates fill the time-limit cell
    closed_when: tuple[ClosedWhen, ...] = ()
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class Escalation:
    """What to do when a clock that waits on someone passes with no answer: "No reply by <date>: <text>"."""

    no_answer: str
    text: str
    route: str
    node: str | None = None  # the outcome that explains the next step, opened from the timeline
    when: tuple[Condition, ...] = ()  # empty: always; otherwise any one holding is enough
    milestones: tuple[str, ...] = ()  # for a clock with several dates (EHC): which; empty: all

    def holds(self, given: Mapping[str, Answer], milestone: str = "") -> bool:
        if self.milestones and milestone not in self.milestones:
            return False
        return not self.when or any(condition.holds(given) for condition in self.when)


@dataclass(frozen=True, slots=True)
class ClockTimeline:
    """How a clock sits on the timeline: a firm legal limit or a target, and what to do after it."""

    clock: str
    firm: bool
    started_by: str
    waits_on: str = ""  # who must act by the date; "" for the family's own limits
    escalations: tuple[Escalation, ...] = ()
    if_passed: str = ""  # the family's own limit: what can still be done once it has passed
    if_passed_route: str | None = None
    #: What it means that the step is done, once its `CLOCK_DONE_BY` date is entered.
    done: str = ""
    #: `started_by` once the engine says which date the clock ran from (date key -> words): the
    #: appeal runs from the certificate or from the decision letter, whichever gives the later day.
    started_by_date: Mapping[str, str] = field(default_factory=empty_mapping)
    source_file: str = ""

    def started_by_for(self, counts_from: str) -> str:
        return self.started_by_date.get(counts_from, self.started_by)

    def escalation(self, given: Mapping[str, Answer], milestone: str = "") -> Escalation | None:
        return next((e for e in self.escalations if e.holds(given, milestone)), None)


@dataclass(frozen=True, slots=True)
class SchoolTerm:
    name: str
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class TermCalendar:
    """A school's terms and INSET days, from the local pack; advisers edit it per school."""

    terms: tuple[SchoolTerm, ...]
    inset_days: tuple[date, ...] = ()
    confirmed: bool = False
    source_file: str = ""


@dataclass(frozen=True, slots=True)
class FileMeta:
    """What every content file records about itself."""

    path: str  # relative to the content root
    title: str
    reviewed: date
    sources: tuple[str, ...]
    local: bool = False


@dataclass(frozen=True, slots=True)
class Content:
    """All route content: national law plus one council's local pack."""

    root: Path
    start: str
    local_pack: str
    files: tuple[FileMeta, ...]
    nodes: Mapping[str, Node]
    routes: Mapping[str, Route]
    refs: Mapping[str, Reference]
    contacts: Mapping[str, Contact]
    glossary: Mapping[str, GlossaryTerm]
    letters: Mapping[str, LetterTemplate]
    clocks: Mapping[str, Clock]
    term_calendar: TermCalendar | None = None
    closure_days: tuple[date, ...] = ()
    #: (question, node id): what advisers are asked most, offered on the start screen and palette.
    common_questions: tuple[tuple[str, str], ...] = ()
    #: route id -> its cells in the side-by-side comparison.
    comparisons: Mapping[str, RouteComparison] = field(default_factory=empty_mapping)
    #: clock id -> how it sits on the timeline (firm or target, escalation).
    clock_timeline: Mapping[str, ClockTimeline] = field(default_factory=empty_mapping)
    #: note id -> what an outcome says differently for each caller.
    caller_notes: Mapping[str, CallerNote] = field(default_factory=empty_mapping)

    @property
    def oldest_review(self) -> date:
        return min(f.reviewed for f in self.files)

    @property
    def review_date(self) -> date:
        """The date to show users: the oldest review, since that is what everything is at least."""
        return self.oldest_review

    def outcomes(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes.values() if n.kind is NodeKind.OUTCOME)
