"""The township's data as it leaves the laptop: a consistent SQLite snapshot (VACUUM INTO, as a
backup is made) with the key material and the audit trail taken out and the file vacuumed again,
so no deleted page still holds them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.base import local_tables
from union_desk.models.exchange import EXCHANGE_TABLES
from union_desk.models.member import is_search_structure

# Tables marked to stay on the laptop (`info={"synchronised": False}`: the clerk accounts and
# their password hashes).
LOCAL_TABLES = local_tables(SQLModel.metadata)
# Kept at the township: its keys and the exchange's own tables, its audit trail (who did what on
# this laptop, reveals included; the city records merges in its own history), its local tables.
STRIPPED_TABLES = (*EXCHANGE_TABLES, "audit_entry", *LOCAL_TABLES)
# Read at the city but never merged into the city's rows: the township's own settings.
NOT_MERGED_TABLES = (*STRIPPED_TABLES, "setting", "alembic_version")


def strip_snapshot(path: Path, township: str | None = None) -> dict[str, int]:
    """Empty the tables that stay at the township, vacuum, and count the rows of the others.
    With `township`, rows without a township code get it (the file is that township's; older
    versions could leave the code blank on some rows — see models.audit.install)."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if not is_search_structure(r[0])]  # the search index travels as it is
        con.execute("BEGIN")
        for table in tables:
            if table in STRIPPED_TABLES:
                con.execute(f'DELETE FROM "{table}"')
            elif township and table != "alembic_version":
                con.execute(f'UPDATE "{table}" SET township = ? WHERE township = \'\'', (township,))
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in tables if t not in STRIPPED_TABLES and t != "alembic_version"}
    finally:
        con.close()
