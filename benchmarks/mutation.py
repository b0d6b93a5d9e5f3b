"""Mutation score per module with mutmut 3, and a floor check for CI.

Each module runs in a scratch copy of the repo (``test-output/mutation/<module>``) whose
``[tool.mutmut]`` is narrowed to that module and to the test files that exercise it, so one
module's run neither waits for nor disturbs another's, and the worktree is never mutated.

    python benchmarks/mutation.py                       # every module in MODULES
    python benchmarks/mutation.py metrics evidence      # some of them
    python benchmarks/mutation.py --floor 85 metrics evidence   # exit 1 if a score is below 85 %

Score = (killed + timeout) / (total - skipped): mutants that no selected test reaches ("no tests")
count against the score, so an untested function lowers it instead of hiding.
Prints one line per module and writes ``test-output/mutation/scores.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output" / "mutation"
MUTMUT = [sys.executable, "-m", "mutmut"]
IGNORE = shutil.ignore_patterns(".git", ".venv", "test-output", "__pycache__", ".pytest_cache", ".ruff_cache", "mutants", "_work", "*.pyc")

#: module name -> (source file, test files that should kill its mutants).
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    # The hand-computed oracles only: with the hypothesis properties every mutant of exposure() takes minutes.
    "metrics": ("geo/routes/metrics.py", ("tests/test_scenario_oracles.py", "tests/test_metrics_units.py")),
    "evidence": ("geo/claims/evidence.py", ("tests/test_evidence_oracles.py", "tests/test_claim_rationales.py", "tests/test_panels.py")),
    "scenario": ("geo/routes/scenario.py", ("tests/test_scenario_oracles.py", "tests/test_scenario.py", "tests/test_scenario_properties.py",
                                           "tests/test_scenario_modes.py")),
    "linear_program": ("geo/routes/linear_program.py", ("tests/test_scenario_oracles.py", "tests/test_scenario.py", "tests/test_scenario_properties.py")),
    "validate": ("geo/validate.py", ("tests/test_validate_network.py", "tests/test_validation_errors.py", "tests/test_dataset.py")),
    "url_state": ("geo/views/url_state.py", ("tests/test_url_state.py", "tests/test_panels.py")),
    "extract": ("geo/claims/extract.py", ("tests/test_extract.py",)),
}


def mutmut_config(source: str, tests: tuple[str, ...]) -> str:
    """The ``[tool.mutmut]`` table of one module's run."""
    items = {
        "source_paths": ["geo"],
        "only_mutate": [source],
        "also_copy": ["data", "seeds", "app.py", "tools", "benchmarks"],
        "pytest_add_cli_args_test_selection": list(tests),
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not browser"],
    }
    return "[tool.mutmut]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in items.items())


def scratch(name: str, source: str, tests: tuple[str, ...]) -> Path:
    """A fresh copy of the repo whose pyproject.toml narrows mutmut to one module."""
    copy = OUT / name
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    pyproject = copy / "pyproject.toml"
    text = re.sub(r"\n\[tool\.mutmut\]\n(?:[^\[].*\n|\n)*", "\n", pyproject.read_text(encoding="utf-8"))
    pyproject.write_text(text + "\n" + mutmut_config(source, tests), encoding="utf-8")
    return copy


def score(stats: dict[str, int]) -> float:
    """(killed + timeout) / (total - skipped): survivors, 'no tests' and suspicious mutants all count against."""
    tested = stats["total"] - stats.get("skipped", 0)
    return 100.0 * (stats["killed"] + stats.get("timeout", 0)) / tested if tested > 0 else 0.0


def run_module(name: str, *, max_children: int, timeout: float) -> dict:
    source, tests = MODULES[name]
    copy = scratch(name, source, tests)
    start = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    log = (OUT / f"{name}.log").open("w", encoding="utf-8")
    # Its own session, so a run past the timeout is stopped with all of mutmut's workers.
    proc = subprocess.Popen([*MUTMUT, "run", "--max-children", str(max_children)], cwd=copy, stdout=log, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True)
    try:
        finished = proc.wait(timeout=timeout) == 0
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        finished = False
    subprocess.run([*MUTMUT, "export-cicd-stats"], cwd=copy, capture_output=True, check=False, env=env)
    stats_file = copy / "mutants" / "mutmut-cicd-stats.json"
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {"total": 0, "killed": 0}
    survivors = subprocess.run([*MUTMUT, "results"], cwd=copy, capture_output=True, text=True, check=False, env=env).stdout
    (OUT / f"{name}.survivors.txt").write_text(survivors, encoding="utf-8")
    checked = survivors.count(": ") + stats.get("killed", 0) - survivors.count(": not checked")
    return {"module": source, "finished": finished, "seconds": round(time.monotonic() - start), "score": round(score(stats), 1),
            "checked": checked, "score_of_checked": round(100.0 * stats.get("killed", 0) / checked, 1) if checked else 0.0, **stats}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of {', '.join(MODULES)} (default: all)")
    parser.add_argument("--floor", type=float, help="exit 1 if any module scores below this percentage (or did not finish)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20 * 60, help="seconds per module before the run is stopped")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"unknown module(s) {sorted(unknown)}; choose from {', '.join(MODULES)}")
    args.modules = args.modules or list(MODULES)
    OUT.mkdir(parents=True, exist_ok=True)
    results_file = OUT / "scores.json"
    failed = False
    for name in args.modules:
        result = run_module(name, max_children=args.max_children, timeout=args.timeout)
        # Re-read: runs of other modules may have finished meanwhile.
        results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
        results[name] = result
        results_file.write_text(json.dumps(results, indent=2), encoding="utf-8")
        low = args.floor is not None and (result["score"] < args.floor or not result["finished"])
        failed |= low
        stopped = "" if result["finished"] else f"  (STOPPED: {result['checked']} checked, {result['score_of_checked']} % of those killed)"
        print(f"{name:<15} {result['module']:<32} score {result['score']:5.1f} %  killed {result['killed']}/{result['total']}"
              f"  survived {result.get('survived', 0)}  no tests {result.get('no_tests', 0)}  timeout {result.get('timeout', 0)}"
              f"  {result['seconds']} s{stopped}{'  BELOW FLOOR' if low else ''}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
