"""The draft of "what the complaint is about": a family's sentence on every path, never counted
as written until the adviser writes or confirms it."""

from __future__ import annotations

from send_tui.model import graph
from send_tui.model.content import NodeKind
from send_tui.model.letter import (
    ABOUT_UNCONFIRMED,
    LetterDraft,
    about_confirmed,
    caller_of,
    completeness,
    draft_about,
    letter_templates,
)
from send_tui.model.session import Session
from tests.sessions import TODAY, shipped


def walked(path) -> Session:
    """The session an adviser makes by walking `path` (as `graph.paths` gives it)."""
    content = shipped()
    session = Session(content)
    for node_id, option in path:
        node = content.nodes[node_id]
        if node.kind is NodeKind.INFO:
            session.mark_read(node_id)
        elif node.kind is NodeKind.MULTI:
            session.answer(node_id, (option or node.options[0].id,))
        elif node.kind is NodeKind.QUESTION:
            session.answer(node_id, option)
    return session


def sessions_with_a_letter() -> list[Session]:
    found = [walked(path) for path in graph.paths(shipped())]
    return [s for s in found if letter_templates(s)]


def test_every_path_with_a_letter_drafts_a_sentence_a_family_would_write() -> None:
    sessions = sessions_with_a_letter()
    assert len(sessions) > 20
    titles = {n.title for n in shipped().nodes.values()}
    for session in sessions:
        about = draft_about(session)
        where = f"{session.path()}: {about!r}"
        # it follows "My complaint is about:" in the letter
        assert about.startswith("the ") and about.endswith("."), where
        assert about.count(".") == 1 and "?" not in about and "{" not in about, where
        assert not any(title in about for title in titles), where
        assert "caller" not in about and "family" not in about, where
        if caller_of(session) == "young_person":
            assert "my child" not in about and (" I " in about or " my " in about), where
        elif caller_of(session) == "helper":
            assert "my child" not in about and "the young person I am helping" in about, where
        elif caller_of(session) == "representative":
            # a parent or a deputy: the draft must fit either
            assert "my child" not in about and "the young person I act for" in about, where
        else:
            assert "my child" in about, where


def test_the_untouched_draft_stays_flagged_until_written_or_confirmed() -> None:
    session = next(s for s in sessions_with_a_letter() if s.current() == "out_complaint_school")
    session.letter_fields.update(
        addressee_name="Ms Jones", outcome="A meeting", reply_unit="working_days", reply_within="10"
    )

    def missing() -> list[str]:
        draft = LetterDraft.from_session(session)
        return completeness(
            draft, sent=TODAY, content=shipped(), about_confirmed=about_confirmed(session)
        )

    assert LetterDraft.from_session(session).about == draft_about(session)  # the draft is shown
    assert missing() == [ABOUT_UNCONFIRMED]
    session.letter_fields["about"] = draft_about(session)  # confirmed as it stands
    assert missing() == []
    session.letter_fields["about"] = ""  # cleared: nothing to send
    assert missing() == ["What the complaint is about."]
    session.letter_fields["about"] = "The school has not put in the support agreed in June."
    assert missing() == []


def test_no_letter_no_draft() -> None:
    session = Session(shipped())
    session.answer("situation", "exclusion")
    assert draft_about(session) == ""
