"""A raw ESC read from a record never reaches the screen (issue 12): stripped at the model boundary.

Walked as an adviser would: `send-tui open` a record whose names carry escape sequences, then
look at the letter form and its preview.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from send_tui.app import make_app
from send_tui.model.record import load_record, save_record
from tests.app.helpers import press, screen_text
from tests.sessions import complaint_session, shipped

ESC = "\x1b"


async def test_an_escape_in_a_record_never_reaches_the_letter_screen(tmp_path: Path) -> None:
    path = save_record(complaint_session(), tmp_path / "call.toml")
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Sam Smith"', '"Sam\\u001b]0;owned\\u0007 Smith"')
    text = text.replace('"Oak Primary School"', '"Oak\\u001b[2J Primary"')
    path.write_text(text, encoding="utf-8")
    app = make_app(session=load_record(path, shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        shown = screen_text(app)
        values = [w.value for w in app.screen.query(Input)] + [
            w.text for w in app.screen.query(TextArea)
        ]
        assert "Sam]0;owned Smith" in shown  # the text is there, its control characters are not
        for value in [shown, *values]:
            assert ESC not in value and "\x07" not in value
