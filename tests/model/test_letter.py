"""The complaint letter: every template and role says "complaint", the outcome and a reply-by date."""

from __future__ import annotations

from datetime import date

import pytest

from send_tui.model.content import LetterTemplate
from send_tui.model.letter import (
    HAND_FILL,
    Letter,
    LetterDraft,
    TimescaleError,
    choose_template,
    clean_text,
    completeness,
    draft_about,
    letter_started,
    letter_templates,
    letter_to_open,
    no_letter_reason,
    render_letter,
    reply_deadline,
)
from send_tui.model.session import Session
from tests.sessions import CONTROL_CHARACTERS, HOSTILE, complaint_session, fixture_content, shipped

SENT = date(2026, 2, 24)  # a Tuesday; 10 working days later is Tue 10 Mar 2026

COMPLETE = LetterDraft(
    complainant_name="Alex Smith",
    child_name="Sam Smith",
    setting="Oak Primary School",
    year_group="Year 4",
    addressee_name="Ms Jones",
    about="The support in Sam's plan is not being given.",
    tried="Spoke to the SENCO on 3 February.",
    outcome="A meeting and a written support plan.",
    reply_unit="working_days",
    reply_within="10",
    enclosures="Emails with the SENCO",
)


def text_of(letter: Letter) -> str:
    return "\n".join(letter.blocks())


def all_templates() -> list[tuple[LetterTemplate, str]]:
    templates = [*shipped().letters.values(), *fixture_content().letters.values()]
    return [(t, role) for t in templates for role in t.addressee_roles]


@pytest.mark.parametrize(
    ("template", "role"), all_templates(), ids=lambda v: v if isinstance(v, str) else v.id
)
def test_every_template_and_role_makes_a_complete_complaint(
    template: LetterTemplate, role: str
) -> None:
    draft = LetterDraft(**{**COMPLETE.to_fields(), "addressee_role": role})
    letter = render_letter(template, draft, SENT, shipped())
    body = " ".join(letter.paragraphs)
    assert "complaint" in letter.heading.casefold()
    assert "complaint" in body.casefold()
    assert template.procedure.casefold() in body.casefold()
    assert "A meeting and a written support plan." in body
    assert "by Tue 10 Mar 2026" in body
    assert letter.reply_by == date(2026, 3, 10)
    assert letter.addressee == ("Ms Jones", role[0].upper() + role[1:])
    assert letter.salutation == "Dear Ms Jones,"
    assert letter.signature == "Alex Smith"
    assert letter.date == "Tue 24 Feb 2026"
    assert "{" not in text_of(letter)


def test_a_template_that_says_little_still_asks_for_its_procedure_the_outcome_and_a_date() -> None:
    plain = fixture_content().letters["plain"]
    assert "{outcome}" not in " ".join(plain.paragraphs)
    letter = render_letter(plain, COMPLETE, SENT)
    body = " ".join(letter.paragraphs)
    assert letter.heading == "Complaint about Oak Primary School"
    assert "the school's complaints procedure" in body
    assert "I would like: A meeting and a written support plan." in body
    assert "by Tue 10 Mar 2026" in body


def test_a_heading_without_the_word_complaint_is_made_a_formal_complaint() -> None:
    template = LetterTemplate(
        "t", "T", ("head teacher",), "About {setting}", ("Hello.",), "the procedure"
    )
    letter = render_letter(template, COMPLETE, SENT)
    assert letter.heading == "Formal complaint: About Oak Primary School"
    assert (
        "This letter is a formal complaint. Please deal with it under the procedure."
        in letter.paragraphs
    )


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_user_text_is_put_in_once_and_never_read_as_a_template(text: str) -> None:
    template = shipped().letters["complaint_school"]
    draft = LetterDraft(**{**COMPLETE.to_fields(), "child_name": text, "outcome": text})
    letter = render_letter(template, draft, SENT, shipped())
    expected = clean_text(text).strip()
    body = " ".join(letter.paragraphs)
    assert f"parent or carer of {expected}, who is in Year 4" in body
    assert f"I would like: {expected}" in body
    for character in CONTROL_CHARACTERS:
        assert character not in text_of(letter)


def test_a_name_like_a_placeholder_stays_literal() -> None:
    template = shipped().letters["complaint_school"]
    draft = LetterDraft(
        **{**COMPLETE.to_fields(), "child_name": "{outcome}", "outcome": "{child_name}"}
    )
    body = " ".join(render_letter(template, draft, SENT).paragraphs)
    assert "parent or carer of {outcome}," in body
    assert "I would like: {child_name}" in body


def test_blank_names_leave_a_gap_to_fill_by_hand_and_empty_paragraphs_go() -> None:
    template = shipped().letters["complaint_school"]
    draft = LetterDraft(
        **{
            **COMPLETE.to_fields(),
            "complainant_name": "",
            "child_name": "",
            "tried": "",
            "enclosures": "",
        }
    )
    letter = render_letter(template, draft, SENT)
    body = " ".join(letter.paragraphs)
    assert f"My name is {HAND_FILL}. I am the parent or carer of {HAND_FILL}," in body
    assert letter.signature == HAND_FILL
    assert "I have already tried" not in body
    assert "I enclose" not in body


def test_the_role_defaults_to_the_templates_first() -> None:
    template = shipped().letters["complaint_school"]
    draft = LetterDraft(**{**COMPLETE.to_fields(), "addressee_name": "", "addressee_role": ""})
    letter = render_letter(template, draft, SENT)
    assert letter.addressee == ("Head teacher",)
    assert letter.salutation == "Dear Head teacher,"
    assert "addressed to the head teacher" in " ".join(letter.paragraphs)


# --- the reply-by date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "within", "sent", "expected"),
    [
        ("working_days", "10", SENT, date(2026, 3, 10)),
        ("working_days", "1", date(2026, 12, 24), date(2026, 12, 29)),  # Christmas and Boxing Day
        ("date", "2026-03-10", SENT, date(2026, 3, 10)),
        ("school_days", "5", date(2026, 12, 14), date(2027, 1, 5)),  # the holiday and an INSET day
    ],
)
def test_the_timescale_is_always_resolved_to_a_date(
    unit: str, within: str, sent: date, expected: date
) -> None:
    draft = LetterDraft(reply_unit=unit, reply_within=within)
    assert reply_deadline(draft, sent, shipped()).due == expected


@pytest.mark.parametrize(
    ("unit", "within", "why"),
    [
        ("working_days", "", "enter a number of working days"),
        ("working_days", "ten", "'ten' is not a number of working days"),
        ("working_days", "0", "'0' is not a number of working days"),
        ("working_days", "2026-12-18", "2026-12-18 is a date, but the timescale is in working"),
        ("school_days", "2026-12-18", "Choose a date as the timescale"),
        ("date", "10/03/2026", "is not a date"),
        ("date", "2026-01-01", "is before the letter"),
        ("fortnights", "2", "'fortnights' is not one of"),
        ("school_days", "400", "from 1 to 365"),
    ],
)
def test_a_timescale_that_cannot_be_resolved_says_why(unit: str, within: str, why: str) -> None:
    draft = LetterDraft(reply_unit=unit, reply_within=within)
    with pytest.raises(TimescaleError, match="Timescale for a reply") as caught:
        reply_deadline(draft, SENT, shipped())
    assert why in str(caught.value)


def test_school_days_need_term_dates() -> None:
    draft = LetterDraft(reply_unit="school_days", reply_within="5")
    with pytest.raises(TimescaleError, match="term dates"):
        reply_deadline(draft, SENT, None)
    with pytest.raises(TimescaleError, match="after the last term"):
        reply_deadline(draft, date(2027, 7, 20), shipped())


def test_an_unresolved_timescale_leaves_a_gap_not_a_wrong_date() -> None:
    template = shipped().letters["complaint_school"]
    letter = render_letter(template, LetterDraft(reply_within="soon"), SENT)
    assert letter.reply_by is None
    assert f"by {HAND_FILL}" in " ".join(letter.paragraphs)


# --- completeness ------------------------------------------------------------------------------


def test_a_complete_draft_needs_nothing() -> None:
    assert completeness(COMPLETE, sent=SENT) == []


def test_an_empty_draft_lists_addressee_about_outcome_and_timescale() -> None:
    missing = completeness(LetterDraft(), sent=SENT)
    assert len(missing) == 4
    assert missing[0].startswith("Addressee")
    assert missing[1].startswith("What the complaint is about")
    assert missing[2].startswith("Outcome wanted")
    assert missing[3].startswith("Timescale for a reply: enter a number of working days")


def test_whitespace_is_not_an_answer() -> None:
    draft = LetterDraft(**{**COMPLETE.to_fields(), "outcome": "  \n\t "})
    assert completeness(draft, sent=SENT) == [
        "Outcome wanted: what the person complaining wants to happen."
    ]


def test_completeness_says_why_a_timescale_does_not_resolve() -> None:
    draft = LetterDraft(
        **{**COMPLETE.to_fields(), "reply_unit": "date", "reply_within": "2026-01-01"}
    )
    (problem,) = completeness(draft, sent=SENT)
    assert "is before the letter" in problem


# --- the draft and the session -----------------------------------------------------------------


def test_the_draft_round_trips_through_the_sessions_string_fields() -> None:
    session = Session(shipped())
    session.letter_fields = COMPLETE.to_fields()
    assert all(isinstance(v, str) for v in session.letter_fields.values())
    assert LetterDraft.from_session(session) == COMPLETE


def test_about_is_drafted_from_the_answers_until_the_adviser_edits_it() -> None:
    session = complaint_session()
    drafted = LetterDraft.from_session(session).about
    assert drafted == draft_about(session)
    assert (
        drafted
        == "the special educational needs support my child gets at school, which is not meeting their needs."
    )
    session.letter_fields["about"] = ""
    assert LetterDraft.from_session(session).about == ""


def test_the_template_follows_the_path_and_a_kept_choice_that_no_longer_fits_gives_way() -> None:
    session = complaint_session()
    assert [t.id for t in letter_templates(session)] == ["complaint_school"]
    assert choose_template(session).id == "complaint_school"
    # a choice kept from an earlier path (an NHS complaint) does not fit a school complaint
    session.letter_fields["template"] = "complaint_health"
    assert choose_template(session).id == "complaint_school"


def test_with_no_letter_on_the_path_the_advisers_own_choice_stands() -> None:
    session = Session(shipped())
    session.letter_fields["template"] = "complaint_council"
    assert letter_templates(session) == []
    assert choose_template(session).id == "complaint_council"


def test_no_template_before_the_path_reaches_a_letter() -> None:
    session = Session(shipped())
    assert choose_template(session) is None
    assert not letter_started(session)
    assert letter_started(complaint_session())


def test_control_characters_are_removed_and_line_breaks_kept() -> None:
    assert clean_text("a\x00b\x07c\r\nd\re\u2028f\tg\u202eh") == "abc\nd\ne\nf\tgh"
    assert clean_text("\ud800x") == "\ufffdx"


def test_user_text_cannot_stand_in_for_the_procedure_sentence() -> None:
    plain = fixture_content().letters["plain"]
    draft = LetterDraft(**{**COMPLETE.to_fields(), "about": "the school's complaints procedure"})
    body = " ".join(render_letter(plain, draft, SENT).paragraphs)
    assert "Please deal with it under the school's complaints procedure." in body


#: The app's words for adding a route and looking up a complaint (send_tui.app.NO_LETTER_WAYS).
WAYS = ("(F2, then a)", "look up a complaint from the start screen and press l")


def test_with_nothing_answered_there_is_no_letter_to_open_and_the_reason_says_answer_first() -> (
    None
):
    session = Session(shipped())
    assert letter_to_open(session) is None  # never the alphabetically first (the NHS) template
    reason = no_letter_reason(session, WAYS)
    assert reason.startswith("No complaint letter yet: nothing has been answered")
    assert "Answer the questions first" in reason and "start screen" in reason


def test_a_looked_up_complaint_offers_its_own_letter_when_the_call_has_none() -> None:
    session = Session(shipped())
    looked_up = session.content.nodes["out_complaint_health"]
    assert letter_to_open(session, looked_up).id == "complaint_health"
    # the call's own letter comes first once the answers choose one
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    assert letter_to_open(session, looked_up).id == "complaint_school"


def test_answers_that_lead_to_no_letter_say_why_and_what_would_give_one() -> None:
    session = Session(shipped())
    session.answer("situation", "council_decision")
    assert letter_to_open(session) is None
    assert no_letter_reason(session, WAYS) == (
        "No complaint letter yet: the answers have not reached a complaint. Carry on with the "
        'questions, or add "Make a complaint" to the plan (F2, then a).'
    )
    session.answer("council_decision", "refuse_assessment")
    session.answer("what_next_assessment", "appeal")
    outcome = session.outcome()
    assert outcome is not None and outcome.letter is None
    assert no_letter_reason(session, WAYS) == (
        f'No complaint letter for this call: "{outcome.title}" does not lead to a letter, and '
        'no route in the plan has one. To write one, add "Make a complaint" to the plan '
        "(F2, then a)."
    )
    session.add_route("complaint")
    # A complaint added to a council's refusal is to the council, as the summary's "no reply"
    # step (the council's procedure, then the LGSCO) says, not to a head teacher.
    assert letter_to_open(session).id == "complaint_council"
    # and the adviser may still choose another complaint letter, which then stands
    assert "complaint_school" in [t.id for t in letter_templates(session)]
    session.letter_fields["template"] = "complaint_school"
    assert choose_template(session).id == "complaint_school"


def test_blanking_names_in_free_text_keeps_titles_and_other_words() -> None:
    from send_tui.model.letter import HAND_FILL, LetterDraft

    draft = LetterDraft(
        complainant_name="Mrs Alex Smith",
        child_name="Will",
        tried="Mrs Jones saw Will; we will meet. Smithson is not Smith.",
        addressee_name="Mr Smith",
    ).without_personal()
    assert draft.complainant_name == draft.child_name == ""
    assert draft.addressee_name == "Mr Smith"  # the head teacher, not the family
    assert draft.tried == f"Mrs Jones saw {HAND_FILL}; we will meet. Smithson is not {HAND_FILL}."


@pytest.mark.parametrize("typed", ["Principal", "The Principal", "PRINCIPAL"])
def test_an_addressee_named_by_the_role_is_not_written_twice(typed: str) -> None:
    """Advisers often type the role as the name ("The Principal"): the letter then heads itself
    "The Principal" once, not "The Principal / Principal"."""
    template = shipped().letters["complaint_college"]
    draft = LetterDraft(
        **{**COMPLETE.to_fields(), "addressee_name": typed, "addressee_role": "principal"}
    )
    letter = render_letter(template, draft, SENT)
    assert letter.addressee == (typed,)
    assert letter.salutation == f"Dear {typed},"


def test_each_part_of_a_hyphenated_name_is_blanked() -> None:
    from send_tui.model.letter import HAND_FILL, LetterDraft

    draft = LetterDraft(
        child_name="Amara Okafor-Smith", tried="Amara Okafor-Smith; Mrs Okafor; O'Neil."
    ).without_personal()
    assert draft.tried == f"{HAND_FILL}; Mrs {HAND_FILL}; O'Neil."


def test_a_name_that_is_a_month_is_kept_in_a_date() -> None:
    from send_tui.model.letter import HAND_FILL, LetterDraft

    draft = LetterDraft(
        child_name="May Ahmed", tried="Met the SENCO on 3 May and again May 20, 2026; May cried."
    ).without_personal()
    assert draft.tried == f"Met the SENCO on 3 May and again May 20, 2026; {HAND_FILL} cried."
