"""The session record: save then open gives the same call; anything damaged is refused, clearly."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.record import (
    MAX_BYTES,
    RecordError,
    dump_record,
    load_record,
    read_record,
    save_record,
)
from send_tui.model.session import Session
from tests.owner_only import assert_owner_only
from tests.sessions import complaint_session, shipped

SAVED = datetime(2026, 11, 28, 14, 30)


def state(session: Session) -> tuple:
    return (
        session.answers,
        session.chosen_routes,
        session.letter_fields,
        session.dates,
        session.case,
        session.path(),
        [entry.route.id for entry in session.plan()],
    )


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    session = complaint_session()
    session.add_route("mediation")
    return save_record(session, tmp_path / "call.toml", saved=SAVED)


def test_save_then_open_gives_the_same_session(saved: Path) -> None:
    original = complaint_session()
    original.add_route("mediation")
    reopened = load_record(saved, shipped())
    assert state(reopened) == state(original)
    assert_owner_only(saved)


def test_a_multi_choice_answer_and_an_empty_field_round_trip(tmp_path: Path) -> None:
    session = Session(shipped())
    session.answer("situation", "choose_routes")
    session.answer("choose_routes", ("appeal", "complaint"))
    session.letter_fields = {"about": "", "outcome": "A plan {outcome} [bold] <b>"}
    path = save_record(session, tmp_path / "multi.toml")
    assert state(load_record(path, shipped())) == state(session)


def test_the_file_says_what_it_is(saved: Path) -> None:
    document = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert document["record"] == {
        "format": "send-tui-record",
        "version": 4,
        "saved": SAVED,
        "content_review": shipped().review_date,
        "local_pack": "tower-hamlets",
    }
    assert document["plan"] == ["mediation"]
    assert document["answers"] == {"situation": "complaint", "complaint_about": "school"}
    assert document["dates"]["decision"] == date(2026, 11, 2)
    assert document["case"] == {"reference": "TH-0042", "consent_to_record": True}
    assert read_record(saved).local_pack == "tower-hamlets"


def test_without_consent_the_family_is_not_written_down(tmp_path: Path) -> None:
    session = complaint_session()
    session.case.consent_to_record = False
    text = save_record(session, tmp_path / "no-consent.toml").read_text(encoding="utf-8")
    for personal in ("Alex Smith", "Sam Smith", "2017-05-14", "date_of_birth"):
        assert personal not in text
    assert "Oak Primary School" in text


def test_without_consent_a_name_typed_into_another_field_is_not_written_down(
    tmp_path: Path,
) -> None:
    session = complaint_session(outcome="A written support plan for Sam (born 14.5.2017).")
    session.case.consent_to_record = False
    text = save_record(session, tmp_path / "no-consent.toml").read_text(encoding="utf-8")
    assert "Sam" not in text and "2017" not in text and "A written support plan for" in text


def test_an_existing_record_is_not_replaced_without_asking(saved: Path) -> None:
    with pytest.raises(storage.FileExists):
        save_record(complaint_session(), saved)
    save_record(complaint_session(), saved, overwrite=True)


# --- damaged or foreign files ------------------------------------------------------------------


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "bad.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def good_text() -> str:
    return dump_record(complaint_session(), saved=SAVED).decode("utf-8")


def refused(path: Path) -> str:
    with pytest.raises(RecordError) as caught:
        load_record(path, shipped())
    message = str(caught.value)
    assert message.startswith(str(path)), message
    return message


def test_every_cut_short_version_of_a_record_is_refused(tmp_path: Path) -> None:
    text = good_text()
    cuts = sorted({text.rfind("\n", 0, i) + 1 for i in range(1, len(text.rstrip()))} - {0})
    for cut in cuts:
        refused(write(tmp_path, text[:cut]))


def test_a_record_cut_mid_line_is_refused(tmp_path: Path) -> None:
    text = good_text()
    message = refused(write(tmp_path, text[: text.index("TH-00")]))
    assert "not valid TOML" in message


@pytest.mark.parametrize(
    ("change", "key", "says"),
    [
        (("send-tui-record", "something-else"), "record.format", "not a send-tui record"),
        (("version = 4", "version = 5"), "record.version", "newer send-tui"),
        (("version = 4", "version = 0"), "record.version", "not one this send-tui reads"),
        (("version = 4", 'version = "4"'), "record.version", "not a whole number"),
        (
            ('situation = "complaint"', 'situation = "dragons"'),
            "answers.situation",
            "no option 'dragons'",
        ),
        (
            ('situation = "complaint"', 'gone_node = "x"\nsituation = "complaint"'),
            "answers.gone_node",
            "no question 'gone_node'",
        ),
        (
            ('complaint_about = "school"', 'complaint_about = ["school"]'),
            "answers.complaint_about",
            "takes one option id",
        ),
        (("plan = []", 'plan = ["teleport"]'), "plan[0]", "no route 'teleport'"),
        (
            ("[letter]", '[letter]\ntemplate = "sonnet"'),
            "letter.template",
            "no letter template 'sonnet'",
        ),
        (
            ("[letter]", '[letter]\nfavourite_colour = "red"'),
            "letter.favourite_colour",
            "not a key",
        ),
        (("[letter]", "[letter]\noutcome_count = 3"), "letter.outcome_count", "not a key"),
        (("[dates]", "[dates]\nbirthday = 2026-01-01"), "dates.birthday", "not a key"),
        (("decision = 2026-11-02", 'decision = "2026-11-02"'), "dates.decision", "a date"),
        (("decision = 2026-11-02", "decision = 2026-11-02T10:00:00"), "dates.decision", "a date"),
        (
            ("consent_to_record = true", 'consent_to_record = "yes"'),
            "case.consent_to_record",
            "true or false",
        ),
        (("[case]", "[extra]\n[case]"), "extra", "not a key"),
    ],
)
def test_a_wrong_value_names_the_key(
    tmp_path: Path, change: tuple[str, str], key: str, says: str
) -> None:
    text = good_text()
    old, new = change
    assert old in text, f"test setup: {old!r} not in the record"
    message = refused(write(tmp_path, text.replace(old, new, 1)))
    assert f": {key}: " in message
    assert says in message


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        ("this is { not toml", "not valid TOML"),
        ("[other]\nthing = 1\n", "other"),
        ('plan = []\n[record]\nformat = "send-tui-record"\n', "version"),
    ],
)
def test_a_file_that_is_not_a_record_is_refused(
    tmp_path: Path, data: str | bytes, says: str
) -> None:
    assert says in refused(write(tmp_path, data))


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = write(tmp_path, good_text() + "# " + "x" * MAX_BYTES + "\n")
    assert "too large" in refused(path)


def test_missing_and_folder_paths_are_refused(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "absent.toml")
    assert "folder" in refused(tmp_path)
