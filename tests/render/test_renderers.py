"""Every output format renders the one summary, and user text comes out literally in each."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from send_tui.model.letter import clean_text
from send_tui.model.summary import WORDS, Summary, build_summary
from send_tui.render import FORMATS, NoLetter, UnknownFormat, format_for, render
from send_tui.render.markdown import escape
from send_tui.render.text import render_letter_text
from tests.sessions import (
    CONTROL_CHARACTERS,
    HOSTILE,
    TODAY,
    complaint_session,
    hostile_session,
    shipped,
)


class _TextOf(HTMLParser):
    """The text a browser would show (tags dropped, entities decoded); scripts and styles flagged."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> tuple[str, list[str]]:
    parser = _TextOf()
    parser.feed(html)
    return "".join(parser.parts), parser.tags


def docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


def shown(summary: Summary, fmt: str) -> str:
    """What a reader sees of a format: HTML and Markdown as displayed, .docx as its paragraphs."""
    data = render(summary, fmt)
    if fmt == "docx":
        return docx_text(data)
    text = data.decode("utf-8")
    if fmt == "html":
        return html_text(text)[0]
    if fmt == "md":
        return html_text(MarkdownIt("commonmark").render(text))[0]
    return text


def squeeze(text: str) -> str:
    """Text without any whitespace, to compare what wrapping may have split across lines."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def typical() -> Summary:
    return build_summary(complaint_session(), TODAY)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_every_summary_format_has_every_section_and_the_disclaimer(
    typical: Summary, fmt: str
) -> None:
    text = shown(typical, fmt)
    for heading in typical.headings():
        assert heading.casefold() in text.casefold(), heading
    assert WORDS.disclaimer in text
    for detail in (
        "Fri 11 Dec 2026",  # the reply date: only the school complaint's clocks are shown
        "To be confirmed",
        "Education Act 2002 s.29",
        "TH-0042",
        "Sam Smith",
    ):
        assert detail in text, detail
    assert "A complaint about a school, college, council or other service" in text


def test_the_docx_is_the_letter(typical: Summary) -> None:
    text = docx_text(render(typical, "docx"))
    assert typical.letter is not None
    assert typical.letter.heading.upper() in text
    for paragraph in typical.letter.paragraphs:
        assert paragraph in text
    assert "Yours sincerely," in text and "Alex Smith" in text
    assert "Contacts" not in text


def test_the_letter_as_text_is_what_the_clipboard_gets(typical: Summary) -> None:
    assert typical.letter is not None
    text = render_letter_text(typical.letter)
    assert text.startswith("Sat 28 Nov 2026\n\nMs Jones\nHead teacher\n\nDear Ms Jones,")
    assert "byFri11Dec2026" in squeeze(text)


def test_the_html_is_self_contained_printable_and_runs_nothing(typical: Summary) -> None:
    html = render(typical, "html").decode("utf-8")
    _, tags = html_text(html)
    assert (
        "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    )
    assert not re.search(r"\b(src|href)\s*=", html)
    assert "@import" not in html and "url(" not in html
    assert "@page { size: A4; margin: 14mm 15mm; }" in html
    assert "@media print" in html
    assert "default-src 'none'" in html


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_hostile_user_text_comes_out_literally_and_breaks_nothing(case: str, fmt: str) -> None:
    text = HOSTILE[case]
    summary = build_summary(hostile_session(text), TODAY)
    data = render(summary, fmt)
    seen = shown(summary, fmt)
    assert squeeze(clean_text(text)) in squeeze(seen)
    for character in CONTROL_CHARACTERS:
        assert character not in seen
        if fmt != "docx":
            assert character not in data.decode("utf-8")
    if fmt == "html":
        assert "<script" not in data.decode("utf-8")
        assert "script" not in html_text(data.decode("utf-8"))[1]
    if fmt == "md":
        rendered = MarkdownIt("commonmark").render(data.decode("utf-8"))
        assert "<script" not in rendered
        assert "<strong>Sam</strong>" not in rendered and "<em>Sam</em>" not in rendered


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_redacted_summary_has_no_names_in_any_format(fmt: str) -> None:
    summary = build_summary(complaint_session(), TODAY, redacted=True)
    seen = shown(summary, fmt)
    for personal in ("Alex Smith", "Sam Smith", "14 May 2017"):
        assert personal not in seen


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("consented", [True, False])
def test_names_typed_into_other_fields_are_left_out_too(fmt: str, consented: bool) -> None:
    """A redacted (or unconsented) copy says it has no names or date of birth, so a name or the
    date of birth the adviser typed into what was tried or the outcome wanted must not survive
    there either."""
    session = complaint_session(
        tried="Sam's teacher and Alex Smith met the SENCO; SAM SMITH was upset.",
        outcome="Support for Sam, and a reply to Alex.",
        enclosures="Sam Smith's report",
        about="Born 14/05/2017 (14th May 2017, 2017-05-14, Sunday 14 May 2017), in Year 4.",
    )
    session.case.consent_to_record = consented
    seen = shown(build_summary(session, TODAY, redacted=consented, include_personal=consented), fmt)
    for personal in ("Alex", "Sam", "Smith", "SAM", "SMITH", "2017", "14 May"):
        assert re.search(rf"\b{personal}\b", seen) is None, personal
    assert "the SENCO" in seen and "was upset" in seen  # the rest of what was typed stays
    assert "in Year 4." in seen


def test_the_docx_properties_speak_of_this_letter_only(typical: Summary) -> None:
    """Word shows a document's properties (and Explorer its thumbnail) to whoever receives it:
    they must not say it was made in 2013 by python-docx, or preview some other page."""
    import zipfile
    from datetime import UTC, datetime

    from docx import Document

    data = render(typical, "docx")
    properties = Document(BytesIO(data)).core_properties
    assert typical.letter is not None and typical.letter.sent == TODAY
    assert properties.created == properties.modified == datetime(2026, 11, 28, tzinfo=UTC)
    assert properties.author == properties.last_modified_by == properties.comments == ""
    assert properties.title == typical.letter.heading
    assert not any("thumbnail" in name for name in zipfile.ZipFile(BytesIO(data)).namelist())


@pytest.mark.parametrize("fmt", ["txt", "html", "md"])
def test_every_format_calls_a_deadlines_warning_a_warning(fmt: str) -> None:
    """The .md and the calendar said "Warning:", the .txt a bare "!", the printed page only bold
    type: a parent reading any of them must be told the same that a line is a warning."""
    from datetime import date

    session = complaint_session()
    session.dates["reply_from"] = date(2026, 12, 14)  # 10 working days run into the holiday
    summary = build_summary(session, TODAY)
    [reply] = [line for line in summary.deadlines if line.warnings]
    seen = squeeze(shown(summary, fmt))
    for warning in reply.warnings:
        assert squeeze(f"{WORDS.warning}: {warning}") in seen


def test_docx_without_a_letter_and_unknown_formats_say_so() -> None:
    from send_tui.model.session import Session

    summary = build_summary(Session(shipped()), TODAY)
    with pytest.raises(NoLetter):
        render(summary, "docx")
    with pytest.raises(UnknownFormat, match="pdf"):
        format_for("summary.pdf")
    assert format_for("Summary.HTML") == "html"


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("1. not a list", "1. not a list"),
        ("- not a bullet", "- not a bullet"),
        ("# not a heading", "# not a heading"),
        ("> not a quote", "> not a quote"),
        ("a *b* _c_ `d` [e](f) <g> &amp; | ~~h~~", "a *b* _c_ `d` [e](f) <g> &amp; | ~~h~~"),
        ("===", "==="),
        ("back\\slash", "back\\slash"),
    ],
)
def test_markdown_escaping_keeps_meaning_out(text: str, literal: str) -> None:
    rendered = MarkdownIt("commonmark").enable("strikethrough").enable("table").render(escape(text))
    assert html_text(rendered)[0].strip() == literal
    assert rendered.startswith("<p>")


@settings(max_examples=60, deadline=None)
# "lt;" and "&" make entity-like text ("&lt;"), which must show as typed, not as "<".
@given(st.text(alphabet=st.sampled_from("ab lt;1.-+*_#`[]()<>!&|~\\{}=:\n"), max_size=40))
def test_markdown_escaping_shows_any_text_as_typed(text: str) -> None:
    expected = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    rendered = MarkdownIt("commonmark").render(escape(text))
    assert html_text(rendered)[0].strip() == expected  # decoded once, as a browser shows it


@pytest.mark.parametrize(
    "address",
    [
        "https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability",
        "(www.example.org.uk/a-very-long-page-name-that-runs-past-the-width-of-the-text-file).",
    ],
)
def test_a_web_address_is_never_cut_across_lines(address: str) -> None:
    """Cut in two, a web address cannot be clicked, pasted or read out: it gets a line of its own."""
    from send_tui.render.text import wrap

    lines = wrap(f"Website: {address} and then some more words after it", "      ", "    ")
    assert [line.strip() for line in lines if address in line] == [address]
    assert lines[0] == "    Website:"


def test_a_long_word_that_is_not_a_web_address_is_still_broken() -> None:
    from send_tui.render.text import WIDTH, wrap

    assert all(len(line) <= WIDTH for line in wrap("x" * 200))
