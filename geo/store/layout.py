"""How the record files are cut into records and put back together, byte for byte.

A YAML list file is its header (comments before the first item) and one block per top-level
item (``- `` at column 0 up to the next one, comments included). A CSV file is its header
line and one block per row (a quoted cell may span lines). Joining the pieces gives the file
back exactly; a record changed in the database is written in the canonical form
(:func:`yaml_block`, :func:`csv_block`) that the ingest code writes.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from typing import Any

import yaml

_ITEM = re.compile(r"^-(?: |\r?$)")
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def lines_of(text: str) -> list[str]:
    r"""Lines with their ends, cut at ``\n`` only (other Unicode line breaks stay inside a line).

    Examples
    --------
    >>> lines_of("a\r\nb\u2028c\nd")
    ['a\r\n', 'b\u2028c\n', 'd']
    """
    return _LINE.findall(text)


@dataclass(frozen=True)
class Split:
    """A file cut into header, record blocks and trailer; ``header + "".join(blocks) + trailer`` is the file."""

    header: str
    blocks: list[str]
    trailer: str = ""

    def join(self) -> str:
        """The file text again."""
        return self.header + "".join(self.blocks) + self.trailer


def split_yaml_list(text: str) -> Split:
    r"""Cut a YAML list file at its top-level items.

    Examples
    --------
    >>> s = split_yaml_list("# head\n- id: a\n  x: 1\n# note\n- id: b\n")
    >>> s.header, s.blocks
    ('# head\n', ['- id: a\n  x: 1\n# note\n', '- id: b\n'])
    >>> s.join() == "# head\n- id: a\n  x: 1\n# note\n- id: b\n"
    True
    """
    lines = lines_of(text)
    starts = [i for i, line in enumerate(lines) if _ITEM.match(line)]
    if not starts:
        return Split(text, [])
    header = "".join(lines[: starts[0]])
    bounds = [*starts, len(lines)]
    return Split(header, ["".join(lines[a:b]) for a, b in itertools.pairwise(bounds)])


def yaml_record(block: str) -> Any:
    """The one record a block of :func:`split_yaml_list` holds."""
    items = yaml.safe_load(block)
    if not isinstance(items, list) or len(items) != 1:
        msg = f"expected one list item, got {block[:60]!r}"
        raise ValueError(msg)
    return items[0]


def yaml_records(split: Split) -> list[Any]:
    r"""The records of a split YAML list file, read from the whole file (so an alias may refer to another block's anchor).

    Examples
    --------
    >>> s = split_yaml_list("- id: a\n  tags: &id001 [x]\n- id: b\n  tags: *id001\n")
    >>> yaml_records(s)
    [{'id': 'a', 'tags': ['x']}, {'id': 'b', 'tags': ['x']}]
    >>> [stands_alone(b) for b in s.blocks]
    [True, False]
    """
    items = yaml.safe_load(split.join()) if split.blocks else []
    if not isinstance(items, list) or len(items) != len(split.blocks):
        return [yaml_record(block) for block in split.blocks]  # names the block that is not one list item
    return items


def stands_alone(block: str) -> bool:
    """Whether a block parses on its own (it uses no alias to an anchor elsewhere in the file)."""
    try:
        yaml.safe_load(block)
    except yaml.YAMLError:
        return False
    return True


def yaml_block(record: dict[str, Any]) -> str:
    r"""The canonical block of a record (as :func:`geo.claims.ingest.append_yaml_entries` writes it).

    Examples
    --------
    >>> yaml_block({"id": "a", "tags": ["x"]})
    '- id: a\n  tags:\n  - x\n'
    """
    return yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=120)


def split_csv(text: str) -> tuple[Split, list[dict[str, str | None]]]:
    r"""Cut a CSV file into its header line and one block per row; also return the rows (empty cells ``None``).

    Examples
    --------
    >>> s, rows = split_csv('a,b\n1,"x\ny"\n2,\n')
    >>> s.header, s.blocks, rows
    ('a,b\n', ['1,"x\ny"\n', '2,\n'], [{'a': '1', 'b': 'x\ny'}, {'a': '2', 'b': None}])
    """
    lines = lines_of(text)
    reader = csv.DictReader(io.StringIO(text))
    rows, blocks = [], []
    _ = reader.fieldnames
    done = reader.line_num
    header = "".join(lines[:done])
    for row in reader:
        blocks.append("".join(lines[done : reader.line_num]))
        done = reader.line_num
        rows.append({k: (v if v != "" else None) for k, v in row.items()})
    return Split(header, blocks, "".join(lines[done:])), rows


def csv_block(fields: list[str], record: dict[str, Any]) -> str:
    r"""The canonical CSV line of a record (booleans lower-case, ``None`` empty).

    Examples
    --------
    >>> csv_block(["year", "primary", "note"], {"year": 2023, "primary": True, "note": None})
    '2023,true,\n'
    """
    out = io.StringIO()
    cells = ["true" if v is True else "false" if v is False else "" if v is None else v for v in (record.get(f) for f in fields)]
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()
