"""Storage: per-area repositories behind one unit of work, on SQLite or PostgreSQL.

``unit_of_work.UnitOfWork`` owns the connection and the transaction; the
repositories (``contacts``, ``lookup``, ``campaigns``, ``tasks``, ``calls``,
``merge``, ``reports``) hold the queries; ``dialect_sqlite`` and
``dialect_postgres`` hold every difference between the two engines.
"""
