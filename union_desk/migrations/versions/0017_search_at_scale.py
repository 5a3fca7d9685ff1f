"""the member search at city scale (issue 13): live members in name order with what a search
compares (ix_member_walk), the same per first character of the name (ix_member_surname) and for the
few with another reading of their surname (ix_member_alt), a
name's characters from the second and third on (ix_member_name_2/_3) and the few long names
(ix_member_name_long), so any part of a name is an index range; any three or more digits of an
ID number or phone by a trigram index — SQLite: the FTS5 table member_digits (trigram
tokenizer, contentless, kept exact by triggers on member); PostgreSQL: pg_trgm GIN indexes on
id_number and phone. The indexes the new search no longer reads go: py_full (ix_member_walk
starts with it), phone and the reversed numbers (the trigram index finds any part of them).

Existing rows are indexed in bulk (CREATE INDEX; one INSERT … SELECT into member_digits in
rowid order).

Revision ID: 0017
Revises: 0009
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_DROPPED = (("ix_member_py_full", ["py_full"]), ("ix_member_phone", ["phone"]),
            ("ix_member_id_number_rev", ["id_number_rev"]), ("ix_member_phone_rev", ["phone_rev"]))
_LIVE = "deleted_at IS NULL"
_DIGITS = "{0}.id_number || ' ' || {0}.phone"

# SQLite: what member_digits holds for a member is exactly _DIGITS of its row, by its rowid
# (contentless: a 'delete' must give the values indexed, which the old row still holds)
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE member_digits USING fts5(numbers, content='', tokenize='trigram', "
    "detail='none')",
    "CREATE TRIGGER member_digits_insert AFTER INSERT ON member BEGIN "
    f"INSERT INTO member_digits (rowid, numbers) VALUES (new.rowid, {_DIGITS.format('new')}); "
    "END",
    "CREATE TRIGGER member_digits_delete AFTER DELETE ON member BEGIN "
    "INSERT INTO member_digits (member_digits, rowid, numbers) "
    f"VALUES ('delete', old.rowid, {_DIGITS.format('old')}); END",
    "CREATE TRIGGER member_digits_update AFTER UPDATE OF id_number, phone ON member BEGIN "
    "INSERT INTO member_digits (member_digits, rowid, numbers) "
    f"VALUES ('delete', old.rowid, {_DIGITS.format('old')}); "
    f"INSERT INTO member_digits (rowid, numbers) VALUES (new.rowid, {_DIGITS.format('new')}); "
    "END",
    "INSERT INTO member_digits (rowid, numbers) "
    f"SELECT rowid, {_DIGITS.format('member')} FROM member ORDER BY rowid",
]
SQLITE_SEARCH_DOWN = ["DROP TRIGGER member_digits_update", "DROP TRIGGER member_digits_delete",
                      "DROP TRIGGER member_digits_insert", "DROP TABLE member_digits"]
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
                     "id_number", "phone", "card_no"],
                    sqlite_where=live, postgresql_where=live)
    op.create_index("ix_member_surname", "member",
                    [sa.text("substr(name_key, 1, 1)"), "py_full", "id", "name_key"],
                    sqlite_where=live, postgresql_where=live)
    alt = sa.text("py_full_alt != '' AND deleted_at IS NULL")
    op.create_index("ix_member_alt", "member", ["py_full", "id", "py_initials_alt", "py_full_alt"],
                    sqlite_where=alt, postgresql_where=alt)
    op.create_index("ix_member_name_2", "member", [sa.text("substr(name_key, 2)")])
    op.create_index("ix_member_name_3", "member", [sa.text("substr(name_key, 3)")])
    long_names = sa.text("length(name_key) > 3")
    op.create_index("ix_member_name_long", "member", ["name_key"],
                    sqlite_where=long_names, postgresql_where=long_names)
    search = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH
    for statement in search:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH_DOWN if sqlite else POSTGRESQL_SEARCH_DOWN:
        op.execute(statement)
    for name in ("ix_member_name_long", "ix_member_name_3", "ix_member_name_2", "ix_member_alt",
                 "ix_member_surname", "ix_member_walk"):
        op.drop_index(name, table_name="member")
    for name, columns in _DROPPED:
        op.create_index(name, "member", columns)
