"""F5: the complaint letter form, with a live preview and a list of what is still missing.

The preview is the letter exactly as the save writes it (`outputs.saved_letter`), so a name that
the save leaves out (no consent) is missing from the preview too, and the screen says why before
anything is saved. The form shows only the fields the chosen template uses.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from send_tui.model import dates, fields, outputs
from send_tui.model.letter import (
    FORM_FIELDS,
    REPLY_UNIT_LABELS,
    LetterDraft,
    ReplyUnit,
    about_confirmed,
    addressee_role,
    caller_of,
    choose_template,
    completeness,
    draft_about,
    form_fields,
    letter_templates,
    reply_notes,
    template_fields,
)
from send_tui.model.summary import letter_date, letter_dating, toggle_letter_date
from send_tui.render.text import render_letter_text
from send_tui.screens.settled_layout import SettledLayoutScreen
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import date

    from send_tui.app import SendApp
    from send_tui.model.content import LetterTemplate


#: The text fields a template may leave out (the Selects are always shown).
DRAFT_TEXT_FIELDS: tuple[str, ...] = tuple(name for name, _label, _multi in FORM_FIELDS)

#: Said once, at the top of the form: nothing typed is corrected or reworded.
AS_TYPED = (
    "What you type is saved exactly as typed, in the letter and the record "
    f"(a one-line field holds up to {fields.SHORT_LIMIT:,} characters)."
)

#: How this screen says to switch a changed letter's date (`LetterDating.message`).
LETTER_DATE_HOW = "Press F9"


class LetterScreen(SettledLayoutScreen):
    """The form and its preview. Settled-layout, so a typed character's second frame (the
    preview set out again) also paints the scrollbars that layout moved, instead of leaving
    them to a third frame: 26 ms a character to the settled frame became 9 ms (`make bench`)."""

    #: How the app's notice of a re-dated letter (`SendApp._announce_letter_date`) says it here.
    LETTER_DATE_HOW = LETTER_DATE_HOW

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="send.letter.back"),
        Binding("f7", "copy_letter", "Copy letter", priority=True, id="send.letter.copy"),
        Binding("ctrl+s", "app.save", "Save", id="send.letter.save"),
        Binding("f9", "letter_date", "Date", priority=True, id="send.letter.date"),
        Binding(
            "ctrl+o",
            "confirm_about",
            "Confirm what it is about",
            show=False,
            priority=True,
            id="send.letter.confirm_about",
        ),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        session = self.send_app.session
        draft = LetterDraft.from_session(session)
        templates = letter_templates(session) or sorted(
            session.content.letters.values(), key=lambda t: t.title
        )
        template = choose_template(session, draft) or templates[0]
        yield TitleBar(
            "Complaint letter: fill the form; the preview updates as you type",
            short="Letter: fill the form; the preview updates as you type",
        )
        yield Static(id="letter-dating", markup=False)
        with Horizontal(id="letter-columns"):
            with VerticalScroll(id="letter-form"):
                yield Label("Letter for")
                yield Select(
                    [(t.title, t.id) for t in templates],
                    value=template.id,
                    allow_blank=False,
                    id="template",
                    compact=True,
                )
                yield Label("Addressed to (role)")
                yield Select(
                    self._roles(template.id),
                    value=addressee_role(template, draft),
                    allow_blank=False,
                    id="addressee_role",
                    compact=True,
                )
                yield Static(Text(AS_TYPED, style="italic"), id="as-typed", markup=False)
                for name, label, multiline in form_fields(caller_of(session)):
                    with Vertical(id=f"field-{name}", classes="field"):
                        if name == "reply_within":
                            yield Label("Timescale for a reply (required)")
                            yield Select(
                                [(f"In {REPLY_UNIT_LABELS[u]}", u.value) for u in ReplyUnit],
                                value=draft.reply_unit or ReplyUnit.WORKING_DAYS.value,
                                allow_blank=False,
                                id="reply_unit",
                                compact=True,
                            )
                        yield Label(label, id=f"label-{name}")
                        value = getattr(draft, name)
                        if multiline:
                            yield TextArea(
                                value,
                                id=name,
                                soft_wrap=True,
                                show_line_numbers=False,
                                tab_behavior="focus",
                            )
                            yield Static(
                                Text(fields.limit_hint(name)), classes="hint", markup=False
                            )
                        else:
                            yield Input(value, id=name, compact=True, max_length=fields.limit(name))
            with VerticalScroll(id="letter-preview", can_focus=True):
                yield Static(id="missing", markup=False)
                yield Static(id="preview", markup=False)
        yield KeyFooter()

    def _roles(self, template_id: str) -> list[tuple[str, str]]:
        template = self.send_app.content.letters[template_id]
        return [(role, role) for role in template.addressee_roles]

    def on_mount(self) -> None:
        self.query_one("#addressee_name", Input).focus()
        self._show_template_fields()
        self._refresh_preview()

    def on_screen_resume(self) -> None:
        # Back from F6: consent decides what the saved letter holds, so the preview follows it;
        # and the fields and their labels follow the caller, should the answers have changed.
        self._show_template_fields()
        self._refresh_preview()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Bring the whole field into view (its label and hint too), however focus got there."""
        field = next((a for a in event.widget.ancestors if a.has_class("field")), None)
        if field is not None:
            form = self.query_one("#letter-form", VerticalScroll)
            self.call_after_refresh(form.scroll_to_widget, field, animate=False)

    def _show_template_fields(self) -> None:
        """Only the fields the chosen template uses (no school or year group on an NHS letter),
        each labelled for the caller (`form_fields`): no "family" on a young person's own call."""
        template = self._template()
        caller = caller_of(self.send_app.session)
        used = (
            set(template_fields(template, caller))
            if template is not None
            else set(DRAFT_TEXT_FIELDS)
        )
        for name, label, _multiline in form_fields(caller):
            self.query_one(f"#field-{name}").display = name in used
            self.query_one(f"#label-{name}", Label).update(label)

    def _template(self):  # -> LetterTemplate | None
        session, app = self.send_app.session, self.send_app
        draft = self._draft()
        return app.content.letters.get(draft.template) or choose_template(session, draft)

    # -- keeping the session in step -----------------------------------------------------

    def _draft(self) -> LetterDraft:
        values: dict[str, str] = {}
        for name, _label, multiline in FORM_FIELDS:
            if multiline:
                values[name] = self.query_one(f"#{name}", TextArea).text
            else:
                values[name] = self.query_one(f"#{name}", Input).value
        for name in ("template", "addressee_role", "reply_unit"):
            select = self.query_one(f"#{name}", Select)
            values[name] = "" if select.value is Select.NULL else str(select.value)
        return dataclasses.replace(LetterDraft(), **values)

    def _store(self) -> None:
        session = self.send_app.session
        typed = self._draft().to_fields()
        if "about" not in session.letter_fields and typed["about"] == draft_about(session):
            del typed["about"]  # still the untouched draft: kept unconfirmed until ctrl+o
        before = session.revision
        cut = session.set_letter_fields(typed)  # cleaned and cut to each field's limit
        for message in cut:
            self.notify(message, title="Too long", severity="warning", markup=False, timeout=12)
        if session.revision != before:
            self.send_app.session_changed()
        self._refresh_preview()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self) -> None:
        self._store()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        if event.select.id == "template" and event.value is not Select.NULL:
            roles = self.query_one("#addressee_role", Select)
            options = self._roles(str(event.value))
            roles.set_options(options)
            roles.value = options[0][1]
            self._show_template_fields()
        self._store()

    # -- preview --------------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        session, app = self.send_app.session, self.send_app
        draft = self._draft()
        sent = letter_date(session, dates.today())
        missing = completeness(
            draft, sent=sent, content=app.content, about_confirmed=about_confirmed(session)
        )
        note = Text()
        for sentence in outputs.left_out(session):
            note.append("Left out when saved: ", style="bold")
            note.append(f"{sentence}\n\n")
        if missing:
            note.append("Still missing before sending:\n", style="bold")
            for line in missing:
                note.append(f"- {line}\n")
        else:
            note.append("The letter has everything it needs.", style="bold")
        note.append(self._reply_notes(draft, sent, self._template()))
        self.query_one("#missing", Static).update(note)
        self.query_one("#preview", Static).update(Text(self._letter_text()))
        self._show_dating()

    def _show_dating(self) -> None:
        """The line above the form saying which date the saved letter carries now, in words."""
        dating = letter_dating(self.send_app.session, dates.today())
        line = self.query_one("#letter-dating", Static)
        line.display = dating is not None
        if dating is not None:
            text = Text("Letter date: ", style="bold")
            text.append(dating.message(LETTER_DATE_HOW))
            line.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "letter_date":
            # Only for a saved letter that was changed: shown in the footer just then.
            dating = letter_dating(self.send_app.session, dates.today())
            return dating is not None and dating.changed
        return True

    def action_letter_date(self) -> None:
        """Keep the date the letter was sent (a correction), or date the changed letter today."""
        session = self.send_app.session
        before = session.revision
        dating = toggle_letter_date(session, dates.today())
        if session.revision != before:
            self.send_app.session_changed()
        self._refresh_preview()
        if dating is not None:
            self.notify(
                dating.message(LETTER_DATE_HOW), title="Letter date", markup=False, timeout=8
            )

    def _letter_text(self) -> str:
        """What the save will write for the letter, block by block (also what F7 copies)."""
        preview = outputs.letter_preview(self.send_app.session, dates.today())
        if preview is None:
            return "No letter template fits this path."
        letter, saved = preview
        text = "\n\n".join(letter.blocks())
        return text if saved else f"{outputs.NOT_SAVED_YET}\n\n{text}"

    def action_confirm_about(self) -> None:
        """The adviser has read the draft of what the complaint is about, and it stands."""
        session = self.send_app.session
        text = self._draft().about
        if not text.strip():
            self.notify("Write what the complaint is about first.", severity="warning")
            return
        before = session.revision
        session.set_letter_fields({"about": text})
        if session.revision != before:
            self.send_app.session_changed()
        self._refresh_preview()
        self.notify("What the complaint is about: confirmed.", timeout=4)

    def _reply_notes(self, draft: LetterDraft, sent: date, template: LetterTemplate | None) -> Text:
        """What the reply-by date should carry with it (a school holiday in the count, a college's
        own reply time), if anything."""
        notes = Text()
        for number, line in enumerate(reply_notes(draft, sent, self.send_app.content, template)):
            if number == 0:
                notes.append(f"\n{line}", style="bold")
            else:
                notes.append(f"\nNote: {line}", style="italic")
        return notes

    def action_copy_letter(self) -> None:
        session, app = self.send_app.session, self.send_app
        letter = outputs.saved_letter(session, dates.today())
        if letter is None:
            self.notify(
                "Type in the form first: there is no letter to copy yet.", severity="warning"
            )
            return
        app.copy_to_clipboard(render_letter_text(letter))  # the letter as saved: consent applies
        self.notify(
            "Letter copied to the clipboard (OSC 52). Some terminals do not support this: "
            "if nothing pastes, save with ctrl+s and open the .docx.",
            timeout=8,
        )
