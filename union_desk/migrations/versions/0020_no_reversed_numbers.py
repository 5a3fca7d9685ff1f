"""member's reversed ID number and phone go: id_number_rev and phone_rev (0008) let a search
find the last digits of a number by index; since 0017 no search reads them (the digits index —
SQLite's FTS5 member_digits, PostgreSQL's pg_trgm indexes — finds any part of a number), yet
every write still made them. 29 bytes a member, and one more copy of every ID number on the
laptop, in its backups and in every package to the city (PIPL: collect only what the work
needs). Nothing refers to them: their indexes went in 0017.

Revision ID: 0020
Revises: 0019
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: Union[str, Sequence[str], None] = "0019"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_COLUMNS = ("id_number_rev", "phone_rev")
_CHUNK = 1000


def upgrade() -> None:
    for column in _COLUMNS:
        op.drop_column("member", column)  # SQLite ≥ 3.35: ALTER TABLE … DROP COLUMN


def downgrade() -> None:
    for column in _COLUMNS:
        op.add_column("member", sa.Column(column, sa.String(length=20), nullable=False,
                                          server_default=""))
    conn = op.get_bind()
    rows = [dict(b_id=member_id, id_number_rev=(number or "")[::-1], phone_rev=(phone or "")[::-1])
            for member_id, number, phone in conn.execute(
                sa.text("SELECT id, id_number, phone FROM member"))]
    statement = sa.text("UPDATE member SET id_number_rev = :id_number_rev, "
                        "phone_rev = :phone_rev WHERE id = :b_id")
    for start in range(0, len(rows), _CHUNK):
        conn.execute(statement, rows[start:start + _CHUNK])
