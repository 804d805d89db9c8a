"""`send-tui deadline CLOCK ...`: one clock's date, its workings and how long is left.

A stable interface that advisers and scripts use outside the app: dates in and out are ISO
(YYYY-MM-DD), `--json` prints one object, and bad input exits 2 with a message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from send_tui.model.letter import MAX_REPLY_DAYS
from send_tui.subcommands._common import (
    add_content_option,
    add_today_option,
    console,
    iso_date,
    positive_count,
    today,
)

if TYPE_CHECKING:
    from datetime import date

    from send_tui.model.calendars import SchoolCalendar, WorkingCalendar
    from send_tui.model.content import Content
    from send_tui.model.deadlines import Deadline

NAME = "deadline"
HELP = "work out a deadline and its workings: appeal, mediation, reply, exclusion, EHC ..."

#: The clock runs from when notice was sent; the letter's date is the safer one to count from.
DECISION_HELP = "the date on the council's decision letter (or the day it was sent, if earlier)"


#: The same cap as the letter form's timescale, so no count runs past the dates send-tui handles.
_positive_days = positive_count("days", maximum=MAX_REPLY_DAYS)


def _date_option(
    parser: argparse.ArgumentParser, flag: str, help_text: str, required: bool = True
) -> None:
    parser.add_argument(
        flag, type=iso_date, metavar="DATE", required=required, help=f"{help_text} (YYYY-MM-DD)"
    )


def _terms_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--terms",
        type=Path,
        metavar="FILE",
        help="the school's term dates: a TOML file with a [term_dates] table "
        "(default: the local pack's term dates)",
    )


@dataclass(frozen=True)
class _Clock:
    """One `deadline` sub-command: its arguments and how it computes from them."""

    name: str
    help: str
    add: Callable[[argparse.ArgumentParser], None]
    compute: Callable[[argparse.Namespace, _Sources], Deadline]


# --- each clock: its arguments, then its computation ------------------------------------------


def _add_appeal(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--decision", DECISION_HELP)
    _date_option(
        parser, "--certificate", "the date of the mediation certificate, if any", required=False
    )


def _appeal(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    try:
        return deadlines.appeal(args.decision, args.certificate, sources.working)
    except deadlines.DateOrderError as error:
        _usage_error(str(error))
        raise  # not reached: _usage_error exits


def _add_mediation_contact(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--decision", DECISION_HELP)


def _mediation_contact(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.mediation_contact(args.decision, sources.working)


def _add_from(what: str) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        _date_option(parser, "--from", what)

    return add


def _mediation_certificate(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.mediation_certificate(getattr(args, "from"), sources.working)


def _arrange_mediation(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.arrange_mediation(getattr(args, "from"), sources.working)


def _add_reply(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--from", "the date the complaint was sent")
    timescale = parser.add_mutually_exclusive_group(required=True)
    timescale.add_argument(
        "--working-days", type=_positive_days, metavar="N", help="reply within N working days"
    )
    timescale.add_argument(
        "--school-days", type=_positive_days, metavar="N", help="reply within N school days"
    )
    timescale.add_argument(
        "--by", type=iso_date, metavar="DATE", help="reply by this date (YYYY-MM-DD)"
    )
    _terms_option(parser)


def _reply(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    sent = getattr(args, "from")
    if args.school_days is not None:
        return deadlines.reply(sent, school_days=args.school_days, school=sources.school())
    if args.by is not None and args.by < sent:
        _usage_error(f"--by {args.by.isoformat()} is before --from {sent.isoformat()}.")
    return deadlines.reply(
        sent, working_days=args.working_days, on=args.by, calendar=sources.working
    )


def _discrimination_claim(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.discrimination_claim(getattr(args, "from"), sources.working)


def _add_exclusion_review(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--from", "the day the governing board received notice of the exclusion")
    _terms_option(parser)


def _exclusion_review(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.exclusion_review(getattr(args, "from"), sources.school())


def _suspension_representations(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.suspension_representations(getattr(args, "from"), sources.school())


def _add_exclusion_panel(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--from", "the day the parents were given notice of the board's decision")
    parser.add_argument(
        "--posted",
        action="store_true",
        help="--from is the day the notice went first class (given on the 2nd working day after)",
    )
    _terms_option(parser)


def _exclusion_panel(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.exclusion_panel(getattr(args, "from"), sources.school(), posted=args.posted)


def _add_ehc(parser: argparse.ArgumentParser) -> None:
    start = parser.add_mutually_exclusive_group(required=True)
    start.add_argument(
        "--request",
        type=iso_date,
        metavar="DATE",
        help="the day the council received the assessment request (YYYY-MM-DD)",
    )
    start.add_argument(
        "--review-meeting",
        type=iso_date,
        metavar="DATE",
        help="the day of an annual review meeting (YYYY-MM-DD)",
    )


def _ehc(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    if args.request is not None:
        return deadlines.ehc(args.request, sources.working)
    return deadlines.ehc_annual_review(args.review_meeting, sources.working)


def _add_draft_plan(parser: argparse.ArgumentParser) -> None:
    _date_option(parser, "--served", "the day the draft plan or proposed amendments were served")


def _draft_plan(args: argparse.Namespace, sources: _Sources) -> Deadline:
    from send_tui.model import deadlines

    return deadlines.draft_plan(args.served, sources.working)


CLOCKS: tuple[_Clock, ...] = (
    _Clock(
        "appeal",
        "SEN appeal to the Tribunal: 2 months, or 1 month from a mediation certificate",
        _add_appeal,
        _appeal,
    ),
    _Clock(
        "mediation-contact",
        "contacting the mediation adviser: 2 months from the decision",
        _add_mediation_contact,
        _mediation_contact,
    ),
    _Clock(
        "mediation-certificate",
        "the mediation certificate: 3 working days",
        _add_from("the day the mediation adviser was told, or mediation ended"),
        _mediation_certificate,
    ),
    _Clock(
        "arrange-mediation",
        "the council arranging mediation: 30 days",
        _add_from("the day the council was told mediation is wanted"),
        _arrange_mediation,
    ),
    _Clock(
        "reply", "a reply to a complaint: working days, school days or a date", _add_reply, _reply
    ),
    _Clock(
        "discrimination-claim",
        "a disability discrimination claim: 6 months starting with the conduct",
        _add_from("the date of the conduct complained of"),
        _discrimination_claim,
    ),
    _Clock(
        "exclusion-review",
        "the governing board's review of a permanent exclusion, a suspension of more than 15 "
        "school days in a term, or one that misses a public exam: 15 school days",
        _add_exclusion_review,
        _exclusion_review,
    ),
    _Clock(
        "suspension-representations",
        "the board considering the parents' representations on a suspension of more than 5 "
        "and up to 15 school days in a term: 50 school days",
        _add_exclusion_review,
        _suspension_representations,
    ),
    _Clock(
        "exclusion-panel",
        "applying for an independent review panel: 15 school days",
        _add_exclusion_panel,
        _exclusion_panel,
    ),
    _Clock(
        "ehc",
        "EHC timescales: 6, 16 and 20 weeks from a request, or after an annual review",
        _add_ehc,
        _ehc,
    ),
    _Clock(
        "draft-plan",
        "replying to a draft EHC plan or proposed amendments: 15 days beginning with the day served",
        _add_draft_plan,
        _draft_plan,
    ),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    add_today_option(shared)
    add_content_option(shared)
    add_content_option(parser)
    clocks = parser.add_subparsers(dest="clock", metavar="CLOCK", required=True)
    for clock in CLOCKS:
        sub = clocks.add_parser(
            clock.name, help=clock.help, description=clock.help, parents=[shared]
        )
        clock.add(sub)
        sub.set_defaults(compute=clock.compute)


# --- running ----------------------------------------------------------------------------------


@dataclass
class _Sources:
    """Where the days come from: the content's closure days and term dates, or `--terms FILE`."""

    args: argparse.Namespace
    working: WorkingCalendar
    content: Content | None
    problem: str  # why the content could not be read, or ""

    def school(self) -> SchoolCalendar:
        """The school calendar from `--terms FILE`, else from the local pack's term dates."""
        from send_tui.model.calendars import SchoolCalendar, load_term_calendar

        if self.args.terms is not None:
            return SchoolCalendar(load_term_calendar(self.args.terms), self.working)
        if self.content is None:
            raise _NoTermDates(
                f"No term dates: {self.problem}. Give the school's term dates with --terms FILE."
            )
        if self.content.term_calendar is None:
            raise _NoTermDates(
                f"The local pack {self.content.local_pack!r} has no term dates. "
                "Give the school's term dates with --terms FILE."
            )
        return SchoolCalendar(self.content.term_calendar, self.working)


class _NoTermDates(Exception):
    """Neither `--terms FILE` nor the content gives term dates."""


def run(args: argparse.Namespace) -> int:
    from send_tui.model.calendars import OutsideTermDates, TermDatesError

    now = today(args)
    try:
        deadline = args.compute(args, _sources(args))
    except OutsideTermDates as error:
        return _fail(2, f"Cannot count school days: {error}")
    except TermDatesError as error:
        return _fail(1, f"Cannot read the term dates: {error}")
    except _NoTermDates as error:
        return _fail(1, str(error))
    if args.json:
        from send_tui.model.deadlines import to_json

        print(json.dumps(to_json(deadline, now), indent=2, ensure_ascii=False))
    else:
        _print(deadline, now)
    return 0


def _sources(args: argparse.Namespace) -> _Sources:
    """Read the content once for its closure days (and term dates); carry on without it if bad.

    A broken content file elsewhere must not stop a date being worked out, so the working-day
    clocks go on without the extra closure days, and say so.
    """
    from send_tui.model.calendars import WorkingCalendar
    from send_tui.model.content_errors import ContentErrors
    from send_tui.model.loader import load_content

    try:
        content = load_content(getattr(args, "content", None))
    except ContentErrors as problems:
        count = len(problems.errors)
        problem = (
            f"the content has {count} problem{'s' if count != 1 else ''} (run `send-tui check`)"
        )
        console(stderr=True).print(
            f"Warning: {problem}, so its extra closure days are not counted.", markup=False
        )
        return _Sources(args, WorkingCalendar(), None, problem)
    return _Sources(args, WorkingCalendar(closures=content.closure_days), content, "")


def _fail(code: int, message: str) -> int:
    console(stderr=True).print(message, markup=False)
    return code


def _usage_error(message: str) -> None:
    console(stderr=True).print(f"send-tui deadline: {message}", markup=False)
    raise SystemExit(2)


def _print(deadline: Deadline, now: date) -> None:
    """The date first, then the workings, then how long is left; no user text is read as markup."""
    from rich.text import Text

    from send_tui.model.dates import long_date
    from send_tui.model.deadlines import days_left

    out = console()
    out.print(Text(deadline.title, style="bold"))
    due = Text("  Deadline: ")
    due.append(long_date(deadline.due), style="bold")
    if deadline.by_5pm:
        due.append(", by 5pm")
    due.append(f"  ({days_left(deadline, now)}; today is {long_date(now)})")
    out.print(due)
    if deadline.act_by is not None:
        act = Text("  Act by:   ")
        act.append(long_date(deadline.act_by), style="bold")
        act.append(f"  ({days_left(deadline.act_by, now)})")
        out.print(act)
    for milestone in deadline.dates:
        status = days_left(milestone.due, now)
        out.print(Text(f"  {milestone.label}: {long_date(milestone.due)}  ({status})"))
    out.print(Text("Workings:"))
    for number, step in enumerate(deadline.steps, start=1):
        out.print(Text(f"  {number}. {step}"))
    for warning in deadline.warnings:
        out.print(Text(f"Warning: {warning}", style="bold"))
