"""Rich Text for pieces of content (contacts, references, clocks, steps), built in one place.

Content and user text go in as plain `Text`, never markup, so a bracket in a title is a bracket.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from send_tui.model.content import Clock, Contact, Content, Reference, is_unconfirmed


def heading(text: str) -> Text:
    return Text(text, style="bold underline")


def paragraphs(text: str) -> Text:
    return Text(text.strip())


def numbered(items: Iterable[str]) -> Text:
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number}. ", style="bold")
        out.append(item)
        out.append("\n")
    out.rstrip()
    return out


def contact(item: Contact) -> Text:
    out = Text()
    out.append(item.name, style="bold")
    if item.local:
        out.append(" (local)")
    if item.description:
        out.append(f"\n  {item.description}")
    for label, value in item.details():
        out.append(f"\n  {label}: ")
        if is_unconfirmed(value):
            out.append("TO BE CONFIRMED", style="bold reverse")
            out.append(" (check before giving it out)")
        else:
            out.append(value)
    return out


def contacts(content: Content, ids: Iterable[str]) -> Text:
    return Text("\n").join(contact(content.contacts[i]) for i in dict.fromkeys(ids))


def reference(ref: Reference) -> Text:
    out = Text()
    out.append(ref.cite, style="bold")
    out.append(f"  {ref.title}")
    return out


def references(content: Content, ids: Iterable[str]) -> Text:
    return Text("\n").join(reference(content.refs[i]) for i in dict.fromkeys(ids))


def clock(item: Clock) -> Text:
    out = Text()
    out.append(item.title, style="bold")
    out.append(f"\n  {item.rule}")
    return out


def clocks(content: Content, ids: Iterable[str]) -> Text:
    return Text("\n").join(clock(content.clocks[i]) for i in dict.fromkeys(ids))
