"""PostgreSQL: the live members' ID number and phone as one text in a pg_trgm index per part
of the name order (py_full before "f", from "f" to "j", "j"–"m", "m"–"s", "s"–"w", "w"–"y",
"y"–"z", from "z": about an eighth of a roster each), so the first page of a part of a number
held by a few thousand members is read from the first parts' small indexes in name order
(search_sql.numbers_in_part, search_plan._sampled) rather than from the whole trigram indexes
and every hit's row (at a million members `198506`: 7 ms → 2 ms on the server). The whole
indexes on id_number and phone stay: counting and the other lists read them. SQLite: nothing
(its digits index is already in name order, 0018).

Revision ID: 0019
Revises: 0018
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0019"
down_revision: Union[str, Sequence[str], None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# frozen here (search_sql.NAME_PARTS must match: tests/foundation/test_migration_0019.py)
NAME_PARTS = ("f", "j", "m", "s", "w", "y", "z")
INDEXES = [f"ix_member_numbers_trgm_{part}" for part in range(len(NAME_PARTS) + 1)]


def _where(part: int) -> str:
    bounds = (None, *NAME_PARTS, None)
    low, high = bounds[part], bounds[part + 1]
    return " AND ".join(["deleted_at IS NULL", *([f"py_full >= '{low}'"] if low else []),
                         *([f"py_full < '{high}'"] if high else [])])


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for part, name in enumerate(INDEXES):
        op.execute(f"CREATE INDEX {name} ON member USING gin "
                   f"((id_number || ' ' || phone) gin_trgm_ops) WHERE {_where(part)}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
