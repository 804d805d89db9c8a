"""The complaint letter: the adviser's fields, what is still missing, and the letter they make.

A family often leaves a school complaint unanswered because the letter never said "complaint",
never said what should happen, or gave no date for a reply. So whatever the content's template
says, the letter made here always has the word "complaint" in its heading and body, asks for the
template's complaints procedure, states the outcome wanted and gives the reply-by date as a date.

The fields live in `Session.letter_fields` as plain strings, so the saved record round-trips;
`LetterDraft` is the typed view of them. What a user types is text, never a template: each
`{field}` in the content's wording is filled in one regex pass and the result is never read again.

Used by the letter form (live preview, completeness check), the summary and the .docx renderer.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from send_tui.model.content import CALLER_NODE, Content, LetterTemplate, Node, Option, Route
from send_tui.model.dates import DateFormatError, long_date, parse_date

if TYPE_CHECKING:
    from send_tui.model.calendars import SchoolCalendar, WorkingCalendar
    from send_tui.model.deadlines import Deadline
    from send_tui.model.session import Session

# --- user text -------------------------------------------------------------------------------

# C0 and C1 control characters except tab and newline; the bidirectional embedding, override and
# isolate controls (an unbalanced one reverses the text after it, disguising what a letter says);
# and the two non-characters XML refuses. Right-to-left letters themselves are kept.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")


def clean_text(text: str) -> str:
    """Text safe for every output: line breaks made `\\n`, control characters removed.

    Every piece of text that reaches a summary or letter passes through here once, so the
    renderers (and python-docx, which refuses XML-invalid characters) never meet one.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _UNSAFE.sub("", text)


# --- the draft -------------------------------------------------------------------------------


class ReplyUnit(StrEnum):
    """How the letter gives its timescale for a reply; always shown to the reader as a date."""

    WORKING_DAYS = "working_days"
    SCHOOL_DAYS = "school_days"
    DATE = "date"


#: What the form shows for each unit.
REPLY_UNIT_LABELS: Mapping[ReplyUnit, str] = {
    ReplyUnit.WORKING_DAYS: "working days",
    ReplyUnit.SCHOOL_DAYS: "school days",
    ReplyUnit.DATE: "a date",
}

#: The longest timescale in days a letter may ask for; anything longer is surely a typing slip.
MAX_REPLY_DAYS = 365

#: The letter fields that name the family: left out of redacted and unconsented outputs.
PERSONAL_FIELDS: tuple[str, ...] = ("complainant_name", "child_name")

#: A gap the family fills in by hand, for a field left blank.
HAND_FILL = "__________"

# Paragraphs that only make sense with something in these fields are left out when they are blank.
_DROP_PARAGRAPH_IF_BLANK: tuple[str, ...] = ("tried", "enclosures")

# The letter's own wording for what a template does not say itself (one place for each).
FORMAL_COMPLAINT_PREFIX = "Formal complaint: "
PROCEDURE_SENTENCE = "This letter is a formal complaint. Please deal with it under {procedure}."
OUTCOME_SENTENCE = "To put this right, I would like: {outcome}"
REPLY_SENTENCE = "Please reply to me in writing by {reply_by}."
CLOSING = "Yours sincerely,"


@dataclass(frozen=True, slots=True)
class LetterDraft:
    """The letter form's fields: what the adviser typed, as strings (blank means not given).

    `template` is a letter template id when the adviser chose one; blank means the session's
    default (`choose_template`). `addressee_role` blank means the template's first role.
    `reply_within` is a number of days, or a date as YYYY-MM-DD when `reply_unit` is "date".
    """

    template: str = ""
    complainant_name: str = ""
    child_name: str = ""
    setting: str = ""
    year_group: str = ""
    addressee_role: str = ""
    addressee_name: str = ""
    about: str = ""
    tried: str = ""
    outcome: str = ""
    reply_unit: str = ReplyUnit.WORKING_DAYS.value
    reply_within: str = ""
    enclosures: str = ""

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> LetterDraft:
        """The draft from stored fields; unknown keys are ignored, text is cleaned."""
        known = {name: clean_text(str(fields[name])) for name in DRAFT_FIELDS if name in fields}
        return cls(**known)

    @classmethod
    def from_session(cls, session: Session) -> LetterDraft:
        """The session's draft; `about` is drafted from the answers until the adviser edits it."""
        draft = cls.from_fields(session.letter_fields)
        if "about" not in session.letter_fields:
            draft = dataclasses.replace(draft, about=draft_about(session))
        return draft

    def to_fields(self) -> dict[str, str]:
        """Every field as a string, for `Session.letter_fields` and the saved record."""
        return {name: getattr(self, name) for name in DRAFT_FIELDS}

    def without_personal(self, birth: date | None = None) -> LetterDraft:
        """The draft with the family's names blanked, for redacted or unconsented outputs.

        Blanked wherever they were typed: a name in what was tried or the outcome wanted ("Sam's
        teacher") would otherwise survive a copy that says it holds no names. Each word of a
        name is matched whole, as typed, capitalised or in capitals ("Sam", "SAM"), not in
        lower case, where a name such as Will or May is an ordinary word. `birth`, the date
        of birth, is blanked where it was typed too.
        """
        return dataclasses.replace(
            self,
            **{name: "" for name in PERSONAL_FIELDS},
            **without_names(self.to_fields(), birth),
        )

    def value(self, name: str) -> str:
        """A field's text, cleaned and trimmed: what the letter and the checks read."""
        return clean_text(getattr(self, name)).strip()


#: Fields never searched for the family's names: a choice or a number, and the addressee, who
#: is the school's or council's officer ("Dear Mrs Begum" when the family is Begum too).
_NOT_FREE_TEXT: frozenset[str] = frozenset(
    {"template", "addressee_role", "reply_unit", "addressee_name"}
)


#: Words of a name that are not the name: "Mrs Smith" must not blank the "Mrs" of "Mrs Jones".
_TITLES: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev"})


def personal_words(names: list[str], birth: date | None = None) -> re.Pattern[str] | None:
    """A pattern matching each name whole, and each word of it, as typed, capitalised or in
    capitals, and the date of birth written as people write dates ("14/05/2017", "14 May
    2017", "2017-05-14"); None when there is neither. For blanking them in free text."""
    words: set[str] = set()
    for name in names:
        full = " ".join(name.split())
        parts = re.findall(r"\w[\w'’-]*\w|\w", full) + re.findall(r"\w+", full)
        for word in [full, *parts]:
            if len(word) >= 2 and word.casefold().rstrip(".") not in _TITLES:
                words |= {word, word.title(), word.upper()}
    alternatives = [_name_pattern(w) for w in sorted(words, key=len, reverse=True)]
    if birth is not None:
        alternatives += _date_patterns(birth)
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


#: Names that are also months ("May", "June"): in a date ("3 May", "May 2026") they are the month.
_MONTHS: frozenset[str] = frozenset(f"{date(2000, m, 1):%B}".casefold() for m in range(1, 13))


def _name_pattern(word: str) -> str:
    """`word` as a regular expression; a month's name only where no number is beside it."""
    if word.casefold() in _MONTHS:
        return rf"(?<!\d )(?<!\d){re.escape(word)}(?!,? \d)"
    return re.escape(word)


def _date_patterns(day: date) -> list[str]:
    """Regular expressions for `day` as it may be typed: by numbers (day first, or ISO) or words."""
    d, m, y = day.day, day.month, day.year
    month = rf"(?:{day:%B}|{day:%b})\.?"
    nth = r"(?:st|nd|rd|th)?"
    weekday = rf"(?:{day:%A}|{day:%a}),? "
    return [
        rf"0?{d}\s*[/.-]\s*0?{m}\s*[/.-]\s*(?:{y}|{y % 100:02d})",
        rf"{y}-0?{m}-0?{d}",
        rf"(?i:(?:{weekday})?0?{d}{nth} (?:of )?{month},? {y})",
        rf"(?i:{month} 0?{d}{nth},? {y})",
    ]


def without_names(fields: Mapping[str, str], birth: date | None = None) -> dict[str, str]:
    """`fields` without the family's names: the name fields dropped, and the names (and the
    date of birth, `birth`) blanked wherever else they were typed (`personal_words`). For
    every output left without them."""
    names = [clean_text(str(fields.get(name, ""))).strip() for name in PERSONAL_FIELDS]
    found = personal_words(names, birth)
    return {
        key: value if found is None or key in _NOT_FREE_TEXT else found.sub(HAND_FILL, value)
        for key, value in fields.items()
        if key not in PERSONAL_FIELDS
    }


#: The keys of `Session.letter_fields`, in the order the form shows them.
DRAFT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(LetterDraft))


@dataclass(frozen=True, slots=True)
class CallerWords:
    """How the letter form, the summary and the save's warnings name the people a letter names,
    for one caller ("Who is calling?"). A parent writes about their child; a young person is
    the complainant, with no separate child; a helper or a representative writes for a young
    person, so the form names both. Words a parent's form used ("the family", "child's name")
    read wrongly to an adviser on a young person's own call."""

    complainant: str  # the form's label for `complainant_name`, the person who signs
    young_person: str  # the form's label for `child_name`, the person the letter is about
    young_person_detail: str  # the summary's heading for `child_name`
    young_person_said: str  # `child_name` in a sentence ("... will be left out")


#: A parent's or carer's words: the default caller, and any caller without words of its own
#: (as a letter's `about` falls back to the parent's).
PARENT_WORDS = CallerWords(
    complainant="Complainant's name (optional: the family can write it in)",
    young_person="Child or young person's name (optional)",
    young_person_detail="Child or young person",
    young_person_said="the child's name",
)

#: Each caller's words, by the option ids of "Who is calling?" (content's node `caller`).
CALLER_WORDS: Mapping[str, CallerWords] = {
    "parent": PARENT_WORDS,
    "young_person": CallerWords(
        complainant="Young person's name: they are the complainant and sign the letter "
        "(optional: they can write it in)",
        young_person="Young person's name, where the letter names them again (optional)",
        young_person_detail="Young person",
        young_person_said="the young person's name",
    ),
    "helper": CallerWords(
        complainant="Helper's name: they write and sign the letter "
        "(optional: they can write it in)",
        young_person="Young person's name: the helper writes for them, with their agreement "
        "(optional)",
        young_person_detail="Young person",
        young_person_said="the young person's name",
    ),
    "representative": CallerWords(
        complainant="Representative's name (a deputy, for example): they sign the letter "
        "(optional: they can write it in)",
        young_person="Young person's name: the representative acts for them (optional)",
        young_person_detail="Young person",
        young_person_said="the young person's name",
    ),
}


def caller_words(caller: str) -> CallerWords:
    """The words for `caller` (`caller_of`); a parent's for a caller with none of its own."""
    return CALLER_WORDS.get(caller, PARENT_WORDS)


#: The letter form's text fields: (field, label, multi-line), in the order every form shows them.
#: The labels are a parent's: `form_fields` gives them for the caller on the line.
FORM_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("addressee_name", "Addressee's name", False),
    ("complainant_name", PARENT_WORDS.complainant, False),
    ("child_name", PARENT_WORDS.young_person, False),
    ("setting", "Setting (school, college or nursery)", False),
    ("year_group", "Year group", False),
    (
        "about",
        "What the complaint is about (a draft from the answers: rewrite it, or ctrl+o to confirm it)",
        True,
    ),
    ("tried", "What has been tried already, with whom and when", True),
    ("outcome", "Outcome wanted (required)", True),
    ("reply_within", "Reply within (number of days, or a date YYYY-MM-DD)", False),
    ("enclosures", "Enclosures (optional)", False),
)


def form_fields(caller: str) -> tuple[tuple[str, str, bool], ...]:
    """`FORM_FIELDS` labelled for `caller` (`caller_of`): the letter screen and plain mode
    both ask with these, so a young person's own call is never asked for "the family"."""
    words = caller_words(caller)
    labels = {"complainant_name": words.complainant, "child_name": words.young_person}
    return tuple((name, labels.get(name, label), multi) for name, label, multi in FORM_FIELDS)


def letter_started(session: Session) -> bool:
    """Has the adviser typed anything into the letter form? Then the letter goes in the outputs."""
    typed = set(DRAFT_FIELDS) - {"template", "addressee_role", "reply_unit"}
    return any(str(session.letter_fields.get(name, "")).strip() for name in typed)


def draft_about(session: Session) -> str:
    """A first draft of "what the complaint is about", in the words a family would use.

    The answers choose it: the letter they lead to (a school, the council, the NHS ...) gives the
    sentence, worded for who is calling ("the support my child gets", "the support I get").
    It is only a starting point: until the adviser rewrites or confirms it (`about_confirmed`),
    the letter is not complete. "" when no letter fits the path.
    """
    template = choose_template(session, LetterDraft.from_fields(session.letter_fields))
    if template is None:
        return ""
    caller = caller_of(session)
    return clean_text(template.about.get(caller) or template.about.get("parent", "")).strip()


def about_confirmed(session: Session) -> bool:
    """Has the adviser written or confirmed what the complaint is about? Absent means the draft."""
    return "about" in session.letter_fields


# --- choosing the template -------------------------------------------------------------------


def letter_templates(session: Session) -> list[LetterTemplate]:
    """The templates that fit this session: the outcome's first, then each plan route's, in order.

    A route's letters are, first, that of the outcome its clock's escalation names for these
    answers (a complaint added to a council's refusal to assess goes to the council, as the
    summary's "if no reply" says), then its own, then those of every outcome for that route: a
    complaint can be to a school, a council or the NHS, and the adviser may choose any of them,
    unless the answers reached that route's outcome, which says whom it is to.
    """
    letters = session.content.letters
    found: list[str] = []
    outcome = session.outcome()
    if outcome is not None and outcome.letter:
        found.append(outcome.letter)
    for entry in session.plan():
        if outcome is not None and outcome.letter and outcome.route == entry.route.id:
            # The answers said who the complaint is about: a letter kept from another path
            # (an NHS complaint) must not stand on this one.
            found += [entry.route.letter] if entry.route.letter else []
        else:
            found += _route_letters(session, entry.route)
    return [letters[i] for i in dict.fromkeys(found) if i in letters]


def _route_letters(session: Session, route: Route) -> list[str]:
    """A plan route's letters, the one the answers point to first (`letter_templates`)."""
    content = session.content
    named: list[str] = []
    for clock in route.clocks:
        placed = content.clock_timeline.get(clock)
        escalation = placed.escalation(session.answers) if placed is not None else None
        node = content.nodes.get(escalation.node) if escalation and escalation.node else None
        if escalation is not None and escalation.route == route.id and node and node.letter:
            named.append(node.letter)
    own = [route.letter] if route.letter else []
    others = [n.letter for n in content.outcomes() if n.route == route.id and n.letter]
    return [*named, *own, *others]


def choose_template(session: Session, draft: LetterDraft | None = None) -> LetterTemplate | None:
    """The template to use: the adviser's choice if it fits this path, else the first that fits.

    With nothing fitting the path, the adviser's own choice stands; None if there is neither.
    """
    draft = draft or LetterDraft.from_session(session)
    chosen = session.content.letters.get(draft.value("template"))
    fitting = letter_templates(session)
    if chosen is not None and (chosen in fitting or not fitting):
        return chosen
    # A choice kept from an earlier path that no longer fits gives way to this path's letter.
    return fitting[0] if fitting else chosen


def letter_to_open(session: Session, looked_up: Node | None = None) -> LetterTemplate | None:
    """The template F5 opens: the path's (or the adviser's kept choice), else the letter of the
    outcome being looked up; None when there is no letter to word (`no_letter_reason` says why).

    Never a template picked at random: an NHS letter on a call that has not reached a complaint
    is worse than none.
    """
    chosen = choose_template(session)
    if chosen is None and looked_up is not None and looked_up.letter:
        chosen = session.content.letters.get(looked_up.letter)
    return chosen


def open_letter(session: Session, looked_up: Node | None = None) -> LetterTemplate | None:
    """`letter_to_open`, with a looked-up outcome's letter recorded as the form's choice (as
    the form records its own), so that letter is the one drafted and kept. For F5 and plain
    mode's `letter`; None when there is no letter to word."""
    template = letter_to_open(session, looked_up)
    if template is not None and choose_template(session) is None:
        session.set_letter_fields({"template": template.id})
    return template


def no_letter_reason(session: Session, ways: tuple[str, str]) -> str:
    """Why this call has no complaint letter yet, and what would give it one, in a sentence or two.

    `ways` is how the front end asking says to add a route to the plan and to look up a
    complaint (its own keys or commands).
    """
    add_way, look_up_way = ways
    with_letter = [
        f'"{route.title}"'
        for route in session.addable_routes()
        if route.letter in session.content.letters
    ]
    add = f", or add {' or '.join(with_letter)} to the plan {add_way}" if with_letter else ""
    if not session.trail():
        return (
            "No complaint letter yet: nothing has been answered on this call. Answer the "
            f"questions first (the answers choose the letter), or {look_up_way}."
        )
    outcome = session.outcome()
    if outcome is None:
        return (
            "No complaint letter yet: the answers have not reached a complaint. Carry on with "
            f"the questions{add}."
        )
    add = (
        f" To write one, add {' or '.join(with_letter)} to the plan {add_way}."
        if with_letter
        else ""
    )
    return (
        f'No complaint letter for this call: "{outcome.title}" does not lead to a letter, and '
        f"no route in the plan has one.{add}"
    )


def addressee_role(template: LetterTemplate, draft: LetterDraft) -> str:
    """The draft's role if the template offers it, else the template's first (its default)."""
    role = draft.value("addressee_role")
    return role if role in template.addressee_roles else template.addressee_roles[0]


# --- the timescale for a reply ---------------------------------------------------------------


class TimescaleError(ValueError):
    """The reply timescale cannot be turned into a date; the message says why and what to do."""


def calendars_for(content: Content | None) -> tuple[WorkingCalendar, SchoolCalendar | None]:
    """Working days with the content's closure days, and school days from its term dates (if any)."""
    from send_tui.model.calendars import SchoolCalendar, WorkingCalendar

    if content is None:
        return WorkingCalendar(), None
    working = WorkingCalendar(closures=content.closure_days)
    school = SchoolCalendar(content.term_calendar, working) if content.term_calendar else None
    return working, school


def reply_deadline(
    draft: LetterDraft,
    sent: date,
    content: Content | None = None,
    template: LetterTemplate | None = None,
) -> Deadline:
    """The reply-by date from the letter's timescale, counted from the day it is sent.

    Working days skip weekends, bank holidays and the content's closure days; school days use the
    local pack's term dates. For a letter to a school (`template.term_time`), working days that
    run into its holidays say so and give the date in school days. A template's `reply_note`
    (a college's: its own procedure sets the time, and its holidays are not known) comes last
    among the warnings, whatever the unit. Raises `TimescaleError` saying why when there is no
    date to give.
    """
    found = _reply_deadline(draft, sent, content, template)
    if template is None or not template.reply_note:
        return found
    return dataclasses.replace(found, warnings=(*found.warnings, template.reply_note))


def _reply_deadline(
    draft: LetterDraft,
    sent: date,
    content: Content | None,
    template: LetterTemplate | None,
) -> Deadline:
    """`reply_deadline` before the template's own note: the date from the draft's timescale."""
    from send_tui.model import deadlines
    from send_tui.model.calendars import OutsideTermDates

    unit = _reply_unit(draft)
    within = draft.value("reply_within")
    if not within:
        raise TimescaleError(
            f"Timescale for a reply: enter a number of {REPLY_UNIT_LABELS[unit]}"
            if unit is not ReplyUnit.DATE
            else "Timescale for a reply: enter the date to reply by (YYYY-MM-DD)"
        )
    working, school = calendars_for(content)
    try:
        if unit is ReplyUnit.DATE:
            return deadlines.reply(sent, on=parse_date(within), calendar=working)
        days = _day_count(within, unit)
        if unit is ReplyUnit.WORKING_DAYS:
            term_time = school if template is not None and template.term_time else None
            return deadlines.reply(sent, working_days=days, calendar=working, school=term_time)
        if school is None:
            raise TimescaleError(
                "Timescale for a reply: school days need the school's term dates, and the local "
                "pack has none. Give working days or a date instead."
            )
        return deadlines.reply(sent, school_days=days, school=school)
    except (DateFormatError, OutsideTermDates) as error:
        raise TimescaleError(f"Timescale for a reply: {error}") from None
    except TimescaleError:
        raise
    except ValueError as error:
        raise TimescaleError(f"Timescale for a reply: {error}") from None


def reply_notes(
    draft: LetterDraft,
    sent: date,
    content: Content | None = None,
    template: LetterTemplate | None = None,
) -> tuple[str, ...]:
    """What the reply-by date should carry with it before the letter is sent: "Reply by ...",
    then each warning (a date on a bank holiday, a school holiday in the count, the template's
    `reply_note`); () when there is nothing to add, or no date yet (`completeness` says why).
    For the letter screen and plain mode alike."""
    try:
        reply = reply_deadline(draft, sent, content, template)
    except TimescaleError:
        return ()
    if not reply.warnings:
        return ()
    return (f"Reply by {long_date(reply.due)}.", *reply.warnings)


def _reply_unit(draft: LetterDraft) -> ReplyUnit:
    try:
        return ReplyUnit(draft.value("reply_unit") or ReplyUnit.WORKING_DAYS.value)
    except ValueError:
        choices = ", ".join(u.value for u in ReplyUnit)
        raise TimescaleError(
            f"Timescale for a reply: '{draft.reply_unit}' is not one of {choices}."
        ) from None


def _day_count(text: str, unit: ReplyUnit) -> int:
    label = REPLY_UNIT_LABELS[unit]
    if is_a_date(text):  # a date typed where the timescale counts days: say which to change
        raise TimescaleError(
            f"Timescale for a reply: {text} is a date, but the timescale is in {label}. "
            f"Choose {REPLY_UNIT_LABELS[ReplyUnit.DATE]} as the timescale to ask for a reply by "
            f"that date, or give a number of {label}."
        )
    if not text.isdigit() or not 1 <= int(text) <= MAX_REPLY_DAYS:
        raise TimescaleError(
            f"Timescale for a reply: '{text}' is not a number of {label}; "
            f"give a whole number from 1 to {MAX_REPLY_DAYS}."
        )
    return int(text)


def is_a_date(text: str) -> bool:
    """Is `text` a date as the form takes it (YYYY-MM-DD): typed where a count was wanted?"""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- what is missing -------------------------------------------------------------------------


#: What the completeness check says while "what it is about" is still the untouched draft.
ABOUT_UNCONFIRMED = "What the complaint is about: check or rewrite the draft, then confirm it."


def completeness(
    draft: LetterDraft,
    *,
    sent: date | None = None,
    content: Content | None = None,
    about_confirmed: bool = True,
) -> list[str]:
    """What the letter still needs before it is sent, one line each; empty when it is complete.

    The addressee, what the complaint is about, the outcome wanted and a timescale that gives a
    date (a timescale that cannot be resolved says why). `sent` defaults to today. With
    `about_confirmed` false, "what it is about" is the draft from the answers, which nobody
    has checked yet, so it still counts as missing.
    """
    from send_tui.model.dates import today

    missing: list[str] = []
    if not draft.value("addressee_name"):
        missing.append("Addressee: the name of the person the letter goes to.")
    if not draft.value("about"):
        missing.append("What the complaint is about.")
    elif not about_confirmed:
        missing.append(ABOUT_UNCONFIRMED)
    if not draft.value("outcome"):
        missing.append("Outcome wanted: what the person complaining wants to happen.")
    try:
        reply_deadline(draft, sent or today(), content)
    except TimescaleError as error:
        missing.append(str(error))
    return missing


#: Form fields every letter uses whatever its wording: the addressee and the signature, what it is
#: about, and the outcome and reply-by sentences that `render_letter` adds when a template lacks them.
_FIELDS_EVERY_LETTER_USES: frozenset[str] = frozenset(
    {"addressee_name", "complainant_name", "about", "outcome", "reply_within"}
)
#: The `{field}` a template writes for a form field, where the two differ.
_PLACE_FOR_FIELD: Mapping[str, str] = {"reply_within": "reply_by"}


def template_fields(template: LetterTemplate, caller: str = "") -> tuple[str, ...]:
    """The letter form's text fields that `template` uses, in the form's order.

    Read from the template's own wording, so the form cannot drift from it: an NHS or social
    care letter that never says {setting} or {year_group} does not ask for a school. With
    `caller` (`caller_of`), the wording that caller's letter opens with: a young person writing
    about their own support is not asked for a child's name the letter never says.
    """
    wording = " ".join((template.heading, *letter_paragraphs(template, caller)))
    used = set(_PLACEHOLDER.findall(wording))
    return tuple(
        name
        for name in DRAFT_FIELDS
        if name in _FIELDS_EVERY_LETTER_USES or _PLACE_FOR_FIELD.get(name, name) in used
    )


def fields_never_asked(template: LetterTemplate) -> dict[str, tuple[str, ...]]:
    """By caller, the form's fields that caller's opening writes but the letter's own wording
    does not. The form asks only for what the wording uses (`template_fields`), so such a field
    would print as a blank, or as text typed earlier for another letter. For the loader."""
    asked = {_PLACE_FOR_FIELD.get(name, name) for name in template_fields(template)}
    form = {_PLACE_FOR_FIELD.get(name, name) for name in DRAFT_FIELDS}
    found: dict[str, tuple[str, ...]] = {}
    for caller, opening in template.for_caller.items():
        used = {name for paragraph in opening for name in _PLACEHOLDER.findall(paragraph)}
        if missing := sorted((used & form) - asked):
            found[caller] = tuple(missing)
    return found


# --- the letter ------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
#: An optional phrase in a template's wording, innermost first: "[ in {year_group}]".
_OPTIONAL_PHRASE = re.compile(r"\[([^\[\]]*)\]")


def optional_phrases_kept(text: str, blank: frozenset[str]) -> str:
    """The content's `text` with each optional phrase ("[ in {year_group}]") kept, without its
    brackets, only when every field in it is filled; otherwise it is left out, so a college
    student with no year group gets no "in __________". Phrases nest, innermost first: in
    "[, who is[ in {year_group}][ at {setting}]]" the outer phrase goes when both inner ones
    do. `blank` names the fields with nothing in them. Only the content's text is read here,
    before anything the adviser typed is put in."""
    while True:
        kept = _OPTIONAL_PHRASE.sub(lambda m: _phrase_kept(m.group(1), blank), text)
        if kept == text:
            return text
        text = kept


def _phrase_kept(phrase: str, blank: frozenset[str]) -> str:
    names = _PLACEHOLDER.findall(phrase)
    return phrase if names and not blank.intersection(names) else ""


def optional_phrase_problem(text: str) -> str | None:
    """Why `text`'s optional phrases cannot be read (an unmatched bracket, a phrase with no
    field to decide it), or None. For the loader, so a content author hears it at once."""
    depth = 0
    for char in text:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0:
            return "has a ] with no [ before it: an optional phrase is written [ in {year_group}]"
    if depth:
        return "has a [ with no ] after it: an optional phrase is written [ in {year_group}]"
    while match := _OPTIONAL_PHRASE.search(text):
        if not _PLACEHOLDER.search(match.group(1)):
            return (
                f"has the optional phrase [{match.group(1)}] with no {{field}} in it to decide it"
            )
        text = text[: match.start()] + "{phrase}" + text[match.end() :]  # an inner phrase decides
    return None


@dataclass(frozen=True, slots=True)
class Letter:
    """A finished letter, laid out as its parts so each format can set them its own way."""

    template_id: str
    title: str  # the template's title, for lists ("Complaint to a school")
    date: str  # "Tue 10 Mar 2026"
    addressee: tuple[str, ...]  # the lines above the salutation: name, role
    salutation: str
    heading: str
    paragraphs: tuple[str, ...]
    closing: str
    signature: str
    reply_by: (
        datetime.date | None
    )  # None when the timescale could not be resolved (`date` is a field)
    sent: datetime.date | None = None  # the day the letter is dated (`date` in words)

    def blocks(self) -> tuple[str, ...]:
        """The letter as plain text blocks in reading order: for the clipboard and the .txt."""
        return (
            self.date,
            "\n".join(self.addressee),
            self.salutation,
            self.heading.upper(),
            *self.paragraphs,
            f"{self.closing}\n\n{self.signature}",
        )


def caller_of(session: Session) -> str:
    """Who is calling: the answer to "Who is calling?", else its default (a parent or carer)."""
    answer = session.answers.get(CALLER_NODE)
    if isinstance(answer, str):
        return answer
    node = session.content.nodes.get(CALLER_NODE)
    return (node.default or "") if node is not None else ""


def outcome_notes(session: Session, node: Node) -> tuple[str, ...]:
    """What `node` says differently for this caller (`caller_of`), paragraph by paragraph; ().

    The outcome screen, the plain shell, the printed summary and the scenarios all show this, so
    they cannot disagree on which notes apply. Plain content text, never a template: nothing the
    adviser typed is put into it.
    """
    caller, notes = caller_of(session), session.content.caller_notes
    texts = (notes[i].wording.get(caller, "") for i in node.caller_notes if i in notes)
    return tuple(p.strip() for text in texts for p in text.split("\n\n") if p.strip())


def caller_answered(session: Session) -> Option | None:
    """The option chosen at "Who is calling?", if the adviser answered it (None: not asked)."""
    node = session.content.nodes.get(CALLER_NODE)
    answer = session.answers.get(CALLER_NODE)
    return node.option(answer) if node is not None and isinstance(answer, str) else None


def letter_paragraphs(template: LetterTemplate, caller: str = "") -> tuple[str, ...]:
    """The template's paragraphs, opening in the caller's own words where it gives them."""
    opening = template.for_caller.get(caller, ())
    return (*opening, *template.paragraphs[len(opening) :])


def render_letter(
    template: LetterTemplate,
    draft: LetterDraft,
    today: date,
    content: Content | None = None,
    caller: str = "",
    *,
    reply_by: date | None = None,
) -> Letter:
    """Fill `template` with `draft` for a letter dated `today` (the day it is sent).

    Blank fields become a gap to fill in by hand; a paragraph about what was tried or enclosed
    is left out when there is nothing to say. `content` supplies closure days and term dates for
    the reply-by date; `reply_by`, when given, is the date a saved letter already gave;
    `caller` (`caller_of`) words the opening for a young person or a helper.
    """
    if reply_by is None:
        try:
            reply_by = reply_deadline(draft, today, content).due
        except TimescaleError:
            reply_by = None
    values = _values(template, draft, today, reply_by)
    blank = frozenset(name for name in DRAFT_FIELDS if not draft.value(name))
    blank |= {"reply_by"} if reply_by is None else frozenset()

    def fill(text: str) -> str:
        # One pass over the CONTENT's text: what a user typed is returned, never rescanned.
        text = optional_phrases_kept(text, blank)
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

    wording = letter_paragraphs(template, caller)
    paragraphs = [fill(p) for p in wording if not _says_nothing(p, draft)]
    # What the template itself says decides what to add: the user's text is not trusted to say it.
    used = " ".join(wording)
    if template.procedure.casefold() not in used.casefold() or "complaint" not in used.casefold():
        paragraphs.insert(
            min(1, len(paragraphs)), PROCEDURE_SENTENCE.replace("{procedure}", template.procedure)
        )
    if "{outcome}" not in used:
        paragraphs.append(fill(OUTCOME_SENTENCE))
    if "{reply_by}" not in used:
        paragraphs.append(fill(REPLY_SENTENCE))
    heading = clean_text(fill(template.heading)).strip()
    if "complaint" not in heading.casefold():
        heading = FORMAL_COMPLAINT_PREFIX + heading
    role = values["addressee_role"]
    name = draft.value("addressee_name")
    return Letter(
        template_id=template.id,
        title=clean_text(template.title),
        date=long_date(today),
        addressee=(name or _capitalise(role),)
        if _names_the_role(name, role)
        else (name, _capitalise(role)),
        salutation=f"Dear {name or _capitalise(role)},",
        heading=heading,
        paragraphs=tuple(clean_text(p) for p in paragraphs),
        closing=CLOSING,
        signature=draft.value("complainant_name") or HAND_FILL,
        reply_by=reply_by,
        sent=today,
    )


def _values(
    template: LetterTemplate, draft: LetterDraft, today: date, reply_by: date | None
) -> dict[str, str]:
    """What each `{field}` becomes: the draft's text, or a gap to fill in by hand."""
    values = {name: draft.value(name) or HAND_FILL for name in DRAFT_FIELDS}
    values["addressee_role"] = clean_text(addressee_role(template, draft))
    values["reply_by"] = long_date(reply_by) if reply_by else HAND_FILL
    values["today"] = long_date(today)
    return values


def _says_nothing(paragraph: str, draft: LetterDraft) -> bool:
    return any(
        f"{{{name}}}" in paragraph and not draft.value(name) for name in _DROP_PARAGRAPH_IF_BLANK
    )


def _names_the_role(name: str, role: str) -> bool:
    """Is the addressee's name only the role ("The Principal"), or blank? Then say it once."""
    return not name or name.casefold().removeprefix("the ").strip() == role.casefold().strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
