"""The complaint letter as a Word document (.docx), for the family to edit, sign and send.

Only the letter: the summary is for the adviser and the family's records, the letter is what
goes to the school or council. python-docx is imported here, when a letter is saved, so that
starting the app does not pay for it. The `Letter` text is already free of the control
characters that python-docx (XML) would refuse.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from io import BytesIO
from typing import TYPE_CHECKING

from send_tui.model.letter import Letter

if TYPE_CHECKING:
    from docx.document import Document as WordDocument


def render_docx(letter: Letter) -> bytes:
    """The letter on A4 in plain Arial 11pt: date, addressee, salutation, heading, body, sign-off."""
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    _properties(document, letter)

    document.add_paragraph(letter.date)
    _lines(document, letter.addressee)
    document.add_paragraph(letter.salutation)
    heading = document.add_paragraph()
    run = heading.add_run(letter.heading.upper())
    run.bold = True
    for paragraph in letter.paragraphs:
        _lines(document, paragraph.split("\n"))
    document.add_paragraph(letter.closing)
    document.add_paragraph()
    document.add_paragraph(letter.signature)

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _properties(document: WordDocument, letter: Letter) -> None:
    """The properties Word shows whoever receives the file: this letter's title and date only.

    python-docx's template says it was made on 23 Dec 2013 by python-docx, and carries a
    thumbnail of another page that file browsers preview; none of that is this letter.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE

    properties = document.core_properties
    properties.title = letter.heading
    properties.author = properties.last_modified_by = properties.comments = ""
    if letter.sent is not None:
        properties.created = properties.modified = datetime.combine(letter.sent, time(), UTC)
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(key)


def _lines(document: WordDocument, lines: tuple[str, ...] | list[str]) -> None:
    """One paragraph whose lines are kept apart by line breaks, as typed."""
    paragraph = document.add_paragraph()
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        if number < len(lines) - 1:
            run.add_break()
