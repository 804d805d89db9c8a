"""A call with every field filled survives the autosave and the resume, field for field.

The example-based record tests each fill a few fields. Here hypothesis builds whole calls on the
shipped content: a walked path (questions and multi-choice steps), routes added by hand, every
letter field with awkward text, every date the record knows, the case details, the day the summary
was made, a letter saved and then changed, and F9's "keep the date it was sent". Each is written
by the autosave (`Autosave.save`, the app's own path) and read back as a resume reads it
(`load_record`); the resumed call must be the same call. Text is cleaned and cut as the form does
at entry, so what is compared is what an adviser could have typed.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from send_tui.model import summary
from send_tui.model.autosave import Autosave
from send_tui.model.content import NodeKind
from send_tui.model.dates import EARLIEST, LATEST
from send_tui.model.fields import REFERENCE, fit_field
from send_tui.model.letter import DRAFT_FIELDS, ReplyUnit
from send_tui.model.record import load_record
from send_tui.model.session import CaseDetails, Session
from send_tui.model.summary import DATE_KEY_NAMES
from tests.model.test_record import state
from tests.sessions import shipped

#: Text an adviser might type: letters in several scripts, digits, the characters markup and
#: templates use, quotes and backslashes (TOML's own), spaces, tabs and line breaks.
TYPED = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ019 \t\n'\"\\[]{}<>*_#&%$~-.,;:/")
        + ["é", "ß", "ø", "س", "ש", "中", "🧒", "\u00a0", "\u2019"]
    ),
    max_size=60,
)
DAYS = st.dates(min_value=EARLIEST, max_value=LATEST)
NEAR = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


class Call:
    """A drawn call; its repr is the adviser's data, not the whole content it sits on."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __repr__(self) -> str:
        s = self.session
        return (
            f"Call(answers={s.answers!r}, routes={s.chosen_routes!r}, letter={s.letter_fields!r}, "
            f"dates={s.dates!r}, case={s.case!r}, made={s.made!r}, sent={s.sent_letter!r}, "
            f"kept={s.kept_date_of is not None})"
        )


@st.composite
def calls(draw: st.DrawFn) -> Call:
    """A whole call: answers walked from the start, and everything else an adviser can fill in."""
    content = shipped()
    session = Session(content)
    for _ in range(12):
        node = content.nodes[session.path()[-1]]
        if node.kind is NodeKind.OUTCOME or draw(st.integers(0, 9)) == 0:
            break  # an outcome, or a call stopped part-way (a resume mid-question)
        if node.kind is NodeKind.INFO:
            session.answer(node.id, "seen")
        elif node.kind is NodeKind.MULTI:
            ids = [option.id for option in node.options]
            session.answer(node.id, tuple(draw(st.lists(st.sampled_from(ids), unique=True))))
        else:
            session.answer(node.id, draw(st.sampled_from([o.id for o in node.options])))
    for route in draw(st.lists(st.sampled_from(sorted(content.routes)), unique=True)):
        session.add_route(route)
    fields: dict[str, str] = {}
    for name in DRAFT_FIELDS:
        if name == "template":
            value = draw(st.sampled_from(["", *sorted(content.letters)]))
        elif name == "reply_unit":
            value = draw(st.sampled_from([unit.value for unit in ReplyUnit]))
        elif name == "addressee_role":
            value = draw(st.sampled_from(["", "Head teacher", "Complaints officer"]))
        else:
            value = fit_field(name, draw(TYPED))[0]  # cleaned and cut as the form does
        if value or draw(st.booleans()):
            fields[name] = value
    session.letter_fields = fields
    session.dates = {
        key: draw(NEAR if key != "date_of_birth" else DAYS)
        for key in sorted(DATE_KEY_NAMES)
        if draw(st.booleans())
    }
    reference = fit_field(REFERENCE, draw(TYPED))[0]
    session.case = CaseDetails(reference=reference, consent_to_record=True)
    if draw(st.booleans()):
        session.made = draw(NEAR)
    if draw(st.booleans()) and summary.fix_letter(session, draw(NEAR)) is not None:
        # The letter was saved; then (perhaps) changed, and F9 (perhaps) kept its date.
        if draw(st.booleans()):
            session.letter_fields["outcome"] = session.letter_fields.get("outcome", "") + " now"
            if draw(st.booleans()):
                summary.toggle_letter_date(session, session.sent_letter.dated + timedelta(1))
    return Call(session)


def what_the_adviser_gets_back(session: Session) -> tuple:
    """Everything a resumed call shows or acts on (not the revision counter)."""
    sent = session.sent_letter
    kept = session.kept_date_of
    return (
        *state(session),  # what the example-based record tests compare
        session.made,
        sent,
        kept,
        kept is not None and kept is sent,  # F9's choice still applies to the saved letter
        summary.saved_letter(session),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls())
def test_a_call_with_every_field_filled_resumes_as_it_was(call: Call) -> None:
    session = call.session
    with TemporaryDirectory() as folder:
        autosave = Autosave(Path(folder))
        if not session.has_work():
            return  # nothing to keep: the autosave writes no file (tested in test_autosave_*)
        assert autosave.save(session) is None
        resumed = load_record(autosave.path, shipped())
        assert what_the_adviser_gets_back(resumed) == what_the_adviser_gets_back(session)
        # And the next call's autosave of the resumed call writes the same file again.
        first = autosave.path.read_bytes()
        assert autosave.save(resumed) is None
        assert _without_saved_time(autosave.path.read_bytes()) == _without_saved_time(first)


def _without_saved_time(data: bytes) -> bytes:
    """The record's bytes without its `saved` line (the clock moves between the two saves)."""
    return b"\n".join(line for line in data.splitlines() if not line.startswith(b"saved = "))
