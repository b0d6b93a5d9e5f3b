"""Stage 1: files -> validated tables (schemas, loading, geodesy, line building, reading the corpus)."""
