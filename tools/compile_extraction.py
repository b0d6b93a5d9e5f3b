"""Compile the extraction modules with mypyc into build/compiled/ (used by geo/claims/compiled.py when fresh).

Run: .venv/bin/python tools/compile_extraction.py [--force]
``make run`` and ``make test`` run it; it does nothing when the build's stamp matches the sources. It needs a C
compiler and Python's headers; without them it says so and exits 0, and extraction runs from the plain sources
(the same results, about 1.5 times slower). mypyc comes with mypy (requirements.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["GEO_PURE_PYTHON"] = "1"  # importing geo.claims here must not load an old build

from geo.claims.compiled import BUILD_DIR, COMPILED, STAMP_NAME, fresh_build, source_stamp  # noqa: E402


def build(build_dir: Path) -> None:
    """Compile into a fresh folder next to ``build_dir``, then swap it in (a running process keeps its old files)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    src_dir = ROOT / "geo" / "claims"
    stamp = source_stamp(src_dir)  # read before compiling: an edit during the build leaves the build stale, not wrong
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="compiled-", dir=build_dir.parent))
    cwd = Path.cwd()
    os.chdir(ROOT)  # mypyc names the modules by their paths from here (and writes its C sources to build/)
    try:
        # a bare Distribution reads no pyproject.toml (this project is not a setuptools package)
        dist = Distribution({"name": "geo-claims-compiled", "ext_modules": mypycify(
            [f"geo/claims/{name}.py" for name in COMPILED], opt_level="3", group_name="geo_claims")})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(out)
        cmd.build_temp = str(out / "tmp")
        dist.run_command("build_ext")
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)  # no half-built folder left behind
        raise
    finally:
        os.chdir(cwd)
    shutil.rmtree(out / "tmp", ignore_errors=True)
    (out / STAMP_NAME).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    old = build_dir.with_name(build_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if build_dir.exists():
        build_dir.rename(old)
    out.rename(build_dir)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    """Build unless fresh; 0 even when the build fails (the plain sources then run)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile even when the build is fresh")
    args = parser.parse_args()
    if not args.force and fresh_build(BUILD_DIR, ROOT / "geo" / "claims") is not None:
        print(f"compiled extraction is up to date ({BUILD_DIR.relative_to(ROOT)})")
        return 0
    try:
        build(BUILD_DIR)
    except Exception as exc:  # no compiler, no headers, a type error mypyc rejects: fall back to the sources
        kept = fresh_build(BUILD_DIR, ROOT / "geo" / "claims") is not None
        print(f"warning: extraction not compiled ({type(exc).__name__}: {exc}); "
              + ("the previous build, which matches the sources, stays in use" if kept else "it runs from the plain sources"),
              file=sys.stderr)
        return 0
    print(f"compiled {', '.join(COMPILED)} into {BUILD_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
