"""Safe output: untrusted text is always data, never template source, Markdown or raw HTML.

Three places could turn text from an article into something that runs or loads:

- branca compiles every string given to ``Element(...)``, and the script of every
  ``MacroElement``, as a Jinja2 template when a page is rendered, so a ``{{ ... }}`` in a
  claim would be evaluated on the server. :class:`RawElement` and :class:`SafeMacroElement`
  add finished text to a page without compiling it.
- Our own HTML fragments are rendered by :func:`render` from files in ``geo/views/templates/``
  with a sandboxed, autoescaping environment: values are escaped, never parsed.
- Streamlit renders most strings as Markdown, which would load ``![](http://...)`` images;
  :func:`md_text` makes a string literal Markdown text.
"""

from __future__ import annotations

import json
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from branca.element import Element, Figure, MacroElement
from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")

#: A ``{`` that would open a Jinja2 expression, statement or comment.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
_MD_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one template environment for our HTML: sandboxed, autoescaping, strict about missing names."""
    return SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )


def render(name: str, **context: Any) -> Markup:
    """Render ``geo/views/templates/<name>`` with ``context`` as plain values (escaped on output)."""
    # The environment autoescapes every value, so the output is safe HTML by construction.
    return Markup(environment().get_template(name).render(**context))  # noqa: S704


def script_json(value: Any) -> str:
    r"""JSON that is safe inside a ``<script>`` element and inert if a template engine ever reads it.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as ``\u`` escapes,
    and so is every ``{`` that would open a Jinja2 tag. JSON syntax itself never puts
    ``{{``, ``{%`` or ``{#`` outside a string (an object's ``{`` is followed by ``"`` or
    ``}``), so only characters inside strings change, and the parsed value is identical.

    Examples
    --------
    >>> script_json({"x": "{{7*7}} <b>"})
    '{"x":"\\u007b{7*7}} \\u003cb\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return _JINJA_OPEN.sub(r"\\u007b", text)


def md_text(value: Any) -> str:
    r"""``value`` as literal Markdown text: every ASCII punctuation character backslash-escaped.

    CommonMark lets any ASCII punctuation be escaped, so no image, link, emphasis, HTML,
    LaTeX (``$``) or Streamlit directive (``:red[...]``) survives.

    Examples
    --------
    >>> md_text("![x](http://a.b/c.png)")
    '\\!\\[x\\]\\(http\\:\\/\\/a\\.b\\/c\\.png\\)'
    """
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def md_code(value: Any) -> str:
    r"""``value`` on one line as a Markdown code span: shown exactly as it is, with no link, image or formula.

    Unlike :func:`md_text`, this also stops the link-ification of bare ``http://`` URLs,
    which happens after Markdown escapes are read. For messages that repeat what a user typed.

    Examples
    --------
    >>> md_code("bad value 'http://a.b/![x](y)' with `ticks`")
    "`` bad value 'http://a.b/![x](y)' with `ticks` ``"
    """
    text = " ".join(("" if value is None else str(value)).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


class RawElement(Element):
    """Finished HTML or JavaScript added to a page as it is: never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawElement"
        self.text = str(text)

    def render(self, **kwargs: Any) -> str:
        """The text unchanged."""
        return self.text


class SafeMacroElement(MacroElement):
    """A ``MacroElement`` whose rendered parts are added to the page without being compiled again.

    branca's own ``render`` wraps each part in ``Element(part)``, which makes the output
    (with any data it holds) template source for the page render.
    """

    def render(self, **kwargs: Any) -> None:
        """Add the header, html and script parts of this element to its figure."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            msg = "a map element can only be rendered inside a figure"
            raise TypeError(msg)
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(RawElement(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
