"""The store: where the validated tables live, files (the default) or a shared PostgreSQL + PostGIS database.

``GEO_STORE`` unset or empty: the data folder's files, read by :mod:`geo.data.load` (one analyst, no server).
``GEO_STORE=postgresql://user@host/db``: the tables of :mod:`geo.store.tables`, for a team that ingests
and reviews at once. :func:`geo.store.base.open_store` picks one; both answer the same :class:`~geo.store.base.Store`
interface, and rows read from the database pass the same pydantic records as the files.
"""
