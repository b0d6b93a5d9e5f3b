"""Apply each deliberate bug of issue 13 to a scratch copy of the repo and check a test fails.

Each change is a plain text replacement in one file of a throw-away copy (the worktree is never
touched). The test files listed with a change are the ones that should catch it; they run with
``-x -q -n 2`` in the copy, so the copy's ``geo`` package and ``data`` folder are what the tests use.

Run from the repo root::

    python benchmarks/inject_bugs.py            # every change
    python benchmarks/inject_bugs.py evidence   # the changes whose name contains 'evidence'

Prints one line per change, ``CAUGHT`` or ``MISSED``, and exits 1 if any change was missed or
could not be applied (its anchor text is gone: update the change, don't drop it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", ".venv", "test-output", "__pycache__", ".pytest_cache", ".ruff_cache", "mutants", "_work", "*.pyc")


@dataclass(frozen=True)
class Change:
    """One deliberate bug: each ``(old, new)`` edit replaces text found exactly once in ``path``."""

    name: str
    path: str
    edits: tuple[tuple[str, str], ...]
    tests: tuple[str, ...]


CHANGES = (
    Change("cli: scenario sub-command not registered", "geo/cli/commands.py",
           (("    cli_scenario.register(sub)\n", ""),),
           ("tests/test_cli.py", "tests/test_scenario_modes.py", "tests/test_scenario_binding.py")),
    Change("metrics: volume via Russia x 1.2 in exposure()", "geo/routes/metrics.py",
           (("via_russia=float(passed[0]),", "via_russia=float(passed[0]) * 1.2,"),),
           ("tests/test_scenario_units.py", "tests/test_scenario_oracles.py", "tests/test_scenario_properties.py")),
    Change("map: build_map ignores the highlight", "geo/views/webmap.py",
           (("    state = state or MapState()\n", "    state = MapState(**{**vars(state or MapState()), 'highlight': frozenset()})\n"),),
           ("tests/test_map_data.py",)),
    Change("evidence: Druzhba correction dropped", "geo/claims/evidence.py",
           (("avoid_russia = max(avoid_ports - land, 0.0)", "avoid_russia = avoid_ports"),),
           ("tests/test_evidence_oracles.py", "tests/test_claim_rationales.py", "tests/test_panels.py")),
    Change("validate: network.yaml and scenarios.yaml no longer checked", "geo/validate.py",
           (("    report.problems += network.problems + presets.problems\n"
             "    report.problems += netcheck.check_network(network.table, presets.table, assets=assets.table, sources=sources.table, flows=flows.table)\n",
             ""),),
           ("tests/test_validate_network.py", "tests/test_validation_errors.py")),
    Change("data: CPC 2023 = 31 Mt and KCP 2022 = 6.5 Mt in flows.csv", "data/flows.csv",
           (("2023,oil,export,KZ,cpc,Black Sea (Novorossiysk),56,Mt,56,Mt,true", "2023,oil,export,KZ,cpc,Black Sea (Novorossiysk),31,Mt,31,Mt,true"),
            ("2022,oil,export,KZ,kcp,China,1290,thousand t,1.29,Mt,true", "2022,oil,export,KZ,kcp,China,6500,thousand t,6.5,Mt,true")),
           ("tests/test_scenario_oracles.py", "tests/test_scenario.py")),
    # The table's data change has two edits; each alone must be caught too.
    Change("data: KCP 2022 = 6.5 Mt alone", "data/flows.csv",
           (("2022,oil,export,KZ,kcp,China,1290,thousand t,1.29,Mt,true", "2022,oil,export,KZ,kcp,China,6500,thousand t,6.5,Mt,true"),),
           ("tests/test_scenario_oracles.py", "tests/test_scenario.py")),
    # Two bugs found while writing the unit tests (fixed since); putting them back must fail a test.
    Change("found: reroute_duals drops the commitment marginals", "geo/routes/linear_program.py",
           (("    return flow, stranded, duals\n", "    return flow, stranded, _duals(network, lim, res, target_rows=slice(0, 0), per_unit=stranding)\n"),),
           ("tests/test_lp_units.py",)),
    Change("found: a CSV without its header row reads as no rows", "geo/data/load.py",
           (("    missing = [c for c in required if c not in header]\n", "    missing: list[str] = []\n"),),
           ("tests/test_validate_fast.py",)),
)


def apply(copy: Path, change: Change) -> None:
    """Replace the anchor text once; raise if it is not there exactly once."""
    target = copy / change.path
    text = target.read_text(encoding="utf-8")
    for old, new in change.edits:
        if text.count(old) != 1:
            raise LookupError(f"{change.path}: anchor found {text.count(old)} times: {old.strip()[:60]!r}")
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")


def run(change: Change) -> tuple[str, float, str]:
    """Apply one change to a fresh copy and run its tests: ('CAUGHT'|'MISSED'|'NOT APPLIED', seconds, last line)."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="inject-") as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, ignore=IGNORE)
        try:
            apply(copy, change)
        except LookupError as exc:
            return "NOT APPLIED", 0.0, str(exc)
        tests = [t for t in change.tests if (copy / t).exists()]
        cmd = [sys.executable, "-m", "pytest", *tests, "-x", "-q", "-n", "2", "-p", "no:cacheprovider", "-m", "not browser", "--no-header"]
        proc = subprocess.run(cmd, cwd=copy, capture_output=True, text=True, check=False)
    tail = [line for line in proc.stdout.splitlines() if line.strip()]
    summary = tail[-1] if tail else proc.stderr.strip()[-200:]
    # With -x, xdist stops on the first failure and exits 2 ("interrupted"), so read the summary line;
    # collection errors are not a test catching the bug.
    failed = re.search(r"\b\d+ failed\b", summary) is not None
    verdict = "CAUGHT" if failed and " error" not in summary else "MISSED" if proc.returncode == 0 else f"ERROR (pytest exit {proc.returncode})"
    return verdict, time.monotonic() - start, summary


def main(argv: list[str]) -> int:
    chosen = [c for c in CHANGES if not argv or any(a in c.name for a in argv)]
    bad = 0
    for change in chosen:
        verdict, seconds, summary = run(change)
        bad += verdict != "CAUGHT"
        print(f"{verdict:<12} {change.name}  [{seconds:.0f} s; {', '.join(Path(t).name for t in change.tests)}]\n             {summary}", flush=True)
    print(f"{len(chosen) - bad} of {len(chosen)} changes caught")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
