"""Instructions of one pass of ``cg_extract.py`` by line of the Python sources, for the mypyc-compiled build (callgrind).

Cachegrind's function totals of the compiled build are flat (most instructions are spent in CPython's C API: dict and
set look-ups, the regex engine, allocation), and without debug information it knows no lines. With a build compiled
with ``-g``, callgrind gives each line of the generated C its own cost and the inclusive cost of the calls made there;
each C line is mapped to the Python line of the next ``CPy_AddTraceback`` (the error path of the statement it belongs
to), so a statement's line gets what it costs itself and what its calls cost (a line that calls a function also counts
that function's lines: read the list as inclusive costs). C code with no error path of its own lands on the next
one's line: the native classes' set-up and deallocation (Mention, Candidate, Extraction: some 3.7 M a pass of the
snippets) show as extract.py:72, a line of ``_word_stems`` that runs only at import. The C source is read from ``build/__native_geo_claims.c``:
run this before anything rebuilds it.

Run (from the tree's root; the two runs may run at the same time):

    CFLAGS=-g .venv/bin/python tools/compile_extraction.py --force
    for n in 1 3; do PAD=x PYTHONHASHSEED=0 setarch x86_64 -R valgrind --tool=callgrind \\
        --callgrind-out-file=/tmp/clg$n.out .venv/bin/python benchmarks/cg_extract.py $n snippets; done
    .venv/bin/python benchmarks/cg_lines.py /tmp/clg1.out /tmp/clg3.out 60

Prints the costliest lines of one pass ((3 passes - 1 pass) / 2). Rebuild without ``-g`` afterwards (``--force``).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
C_SOURCE = ROOT / "build" / "__native_geo_claims.c"
_TRACEBACK = re.compile(r'CPy_AddTraceback\("([^"]+)", "([^"]+)", (\d+)')
_NAMED = re.compile(r"\((\d+)\)(?: (.*))?")


def c_line_costs(path: str) -> Counter[int]:
    """By line of the generated C file: the instructions spent there, its calls' inclusive costs included."""
    files: dict[str, str] = {}
    costs: Counter[int] = Counter()
    current, last = "", 0
    with Path(path).open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith(("fl=", "fi=", "fe=")):
                m = _NAMED.match(line[3:])
                if m is None:
                    current = line[3:]
                else:
                    if m.group(2) is not None:
                        files[m.group(1)] = m.group(2)
                    current = files.get(m.group(1), "")
                continue
            if not line or not (line[0].isdigit() or line[0] in "+-*"):
                if line.startswith(("cfi=", "cfl=")):  # a callee's file: its name may be given here first
                    m = _NAMED.match(line[4:])
                    if m is not None and m.group(2) is not None:
                        files[m.group(1)] = m.group(2)
                continue
            parts = line.split()
            pos = parts[0]
            number = last if pos == "*" else last + int(pos) if pos[0] in "+-" else int(pos)
            last = number
            if len(parts) > 1 and current.endswith("__native_geo_claims.c"):
                costs[number] += int(parts[1])
    return costs


def main() -> None:
    if C_SOURCE.stat().st_mtime > min(Path(p).stat().st_mtime for p in sys.argv[1:3]):
        print(f"warning: {C_SOURCE} is newer than the callgrind runs: lines may be mapped wrong", file=sys.stderr)
    one, three = c_line_costs(sys.argv[1]), c_line_costs(sys.argv[2])
    shown = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    marks: list[tuple[int, str, str, int]] = []
    for number, text in enumerate(C_SOURCE.read_text(encoding="utf-8").split("\n"), 1):
        m = _TRACEBACK.search(text)
        if m:
            marks.append((number, m.group(1).rsplit("/", 1)[-1], m.group(2), int(m.group(3))))
    starts = [m[0] for m in marks]
    by_line: Counter[tuple[str, int, str]] = Counter()
    for number in set(one) | set(three):
        k = bisect.bisect_left(starts, number)
        if k < len(marks):
            _, name, function, py_line = marks[k]
            by_line[(name, py_line, function)] += three[number] - one[number]
    for (name, py_line, function), cost in by_line.most_common(shown):
        print(f"{cost // 2:12,d}  {name}:{py_line}  {function}")


if __name__ == "__main__":
    main()
