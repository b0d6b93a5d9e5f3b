"""Stage 2b: article text utilities, claim extraction, evidence figures and ingest."""
