"""The one summary of a call that every output renders, so the .html, .txt, .md and .docx agree.

`build_summary` reads the session once and settles every word and date: the answers in words,
the plan with its next steps, references, contacts (unconfirmed details shown as "To be
confirmed"), the deadlines worked out from the dates the adviser entered, and the letter. The
renderers only lay this out; they never look at the session or the content.

The dates an adviser can enter are `DATE_KEYS`: `Session.dates[key]` holds each one, and the
deadlines section works out every clock whose dates are there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from send_tui.model.content import Content, Node, Route, is_unconfirmed
from send_tui.model.dates import long_date
from send_tui.model.letter import (
    DRAFT_FIELDS,
    HAND_FILL,
    PERSONAL_FIELDS,
    Letter,
    LetterDraft,
    TimescaleError,
    about_confirmed,
    addressee_role,
    calendars_for,
    caller_answered,
    caller_of,
    caller_words,
    choose_template,
    clean_text,
    completeness,
    letter_started,
    outcome_notes,
    personal_words,
    render_letter,
    reply_deadline,
)
from send_tui.model.timeline import (
    TIMELINE_WORDS,
    TimelineSection,
    build_timeline,
    timeline_section,
)

if TYPE_CHECKING:
    from send_tui.model.calendars import SchoolCalendar
    from send_tui.model.deadlines import Deadline
    from send_tui.model.session import SentLetter, Session

# --- wording, once ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wording:
    """Every fixed phrase of a summary, so that each format words it the same way."""

    title: str = "Summary of the call"
    made: str = "Date made"
    printed: str = "Printed on"
    disclaimer: str = "This is information, not legal advice."
    to_be_confirmed: str = "To be confirmed"
    answers: str = "The answers given"
    plan: str = "The plan"
    deadlines: str = "Deadlines"
    contacts: str = "Contacts"
    references: str = "Code of Practice and other references"
    letter: str = "Complaint letter"
    no_outcome: str = "The answers have not reached an outcome yet."
    no_plan: str = "No routes are in the plan yet."
    no_deadlines: str = "No deadlines: no date was entered that starts one for this call."
    no_contacts: str = "No contacts for this plan."
    no_references: str = "No references for this plan."
    leads_to: str = "Where the answers lead"
    first: str = "First"
    letter_missing: str = "Still to fill in before sending"
    not_worked_out: str = "Cannot be worked out"
    warning: str = "Warning"  # before each of a deadline's warnings, in every format
    redacted_note: str = "Names and dates of birth are left out of this copy."


WORDS = Wording()


# --- the dates an adviser can enter ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateKey:
    """A date the adviser can record in `Session.dates`, with the words the form shows for it."""

    key: str
    label: str
    personal: bool = False  # left out of redacted and unconsented outputs


#: Every key `Session.dates` may hold (the record refuses any other). docs/record-format.md lists them.
DATE_KEYS: tuple[DateKey, ...] = (
    DateKey("decision", "Date on the council's decision letter"),
    DateKey("certificate", "Date of the mediation certificate"),
    DateKey(
        "mediation_adviser_told",
        "Day the mediation adviser was told mediation is not wanted, it ended, or it cannot be "
        "arranged in 30 days",
    ),
    DateKey("mediation_requested", "Day the council was told mediation is wanted"),
    DateKey("exclusion_notice", "Day the governing board received notice of the exclusion"),
    DateKey("board_decision", "Day the parents were given notice of the board's decision"),
    # After the exclusion's dates: on an exclusion call its 15 school days come first, and the
    # form's first field (the one focused) is the exclusion's, not the discrimination claim's.
    DateKey("conduct", "Date of the conduct complained of (discrimination)"),
    DateKey("ehc_request", "Day the council received the EHC needs assessment request"),
    DateKey("annual_review", "Day of the EHC plan annual review meeting"),
    DateKey("draft_served", "Day the draft plan or proposed amendments were served (sent)"),
    DateKey("reply_from", "Day the complaint letter is sent (the letter's date)"),
    DateKey("date_of_birth", "Date of birth of the child or young person", personal=True),
)
DATE_KEY_NAMES: frozenset[str] = frozenset(k.key for k in DATE_KEYS)

PERSONAL_DATE_KEYS: frozenset[str] = frozenset(k.key for k in DATE_KEYS if k.personal)


def date_of_birth(session: Session) -> date | None:
    """The date of birth the adviser entered, if any: personal, left out without consent."""
    return session.dates.get("date_of_birth")


def letter_date(session: Session, today: date) -> date:
    """The day the letter is dated and its reply clock starts.

    `reply_from` when the adviser entered it; else the date the letter was saved with, while it
    still says the same (a letter saved in November and printed in January stays dated November)
    or the adviser keeps that date for a correction (`toggle_letter_date`); else today.
    """
    if "reply_from" in session.dates:
        return session.dates["reply_from"]
    carried = carried_letter_date(session)
    return carried if carried is not None else today


def carried_letter_date(session: Session) -> date | None:
    """The date a saved letter carries with none entered; None when it would be dated today.

    The deadlines form shows it in the letter's date field, so a reopened call's field says the
    date its reply clock counts from rather than looking empty.
    """
    sent = _sent_letter(session) or _kept_letter(session)
    return sent.dated if sent is not None else None


def enter_date(session: Session, key: str, day: date | None) -> bool:
    """Store a date the adviser typed on a deadlines form (None forgets it); True if the call
    changed. The saved letter's own date, typed (or left) as `carried_letter_date` shows it,
    is not stored: entering it would pin the letter to it, so a later change to the letter
    would no longer date it today. Out of range is `Session.set_date`'s DateFormatError."""
    if key == "reply_from" and key not in session.dates and day == carried_letter_date(session):
        return False
    before = session.revision
    session.set_date(key, day)
    return session.revision != before


def letter_reply_by(session: Session, today: date) -> date | None:
    """The reply-by date the saved letter gave, when it still applies; None to work it out."""
    sent = _sent_letter(session)
    if sent is None or sent.dated != letter_date(session, today):
        return None
    return sent.reply_by


def letter_fingerprint(session: Session) -> str:
    """What the letter says, as a short hash: the same letter gives the same fingerprint.

    The template and addressee role are resolved first, so a form that fills in its defaults
    does not make the letter count as changed.
    """
    import hashlib

    draft = LetterDraft.from_session(session)
    template = choose_template(session, draft)
    values = [
        draft.value(name) for name in DRAFT_FIELDS if name not in ("template", "addressee_role")
    ]
    if template is not None:
        values += [template.id, addressee_role(template, draft)]
    return hashlib.sha256("\x1f".join(values).encode("utf-8")).hexdigest()[:16]


def fix_letter(session: Session, today: date) -> SentLetter | None:
    """Fix the letter's date and reply-by date as it is saved; the fix already made, if any.

    Called by `outputs.save_outputs` before anything is rendered, so the record written carries
    the same dates as the .docx and summary beside it. A kept date (`toggle_letter_date`) is
    used up here: the letter saved with it is the letter as sent from now on, and a later change
    makes a new letter dated the day it is made.
    """
    from send_tui.model.session import SentLetter

    if not letter_started(session) or choose_template(session) is None:
        return None
    dated = letter_date(session, today)
    session.kept_date_of = None
    current = _sent_letter(session)
    if current is not None and current.dated == dated and current.reply_by is not None:
        return current
    try:
        reply_by: date | None = reply_deadline(
            LetterDraft.from_session(session), dated, session.content
        ).due
    except TimescaleError:
        reply_by = None
    session.sent_letter = SentLetter(dated, reply_by, letter_fingerprint(session))
    return session.sent_letter


def summary_made(session: Session, today: date) -> date:
    """The day the call's summary was first made: kept from its first save or record, else today."""
    return session.made if session.made is not None else today


def fix_made(session: Session, today: date) -> date:
    """Fix the day the summary was made as it is first saved; a later save or reopen keeps it."""
    if session.made is None:
        session.made = today
    return session.made


@dataclass(frozen=True, slots=True)
class LetterDating:
    """What the adviser must be told about the date of a letter saved before (`letter_dating`).

    A changed letter is a new letter, dated today: the adviser sees that as it happens, and may
    keep the date it was sent when the change is only a correction (`toggle_letter_date`).
    """

    sent: date  # the date the saved letter carries
    today: date
    changed: bool  # the letter no longer says what it said when it was saved
    kept: bool  # changed, but still dated as sent (`Session.kept_date_of`)

    @property
    def dated(self) -> date:
        """The date the letter carries now."""
        return self.today if self.changed and not self.kept else self.sent

    def message(self, how: str) -> str:
        """One sentence or two; `how` says how to switch in this front end ("Press F9")."""
        sent, today = long_date(self.sent), long_date(self.today)
        if not self.changed:
            return (
                f"This letter is dated {sent}, the day it was sent. Changing it makes a new "
                f"letter dated today, {today}."
            )
        if self.kept:
            return (
                f"The letter was changed but keeps the date it was sent, {sent}, as a "
                f"correction. {how} to date it today, {today}, instead."
            )
        return (
            f"The letter was changed, so it is now dated today, {today}, not {sent}, the day "
            f"it was sent. {how} to keep {sent} if this is only a correction."
        )


def letter_dating(session: Session, today: date) -> LetterDating | None:
    """The saved letter's date and whether a change re-dates it; None when there is nothing to say.

    Nothing to say: no letter was saved, it was saved today (a new date would be the same), or
    the adviser entered the day the letter is sent (`dates.reply_from`), which it then carries
    whatever F9 would say.
    """
    sent = session.sent_letter
    if sent is None or sent.dated == today or "reply_from" in session.dates:
        return None
    if not letter_started(session) or choose_template(session) is None:
        return None
    changed = _sent_letter(session) is None
    return LetterDating(
        sent.dated, today, changed, kept=changed and _kept_letter(session) is not None
    )


def toggle_letter_date(session: Session, today: date) -> LetterDating | None:
    """Switch a changed letter between today's date and the date it was sent; the new state.

    The choice is kept for the saved letter it corrects (`Session.kept_date_of`), not in
    `dates`: it lasts through further typing and the autosave, the reply-by date counts from
    it, and the next save uses it up (`fix_letter`), so a letter written later is dated anew.
    """
    dating = letter_dating(session, today)
    if dating is None or not dating.changed:
        return dating
    session.kept_date_of = None if dating.kept else session.sent_letter
    session.revision += 1
    return letter_dating(session, today)


@dataclass(frozen=True, slots=True)
class SavedLetter:
    """The saved letter as the record keeps it (`saved_letter`), so a resume is where it was.

    A letter changed since it was saved is a new letter dated today, unless the adviser kept
    the sent date for a correction (F9). The autosave of such a call must come back the same:
    still changed, still offering F9, and not a letter that silently lost the day it was sent.
    """

    sent: SentLetter  # the letter as it was saved: its dates and what it said
    changed: bool  # the letter no longer says what it said when it was saved
    kept: bool  # changed, but kept dated as sent (`Session.kept_date_of`)


def saved_letter(session: Session) -> SavedLetter | None:
    """The saved letter and what has become of it since; None when no letter was saved."""
    sent = session.sent_letter
    if sent is None:
        return None
    changed = _sent_letter(session) is None
    return SavedLetter(sent, changed, kept=changed and _kept_letter(session) is not None)


def _kept_letter(session: Session) -> SentLetter | None:
    """The saved letter whose date the changed letter keeps, while that is still the saved one."""
    kept = session.kept_date_of
    return kept if kept is not None and kept is session.sent_letter else None


def _sent_letter(session: Session) -> SentLetter | None:
    sent = session.sent_letter
    if sent is None or sent.fingerprint != letter_fingerprint(session):
        return None
    return sent


@dataclass(frozen=True, slots=True)
class DeadlineProblem:
    """A clock whose dates were entered but which cannot be worked out, and why."""

    clock: str
    title: str
    reason: str


def session_clocks(session: Session) -> tuple[str, ...]:
    """The clocks that apply to this caller: the outcome's, then each plan route's.

    Empty when the answers reach no outcome and the plan is empty (a bare deadlines screen).
    """
    outcome = session.outcome()
    found: list[str] = list(outcome.clocks) if outcome else []
    for entry in session.plan():
        found += entry.route.clocks
    return tuple(dict.fromkeys(found))


def session_deadlines(session: Session, today: date) -> tuple[Deadline | DeadlineProblem, ...]:
    """Every clock the session's dates allow, in `DATE_KEYS` order, plus the letter's reply.

    Once the answers reach an outcome or a plan, only the clocks that apply to it are worked
    out: a 15-school-day review must not show for a 3-day suspension just because the notice
    date was entered. The 50-school-day clock is only ever shown where it applies.

    A clock that cannot be counted (term dates that stop short, a certificate without the
    decision date) is a `DeadlineProblem` saying why, so the adviser sees it rather than nothing.
    Clocks the answers rule out (`model.clocks`) are left out, whatever dates were entered.
    """
    from send_tui.model import clocks, deadlines
    from send_tui.model.calendars import OutsideTermDates

    # Only the dates that apply to this call: a school-only appeal has no certificate to count.
    dates = {k: v for k, v in session.dates.items() if clocks.date_applies(session, k)}
    working, school = calendars_for(session.content)
    found: list[Deadline | DeadlineProblem] = []
    in_play = session_clocks(session)

    def add(clock: str, compute: Callable[[], Deadline]) -> None:
        if in_play and clock not in in_play:
            return
        try:
            found.append(compute())
        except (OutsideTermDates, ValueError) as error:
            found.append(DeadlineProblem(clock, _clock_title(session.content, clock), str(error)))

    def needs_school(clock: str, compute: Callable[[SchoolCalendar], Deadline]) -> None:
        if in_play and clock not in in_play:
            return
        if school is None:
            reason = "the local pack has no term dates, so school days cannot be counted."
            found.append(DeadlineProblem(clock, _clock_title(session.content, clock), reason))
        else:
            add(clock, lambda: compute(school))

    if "decision" in dates:
        add(
            "appeal", lambda: deadlines.appeal(dates["decision"], dates.get("certificate"), working)
        )
        add("mediation_contact", lambda: deadlines.mediation_contact(dates["decision"], working))
    elif "certificate" in dates:
        reason = "it also needs the date on the council's decision letter."
        found.append(DeadlineProblem("appeal", _clock_title(session.content, "appeal"), reason))
    if "mediation_adviser_told" in dates:
        add(
            "mediation_certificate",
            lambda: deadlines.mediation_certificate(dates["mediation_adviser_told"], working),
        )
    if "mediation_requested" in dates:
        add(
            "arrange_mediation",
            lambda: deadlines.arrange_mediation(dates["mediation_requested"], working),
        )
    if "conduct" in dates:
        add(
            "discrimination_claim",
            lambda: deadlines.discrimination_claim(dates["conduct"], working),
        )
    if "exclusion_notice" in dates:
        needs_school(
            "exclusion_review", lambda s: deadlines.exclusion_review(dates["exclusion_notice"], s)
        )
        if "suspension_representations" in in_play:
            needs_school(
                "suspension_representations",
                lambda s: deadlines.suspension_representations(dates["exclusion_notice"], s),
            )
    if "board_decision" in dates:
        needs_school(
            "exclusion_panel", lambda s: deadlines.exclusion_panel(dates["board_decision"], s)
        )
    if "ehc_request" in dates:
        add("ehc", lambda: deadlines.ehc(dates["ehc_request"], working))
    if "annual_review" in dates:
        add("ehc", lambda: deadlines.ehc_annual_review(dates["annual_review"], working))
    if "draft_served" in dates:
        add("draft_plan", lambda: deadlines.draft_plan(dates["draft_served"], working))
    # The reply clock runs once the letter is started, or its date is entered on its own: then
    # the adviser expects a reply-by date, and must hear that the letter has no timescale yet.
    started = letter_started(session)
    template = choose_template(session) if started or "reply_from" in dates else None
    if template is not None:
        draft = LetterDraft.from_session(session)
        try:
            sent = letter_date(session, today)
            found.append(reply_deadline(draft, sent, session.content, template))
        except TimescaleError as error:
            problem = str(error) if started else REPLY_NEEDS_TIMESCALE
            found.append(DeadlineProblem("reply", _clock_title(session.content, "reply"), problem))
    return tuple(f for f in found if clocks.applies(session.content, f.clock, session.answers))


#: Why the day the letter is sent, entered before anything is typed in the letter, gives no date.
REPLY_NEEDS_TIMESCALE = (
    "The letter's date is entered, but the reply needs a timescale too: give the number of "
    "days, or the date to reply by, in the letter."
)


def _clock_title(content: Content, clock: str) -> str:
    described = content.clocks.get(clock)
    return described.title if described else clock.replace("_", " ").capitalize()


# --- the summary model -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class PlanItem:
    """A route in the plan: what it is, why it is there, what comes first, and what to do."""

    title: str
    summary: str
    reason: str
    first: tuple[str, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReferenceLine:
    cite: str
    title: str
    source: str


@dataclass(frozen=True, slots=True)
class ContactCard:
    """An organisation with every detail the content gives; unconfirmed ones say "To be confirmed"."""

    name: str
    description: str
    details: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class DeadlineLine:
    """A deadline as every format shows it: the date, how long is left, and the workings."""

    title: str
    due: str  # "Tue 10 Mar 2026, by 5pm", or why it cannot be worked out
    status: str  # "12 days left", "due today", "passed 3 days ago", or ""
    act_by: str  # "Act by Fri 6 Mar 2026: ...", or ""
    dates: tuple[tuple[str, str], ...]  # several dates of one clock (EHC): (label, date)
    workings: tuple[str, ...]
    warnings: tuple[str, ...]


def warning_line(warning: str) -> str:
    """A deadline's warning as every format and the calendar print it: "Warning: ..."."""
    return f"{WORDS.warning}: {warning}"


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything a printed summary says, as plain text and in order; renderers only lay it out."""

    title: str
    made: date  # the day the call's summary was first made (`summary_made`)
    content_review: date
    details: tuple[tuple[str, str], ...]  # (label, value) lines at the top: dates, case, names
    outcome: str  # the outcome's title, or "" if the path has not reached one
    path: tuple[AnswerLine, ...]
    plan: tuple[PlanItem, ...]
    deadlines: tuple[DeadlineLine, ...]
    contacts: tuple[ContactCard, ...]
    references: tuple[ReferenceLine, ...]
    letter: Letter | None
    letter_missing: tuple[str, ...]
    redacted: bool
    disclaimer: str = WORDS.disclaimer
    timeline: TimelineSection = TimelineSection()  # every date earliest first, escalation, warnings
    #: what the outcome says differently for this caller ("This appeal is the young person's
    #: own"), paragraph by paragraph, shown once, under the outcome; empty when nothing differs
    outcome_note: tuple[str, ...] = ()

    def headings(self) -> tuple[str, ...]:
        """The section headings every format shows, in order (the letter's only when there is one)."""
        found = [WORDS.answers, WORDS.plan, WORDS.deadlines, WORDS.contacts, WORDS.references]
        if self.timeline:
            found.insert(3, TIMELINE_WORDS.heading)
        if self.letter is not None:
            found.append(WORDS.letter)
        return tuple(found)


def build_summary(
    session: Session, today: date, *, redacted: bool = False, include_personal: bool = True
) -> Summary:
    """The summary of `session` as of `today`.

    `redacted` leaves out the family's names and any date of birth (a copy to share);
    `include_personal=False` does the same for saved outputs when the caller has not consented
    to their details being recorded (`session.case.consent_to_record`).
    """
    personal = include_personal and not redacted
    content = session.content
    outcome = session.outcome()
    plan = session.plan()
    routes = [entry.route for entry in plan]
    letter, missing = _letter(session, today, personal)
    return Summary(
        title=WORDS.title,
        made=summary_made(session, today),
        content_review=content.review_date,
        details=_details(session, today, personal),
        outcome=_text(outcome.title) if outcome else "",
        path=tuple(AnswerLine(_text(n.title), _text(a)) for n, a in session.trail()),
        plan=tuple(
            _plan_item(session, entry.route.id, entry.reason, entry.first) for entry in plan
        ),
        deadlines=session_deadline_lines(session, today),
        contacts=_contacts(content, _ids(outcome, routes, "contacts")),
        references=_references(content, _ids(outcome, routes, "refs")),
        letter=letter,
        letter_missing=missing,
        redacted=not personal,
        timeline=timeline_section(build_timeline(session, today)),
        outcome_note=_outcome_note(session, outcome),
    )


def _text(value: str) -> str:
    return clean_text(value).strip()


def _outcome_note(session: Session, outcome: Node | None) -> tuple[str, ...]:
    """The outcome's caller notes for the caller answered, as the outcome screen shows them."""
    if outcome is None:
        return ()
    return tuple(_text(p) for p in outcome_notes(session, outcome))


def _details(session: Session, today: date, personal: bool) -> tuple[tuple[str, str], ...]:
    made = summary_made(session, today)
    lines = [(WORDS.made, long_date(made))]
    if made != today:
        lines.append((WORDS.printed, long_date(today)))
    reference = _text(session.case.reference)
    if not personal:  # a reference made from the family's name ("SMITH-0042") says it
        reference = _without_names(session, reference)
    if reference:
        lines.append(("Case reference", reference))
    lines.append(("Content last reviewed", long_date(session.content.review_date)))
    caller = caller_answered(session)
    if caller is not None:
        lines.append(("Who is calling", _text(caller.label)))
        if caller.hint:
            lines.append(("For this caller", _text(caller.hint)))
    if not personal:
        lines.append(("Note", WORDS.redacted_note))
        return tuple(lines)
    fields = session.letter_fields
    young_person = caller_words(caller_of(session)).young_person_detail  # not "child" for all
    for key, label in (("complainant_name", "Caller"), ("child_name", young_person)):
        value = _text(fields.get(key, ""))
        if value:
            lines.append((label, value))
    birth = date_of_birth(session)
    if birth is not None:
        lines.append(("Date of birth", long_date(birth)))
    return tuple(lines)


def _without_names(session: Session, text: str) -> str:
    """`text` with the family's names (as the letter form holds them) and date of birth blanked."""
    names = [_text(str(session.letter_fields.get(key, ""))) for key in PERSONAL_FIELDS]
    found = personal_words(names, date_of_birth(session))
    return found.sub(HAND_FILL, text) if found is not None else text


def _plan_item(session: Session, route_id: str, reason: str, first: tuple[str, ...]) -> PlanItem:
    route = session.content.routes[route_id]
    return PlanItem(
        title=_text(route.title),
        summary=_text(route.summary),
        reason=_text(reason),
        first=tuple(_text(note) for note in first),
        next_steps=tuple(_text(step) for step in _next_steps(session, route_id)),
    )


def _next_steps(session: Session, route_id: str) -> tuple[str, ...]:
    """The next steps for a route: from the outcome reached, else from the one outcome for it.

    When several outcomes recommend a route (a complaint to a school, a council, the NHS) and the
    path did not reach one, no steps are guessed: the route's summary says what it is.
    """
    outcome = session.outcome()
    if outcome is not None and outcome.route == route_id:
        return outcome.next_steps
    candidates = [n for n in session.content.outcomes() if n.route == route_id]
    return candidates[0].next_steps if len(candidates) == 1 else ()


def _ids(outcome: Node | None, routes: list[Route], kind: str) -> list[str]:
    """Contact or reference ids: the outcome's first, then each plan route's, without repeats."""
    found: list[str] = list(getattr(outcome, kind)) if outcome else []
    for route in routes:
        found += getattr(route, kind)
    return list(dict.fromkeys(found))


def _contacts(content: Content, ids: list[str]) -> tuple[ContactCard, ...]:
    cards = []
    for contact in (content.contacts[i] for i in ids if i in content.contacts):
        details = tuple(
            (label, WORDS.to_be_confirmed if is_unconfirmed(value) else _text(value))
            for label, value in contact.details()
        )
        cards.append(ContactCard(_text(contact.name), _text(contact.description), details))
    return tuple(cards)


def _references(content: Content, ids: list[str]) -> tuple[ReferenceLine, ...]:
    refs = (content.refs[i] for i in ids if i in content.refs)
    return tuple(ReferenceLine(_text(r.cite), _text(r.title), _text(r.source)) for r in refs)


def session_deadline_lines(
    session: Session, today: date, found: Sequence[Deadline | DeadlineProblem] | None = None
) -> tuple[DeadlineLine, ...]:
    """The session's deadlines in words (`found`, else all of them), a step that is done saying so.

    A certificate issued settles contacting the mediation adviser: the summary, the dates screen
    and plain mode then say "done on <date>" where they would count days to a limit gone by.
    """
    from send_tui.model.timeline import done_on

    found = session_deadlines(session, today) if found is None else found
    return tuple(deadline_line(f, today, done_on(session, f.clock, today)) for f in found)


def deadline_line(
    found: Deadline | DeadlineProblem, today: date, done_on: date | None = None
) -> DeadlineLine:
    """A deadline in words: what the summary prints and the dates screen shows.

    `done_on`, the day its step was done (`timeline.done_on`), replaces the days left.
    """
    from send_tui.model.deadlines import days_left
    from send_tui.model.timeline import TIMELINE_WORDS

    if isinstance(found, DeadlineProblem):
        return DeadlineLine(
            title=_text(found.title),
            due=f"{WORDS.not_worked_out}: {_text(found.reason)}",
            status="",
            act_by="",
            dates=(),
            workings=(),
            warnings=(),
        )
    due = long_date(found.due) + (", by 5pm" if found.by_5pm else "")
    act_by = ""
    if found.act_by is not None and done_on is None:
        act_by = f"To be safe, act by {long_date(found.act_by)} ({days_left(found.act_by, today)})"
    return DeadlineLine(
        title=_text(found.title),
        due=due,
        status=TIMELINE_WORDS.done_status(done_on) if done_on else days_left(found, today),
        act_by=act_by,
        dates=tuple((_text(m.label), long_date(m.due)) for m in found.dates),
        workings=tuple(_text(s) for s in found.steps),
        warnings=tuple(_text(w) for w in found.warnings),
    )


def _letter(session: Session, today: date, personal: bool) -> tuple[Letter | None, tuple[str, ...]]:
    """The letter, if one fits the session and the adviser has started it, and what it still needs."""
    if not letter_started(session):
        return None, ()
    draft = LetterDraft.from_session(session)
    template = choose_template(session, draft)
    if template is None:
        return None, ()
    sent = letter_date(session, today)
    missing = tuple(
        completeness(
            draft, sent=sent, content=session.content, about_confirmed=about_confirmed(session)
        )
    )
    if not personal:
        draft = draft.without_personal(date_of_birth(session))
    letter = render_letter(
        template,
        draft,
        sent,
        session.content,
        caller_of(session),
        reply_by=letter_reply_by(session, today),
    )
    return letter, missing
