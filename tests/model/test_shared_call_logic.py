"""The call logic both front ends (the full app and plain mode) take from the model."""

from __future__ import annotations

from pathlib import Path

from send_tui.model.content import glossary_matches
from send_tui.model.outputs import save_warnings
from send_tui.model.session import Session, toggle_choice
from send_tui.model.start_menu import new_call_question, start_choices
from send_tui.startup import load_startup
from tests.sessions import TODAY, complaint_session, shipped


def test_ticking_not_sure_clears_the_others_and_ticking_another_clears_it() -> None:
    node = shipped().nodes["choose_routes"]
    ticks = toggle_choice(node, set(), "complaint")
    ticks = toggle_choice(node, ticks, "mediation")
    assert ticks == {"complaint", "mediation"}
    assert toggle_choice(node, ticks, "not_sure") == {"not_sure"}
    assert toggle_choice(node, {"not_sure"}, "appeal") == {"appeal"}
    assert toggle_choice(node, {"appeal"}, "appeal") == set()
    assert toggle_choice(node, {"appeal"}, "no-such-option") == {"appeal"}


def test_routes_to_add_by_hand_and_the_ones_an_outcome_offers() -> None:
    session = Session(shipped())
    session.answer("situation", "school_concern")
    session.answer("raised_with_school", "no")
    assert "first_steps" not in [r.id for r in session.addable_routes()]
    outcome = session.outcome()
    assert [r.id for r in session.offered_routes(outcome)] == ["sendiass"]
    session.add_route("sendiass")
    assert session.offered_routes(outcome) == []
    fresh = Session(shipped())
    assert [r.id for r in fresh.offered_routes(outcome, preview=True)] == [
        "first_steps",
        "sendiass",
    ]


def test_glossary_filter_matches_every_word_in_name_alias_or_definition() -> None:
    content = shipped()
    assert "senco" in [t.id for t in glossary_matches(content, "SENDCO")]  # an alias
    assert glossary_matches(content, "zzzz qqqq") == []
    assert len(glossary_matches(content, "")) == len(content.glossary)


def test_save_warnings_name_consent_and_an_unfinished_letter() -> None:
    session = complaint_session(outcome="")
    session.case.consent_to_record = False
    lines = save_warnings(session, TODAY, consent_key=" (F6)", letter_date_how="Press F9")
    assert lines[0].startswith("No consent to keep a record (F6)")
    assert "The letter is not finished:" in lines
    assert any(line.startswith("- Outcome wanted") for line in lines)
    written = complaint_session(about="The support agreed at the review is not being given.")
    assert save_warnings(written, TODAY, letter_date_how="Press F9") == []


def test_start_choices_keep_their_numbers_when_a_call_can_be_continued() -> None:
    session = Session(shipped())
    first = start_choices(session, None)
    assert first[0] == ("1", "Start a new call", "begin") and first[-1][2] == "glossary"
    session.answer("situation", "complaint")
    again = start_choices(session, None)
    assert again[0] == ("c", "Continue this call", "continue")
    assert again[1:] == first  # nothing renumbered


def test_start_up_falls_back_from_a_missing_local_pack(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[send-tui]\nlocal_pack = "nowhere"\nplain = true\n', encoding="utf-8")
    loaded = load_startup(config_path=config)
    assert loaded.content is not None and loaded.config.plain
    assert any("local_pack" in p for p in loaded.config_problems)


def test_the_new_call_question_says_what_will_be_lost() -> None:
    empty = Session(shipped())
    assert "cannot be resumed afterwards" in new_call_question(empty, resumable=True)
    working = Session(shipped())
    working.answer("situation", "complaint")
    assert "from this computer's autosave" in new_call_question(working, resumable=True)
    kept = new_call_question(working, resumable=False, kept_autosave=True)
    assert "stays, to resume" in kept
