"""the member search at city scale (issue 13): live members in name order with what a search
compares (ix_member_walk), the same per first character of the name (ix_member_surname) and for the
few with another reading of their surname (ix_member_alt), a
name's characters from the second and third on (ix_member_name_2/_3) and the few long names
(ix_member_name_long), so any part of a name is an index range; any three or more digits of an
ID number or phone by a trigram index — SQLite: the FTS5 table member_digits (trigram
tokenizer), kept up to date through triggers on member and member_digits_pending (see below);
PostgreSQL: pg_trgm GIN indexes on id_number and phone. The indexes the new search no longer reads go: py_full (ix_member_walk
starts with it), phone and the reversed numbers (the trigram index finds any part of them),
name_key (ix_member_surname holds the start of every name) and the other readings' (the few
members who have one are all in ix_member_alt).

Existing rows are indexed in bulk (CREATE INDEX; one INSERT … SELECT into member_digits in
rowid order).

Revision ID: 0017
Revises: 0015
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: Union[str, Sequence[str], None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_DROPPED = (("ix_member_py_full", ["py_full"]), ("ix_member_phone", ["phone"]),
            ("ix_member_id_number_rev", ["id_number_rev"]), ("ix_member_phone_rev", ["phone_rev"]),
            ("ix_member_name_key", ["name_key"]), ("ix_member_py_initials_alt", ["py_initials_alt"]),
            ("ix_member_py_full_alt", ["py_full_alt"]))
_LIVE = "deleted_at IS NULL"
_DIGITS = "{0}.id_number || ' ' || {0}.phone"

# SQLite: member_digits holds _DIGITS of each member, by its rowid. An FTS5 table written by a
# trigger flushes a segment per statement (a bulk insert ten times slower, and slower as the
# table grows), so the triggers only note which members changed (member_digits_pending, a
# plain B-tree) and every write transaction brings member_digits up to date in two statements
# before it commits (dialect.sync_search_index); a search also reads the noted rows, so it is
# exact even before that.
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE member_digits USING fts5(numbers, tokenize='trigram', detail='none')",
    "CREATE TABLE member_digits_pending (member_rowid INTEGER PRIMARY KEY)",
    *(f"CREATE TRIGGER member_digits_{event.split()[0].lower()} AFTER {event} ON member BEGIN "
      f"INSERT INTO member_digits_pending (member_rowid) SELECT {row}.rowid WHERE NOT EXISTS "
      f"(SELECT 1 FROM member_digits_pending WHERE member_rowid = {row}.rowid); END"
      for event, row in (("INSERT", "new"), ("UPDATE OF id_number, phone", "new"),
                         ("DELETE", "old"))),
    "INSERT INTO member_digits (rowid, numbers) "
    f"SELECT rowid, {_DIGITS.format('member')} FROM member ORDER BY rowid",
]
SQLITE_SEARCH_DOWN = ["DROP TRIGGER member_digits_update", "DROP TRIGGER member_digits_delete",
                      "DROP TRIGGER member_digits_insert", "DROP TABLE member_digits_pending",
                      "DROP TABLE member_digits"]
# PostgreSQL: pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it
POSTGRESQL_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_member_id_number_trgm ON member USING gin (id_number gin_trgm_ops)",
    "CREATE INDEX ix_member_phone_trgm ON member USING gin (phone gin_trgm_ops)",
]
POSTGRESQL_SEARCH_DOWN = ["DROP INDEX ix_member_phone_trgm", "DROP INDEX ix_member_id_number_trgm"]


def upgrade() -> None:
    live = sa.text(_LIVE)
    for name, _columns in _DROPPED:
        op.drop_index(name, table_name="member")
    op.create_index("ix_member_walk", "member",
                    ["py_full", "id", "name_key", "py_initials", "py_initials_alt", "py_full_alt",
                     "id_number", "phone", "card_no", "township", "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    op.create_index("ix_member_surname", "member",
                    [sa.text("substr(name_key, 1, 1)"), "py_full", "id", "name_key", "township",
                     "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    alt = sa.text("py_full_alt != '' AND deleted_at IS NULL")
    op.create_index("ix_member_alt", "member",
                    ["py_full", "id", "py_initials_alt", "py_full_alt", "township", "deleted_at"],
                    sqlite_where=alt, postgresql_where=alt)
    op.create_index("ix_member_name_2", "member", [sa.text("substr(name_key, 2)")])
    op.create_index("ix_member_name_3", "member", [sa.text("substr(name_key, 3)")])
    long_names = sa.text("length(name_key) > 3")
    op.create_index("ix_member_name_long", "member", ["name_key"],
                    sqlite_where=long_names, postgresql_where=long_names)
    # each union's members on the roll, counted from an index (the union list at start-up: at a
    # million members, 2.3 s reading every row; 0.07 s)
    op.create_index("ix_member_union_live", "member", ["union_id", "status", "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    search = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH
    for statement in search:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH_DOWN if sqlite else POSTGRESQL_SEARCH_DOWN:
        op.execute(statement)
    for name in ("ix_member_union_live", "ix_member_name_long", "ix_member_name_3", "ix_member_name_2", "ix_member_alt",
                 "ix_member_surname", "ix_member_walk"):
        op.drop_index(name, table_name="member")
    for name, columns in _DROPPED:
        op.create_index(name, "member", columns)
