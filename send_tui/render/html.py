"""The summary as one self-contained HTML page (.html) that opens and prints from any browser.

No scripts and nothing fetched from elsewhere: the page must work offline and must not run code a
caller's name could smuggle in. A Content-Security-Policy says so to the browser as well, and
every piece of text is escaped. The print stylesheet sets A4 pages and starts the letter on a
fresh page, so the letter can be handed over on its own.
"""

from __future__ import annotations

from html import escape

from send_tui.model.letter import Letter
from send_tui.model.summary import (
    FIRST,
    HEADING_ANSWERS,
    HEADING_CONTACTS,
    HEADING_DEADLINES,
    HEADING_LETTER,
    HEADING_PLAN,
    HEADING_REFERENCES,
    LEADS_TO,
    LETTER_MISSING,
    NO_CONTACTS,
    NO_DEADLINES,
    NO_OUTCOME,
    NO_PLAN,
    NO_REFERENCES,
    Summary,
)

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35;
  color: #000; background: #fff; max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.3em; }
h2 { font-size: 14pt; margin: 1.1em 0 0.3em; border-bottom: 1px solid #555; }
h3 { font-size: 11.5pt; margin: 0.7em 0 0.15em; }
p, li, dd, dt, td { overflow-wrap: anywhere; }
p { margin: 0.25em 0; }
ul, ol { margin: 0.2em 0; padding-left: 1.4em; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.4em 0; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
.disclaimer { font-weight: bold; }
.workings { font-size: 9pt; color: #333; }
.warning { font-weight: bold; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 0.3em 1.2em; }
.cards h3 { margin-top: 0.3em; }
.cards dl.details { margin: 0.1em 0; }
.letter { border: 1px solid #999; padding: 1em 1.4em; margin-top: 0.6em; }
.letter .heading { font-weight: bold; text-transform: uppercase; }
.missing { border-left: 4px solid #000; padding-left: 0.6em; }
@page { size: A4; margin: 18mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.25; max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin-top: 0.8em; }
  .letter-section, .letter { font-size: 11pt; line-height: 1.4; }
  .letter p { margin: 0.6em 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  li, .card { break-inside: avoid; page-break-inside: avoid; }
  .letter-section { break-before: page; page-break-before: always; }
  .letter { border: none; padding: 0; }
  .workings { font-size: 8pt; }
  .cards dl.details, .cards p { font-size: 8.5pt; }
}
"""

#: The browser may load nothing and run nothing; only the inline stylesheet applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def _t(text: str) -> str:
    """Text as HTML: escaped, quotes included, line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>")


def _p(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f'<p dir="auto"{attr}>{_t(text)}</p>'


def _list(items: tuple[str, ...] | list[str], tag: str = "ul", css: str = "") -> str:
    if not items:
        return ""
    attr = f' class="{css}"' if css else ""
    rows = "".join(f'<li dir="auto">{_t(item)}</li>' for item in items)
    return f"<{tag}{attr}>{rows}</{tag}>"


def render_html(summary: Summary) -> str:
    """The whole summary as an HTML document, sections in the same order as every other format."""
    body = [
        f"<h1>{_t(summary.title)}</h1>",
        _p(summary.disclaimer, "disclaimer"),
        _details(summary.details),
        _answers(summary),
        _plan(summary),
        _deadlines(summary),
        _contacts(summary),
        _references(summary),
    ]
    if summary.letter is not None:
        body.append(_letter_section(summary.letter, summary.letter_missing))
    body.append(f"<footer>{_p(summary.disclaimer, 'disclaimer')}</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(summary.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + "\n</main>\n</body>\n</html>\n"
    )


def _details(details: tuple[tuple[str, str], ...]) -> str:
    rows = "".join(f'<dt>{_t(label)}</dt><dd dir="auto">{_t(value)}</dd>' for label, value in details)
    return f'<dl class="details">{rows}</dl>'


def _section(key: str, title: str, inner: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f'<section id="{key}"{attr}>\n<h2>{_t(title)}</h2>\n' + "\n".join(inner) + "\n</section>"


def _answers(summary: Summary) -> str:
    rows = "".join(
        f'<li dir="auto"><strong>{_t(line.question)}</strong><br>{_t(line.answer)}</li>'
        for line in summary.path
    )
    inner = [f"<ol>{rows}</ol>"] if rows else []
    if summary.outcome:
        inner.append(f'<p dir="auto"><strong>{_t(LEADS_TO)}:</strong> {_t(summary.outcome)}</p>')
    else:
        inner.append(_p(NO_OUTCOME))
    return _section("answers", HEADING_ANSWERS, inner)


def _plan(summary: Summary) -> str:
    if not summary.plan:
        return _section("plan", HEADING_PLAN, [_p(NO_PLAN)])
    items = []
    for item in summary.plan:
        items.append(
            f'<li class="card"><h3 dir="auto">{_t(item.title)} ({_t(item.reason)})</h3>'
            + _p(item.summary)
            + _list([f"{FIRST}: {note}" for note in item.first])
            + _list(item.next_steps)
            + "</li>"
        )
    return _section("plan", HEADING_PLAN, [f"<ol>{''.join(items)}</ol>"])


def _deadlines(summary: Summary) -> str:
    if not summary.deadlines:
        return _section("deadlines", HEADING_DEADLINES, [_p(NO_DEADLINES)])
    cards = []
    for line in summary.deadlines:
        status = f" ({_t(line.status)})" if line.status else ""
        parts = [
            f'<div class="card"><h3 dir="auto">{_t(line.title)}</h3>',
            f'<p dir="auto"><strong>{_t(line.due)}</strong>{status}</p>',
            _p(line.act_by) if line.act_by else "",
            _list([f"{label}: {day}" for label, day in line.dates]),
            _list(line.warnings, css="warning"),
            _list(line.workings, css="workings"),
            "</div>",
        ]
        cards.append("".join(parts))
    return _section("deadlines", HEADING_DEADLINES, cards)


def _contacts(summary: Summary) -> str:
    if not summary.contacts:
        return _section("contacts", HEADING_CONTACTS, [_p(NO_CONTACTS)])
    cards = []
    for card in summary.contacts:
        rows = "".join(
            f'<dt>{_t(label)}</dt><dd dir="auto">{_t(value)}</dd>' for label, value in card.details
        )
        cards.append(
            f'<div class="card"><h3 dir="auto">{_t(card.name)}</h3>'
            + (_p(card.description) if card.description else "")
            + (f'<dl class="details">{rows}</dl>' if rows else "")
            + "</div>"
        )
    return _section("contacts", HEADING_CONTACTS, [f'<div class="cards">{"".join(cards)}</div>'])


def _references(summary: Summary) -> str:
    if not summary.references:
        return _section("references", HEADING_REFERENCES, [_p(NO_REFERENCES)])
    rows = "".join(
        f'<li dir="auto"><strong>{_t(ref.cite)}</strong>: {_t(ref.title)}</li>'
        for ref in summary.references
    )
    return _section("references", HEADING_REFERENCES, [f"<ul>{rows}</ul>"])


def _letter_section(letter: Letter, missing: tuple[str, ...]) -> str:
    inner = []
    if missing:
        inner.append(f'<div class="missing">{_p(LETTER_MISSING + ":")}{_list(missing)}</div>')
    inner.append(
        '<article class="letter">'
        + _p(letter.date)
        + _p("\n".join(letter.addressee))
        + _p(letter.salutation)
        + _p(letter.heading, "heading")
        + "".join(_p(paragraph) for paragraph in letter.paragraphs)
        + _p(letter.closing)
        + _p(letter.signature)
        + "</article>"
    )
    return _section("letter", HEADING_LETTER, inner, css="letter-section")
