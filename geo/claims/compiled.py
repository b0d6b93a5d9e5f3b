"""The mypyc-compiled build of the extraction modules, used only when it was built from the sources as they are now.

``tools/compile_extraction.py`` (run by ``make run`` and ``make test``) compiles the modules named in
``COMPILED`` with mypyc into ``build/compiled/`` and writes a stamp: the SHA-256 of each source and the
interpreter's cache tag. ``geo/claims/__init__.py`` calls :func:`prefer_compiled` before any of those
modules is imported: when the stamp matches the sources, the build's folder is put first on the
package's search path, so ``import geo.claims.extract`` loads the compiled module; otherwise (no build,
a source edited since, another Python, or ``GEO_PURE_PYTHON=1``) the plain sources are used. The compiled
modules behave byte for byte like the sources (the test suite and ``benchmarks/dump_extract.py`` run on both);
they are about 1.4-1.6 times faster (BENCHMARKS.md, "Extraction compiled with mypyc").
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

#: The modules compiled, in geo/claims/.
COMPILED = ("text", "cue_words", "cues", "matcher", "extract")
ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = ROOT / "build" / "compiled"
STAMP_NAME = "SOURCES.json"


def source_stamp(src_dir: Path) -> dict[str, str]:
    """What a build must have been made from: each source's SHA-256 and the interpreter's cache tag."""
    stamp = {name: hashlib.sha256((src_dir / f"{name}.py").read_bytes()).hexdigest() for name in COMPILED}
    stamp["python"] = sys.implementation.cache_tag or ""
    return stamp


def fresh_build(build_dir: Path, src_dir: Path) -> Path | None:
    """The folder of compiled modules in ``build_dir`` if its stamp matches the sources in ``src_dir``, else None."""
    try:
        stamp = json.loads((build_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp != source_stamp(src_dir):
        return None
    folder = build_dir / "geo" / "claims"
    if not all(any(folder.glob(f"{name}.*.so")) for name in COMPILED):
        return None
    return folder


def prefer_compiled(package_path: list[str]) -> bool:
    """Put a fresh compiled build first on ``package_path`` (the package's ``__path__``); True if it was."""
    if os.environ.get("GEO_PURE_PYTHON"):
        return False
    folder = fresh_build(BUILD_DIR, Path(__file__).resolve().parent)
    if folder is None:
        return False
    package_path.insert(0, str(folder))
    if str(BUILD_DIR) not in sys.path:  # the build's shared module (geo_claims__mypyc) is a top-level one
        sys.path.append(str(BUILD_DIR))
    return True
