"""Mutation score per module with mutmut 3, and a floor check for CI.

Each module runs in a scratch copy of the repo (``test-output/mutation/<module>``) whose
``[tool.mutmut]`` is narrowed to that module and to the test files that exercise it, so one
module's run neither waits for nor disturbs another's, and the worktree is never mutated.

    python benchmarks/mutation.py                       # every module in MODULES
    python benchmarks/mutation.py metrics evidence      # some of them
    python benchmarks/mutation.py --floor 85 metrics evidence   # exit 1 if a score is below 85 %
    python benchmarks/mutation.py --sample 100 --seed 1 extract  # a random sample of 100 of its mutants
    python benchmarks/mutation.py --rerun metrics       # after adding tests: re-run last run's survivors

With ``--sample N`` the mutants are generated first, N of them are drawn with ``random.Random(seed)``
from the sorted list of names, and only those run; the score is over the sample (the total is
reported next to it). ``--rerun`` keeps the module's scratch results, refreshes ``geo`` and
``tests`` in it, and re-runs the mutants that survived (or were not reached) last time.
Workers fork from mutmut's fork server (``process_isolation = "forkserver"``): the main process
stays free of pytest, numpy and hypothesis threads.

Score = (killed + timeout) / (total - skipped): mutants that no selected test reaches ("no tests")
count against the score, so an untested function lowers it instead of hiding.
Prints one line per module and writes ``test-output/mutation/scores.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output" / "mutation"
# The console script, not ``python -m mutmut``: the fork server re-imports ``mutmut.__main__`` otherwise.
_SCRIPT = Path(sys.executable).with_name("mutmut")
MUTMUT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "mutmut"]
IGNORE = shutil.ignore_patterns(".git", ".venv", "test-output", "__pycache__", ".pytest_cache", ".ruff_cache", "mutants", "_work", "*.pyc")

#: module name -> (source file, test files that should kill its mutants).
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    # The hand-computed oracles only: with the hypothesis properties every mutant of exposure() takes minutes.
    "metrics": ("geo/routes/metrics.py", ("tests/test_scenario_oracles.py", "tests/test_metrics_units.py")),
    "evidence": ("geo/claims/evidence.py", ("tests/test_evidence_oracles.py", "tests/test_claim_rationales.py", "tests/test_panels.py")),
    "scenario": ("geo/routes/scenario.py", ("tests/test_scenario_units.py", "tests/test_scenario_oracles.py", "tests/test_scenario_modes.py")),
    "linear_program": ("geo/routes/linear_program.py", ("tests/test_lp_units.py", "tests/test_scenario_oracles.py")),
    # The fast tests on tables of a few rows, and the corrupted-copy tests of validate_dataset itself.
    "validate": ("geo/validate.py", ("tests/test_validate_fast.py", "tests/test_validate_network.py")),
    "url_state": ("geo/views/url_state.py", ("tests/test_url_state_units.py", "tests/test_url_state.py")),
    "extract": ("geo/claims/extract.py", ("tests/test_extract_units.py", "tests/test_extract.py")),
}


def mutmut_config(source: str, tests: tuple[str, ...]) -> str:
    """The ``[tool.mutmut]`` table of one module's run."""
    items = {
        "source_paths": ["geo"],
        "only_mutate": [source],
        "also_copy": ["data", "seeds", "app.py", "tools", "benchmarks"],
        "pytest_add_cli_args_test_selection": list(tests),
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not browser"],
        "process_isolation": "forkserver",
    }
    return "[tool.mutmut]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in items.items())


def scratch(name: str, source: str, tests: tuple[str, ...], *, keep: bool = False) -> Path:
    """A copy of the repo whose pyproject.toml narrows mutmut to one module.

    With ``keep`` an existing copy keeps its ``mutants`` folder (the previous results); ``geo``,
    ``tests`` and ``data`` are refreshed from the worktree.
    """
    copy = OUT / name
    if keep and (copy / "mutants").exists():
        for folder in ("geo", "tests", "data"):
            shutil.rmtree(copy / folder, ignore_errors=True)
            shutil.copytree(ROOT / folder, copy / folder, ignore=IGNORE)
        # New tests: mutmut must collect which test reaches which function again.
        (copy / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    else:
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(ROOT, copy, ignore=IGNORE)
    pyproject = copy / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"\n\[tool\.mutmut\]\n(?:[^\[].*\n|\n)*", "\n", text)
    pyproject.write_text(text + "\n" + mutmut_config(source, tests), encoding="utf-8")
    return copy


def score(stats: dict[str, int]) -> float:
    """(killed + timeout) / (total - skipped): survivors, 'no tests' and suspicious mutants all count against."""
    tested = stats["total"] - stats.get("skipped", 0)
    return 100.0 * (stats["killed"] + stats.get("timeout", 0)) / tested if tested > 0 else 0.0


_GENERATE = """
import os
import mutmut.__main__ as m
m.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir()
m.copy_also_copy_files()
m.setup_source_paths()
m.create_mutants(1)
"""


def statuses(copy: Path, source: str) -> dict[str, str]:
    """Every mutant of ``source`` in the copy and its status (``not checked`` before it runs)."""
    from mutmut.stats import status_by_exit_code  # the dev requirement, only needed here

    meta = copy / "mutants" / (source + ".meta")
    if not meta.exists():
        return {}
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return {k: status_by_exit_code[v] for k, v in codes.items()}


def run_module(name: str, *, max_children: int, timeout: float, sample: int | None = None, seed: int = 0,
               rerun: bool = False) -> dict:
    source, tests = MODULES[name]
    copy = scratch(name, source, tests, keep=rerun)
    start = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    log = (OUT / f"{name}.log").open("a" if rerun else "w", encoding="utf-8")
    chosen: list[str] = []
    if rerun:
        before = statuses(copy, source)
        chosen = sorted(k for k, v in before.items() if v not in ("killed", "timeout", "skipped", "caught by type check")
                        and (v != "not checked" or not sample))
    elif sample:
        subprocess.run([sys.executable, "-c", _GENERATE], cwd=copy, stdout=log, stderr=subprocess.STDOUT, env=env, check=True)
        names = sorted(statuses(copy, source))
        chosen = sorted(random.Random(seed).sample(names, min(sample, len(names))))
        (OUT / f"{name}.sample.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    if rerun and sample:
        # The sample of the previous run: rerun scores that sample again.
        listed = OUT / f"{name}.sample.txt"
        sampled = set(listed.read_text(encoding="utf-8").split()) if listed.exists() else set()
        chosen = sorted(k for k in chosen if k in sampled)
    # Its own session, so a run past the timeout is stopped with all of mutmut's workers.
    finished = True
    if chosen or not (rerun or sample):
        proc = subprocess.Popen([*MUTMUT, "run", "--max-children", str(max_children), *chosen], cwd=copy, stdout=log,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            finished = proc.wait(timeout=timeout) == 0
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
            finished = False
    everything = statuses(copy, source)
    if sample:
        listed = OUT / f"{name}.sample.txt"
        sampled = set(listed.read_text(encoding="utf-8").split())
        scored = {k: v for k, v in everything.items() if k in sampled}
    else:
        scored = everything
    counts: dict[str, int] = {}
    for status in scored.values():
        key = status.replace(" ", "_")
        counts[key] = counts.get(key, 0) + 1
    stats = {"total": len(scored), "killed": counts.get("killed", 0) + counts.get("caught_by_type_check", 0),
             "survived": counts.get("survived", 0), "no_tests": counts.get("no_tests", 0), "timeout": counts.get("timeout", 0),
             "skipped": counts.get("skipped", 0), "suspicious": counts.get("suspicious", 0), "segfault": counts.get("segfault", 0),
             "not_checked": counts.get("not_checked", 0)}
    survivors = "".join(f"{k}: {v}\n" for k, v in sorted(scored.items()) if v not in ("killed", "timeout"))
    (OUT / f"{name}.survivors.txt").write_text(survivors, encoding="utf-8")
    finished = finished and stats["not_checked"] == 0
    checked = stats["total"] - stats["not_checked"]
    return {"module": source, "finished": finished, "seconds": round(time.monotonic() - start), "score": round(score(stats), 1),
            "checked": checked, "score_of_checked": round(100.0 * (stats["killed"] + stats["timeout"]) / checked, 1) if checked else 0.0,
            "mutants_in_module": len(everything), "sample": sample, "seed": seed if sample else None, "rerun": rerun,
            "tests": list(tests), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), **stats}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of {', '.join(MODULES)} (default: all)")
    parser.add_argument("--floor", type=float, help="exit 1 if any module scores below this percentage (or did not finish)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20 * 60, help="seconds per module before the run is stopped")
    parser.add_argument("--sample", type=int, help="run a random sample of this many mutants per module (score over the sample)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument("--rerun", action="store_true", help="re-run the survivors of the previous run (new tests, same mutants)")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"unknown module(s) {sorted(unknown)}; choose from {', '.join(MODULES)}")
    args.modules = args.modules or list(MODULES)
    OUT.mkdir(parents=True, exist_ok=True)
    results_file = OUT / "scores.json"
    failed = False
    for name in args.modules:
        result = run_module(name, max_children=args.max_children, timeout=args.timeout, sample=args.sample, seed=args.seed,
                            rerun=args.rerun)
        # Re-read: runs of other modules may have finished meanwhile.
        results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
        results[name] = result
        results_file.write_text(json.dumps(results, indent=2), encoding="utf-8")
        low = args.floor is not None and (result["score"] < args.floor or not result["finished"])
        failed |= low
        stopped = "" if result["finished"] else f"  (STOPPED: {result['checked']} checked, {result['score_of_checked']} % of those killed)"
        of = f" (sample of {result['mutants_in_module']}, seed {result['seed']})" if result["sample"] else ""
        print(f"{name:<15} {result['module']:<32} score {result['score']:5.1f} %  killed {result['killed']}/{result['total']}{of}"
              f"  survived {result.get('survived', 0)}  no tests {result.get('no_tests', 0)}  timeout {result.get('timeout', 0)}"
              f"  {result['seconds']} s{stopped}{'  BELOW FLOOR' if low else ''}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
