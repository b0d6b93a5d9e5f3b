"""The visible text of an HTML page, in one linear pass with no tree and no recursion.

Tree-building parsers rebuild the open formatting elements for every unclosed tag, so a
megabyte of ``<b><i><b>...`` takes minutes; Python's ``html.parser`` rescans the rest of
the document after some malformed tags. This scanner only ever moves forward: each tag,
comment or raw-text element is found with one ``str.find`` from the current position,
and a construct left open at the end of the file ends the scan (the rest is inside it,
as in the HTML tokenizer). Time is O(n) whatever the nesting.
"""

from __future__ import annotations

import html
import re
import time

#: Elements whose content is never shown (skipped up to their end tag).
HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "textarea", "iframe", "noembed", "noframes", "xmp", "svg", "math"})
#: Elements that start a new line.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
#: How often (in tags) the time budget is checked.
_CHECK_EVERY = 4096

# Only ASCII letters are folded, so offsets in the folded copy match the original.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# A tag up to its '>', quoted attribute values may hold '>'. The classes exclude the
# delimiters, so a match never backtracks more than its own length.
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class TimeBudgetExceeded(Exception):  # noqa: N818 - the name says what happened
    """The scan passed its deadline."""


def html_to_text(page: str, *, deadline: float | None = None) -> str:
    r"""Visible text of an HTML page: scripts, styles and markup removed, one line per block.

    Parameters
    ----------
    page
        The HTML source.
    deadline
        A :func:`time.monotonic` value; past it :class:`TimeBudgetExceeded` is raised.

    Examples
    --------
    >>> html_to_text("<p>Oil via <b>Aktau</b> &amp; Baku</p><script>x()</script><p>Next</p>")
    'Oil via Aktau & Baku\nNext'
    >>> html_to_text("<b>" * 3 + "unclosed <a title='1>0'>tags")
    'unclosed tags'
    """
    folded = page.translate(_ASCII_LOWER)
    parts: list[str] = []
    pos, n, tags = 0, len(page), 0
    while pos < n:
        lt = page.find("<", pos)
        if lt < 0:
            parts.append(html.unescape(page[pos:]))
            break
        if lt > pos:
            parts.append(html.unescape(page[pos:lt]))
        tags += 1
        if deadline is not None and tags % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise TimeBudgetExceeded
        pos = _skip_markup(page, folded, lt, parts)
    text = "".join(parts)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _skip_markup(page: str, folded: str, lt: int, parts: list[str]) -> int:
    """Consume the markup starting at ``page[lt] == '<'``; return where text resumes."""
    n = len(page)
    if folded.startswith("<!--", lt):
        end = page.find("-->", lt + 4)
        return n if end < 0 else end + 3
    if folded.startswith(("<!", "<?"), lt):
        end = page.find(">", lt + 2)
        return n if end < 0 else end + 1
    match = _TAG.match(page, lt)
    if match is None:
        nxt = page[lt + 1 : lt + 2]
        if nxt.isascii() and (nxt.isalpha() or nxt == "/"):
            return n  # a tag open at the end of the file: the rest is inside it
        parts.append("<")  # "a < b" is text
        return lt + 1
    name = match.group(1).translate(_ASCII_LOWER)
    closing = page[lt + 1] == "/"
    if name in BLOCKS:
        parts.append("\n")
    if name in HIDDEN and not closing and not match.group(0).endswith("/>"):
        end = folded.find(f"</{name}", match.end())
        if end < 0:
            return n
        close = page.find(">", end)
        return n if close < 0 else close + 1
    return match.end()
