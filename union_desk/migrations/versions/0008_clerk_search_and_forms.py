"""people found as clerks search (surname readings, last digits of ID and phone numbers); the
union's contact phone on seat notices; a deadline for the fixes of a failed inspection

member: py_initials/py_full read the surname as a surname (曾丹伟 → zdw), the ordinary reading
moves to py_initials_alt/py_full_alt, and id_number_rev/phone_rev hold the numbers reversed so
their last digits are found by index; a full index on id_number lets a number search use it.
trip_campaign: the union's contact phone printed on the seat notices. station_inspection:
fix_by, the deadline for the fixes of a failed inspection (NULL for those already on file).
trip_registration: the same for its pinyin initials.
Every row on file is recomputed in bulk.

Revision ID: 0008
Revises: 0007
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from union_desk.domain.pinyin import person_spelling

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_CHUNK = 5000
_MEMBER_COLUMNS = (("py_initials_alt", 40), ("py_full_alt", 200), ("id_number_rev", 20),
                   ("phone_rev", 20))


def _bulk_update(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = [key for key in rows[0] if key != "b_id"]
    statement = sa.text(f"UPDATE {table} SET " + ", ".join(f"{c} = :{c}" for c in columns)
                        + " WHERE id = :b_id")
    for start in range(0, len(rows), _CHUNK):
        conn.execute(statement, rows[start:start + _CHUNK])


def _member_rows(conn) -> list[dict]:
    rows = []
    for member_id, name, id_number, phone in conn.execute(
            sa.text("SELECT id, name, id_number, phone FROM member")):
        spelling = person_spelling(name)
        rows.append(dict(b_id=member_id, py_initials=spelling.initials, py_full=spelling.full,
                         py_initials_alt=spelling.alt_initials, py_full_alt=spelling.alt_full,
                         id_number_rev=(id_number or "")[::-1], phone_rev=(phone or "")[::-1]))
    return rows


def _registration_rows(conn) -> list[dict]:
    rows = []
    for reg_id, name in conn.execute(sa.text("SELECT id, name FROM trip_registration")):
        spelling = person_spelling(name)
        rows.append(dict(b_id=reg_id, py_initials=spelling.initials,
                         py_initials_alt=spelling.alt_initials))
    return rows


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        for name, length in _MEMBER_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                          server_default=""))
            batch_op.create_index(f"ix_member_{name}", [name], unique=False)
        # the unique index is partial (deleted_at IS NULL), which SQLite cannot use for one term
        # of an OR: number searches scanned every member
        batch_op.create_index("ix_member_id_number", ["id_number"], unique=False)
    with op.batch_alter_table("trip_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("py_initials_alt", sa.String(length=40), nullable=False,
                                      server_default=""))
        batch_op.create_index("ix_trip_registration_py_alt", ["py_initials_alt"], unique=False)
    with op.batch_alter_table("station_inspection", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fix_by", sa.Date(), nullable=True))
    with op.batch_alter_table("trip_campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_phone", sa.String(length=20), nullable=False,
                                      server_default=""))
    conn = op.get_bind()
    _bulk_update(conn, "member", _member_rows(conn))
    _bulk_update(conn, "trip_registration", _registration_rows(conn))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+) rather than batch mode, which rebuilds the table
    # and cannot drop it while other tables' rows refer to it (foreign keys are on)
    op.execute("ALTER TABLE station_inspection DROP COLUMN fix_by")
    op.execute("ALTER TABLE trip_campaign DROP COLUMN contact_phone")
    op.drop_index("ix_trip_registration_py_alt", table_name="trip_registration")
    op.execute("ALTER TABLE trip_registration DROP COLUMN py_initials_alt")
    op.drop_index("ix_member_id_number", table_name="member")
    for name, _length in _MEMBER_COLUMNS:
        op.drop_index(f"ix_member_{name}", table_name="member")
        op.execute(f"ALTER TABLE member DROP COLUMN {name}")
