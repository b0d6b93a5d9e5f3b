"""Doctests of the modules that run compiled by mypyc are collected from their plain sources in a child process.

With a fresh build, ``geo.claims.text`` is the compiled module, so pytest cannot import ``geo/claims/text.py`` as
its own file for ``--doctest-modules``; ``tests/test_compiled_loader.py`` runs those doctests with
``GEO_PURE_PYTHON=1`` instead.
"""

import geo.claims
from geo.claims.compiled import COMPILED

collect_ignore = [f"{name}.py" for name in COMPILED] if geo.claims.COMPILED_IN_USE else []
