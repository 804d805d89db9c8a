"""User text in the Markdown summary stays literal under GFM autolinking: no live link from it.

A caller's note with `www.` or a URL in it must not become a link the family clicks. Rendered
with markdown-it-py with linkify on (as GitHub's GFM does), the text is decoded once, as a
browser shows it, and must read exactly as typed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from send_tui.model.summary import build_summary
from send_tui.render import render
from send_tui.render.markdown import escape
from tests.render.test_renderers import html_text
from tests.sessions import TODAY, hostile_session

pytest.importorskip("linkify_it")

LINKY = [
    "www.example.com",
    "see www.example.com/path?x=1 today",
    "https://evil.example/phish",
    "http://192.168.0.1:8080/",
    "example.co.uk",
    "mailto:someone@example.org",
    "write to someone@example.org.",
    "ftp://files.example.net",
    "Oak-Primary.sch.uk/complaints",
]


def _gfm() -> MarkdownIt:
    return MarkdownIt("gfm-like", {"linkify": True}).enable("linkify")


@pytest.mark.parametrize("text", LINKY)
def test_a_url_in_user_text_is_not_a_link_and_reads_as_typed(text: str) -> None:
    rendered = _gfm().render(escape(text))
    shown, tags = html_text(rendered)
    assert "a" not in tags, rendered
    assert shown.strip() == text  # decoded once, as a browser shows it


def test_the_whole_summary_has_no_link_from_user_text() -> None:
    session = hostile_session("Call www.example.com or https://evil.example, mail x@example.org")
    markdown = render(build_summary(session, TODAY), "md").decode("utf-8")
    rendered = _gfm().render(markdown)
    shown, tags = html_text(rendered)
    assert "a" not in tags
    assert "Call www.example.com or https://evil.example, mail x@example.org" in shown


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abw.:/@-_1 "), max_size=30))
def test_no_text_made_of_link_characters_becomes_a_link(text: str) -> None:
    expected = text.strip()
    rendered = _gfm().render(escape(text))
    shown, tags = html_text(rendered)
    assert "a" not in tags, rendered
    assert shown.strip() == expected
