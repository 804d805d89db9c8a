"""Plain-mode twins of the Pilot walks in tests/app: the same answers, typed as lines, give the same
outcome, plan, deadlines and saved summary as the full app (checked against the model, not by
running Textual)."""

from __future__ import annotations

import stat
from pathlib import Path

from send_tui.model.record import load_record
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.render.text import render_text
from tests.plain.helpers import run_lines
from tests.sessions import TODAY, shipped


def plan_ids(session: Session) -> list[str]:
    return [entry.route.id for entry in session.plan()]


def model_session(*answers: tuple[str, str | tuple[str, ...]]) -> Session:
    session = Session(shipped())
    for node_id, answer in answers:
        session.answer(node_id, answer)
    return session


def same_call(typed: Session, model: Session) -> None:
    assert typed.answers == model.answers
    assert typed.current() == model.current()
    assert plan_ids(typed) == plan_ids(model)


def test_a_sen_support_not_raised_leads_to_first_steps_and_sendiass() -> None:
    shell, text = run_lines(["1", "1", "1"])
    assert shell.session.current() == "out_first_steps"
    assert "class teacher" in text.lower() and "SENCO" in text and "SENDIASS" in text
    assert plan_ids(shell.session) == ["first_steps"]
    shell, _ = run_lines(["1", "1", "1", "1"])
    assert plan_ids(shell.session) == ["first_steps", "sendiass"]
    model = model_session(("situation", "school_concern"), ("raised_with_school", "no"))
    model.add_route("sendiass")
    same_call(shell.session, model)


def test_b_refused_assessment_and_appeal_needs_mediation_advice_first() -> None:
    shell, text = run_lines(["1", "2", "1", "1", "plan"])
    plan = shell.session.plan()
    assert shell.session.current() == "out_appeal_assessment"
    assert [e.route.id for e in plan] == ["mediation", "appeal"]
    assert plan[0].reason == "needed first"
    assert "First: Get mediation advice" in text
    shown = text[text.rindex("PLAN:") :]
    assert shown.index("Mediation") < shown.index("Appeal")


def test_c_appeal_only_about_the_school_named_needs_no_mediation_advice() -> None:
    shell, _ = run_lines(["1", "2", "3", "1", "1"])
    assert shell.session.current() == "out_appeal_school_only"
    assert [e.route.id for e in shell.session.plan()] == ["appeal"]
    assert shell.session.plan()[0].first == ()


def test_d_complaint_about_the_school_leads_to_the_complaint_route() -> None:
    shell, text = run_lines(["1", "4", "1"])
    assert shell.session.current() == "out_complaint_school"
    assert plan_ids(shell.session) == ["complaint"]
    assert "in writing" in text.lower()
    same_call(
        shell.session, model_session(("situation", "complaint"), ("complaint_about", "school"))
    )


def test_e_exclusion_leads_to_the_exclusion_route_and_sendiass() -> None:
    shell, text = run_lines(["1", "3", "2", "3"])
    assert shell.session.current() == "out_exclusion_permanent"
    assert plan_ids(shell.session) == ["exclusion"]
    assert "SENDIASS" in text and "independent review panel" in text.lower()


def test_f_changing_an_early_answer_lists_and_drops_what_no_longer_applies() -> None:
    shell, text = run_lines(["1", "2", "3", "2", "1", "change 2", "5"])
    session = shell.session
    assert "appeal_scope" not in session.answers
    assert session.answers["what_next_decision"] == "appeal"
    assert session.current() == "out_appeal"
    warning = text[text.index("Warning: These answers no longer apply") :]
    assert "Is the disagreement only about" in warning.split("Step")[0]


def test_back_goes_back_one_step_and_keeps_the_answers() -> None:
    shell, text = run_lines(["1", "2", "1", "back"])
    assert shell.view.node_id == "council_decision"
    assert shell.session.answers["council_decision"] == "refuse_assessment"
    # Back from the situation opens "Who is calling?", walked past with its default, as Esc does.
    shell, _ = run_lines(["1", "2", "1", "back", "back", "back"])
    assert shell.view.node_id == "caller"
    shell, _ = run_lines(["1", "2", "1", "back", "back", "back", "back"])
    assert shell.view.node_id is None  # the start
    assert shell.session.answers


def test_multi_choice_adds_routes_and_not_sure_is_exclusive() -> None:
    shell, _ = run_lines(["1", "7", "1", "3", "4", "8"])
    assert shell.selected == {"not_sure"}
    shell, _ = run_lines(["1", "7", "1", "3", "4", "8", "8", "1", "3", "4", "done"])
    assert shell.session.current() == "out_more_than_one_route"
    assert plan_ids(shell.session) == ["complaint", "mediation", "appeal"]
    model = model_session(
        ("situation", "choose_routes"), ("choose_routes", ("complaint", "mediation", "appeal"))
    )
    same_call(shell.session, model)


def test_multi_choice_needs_a_choice_before_continuing() -> None:
    shell, text = run_lines(["1", "7", "done"])
    assert shell.session.current() == "choose_routes"
    assert "Choose at least one" in text


def test_quit_asks_first_when_there_is_unsaved_work() -> None:
    _shell, text = run_lines(["1", "1", "quit", "no"])
    assert "This call has not been saved as a summary." in text and "Staying." in text
    _shell, text = run_lines(["quit"])  # nothing to lose: no question
    assert "Quit anyway?" not in text and text.rstrip().endswith("Goodbye.")


def test_the_deadlines_are_the_full_apps(isolated_paths: Path) -> None:
    shell, text = run_lines(
        ["1", "2", "1", "1", "deadlines", "10/03/2026", "2026-03-10", "", "stop"]
    )
    assert "YYYY-MM-DD" in text
    assert shell.session.dates["decision"].isoformat() == "2026-03-10"
    assert "Mon 11 May 2026, by 5pm" in text and "Sun 10 May 2026" in text


def test_letter_and_save_give_the_same_summary_as_the_model(isolated_paths: Path) -> None:
    lines = [
        "1",
        "4",
        "1",
        "details",
        "TH-0042",
        "yes",
        "letter",
        "",
        "Ms Patel",
        "",
        "",
        "",
        "",
        "",
        "",
        "A meeting",
        "",
        "10",
        "",
        "save",
        "",
        "",
        "no",
        "quit",
    ]
    shell, text = run_lines(lines)
    assert "by Fri 11 Dec 2026" in text
    assert not shell.unsaved
    saved = sorted((isolated_paths / "saved").iterdir())
    assert {p.suffix for p in saved} == {".html", ".txt", ".md", ".docx", ".toml"}
    for path in saved:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    record = next(p for p in saved if p.suffix == ".toml")
    again = load_record(record, shipped())
    assert again.answers == shell.session.answers
    assert again.letter_fields["outcome"] == "A meeting"
    # The same call made through the model: the same summary, word for word.
    model = model_session(("situation", "complaint"), ("complaint_about", "school"))
    model.case.reference, model.case.consent_to_record = "TH-0042", True
    model.letter_fields.update(shell.session.letter_fields)
    summary = next(p for p in saved if p.suffix == ".txt").read_text(encoding="utf-8")
    assert summary == render_text(build_summary(model, TODAY))
    assert "A meeting" in summary and "Ms Patel" in summary


def test_start_screen_common_questions_are_one_line_away() -> None:
    shell, text = run_lines(["2"])  # look up: what can be appealed
    assert shell.view.node_id == "out_appeal" and shell.view.preview
    assert "Look-up:" in text and shell.session.answers == {}
    shell, _ = run_lines(["2", "back"])
    assert shell.view.node_id is None


def test_deadlines_save_as_a_calendar_file(isolated_paths: Path) -> None:
    run_lines(["1", "2", "1", "1", "deadlines", "2026-03-10", "stop", "calendar"])
    [ics] = list((isolated_paths / "saved").glob("*.ics"))
    body = ics.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in body and "20260511" in body
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600


def test_call_details_refuse_a_long_reference_and_keep_asking() -> None:
    shell, text = run_lines(["details", "R" * 61, "HL-7", "maybe", "yes"])
    assert "the reference can be up to 60" in text and "Please type yes or no" in text
    assert shell.session.case.reference == "HL-7" and shell.session.case.consent_to_record


def test_stop_ends_the_letter_form_and_keeps_what_was_typed() -> None:
    shell, text = run_lines(["1", "4", "1", "letter", "", "Ms Patel", "stop", "letter show"])
    assert shell.session.letter_fields["addressee_name"] == "Ms Patel"
    assert text.count("Still missing before sending:") == 2 and "Dear Ms Patel," in text


def test_a_certificate_dated_before_its_decision_is_a_warning() -> None:
    shell, text = run_lines(["1", "2", "1", "1", "deadlines", "2026-03-10", "2026-03-01", "stop"])
    assert "Warning:" in text.split("2026-03-01", 1)[1]
    assert shell.session.dates["certificate"].isoformat() == "2026-03-01"


def test_the_timeline_and_the_routes_side_by_side(monkeypatch) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-12-01")
    lines = [
        "1",
        "2",
        "1",
        "1",
        "deadlines",
        "2026-11-20",
        "",
        "stop",
        "timeline",
        "timeline 1",
        "back",
        "compare",
    ]
    shell, text = run_lines(lines)
    flat = " ".join(text.split())
    assert "TIMELINE: EVERY DATE, EARLIEST FIRST" in text
    assert (
        "1. Wed 20 Jan 2027, by 5pm: Appeal to the SEND Tribunal (50 days left; firm legal limit)"
        in flat
    )
    assert "Look-up: Appeal against a refusal to carry out an EHC needs assessment" in text
    assert "THE ROUTES SIDE BY SIDE" in text and "Who decides:" in text
    assert (
        shell.session.answers["what_next_assessment"] == "appeal"
    )  # looking things up changed nothing


def test_the_about_draft_stays_unconfirmed_on_enter_and_confirm_confirms_it() -> None:
    fields = ["", "Ms Patel", "", "", "", ""]  # the role, then the fields up to "about"
    shell, text = run_lines(["1", "4", "1", "letter", *fields, "", "stop"])
    assert "about" not in shell.session.letter_fields  # Enter kept the draft, unconfirmed
    assert "not yet confirmed" in text
    shell, text = run_lines(["1", "4", "1", "letter", *fields, "confirm", "stop", "letter show"])
    assert shell.session.letter_fields["about"]  # confirmed, as ctrl+o in the app
    assert "What the complaint is about: confirmed." in text
    assert "check or rewrite the draft" not in text.split("letter show")[-1]


def test_a_done_step_on_the_timeline_says_it_is_done_and_opens_nothing(monkeypatch) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-28")
    lines = ["1", "2", "1", "1", "deadlines", "2026-10-05", "2026-11-20", "stop", "timeline 1"]
    shell, text = run_lines(lines)
    after = text.split("timeline 1", 1)[1]
    assert "Contact the mediation adviser: Done on Fri 20 Nov 2026" in " ".join(after.split())
    assert "Nothing is left to do for this step." in " ".join(after.split())
    assert "Look-up:" not in after and not shell.view.preview


def test_the_calendar_has_the_reminders_the_settings_ask_for(isolated_paths: Path) -> None:
    from icalendar import Calendar

    from send_tui.model.config import Config

    for days, alarms in ((3, True), (0, False)):
        run_lines(
            ["1", "2", "1", "1", "deadlines", "2026-03-10", "stop", "calendar"],
            config=Config(ics_reminder_working_days=days),
        )
        [ics] = list((isolated_paths / "saved").glob("*.ics"))
        events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
        assert events and any(bool(e.walk("VALARM")) for e in events) == alarms, days
        ics.unlink()
