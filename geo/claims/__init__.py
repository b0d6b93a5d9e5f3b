"""Stage 2b: article text utilities, claim extraction, evidence figures and ingest."""

from geo.claims.compiled import prefer_compiled

#: True when the extraction modules run compiled by mypyc (see geo/claims/compiled.py).
COMPILED_IN_USE = prefer_compiled(__path__)
